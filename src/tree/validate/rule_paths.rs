//! The checks of rules that need the flow: a rule whose conditions no path meets can never fire
//! (a warning), and a path on which the rules that hold rule out every outcome leaves nothing to
//! recommend (an error, shown with an example path).
//!
//! Only which conditions a path has met matters to the rules, so the search walks distinct
//! (question, conditions met) states rather than paths: the shipped tree's millions of paths
//! fold into a few hundred states.

use std::collections::HashMap;

use super::rules::item_path;
use super::{Path, Seg};
use crate::tree::diagnostics::Diagnostic;
use crate::tree::model::TreeFile;
use crate::tree::resolved::{Edge, Resolved};

/// States the search may visit before it stops claiming that a rule never fires.
const STATE_BUDGET: usize = 1_000_000;

/// How many paths that leave no outcome are reported, each for a different set of rules.
const SHOWN: usize = 5;

/// A state of the search: a question, the condition bits met on the way to it, and how it was
/// first reached (the state before, the question and the choice).
type State = (usize, u128, Option<(usize, usize, usize)>);

/// One condition of one rule, with its bit in the state's mask.
struct Condition<'r> {
    rule: usize,
    question: usize,
    choices: &'r [usize],
}

/// Runs both checks on a tree without other errors.
pub(super) fn check(
    file: &TreeFile,
    next: &Resolved,
    start: usize,
    out: &mut Vec<(Diagnostic, Path)>,
) {
    let rules = &next.rules;
    let live: Vec<usize> = (0..rules.len()).filter(|&r| !rules[r].broken).collect();
    if live.is_empty() {
        return;
    }
    let conditions: Vec<Condition> = live
        .iter()
        .flat_map(|&r| {
            rules[r]
                .when
                .iter()
                .map(move |(question, choices)| Condition {
                    rule: r,
                    question: *question,
                    choices,
                })
        })
        .collect();
    if conditions.len() > 128 {
        out.push((
            Diagnostic::warning(
                "rules-unchecked",
                format!(
                    "the rules have {} conditions, too many to check on every path",
                    conditions.len()
                ),
                "rules are checked on every path when they have 128 conditions or fewer in all",
            ),
            item_path("rules", 0, &[Seg::Key("id")]),
        ));
        return;
    }
    // Each rule's conditions as a mask.
    let mut needs = vec![0u128; rules.len()];
    for (bit, condition) in conditions.iter().enumerate() {
        needs[condition.rule] |= 1 << bit;
    }
    // Each question's condition bits met by each of its choices.
    let met = |q: usize, c: usize| -> u128 {
        conditions
            .iter()
            .enumerate()
            .filter(|(_, k)| k.question == q && k.choices.contains(&c))
            .fold(0, |mask, (bit, _)| mask | 1 << bit)
    };

    let all_outcomes = file.outcomes.len();
    let mut fired = vec![false; rules.len()];
    let mut reported: Vec<Vec<usize>> = Vec::new();
    // Every state seen, with how it was reached: (parent state, question, choice).
    let mut states: Vec<State> = vec![(start, 0, None)];
    let mut index: HashMap<(usize, u128), usize> = HashMap::from([((start, 0), 0)]);
    let mut stack = vec![0usize];
    let mut complete = true;
    while let Some(s) = stack.pop() {
        let (q, mask, _) = states[s];
        for (c, edge) in next.choices(q).iter().enumerate() {
            let after = mask | met(q, c);
            match *edge {
                Edge::To(to) => {
                    if index.contains_key(&(to, after)) {
                        continue;
                    }
                    if states.len() >= STATE_BUDGET {
                        complete = false;
                        continue;
                    }
                    index.insert((to, after), states.len());
                    states.push((to, after, Some((s, q, c))));
                    stack.push(states.len() - 1);
                }
                Edge::End | Edge::Broken(_) => {
                    let holding: Vec<usize> = live
                        .iter()
                        .copied()
                        .filter(|&r| after & needs[r] == needs[r])
                        .collect();
                    let mut out_ruled = vec![false; all_outcomes];
                    for &r in &holding {
                        fired[r] = true;
                        for &o in &rules[r].rule_out {
                            out_ruled[o] = true;
                        }
                    }
                    if all_outcomes > 0
                        && out_ruled.iter().all(|&x| x)
                        && reported.len() < SHOWN
                        && !reported.contains(&holding)
                    {
                        let path = path_to(&states, s, (q, c));
                        out.push(nothing_left(file, &holding, &path));
                        reported.push(holding);
                    }
                }
            }
        }
    }
    if !complete {
        return;
    }
    for &r in live.iter().filter(|&&r| !fired[r]) {
        out.push((
            Diagnostic::warning(
                "rule-never-fires",
                format!(
                    "rule `{}` never holds: no path through the interview meets all of its conditions",
                    file.rules[r].id
                ),
                "check its `when` against the flow: the questions may never all be asked on one path",
            ),
            item_path("rules", r, &[Seg::Key("when")]),
        ));
    }
}

/// The answers from the start to a state, then its last answer.
fn path_to(states: &[State], mut s: usize, last: (usize, usize)) -> Vec<(usize, usize)> {
    let mut path = vec![last];
    while let Some((parent, q, c)) = states[s].2 {
        path.push((q, c));
        s = parent;
    }
    path.reverse();
    path
}

fn nothing_left(file: &TreeFile, holding: &[usize], path: &[(usize, usize)]) -> (Diagnostic, Path) {
    let names: Vec<String> = holding
        .iter()
        .map(|&r| format!("`{}`", file.rules[r].id))
        .collect();
    let answers: Vec<String> = path
        .iter()
        .map(|&(q, c)| {
            let question = &file.questions[q];
            format!("{} = {}", question.id, question.choices[c].id)
        })
        .collect();
    let last = holding.last().copied().unwrap_or(0);
    (
        Diagnostic::error(
            "nothing-left",
            format!(
                "on some paths the rules rule out every outcome ({} together), leaving nothing to recommend",
                names.join(", ")
            ),
            format!(
                "for example: {}; narrow a rule's `when` or `rule_out` so one outcome stays open",
                answers.join(", ")
            ),
        ),
        item_path("rules", last, &[Seg::Key("rule_out")]),
    )
}
