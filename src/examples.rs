//! A tree's `[[examples]]` run as checks: each client profile's answers are followed through
//! the tree, and the example fails when they stop short, stray off the path, end in an outcome
//! a consultant would not accept, or explain it without the words the example asks for. The
//! problems carry a path into the file, so `techhire validate` reports them at the example's
//! line and column like any other.

use std::path::Path;

use crate::outcome::{Recommendation, recommend};
use crate::tree::validate::{Path as Place, Seg};
use crate::tree::{self, Diagnostic, Diagnostics, Loaded, Step, Tree, TreeError};

/// Loads a tree file and runs its examples; a failing example is an error like any other.
pub fn load_path(path: &Path) -> Result<Loaded, TreeError> {
    tree::load_path_checked(path, Some(&problems))
}

/// Loads a tree from text and runs its examples.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Diagnostics> {
    tree::load_str_checked(file, text, Some(&problems))
}

/// One way an example failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The example's index in the tree.
    pub example: usize,
    pub message: String,
    pub hint: String,
    /// Where in the example the problem is.
    pub at: Place,
}

/// Every failure of every example, in the order the examples are written.
pub fn failures(tree: &Tree) -> Vec<Failure> {
    (0..tree.examples().len())
        .flat_map(|e| check(tree, e))
        .collect()
}

/// The failures as diagnostics with their places, for the loader.
pub fn problems(tree: &Tree) -> Vec<(Diagnostic, Place)> {
    failures(tree)
        .into_iter()
        .map(|f| (Diagnostic::error("example-fails", f.message, f.hint), f.at))
        .collect()
}

/// The words an example's `explanation_contains` is checked against: the headline, each
/// recommended outcome's summary, the reasons of the answers, and what the rules ruled out.
pub fn explanation(tree: &Tree, rec: &Recommendation) -> String {
    let mut parts = vec![rec.headline(tree)];
    for &o in &rec.leaders {
        parts.push(tree.outcome(o).summary.clone());
    }
    for reason in &rec.reasons {
        let choice = &tree.question(reason.question).choices[reason.choice];
        parts.push(
            choice
                .reason
                .clone()
                .unwrap_or_else(|| choice.label.clone()),
        );
    }
    for (outcome, reasons) in rec.ruled_out_reasons(tree) {
        parts.push(format!(
            "Not an option here: {}.",
            tree.outcome(outcome).label
        ));
        parts.extend(reasons.into_iter().map(str::to_string));
    }
    parts.join("\n")
}

