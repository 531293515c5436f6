//! The checks of `[[rules]]` and `[[examples]]` that need no path: every question, choice,
//! outcome and source they name is declared, and their texts are not empty. Rules are resolved
//! here to indices, once, for the path checks (`rule_paths.rs`) and the `Tree` to reuse.

use super::questions::Context;
use super::suggest::{Kind, Suggest};
use super::{Path, Seg, unknown_source};
use crate::tree::diagnostics::Diagnostic;
use crate::tree::model::{ChoiceIds, Question, TreeFile};
use crate::tree::resolved::RuleIndex;

/// Checks every rule and example, adding problems to `out`; returns the rules resolved.
pub(super) fn check(
    file: &TreeFile,
    c: &Context<'_, '_>,
    suggest: &mut Suggest<'_, '_>,
    out: &mut Vec<(Diagnostic, Path)>,
) -> Vec<RuleIndex> {
    let mut resolved = Vec::with_capacity(file.rules.len());
    for (ri, rule) in file.rules.iter().enumerate() {
        let at = |rest: &[Seg]| item_path("rules", ri, rest);
        let mut index = RuleIndex::default();
        if rule.when.is_empty() {
            out.push((
                Diagnostic::error(
                    "empty-rule",
                    format!("rule `{}` has no conditions, so it would always hold", rule.id),
                    "add `when = { <question id> = \"<choice id>\" }`; to drop an outcome everywhere, remove it instead",
                ),
                at(&[Seg::Key("when")]),
            ));
            index.broken = true;
        }
        for (question, choices) in &rule.when {
            let here = at(&[Seg::Key("when"), Seg::Value(question.clone())]);
            let owner = format!("rule `{}`", rule.id);
            match condition(file, c, suggest, &owner, question, choices, here, out) {
                Some(condition) => index.when.push(condition),
                None => index.broken = true,
            }
        }
        for (oi, outcome) in rule.rule_out.iter().enumerate() {
            let here = at(&[Seg::Key("rule_out"), Seg::Index(oi)]);
            let owner = format!("rule `{}`", rule.id);
            match known_outcome(c, suggest, outcome, "rules out", &owner, here, out) {
                Some(o) => index.rule_out.push(o),
                None => index.broken = true,
            }
        }
        index.rule_out.sort_unstable();
        index.rule_out.dedup();
        if rule.rule_out.is_empty() && rule.labels.is_empty() {
            out.push((
                Diagnostic::error(
                    "empty-rule",
                    format!(
                        "rule `{}` neither rules an outcome out nor words one",
                        rule.id
                    ),
                    "list outcome ids in `rule_out`, or give [rules.labels]",
                ),
                at(&[Seg::Key("id")]),
            ));
        }
        if rule.reason.trim().is_empty() {
            out.push(empty_text(
                format!("rule `{}` has an empty `reason`", rule.id),
                "say why, as the client will read it after \"Not an option here\"",
                at(&[Seg::Key("reason")]),
            ));
        }
        for (outcome, label) in &rule.labels {
            let here = at(&[Seg::Key("labels"), Seg::KeyName(outcome.clone())]);
            let owner = format!("rule `{}`", rule.id);
            let Some(o) = known_outcome(c, suggest, outcome, "words", &owner, here, out) else {
                continue;
            };
            if label.trim().is_empty() {
                out.push(empty_text(
                    format!("rule `{}` gives `{outcome}` an empty label", rule.id),
                    "write the outcome as the client should read it in this situation",
                    at(&[Seg::Key("labels"), Seg::Value(outcome.clone())]),
                ));
            } else if index.rule_out.contains(&o) {
                out.push((
                    Diagnostic::warning(
                        "label-ruled-out",
                        format!(
                            "rule `{}` words `{outcome}`, which it also rules out, so the wording is never shown",
                            rule.id
                        ),
                        "remove the label, or the outcome from `rule_out`",
                    ),
                    at(&[Seg::Key("labels"), Seg::KeyName(outcome.clone())]),
                ));
            }
        }
        sources(
            c,
            suggest,
            &rule.sources,
            |si| at(&[Seg::Key("sources"), Seg::Index(si)]),
            out,
        );
        resolved.push(index);
    }

    for (ei, example) in file.examples.iter().enumerate() {
        let at = |rest: &[Seg]| item_path("examples", ei, rest);
        for (field, text) in [("name", &example.name), ("fact", &example.fact)] {
            if text.trim().is_empty() {
                out.push(empty_text(
                    format!("example `{}` has an empty `{field}`", example.id),
                    "say who the client is and the fact from the documents it tests",
                    at(&[Seg::Key(field)]),
                ));
            }
        }
        for (question, choice) in &example.answers {
            let here = at(&[Seg::Key("answers"), Seg::Value(question.clone())]);
            let choices = ChoiceIds(vec![choice.clone()]);
            let owner = format!("example `{}`", example.id);
            condition(file, c, suggest, &owner, question, &choices, here, out);
        }
        for (oi, outcome) in example.expect.iter().enumerate() {
            let here = at(&[Seg::Key("expect"), Seg::Index(oi)]);
            let owner = format!("example `{}`", example.id);
            known_outcome(c, suggest, outcome, "expects", &owner, here, out);
        }
        if example.expect.is_empty() {
            out.push((
                Diagnostic::error(
                    "empty-example",
                    format!("example `{}` expects no outcome", example.id),
                    "list the outcome ids a consultant would accept in `expect`",
                ),
                at(&[Seg::Key("expect")]),
            ));
        }
        sources(
            c,
            suggest,
            &example.sources,
            |si| at(&[Seg::Key("sources"), Seg::Index(si)]),
            out,
        );
    }
    resolved
}

