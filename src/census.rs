//! The census of a tree: every path through it (exactly up to a bound, or past it when the
//! paths fold in less work than a sample; else a seeded random sample whose size is stated) and what each one recommends, so that an author can see what a
//! change to the tree does to the advice across all clients: paths per outcome, ties and close
//! calls, outcomes never recommended, how often each rule holds, how often changing one answer
//! alone changes the result (each question's swing), and the examples that fail.
//!
//! Every path is counted exactly by folding paths that meet in the same state (`fold.rs`): the
//! time follows the number of distinct states, not of paths. A tree whose states hardly meet is
//! walked path by path instead (`walk.rs`, which also draws the sample), split into subtrees
//! on every core. Either way the counts are added up, so the result does not depend on the
//! number of cores. `render.rs` writes it as text and JSON.

mod fold;
mod render;
mod walk;

use std::sync::atomic::{AtomicUsize, Ordering};

pub use render::{json, text};

use crate::examples::{self, Failure};
use crate::tree::{Next, Tree};
use fold::{Budget, fold};
use walk::{Flow, Step, Tally, Walker};

/// How the census walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Count every path when the tree has at most this many; past it, count them all only when
    /// their states fold in less work than the sample would take, else sample.
    pub limit: u64,
    /// How many paths a sample draws.
    pub sample: u64,
    /// The sample's seed: the same seed gives the same sample.
    pub seed: u64,
    /// Threads to walk on (at least one).
    pub threads: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limit: DEFAULT_LIMIT,
            sample: DEFAULT_SAMPLE,
            seed: 1,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

/// Paths counted exactly by default: folded, the shipped tree's 19.2 million take under half a
/// second; walked one by one (a tree whose states do not fold), this is a minute at most.
pub const DEFAULT_LIMIT: u64 = 100_000_000;

/// Paths a sample draws by default: enough for shares to about a tenth of a percent.
pub const DEFAULT_SAMPLE: u64 = 1_000_000;

/// What the census found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Census {
    /// Every path through the tree, counted (saturating at `u128::MAX`).
    pub paths: u128,
    /// The paths the counts below are over: all of them, or the sample's.
    pub walked: u64,
    /// The seed, when the counts are over a random sample rather than every path.
    pub sample_seed: Option<u64>,
    /// Per outcome, in the tree's order: the paths recommending it alone.
    pub outcomes: Vec<u64>,
    /// Ties: the outcomes tied (in the tree's order) and the paths, most paths first.
    pub ties: Vec<(Vec<usize>, u64)>,
    /// Paths whose result is a close call (ties included).
    pub close_calls: u64,
    /// Per rule, in the tree's order: the paths on which it holds.
    pub rules: Vec<u64>,
    /// Per rule, then outcome: the paths on which the rule holds and the headline names the
    /// outcome (alone or tied), so an author sees what each rule leads to.
    pub rule_outcomes: Vec<Vec<u64>>,
    /// Per question, in the tree's order.
    pub questions: Vec<Swing>,
    /// Every failing example.
    pub examples: Vec<Failure>,
}

/// How often changing one question's answer alone changes the recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swing {
    /// Paths that ask the question.
    pub asked: u64,
    /// Of those, the paths on which another answer to it alone would change the headline (the
    /// result screen would list it under "What would change it").
    pub changed: u64,
}

/// Why a census could not be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CensusError {
    #[error(
        "the tree has {0} outcomes and {1} rules; the census counts trees with at most 64 of each"
    )]
    TooLarge(usize, usize),
}

impl Census {
    /// Paths recommending an outcome alone or tied with others.
    pub fn headlined(&self, outcome: usize) -> u64 {
        self.outcomes[outcome]
            + self
                .ties
                .iter()
                .filter(|(tied, _)| tied.contains(&outcome))
                .map(|(_, n)| n)
                .sum::<u64>()
    }

    /// Outcomes no path recommends, alone or in a tie.
    pub fn never_recommended(&self) -> Vec<usize> {
        (0..self.outcomes.len())
            .filter(|&o| self.headlined(o) == 0)
            .collect()
    }

    /// Paths whose result is a tie.
    pub fn tied(&self) -> u64 {
        self.ties.iter().map(|(_, n)| n).sum()
    }

    /// A count as a share of the paths walked, from 0 to 1.
    pub fn share(&self, count: u64) -> f64 {
        if self.walked == 0 {
            0.0
        } else {
            count as f64 / self.walked as f64
        }
    }
}

