//! The exact census without walking paths one by one. A path's result depends only on its
//! state (points per outcome, and how many conditions of each rule its answers meet), and paths
//! that reach a question in the same state go on the same way: so each question keeps its
//! distinct states with how many paths bring them, and each is carried forward once.
//!
//! The swing folds too. On a path reaching question `q` in state `V`, answering `a` instead
//! gives the state `V + δa + R`, where `R` is what the rest of the path adds from the question
//! `a` leads to if the path goes there (the new branch rejoins it), and nothing otherwise (the
//! branch ends, or reaches a question the path never answered: the result is then what the
//! answers so far lean to, as the result screen's what-ifs say). `R` for the answer given is
//! the whole rest of the path. So whether `q` swings on a path depends only on `V` and on the
//! rests from the questions `q`'s answers lead to: those rests are folded the same way (from
//! each question `q` leads to, the distinct rests with their numbers of paths), and each state
//! reaching `q` is weighed against each distinct rest once, counting the product of their
//! numbers of paths. A question swings when not all its answers lead to the same headline:
//! then whichever was given, another changes it.
//!
//! Trees whose points are so varied that few paths share a state gain nothing from folding;
//! past a budget the census walks each path instead (`walk.rs`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use foldhash::fast::FixedState;

use super::walk::{Flow, Tally};
use crate::tree::{Next, Tree};

/// Distinct states (or rests) and the number of paths with each.
type States = HashMap<Box<[i64]>, u64, FixedState>;

/// How much folding may hold and weigh before walking each path is the better way.
#[derive(Debug, Clone, Copy)]
pub(super) struct Budget {
    /// Distinct states held at the questions, and distinct rests held by one question's fold.
    pub states: usize,
    /// States weighed against rests for the swing, in all.
    pub pairs: u64,
}

impl Budget {
    /// No limit: for `census::count` and the tests.
    pub(super) const NONE: Budget = Budget {
        states: usize::MAX,
        pairs: u64::MAX,
    };
}

/// Counts every path exactly, swing included; `None` when the tree's states do not fold within
/// `budget`. `paths_from` gives the number of paths from each question to an end.
pub(super) fn fold(
    tree: &Tree,
    flow: &Flow,
    paths_from: &[u128],
    budget: Budget,
    threads: usize,
) -> Option<Tally> {
    let questions = tree.questions().len();
    let w = flow.width();
    let order = topological(tree);
    let mut tally = Tally::new(flow, questions);
    let canon = Canon::new(flow, &order);
    let mut reach: Vec<States> = (0..questions).map(|_| States::default()).collect();
    reach[tree.start()].insert(vec![0; w].into_boxed_slice(), 1);
    let mut held = 1usize;
    let mut after = vec![0i64; w];
    for &q in &order {
        let here = std::mem::take(&mut reach[q]);
        // Every way on from here is a path through the question.
        let on = u64::try_from(paths_from[q]).unwrap_or(u64::MAX);
        for (values, &paths) in &here {
            tally.through[q] = tally.through[q].saturating_add(paths.saturating_mul(on));
            for g in flow.choices(q) {
                for (a, (v, d)) in after.iter_mut().zip(values.iter().zip(flow.delta_of(g))) {
                    *a = v + d;
                }
                match flow.next[g] {
                    Some(t) => {
                        canon.state(&mut after, t as usize);
                        held += usize::from(add(&mut reach[t as usize], &after, paths));
                    }
                    None => tally.end(flow, flow.standing(&after), paths),
                }
            }
        }
        reach[q] = here;
        if held > budget.states {
            return None;
        }
    }
    tally.ties.sort_unstable();
    tally.swings = swings(flow, &order, &reach, budget, threads)?;
    Some(tally)
}

/// Adds `paths` paths in `state` to `states`; whether the state is new there.
fn add(states: &mut States, state: &[i64], paths: u64) -> bool {
    match states.get_mut(state) {
        Some(count) => {
            *count = count.saturating_add(paths);
            false
        }
        None => {
            states.insert(state.into(), paths);
            true
        }
    }
}

/// Makes states that lead to the same results equal, so that more of them fold. Results
/// compare outcomes' points with each other, never their level, so the first outcome's points
/// are taken off every outcome's; and a rule that no question still ahead has a condition of
/// either holds or never will, so its count is kept as all or nothing.
struct Canon {
    n: usize,
    needs: Vec<i64>,
    /// Per question: the rules it or a question after it has a condition of, as a mask.
    live: Vec<u64>,
}

impl Canon {
    fn new(flow: &Flow, order: &[usize]) -> Canon {
        let mut live = vec![0u64; flow.choice_start.len() - 1];
        for &q in order.iter().rev() {
            let mut mask = 0u64;
            for g in flow.choices(q) {
                for (r, &met) in flow.delta_of(g)[flow.n..].iter().enumerate() {
                    if met != 0 {
                        mask |= 1 << r;
                    }
                }
                if let Some(t) = flow.next[g] {
                    mask |= live[t as usize];
                }
            }
            live[q] = mask;
        }
        Canon {
            n: flow.n,
            needs: flow.needs.clone(),
            live,
        }
    }

