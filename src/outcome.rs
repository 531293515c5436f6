//! The recommendation: scores from the evidence of each answer, the rules that take outcomes
//! off the table, the outcome (or outcomes, in a tie) the headline names with the margin and
//! close-call flag, how every answer moved the result, what single changed answer would change
//! it, and whether "not sure" answers could.

mod changes;
pub mod told;
mod unsure;

use changes::{Changes, Unasked};
pub use unsure::{Combination, Unsure};

use crate::tree::{Step, Tree};

/// The result of a finished interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// The recommended outcome's index: the first of `leaders`.
    pub outcome: usize,
    /// Every outcome the headline names: the recommended one alone, or, in a tie, each open
    /// outcome with the top score, in declaration order (which orders them, never picks one).
    pub leaders: Vec<usize>,
    /// The next best open outcome, when there is one; in a tie, the second of `leaders`.
    pub runner_up: Option<usize>,
    /// Points per outcome, in the tree's outcome order (ruled-out outcomes keep theirs).
    pub scores: Vec<i64>,
    /// Points between the recommendation and the runner-up (0 in a tie).
    pub margin: i64,
    /// The margin is within the tree's `close_call_margin`, or it is a tie.
    pub close_call: bool,
    /// Two or more open outcomes share the top score: `leaders` names them all.
    pub tie: bool,
    /// The rules that hold on the path, in declaration order.
    pub rules: Vec<usize>,
    /// Each outcome the rules took off the table, in outcome order, with the rules that did.
    pub ruled_out: Vec<RuledOut>,
    /// Every answer on the path, in the order asked, with what it did.
    pub reasons: Vec<Reason>,
    /// Each single changed answer that would change the recommendation.
    pub what_ifs: Vec<WhatIf>,
    /// In a tie: the questions whose other answers would settle it (make one of the tied
    /// outcomes the only one recommended), in the order asked.
    pub settled_by: Vec<usize>,
    /// When some answers were "not sure": whether the recommendation holds however they are
    /// answered, and if not, what would change it.
    pub unsure: Option<Unsure>,
}

/// An outcome a rule took off the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuledOut {
    pub outcome: usize,
    /// The rules that ruled it out (at least one), in declaration order: each has a reason.
    pub rules: Vec<usize>,
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
    /// What the result would be (or, when `unanswered` is set, leans toward so far); in a tie,
    /// the first of the tied outcomes.
    pub outcome: usize,
    /// When the change leads to a tie: the other outcomes tied with `outcome`.
    pub tied_with: Vec<usize>,
    /// The rules that would hold, which word outcomes for that situation.
    pub rules: Vec<usize>,
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

    /// An outcome's name in the client's situation: a holding rule's wording, or its label.
    pub fn label<'t>(&self, tree: &'t Tree, outcome: usize) -> &'t str {
        label_in(tree, outcome, &self.rules)
    }

    /// The headline: the recommended outcome's name, or for a tie "Too close to call: A, or
    /// B". `name` prepares each outcome's name for the output (escaping, emphasis).
    pub fn headline_with(&self, tree: &Tree, name: impl Fn(&str) -> String) -> String {
        let names: Vec<String> = self
            .leaders
            .iter()
            .map(|&o| name(self.label(tree, o)))
            .collect();
        if self.tie {
            format!("Too close to call: {}", or_list(&names))
        } else {
            names.concat()
        }
    }

    /// The headline as plain text.
    pub fn headline(&self, tree: &Tree) -> String {
        self.headline_with(tree, str::to_string)
    }

    /// Whether an outcome is among those the headline names.
    pub fn leads(&self, outcome: usize) -> bool {
        self.leaders.contains(&outcome)
    }

    /// "Not an option here: Hire a CIO. You have one and are keeping them." for each outcome
    /// the rules took off the table, in outcome order: (outcome, the reasons, each a rule's).
    pub fn ruled_out_reasons<'t>(&self, tree: &'t Tree) -> Vec<(usize, Vec<&'t str>)> {
        self.ruled_out
            .iter()
            .map(|r| {
                let reasons = r
                    .rules
                    .iter()
                    .map(|&rule| tree.rules()[rule].reason.as_str())
                    .collect();
                (r.outcome, reasons)
            })
            .collect()
    }
}

impl WhatIf {
    /// The outcome(s) this change leads to, named for its situation: "Hire a CTO", or "Hire a
    /// CTO, or Have both" for a tie.
    pub fn outcome_names(&self, tree: &Tree, name: impl Fn(&str) -> String) -> String {
        let names: Vec<String> = std::iter::once(self.outcome)
            .chain(self.tied_with.iter().copied())
            .map(|o| name(label_in(tree, o, &self.rules)))
            .collect();
        or_list(&names)
    }
}

/// "A", "A, or B", "A, B, or C".
pub fn or_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{}, or {last}", first.join(", ")),
    }
}