/// Takes the census of a tree.
pub fn run(tree: &Tree, options: &Options) -> Result<Census, CensusError> {
    let flow = Flow::new(tree).ok_or(CensusError::TooLarge(
        tree.outcomes().len(),
        tree.rules().len(),
    ))?;
    let paths_from = paths_from(tree);
    let paths = paths_from[tree.start()];
    let threads = options.threads.max(1);
    let (tally, sample_seed) = if paths <= u128::from(options.limit) {
        let tally = fold(tree, &flow, &paths_from, budget(tree, paths), threads)
            .unwrap_or_else(|| exact(tree, &flow, threads));
        (tally, None)
    } else if let Some(tally) = fold_instead_of_sample(tree, &flow, &paths_from, options) {
        (tally, None)
    } else {
        let sample = sample(
            tree,
            &flow,
            &paths_from,
            options.sample,
            options.seed,
            threads,
        );
        (sample, Some(options.seed))
    };
    Ok(census_of(tree, &flow, tally, sample_seed, paths))
}

/// A census from a tally.
fn census_of(
    tree: &Tree,
    flow: &Flow,
    tally: Tally,
    sample_seed: Option<u64>,
    paths: u128,
) -> Census {
    let mut ties: Vec<(Vec<usize>, u64)> = tally
        .ties
        .iter()
        .map(|&(mask, n)| ((0..flow.n).filter(|o| mask & (1 << o) != 0).collect(), n))
        .collect();
    ties.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Census {
        paths,
        walked: tally.paths,
        sample_seed,
        outcomes: tally.sole,
        ties,
        close_calls: tally.close_calls,
        rules: tally.fires,
        rule_outcomes: tally
            .rule_outcomes
            .chunks(flow.n)
            .map(<[u64]>::to_vec)
            .collect(),
        questions: tally
            .through
            .iter()
            .zip(&tally.swings)
            .map(|(&asked, &changed)| Swing { asked, changed })
            .collect(),
        examples: examples::failures(tree),
    }
}

/// How much folding may do before walking each path is the better way. Folding weighs each
/// distinct state reaching a question against each distinct rest from there: at most as many
/// pairs as the walk takes steps (a path and a question on it), far fewer when paths meet.
/// Weighing a pair costs about what a step does, so past that many the walk is the better
/// way. The values held bound the memory.
fn budget(tree: &Tree, paths: u128) -> Budget {
    let longest = u128::from(tree.remaining_from(tree.start()).1);
    Budget {
        values: FOLD_VALUES,
        pairs: u64::try_from(paths.saturating_mul(longest)).unwrap_or(u64::MAX),
    }
}

/// Past the limit, the exact count when folding takes no more than the sample would: a sample
/// walks `sample` paths of up to the longest path's length, and folding weighs a pair for about
/// what a step costs. Counts are held in 64 bits, so a tree with more paths is always sampled.
fn fold_instead_of_sample(
    tree: &Tree,
    flow: &Flow,
    paths_from: &[u128],
    options: &Options,
) -> Option<Tally> {
    let paths = paths_from[tree.start()];
    if paths > u128::from(u64::MAX) {
        return None;
    }
    let longest = u64::from(tree.remaining_from(tree.start()).1);
    let budget = Budget {
        values: FOLD_VALUES,
        pairs: options.sample.saturating_mul(longest),
    };
    fold(tree, flow, paths_from, budget, options.threads.max(1))
}

/// Values (eight bytes each, about half as much again in hash tables) each fold may hold
/// before the census walks each path instead: 128 MB of them. The shipped tree's largest fold
/// holds about 4.4 million.
const FOLD_VALUES: usize = 1 << 24;

/// Every path counted exactly, however many there are and however much memory folding them
/// takes (paths that reach a question in the same state are carried forward together): the
/// census without its examples. Quick for trees whose states fold, e.g. in a debug build's
/// tests; counts past `u64::MAX` saturate.
pub fn count(tree: &Tree) -> Result<Census, CensusError> {
    let flow = Flow::new(tree).ok_or(CensusError::TooLarge(
        tree.outcomes().len(),
        tree.rules().len(),
    ))?;
    let paths_from = paths_from(tree);
    let threads = Options::default().threads;
    // Without a budget the fold always finishes, unless a thread failed (a bug).
    let tally = fold(tree, &flow, &paths_from, Budget::NONE, threads)
        .unwrap_or_else(|| exact(tree, &flow, threads));
    let mut census = census_of(tree, &flow, tally, None, paths_from[tree.start()]);
    census.examples = Vec::new();
    Ok(census)
}