    /// A state about to reach question `at`, made canonical.
    fn state(&self, values: &mut [i64], at: usize) {
        level(&mut values[..self.n]);
        let live = self.live[at];
        for (r, (count, &need)) in values[self.n..].iter_mut().zip(&self.needs).enumerate() {
            if live & (1 << r) == 0 && *count != need {
                *count = 0;
            }
        }
    }
}

/// Takes the first outcome's points off every outcome's, which changes no result.
fn level(scores: &mut [i64]) {
    if let Some(&first) = scores.first() {
        for score in scores {
            *score -= first;
        }
    }
}

/// One piece of the swing's work: the paths through `question` whose answer leads `way`.
struct Job {
    question: usize,
    way: Option<u32>,
}

/// Per question, the paths on which another answer alone changes the headline.
fn swings(
    flow: &Flow,
    order: &[usize],
    reach: &[States],
    budget: Budget,
    threads: usize,
) -> Option<Vec<u64>> {
    let mut jobs = Vec::new();
    for &q in order {
        let mut ways: Vec<Option<u32>> = Vec::new();
        for g in flow.choices(q) {
            if !ways.contains(&flow.next[g]) {
                ways.push(flow.next[g]);
            }
        }
        // A question with one choice has no other answer to change to.
        if flow.choices(q).len() > 1 && !reach[q].is_empty() {
            jobs.extend(ways.into_iter().map(|way| Job { question: q, way }));
        }
    }
    let mut position = vec![usize::MAX; reach.len()];
    for (i, &q) in order.iter().enumerate() {
        position[q] = i;
    }
    let work = Work {
        flow,
        order,
        position: &position,
        reach,
        budget,
        pairs: AtomicU64::new(0),
        over: AtomicBool::new(false),
    };
    let next_job = AtomicUsize::new(0);
    let run = || {
        let mut found = Vec::new();
        loop {
            let i = next_job.fetch_add(1, Ordering::Relaxed);
            if i >= jobs.len() || work.over.load(Ordering::Relaxed) {
                break;
            }
            match work.swing(&jobs[i]) {
                Some(n) => found.push((jobs[i].question, n)),
                None => work.over.store(true, Ordering::Relaxed),
            }
        }
        found
    };
    let mut found = Vec::new();
    if threads > 1 && jobs.len() > 1 {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads.min(jobs.len()))
                .map(|_| std::thread::Builder::new().spawn_scoped(scope, run))
                .collect();
            for handle in handles {
                // A thread that could not start leaves its jobs to the others (or to this
                // one, below); one that panicked (a bug) is counted as running out of budget,
                // so the census walks the paths instead.
                match handle.map(|h| h.join()) {
                    Ok(Ok(mine)) => found.extend(mine),
                    Ok(Err(_)) => work.over.store(true, Ordering::Relaxed),
                    Err(_) => {}
                }
            }
        });
    }
    // Jobs no thread took (one thread, or none could start) are done here.
    found.extend(run());
    if work.over.load(Ordering::Relaxed) {
        return None;
    }
    let mut swings = vec![0u64; reach.len()];
    for (q, n) in found {
        swings[q] = swings[q].saturating_add(n);
    }
    Some(swings)
}

/// What every swing job reads, and the budget they share.
struct Work<'a> {
    flow: &'a Flow,
    order: &'a [usize],
    /// Each question's place in `order`.
    position: &'a [usize],
    reach: &'a [States],
    budget: Budget,
    pairs: AtomicU64,
    over: AtomicBool,
}

