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
//! rests from the questions `q`'s answers lead to. Rests are folded from the last question
//! back (the distinct rests from each question, with their numbers of paths; from `q`'s
//! targets jointly, one part per target), and each state reaching `q` is weighed against each
//! distinct rest once, counting the product of their numbers of paths. A question swings when
//! not all its answers lead to the same headline: then whichever was given, another changes it.
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
    /// Values (eight bytes each) held by the distinct states at the questions, by the rests
    /// folded back, and by one question's joint rests: the memory folding takes.
    pub values: usize,
    /// States weighed against rests for the swing, in all.
    pub pairs: u64,
}

impl Budget {
    /// No limit: for `census::count` and the tests.
    pub(super) const NONE: Budget = Budget {
        values: usize::MAX,
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
    let order = topological(tree);
    let questions = tree.questions().len();
    // The paths from the start and the rests back from the end fold apart: on two threads
    // when there are two.
    let (forward, suffixes) = if threads > 1 {
        std::thread::scope(|scope| {
            let back = std::thread::Builder::new()
                .spawn_scoped(scope, || suffixes(flow, &order, questions, budget));
            let forward = forward(tree, flow, &order, paths_from, budget);
            let suffixes = match back {
                Ok(handle) => handle.join().ok().flatten(),
                Err(_) => suffixes(flow, &order, questions, budget),
            };
            (forward, suffixes)
        })
    } else {
        (
            forward(tree, flow, &order, paths_from, budget),
            suffixes(flow, &order, questions, budget),
        )
    };
    let (mut tally, reach) = forward?;
    tally.swings = swings(flow, &order, &reach, &suffixes?, budget, threads)?;
    Some(tally)
}

/// Folds the paths from the start: where they end, and the states reaching each question with
/// their numbers of paths; `None` past the budget.
fn forward(
    tree: &Tree,
    flow: &Flow,
    order: &[usize],
    paths_from: &[u128],
    budget: Budget,
) -> Option<(Tally, Vec<States>)> {
    let questions = tree.questions().len();
    let w = flow.width();
    let mut tally = Tally::new(flow, questions);
    let canon = Canon::new(flow, order);
    let mut reach: Vec<States> = (0..questions).map(|_| States::default()).collect();
    reach[tree.start()].insert(vec![0; w].into_boxed_slice(), 1);
    let mut held = w;
    let mut after = vec![0i64; w];
    for &q in order {
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
                        if add(&mut reach[t as usize], &after, paths) {
                            held += w;
                        }
                    }
                    None => tally.end(flow, flow.standing(&after), paths),
                }
            }
        }
        reach[q] = here;
        if held > budget.values {
            return None;
        }
    }
    tally.ties.sort_unstable();
    Some((tally, reach))
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

/// Per question, the paths on which another answer alone changes the headline.
fn swings(
    flow: &Flow,
    order: &[usize],
    reach: &[States],
    suffixes: &[States],
    budget: Budget,
    threads: usize,
) -> Option<Vec<u64>> {
    // A question with one choice has no other answer to change to.
    let jobs: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&q| flow.choices(q).len() > 1 && !reach[q].is_empty())
        .collect();
    // Each state is weighed against at least every plain rest from where its answers lead
    // (joint rests are never fewer): past the budget already, walking is the better way.
    let least = jobs.iter().fold(0u64, |sum, &q| {
        let mut ways: Vec<u32> = flow.choices(q).filter_map(|g| flow.next[g]).collect();
        ways.sort_unstable();
        ways.dedup();
        let rests = ways
            .iter()
            .map(|&u| suffixes[u as usize].len() as u64)
            .sum::<u64>();
        sum.saturating_add((reach[q].len() as u64).saturating_mul(rests))
    });
    if least > budget.pairs {
        return None;
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
        suffixes,
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
            match work.swing(jobs[i]) {
                Some(n) => found.push((jobs[i], n)),
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

/// Every rest of a path from each question: what the path adds from there to its end (points
/// levelled), with how many paths add it, folded from the last questions back; `None` past
/// the budget.
fn suffixes(flow: &Flow, order: &[usize], questions: usize, budget: Budget) -> Option<Vec<States>> {
    let w = flow.width();
    let mut from: Vec<States> = (0..questions).map(|_| States::default()).collect();
    let mut held = 0usize;
    let mut rest = vec![0i64; w];
    // No question leads to the first, so no rest from it is needed.
    for &q in order[1..].iter().rev() {
        let mut here = States::default();
        for g in flow.choices(q) {
            let delta = flow.delta_of(g);
            match flow.next[g] {
                None => {
                    rest.copy_from_slice(delta);
                    level(&mut rest[..flow.n]);
                    add(&mut here, &rest, 1);
                }
                Some(t) => {
                    for (after, &paths) in &from[t as usize] {
                        for (r, (a, d)) in rest.iter_mut().zip(after.iter().zip(delta)) {
                            *r = a + d;
                        }
                        level(&mut rest[..flow.n]);
                        add(&mut here, &rest, paths);
                    }
                }
            }
        }
        held += here.len() * w;
        if held > budget.values {
            return None;
        }
        from[q] = here;
    }
    Some(from)
}

/// What every swing job reads, and the budget they share.
struct Work<'a> {
    flow: &'a Flow,
    order: &'a [usize],
    /// Each question's place in `order`.
    position: &'a [usize],
    reach: &'a [States],
    suffixes: &'a [States],
    budget: Budget,
    pairs: AtomicU64,
    over: AtomicBool,
}

/// Where the parts of a rest are.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// Values per rest.
    width: usize,
    /// Where the part for the first target starts; each part is a state's width.
    first: usize,
}

