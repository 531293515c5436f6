//! The census's inner loop: every path through a tree walked depth first, each answer's
//! evidence and rule conditions added once per step rather than once per path, and at each
//! path's end the result, the rules that hold, and whether changing any one answer alone would
//! change it (judged the way the result screen's what-ifs are).
//!
//! A path's result depends only on its scores and the rules that hold, so both are kept as
//! running totals per depth; a changed answer's result is then a few subtractions away. Most
//! changed answers cannot change anything (the winner is further ahead than the answer could
//! move it), and a per-choice bound skips those without looking at the outcomes.

use std::collections::HashMap;

use crate::tree::{Next, Tree};

/// What the walk needs of the tree, flattened and indexed by a global choice number.
pub(super) struct Flow {
    /// Outcomes.
    pub n: usize,
    /// Where each question's choices start; one extra at the end.
    pub choice_start: Vec<usize>,
    /// Where each choice leads: a question, or `None` for the end.
    pub next: Vec<Option<u32>>,
    /// Each choice's points, `n` per choice.
    pub points: Vec<i64>,
    /// The rules each choice meets a condition of, stored flat.
    pub meets_start: Vec<usize>,
    pub meets: Vec<u16>,
    /// Conditions each rule has.
    pub needs: Vec<u16>,
    /// The outcomes each rule rules out, as a mask.
    pub rule_out: Vec<u64>,
    /// Whether some rule has a condition on the question.
    pub in_rules: Vec<bool>,
    /// For each choice, the most its alternatives that lead to the same place can move one
    /// outcome's lead over another: a result further ahead than this cannot change.
    pub spread: Vec<i64>,
    pub close_call_margin: i64,
}

impl Flow {
    /// `None` when the tree has more outcomes than a mask holds, or more rules than counted.
    pub(super) fn new(tree: &Tree) -> Option<Flow> {
        let n = tree.outcomes().len();
        let rules = tree.rules().len();
        if n == 0 || n > 64 || rules > usize::from(u16::MAX) {
            return None;
        }
        let questions = tree.questions().len();
        let mut choice_start = Vec::with_capacity(questions + 1);
        let mut next = Vec::new();
        let mut points = Vec::new();
        let mut meets_start = Vec::new();
        let mut meets = Vec::new();
        let mut in_rules = vec![false; questions];
        for r in 0..rules {
            for (q, _) in tree.rule_conditions(r) {
                in_rules[*q] = true;
            }
        }
        for q in 0..questions {
            choice_start.push(next.len());
            for c in 0..tree.question(q).choices.len() {
                next.push(match tree.next(q, c) {
                    Next::Question(t) => Some(t as u32),
                    Next::End => None,
                });
                let mut row = vec![0i64; n];
                for &(o, p) in tree.evidence(q, c) {
                    row[o] += i64::from(p);
                }
                points.extend(row);
                meets_start.push(meets.len());
                for r in 0..rules {
                    let met = tree
                        .rule_conditions(r)
                        .iter()
                        .any(|(rq, choices)| *rq == q && choices.contains(&c));
                    if met {
                        meets.push(r as u16);
                    }
                }
            }
        }
        choice_start.push(next.len());
        meets_start.push(meets.len());
        let needs = (0..rules)
            .map(|r| tree.rule_conditions(r).len() as u16)
            .collect();
        let rule_out = (0..rules)
            .map(|r| tree.rule_out(r).iter().fold(0u64, |m, &o| m | 1 << o))
            .collect();
        let mut flow = Flow {
            n,
            choice_start,
            next,
            points,
            meets_start,
            meets,
            needs,
            rule_out,
            in_rules,
            spread: Vec::new(),
            close_call_margin: i64::from(tree.meta().close_call_margin),
        };
        flow.spread = (0..questions)
            .flat_map(|q| {
                let flow = &flow;
                (flow.choice_start[q]..flow.choice_start[q + 1]).map(move |g| flow.spread_of(q, g))
            })
            .collect();
        // A rule with a broken reference never fires: it needs more than it can meet.
        for r in 0..rules {
            if tree.rule_conditions(r).is_empty() {
                flow.needs[r] = u16::MAX;
            }
        }
        Some(flow)
    }

