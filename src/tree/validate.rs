//! The checks a tree must pass beyond its types: ids unique and well formed, every reference
//! declared, and a flow in which every question is reachable, nothing loops, and every path ends.
//! Each problem comes with a path into the file, which the loader turns into a line and column.

use std::collections::{HashMap, HashSet};

use super::diagnostics::Diagnostic;
use super::model::TreeFile;

/// One step of a path into the file: a key's value, a key itself, or an array item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(&'static str),
    /// The key named here (not its value): used for evidence, where the key is the outcome id.
    KeyName(String),
    Index(usize),
}

/// A place in the file, as a path from the top.
pub type Path = Vec<Seg>;

/// Ids of items that exist in the file but failed to read; references to them are not
/// reported as unknown, since the item's own error already says what to fix.
#[derive(Debug, Default)]
pub struct Known {
    pub sources: HashSet<String>,
    pub outcomes: HashSet<String>,
    pub questions: HashSet<String>,
}

/// Largest evidence weight, either way: enough for any real tree, and small enough that no
/// path of 100,000 questions can overflow a score.
pub const MAX_WEIGHT: i32 = 1000;

/// Checks a tree. `whole` says every item was read; flow checks (reachability, cycles, ends,
/// outcomes reached) need the whole tree and are skipped otherwise.
pub fn check(file: &TreeFile, known: &Known, whole: bool) -> Vec<(Diagnostic, Path)> {
    let mut out = Vec::new();
    let sources = ids(
        file.sources.iter().map(|s| s.id.as_str()),
        "sources",
        "source",
        &mut out,
    );
    let outcomes = ids(
        file.outcomes.iter().map(|o| o.id.as_str()),
        "outcomes",
        "outcome",
        &mut out,
    );
    let questions = ids(
        file.questions.iter().map(|q| q.id.as_str()),
        "questions",
        "question",
        &mut out,
    );
    let source_known = |id: &str| sources.contains_key(id) || known.sources.contains(id);
    let outcome_known = |id: &str| outcomes.contains_key(id) || known.outcomes.contains(id);
    let question_known = |id: &str| questions.contains_key(id) || known.questions.contains(id);
    let mut suggest_source = Suggest::new(sources.keys().copied(), "source");
    let mut suggest_outcome = Suggest::new(outcomes.keys().copied(), "outcome");
    let mut suggest_question = Suggest::new(questions.keys().copied(), "question");

    if whole && file.outcomes.is_empty() {
        out.push((
            Diagnostic::error(
                "no-outcomes",
                "the tree declares no outcomes",
                "add [[outcomes]] tables; the interview needs something to recommend",
            ),
            vec![Seg::KeyName("outcomes".into())],
        ));
    }
    if whole && file.questions.is_empty() {
        out.push((
            Diagnostic::error(
                "no-questions",
                "the tree declares no questions",
                "add [[questions]] tables",
            ),
            vec![Seg::KeyName("questions".into())],
        ));
    }
    if !file.meta.start.is_empty() && !question_known(&file.meta.start) {
        out.push((
            Diagnostic::error(
                "unknown-start",
                format!(
                    "`start` names `{}`, which is not a question",
                    file.meta.start
                ),
                suggest_question.hint(&file.meta.start),
            ),
            vec![Seg::Key("meta"), Seg::Key("start")],
        ));
    }

    for (oi, outcome) in file.outcomes.iter().enumerate() {
        for (si, source) in outcome.sources.iter().enumerate() {
            if !source_known(source) {
                out.push(unknown_source(
                    source,
                    &mut suggest_source,
                    vec![
                        Seg::Key("outcomes"),
                        Seg::Index(oi),
                        Seg::Key("sources"),
                        Seg::Index(si),
                    ],
                ));
            }
        }
    }

    for (qi, question) in file.questions.iter().enumerate() {
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
            if !source_known(source) {
                out.push(unknown_source(
                    source,
                    &mut suggest_source,
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
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (ci, choice) in question.choices.iter().enumerate() {
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
            } else if seen.insert(&choice.id, ci).is_some() {
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
                (Some(next), false) if !question_known(next) => out.push((
                    Diagnostic::error(
                        "unknown-next",
                        format!(
                            "choice `{}` of question `{}` leads to `{next}`, which is not a question",
                            choice.id, question.id
                        ),
                        suggest_question.hint(next),
                    ),
                    at_choice(&[Seg::Key("next")]),
                )),
                _ => {}
            }
            for (outcome, weight) in &choice.evidence {
                if !outcome_known(outcome) {
                    out.push((
                        Diagnostic::error(
                            "unknown-outcome",
                            format!(
                                "choice `{}` of question `{}` gives evidence for `{outcome}`, which is not an outcome",
                                choice.id, question.id
                            ),
                            suggest_outcome.hint(outcome),
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
                        at_choice(&[Seg::Key("evidence"), Seg::KeyName(outcome.clone())]),
                    ));
                }
            }
        }
    }

    let clean = !out.iter().any(|(d, _)| d.is_error());
    if whole && clean && !file.questions.is_empty() && !file.outcomes.is_empty() {
        super::flow::check(file, &questions, &mut out);
    }
    out
}

const ID_HINT: &str = "ids use letters, digits, `_` and `-`, e.g. `company_size`";

/// Says what is wrong with an id, if anything.
pub fn bad_id(id: &str) -> Option<String> {
    if id.is_empty() {
        Some("an id is empty".to_string())
    } else if id.len() > 64 {
        let head: String = id.chars().take(32).collect();
        Some(format!("the id `{head}…` is longer than 64 characters"))
    } else if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        Some(format!(
            "the id `{}` has characters other than letters, digits, `_` and `-`",
            id.escape_debug()
        ))
    } else {
        None
    }
}

/// Indexes ids, reporting malformed and duplicate ones.
fn ids<'a>(
    items: impl Iterator<Item = &'a str>,
    key: &'static str,
    what: &str,
    out: &mut Vec<(Diagnostic, Path)>,
) -> HashMap<&'a str, usize> {
    let mut index = HashMap::new();
    for (i, id) in items.enumerate() {
        let at = vec![Seg::Key(key), Seg::Index(i), Seg::Key("id")];
        if let Some(problem) = bad_id(id) {
            out.push((Diagnostic::error("invalid-id", problem, ID_HINT), at));
        } else if index.insert(id, i).is_some() {
            out.push((
                Diagnostic::error(
                    "duplicate-id",
                    format!("two {what}s have the id `{id}`"),
                    format!("rename one: every {what} needs its own id"),
                ),
                at,
            ));
        }
    }
    index
}

