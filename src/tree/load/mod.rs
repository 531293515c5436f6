//! Reading a question tree from text or a file: the toml crate parses the whole file, each
//! top-level item is read on its own so every syntax, type and unknown-key problem is collected
//! (one per item at most, since serde stops at an item's first), then the tree is validated,
//! and every problem is placed at its line and column.

mod places;
pub(crate) mod syntax;
mod wording;

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use sha2::{Digest as _, Sha256};
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostics::{Diagnostic, Diagnostics, MAX_LISTED, Unlisted};
use super::model::{Example, Meta, Outcome, Question, Rule, Source, TreeFile};
use super::validate::{self, Known};
use super::{Tree, TreeError};
use places::Rows;

/// Question trees larger than this are refused before being read. The shipped tree is about
/// 51 KiB for 13 questions, so 512 KiB takes some 120 questions of that richness, more than
/// any interview a person writes. It is chosen for the worst file of that size: toml's parse
/// tree of an array of tiny values takes about 100 times its text, so 512 KiB parses in
/// 0.04 s of CPU and 52 MiB at most (a real tree of 512 KiB: 0.01 s, 20 MiB); see
/// docs/performance.md. A mistaken path (a disk image, a log) is refused at once. `load_str`
/// has no limit: a program that builds a bigger text in memory pays for it itself.
pub const MAX_TREE_BYTES: u64 = 512 * 1024;

/// A tree that loaded, with the warnings it raised.
#[derive(Debug)]
pub struct Loaded {
    pub tree: Tree,
    /// Warnings only; empty diagnostics when the tree is clean (and then no copy of the text).
    pub warnings: Diagnostics,
    /// SHA-256 of the text the tree was loaded from, so a session is stamped with the bytes
    /// that were read, without reading the file a second time.
    pub sha256: [u8; 32],
}

/// Checks run on a tree once it has loaded (the library's examples runner, say): each problem
/// comes with its path into the file and is placed and reported like the loader's own.
pub type Checks<'c> = &'c dyn Fn(&Tree) -> Vec<(Diagnostic, validate::Path)>;

/// Reads and loads a tree file, refusing files over [`MAX_TREE_BYTES`] before reading them.
pub fn load_path(path: &Path) -> Result<Loaded, TreeError> {
    load_path_checked(path, None)
}

/// [`load_path`], then `more` checks on the loaded tree.
pub fn load_path_checked(path: &Path, more: Option<Checks>) -> Result<Loaded, TreeError> {
    let name = path.display().to_string();
    let io_err = |source| TreeError::Io {
        file: name.clone(),
        source,
    };
    let too_large = |size| TreeError::TooLarge {
        file: name.clone(),
        size,
        limit: MAX_TREE_BYTES,
    };
    let bytes = crate::files::read_bounded(path, MAX_TREE_BYTES).map_err(|e| match e {
        crate::files::ReadError::TooLarge(size) => too_large(size),
        other => io_err(other.into_io()),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]);
        let at = super::diagnostics::position(&valid, offset);
        TreeError::NotUtf8 {
            file: name.clone(),
            offset,
            line: at.line,
            column: at.column,
        }
    })?;
    load_str_checked(&name, &text, more).map_err(TreeError::Invalid)
}

/// Loads a tree from text; `file` names it in diagnostics. All problems are reported at once.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Diagnostics> {
    load_text(file, text, None)
}

/// [`load_str`], then `more` checks on the loaded tree.
pub fn load_str_checked(
    file: &str,
    text: &str,
    more: Option<Checks>,
) -> Result<Loaded, Diagnostics> {
    load_text(file, text, more)
}