    fn spread_of(&self, q: usize, g: usize) -> i64 {
        let n = self.n;
        (self.choice_start[q]..self.choice_start[q + 1])
            .filter(|&a| a != g && self.next[a] == self.next[g])
            .map(|a| {
                let d = (0..n).map(|o| self.points[a * n + o] - self.points[g * n + o]);
                let (lo, hi) = d.fold((i64::MAX, i64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
                hi - lo
            })
            .max()
            .unwrap_or(-1)
    }

    fn choices(&self, q: usize) -> std::ops::Range<usize> {
        self.choice_start[q]..self.choice_start[q + 1]
    }

    fn meets(&self, g: usize) -> &[u16] {
        &self.meets[self.meets_start[g]..self.meets_start[g + 1]]
    }
}

/// The counts the census reports, added up over the paths one walker saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Tally {
    pub paths: u64,
    /// Paths whose headline names each outcome alone.
    pub sole: Vec<u64>,
    /// Paths whose headline is a tie, by the mask of tied outcomes.
    pub ties: HashMap<u64, u64>,
    /// Paths that are close calls (ties included).
    pub close_calls: u64,
    /// Paths on which each rule holds.
    pub fires: Vec<u64>,
    /// Paths through each question, and those on which another answer to it alone would
    /// change the headline.
    pub through: Vec<u64>,
    pub swings: Vec<u64>,
}

impl Tally {
    pub(super) fn new(flow: &Flow, questions: usize) -> Tally {
        Tally {
            sole: vec![0; flow.n],
            fires: vec![0; flow.needs.len()],
            through: vec![0; questions],
            swings: vec![0; questions],
            ..Tally::default()
        }
    }

