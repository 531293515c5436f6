//! The checks a tree must pass beyond its types: ids unique and well formed, every reference
//! declared, and a flow in which every question is reachable, nothing loops, and every path ends.
//! Each problem comes with a path into the file, which the loader turns into a line and column.

mod flow;
mod questions;
mod rule_paths;
mod rules;
mod suggest;

use std::collections::{HashMap, HashSet};

use super::diagnostics::Diagnostic;
use super::model::TreeFile;
use super::resolved::Resolved;
use questions::Context;
use suggest::{Kind, Suggest};

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

/// Ids indexed to their item. Validation looks up every reference here (half a million lookups
/// for a 100,000-question tree), so it hashes with foldhash, hashbrown's own seeded hash, which
/// is several times faster than the standard SipHash on short keys.
pub(super) type Ids<'a> = HashMap<&'a str, usize, foldhash::fast::RandomState>;

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
    check_and_resolve(file, known, whole).0
}

/// Checks a tree, and resolves its flow for the `Tree` to reuse.
pub(crate) fn check_and_resolve(
    file: &TreeFile,
    known: &Known,
    whole: bool,
) -> (Vec<(Diagnostic, Path)>, Resolved) {
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
    ids(
        file.rules.iter().map(|r| r.id.as_str()),
        "rules",
        "rule",
        &mut out,
    );
    ids(
        file.examples.iter().map(|e| e.id.as_str()),
        "examples",
        "example",
        &mut out,
    );
    let question_known = |id: &str| questions.contains_key(id) || known.questions.contains(id);
    let mut suggest = Suggest::new([
        (&sources, &known.sources),
        (&outcomes, &known.outcomes),
        (&questions, &known.questions),
    ]);

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
    let context = Context {
        sources: &sources,
        outcomes: &outcomes,
        questions: &questions,
        known,
        no_outcomes,
    };
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
            if !context.source_known(source) {
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

    let mut resolved = questions::check(&context, &file.questions, &mut suggest, &mut out);
    resolved.finish();
    resolved.rules = rules::check(file, &context, &mut suggest, &mut out);

    if whole && !known.questions_unread && !file.questions.is_empty() {
        let outcomes_final =
            !known.outcomes_unread && !known.meta_unread && !file.outcomes.is_empty();
        flow::check(file, &questions, &resolved, outcomes_final, &mut out);
    }
    (out, resolved)
}

pub(super) const ID_HINT: &str = "ids use letters, digits, `_` and `-`, e.g. `company_size`";

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
) -> Ids<'a> {
    let mut index = Ids::with_capacity_and_hasher(items.size_hint().0, Default::default());
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

/// The question at an index, for flow checks.
pub(super) fn question_path(qi: usize, rest: &[Seg]) -> Path {
    let mut p = vec![Seg::Key("questions"), Seg::Index(qi)];
    p.extend_from_slice(rest);
    p
}
