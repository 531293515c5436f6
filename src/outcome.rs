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
mod tests {
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::interview::Interview;
    use crate::tree::{Choice, Meta, Outcome, Question, TreeFile, load_str};

    /// q1: `a` (+2 first) leads to q2, `b` (+2 second) to q3, `tie` (+1 first, +1 second) ends.
    /// q2: `x` (+1 first) or `y` (+4 second) ends. q3: `z` (+1 third) or `w` (nothing) ends.
    fn tree(close_call_margin: u32) -> Arc<Tree> {
        let outcome = |id: &str| {
            format!(
                "[[outcomes]]\nid = \"{id}\"\nlabel = \"{id}\"\nsummary = \"s\"\nowns = []\n\
                 priorities = []\nprofile = \"p\"\nrisks = []\nnext_steps = []\n\n"
            )
        };
        let choice = |id: &str, to: &str, evidence: &str| {
            let lead = if to == "end" {
                "end = true".to_string()
            } else {
                format!("next = \"{to}\"")
            };
            format!(
                "[[questions.choices]]\nid = \"{id}\"\nlabel = \"{id}\"\n{lead}\nevidence = {{ {evidence} }}\n"
            )
        };
        let question =
            |id: &str| format!("[[questions]]\nid = \"{id}\"\nprompt = \"?\"\nhelp = \"h\"\n");
        let text = [
            format!(
                "[meta]\ntitle = \"t\"\nversion = \"1\"\nstart = \"q1\"\nclose_call_margin = {close_call_margin}\n\n"
            ),
            outcome("first"),
            outcome("second"),
            outcome("third"),
            question("q1"),
            choice("a", "q2", "first = 2"),
            choice("b", "q3", "second = 2"),
            choice("tie", "end", "first = 1, second = 1"),
            question("q2"),
            choice("x", "end", "first = 1"),
            choice("y", "end", "second = 4"),
            question("q3"),
            choice("z", "end", "third = 1"),
            choice("w", "end", ""),
        ]
        .concat();
        match load_str("t.toml", &text) {
            Ok(loaded) => Arc::new(loaded.tree),
            Err(report) => panic!("{}", report.render()),
        }
    }

    const FIRST: usize = 0;
    const SECOND: usize = 1;
    const THIRD: usize = 2;

    fn finished(tree: &Arc<Tree>, answers: &[&str]) -> Interview {
        let mut interview = Interview::new(tree.clone());
        for answer in answers {
            assert_eq!(interview.answer_id(answer), Ok(()), "{answer}");
        }
        assert!(interview.is_finished());
        interview
    }

    fn result(tree: &Arc<Tree>, answers: &[&str]) -> Recommendation {
        finished(tree, answers).result().expect("finished")
    }

    #[test]
    fn scores_add_up_the_evidence_on_the_path() {
        let tree = tree(1);
        let r = result(&tree, &["a", "y"]);
        assert_eq!(r.scores, [2, 4, 0]);
        assert_eq!((r.outcome, r.runner_up, r.margin), (SECOND, Some(FIRST), 2));
        assert!(!r.close_call && !r.tie);
    }

    #[test]
    fn a_tie_goes_to_the_outcome_declared_first_and_is_a_close_call() {
        let tree = tree(1);
        let r = result(&tree, &["tie"]);
        assert_eq!(r.scores, [1, 1, 0]);
        assert_eq!((r.outcome, r.runner_up, r.margin), (FIRST, Some(SECOND), 0));
        assert!(r.tie && r.close_call);
    }

    #[test]
    fn a_win_within_the_margin_is_a_close_call_unless_the_margin_is_zero() {
        let r = result(&tree(1), &["b", "z"]);
        assert_eq!((r.outcome, r.runner_up, r.margin), (SECOND, Some(THIRD), 1));
        assert!(r.close_call && !r.tie);
        let r = result(&tree(0), &["b", "z"]);
        assert!(
            !r.close_call,
            "with close_call_margin = 0 only ties are close calls"
        );
        assert!(result(&tree(0), &["tie"]).close_call);
    }