/// States weighed against the rests at a time.
const BLOCK: usize = 1024;

/// One answer to the question a swing job weighs.
struct Answer<'a> {
    delta: &'a [i64],
    /// Where, in a rest, what the path adds from the question this answer leads to is; `None`
    /// when it ends the interview.
    rest: Option<usize>,
    /// Which of the question's targets it leads to, as a bit.
    target: u64,
}

impl Work<'_> {
    /// The paths through question `q` on which another answer alone changes the headline;
    /// `None` past the budget.
    fn swing(&self, q: usize) -> Option<u64> {
        let flow = self.flow;
        let w = flow.width();
        // The questions `q`'s answers lead to; a rest holds what the path adds from each.
        let mut targets: Vec<u32> = Vec::new();
        for g in flow.choices(q) {
            if let Some(t) = flow.next[g]
                && !targets.contains(&t)
            {
                targets.push(t);
            }
        }
        // With one target, a rest is what the path adds from it; with several, what it adds
        // from the one it goes to, then a part for each target.
        let (joint, layout) = match targets.len() {
            0 | 1 => (None, Layout { width: w, first: 0 }),
            k => (
                Some(self.joint(&targets)?),
                Layout {
                    width: (k + 1) * w,
                    first: w,
                },
            ),
        };
        // Answers that end the interview have nothing after them.
        let ending = States::from_iter([(vec![0; layout.width].into_boxed_slice(), 1)]);
        let mut ways: Vec<Option<u32>> = Vec::new();
        for g in flow.choices(q) {
            if !ways.contains(&flow.next[g]) {
                ways.push(flow.next[g]);
            }
        }
        let mut swung = 0u64;
        for way in ways {
            let rests = match (way, &joint) {
                (None, _) => &ending,
                (Some(u), None) => &self.suffixes[u as usize],
                (Some(u), Some(joint)) => joint.get(&u)?,
            };
            swung = swung.saturating_add(self.weigh(q, way, &targets, layout, rests)?);
        }
        Some(swung)
    }

    /// The paths through question `q`, answered a way that leads `way`, on which another
    /// answer changes the headline, given the rests from `way`; `None` past the budget.
    fn weigh(
        &self,
        q: usize,
        way: Option<u32>,
        targets: &[u32],
        layout: Layout,
        rests: &States,
    ) -> Option<u64> {
        let flow = self.flow;
        let w = flow.width();
        let states = &self.reach[q];
        let pairs = (states.len() as u64).saturating_mul(rests.len() as u64);
        let before = self.pairs.fetch_add(pairs, Ordering::Relaxed);
        if before.saturating_add(pairs) > self.budget.pairs {
            return None;
        }
        // The answers leading `way` first: the headline of one of them is always needed.
        let mut order: Vec<usize> = flow.choices(q).collect();
        order.sort_by_key(|&a| flow.next[a] != way);
        let answers: Vec<Answer> = order
            .into_iter()
            .map(|a| {
                let i = flow.next[a].and_then(|t| targets.iter().position(|&x| x == t));
                Answer {
                    delta: flow.delta_of(a),
                    rest: i.map(|i| layout.first + i * w),
                    target: i.map_or(0, |i| 1 << i),
                }
            })
            .collect();
        let given = flow.choices(q).filter(|&g| flow.next[g] == way).count() as u64;
        // Each rest with its number of paths and the targets its paths go to (those whose part
        // is not zero: the others add nothing).
        let rests: Vec<(&[i64], u64, u64)> = rests
            .iter()
            .map(|(rest, &paths)| {
                let went = (0..targets.len())
                    .filter(|i| {
                        let at = layout.first + i * w;
                        rest[at..at + w].iter().any(|&v| v != 0)
                    })
                    .fold(0u64, |m, i| m | 1 << i);
                (&rest[..], paths, went)
            })
            .collect();
        let states: Vec<(&[i64], u64)> = states.iter().map(|(s, &p)| (&s[..], p)).collect();
        let k = answers.len();
        let zero = vec![0i64; w];
        let mut base = vec![0i64; BLOCK * k * w];
        let mut lean = vec![0u64; BLOCK * k];
        let mut swung = 0u64;
        // A block of states at a time, weighed against every rest, so the states stay in the
        // cache.
        for block in states.chunks(BLOCK) {
            // Each answer's state, and its headline when nothing follows.
            for (j, &(state, _)) in block.iter().enumerate() {
                for (i, answer) in answers.iter().enumerate() {
                    let mine = &mut base[(j * k + i) * w..(j * k + i + 1) * w];
                    for (m, (s, d)) in mine.iter_mut().zip(state.iter().zip(answer.delta)) {
                        *m = s + d;
                    }
                    lean[j * k + i] = leaders(flow, mine, &zero);
                }
            }
            for &(rest, after, went) in &rests {
                for (j, &(_, paths)) in block.iter().enumerate() {
                    let mut first = None;
                    let mut differ = false;
                    for (i, answer) in answers.iter().enumerate() {
                        let headline = match answer.rest {
                            Some(at) if went & answer.target != 0 => leaders(
                                flow,
                                &base[(j * k + i) * w..(j * k + i + 1) * w],
                                &rest[at..at + w],
                            ),
                            _ => lean[j * k + i],
                        };
                        match first {
                            None => first = Some(headline),
                            Some(f) if f != headline => {
                                differ = true;
                                break;
                            }
                            Some(_) => {}
                        }
                    }
                    if differ {
                        swung =
                            swung.saturating_add(paths.saturating_mul(after).saturating_mul(given));
                    }
                }
            }
        }
        Some(swung)
    }

    /// Every rest of a path from each of `targets` (questions one question leads to): what the
    /// path adds from there to its end, then, for each target, what it adds from that target
    /// on when it goes there, else zeros; with how many paths have it. Folded back from the
    /// last target to the first, starting from the plain rests past them. `None` past the
    /// budget.
    fn joint(&self, targets: &[u32]) -> Option<HashMap<u32, States>> {
        let flow = self.flow;
        let w = flow.width();
        let places = targets.iter().map(|&t| self.position[t as usize]);
        let (first, last) = (places.clone().min()?, places.max()?);
        let mut joint: HashMap<u32, States> = HashMap::new();
        let mut key = vec![0i64; (targets.len() + 1) * w];
        let mut held = 0usize;
        for &x in self.order[first..=last].iter().rev() {
            let slot = targets.iter().position(|&t| t as usize == x);
            let leads_to_one = flow
                .choices(x)
                .any(|g| flow.next[g].is_some_and(|t| joint.contains_key(&t)));
            if slot.is_none() && !leads_to_one {
                continue;
            }
            let mut here = States::default();
            let mut put = |from: &[i64], delta: &[i64], paths: u64, here: &mut States| {
                key[..from.len()].copy_from_slice(from);
                key[from.len()..].fill(0);
                for (k, d) in key.iter_mut().zip(delta) {
                    *k += d;
                }
                level(&mut key[..flow.n]);
                if let Some(i) = slot {
                    key.copy_within(0..w, (i + 1) * w);
                }
                if add(here, &key, paths) {
                    held += key.len();
                }
            };
            for g in flow.choices(x) {
                let delta = flow.delta_of(g);
                match flow.next[g] {
                    None => put(&[], delta, 1, &mut here),
                    Some(t) => {
                        let after = joint.get(&t).unwrap_or(&self.suffixes[t as usize]);
                        for (from, &paths) in after {
                            put(from, delta, paths, &mut here);
                        }
                    }
                }
            }
            if held > self.budget.values || self.over.load(Ordering::Relaxed) {
                return None;
            }
            joint.insert(x as u32, here);
        }
        Some(joint)
    }
}

/// The headline of the state `base + rest`: the open outcomes with the top points, as a mask.
fn leaders(flow: &Flow, base: &[i64], rest: &[i64]) -> u64 {
    let n = flow.n;
    let all = if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let mut open = all;
    for (r, (&need, &out)) in flow.needs.iter().zip(&flow.rule_out).enumerate() {
        if base[n + r] + rest[n + r] == need {
            open &= !out;
        }
    }
    // When the rules leave nothing open, every outcome counts, as in the recommendation.
    if open == 0 {
        open = all;
    }
    let mut top = i64::MIN;
    let mut leaders = 0u64;
    for o in 0..n {
        if open & (1 << o) == 0 {
            continue;
        }
        let points = base[o] + rest[o];
        if points > top {
            top = points;
            leaders = 1 << o;
        } else if points == top {
            leaders |= 1 << o;
        }
    }
    leaders
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
