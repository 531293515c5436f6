//! The facts, answered once for everyone, and each person's answers taken over them: the
//! facts file may answer only fact questions, and a person's answers file may repeat a fact
//! only as the facts file gives it, so nobody can answer the company's facts their own way.
//! Every problem points at its line in the file it is in, as answers files' problems do.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::answers::{Answers, Applied, Problems, unanswered_fact};
use crate::interview::Interview;
use crate::tree::diagnostics::Diagnostic;
use crate::tree::{Next, Step, Tree};

/// The facts of a workshop, as answers to the tree's fact questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    steps: Vec<Step>,
}

impl Facts {
    /// Facts already checked (a workshop file's, by [`super::Workshop::fact_steps`]).
    pub fn new(steps: Vec<Step>) -> Facts {
        Facts { steps }
    }

    /// The facts from an answers file: every line must answer a fact question of the tree.
    pub fn from_answers(tree: &Tree, file: &Answers) -> Result<Facts, Problems> {
        let mut problems = file.problems();
        let (steps, _) = file.resolve(tree, &mut problems);
        for (step, entry) in &steps {
            if !tree.is_fact(step.question) {
                let d = Diagnostic::error(
                    "not-a-fact",
                    format!(
                        "`{}` is a view, which each person answers for themselves, not a fact of the company",
                        tree.question(step.question).id
                    ),
                    "move this line into each person's answers file",
                )
                .at(Some(entry.key.clone()));
                problems.push(d);
            }
        }
        if problems.errors() > 0 {
            return Err(problems);
        }
        let steps: Vec<Step> = steps.into_iter().map(|(step, _)| step).collect();
        let missing = unanswered(tree, &steps);
        if !missing.is_empty() {
            for question in missing {
                problems.push_listed(unanswered_fact(tree, question));
            }
            return Err(problems);
        }
        Ok(Facts { steps })
    }

    /// The facts, as answers.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// One person's answers over the facts: their interview, finished, or every problem with
    /// their file. A fact they answer must be answered as the facts give it; a fact the facts
    /// do not answer belongs in the facts file.
    pub fn apply(&self, tree: &Arc<Tree>, person: &Answers) -> Result<Applied, Problems> {
        let mut problems = person.problems();
        let (steps, _) = person.resolve(tree, &mut problems);
        let mut clash = false;
        for (step, entry) in &steps {
            if !tree.is_fact(step.question) {
                continue;
            }
            let q = tree.question(step.question);
            let shared = self.steps.iter().find(|s| s.question == step.question);
            let (message, hint) = match shared {
                Some(s) if s.choice == step.choice => continue,
                Some(s) => (
                    format!(
                        "`{}` is a fact, answered once for everyone as `{}` in the facts file, and this answers it `{}`",
                        q.id, q.choices[s.choice].id, q.choices[step.choice].id
                    ),
                    "remove this line, or settle the fact and change it in the facts file"
                        .to_string(),
                ),
                None => (
                    format!(
                        "`{}` is a fact of the company, answered once for everyone, not in one person's answers",
                        q.id
                    ),
                    "move this line into the facts file".to_string(),
                ),
            };
            problems.push(
                Diagnostic::error("fact-in-answers", message, hint).at(Some(entry.value.clone())),
            );
            clash = true;
        }
        if clash {
            return Err(problems);
        }
        person.apply_over(tree, &self.steps)
    }
}

/// The fact questions (in question order) that respondents' answers can lead to and the facts
/// leave unanswered: every way through the tree is followed, an answered fact by its answer,
/// anything else by each of its choices.
fn unanswered(tree: &Tree, facts: &[Step]) -> Vec<usize> {
    let answer = |q: usize| facts.iter().find(|s| s.question == q).map(|s| s.choice);
    let mut seen = vec![false; tree.questions().len()];
    let mut queue = vec![tree.start()];
    let mut missing = Vec::new();
    while let Some(q) = queue.pop() {
        if std::mem::replace(&mut seen[q], true) {
            continue;
        }
        let choices: Vec<usize> = match (tree.is_fact(q), answer(q)) {
            (true, Some(c)) => vec![c],
            (true, None) => {
                missing.push(q);
                (0..tree.question(q).choices.len()).collect()
            }
            (false, _) => (0..tree.question(q).choices.len()).collect(),
        };
        for c in choices {
            if let Next::Question(n) = tree.next(q, c) {
                queue.push(n);
            }
        }
    }
    missing.sort_unstable();
    missing
}