/// Loads a tree from text and runs the `more` checks on it once it has loaded.
fn load_text(file: &str, text: &str, more: Option<Checks>) -> Result<Loaded, Diagnostics> {
    let diagnostics_of = |(diagnostics, unlisted): (Vec<Diagnostic>, Unlisted)| {
        // Clean diagnostics need no copy of a text that may be tens of MiB.
        let text = if diagnostics.is_empty() {
            String::new()
        } else {
            text.to_string()
        };
        Diagnostics::new(file, text, diagnostics, unlisted)
    };
    let (mut parts, root) = read_whole(text).map_err(diagnostics_of)?;

    let meta = parts.meta.take().unwrap_or_else(|| {
        // Still check the start question when the rest of [meta] is broken or missing.
        parts.known.meta_unread = true;
        Meta {
            title: String::new(),
            version: String::new(),
            start: parts.raw_start.take().unwrap_or_default(),
            close_call_margin: 1,
        }
    });
    let whole = !parts.known.questions_unread;
    let file_model = TreeFile {
        meta,
        sources: parts.sources,
        outcomes: parts.outcomes,
        questions: parts.questions,
        rules: parts.rules,
        examples: parts.examples,
    };
    let mut diagnostics = parts.diagnostics;
    let (checks, resolved) = validate::check_and_resolve(&file_model, &parts.known, whole);
    for (diagnostic, path) in checks {
        let span = places::locate(root.get_ref(), &parts.rows, &path);
        diagnostics.push(diagnostic.at(span));
    }
    diagnostics.sort_by_key(|d| (d.span.as_ref().map_or(usize::MAX, |s| s.start), d.severity));

    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics_of((diagnostics, Unlisted::default())));
    }
    let tree = Tree::from_checked(file_model, resolved);
    if let Some(more) = more {
        let found = more(&tree);
        if !found.is_empty() {
            for (diagnostic, path) in found {
                let span = places::locate(root.get_ref(), &parts.rows, &path);
                diagnostics.push(diagnostic.at(span));
            }
            diagnostics
                .sort_by_key(|d| (d.span.as_ref().map_or(usize::MAX, |s| s.start), d.severity));
            if diagnostics.iter().any(Diagnostic::is_error) {
                return Err(diagnostics_of((diagnostics, Unlisted::default())));
            }
        }
    }
    Ok(Loaded {
        tree,
        warnings: diagnostics_of((diagnostics, Unlisted::default())),
        sha256: Sha256::digest(text.as_bytes()).into(),
    })
}

/// Parses and reads the document, keeping its parse tree to place problems; the syntax errors
/// when it has any (the first [`MAX_LISTED`], and how many more).
fn read_whole(text: &str) -> Result<(Parts, Spanned<DeTable<'_>>), (Vec<Diagnostic>, Unlisted)> {
    // Checked first without building the document, so a file of countless broken lines is
    // counted rather than held in memory.
    let syntax = syntax::check(text);
    let found = if syntax.total > 0 {
        syntax.first
    } else {
        // Errors only the whole document shows: a key given twice, a value that is not one.
        let (root, errors) = DeTable::parse_recoverable(text);
        if errors.is_empty() {
            let mut parts = Parts::default();
            read_document(root.get_ref(), root.span(), &mut parts);
            return Ok((parts, root));
        }
        errors
            .into_iter()
            .map(|e| (e.message().to_string(), e.span()))
            .collect()
    };
    let total = syntax.total.max(found.len());
    let mut diagnostics: Vec<Diagnostic> = found
        .into_iter()
        .take(MAX_LISTED)
        .map(|(message, span)| wording::syntax(text, &message, span))
        .collect();
    // An unclosed run of brackets is reported once per bracket, all at the same place.
    diagnostics.dedup();
    let unlisted = Unlisted {
        errors: total - diagnostics.len(),
        warnings: 0,
    };
    Err((diagnostics, unlisted))
}

/// What could be read of a document, and what went wrong reading it.
#[derive(Default)]
struct Parts {
    meta: Option<Meta>,
    /// `meta.start` as written, for when the rest of `[meta]` fails to read.
    raw_start: Option<String>,
    sources: Vec<Source>,
    outcomes: Vec<Outcome>,
    questions: Vec<Question>,
    rules: Vec<Rule>,
    examples: Vec<Example>,
    /// Ids of items that failed to read, so references to them are not reported twice.
    known: Known,
    rows: Rows,
    diagnostics: Vec<Diagnostic>,
}