    pub(super) fn add(&mut self, other: Tally) {
        self.paths += other.paths;
        self.close_calls += other.close_calls;
        for (a, b) in [
            (&mut self.sole, other.sole),
            (&mut self.fires, other.fires),
            (&mut self.through, other.through),
            (&mut self.swings, other.swings),
        ] {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        for (mask, count) in other.ties {
            *self.ties.entry(mask).or_insert(0) += count;
        }
    }
}

/// One step of a path: its question and choice, as the walk numbers them.
pub(super) type Step = (u32, u32);

/// A walker: the path so far, with its running totals per depth.
pub(super) struct Walker<'f> {
    flow: &'f Flow,
    /// The path's questions and global choice numbers.
    questions: Vec<u32>,
    choices: Vec<usize>,
    /// Scores before each depth, `n` per depth (one more depth than steps).
    scores: Vec<i64>,
    /// Conditions met of each rule before each depth.
    counts: Vec<u16>,
    /// Each question's depth on the path, or `u32::MAX`.
    depth_of: Vec<u32>,
    /// Room for a changed path's scores.
    scratch: Vec<i64>,
    pub tally: Tally,
}

impl<'f> Walker<'f> {
    pub(super) fn new(flow: &'f Flow, questions: usize, longest: usize) -> Walker<'f> {
        let rules = flow.needs.len();
        Walker {
            flow,
            questions: vec![0; longest],
            choices: vec![0; longest],
            scores: vec![0; (longest + 1) * flow.n],
            counts: vec![0; (longest + 1) * rules],
            depth_of: vec![u32::MAX; questions],
            scratch: vec![0; flow.n],
            tally: Tally::new(flow, questions),
        }
    }

    /// Answers `question` with its `c`-th choice at `depth`; returns where it leads.
    fn answer(&mut self, depth: usize, question: usize, c: usize) -> Option<u32> {
        let flow = self.flow;
        let (n, rules) = (flow.n, flow.needs.len());
        let g = flow.choice_start[question] + c;
        self.questions[depth] = question as u32;
        self.choices[depth] = g;
        self.depth_of[question] = depth as u32;
        let (before, after) = self.scores.split_at_mut((depth + 1) * n);
        for o in 0..n {
            after[o] = before[depth * n + o] + flow.points[g * n + o];
        }
        if rules > 0 {
            let (before, after) = self.counts.split_at_mut((depth + 1) * rules);
            after[..rules].copy_from_slice(&before[depth * rules..]);
            for &r in flow.meets(g) {
                after[r as usize] += 1;
            }
        }
        flow.next[g]
    }

    /// Walks every path that starts with `prefix` (from the start question when empty).
    pub(super) fn walk_below(&mut self, start: usize, prefix: &[Step]) {
        let mut question = Some(start as u32);
        for (depth, &(q, c)) in prefix.iter().enumerate() {
            question = self.answer(depth, q as usize, c as usize);
        }
        let base = prefix.len();
        let Some(first) = question else {
            self.leaf(base);
            self.forget(base);
            return;
        };
        // At each depth: the question asked there and the next of its choices to try.
        let mut asked: Vec<(u32, u32)> = vec![(first, 0)];
        while let Some(&(q, c)) = asked.last() {
            let depth = base + asked.len() - 1;
            let q = q as usize;
            if c as usize == self.flow.choices(q).len() {
                self.depth_of[q] = u32::MAX;
                asked.pop();
                continue;
            }
            let choice = c as usize;
            if let Some(top) = asked.last_mut() {
                top.1 += 1;
            }
            match self.answer(depth, q, choice) {
                Some(next) => asked.push((next, 0)),
                None => self.leaf(depth + 1),
            }
        }
        self.forget(base);
    }

    /// Walks one path chosen by `pick` (given a question, the index of its choice to take).
    pub(super) fn walk_one(&mut self, start: usize, mut pick: impl FnMut(usize) -> usize) {
        let mut question = Some(start as u32);
        let mut depth = 0;
        while let Some(q) = question {
            let q = q as usize;
            let c = pick(q);
            question = self.answer(depth, q, c);
            depth += 1;
        }
        self.leaf(depth);
        self.forget(depth);
    }

    /// Clears the depths of the first `len` steps' questions.
    fn forget(&mut self, len: usize) {
        for &q in &self.questions[..len] {
            self.depth_of[q as usize] = u32::MAX;
        }
    }

    /// Which outcomes the rules leave open, from the conditions met.
    fn open(&self, counts: impl Fn(usize) -> u16) -> u64 {
        let flow = self.flow;
        let mut open = all(flow.n);
        for (r, &need) in flow.needs.iter().enumerate() {
            if counts(r) == need {
                open &= !flow.rule_out[r];
            }
        }
        open
    }

    /// Counts a finished path of `len` steps.
    fn leaf(&mut self, len: usize) {
        let flow = self.flow;
        let (n, rules) = (flow.n, flow.needs.len());
        let total_at = len * n;
        let counts_at = len * rules;
        let open = self.open(|r| self.counts[counts_at + r]);
        if rules > 0 {
            for r in 0..rules {
                if self.counts[counts_at + r] == flow.needs[r] {
                    self.tally.fires[r] += 1;
                }
            }
        }
        let (leaders, margin) = standing(&self.scores[total_at..total_at + n], open, n);
        self.tally.paths += 1;
        if leaders.count_ones() == 1 {
            self.tally.sole[leaders.trailing_zeros() as usize] += 1;
        } else {
            *self.tally.ties.entry(leaders).or_insert(0) += 1;
        }
        if leaders.count_ones() > 1 || margin <= flow.close_call_margin {
            self.tally.close_calls += 1;
        }
        for i in 0..len {
            let q = self.questions[i] as usize;
            self.tally.through[q] += 1;
            if self.swings(i, len, leaders, margin) {
                self.tally.swings[q] += 1;
            }
        }
    }

    /// Whether another answer at step `i` alone changes the headline `leaders`. The changed
    /// path follows the new branch until it rejoins the path (then the path's own answers
    /// carry on), ends, or reaches a question the path never answered (then the result is
    /// what the answers so far lean to, as the result screen's what-ifs say).
    fn swings(&mut self, i: usize, len: usize, leaders: u64, margin: i64) -> bool {
        let flow = self.flow;
        let (n, rules) = (flow.n, flow.needs.len());
        let q = self.questions[i] as usize;
        let g = self.choices[i];
        // No answer leading the same way can move any lead by as much as the margin (in a
        // tie, any change between the tied outcomes breaks it, so nothing is settled).
        let ahead_by = if leaders.count_ones() > 1 { 0 } else { margin };
        let same_way_settled = !flow.in_rules[q] && ahead_by > flow.spread[g];
        for a in flow.choices(q) {
            if a == g || (same_way_settled && flow.next[a] == flow.next[g]) {
                continue;
            }
            // Where the path is taken up again: its depth, or its end.
            let rejoin = match flow.next[a] {
                Some(t) if self.depth_of[t as usize] != u32::MAX => {
                    self.depth_of[t as usize] as usize
                }
                _ => len,
            };
            for o in 0..n {
                self.scratch[o] =
                    self.scores[i * n + o] + flow.points[a * n + o] + self.scores[len * n + o]
                        - self.scores[rejoin * n + o];
            }
            let open = if rules == 0 {
                all(n)
            } else {
                let met = flow.meets(a);
                let count = |r: usize| {
                    self.counts[i * rules + r] + self.counts[len * rules + r]
                        - self.counts[rejoin * rules + r]
                        + u16::from(met.contains(&(r as u16)))
                };
                self.open(count)
            };
            if standing(&self.scratch, open, n).0 != leaders {
                return true;
            }
        }
        false
    }
}

/// Every outcome, as a mask.
fn all(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// The open outcomes with the top score (as a mask), and how far the best of the others is
/// behind (`i64::MAX` when there is none). When the rules leave nothing open, every outcome
/// counts, as the recommendation itself does.
pub(super) fn standing(scores: &[i64], open: u64, n: usize) -> (u64, i64) {
    let open = if open == 0 { all(n) } else { open };
    let mut top = i64::MIN;
    let mut leaders = 0u64;
    for (o, &s) in scores.iter().enumerate() {
        if open & (1 << o) == 0 {
            continue;
        }
        if s > top {
            top = s;
            leaders = 1 << o;
        } else if s == top {
            leaders |= 1 << o;
        }
    }
    let mut second = i64::MIN;
    for (o, &s) in scores.iter().enumerate() {
        if open & (1 << o) != 0 && leaders & (1 << o) == 0 {
            second = second.max(s);
        }
    }
    let margin = if second == i64::MIN {
        i64::MAX
    } else {
        top - second
    };
    (leaders, margin)
}
