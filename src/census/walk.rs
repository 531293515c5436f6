//! The census path by path, for the sample and for trees whose states do not fold (`fold.rs`
//! counts the rest): every path through a tree walked depth first, each answer's evidence and
//! rule conditions added once per step rather than once per path, and at each path's end the
//! result, the rules that hold, and whether changing any one answer alone would change it
//! (judged the way the result screen's what-ifs are). `Flow`, `Tally` and `Standing` serve the
//! fold too.
//!
//! A path's result depends only on its scores and the rules that hold, so both are kept as
//! running totals per depth; a changed answer's result is then a few subtractions away. Most
//! changed answers cannot change anything (the winner is further ahead than the answer could
//! move it), and a per-choice bound skips those without looking at the outcomes.

use crate::tree::{Next, Tree};

/// What the walk needs of the tree, flattened and indexed by a global choice number.
pub(super) struct Flow {
    /// Outcomes.
    pub n: usize,
    /// Where each question's choices start; one extra at the end.
    pub choice_start: Vec<usize>,
    /// Where each choice leads: a question, or `None` for the end.
    pub next: Vec<Option<u32>>,
    /// What each choice adds to a state: its points per outcome, then 1 for each rule it meets
    /// a condition of (`n` + rules values per choice).
    pub delta: Vec<i64>,
    /// Conditions each rule has.
    pub needs: Vec<i64>,
    /// The outcomes each rule rules out, as a mask.
    pub rule_out: Vec<u64>,
    /// Per choice, the other choices of its question that lead the same way, and those that
    /// lead elsewhere, stored flat.
    ways_start: Vec<usize>,
    ways: Vec<u32>,
    /// Where each choice's list of choices leading elsewhere starts in `ways`.
    elsewhere: Vec<usize>,
    /// Whether some rule has a condition on the question.
    in_rules: Vec<bool>,
    /// Per choice and outcome: the most another answer leading the same way can gain on that
    /// outcome, for any other outcome (`n` per choice; `i64::MIN` when there is no such
    /// answer). An outcome ahead of the rest by more than this keeps the lead whatever the
    /// answer.
    gain: Vec<i64>,
    pub close_call_margin: i64,
}

impl Flow {
    /// `None` when the tree has more outcomes or rules than a mask holds.
    pub(super) fn new(tree: &Tree) -> Option<Flow> {
        let n = tree.outcomes().len();
        let rules = tree.rules().len();
        if n == 0 || n > 64 || rules > 64 {
            return None;
        }
        let questions = tree.questions().len();
        let width = n + rules;
        let mut choice_start = Vec::with_capacity(questions + 1);
        let mut next = Vec::new();
        let mut delta = Vec::new();
        for q in 0..questions {
            choice_start.push(next.len());
            for c in 0..tree.question(q).choices.len() {
                next.push(match tree.next(q, c) {
                    Next::Question(t) => Some(t as u32),
                    Next::End => None,
                });
                let mut row = vec![0i64; width];
                for &(o, p) in tree.evidence(q, c) {
                    row[o] += i64::from(p);
                }
                for r in 0..rules {
                    let met = tree
                        .rule_conditions(r)
                        .iter()
                        .any(|(rq, choices)| *rq == q && choices.contains(&c));
                    row[n + r] = i64::from(met);
                }
                delta.extend(row);
            }
        }
        choice_start.push(next.len());
        let (mut ways_start, mut ways, mut elsewhere) = (Vec::new(), Vec::new(), Vec::new());
        for q in 0..questions {
            let choices = choice_start[q]..choice_start[q + 1];
            for g in choices.clone() {
                ways_start.push(ways.len());
                ways.extend(
                    choices
                        .clone()
                        .filter(|&a| a != g && next[a] == next[g])
                        .map(|a| a as u32),
                );
                elsewhere.push(ways.len());
                ways.extend(
                    choices
                        .clone()
                        .filter(|&a| next[a] != next[g])
                        .map(|a| a as u32),
                );
            }
        }
        ways_start.push(ways.len());
        // A rule without conditions (only in a tree that failed validation) never holds.
        let needs = (0..rules)
            .map(|r| match tree.rule_conditions(r).len() {
                0 => i64::MAX,
                k => k as i64,
            })
            .collect();
        let rule_out = (0..rules)
            .map(|r| tree.rule_out(r).iter().fold(0u64, |m, &o| m | 1 << o))
            .collect();
        let mut in_rules = vec![false; questions];
        for r in 0..rules {
            for (q, _) in tree.rule_conditions(r) {
                in_rules[*q] = true;
            }
        }
        let mut flow = Flow {
            n,
            choice_start,
            next,
            delta,
            needs,
            rule_out,
            ways_start,
            ways,
            elsewhere,
            in_rules,
            gain: Vec::new(),
            close_call_margin: i64::from(tree.meta().close_call_margin),
        };
        flow.gain = (0..flow.next.len())
            .flat_map(|g| (0..n).map(move |leader| (g, leader)))
            .map(|(g, leader)| flow.gain_of(g, leader))
            .collect();
        Some(flow)
    }