/// The failures of one example.
pub fn check(tree: &Tree, index: usize) -> Vec<Failure> {
    let example = &tree.examples()[index];
    let at = |rest: &[Seg]| {
        let mut p = vec![Seg::Key("examples"), Seg::Index(index)];
        p.extend_from_slice(rest);
        p
    };
    let fail = |message: String, hint: &str, place: Place| Failure {
        example: index,
        message,
        hint: hint.to_string(),
        at: place,
    };
    let id = &example.id;
    let mut answers = vec![None; tree.questions().len()];
    for (question, choice) in &example.answers {
        // The validator has already reported answers that name nothing.
        let Some(q) = tree.question_index(question) else {
            return Vec::new();
        };
        let Some(c) = tree.choice_index(q, choice) else {
            return Vec::new();
        };
        answers[q] = Some(c);
    }
    let (path, frontier) = tree.walk(&answers);
    let mut found = Vec::new();
    if let Some(q) = frontier {
        found.push(fail(
            format!(
                "example `{id}` stops at question `{}`: its answers do not say how the client answers it",
                tree.question(q).id
            ),
            "add that question's answer to `answers`",
            at(&[Seg::KeyName("answers".into())]),
        ));
    }
    for question in example.answers.keys() {
        let on_path = tree
            .question_index(question)
            .is_some_and(|q| path.iter().any(|s: &Step| s.question == q));
        if !on_path {
            found.push(fail(
                format!(
                    "example `{id}` answers `{question}`, which its other answers never lead to"
                ),
                "remove the answer, or check the answers before it",
                at(&[Seg::Key("answers"), Seg::KeyName(question.clone())]),
            ));
        }
    }
    if frontier.is_some() {
        return found;
    }
    let rec = recommend(tree, &path, &answers);
    let accepted = |o: usize| example.expect.iter().any(|e| *e == tree.outcome(o).id);
    if !rec.leaders.iter().all(|&o| accepted(o)) {
        let expected: Vec<String> = example.expect.iter().map(|e| format!("`{e}`")).collect();
        let got: Vec<String> = rec
            .leaders
            .iter()
            .map(|&o| format!("`{}`", tree.outcome(o).id))
            .collect();
        let verdict = if rec.tie {
            format!("a tie between {}", got.join(" and "))
        } else {
            got.concat()
        };
        found.push(fail(
            format!(
                "example `{id}` ({}) expects {}, but the tree recommends {verdict} (\"{}\")",
                example.name,
                expected.join(" or "),
                rec.headline(tree)
            ),
            "check the evidence and rules on its path (`techhire run --answers` shows the reasons), or what it expects",
            at(&[Seg::Key("expect")]),
        ));
    }
    let text = explanation(tree, &rec).to_lowercase();
    for (i, words) in example.explanation_contains.iter().enumerate() {
        if !text.contains(&words.to_lowercase()) {
            found.push(fail(
                format!("the explanation for example `{id}` never says \"{words}\""),
                "word a reason on its path (or a rule's reason) so it says this, or change the words expected",
                at(&[Seg::Key("explanation_contains"), Seg::Index(i)]),
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../tests/fixtures/valid/example.toml");

    fn loaded(text: &str) -> Result<Loaded, Diagnostics> {
        load_str("example.toml", text)
    }

    #[test]
    fn the_format_pages_example_passes() {
        let loaded = loaded(EXAMPLE).map_err(|r| r.render());
        assert!(loaded.is_ok(), "{loaded:?}");
    }

    #[test]
    fn an_example_that_ends_elsewhere_fails_at_its_expect() {
        let text = EXAMPLE.replace("expect = [\"cto\"]", "expect = [\"cio\", \"both\"]");
        let found = loaded(&text).expect_err("the example must fail");
        let json = found.to_json();
        let d = &json["diagnostics"][0];
        assert_eq!(d["code"], "example-fails");
        assert_eq!(
            d["message"],
            "example `software_startup` (A small software start-up) expects `cio` or `both`, but the tree recommends `cto` (\"Hire a CTO\")"
        );
        let line = text[..text.find("expect = [\"cio\"").unwrap_or(0)]
            .matches('\n')
            .count()
            + 1;
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(line as u64), Some(10))
        );
    }

    #[test]
    fn answers_that_stop_short_or_stray_fail() {
        let text = EXAMPLE.replace(
            "answers = { need = \"products\", sells_tech = \"yes\", size = \"smaller\" }",
            "answers = { need = \"both_sides\", sells_tech = \"yes\" }",
        );
        let found = loaded(&text).expect_err("the example must fail");
        let messages: Vec<String> = found
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(
            messages,
            [
                "example `software_startup` stops at question `size`: its answers do not say how the client answers it",
                "example `software_startup` answers `sells_tech`, which its other answers never lead to",
            ]
        );
    }

    #[test]
    fn missing_words_in_the_explanation_fail() {
        let text = EXAMPLE.replace(
            "explanation_contains = [\"technology is what you sell\"]",
            "explanation_contains = [\"TECHNOLOGY IS WHAT YOU SELL\", \"cheaper\"]",
        );
        let found = loaded(&text).expect_err("the example must fail");
        assert_eq!(found.diagnostics.len(), 1);
        assert_eq!(
            found.diagnostics[0].message,
            "the explanation for example `software_startup` never says \"cheaper\""
        );
    }
}