fn unknown_source(id: &str, suggest: &mut Suggest<'_>, at: Path) -> (Diagnostic, Path) {
    (
        Diagnostic::error(
            "unknown-source",
            format!("`{id}` is not a declared source"),
            suggest.hint(id),
        ),
        at,
    )
}

/// Unknown ids of one kind that get a "did you mean" hint. Each costs a comparison with every
/// declared id, so a generated file with thousands of wrong references would take minutes; the
/// rest get the list of declared ids instead.
const MAX_FUZZY: usize = 100;

/// Hints for unknown ids of one kind: the closest declared id, or a few of them.
struct Suggest<'a> {
    /// Declared ids, sorted once.
    known: Vec<&'a str>,
    what: &'static str,
    fuzzy_left: usize,
}

impl<'a> Suggest<'a> {
    fn new(known: impl Iterator<Item = &'a str>, what: &'static str) -> Self {
        let mut known: Vec<&str> = known.collect();
        known.sort_unstable();
        Suggest {
            known,
            what,
            fuzzy_left: MAX_FUZZY,
        }
    }

    /// A hint naming the closest known id, or listing a few.
    fn hint(&mut self, wrong: &str) -> String {
        let what = self.what;
        let close = if self.fuzzy_left > 0 {
            self.fuzzy_left -= 1;
            let length = wrong.chars().count();
            self.known
                .iter()
                .filter_map(|k| {
                    let limit = 2.max(k.len() / 3);
                    // Ids differing in length by more than the limit cannot be close; skipping
                    // them also keeps a megabyte-long wrong id from being compared at all.
                    (length.abs_diff(k.chars().count()) <= limit)
                        .then(|| (edit_distance(wrong, k), *k))
                        .filter(|(d, _)| *d <= limit)
                })
                .min()
        } else {
            None
        };
        match close {
            Some((_, k)) => format!("did you mean `{k}`?"),
            None if self.known.is_empty() => format!("declare the {what} first"),
            None => {
                let shown: Vec<String> = self
                    .known
                    .iter()
                    .take(8)
                    .map(|k| format!("`{k}`"))
                    .collect();
                let more = if self.known.len() > 8 { ", …" } else { "" };
                format!("declared {what}s: {}{more}", shown.join(", "))
            }
        }
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The question at an index, for flow checks.
pub(super) fn question_path(qi: usize, rest: &[Seg]) -> Path {
    let mut p = vec![Seg::Key("questions"), Seg::Index(qi)];
    p.extend_from_slice(rest);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_ids_get_the_closest_then_a_list() {
        let ids = ["company_size", "focus", "vendors"];
        let mut suggest = Suggest::new(ids.into_iter(), "question");
        assert_eq!(suggest.hint("company_sise"), "did you mean `company_size`?");
        assert_eq!(
            suggest.hint("nothing_like_it"),
            "declared questions: `company_size`, `focus`, `vendors`"
        );
        assert_eq!(
            suggest.hint(&"x".repeat(1_000_000)),
            suggest.hint("zzzzzzzzzzzzz")
        );
    }

    #[test]
    fn past_the_first_hundred_unknown_ids_the_hint_is_a_list() {
        let ids: Vec<String> = (0..1000).map(|i| format!("question_{i}")).collect();
        let mut suggest = Suggest::new(ids.iter().map(String::as_str), "question");
        for _ in 0..MAX_FUZZY {
            assert_eq!(suggest.hint("question_7x"), "did you mean `question_7`?");
        }
        let listed = suggest.hint("question_7x");
        assert!(
            listed.starts_with("declared questions: `question_0`, "),
            "{listed}"
        );
    }
}
