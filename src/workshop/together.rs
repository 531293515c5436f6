//! What combining is made of: one person's voice (their own recommendation and every answer
//! they gave), a group's standing from everyone's scores and rules, and one person run again
//! with an answer changed. Shared by the combined result and by what would settle a question.

use super::alignment::OPPOSITE_ENDS;
use crate::outcome::{self, Recommendation, Standing, open_outcomes, standing};
use crate::tree::{Step, Tree};

/// One person in the combined result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    pub name: String,
    pub role: Option<String>,
    /// Their own recommendation, as if they had answered alone.
    pub own: Recommendation,
    /// Every answer they recorded, by question (those off their path too, which a changed
    /// answer can bring back).
    pub answers: Vec<Option<usize>>,
}

impl Voice {
    /// "Ben (CFO)", or "Ben".
    pub fn display_name(&self) -> String {
        match &self.role {
            Some(role) => format!("{} ({role})", self.name),
            None => self.name.clone(),
        }
    }

    /// Their answer to a question, if it is on their path.
    pub fn answer_on_path(&self, question: usize) -> Option<usize> {
        self.own
            .reasons
            .iter()
            .find(|r| r.question == question)
            .map(|r| r.choice)
    }
}

/// Where a group's scores leave the outcomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Together {
    /// Points per outcome summed over everyone; divided by the number of people, the average
    /// (ranking by sum or by average is the same, and sums stay whole numbers).
    pub totals: Vec<i64>,
    /// The rules that hold for everyone, in declaration order.
    pub rules: Vec<usize>,
    /// Outcomes those rules leave open.
    pub open: Vec<bool>,
    /// The combined recommendation: the open outcomes with the top total (more than one is a
    /// tie), in declaration order.
    pub leaders: Vec<usize>,
    pub runner_up: Option<usize>,
}

impl Together {
    /// Combines each person's (scores, rules holding).
    pub(crate) fn of(tree: &Tree, each: &[(Vec<i64>, Vec<usize>)]) -> Together {
        let mut totals = vec![0i64; tree.outcomes().len()];
        for (scores, _) in each {
            for (total, points) in totals.iter_mut().zip(scores) {
                *total += points;
            }
        }
        // A rule that holds for only some people rests on their views, which are theirs to
        // settle; the rules that hold for everyone (those the facts decide among them) apply.
        let rules: Vec<usize> = match each.first() {
            Some((_, first)) => first
                .iter()
                .copied()
                .filter(|r| each.iter().all(|(_, rules)| rules.contains(r)))
                .collect(),
            None => Vec::new(),
        };
        let open = open_outcomes(tree, &rules);
        let Standing { leaders, runner_up } = standing(&totals, &open);
        Together {
            totals,
            rules,
            open,
            leaders,
            runner_up,
        }
    }

    /// Whether the combined result is a tie.
    pub fn tie(&self) -> bool {
        self.leaders.len() > 1
    }
}

/// The outcome indices at the opposite ends, when the tree has both.
pub fn opposite_ends(tree: &Tree) -> Option<(usize, usize)> {
    let [a, b] = OPPOSITE_ENDS;
    Some((tree.outcome_index(a)?, tree.outcome_index(b)?))
}

/// A person's scores and rules with their answers changed: the standing of their path as it
/// then runs, and whether it still reaches an end (if not, the scores are where it leans so
/// far, the way a what-if leans).
pub(crate) fn rerun(tree: &Tree, answers: &[Option<usize>]) -> Rerun {
    let (path, frontier): (Vec<Step>, Option<usize>) = tree.walk(answers);
    let scores = outcome::scores(tree, &path);
    let rules = outcome::rules_on(tree, &path);
    let open = open_outcomes(tree, &rules);
    let leaders = standing(&scores, &open).leaders;
    Rerun {
        scores,
        rules,
        leaders,
        finished: frontier.is_none(),
    }
}

/// One person run again with changed answers.
pub(crate) struct Rerun {
    pub scores: Vec<i64>,
    pub rules: Vec<usize>,
    pub leaders: Vec<usize>,
    pub finished: bool,
}
