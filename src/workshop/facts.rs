//! The facts, answered once for everyone, and each person's answers taken over them: the
//! facts file may answer only fact questions, and a person's answers file may repeat a fact
//! only as the facts file gives it, so nobody can answer the company's facts their own way.
//! Every problem points at its line in the file it is in, as answers files' problems do.

use std::sync::Arc;

use crate::answers::{Answers, Applied, Problems, unanswered_fact};
use crate::tree::Next;
use crate::tree::diagnostics::Diagnostic;
use crate::tree::{Step, Tree};

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
