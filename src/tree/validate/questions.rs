//! The checks of each question and its choices: texts, cited sources, choice ids, where each
//! choice leads and the outcomes its evidence names. Each reference is resolved here once, for
//! the flow checks and the `Tree` to reuse.

use std::collections::HashSet;

use super::suggest::{Kind, Suggest};
use super::{ID_HINT, Ids, Known, MAX_WEIGHT, Path, Seg, bad_id, question_path, unknown_source};
use crate::tree::diagnostics::Diagnostic;
use crate::tree::model::{Choice, Question};
use crate::tree::resolved::{Edge, Resolved};

/// What checking a question needs to know of the rest of the file.
pub(super) struct Context<'f, 'm> {
    pub sources: &'m Ids<'f>,
    pub outcomes: &'m Ids<'f>,
    pub questions: &'m Ids<'f>,
    pub known: &'f Known,
    /// The file has no outcomes at all, which one error already says.
    pub no_outcomes: bool,
}

impl Context<'_, '_> {
    /// Whether a cited source is declared (or was, in an item that failed to read).
    pub(super) fn source_known(&self, id: &str) -> bool {
        self.sources.contains_key(id) || self.known.sources.contains(id)
    }
}

/// Checks every question in file order, adding problems to `out`; returns where each choice
/// leads and the evidence it carries (not yet finished).
pub(super) fn check(
    c: &Context<'_, '_>,
    questions: &[Question],
    suggest: &mut Suggest<'_, '_>,
    out: &mut Vec<(Diagnostic, Path)>,
) -> Resolved {
    let mut resolved = Resolved::default();
    for (qi, question) in questions.iter().enumerate() {
        let at = |rest: &[Seg]| question_path(qi, rest);
        for (field, text) in [("prompt", &question.prompt), ("help", &question.help)] {
            if text.trim().is_empty() {
                out.push((
                    Diagnostic::error(
                        "empty-text",
                        format!("question `{}` has an empty `{field}`", question.id),
                        "write the text a client will read here",
                    ),
                    at(&[Seg::Key(field)]),
                ));
            }
        }
        for (si, source) in question.sources.iter().enumerate() {
            if !c.source_known(source) {
                out.push(unknown_source(
                    source,
                    suggest,
                    at(&[Seg::Key("sources"), Seg::Index(si)]),
                ));
            }
        }
        if question.choices.is_empty() {
            out.push((
                Diagnostic::error(
                    "no-choices",
                    format!("question `{}` has no choices", question.id),
                    "add [[questions.choices]] tables under it: a question needs answers",
                ),
                at(&[Seg::Key("choices")]),
            ));
        }
        if question.choices.len() > 9 {
            out.push((
                Diagnostic::warning(
                    "too-many-choices",
                    format!(
                        "question `{}` has {} choices; only the first nine get a digit key",
                        question.id,
                        question.choices.len()
                    ),
                    "split the question in two, or merge similar answers",
                ),
                at(&[Seg::Key("choices"), Seg::Index(9), Seg::Key("id")]),
            ));
        }
        resolved.begin_question();
        let mut seen = Repeats::default();
        for (ci, choice) in question.choices.iter().enumerate() {
            let repeated = seen.repeated(&question.choices, ci);
            resolved.begin_choice();
            // Each reference is looked up once, here.
            let mut edge = match choice.next.as_deref() {
                None => Edge::End,
                Some(next) => c
                    .questions
                    .get(next)
                    .map_or(Edge::Broken(None), |&to| Edge::To(to)),
            };
            let at_choice = |rest: &[Seg]| {
                let mut p = at(&[Seg::Key("choices"), Seg::Index(ci)]);
                p.extend_from_slice(rest);
                p
            };
            if let Some(problem) = bad_id(&choice.id) {
                out.push((
                    Diagnostic::error("invalid-id", problem, ID_HINT),
                    at_choice(&[Seg::Key("id")]),
                ));
            } else if repeated {
                out.push((
                    Diagnostic::error(
                        "duplicate-id",
                        format!(
                            "question `{}` has two choices with the id `{}`",
                            question.id, choice.id
                        ),
                        "give each choice of a question its own id",
                    ),
                    at_choice(&[Seg::Key("id")]),
                ));
            }
            if choice.label.trim().is_empty() {
                out.push((
                    Diagnostic::error(
                        "empty-text",
                        format!(
                            "choice `{}` of question `{}` has an empty label",
                            choice.id, question.id
                        ),
                        "write the answer as the client will read it",
                    ),
                    at_choice(&[Seg::Key("label")]),
                ));
            }
            match (&choice.next, choice.end) {
                (Some(_), true) => out.push((
                    Diagnostic::error(
                        "next-and-end",
                        format!(
                            "choice `{}` of question `{}` has both `next` and `end = true`",
                            choice.id, question.id
                        ),
                        "keep `next` to ask another question, or `end = true` to finish here",
                    ),
                    at_choice(&[Seg::Key("end")]),
                )),
                (None, false) => out.push((
                    Diagnostic::error(
                        "no-next",
                        format!(
                            "choice `{}` of question `{}` says neither where it leads nor that it ends",
                            choice.id, question.id
                        ),
                        "add `next = \"<question id>\"` or `end = true`",
                    ),
                    at_choice(&[Seg::Key("id")]),
                )),
                (Some(next), false)
                    if edge == Edge::Broken(None) && !c.known.questions.contains(next) =>
                {
                        // The guess may be a question that failed to read, which has no index.
                    edge = Edge::Broken(
                        suggest
                            .closest(Kind::Question, next)
                            .and_then(|guess| c.questions.get(guess).copied()),
                    );
                    out.push((
                        Diagnostic::error(
                            "unknown-next",
                            format!(
                                "choice `{}` of question `{}` leads to `{next}`, which is not a question",
                                choice.id, question.id
                            ),
                            suggest.hint(Kind::Question, next),
                        ),
                        at_choice(&[Seg::Key("next")]),
                    ));
                }
                _ => {}
            }
            for (outcome, weight) in &choice.evidence {
                let index = c.outcomes.get(outcome.as_str()).copied();
                if let Some(o) = index {
                    resolved.add_evidence(o, *weight);
                }
                if c.no_outcomes {
                    // The no-outcomes error covers every reference.
                } else if index.is_none() && !c.known.outcomes.contains(outcome) {
                    out.push((
                        Diagnostic::error(
                            "unknown-outcome",
                            format!(
                                "choice `{}` of question `{}` gives evidence for `{outcome}`, which is not an outcome",
                                choice.id, question.id
                            ),
                            suggest.hint(Kind::Outcome, outcome),
                        ),
                        at_choice(&[Seg::Key("evidence"), Seg::KeyName(outcome.clone())]),
                    ));
                } else if weight.abs() > MAX_WEIGHT {
                    out.push((
                        Diagnostic::error(
                            "weight-range",
                            format!("evidence weight {weight} for `{outcome}` is out of range"),
                            format!("use a weight between -{MAX_WEIGHT} and {MAX_WEIGHT}"),
                        ),
                        at_choice(&[Seg::Key("evidence"), Seg::Value(outcome.clone())]),
                    ));
                }
            }
            resolved.end_choice(edge);
        }
    }
    resolved
}

/// Finds choice ids a question repeats: by looking back over the few choices a question
/// usually has, and with a set once there are many (a file may give one question 10,000).
#[derive(Default)]
struct Repeats<'a> {
    seen: HashSet<&'a str, foldhash::fast::RandomState>,
}

impl<'a> Repeats<'a> {
    /// Looks back past this many choices only through the set.
    const SCAN: usize = 16;

    /// Whether the choice at `ci` repeats the id of one before it; call it for each in turn.
    fn repeated(&mut self, choices: &'a [Choice], ci: usize) -> bool {
        let id = choices[ci].id.as_str();
        if choices.len() <= Self::SCAN {
            return choices[..ci].iter().any(|c| c.id == id);
        }
        !self.seen.insert(id)
    }
}
