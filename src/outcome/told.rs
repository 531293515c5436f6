//! The sentences every front end and report says about a result beyond its headline: a tie and
//! what would settle it, each outcome the rules took off the table and why, and what the "not
//! sure" answers could do. Written once here so the screen, plain mode and every report say
//! the same; `esc` prepares each piece of the tree's text for the output (terminal-safe,
//! Markdown or HTML escaped).

use super::{Recommendation, WhatIf, label_in, or_list};
use crate::tree::Tree;

/// Questions named as settling a tie, at most; the rest are counted.
const SETTLERS_NAMED: usize = 3;

/// All of them, in the order a reader needs them: the tie, what is ruled out, the unsure.
pub fn notes(tree: &Tree, rec: &Recommendation, esc: &dyn Fn(&str) -> String) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(tie(tree, rec, esc));
    out.extend(ruled_out(tree, rec, esc));
    out.extend(unsure(tree, rec, esc));
    out
}

/// For a tie: that the outcomes scored the same, and the questions whose answer would settle it.
pub fn tie(tree: &Tree, rec: &Recommendation, esc: &dyn Fn(&str) -> String) -> Option<String> {
    if !rec.tie {
        return None;
    }
    let names: Vec<String> = rec
        .leaders
        .iter()
        .map(|&o| esc(rec.label(tree, o)))
        .collect();
    let points = rec.scores[rec.outcome];
    let each = if points.abs() == 1 {
        "1 point each".to_string()
    } else {
        format!("{points} points each")
    };
    let settle = if rec.settled_by.is_empty() {
        "No single changed answer settles it: weigh the reasons for each before deciding."
            .to_string()
    } else {
        let mut questions: Vec<String> = rec
            .settled_by
            .iter()
            .take(SETTLERS_NAMED)
            .map(|&q| format!("\u{201c}{}\u{201d}", esc(&tree.question(q).prompt)))
            .collect();
        match rec.settled_by.len().saturating_sub(SETTLERS_NAMED) {
            0 => {}
            1 => questions.push("one other question".to_string()),
            more => questions.push(format!("{more} other questions")),
        }
        format!("Your answer to {} would settle it.", or_list(&questions))
    };
    Some(format!(
        "{} scored the same ({each}), and the order they are listed in decides nothing. {settle}",
        and_list(&names)
    ))
}

/// "Not an option here: Hire a CIO. You have a CIO and are keeping them." for each outcome the
/// rules took off the table.
pub fn ruled_out(tree: &Tree, rec: &Recommendation, esc: &dyn Fn(&str) -> String) -> Vec<String> {
    rec.ruled_out_reasons(tree)
        .into_iter()
        .map(|(o, reasons)| {
            let reasons: Vec<String> = reasons.into_iter().map(esc).collect();
            format!(
                "Not an option here: {}. {}",
                esc(&tree.outcome(o).label),
                reasons.join(" ")
            )
        })
        .collect()
}

/// What the "not sure" answers could do: nothing, or which answer would change it and to what.
pub fn unsure(tree: &Tree, rec: &Recommendation, esc: &dyn Fn(&str) -> String) -> Vec<String> {
    let Some(unsure) = &rec.unsure else {
        return Vec::new();
    };
    let quoted = |q: usize| format!("\u{201c}{}\u{201d}", esc(&tree.question(q).prompt));
    let questions: Vec<String> = unsure.questions.iter().map(|&q| quoted(q)).collect();
    let about = format!("You were not sure about {}", and_list(&questions));
    if unsure.holds {
        let scope = if unsure.complete {
            ""
        } else {
            " (each tried on its own: there are too many combinations to try together)"
        };
        let however = if unsure.questions.len() == 1 {
            "however you answer it"
        } else {
            "however you answer them"
        };
        return vec![format!(
            "{about}: the recommendation holds {however}{scope}."
        )];
    }
    let mut out = Vec::new();
    for w in &unsure.changes {
        // With one question unsure, "about" has just named it: the answer alone says enough.
        let answer = match unsure.questions.len() {
            1 => format!(
                "\u{201c}{}\u{201d}",
                esc(&tree.question(w.question).choices[w.to].label)
            ),
            _ => quoted_answer(tree, w, esc),
        };
        out.push(format!(
            "{about}: answering {answer} {}.",
            would(tree, w, esc)
        ));
    }
    if let Some(together) = &unsure.together {
        let given: Vec<String> = together
            .answers
            .iter()
            .map(|s| {
                format!(
                    "\u{201c}{}\u{201d}",
                    esc(&tree.question(s.question).choices[s.choice].label)
                )
            })
            .collect();
        let names: Vec<String> = together
            .leaders
            .iter()
            .map(|&o| esc(label_in(tree, o, &together.rules)))
            .collect();
        out.push(format!(
            "{about}: no one answer changes the recommendation, but answering {} together would make it {}.",
            and_list(&given),
            or_list(&names)
        ));
    }
    out
}