const TOP_LEVEL_KEYS: [&str; 6] = [
    "meta",
    "sources",
    "outcomes",
    "questions",
    "rules",
    "examples",
];

fn read_document(root: &DeTable<'_>, span: Range<usize>, parts: &mut Parts) {
    for (key, value) in root {
        let name: &str = key.get_ref();
        let kind = match name {
            "meta" => {
                parts.take(Kind::Meta, 0, value);
                continue;
            }
            "sources" => Kind::Source,
            "outcomes" => Kind::Outcome,
            "questions" => Kind::Question,
            "rules" => Kind::Rule,
            "examples" => Kind::Example,
            other => {
                parts.diagnostics.push(
                    Diagnostic::error(
                        "unknown-key",
                        format!("unknown top-level key `{other}`"),
                        format!(
                            "the top level holds only {}; check the spelling",
                            TOP_LEVEL_KEYS.map(|k| format!("`{k}`")).join(", ")
                        ),
                    )
                    .at(Some(key.span())),
                );
                continue;
            }
        };
        read_array(value, parts, kind.key(), |row, v, p| p.take(kind, row, v));
    }
    parts.known.outcomes_unread |=
        !matches!(root.get("outcomes"), Some(v) if v.get_ref().is_array());
    parts.known.questions_unread |=
        !matches!(root.get("questions"), Some(v) if v.get_ref().is_array());
    for (key, what) in [("meta", "a [meta] table"), ("outcomes", "[[outcomes]]")] {
        if !root.contains_key(key) {
            parts.diagnostics.push(
                Diagnostic::error(
                    "missing-key",
                    format!("the file has no `{key}`"),
                    format!("add {what}; `techhire schema --doc` has a complete example"),
                )
                .at(Some(span.start..span.start)),
            );
        }
    }
    if !root.contains_key("questions") {
        parts.diagnostics.push(
            Diagnostic::error(
                "missing-key",
                "the file has no `questions`",
                "add at least one [[questions]] table; `techhire schema --doc` has an example",
            )
            .at(Some(span.start..span.start)),
        );
    }
}

fn read_array(
    value: &Spanned<DeValue<'_>>,
    parts: &mut Parts,
    key: &str,
    mut each: impl FnMut(usize, &Spanned<DeValue<'_>>, &mut Parts),
) {
    match value.get_ref() {
        DeValue::Array(items) => {
            for (row, item) in items.iter().enumerate() {
                each(row, item, parts);
            }
        }
        other => parts.diagnostics.push(
            Diagnostic::error(
                "wrong-type",
                format!(
                    "`{key}` is {}, but must be an array of tables",
                    article(other)
                ),
                format!("write each entry as its own [[{key}]] table"),
            )
            .at(Some(value.span())),
        ),
    }
}

/// Which top-level item a value is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Meta,
    Source,
    Outcome,
    Question,
    Rule,
    Example,
}

impl Kind {
    /// The top-level key the item sits under.
    fn key(self) -> &'static str {
        match self {
            Kind::Meta => "meta",
            Kind::Source => "sources",
            Kind::Outcome => "outcomes",
            Kind::Question => "questions",
            Kind::Rule => "rules",
            Kind::Example => "examples",
        }
    }
}

/// One top-level item as read: the item, or the id it was meant to have when it failed to
/// read (so that references to it are not reported too). `[meta]` keeps its `start`.
#[derive(Debug)]
enum Item {
    Meta(Option<Meta>, Option<String>),
    Source(Option<Source>, Option<String>),
    Outcome(Option<Outcome>, Option<String>),
    Question(Option<Question>, Option<String>),
    Rule(Option<Rule>),
    Example(Option<Example>),
}

impl Item {
    /// Reads an item of a kind from its parsed value.
    fn read(kind: Kind, value: Spanned<DeValue<'_>>, diagnostics: &mut Vec<Diagnostic>) -> Item {
        match kind {
            Kind::Meta => {
                let start = raw_start(&value);
                Item::Meta(read_item(value, diagnostics), start)
            }
            Kind::Source => {
                let id = raw_id(&value);
                Item::Source(read_item(value, diagnostics), id)
            }
            Kind::Outcome => {
                let id = raw_id(&value);
                Item::Outcome(read_item(value, diagnostics), id)
            }
            Kind::Question => {
                let id = raw_id(&value);
                Item::Question(read_item(value, diagnostics), id)
            }
            Kind::Rule => Item::Rule(read_item(value, diagnostics)),
            Kind::Example => Item::Example(read_item(value, diagnostics)),
        }
    }
}