    fn gain_of(&self, g: usize, leader: usize) -> i64 {
        let w = self.n + self.needs.len();
        let d = |a: usize, o: usize| self.delta[a * w + o] - self.delta[g * w + o];
        self.same_way(g)
            .iter()
            .flat_map(|&a| {
                (0..self.n)
                    .filter(move |&x| x != leader)
                    .map(move |x| d(a as usize, x) - d(a as usize, leader))
            })
            .max()
            .unwrap_or(i64::MIN)
    }

    /// Values per state: `n` points, then one count per rule.
    pub(super) fn width(&self) -> usize {
        self.n + self.needs.len()
    }

    /// What choice `g` adds to a state.
    pub(super) fn delta_of(&self, g: usize) -> &[i64] {
        let w = self.width();
        &self.delta[g * w..(g + 1) * w]
    }

    pub(super) fn choices(&self, q: usize) -> std::ops::Range<usize> {
        self.choice_start[q]..self.choice_start[q + 1]
    }

    /// The other choices of `g`'s question that lead where `g` does.
    fn same_way(&self, g: usize) -> &[u32] {
        &self.ways[self.ways_start[g]..self.elsewhere[g]]
    }

    /// The choices of `g`'s question that lead elsewhere.
    fn other_way(&self, g: usize) -> &[u32] {
        &self.ways[self.elsewhere[g]..self.ways_start[g + 1]]
    }

    /// The standing of a state's values.
    pub(super) fn standing(&self, values: &[i64]) -> Standing {
        let (scores, counts) = values.split_at(self.n);
        let mut open = all(self.n);
        let mut fired = 0u64;
        for (r, (&count, &need)) in counts.iter().zip(&self.needs).enumerate() {
            if count == need {
                open &= !self.rule_out[r];
                fired |= 1 << r;
            }
        }
        let (leaders, margin) = standing(scores, open, self.n);
        Standing {
            leaders,
            margin,
            fired,
            open,
        }
    }
}