    #[test]
    fn reasons_say_how_each_answer_moved_the_result() {
        let tree = tree(1);
        let r = result(&tree, &["a", "y"]);
        let leads: Vec<(usize, i64)> = r.reasons.iter().map(|x| (x.question, x.lead)).collect();
        // `a` pulled toward the runner-up by 2; `y` pushed the winner ahead by 4.
        assert_eq!(leads, [(0, -2), (1, 4)]);
        assert_eq!(r.reasons[1].evidence, [(SECOND, 4)]);
        let strongest: Vec<i64> = r.strongest_reasons().iter().map(|x| x.lead).collect();
        assert_eq!(strongest, [4, -2]);
        // Answers without evidence are reasons too, but not among the strongest.
        let r = result(&tree, &["b", "w"]);
        assert_eq!(r.reasons.len(), 2);
        assert_eq!(r.strongest_reasons().len(), 1);
    }

    #[test]
    fn what_ifs_list_each_single_change_that_changes_the_result() {
        let tree = tree(1);
        let r = result(&tree, &["a", "x"]);
        assert_eq!((r.outcome, r.margin), (FIRST, 3));
        assert_eq!(
            r.what_ifs,
            [
                // `b` leads to q3, which nobody answered: one question to go, leaning second.
                WhatIf {
                    question: 0,
                    from: 0,
                    to: 1,
                    outcome: SECOND,
                    unanswered: Some(Unanswered {
                        first: 2,
                        fewest: 1,
                        most: 1
                    }),
                },
                // `tie` ends at once with first still ahead on the tie-break: no change, so not
                // listed. `y` would make it second.
                WhatIf {
                    question: 1,
                    from: 0,
                    to: 1,
                    outcome: SECOND,
                    unanswered: None,
                },
            ]
        );
    }

    #[test]
    fn what_ifs_follow_a_branch_over_answers_already_given() {
        let tree = tree(1);
        let mut interview = finished(&tree, &["b", "z"]);
        assert_eq!(interview.change(0, 0), Ok(()));
        assert_eq!(interview.answer_id("x"), Ok(()));
        let r = interview.result().expect("finished again");
        assert_eq!(r.outcome, FIRST);
        // Going back to `b` reuses the kept answer `z`: a complete branch ending in second.
        let back_to_b = r.what_ifs.iter().find(|w| w.question == 0 && w.to == 1);
        assert_eq!(
            back_to_b,
            Some(&WhatIf {
                question: 0,
                from: 0,
                to: 1,
                outcome: SECOND,
                unanswered: None,
            })
        );
    }

    #[test]
    fn recommend_agrees_with_the_interview() {
        let tree = tree(1);
        let interview = finished(&tree, &["a", "y"]);
        let answers: Vec<Option<usize>> = (0..tree.questions().len())
            .map(|q| interview.answer_of(q))
            .collect();
        assert_eq!(
            Some(recommend(&tree, interview.path(), &answers)),
            interview.result()
        );
        assert_eq!(scores(&tree, interview.path()), [2, 4, 0]);
    }

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
                            let (fewest, most) = Unasked::new(tree, answers).from(first);
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
    fn random_tree(shape: &[Vec<(usize, Vec<i32>)>]) -> Tree {
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
                            .collect(),
                        reason: None,
                        unsure: false,
                    })
                    .collect(),
            })
            .collect();
        let file = TreeFile {
            meta: Meta {
                title: "t".into(),
                version: "1".into(),
                start: "q0".into(),
                close_call_margin: 1,
            },
            sources: vec![],
            outcomes: ids.iter().map(|id| outcome(id)).collect(),
            questions,
            rules: vec![],
            examples: vec![],
        };
        // Some generated questions are unreachable, which validation refuses but the
        // shortcut must still get right, so the tree is indexed as it is.
        let (_, resolved) = crate::tree::validate::check_and_resolve(
            &file,
            &crate::tree::validate::Known::default(),
            true,
        );
        Tree::from_checked(file, resolved)
    }

    proptest! {
        // No regressions folder at the top level: a failing case prints its input to paste
        // into a unit test.
        #![proptest_config(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

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
            let tree = random_tree(&shape);
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