/// The facts step of a workshop run in one room: an ordinary interview that asks only the
/// tree's facts. Every view is given, and settled, the choice that leads on to the most facts,
/// so the walk passes over the views; the facts already `given` are restored and the interview
/// stands at the first fact still to answer. (A fact that only one answer to a view leads to
/// may then never come up here: each person whose path reaches it is asked it in their own
/// interview, as settling leaves an unanswered fact open.)
pub fn facts_step(tree: &Arc<Tree>, given: &[Step]) -> Interview {
    let mut reach: Vec<Option<BTreeSet<usize>>> = vec![None; tree.questions().len()];
    let mut views = Vec::new();
    for q in (0..tree.questions().len()).filter(|&q| !tree.is_fact(q)) {
        let choices = tree.question(q).choices.len();
        let onward = (0..choices)
            .max_by_key(|&c| match tree.next(q, c) {
                // Ties go to the first choice: max_by_key keeps the last maximum.
                Next::Question(n) => (facts_from(tree, n, &mut reach).len(), choices - c),
                Next::End => (0, choices - c),
            })
            .unwrap_or(0);
        views.push(Step {
            question: q,
            choice: onward,
        });
    }
    let mut interview = Interview::new(Arc::clone(tree));
    interview.restore(views.iter().copied().chain(given.iter().copied()));
    interview.settle(views.iter().map(|s| s.question));
    interview
}

impl Facts {
    /// The facts a room's facts step ([`facts_step`]) has answered so far, in the order they
    /// were asked.
    pub fn answered_in(interview: &Interview) -> Facts {
        let tree = interview.tree();
        Facts {
            steps: interview
                .path()
                .iter()
                .filter(|s| tree.is_fact(s.question))
                .copied()
                .collect(),
        }
    }
}

/// The fact questions reachable from question `q`, itself included (remembered per question:
/// the tree has no loops, so each is worked out once).
fn facts_from<'r>(
    tree: &Tree,
    q: usize,
    reach: &'r mut Vec<Option<BTreeSet<usize>>>,
) -> &'r BTreeSet<usize> {
    if reach[q].is_none() {
        let mut found = BTreeSet::new();
        if tree.is_fact(q) {
            found.insert(q);
        }
        for c in 0..tree.question(q).choices.len() {
            if let Next::Question(n) = tree.next(q, c) {
                found.extend(facts_from(tree, n, reach).iter().copied());
            }
        }
        reach[q] = Some(found);
    }
    reach[q].get_or_insert_with(BTreeSet::new)
}

#[cfg(test)]
mod room_tests {
    use super::*;
    use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

    #[test]
    fn the_facts_step_asks_every_fact_of_the_shipped_tree_and_no_view() {
        let tree = Arc::new(
            load_str(EMBEDDED_NAME, EMBEDDED)
                .expect("the shipped tree")
                .tree,
        );
        let file = crate::answers::parse(
            "facts.toml",
            include_str!("../../tests/answers/workshop/facts.toml"),
        )
        .unwrap_or_else(|p| panic!("{}", p.render()));
        let wanted = Facts::from_answers(&tree, &file).unwrap_or_else(|p| panic!("{}", p.render()));
        let mut interview = facts_step(&tree, &[]);
        let mut asked = Vec::new();
        while let Some(q) = interview.current() {
            assert!(tree.is_fact(q), "{} is a view", tree.question(q).id);
            let step = wanted.steps().iter().find(|s| s.question == q);
            let step = step.unwrap_or_else(|| panic!("{} was asked", tree.question(q).id));
            asked.push(q);
            interview.answer(step.choice).expect("an open fact");
            assert_eq!(interview.number(), asked.len() + 1, "numbered as asked");
        }
        assert_eq!(Facts::answered_in(&interview), wanted);
        // Resumed with those facts, it stands at the end; with only some, at the next.
        assert!(facts_step(&tree, wanted.steps()).current().is_none());
        let resumed = facts_step(&tree, &wanted.steps()[..2]);
        assert_eq!(resumed.current(), Some(wanted.steps()[2].question));
    }
}
