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
    /// The value of the key named here, when the name is not known in advance.
    Value(String),
    Index(usize),
}

/// A place in the file, as a path from the top.
pub type Path = Vec<Seg>;

/// What the loader could not read. Ids of items that exist in the file but failed to read are
/// not reported as unknown where referenced, since the item's own error already says what to
/// fix; and an empty list, or an empty `start`, proves nothing when part of it was unreadable.
#[derive(Debug, Default)]
pub struct Known {
    pub sources: HashSet<String>,
    pub outcomes: HashSet<String>,
    pub questions: HashSet<String>,
    /// Some outcome failed to read, or `outcomes` is missing or not a list.
    pub outcomes_unread: bool,
    /// Some question failed to read, or `questions` is missing or not a list.
    pub questions_unread: bool,
    /// `[meta]` failed to read or is missing; its `start` is whatever could be read of it.
    pub meta_unread: bool,
}

/// Largest evidence weight, either way: enough for any real tree, and small enough that no
/// path of 100,000 questions can overflow a score.
pub const MAX_WEIGHT: i32 = 1000;

/// Checks a tree. `whole` says every question was read: the flow checks (reachability, cycles,
/// ends, outcomes reached) need them all and are skipped otherwise. They run alongside other
/// errors, so one pass reports everything; only the unreached-outcome warning waits for a tree
/// without errors.
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
    let mut suggest = Suggest::new([
        (&sources, &known.sources),
        (&outcomes, &known.outcomes),
        (&questions, &known.questions),
    ]);
    // Each unknown `next`, and the question its hint suggests.
    let mut guesses: HashMap<&str, usize> = HashMap::new();

    if file.outcomes.is_empty() && !known.outcomes_unread {
        out.push((
            Diagnostic::error(
                "no-outcomes",
                "the tree declares no outcomes",
                "add [[outcomes]] tables; the interview needs something to recommend",
            ),
            vec![Seg::KeyName("outcomes".into())],
        ));
    }
    if file.questions.is_empty() && !known.questions_unread {
        out.push((
            Diagnostic::error(
                "no-questions",
                "the tree declares no questions",
                "add [[questions]] tables",
            ),
            vec![Seg::KeyName("questions".into())],
        ));
    }
    // With no outcomes (or questions) at all, that one error says it; references to them are
    // not reported one by one.
    let no_outcomes = file.outcomes.is_empty() && !known.outcomes_unread;
    let no_questions = file.questions.is_empty() && !known.questions_unread;
    let start = &file.meta.start;
    if no_questions {
        // Nothing to start from; the no-questions error covers it.
    } else if start.is_empty() && !known.meta_unread {
        out.push((
            Diagnostic::error(
                "unknown-start",
                "`start` is empty",
                "set `start` to the id of the first question to ask",
            ),
            vec![Seg::Key("meta"), Seg::Key("start")],
        ));
    } else if !start.is_empty() && !question_known(start) {
        out.push((
            Diagnostic::error(
                "unknown-start",
                format!("`start` names `{start}`, which is not a question"),
                suggest.hint(Kind::Question, start),
            ),
            vec![Seg::Key("meta"), Seg::Key("start")],
        ));
    }

    for (oi, outcome) in file.outcomes.iter().enumerate() {
        for (si, source) in outcome.sources.iter().enumerate() {
            if !source_known(source) {
                out.push(unknown_source(
                    source,
                    &mut suggest,
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
                    &mut suggest,
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
        let mut seen = HashSet::with_capacity(question.choices.len());
        for (ci, choice) in question.choices.iter().enumerate() {
            let repeated = !seen.insert(choice.id.as_str());
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
                (Some(next), false) if !question_known(next) => {
                    // The closest id may be a question that failed to read, which has no
                    // index to guess with.
                    if let Some(&guess) = suggest
                        .closest(Kind::Question, next)
                        .and_then(|id| questions.get(id))
                    {
                        guesses.insert(next, guess);
                    }
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
                if no_outcomes {
                    // The no-outcomes error covers every reference.
                } else if !outcome_known(outcome) {
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
        }
    }

    if whole && !known.questions_unread && !file.questions.is_empty() {
        let outcomes_final =
            !known.outcomes_unread && !known.meta_unread && !file.outcomes.is_empty();
        super::flow::check(file, &questions, &guesses, outcomes_final, &mut out);
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
        // A malformed id is still indexed, so references to it are not reported again.
        if let Some(problem) = bad_id(id) {
            out.push((Diagnostic::error("invalid-id", problem, ID_HINT), at));
            index.entry(id).or_insert(i);
        } else if index.contains_key(id) {
            out.push((
                Diagnostic::error(
                    "duplicate-id",
                    format!("two {what}s have the id `{id}`"),
                    format!("rename one: every {what} needs its own id"),
                ),
                at,
            ));
        } else {
            index.insert(id, i);
        }
    }
    index
}

fn unknown_source(id: &str, suggest: &mut Suggest<'_, '_>, at: Path) -> (Diagnostic, Path) {
    (
        Diagnostic::error(
            "unknown-source",
            format!("`{id}` is not a declared source"),
            suggest.hint(Kind::Source, id),
        ),
        at,
    )
}

/// The kinds of id a reference can name.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Source,
    Outcome,
    Question,
}

/// Largest number of edit-distance cells spent on "did you mean" hints for one file: plenty for
/// any real tree, and a bound on the work a file of 100,000 broken references can cause.
const SUGGEST_BUDGET: usize = 20_000_000;

/// "Did you mean" hints: the closest declared id of the right kind, or a few of them listed.
struct Suggest<'a, 'm> {
    /// Ids of each kind: those read, and those of items that failed to read.
    declared: [(&'m HashMap<&'a str, usize>, &'a HashSet<String>); 3],
    /// Declared ids of each kind, sorted when first needed (a clean tree never needs them).
    sorted: [Option<Vec<&'a str>>; 3],
    budget: usize,
}

impl<'a, 'm> Suggest<'a, 'm> {
    fn new(declared: [(&'m HashMap<&'a str, usize>, &'a HashSet<String>); 3]) -> Self {
        Suggest {
            declared,
            sorted: [None, None, None],
            budget: SUGGEST_BUDGET,
        }
    }

    fn sorted(&mut self, kind: Kind) -> &[&'a str] {
        let (read, unread) = self.declared[kind as usize];
        self.sorted[kind as usize].get_or_insert_with(|| {
            let mut v: Vec<&'a str> = read.keys().copied().collect();
            v.extend(unread.iter().map(String::as_str));
            v.sort_unstable();
            v.dedup();
            v
        })
    }

    /// The declared id closest to `wrong`, when one is close enough to be a typo.
    fn closest(&mut self, kind: Kind, wrong: &str) -> Option<&'a str> {
        let wrong_len = wrong.chars().count();
        let mut best: Option<(usize, &'a str)> = None;
        let mut budget = self.budget;
        self.sorted(kind);
        let candidates = self.sorted[kind as usize].as_deref().unwrap_or_default();
        for &k in candidates {
            let k_len = k.chars().count();
            let limit = 2.max(k_len / 3);
            if wrong_len.abs_diff(k_len) > limit {
                continue;
            }
            let cost = (wrong_len + 1) * (k_len + 1);
            if cost > budget {
                break;
            }
            budget -= cost;
            let d = edit_distance(wrong, k);
            if d <= limit && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, k));
            }
        }
        self.budget = budget;
        best.map(|(_, k)| k)
    }

    /// A hint naming the closest declared id, or listing a few.
    fn hint(&mut self, kind: Kind, wrong: &str) -> String {
        let what = match kind {
            Kind::Source => "source",
            Kind::Outcome => "outcome",
            Kind::Question => "question",
        };
        if let Some(k) = self.closest(kind, wrong) {
            return format!("did you mean `{k}`?");
        }
        let known = self.sorted(kind);
        if known.is_empty() {
            return format!("declare the {what} first");
        }
        let shown: Vec<String> = known.iter().take(8).map(|k| format!("`{k}`")).collect();
        let more = if known.len() > 8 { ", …" } else { "" };
        format!("declared {what}s: {}{more}", shown.join(", "))
    }
}

pub(super) fn edit_distance(a: &str, b: &str) -> usize {
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