impl Work<'_> {
    /// The paths through the job's question, answered a way that leads `way`, on which another
    /// answer changes the headline; `None` past the budget.
    fn swing(&self, job: &Job) -> Option<u64> {
        let flow = self.flow;
        let w = flow.width();
        let q = job.question;
        // The questions `q`'s answers lead to; a rest holds what the path adds from each.
        let mut targets: Vec<u32> = Vec::new();
        for g in flow.choices(q) {
            if let Some(t) = flow.next[g]
                && !targets.contains(&t)
            {
                targets.push(t);
            }
        }
        let rests = match job.way {
            Some(u) => self.rests(u, &targets)?,
            // Answers that end the interview have nothing after them.
            None => States::from_iter([(vec![0; targets.len() * w].into_boxed_slice(), 1)]),
        };
        let states = &self.reach[q];
        let pairs = (states.len() as u64).saturating_mul(rests.len() as u64);
        let before = self.pairs.fetch_add(pairs, Ordering::Relaxed);
        if before.saturating_add(pairs) > self.budget.pairs {
            return None;
        }
        // Per answer: its points and rule conditions, and where its rest is.
        let answers: Vec<(&[i64], Option<usize>)> = flow
            .choices(q)
            .map(|a| {
                let rest = flow.next[a].and_then(|t| targets.iter().position(|&x| x == t));
                (flow.delta_of(a), rest.map(|i| i * w))
            })
            .collect();
        let given = flow.choices(q).filter(|&g| flow.next[g] == job.way).count() as u64;
        let mut changed = vec![0i64; w];
        let mut swung = 0u64;
        for (state, &paths) in states {
            for (rest, &after) in &rests {
                let mut first = None;
                let mut differ = false;
                for &(delta, at) in &answers {
                    for k in 0..w {
                        changed[k] = state[k] + delta[k] + at.map_or(0, |i| rest[i + k]);
                    }
                    let leaders = flow.standing(&changed).leaders;
                    match first {
                        None => first = Some(leaders),
                        Some(f) if f != leaders => {
                            differ = true;
                            break;
                        }
                        Some(_) => {}
                    }
                }
                if differ {
                    swung = swung.saturating_add(paths.saturating_mul(after).saturating_mul(given));
                }
            }
        }
        Some(swung)
    }

    /// Every rest of a path from question `from`: for each of `targets`, what the path adds
    /// from that question on when it goes there, else zeros; with how many paths have it.
    /// `None` past the budget.
    fn rests(&self, from: u32, targets: &[u32]) -> Option<States> {
        let flow = self.flow;
        let w = flow.width();
        // While folding: what the path has added since `from`, then per target whether the
        // path went there (1 or 0) and what it had added by then.
        let width = w + targets.len() * (1 + w);
        let mark = |state: &mut [i64], at: u32| {
            if let Some(i) = targets.iter().position(|&t| t == at) {
                let (added, marks) = state.split_at_mut(w);
                let slot = &mut marks[i * (1 + w)..(i + 1) * (1 + w)];
                slot[0] = 1;
                slot[1..].copy_from_slice(added);
            }
        };
        let mut start = vec![0; width];
        mark(&mut start, from);
        let mut waiting: HashMap<usize, States> = HashMap::new();
        waiting
            .entry(from as usize)
            .or_default()
            .insert(start.into_boxed_slice(), 1);
        let mut rests = States::default();
        let mut held = 1usize;
        for &q in &self.order[self.position[from as usize]..] {
            let Some(here) = waiting.remove(&q) else {
                continue;
            };
            for (state, paths) in here {
                for g in flow.choices(q) {
                    let mut after = state.clone();
                    for (v, d) in after.iter_mut().zip(flow.delta_of(g)) {
                        *v += d;
                    }
                    // Every value of a rest is a difference of two of these: level them all
                    // by the same points, which changes no rest.
                    let first = after[0];
                    let (added, marks) = after.split_at_mut(w);
                    for score in &mut added[..flow.n] {
                        *score -= first;
                    }
                    for slot in marks.chunks_mut(1 + w).filter(|slot| slot[0] == 1) {
                        for score in &mut slot[1..=flow.n] {
                            *score -= first;
                        }
                    }
                    let count = match flow.next[g] {
                        Some(t) => {
                            mark(&mut after, t);
                            waiting
                                .entry(t as usize)
                                .or_default()
                                .entry(after)
                                .or_insert(0)
                        }
                        None => {
                            let (added, marks) = after.split_at(w);
                            let mut rest: Box<[i64]> = marks
                                .chunks(1 + w)
                                .flat_map(|slot| {
                                    let went = slot[0] == 1;
                                    added
                                        .iter()
                                        .zip(&slot[1..])
                                        .map(move |(a, b)| if went { a - b } else { 0 })
                                })
                                .collect();
                            for part in rest.chunks_mut(w) {
                                level(&mut part[..flow.n]);
                            }
                            rests.entry(rest).or_insert(0)
                        }
                    };
                    held += usize::from(*count == 0);
                    *count = count.saturating_add(paths);
                }
            }
            if held > self.budget.states || self.over.load(Ordering::Relaxed) {
                return None;
            }
        }
        Some(rests)
    }
}

/// The questions reachable from the start, each before every question it leads to.
fn topological(tree: &Tree) -> Vec<usize> {
    let n = tree.questions().len();
    let mut seen = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut stack = vec![(tree.start(), 0usize)];
    seen[tree.start()] = true;
    while let Some(&mut (q, ref mut c)) = stack.last_mut() {
        if *c == tree.question(q).choices.len() {
            order.push(q);
            stack.pop();
            continue;
        }
        let next = tree.next(q, *c);
        *c += 1;
        if let Next::Question(t) = next
            && !seen[t]
        {
            seen[t] = true;
            stack.push((t, 0));
        }
    }
    order.reverse();
    order
}
