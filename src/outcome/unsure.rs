//! "Not sure" answers: whether the recommendation holds however the questions answered "not
//! sure" are answered, alone and together, or which firm answer would change it and to what.

use super::{Standing, WhatIf, open_outcomes, rules_on, scores, standing};
use crate::tree::{Step, Tree};

/// Combinations of firm answers tried together, at most; past it, only one question at a time.
const COMBINATIONS: usize = 4096;

/// What the "not sure" answers could do to the recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsure {
    /// The questions answered "not sure", in the order asked.
    pub questions: Vec<usize>,
    /// Every firm answer to them, one question at a time and all combinations together, keeps
    /// the outcomes the headline names.
    pub holds: bool,
    /// Each single firm answer that would change the recommendation (a subset of the what-ifs).
    pub changes: Vec<WhatIf>,
    /// When no single answer changes it but some combination does: that combination.
    pub together: Option<Combination>,
    /// Whether every combination was tried (false past 4,096 of them).
    pub complete: bool,
}

/// Firm answers to the "not sure" questions that change the recommendation only together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Combination {
    /// The answers, in the order asked.
    pub answers: Vec<Step>,
    /// The outcome(s) they would lead to (or lean toward, when they open unanswered questions).
    pub leaders: Vec<usize>,
    /// The rules that would hold with them, which word those outcomes for that situation.
    pub rules: Vec<usize>,
}

/// The check, when the path has "not sure" answers.
pub(super) fn check(
    tree: &Tree,
    path: &[Step],
    answers: &[Option<usize>],
    leaders: &[usize],
    what_ifs: &[WhatIf],
) -> Option<Unsure> {
    let unsure: Vec<Step> = path
        .iter()
        .copied()
        .filter(|s| tree.is_unsure(s.question, s.choice))
        .collect();
    if unsure.is_empty() {
        return None;
    }
    let firm = |q: usize| -> Vec<usize> {
        (0..tree.question(q).choices.len())
            .filter(|&c| !tree.is_unsure(q, c))
            .collect()
    };
    let changes: Vec<WhatIf> = what_ifs
        .iter()
        .filter(|w| {
            unsure.iter().any(|s| s.question == w.question) && !tree.is_unsure(w.question, w.to)
        })
        .cloned()
        .collect();
    let options: Vec<Vec<usize>> = unsure.iter().map(|s| firm(s.question)).collect();
    let combinations = options
        .iter()
        .try_fold(1usize, |n, o| n.checked_mul(o.len().max(1)));
    let complete = combinations.is_some_and(|n| n <= COMBINATIONS);
    let mut together = None;
    if changes.is_empty() && complete && unsure.len() > 1 {
        // Odometer over every combination of firm answers.
        let mut pick = vec![0usize; unsure.len()];
        let mut trial = answers.to_vec();
        'all: loop {
            for (i, s) in unsure.iter().enumerate() {
                trial[s.question] = options[i].get(pick[i]).copied().or(Some(s.choice));
            }
            let (new_path, _) = tree.walk(&trial);
            let holding = rules_on(tree, &new_path);
            let open = open_outcomes(tree, &holding);
            let Standing { leaders: now, .. } = standing(&scores(tree, &new_path), &open);
            if now != leaders {
                let asked: Vec<Step> = unsure
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| {
                        let choice = *options[i].get(pick[i])?;
                        new_path
                            .iter()
                            .any(|p| p.question == s.question)
                            .then_some(Step {
                                question: s.question,
                                choice,
                            })
                    })
                    .collect();
                together = Some(Combination {
                    answers: asked,
                    leaders: now,
                    rules: holding,
                });
                break;
            }
            for i in 0..pick.len() {
                pick[i] += 1;
                if pick[i] < options[i].len() {
                    continue 'all;
                }
                pick[i] = 0;
            }
            break;
        }
    }
    Some(Unsure {
        questions: unsure.iter().map(|s| s.question).collect(),
        holds: changes.is_empty() && together.is_none(),
        changes,
        together,
        complete,
    })
}