/// The counts the census reports, added up over the paths one walker saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Tally {
    pub paths: u64,
    /// Paths whose headline names each outcome alone.
    pub sole: Vec<u64>,
    /// Paths whose headline is a tie, by the mask of tied outcomes (a handful of masks).
    pub ties: Vec<(u64, u64)>,
    /// Paths that are close calls (ties included).
    pub close_calls: u64,
    /// Paths on which each rule holds.
    pub fires: Vec<u64>,
    /// Per rule, then outcome: paths on which the rule holds and the headline names it.
    pub rule_outcomes: Vec<u64>,
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
            rule_outcomes: vec![0; flow.needs.len() * flow.n],
            through: vec![0; questions],
            swings: vec![0; questions],
            ..Tally::default()
        }
    }

    /// Counts `paths` paths ending where `standing` says.
    pub(super) fn end(&mut self, flow: &Flow, standing: Standing, paths: u64) {
        let Standing {
            leaders,
            margin,
            fired,
            ..
        } = standing;
        self.paths += paths;
        let tie = leaders.count_ones() > 1;
        if tie {
            match self.ties.iter_mut().find(|(mask, _)| *mask == leaders) {
                Some((_, n)) => *n += paths,
                None => self.ties.push((leaders, paths)),
            }
        } else {
            self.sole[leaders.trailing_zeros() as usize] += paths;
        }
        if tie || margin <= flow.close_call_margin {
            self.close_calls += paths;
        }
        let mut rules = fired;
        while rules != 0 {
            let r = rules.trailing_zeros() as usize;
            rules &= rules - 1;
            self.fires[r] += paths;
            let mut outcomes = leaders;
            while outcomes != 0 {
                let o = outcomes.trailing_zeros() as usize;
                outcomes &= outcomes - 1;
                self.rule_outcomes[r * flow.n + o] += paths;
            }
        }
    }

    pub(super) fn add(&mut self, other: Tally) {
        self.paths += other.paths;
        self.close_calls += other.close_calls;
        for (a, b) in [
            (&mut self.sole, other.sole),
            (&mut self.fires, other.fires),
            (&mut self.rule_outcomes, other.rule_outcomes),
            (&mut self.through, other.through),
            (&mut self.swings, other.swings),
        ] {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        for (mask, count) in other.ties {
            match self.ties.iter_mut().find(|(m, _)| *m == mask) {
                Some((_, n)) => *n += count,
                None => self.ties.push((mask, count)),
            }
        }
        self.ties.sort_unstable();
    }
}

/// One step of a path: its question and choice, as the walk numbers them.
pub(super) type Step = (u32, u32);

/// Where a path's values leave the outcomes: the headline (a mask), how far ahead of the rest
/// it is (`i64::MAX` with no rest), and the rules that hold (a mask).
#[derive(Debug, Clone, Copy)]
pub(super) struct Standing {
    leaders: u64,
    margin: i64,
    fired: u64,
    /// The outcomes the rules leave open.
    open: u64,
}

/// A walker: the path so far, with its running values per depth, and what it has counted.
pub(super) struct Walker<'f> {
    flow: &'f Flow,
    /// Values per depth: `n` points, then one count per rule.
    width: usize,
    /// The path: its questions and choices, and the values before each step (one more depth,
    /// `width` values each).
    questions: Vec<u32>,
    choices: Vec<u32>,
    path: Vec<i64>,
    /// Each question's depth on the path, or `u32::MAX`.
    depth_of: Vec<u32>,
    /// Per step, for each choice leading elsewhere: the headline its answers so far lean to
    /// (the result should its branch end or reach a question the path never answered). The
    /// same for every path below the step, so worked out once there.
    lean: Vec<Vec<u64>>,
    scratch: Vec<i64>,
    tally: Tally,
}