/// The answer a what-if gives, quoted with its question when that helps.
fn quoted_answer(tree: &Tree, w: &WhatIf, esc: &dyn Fn(&str) -> String) -> String {
    format!(
        "\u{201c}{}\u{201d} to \u{201c}{}\u{201d}",
        esc(&tree.question(w.question).choices[w.to].label),
        esc(&tree.question(w.question).prompt)
    )
}

/// "would make it Hire a CTO", "would lean to Hire a CTO (more questions to answer)", "would make
/// it too close to call between ...".
fn would(tree: &Tree, w: &WhatIf, esc: &dyn Fn(&str) -> String) -> String {
    let verdict = verdict(tree, w, esc);
    match w.unanswered {
        None => format!("would make it {verdict}"),
        Some(_) => format!("would lean to {verdict}, with more questions to answer"),
    }
}

/// What a what-if leads to, named for its situation: "Hire a CTO", or for a tie "too close to
/// call: Hire a CTO, or Have both".
pub fn verdict(tree: &Tree, w: &WhatIf, esc: &dyn Fn(&str) -> String) -> String {
    let names = w.outcome_names(tree, esc);
    if w.tied_with.is_empty() {
        names
    } else {
        format!("too close to call: {names}")
    }
}

/// "A", "A and B", "A, B and C".
pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::interview::Interview;
    use crate::tree::load_str;

    fn result(answers: &[&str]) -> (Arc<Tree>, Recommendation) {
        let text = include_str!("../../tests/fixtures/valid/example.toml");
        let tree = match load_str("example.toml", text) {
            Ok(loaded) => Arc::new(loaded.tree),
            Err(report) => panic!("{}", report.render()),
        };
        let mut interview = Interview::new(tree.clone());
        for answer in answers {
            assert_eq!(interview.answer_id(answer), Ok(()));
        }
        let rec = interview.result().expect("finished");
        (tree, rec)
    }

    #[test]
    fn a_tie_and_a_ruled_out_outcome_are_told_plainly() {
        let (tree, rec) = result(&["inside", "yes", "large"]);
        assert_eq!(
            notes(&tree, &rec, &str::to_string),
            [
                "Hire a CTO and Have both a CIO and a CTO scored the same (2 points each), and the order they are listed in decides nothing. Your answer to \u{201c}What do you most need a technology leader for?\u{201d} would settle it.",
                "Not an option here: Hire a CIO. You sell technology, so your product needs a leader of its own.",
            ]
        );
    }

    #[test]
    fn unsure_answers_say_whether_the_result_holds() {
        let (tree, rec) = result(&["products", "not_sure", "smaller"]);
        assert_eq!(
            unsure(&tree, &rec, &str::to_string),
            [
                "You were not sure about \u{201c}Does the company sell technology itself?\u{201d}: the recommendation holds however you answer it."
            ]
        );
        let (tree, rec) = result(&["inside", "not_sure", "smaller"]);
        assert_eq!(
            unsure(&tree, &rec, &str::to_string),
            [
                "You were not sure about \u{201c}Does the company sell technology itself?\u{201d}: answering \u{201c}Yes, technology is our product\u{201d} would make it too close to call: Hire a CTO, or Hire one leader for your product and your own systems."
            ]
        );
    }
}
