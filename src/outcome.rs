//! The recommendation: scores from the evidence of each answer, the winner with its margin and
//! close-call flag, how every answer moved the result, and what single changed answer would
//! change it.

use crate::tree::{Next, Step, Tree};

/// The result of a finished interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// The recommended outcome's index.
    pub outcome: usize,
    /// The next best outcome, when the tree has more than one.
    pub runner_up: Option<usize>,
    /// Points per outcome, in the tree's outcome order.
    pub scores: Vec<i64>,
    /// Points between the recommendation and the runner-up.
    pub margin: i64,
    /// The margin is within the tree's `close_call_margin`, or it is a tie.
    pub close_call: bool,
    /// The top two scored the same and the tree's outcome order decided.
    pub tie: bool,
    /// Every answer on the path, in the order asked, with what it did.
    pub reasons: Vec<Reason>,
    /// Each single changed answer that would change the recommendation.
    pub what_ifs: Vec<WhatIf>,
}

/// How one answer moved the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub question: usize,
    pub choice: usize,
    /// The points this answer added, as (outcome index, points).
    pub evidence: Vec<(usize, i32)>,
    /// Points this answer put between the recommendation and the runner-up: positive when it
    /// pushed toward the recommendation, negative when it pulled away.
    pub lead: i64,
}

/// A changed answer that would change the recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    pub question: usize,
    /// The answer given.
    pub from: usize,
    /// The answer that would change the result.
    pub to: usize,
    /// What the result would be (or, when `unanswered` is set, leans toward so far).
    pub outcome: usize,
    /// When the new answer leads down a branch with questions not yet answered: the first of
    /// them, and the fewest and most questions that branch still asks.
    pub unanswered: Option<Unanswered>,
}

/// The questions a what-if's branch still needs answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unanswered {
    pub first: usize,
    pub fewest: u32,
    pub most: u32,
}

impl Recommendation {
    /// The reasons that moved the result, strongest push toward the recommendation first;
    /// answers that carried no evidence are left out.
    pub fn strongest_reasons(&self) -> Vec<&Reason> {
        let mut moved: Vec<&Reason> = self
            .reasons
            .iter()
            .filter(|r| !r.evidence.is_empty())
            .collect();
        moved.sort_by_key(|r| std::cmp::Reverse(r.lead));
        moved
    }
}

/// Adds up the evidence of the answers on a path.
pub fn scores(tree: &Tree, path: &[Step]) -> Vec<i64> {
    let mut scores = vec![0i64; tree.outcomes().len()];
    for step in path {
        for &(outcome, points) in tree.evidence(step.question, step.choice) {
            scores[outcome] += i64::from(points);
        }
    }
    scores
}

/// The winning outcome and the runner-up; ties go to the outcome declared first.
fn rank(scores: &[i64]) -> (usize, Option<usize>) {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by_key(|&o| (std::cmp::Reverse(scores[o]), o));
    (order.first().copied().unwrap_or(0), order.get(1).copied())
}

/// The recommendation for a finished path; `answers` holds every recorded answer by question,
/// so what-ifs can follow a new branch over answers already given.
pub fn recommend(tree: &Tree, path: &[Step], answers: &[Option<usize>]) -> Recommendation {
    let scores = scores(tree, path);
    let (outcome, runner_up) = rank(&scores);
    let margin = runner_up.map_or(0, |r| scores[outcome] - scores[r]);
    let tie = runner_up.is_some() && margin == 0;
    let close_call =
        tie || (runner_up.is_some() && margin <= i64::from(tree.meta().close_call_margin));
    let reasons = path
        .iter()
        .map(|step| {
            let evidence = tree.evidence(step.question, step.choice).to_vec();
            let points = |o: usize| {
                evidence
                    .iter()
                    .filter(|(e, _)| *e == o)
                    .map(|(_, p)| i64::from(*p))
                    .sum::<i64>()
            };
            let lead = points(outcome) - runner_up.map_or(0, points);
            Reason {
                question: step.question,
                choice: step.choice,
                evidence,
                lead,
            }
        })
        .collect();
    Recommendation {
        outcome,
        runner_up,
        scores,
        margin,
        close_call,
        tie,
        reasons,
        what_ifs: what_ifs(tree, path, answers, outcome),
    }
}