impl<'f> Walker<'f> {
    pub(super) fn new(flow: &'f Flow, questions: usize, longest: usize) -> Walker<'f> {
        let width = flow.n + flow.needs.len();
        Walker {
            flow,
            width,
            questions: vec![0; longest],
            choices: vec![0; longest],
            path: vec![0; (longest + 1) * width],
            depth_of: vec![u32::MAX; questions],
            lean: vec![Vec::new(); longest],
            scratch: vec![0; width],
            tally: Tally::new(flow, questions),
        }
    }

    /// What this walker counted.
    pub(super) fn tally(mut self) -> Tally {
        self.tally.ties.sort_unstable();
        self.tally
    }

    /// Answers `question` with its `c`-th choice at `depth`; returns where it leads.
    fn answer(&mut self, depth: usize, question: usize, c: usize) -> Option<u32> {
        let flow = self.flow;
        let g = flow.choice_start[question] + c;
        self.questions[depth] = question as u32;
        self.choices[depth] = g as u32;
        self.depth_of[question] = depth as u32;
        let w = self.width;
        let (before, after) = self.path.split_at_mut((depth + 1) * w);
        let before = &before[depth * w..];
        let plus = |out: &mut [i64], choice: usize| {
            for ((value, was), add) in out
                .iter_mut()
                .zip(before)
                .zip(&flow.delta[choice * w..(choice + 1) * w])
            {
                *value = was + add;
            }
        };
        plus(&mut after[..w], g);
        let mut lean = std::mem::take(&mut self.lean[depth]);
        lean.clear();
        for &a in flow.other_way(g) {
            plus(&mut self.scratch, a as usize);
            lean.push(flow.standing(&self.scratch).leaders);
        }
        self.lean[depth] = lean;
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
            if let Some(top) = asked.last_mut() {
                top.1 += 1;
            }
            match self.answer(depth, q, c as usize) {
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

    /// Counts a finished path of `len` steps.
    fn leaf(&mut self, len: usize) {
        let flow = self.flow;
        let w = self.width;
        let Standing {
            leaders,
            margin,
            fired,
            open,
        } = flow.standing(&self.path[len * w..(len + 1) * w]);
        self.tally.end(
            flow,
            Standing {
                leaders,
                margin,
                fired,
                open,
            },
            1,
        );
        // In a tie any change between the tied outcomes breaks it: nothing is settled.
        let tie = leaders.count_ones() > 1;
        let ahead_by = if tie { None } else { Some(margin) };
        for i in 0..len {
            let q = self.questions[i] as usize;
            self.tally.through[q] += 1;
            if self.swings(i, len, leaders, ahead_by, open) {
                self.tally.swings[q] += 1;
            }
        }
    }

    /// Whether another answer at step `i` alone changes the headline `leaders` of a path of
    /// `len` steps, `ahead_by` points clear of the rest. The changed path follows the new
    /// branch until it rejoins the path (then the path's own answers carry on), ends, or
    /// reaches a question the path never answered (then the result is what the answers so far
    /// lean to, as the result screen's what-ifs say).
    fn swings(
        &mut self,
        i: usize,
        len: usize,
        leaders: u64,
        ahead_by: Option<i64>,
        open: u64,
    ) -> bool {
        let flow = self.flow;
        let w = self.width;
        let g = self.choices[i] as usize;
        let q = self.questions[i] as usize;
        let total = len * w;
        // Answers leading the same way keep the rest of the path. Unless the question is in a
        // rule, a sole leader further ahead than any of them can gain on it keeps the lead.
        let settled = match ahead_by {
            Some(margin) => {
                let leader = leaders.trailing_zeros() as usize;
                margin > flow.gain[g * flow.n + leader]
            }
            None => false,
        };
        if flow.in_rules[q] {
            for &a in flow.same_way(g) {
                let a = a as usize;
                for k in 0..w {
                    self.scratch[k] =
                        self.path[total + k] - flow.delta[g * w + k] + flow.delta[a * w + k];
                }
                if flow.standing(&self.scratch).leaders != leaders {
                    return true;
                }
            }
        } else if !settled {
            // The rules that hold stay the same: only the points move.
            let n = flow.n;
            for &a in flow.same_way(g) {
                let a = a as usize;
                for o in 0..n {
                    self.scratch[o] =
                        self.path[total + o] - flow.delta[g * w + o] + flow.delta[a * w + o];
                }
                if standing(&self.scratch[..n], open, n).0 != leaders {
                    return true;
                }
            }
        }
        for (k, &a) in flow.other_way(g).iter().enumerate() {
            let a = a as usize;
            let rejoin = flow.next[a]
                .map(|t| self.depth_of[t as usize])
                .filter(|&d| d != u32::MAX);
            let now = match rejoin {
                // The new branch ends, or reaches a question not answered: what it leans to.
                None => self.lean[i][k],
                // It rejoins the path at step `j`, leaving out the steps in between.
                Some(j) => {
                    let (b, r) = (i * w, j as usize * w);
                    let n = flow.n;
                    let mut same_rules = true;
                    for x in n..w {
                        let changed = self.path[b + x] + flow.delta[a * w + x] - self.path[r + x];
                        same_rules &= changed == 0;
                        self.scratch[x] = self.path[total + x] + changed;
                    }
                    for x in 0..n {
                        self.scratch[x] =
                            self.path[b + x] + flow.delta[a * w + x] + self.path[total + x]
                                - self.path[r + x];
                    }
                    if same_rules {
                        // The answers left out and the new one meet the same conditions.
                        standing(&self.scratch[..n], open, n).0
                    } else {
                        flow.standing(&self.scratch).leaders
                    }
                }
            };
            if now != leaders {
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