/// The number of paths from each question to an end (saturating), children first.
pub(crate) fn paths_from(tree: &Tree) -> Vec<u128> {
    let n = tree.questions().len();
    let mut count: Vec<Option<u128>> = vec![None; n];
    for root in 0..n {
        let mut stack = vec![root];
        while let Some(&q) = stack.last() {
            if count[q].is_some() {
                stack.pop();
                continue;
            }
            let choices = tree.question(q).choices.len();
            let pending: Vec<usize> = (0..choices)
                .filter_map(|c| match tree.next(q, c) {
                    Next::Question(t) if count[t].is_none() => Some(t),
                    _ => None,
                })
                .collect();
            if pending.is_empty() {
                let total = (0..choices).fold(0u128, |sum, c| {
                    sum.saturating_add(match tree.next(q, c) {
                        Next::End => 1,
                        Next::Question(t) => count[t].unwrap_or(0),
                    })
                });
                count[q] = Some(total);
                stack.pop();
            } else {
                stack.extend(pending);
            }
        }
    }
    count.into_iter().map(Option::unwrap_or_default).collect()
}

/// Subtrees per thread the exact walk is split into, so that threads finish together.
const TASKS_PER_THREAD: usize = 16;

/// Walks every path, split into subtrees by their first answers.
fn exact(tree: &Tree, flow: &Flow, threads: usize) -> Tally {
    let mut tasks: Vec<Vec<Step>> = vec![Vec::new()];
    let target = if threads > 1 {
        threads * TASKS_PER_THREAD
    } else {
        1
    };
    while tasks.len() < target {
        let mut grew = false;
        let mut next_tasks = Vec::with_capacity(tasks.len() * 4);
        for prefix in tasks {
            match question_after(tree, &prefix) {
                Some(q) => {
                    grew = true;
                    for c in 0..tree.question(q).choices.len() {
                        let mut longer = prefix.clone();
                        longer.push((q as u32, c as u32));
                        next_tasks.push(longer);
                    }
                }
                None => next_tasks.push(prefix),
            }
        }
        tasks = next_tasks;
        if !grew {
            break;
        }
    }
    on_threads(tree, flow, threads, tasks.len(), |walker, i| {
        walker.walk_below(tree.start(), &tasks[i]);
    })
}

/// The question a prefix of answers leads to, or `None` when it ends.
fn question_after(tree: &Tree, prefix: &[Step]) -> Option<usize> {
    match prefix.last() {
        None => Some(tree.start()),
        Some(&(q, c)) => match tree.next(q as usize, c as usize) {
            Next::Question(t) => Some(t),
            Next::End => None,
        },
    }
}

/// Runs jobs `0..jobs` on `threads` threads, each with its own walker, and adds up the tallies.
fn on_threads(
    tree: &Tree,
    flow: &Flow,
    threads: usize,
    jobs: usize,
    job: impl Fn(&mut Walker, usize) + Sync,
) -> Tally {
    let questions = tree.questions().len();
    let longest = tree.remaining_from(tree.start()).1 as usize;
    let next_job = AtomicUsize::new(0);
    let work = || {
        let mut walker = Walker::new(flow, questions, longest);
        loop {
            let i = next_job.fetch_add(1, Ordering::Relaxed);
            if i >= jobs {
                break;
            }
            job(&mut walker, i);
        }
        walker.tally()
    };
    let mut total = Tally::new(flow, questions);
    if threads == 1 || jobs < 2 {
        total.add(work());
        return total;
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(jobs))
            .map(|_| std::thread::Builder::new().spawn_scoped(scope, work))
            .collect();
        for handle in handles {
            // A thread that could not start leaves its jobs to the others; one that panicked
            // (a bug) loses only its own counts, which the totals then show.
            if let Ok(handle) = handle
                && let Ok(tally) = handle.join()
            {
                total.add(tally);
            }
        }
    });
    // Jobs no thread took (none could start) are walked here.
    if next_job.load(Ordering::Relaxed) < jobs {
        total.add(work());
    }
    total
}

/// Chunks a sample is drawn in, each with its own seed, so the sample is the same on any
/// number of cores.
const SAMPLE_CHUNKS: usize = 64;

/// Draws `size` paths at random, each path as likely as any other.
fn sample(
    tree: &Tree,
    flow: &Flow,
    paths_from: &[u128],
    size: u64,
    seed: u64,
    threads: usize,
) -> Tally {
    let weight = |q: usize, c: usize| match tree.next(q, c) {
        Next::End => 1.0,
        Next::Question(t) => paths_from[t] as f64,
    };
    on_threads(tree, flow, threads, SAMPLE_CHUNKS, |walker, chunk| {
        let chunk_size =
            size / SAMPLE_CHUNKS as u64 + u64::from((chunk as u64) < size % SAMPLE_CHUNKS as u64);
        let mut rng =
            fastrand::Rng::with_seed(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ chunk as u64);
        for _ in 0..chunk_size {
            walker.walk_one(tree.start(), |q| {
                let mut left = rng.f64() * paths_from[q] as f64;
                let choices = tree.question(q).choices.len();
                for c in 0..choices {
                    left -= weight(q, c);
                    if left < 0.0 {
                        return c;
                    }
                }
                choices - 1
            });
        }
    })
}

#[cfg(test)]
mod tests;
