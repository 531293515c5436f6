//! What-ifs without walking every changed path again: the scores (and rules that hold) of the
//! path with one answer changed, and how many questions a new branch still asks.

use crate::tree::{Next, Step, Tree};

/// Scores of a path with one answer changed, without walking the whole path again for each
/// change: that took minutes for the what-ifs of a path of 100,000 questions.
pub(super) struct Changes<'a> {
    tree: &'a Tree,
    path: &'a [Step],
    answers: &'a [Option<usize>],
    /// Each question's step on the path, if it is on it.
    on_path: Vec<Option<usize>>,
    /// Where the path stops: `None` when finished, else its first unanswered question.
    end: Option<usize>,
    /// Per outcome: (step, the outcome's total through that step), noted only at the steps
    /// that give it points, so the points of any stretch of the path take a few lookups.
    running: Vec<Vec<(usize, i64)>>,
}

impl<'a> Changes<'a> {
    pub(super) fn new(tree: &'a Tree, path: &'a [Step], answers: &'a [Option<usize>]) -> Self {
        let mut on_path = vec![None; answers.len()];
        let mut running = vec![Vec::new(); tree.outcomes().len()];
        let mut total = vec![0i64; tree.outcomes().len()];
        for (i, step) in path.iter().enumerate() {
            on_path[step.question] = Some(i);
            for &(outcome, points) in tree.evidence(step.question, step.choice) {
                total[outcome] += i64::from(points);
                running[outcome].push((i, total[outcome]));
            }
        }
        Changes {
            tree,
            path,
            answers,
            on_path,
            end: tree.walk(answers).1,
            running,
        }
    }

    /// Points from the path's steps before `step`, per outcome.
    fn before(&self, step: usize) -> Vec<i64> {
        self.running
            .iter()
            .map(|totals| match totals.partition_point(|&(i, _)| i < step) {
                0 => 0,
                n => totals[n - 1].1,
            })
            .collect()
    }

    /// The changed path when `question`, at path step `step`, is answered `to`: the path up
    /// to that step, then the new branch over answers already given until it ends, reaches an
    /// unanswered question (the frontier), or rejoins the path. From there it is the old path
    /// again: a tree has no cycles, so the changed question cannot come round again.
    pub(super) fn change(&self, step: usize, question: usize, to: usize) -> Changed {
        let mut scores = self.before(step);
        let add = |q: usize, c: usize, scores: &mut Vec<i64>| {
            for &(outcome, points) in self.tree.evidence(q, c) {
                scores[outcome] += i64::from(points);
            }
        };
        add(question, to, &mut scores);
        let mut branch = vec![(question, to)];
        let mut next = self.tree.next(question, to);
        // (where the old path is taken up again, the frontier)
        let mut ending = (None, None);
        // A branch is never longer than the tree; the bound keeps a bug from becoming a hang.
        for _ in 0..=self.answers.len() {
            let Next::Question(q) = next else {
                break;
            };
            if let Some(rejoin) = self.on_path[q].filter(|&j| j > step) {
                let all = self.before(usize::MAX);
                let skipped = self.before(rejoin);
                for (score, (a, s)) in scores.iter_mut().zip(all.into_iter().zip(skipped)) {
                    *score += a - s;
                }
                ending = (Some(rejoin), self.end);
                break;
            }
            let Some(c) = self.answers[q] else {
                ending = (None, Some(q));
                break;
            };
            add(q, c, &mut scores);
            branch.push((q, c));
            next = self.tree.next(q, c);
        }
        let (rejoin, frontier) = ending;
        let rules = self.tree.rules_holding(|q| {
            if let Some(&(_, c)) = branch.iter().find(|(b, _)| *b == q) {
                return Some(c);
            }
            let j = self.on_path[q]?;
            (j < step || rejoin.is_some_and(|r| j >= r)).then(|| self.path[j].choice)
        });
        Changed {
            scores,
            frontier,
            rules,
        }
    }
}

/// A path with one answer changed.
pub(super) struct Changed {
    /// Points per outcome along it (up to the frontier, when it has one).
    pub scores: Vec<i64>,
    /// Its first unanswered question, when the new branch needs more answers.
    pub frontier: Option<usize>,
    /// The rules that hold on it, in declaration order.
    pub rules: Vec<usize>,
}

/// Fewest and most questions still without an answer between a question and an end, following
/// answers already given: a branch that rejoins answered questions asks only those in between.
pub(super) struct Unasked<'a> {
    tree: &'a Tree,
    answers: &'a [Option<usize>],
    counted: Vec<Option<(u32, u32)>>,
    /// Questions being counted, so a cycle (impossible in a validated tree) cannot loop.
    open: Vec<bool>,
}

impl<'a> Unasked<'a> {
    pub(super) fn new(tree: &'a Tree, answers: &'a [Option<usize>]) -> Self {
        Unasked {
            tree,
            answers,
            counted: vec![None; answers.len()],
            open: vec![false; answers.len()],
        }
    }

    /// Counts without recursion, so a chain of 100,000 questions cannot overflow the stack.
    pub(super) fn from(&mut self, start: usize) -> (u32, u32) {
        let mut stack = vec![(start, false)];
        while let Some((q, expanded)) = stack.pop() {
            if self.counted[q].is_some() {
                continue;
            }
            let choices: Vec<usize> = match self.answers[q] {
                Some(c) => vec![c],
                None => (0..self.tree.question(q).choices.len()).collect(),
            };
            if !expanded {
                self.open[q] = true;
                stack.push((q, true));
                for &c in &choices {
                    if let Next::Question(t) = self.tree.next(q, c)
                        && self.counted[t].is_none()
                        && !self.open[t]
                    {
                        stack.push((t, false));
                    }
                }
                continue;
            }
            let (mut fewest, mut most) = (u32::MAX, 0u32);
            for &c in &choices {
                let (f, m) = match self.tree.next(q, c) {
                    Next::End => (0, 0),
                    Next::Question(t) => self.counted[t].unwrap_or((0, 0)),
                };
                fewest = fewest.min(f);
                most = most.max(m);
            }
            let asks = u32::from(self.answers[q].is_none());
            let fewest = if fewest == u32::MAX { 0 } else { fewest };
            self.counted[q] = Some((fewest.saturating_add(asks), most.saturating_add(asks)));
            self.open[q] = false;
        }
        self.counted[start].unwrap_or((0, 0))
    }
}