/// An outcome's name where these rules hold: the first of them that words it, else its label.
pub fn label_in<'t>(tree: &'t Tree, outcome: usize, rules: &[usize]) -> &'t str {
    let id = &tree.outcome(outcome).id;
    rules
        .iter()
        .find_map(|&r| tree.rules()[r].labels.get(id))
        .unwrap_or(&tree.outcome(outcome).label)
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

/// Which outcomes the rules leave open, given the rules that hold.
pub fn open_outcomes(tree: &Tree, rules: &[usize]) -> Vec<bool> {
    let mut open = vec![true; tree.outcomes().len()];
    for &r in rules {
        for &o in tree.rule_out(r) {
            open[o] = false;
        }
    }
    open
}

/// Where a set of scores leaves the open outcomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The open outcomes with the top score, in declaration order (one unless tied).
    pub leaders: Vec<usize>,
    /// The second of the leaders in a tie, else the best open outcome after the leader.
    pub runner_up: Option<usize>,
}

/// Ranks the open outcomes by score. Were the rules to leave nothing open (the validator
/// refuses such trees), every outcome counts as open, so there is always a recommendation.
pub fn standing(scores: &[i64], open: &[bool]) -> Standing {
    let any_open = open.iter().any(|&o| o);
    let mut order: Vec<usize> = (0..scores.len())
        .filter(|&o| !any_open || open[o])
        .collect();
    order.sort_by_key(|&o| (std::cmp::Reverse(scores[o]), o));
    let top = order.first().map(|&o| scores[o]);
    let leaders: Vec<usize> = order
        .iter()
        .copied()
        .take_while(|&o| Some(scores[o]) == top)
        .collect();
    Standing {
        runner_up: order.get(1).copied(),
        leaders,
    }
}

/// The recommendation for a finished path; `answers` holds every recorded answer by question,
/// so what-ifs can follow a new branch over answers already given.
pub fn recommend(tree: &Tree, path: &[Step], answers: &[Option<usize>]) -> Recommendation {
    let scores = scores(tree, path);
    let rules = rules_on(tree, path);
    let open = open_outcomes(tree, &rules);
    let Standing { leaders, runner_up } = standing(&scores, &open);
    let outcome = leaders.first().copied().unwrap_or(0);
    let margin = runner_up.map_or(0, |r| scores[outcome] - scores[r]);
    let tie = leaders.len() > 1;
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
    let ruled_out = (0..tree.outcomes().len())
        .filter(|&o| !open[o])
        .map(|o| RuledOut {
            outcome: o,
            rules: rules
                .iter()
                .copied()
                .filter(|&r| tree.rule_out(r).contains(&o))
                .collect(),
        })
        .collect();
    let what_ifs = what_ifs(tree, path, answers, &leaders);
    let mut settled_by: Vec<usize> = Vec::new();
    if tie {
        for w in &what_ifs {
            if w.tied_with.is_empty()
                && leaders.contains(&w.outcome)
                && !settled_by.contains(&w.question)
            {
                settled_by.push(w.question);
            }
        }
    }
    let unsure = unsure::check(tree, path, answers, &leaders, &what_ifs);
    Recommendation {
        outcome,
        leaders,
        runner_up,
        scores,
        margin,
        close_call,
        tie,
        rules,
        ruled_out,
        reasons,
        what_ifs,
        settled_by,
        unsure,
    }
}

/// The rules that hold on a path.
pub fn rules_on(tree: &Tree, path: &[Step]) -> Vec<usize> {
    tree.rules_holding(|q| path.iter().find(|s| s.question == q).map(|s| s.choice))
}

/// Tries every other answer to every question on the path, following the branch it leads to
/// over answers already given; keeps those that change the outcomes the headline names.
fn what_ifs(
    tree: &Tree,
    path: &[Step],
    answers: &[Option<usize>],
    current: &[usize],
) -> Vec<WhatIf> {
    let mut found = Vec::new();
    let changes = Changes::new(tree, path, answers);
    // A branch's first unanswered question comes after the changed one, and the tree has no
    // cycles, so what lies beyond it does not depend on the change: one count serves them all.
    let mut unasked = Unasked::new(tree, answers);
    for (i, step) in path.iter().enumerate() {
        let choices = tree.question(step.question).choices.len();
        for to in (0..choices).filter(|&c| c != step.choice) {
            let changed = changes.change(i, step.question, to);
            let open = open_outcomes(tree, &changed.rules);
            let Standing { leaders, .. } = standing(&changed.scores, &open);
            if leaders != current
                && let Some(&outcome) = leaders.first()
            {
                found.push(WhatIf {
                    question: step.question,
                    from: step.choice,
                    to,
                    outcome,
                    tied_with: leaders[1..].to_vec(),
                    rules: changed.rules,
                    unanswered: changed.frontier.map(|first| {
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

#[cfg(test)]
pub(crate) mod tests;