/// Tries every other answer to every question on the path, following the branch it leads to
/// over answers already given.
fn what_ifs(tree: &Tree, path: &[Step], answers: &[Option<usize>], current: usize) -> Vec<WhatIf> {
    let mut found = Vec::new();
    let changes = Changes::new(tree, path, answers);
    // A branch's first unanswered question comes after the changed one, and the tree has no
    // cycles, so what lies beyond it does not depend on the change: one count serves them all.
    let mut unasked = Unasked::new(tree, answers);
    for (i, step) in path.iter().enumerate() {
        let choices = tree.question(step.question).choices.len();
        for to in (0..choices).filter(|&c| c != step.choice) {
            let (scores, frontier) = changes.change(i, step.question, to);
            let (outcome, _) = rank(&scores);
            if outcome != current {
                found.push(WhatIf {
                    question: step.question,
                    from: step.choice,
                    to,
                    outcome,
                    unanswered: frontier.map(|first| {
                        let (fewest, most) = unasked.from(first);
                        Unanswered {
                            first,
                            fewest,
                            most,
                        }
                    }),
                });
            }
        }
    }
    found
}

/// Scores of a path with one answer changed, without walking the whole path again for each
/// change: that took minutes for the what-ifs of a path of 100,000 questions.
struct Changes<'a> {
    tree: &'a Tree,
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
    fn new(tree: &'a Tree, path: &[Step], answers: &'a [Option<usize>]) -> Self {
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

    /// Scores and frontier when `question`, at path step `step`, is answered `to`: the path up
    /// to that step, then the new branch over answers already given until it ends, reaches an
    /// unanswered question, or rejoins the path. From there it is the old path again: a tree
    /// has no cycles, so the changed question cannot come round again.
    fn change(&self, step: usize, question: usize, to: usize) -> (Vec<i64>, Option<usize>) {
        let mut scores = self.before(step);
        let add = |q: usize, c: usize, scores: &mut Vec<i64>| {
            for &(outcome, points) in self.tree.evidence(q, c) {
                scores[outcome] += i64::from(points);
            }
        };
        add(question, to, &mut scores);
        let mut next = self.tree.next(question, to);
        // A branch is never longer than the tree; the bound keeps a bug from becoming a hang.
        for _ in 0..=self.answers.len() {
            let Next::Question(q) = next else {
                return (scores, None);
            };
            if let Some(rejoin) = self.on_path[q].filter(|&j| j > step) {
                let all = self.before(usize::MAX);
                let skipped = self.before(rejoin);
                for (score, (a, s)) in scores.iter_mut().zip(all.into_iter().zip(skipped)) {
                    *score += a - s;
                }
                return (scores, self.end);
            }
            let Some(c) = self.answers[q] else {
                return (scores, Some(q));
            };
            add(q, c, &mut scores);
            next = self.tree.next(q, c);
        }
        (scores, None)
    }
}

/// Fewest and most questions still without an answer between a question and an end, following
/// answers already given: a branch that rejoins answered questions asks only those in between.
struct Unasked<'a> {
    tree: &'a Tree,
    answers: &'a [Option<usize>],
    counted: Vec<Option<(u32, u32)>>,
    /// Questions being counted, so a cycle (impossible in a validated tree) cannot loop.
    open: Vec<bool>,
}

impl<'a> Unasked<'a> {
    fn new(tree: &'a Tree, answers: &'a [Option<usize>]) -> Self {
        Unasked {
            tree,
            answers,
            counted: vec![None; answers.len()],
            open: vec![false; answers.len()],
        }
    }

    /// Counts without recursion, so a chain of 100,000 questions cannot overflow the stack.
    fn from(&mut self, start: usize) -> (u32, u32) {
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

#[cfg(test)]
mod tests;
