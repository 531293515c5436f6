//! The recommendation: scores from the evidence of each answer, the winner with its margin and
//! close-call flag, how every answer moved the result, and what single changed answer would
//! change it.

use crate::interview::{Step, walk};
use crate::tree::{Next, Tree};

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
                        let (fewest, most) = tree.remaining_from(first);
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
            end: walk(tree, answers).1,
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;
    use crate::tree::{Choice, Meta, Outcome, Question, TreeFile};

    /// What-ifs the plain way: walk the whole path again for every changed answer.
    fn walked(
        tree: &Tree,
        path: &[Step],
        answers: &[Option<usize>],
        current: usize,
    ) -> Vec<WhatIf> {
        let mut found = Vec::new();
        let mut trial = answers.to_vec();
        for step in path {
            for to in (0..tree.question(step.question).choices.len()).filter(|&c| c != step.choice)
            {
                trial[step.question] = Some(to);
                let (new_path, frontier) = walk(tree, &trial);
                let (outcome, _) = rank(&scores(tree, &new_path));
                if outcome != current {
                    found.push(WhatIf {
                        question: step.question,
                        from: step.choice,
                        to,
                        outcome,
                        unanswered: frontier.map(|first| {
                            let (fewest, most) = tree.remaining_from(first);
                            Unanswered {
                                first,
                                fewest,
                                most,
                            }
                        }),
                    });
                }
            }
            trial[step.question] = Some(step.choice);
        }
        found
    }

    /// A tree whose choices lead only to later questions (so it has no cycles), from (how many
    /// questions on, evidence) per choice: 0, or past the last question, ends the interview.
    fn tree(shape: &[Vec<(usize, Vec<i32>)>]) -> Tree {
        let outcome = |id: &str| Outcome {
            id: id.into(),
            label: id.into(),
            summary: "s".into(),
            owns: vec![],
            priorities: vec![],
            profile: "p".into(),
            risks: vec![],
            next_steps: vec![],
            collaboration: None,
            when_to_split: None,
            sources: vec![],
        };
        let ids = ["a", "b", "c"];
        let questions = shape
            .iter()
            .enumerate()
            .map(|(q, choices)| Question {
                id: format!("q{q}"),
                prompt: "p".into(),
                help: "h".into(),
                sources: vec![],
                choices: choices
                    .iter()
                    .enumerate()
                    .map(|(c, (on, points))| Choice {
                        id: format!("c{c}"),
                        label: "l".into(),
                        detail: None,
                        next: (*on > 0 && q + on < shape.len()).then(|| format!("q{}", q + on)),
                        end: *on == 0 || q + on >= shape.len(),
                        evidence: ids
                            .iter()
                            .map(|o| o.to_string())
                            .zip(points.clone())
                            .collect::<BTreeMap<_, _>>(),
                        reason: None,
                    })
                    .collect(),
            })
            .collect();
        Tree::from_checked(TreeFile {
            meta: Meta {
                title: "t".into(),
                version: "1".into(),
                start: "q0".into(),
                close_call_margin: 1,
            },
            sources: vec![],
            outcomes: ids.iter().map(|id| outcome(id)).collect(),
            questions,
        })
    }

    proptest! {
        /// The shortcut agrees with walking every changed path, on finished and unfinished
        /// interviews, with answers kept aside off the path.
        #[test]
        fn what_ifs_match_walking_every_change(
            shape in prop::collection::vec(
                prop::collection::vec((0usize..4, prop::collection::vec(-3i32..4, 3)), 1..4),
                1..9,
            ),
            picks in prop::collection::vec(prop::option::weighted(0.8, 0usize..4), 9),
        ) {
            let tree = tree(&shape);
            let answers: Vec<Option<usize>> = (0..shape.len())
                .map(|q| picks[q].map(|c| c % shape[q].len()))
                .collect();
            let (path, _) = walk(&tree, &answers);
            let (current, _) = rank(&scores(&tree, &path));
            prop_assert_eq!(
                what_ifs(&tree, &path, &answers, current),
                walked(&tree, &path, &answers, current)
            );
        }
    }
}