impl Parts {
    /// Adds an item read from the file; `row` is its place in its list.
    fn add(&mut self, row: usize, item: Item) {
        match item {
            Item::Meta(meta, start) => {
                self.meta = meta;
                self.raw_start = start;
            }
            Item::Source(Some(s), _) => {
                self.sources.push(s);
                self.rows.sources.push(row);
            }
            Item::Source(None, id) => self.known.sources.extend(id),
            Item::Outcome(Some(o), _) => {
                self.outcomes.push(o);
                self.rows.outcomes.push(row);
            }
            Item::Outcome(None, id) => {
                self.known.outcomes_unread = true;
                self.known.outcomes.extend(id);
            }
            Item::Question(Some(q), _) => {
                self.questions.push(q);
                self.rows.questions.push(row);
            }
            Item::Question(None, id) => {
                self.known.questions_unread = true;
                self.known.questions.extend(id);
            }
            Item::Rule(Some(rule)) => {
                self.rules.push(rule);
                self.rows.rules.push(row);
            }
            Item::Example(Some(example)) => {
                self.examples.push(example);
                self.rows.examples.push(row);
            }
            // The item's own error says what to fix; nothing refers to rules or examples.
            Item::Rule(None) | Item::Example(None) => {}
        }
    }

    /// Reads one item of the whole-file parse.
    fn take(&mut self, kind: Kind, row: usize, value: &Spanned<DeValue<'_>>) {
        let item = Item::read(kind, value.clone(), &mut self.diagnostics);
        self.add(row, item);
    }
}

fn read_item<T: for<'de> Deserialize<'de>>(
    value: Spanned<DeValue<'_>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let whole = value.span();
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(item) => Some(item),
        Err(e) => {
            diagnostics.push(wording::read_error(e.message(), e.span().unwrap_or(whole)));
            None
        }
    }
}

/// `meta.start` as written, for when the rest of `[meta]` is broken.
fn raw_start(meta: &Spanned<DeValue<'_>>) -> Option<String> {
    let start = meta.get_ref().as_table()?.get("start")?;
    start.get_ref().as_str().map(String::from)
}

fn raw_id(value: &Spanned<DeValue<'_>>) -> Option<String> {
    match value.get_ref() {
        DeValue::Table(t) => t
            .get("id")
            .and_then(|id| id.get_ref().as_str().map(String::from)),
        _ => None,
    }
}

fn article(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::EMBEDDED;

    #[test]
    fn each_item_reports_its_own_first_problem() {
        let broken = EMBEDDED
            .replacen("label = \"Hire a CIO\"", "label = 7", 1)
            .replacen("prompt = ", "promt = ", 1)
            .replacen("id = \"ctoacademy\"", "id = \"ctoacademy\"\nuri = \"x\"", 1);
        let (parts, _) = read_whole(&broken).unwrap_or_else(|_| panic!("the file parses"));
        let codes: Vec<&str> = parts.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["unknown-key", "wrong-type", "unknown-key"]);
    }

    #[test]
    fn validation_problems_are_placed_at_their_line_and_column() {
        let broken = EMBEDDED.replacen("next = \"focus\"", "next = \"focu\"", 1);
        let found = load_str("q.toml", &broken).expect_err("an unknown next is an error");
        let line = broken[..broken.find("next = \"focu\"").unwrap_or(0)]
            .matches('\n')
            .count()
            + 1;
        let json = found.to_json();
        assert_eq!(json["diagnostics"][0]["code"], "unknown-next");
        assert_eq!(json["diagnostics"][0]["line"], line);
        assert_eq!(json["diagnostics"][0]["column"], 8);
    }
}
