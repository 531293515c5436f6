//! How people moved between two rounds: each person's own recommendation in the round before
//! and now, every view answer they changed, and the group's combined recommendation and
//! alignment before and now. A changed answer is one whose answer on the person's path is
//! not what it was (given, dropped off the path, or newly reached).

use super::combine::Combined;
use crate::tree::{Step, Tree};

/// The group's movement from the round before to the current one.
#[derive(Debug, Clone)]
pub struct Movement {
    /// The round compared with: the one before the current.
    pub round_before: u32,
    /// Everyone in the current result, in the same order as its voices.
    pub people: Vec<Moved>,
    /// The round before, combined (its recommendation, alignment and questions), when anyone
    /// had finished it.
    pub before: Option<Combined>,
}

/// One person's movement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// Their index in the current result's voices.
    pub person: usize,
    /// Their own recommendation in the round before (outcomes, more than one in a tie);
    /// `None` when they had none: they joined later, or had not finished before an early
    /// reveal.
    pub before: Option<Vec<usize>>,
    /// Their own recommendation now.
    pub now: Vec<usize>,
    /// Each view answer that changed, in the order the tree lists the questions.
    pub changed: Vec<Changed>,
}

impl Moved {
    /// Whether their own recommendation changed (a person with none before did not move).
    pub fn moved(&self) -> bool {
        self.before.as_ref().is_some_and(|b| *b != self.now)
    }
}

/// One view answer changed between rounds. `None` is "not asked": the question was not on
/// their path in that round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    pub question: usize,
    pub from: Option<usize>,
    pub to: Option<usize>,
}

/// Each view question whose answer on the path differs between two paths.
pub(crate) fn changed(tree: &Tree, before: &[Step], now: &[Step]) -> Vec<Changed> {
    let on = |path: &[Step], q: usize| path.iter().find(|s| s.question == q).map(|s| s.choice);
    (0..tree.questions().len())
        .filter(|&q| !tree.is_fact(q))
        .filter_map(|question| {
            let (from, to) = (on(before, question), on(now, question));
            (from != to).then_some(Changed { question, from, to })
        })
        .collect()
}
