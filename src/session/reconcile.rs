//! Resuming a session on the question tree as it is now. When the tree has changed since the
//! session was saved, answers whose question and choice still exist are kept; the others are
//! listed for the user and set aside in the session, never mapped onto something else.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Session, Timestamp, TreeStamp};
use crate::text::terminal_safe;
use crate::{Interview, Step, Tree};

/// A resumed interview, and what of the session no longer fits the tree.
#[derive(Debug)]
pub struct Reconciled {
    /// The interview with every answer that still fits restored, at its frontier.
    pub interview: Interview,
    /// Answers and notes that do not fit the tree as it is now, in the order saved.
    pub dropped: Vec<Dropped>,
    /// The tree's file differs from the one the session was saved on (its hash changed).
    pub tree_changed: bool,
}

/// An answer or a note the current tree cannot take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dropped {
    /// The question's `id`, as saved.
    pub question: String,
    /// The choice's `id`, when an answer was dropped (none when only a note was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// The note on the question, when its question is gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub reason: DropReason,
    /// When the answer (or note) was given.
    pub at: Timestamp,
    /// The tree version it was given on.
    pub tree_version: String,
}

/// Why an answer no longer fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// The tree no longer has this question.
    QuestionGone,
    /// The question is still there, but this choice is not.
    ChoiceGone,
}

impl Dropped {
    /// One line for people, e.g. "question `size`: choice `huge` is no longer offered". The ids
    /// come from the session file, so they are made terminal-safe.
    pub fn describe(&self) -> String {
        let choice = self.choice.as_deref().map(terminal_safe);
        let what = match (&choice, self.reason) {
            (Some(c), DropReason::ChoiceGone) => format!("choice `{c}` is no longer offered"),
            (Some(c), DropReason::QuestionGone) => {
                format!("the question is no longer asked (the answer was `{c}`)")
            }
            (None, _) => "the question is no longer asked".to_string(),
        };
        let note = if self.note.is_some() {
            "; its note is kept in the session file"
        } else {
            ""
        };
        format!("question `{}`: {what}{note}", terminal_safe(&self.question))
    }
}

impl Session {
    /// Rebuilds the interview on `tree` (whose file `stamp` describes). Answers that no longer
    /// fit are moved from `answers` to `dropped`, notes on questions that are gone likewise, and
    /// the session takes the new stamp; save it afterwards when anything changed.
    pub fn reconcile(&mut self, tree: Arc<Tree>, stamp: TreeStamp) -> Reconciled {
        let tree_changed = self.tree.sha256 != stamp.sha256;
        let old_version = self.tree.version.clone();
        let mut dropped = Vec::new();
        let mut steps = Vec::new();
        let mut kept = Vec::new();
        for answer in std::mem::take(&mut self.answers) {
            let found = tree
                .question_index(&answer.question)
                .map(|q| (q, tree.choice_index(q, &answer.choice)));
            let reason = match found {
                Some((question, Some(choice))) => {
                    steps.push(Step { question, choice });
                    kept.push(answer);
                    continue;
                }
                Some((_, None)) => DropReason::ChoiceGone,
                None => DropReason::QuestionGone,
            };
            let note = (reason == DropReason::QuestionGone)
                .then(|| self.notes.remove(&answer.question))
                .flatten();
            dropped.push(Dropped {
                question: answer.question,
                choice: Some(answer.choice),
                note: note.map(|n| n.text),
                reason,
                at: answer.at,
                tree_version: old_version.clone(),
            });
        }
        let orphans: Vec<String> = self
            .notes
            .keys()
            .filter(|q| tree.question_index(q).is_none())
            .cloned()
            .collect();
        for question in orphans {
            if let Some(note) = self.notes.remove(&question) {
                dropped.push(Dropped {
                    question,
                    choice: None,
                    note: Some(note.text),
                    reason: DropReason::QuestionGone,
                    at: note.at,
                    tree_version: old_version.clone(),
                });
            }
        }
        self.answers = kept;
        self.dropped.extend(dropped.iter().cloned());
        self.tree = stamp;
        let mut interview = Interview::new(Arc::clone(&tree));
        interview.restore(steps);
        if self.workshop.is_some() {
            // A respondent's facts are the workshop's, answered once for everyone.
            interview.settle((0..tree.questions().len()).filter(|&q| tree.is_fact(q)));
            // An earlier round's answers, to keep or change; those the tree cannot take are
            // simply not offered.
            interview.offer(self.offered.iter().filter_map(|a| {
                let question = tree.question_index(&a.question)?;
                let choice = tree.choice_index(question, &a.choice)?;
                Some(Step { question, choice })
            }));
        }
        self.snapshot(&interview, self.updated);
        Reconciled {
            interview,
            dropped,
            tree_changed,
        }
    }
}