/// `rules[3].when`, `examples[0].answers`, ...
pub(super) fn item_path(key: &'static str, index: usize, rest: &[Seg]) -> Path {
    let mut p = vec![Seg::Key(key), Seg::Index(index)];
    p.extend_from_slice(rest);
    p
}

fn empty_text(message: String, hint: &str, at: Path) -> (Diagnostic, Path) {
    (Diagnostic::error("empty-text", message, hint), at)
}

/// Resolves `question = choice(s)`, reporting a question or choice that names nothing;
/// `owner` says whose it is ("rule `x`").
#[allow(clippy::too_many_arguments)]
fn condition(
    file: &TreeFile,
    c: &Context<'_, '_>,
    suggest: &mut Suggest<'_, '_>,
    owner: &str,
    question: &str,
    choices: &ChoiceIds,
    at: Path,
    out: &mut Vec<(Diagnostic, Path)>,
) -> Option<(usize, Vec<usize>)> {
    let Some(&qi) = c.questions.get(question) else {
        if !c.known.questions.contains(question) && !c.known.questions_unread {
            let mut key = at.clone();
            key.pop();
            key.push(Seg::KeyName(question.to_string()));
            out.push((
                Diagnostic::error(
                    "unknown-question",
                    format!("{owner} names `{question}`, which is not a question"),
                    suggest.hint(Kind::Question, question),
                ),
                key,
            ));
        }
        return None;
    };
    let q = &file.questions[qi];
    let mut found = Vec::with_capacity(choices.ids().len());
    let mut broken = false;
    for (i, id) in choices.ids().iter().enumerate() {
        match q.choices.iter().position(|choice| &choice.id == id) {
            Some(ci) => found.push(ci),
            None => {
                broken = true;
                let mut here = at.clone();
                if choices.ids().len() > 1 {
                    here.push(Seg::Index(i));
                }
                out.push((
                    Diagnostic::error(
                        "unknown-choice",
                        format!("{owner} names choice `{id}` of question `{question}`, which has no such choice"),
                        choice_hint(q, id),
                    ),
                    here,
                ));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    (!broken).then_some((qi, found))
}

/// "did you mean" the closest of a question's choices, or the list of them.
fn choice_hint(question: &Question, wrong: &str) -> String {
    let closest = question
        .choices
        .iter()
        .map(|choice| (strsim::levenshtein(wrong, &choice.id), &choice.id))
        .min();
    match closest {
        Some((d, id)) if d <= 2.max(id.chars().count() / 3) => format!("did you mean `{id}`?"),
        _ => {
            let ids: Vec<String> = question
                .choices
                .iter()
                .map(|choice| format!("`{}`", choice.id))
                .collect();
            format!("its choices: {}", ids.join(", "))
        }
    }
}

fn known_outcome(
    c: &Context<'_, '_>,
    suggest: &mut Suggest<'_, '_>,
    outcome: &str,
    verb: &str,
    owner: &str,
    at: Path,
    out: &mut Vec<(Diagnostic, Path)>,
) -> Option<usize> {
    if let Some(&o) = c.outcomes.get(outcome) {
        return Some(o);
    }
    if !c.no_outcomes && !c.known.outcomes.contains(outcome) {
        out.push((
            Diagnostic::error(
                "unknown-outcome",
                format!("{owner} {verb} `{outcome}`, which is not an outcome"),
                suggest.hint(Kind::Outcome, outcome),
            ),
            at,
        ));
    }
    None
}

fn sources(
    c: &Context<'_, '_>,
    suggest: &mut Suggest<'_, '_>,
    cited: &[String],
    at: impl Fn(usize) -> Path,
    out: &mut Vec<(Diagnostic, Path)>,
) {
    for (si, source) in cited.iter().enumerate() {
        if !c.source_known(source) {
            out.push(unknown_source(source, suggest, at(si)));
        }
    }
}
