//! Reading a question tree from text or a file: every syntax, type and unknown-key problem is
//! collected (one per item at most, since serde stops at an item's first), then the tree is
//! validated, and every problem is placed at its line and column.

mod places;
mod quick;
mod sections;
mod wording;

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostics::{Diagnostic, Report};
use super::model::{Example, Meta, Outcome, Question, Rule, Source, TreeFile};
use super::validate::{self, Known};
use super::{Tree, TreeError};
use places::{Places, Rows};
use sections::{Kind, Section};

/// Question trees larger than this are refused before being read: the shipped tree is about
/// 40 KiB, so 8 MiB (two hundred times that) takes any real tree. A file the loader must parse
/// whole can take about 100 times its size in memory (an array of millions of tiny values), so
/// the limit also bounds memory to under a GiB. A mistaken path (a disk image, a log) is refused
/// at once. The engine itself has no limit: `load_str` takes a 100,000-question text (tens of
/// MiB, see `benches/engine.rs`) as well.
pub const MAX_TREE_BYTES: u64 = 8 * 1024 * 1024;

/// A tree that loaded, with the warnings it raised.
#[derive(Debug)]
pub struct Loaded {
    pub tree: Tree,
    /// Warnings only; empty diagnostics when the tree is clean (and then no copy of the text).
    pub report: Report,
}

/// Reads and loads a tree file, refusing files over [`MAX_TREE_BYTES`] before reading them.
pub fn load_path(path: &Path) -> Result<Loaded, TreeError> {
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
    load_str(&name, &text).map_err(TreeError::Invalid)
}

/// Loads a tree from text; `file` names it in diagnostics. All problems are reported at once.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Report> {
    load_text(file, text, true)
}

/// Loads a tree, reading it by section when `by_section` allows and the file's shape does.
fn load_text(file: &str, text: &str, by_section: bool) -> Result<Loaded, Report> {
    let report = |diagnostics: Vec<Diagnostic>| Report {
        file: file.to_string(),
        // A clean tree's report needs no copy of a text that may be tens of MiB.
        text: if diagnostics.is_empty() {
            String::new()
        } else {
            text.to_string()
        },
        diagnostics,
    };
    let split = if by_section {
        sections::split(text)
    } else {
        None
    };
    let (mut parts, places) = match split.and_then(|s| read_sections(text, s)) {
        Some(read) => read,
        None => read_whole(text).map_err(report)?,
    };

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
        let span = places.locate(text, &parts.rows, &path);
        diagnostics.push(diagnostic.at(span));
    }
    diagnostics.sort_by_key(|d| (d.span.as_ref().map_or(usize::MAX, |s| s.start), d.severity));

    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(report(diagnostics));
    }
    let tree = Tree::from_checked(file_model, resolved);
    Ok(Loaded {
        tree,
        report: report(diagnostics),
    })
}

/// Parses and reads the document whole; the syntax errors when it has any.
fn read_whole(text: &str) -> Result<(Parts, Places<'_>), Vec<Diagnostic>> {
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        let mut diagnostics: Vec<Diagnostic> = syntax_errors
            .into_iter()
            .map(|e| wording::syntax(text, e.message(), e.span()))
            .collect();
        // An unclosed run of brackets is reported once per bracket, all at the same place.
        diagnostics.dedup();
        return Err(diagnostics);
    }
    let mut parts = Parts::default();
    read_document(root.get_ref(), root.span(), &mut parts);
    Ok((parts, Places::Whole(root)))
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

/// Reads a file section by section. `None` when a section has a syntax error: the whole-file
/// parse reports those.
fn read_sections(text: &str, sections: Vec<Section>) -> Option<(Parts, Places<'static>)> {
    let mut parts = Parts::default();
    let count = |kind| sections.iter().filter(|s| s.kind == kind).count();
    parts.sources.reserve_exact(count(Kind::Source));
    parts.outcomes.reserve_exact(count(Kind::Outcome));
    parts.questions.reserve_exact(count(Kind::Question));
    let mut rows = [0usize; Kind::ALL.len()];
    for (item, diagnostic) in sections::read(text, &sections)?.into_iter().flatten() {
        parts.diagnostics.extend(diagnostic.map(|d| *d));
        let row = &mut rows[item.kind() as usize];
        parts.add(*row, item);
        *row += 1;
    }
    Some((parts, Places::Sections(sections)))
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
                    format!("add {what}; docs/questions-format.md has a complete example"),
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
                "add at least one [[questions]] table; docs/questions-format.md has an example",
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

/// One top-level item as read: the item, or the id it was meant to have when it failed to
/// read (so that references to it are not reported too). `[meta]` keeps its `start`.
#[derive(Debug, PartialEq)]
pub(super) enum Item {
    Meta(Option<Meta>, Option<String>),
    Source(Option<Source>, Option<String>),
    Outcome(Option<Outcome>, Option<String>),
    Question(Option<Question>, Option<String>),
    Rule(Option<Rule>, Option<String>),
    Example(Option<Example>, Option<String>),
}

impl Item {
    /// Reads an item of a kind from its parsed value; `offset` is where the text it was parsed
    /// from starts in the file.
    fn read(
        kind: Kind,
        value: Spanned<DeValue<'_>>,
        offset: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Item {
        match kind {
            Kind::Meta => {
                let start = raw_start(&value);
                Item::Meta(read_item(value, offset, diagnostics), start)
            }
            Kind::Source => {
                let id = raw_id(&value);
                Item::Source(read_item(value, offset, diagnostics), id)
            }
            Kind::Outcome => {
                let id = raw_id(&value);
                Item::Outcome(read_item(value, offset, diagnostics), id)
            }
            Kind::Question => {
                let id = raw_id(&value);
                Item::Question(read_item(value, offset, diagnostics), id)
            }
            Kind::Rule => {
                let id = raw_id(&value);
                Item::Rule(read_item(value, offset, diagnostics), id)
            }
            Kind::Example => {
                let id = raw_id(&value);
                Item::Example(read_item(value, offset, diagnostics), id)
            }
        }
    }

    fn kind(&self) -> Kind {
        match self {
            Item::Meta(..) => Kind::Meta,
            Item::Source(..) => Kind::Source,
            Item::Outcome(..) => Kind::Outcome,
            Item::Question(..) => Kind::Question,
            Item::Rule(..) => Kind::Rule,
            Item::Example(..) => Kind::Example,
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
            Item::Rule(Some(rule), _) => {
                self.rules.push(rule);
                self.rows.rules.push(row);
            }
            Item::Example(Some(example), _) => {
                self.examples.push(example);
                self.rows.examples.push(row);
            }
            // The item's own error says what to fix; nothing refers to rules or examples.
            Item::Rule(None, _) | Item::Example(None, _) => {}
        }
    }

    /// Reads one item of the whole-file parse.
    fn take(&mut self, kind: Kind, row: usize, value: &Spanned<DeValue<'_>>) {
        let item = Item::read(kind, value.clone(), 0, &mut self.diagnostics);
        self.add(row, item);
    }
}

fn read_item<T: for<'de> Deserialize<'de>>(
    value: Spanned<DeValue<'_>>,
    offset: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let whole = value.span();
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(item) => Some(item),
        Err(e) => {
            let span = e.span().unwrap_or(whole);
            diagnostics.push(wording::read_error(
                e.message(),
                span.start + offset..span.end + offset,
            ));
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
    use proptest::prelude::*;

    use super::*;
    use crate::tree::EMBEDDED;

    /// Reads a text both ways and checks the sectioned reader saw what the whole parse saw.
    fn both_ways(text: &str) -> Parts {
        let sections = sections::split(text).expect("a plain file splits into sections");
        let (by_section, _) = read_sections(text, sections).expect("every section parses");
        let (whole, _) = read_whole(text).expect("the file parses");
        assert_eq!(by_section.meta, whole.meta);
        assert_eq!(by_section.raw_start, whole.raw_start);
        assert_eq!(by_section.sources, whole.sources);
        assert_eq!(by_section.outcomes, whole.outcomes);
        assert_eq!(by_section.questions, whole.questions);
        assert_eq!(by_section.rules, whole.rules);
        assert_eq!(by_section.examples, whole.examples);
        assert_eq!(by_section.known.questions, whole.known.questions);
        assert_eq!(by_section.diagnostics, whole.diagnostics);
        by_section
    }

    #[test]
    fn reading_by_section_matches_reading_whole() {
        let parts = both_ways(EMBEDDED);
        assert!(parts.diagnostics.is_empty());
        assert_eq!(parts.questions.len(), 13);
    }

    #[test]
    fn problems_are_placed_the_same_by_section_and_whole() {
        let broken = EMBEDDED
            .replacen("label = \"Hire a CIO\"", "label = 7", 1)
            .replacen("prompt = ", "promt = ", 1)
            .replacen("id = \"ctoacademy\"", "id = \"ctoacademy\"\nuri = \"x\"", 1);
        let parts = both_ways(&broken);
        let codes: Vec<&str> = parts.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["unknown-key", "wrong-type", "unknown-key"]);
    }

    const EXAMPLE: &str = include_str!("../../../tests/fixtures/valid/example.toml");

    /// Small edits that keep a file near-valid, so both readers see interesting input.
    fn mutated() -> impl Strategy<Value = String> {
        const PIECES: [&str; 16] = [
            "[[questions]]\n",
            "[[questions.choices]]\n",
            "[meta]\n",
            "[[outcomes]]\n",
            "id = \"x\"\n",
            "next = \"need\"\n",
            "end = true\n",
            "evidence = { cio = 5000 }\n",
            "]",
            "[",
            "\"",
            "'''",
            "{",
            "\n",
            "= ",
            "# note\n",
        ];
        // Mostly whole lines inserted or removed (so most files still parse, and the
        // validator has work), sometimes a fragment anywhere (so some do not).
        let edit = (
            0..5usize,
            any::<prop::sample::Index>(),
            0..PIECES.len(),
            0..40usize,
        );
        prop::collection::vec(edit, 1..4).prop_map(|edits| {
            let mut text = EXAMPLE.to_string();
            for (kind, at, piece, len) in edits {
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
                match kind {
                    0 | 1 if PIECES[piece].ends_with('\n') => {
                        text.insert_str(line_start, PIECES[piece]);
                    }
                    0..=2 => text.replace_range(line_start..line_end, ""),
                    3 => text.insert_str(at, PIECES[piece]),
                    _ => {
                        let mut end = (at + len).min(text.len());
                        while !text.is_char_boundary(end) {
                            end -= 1;
                        }
                        text.replace_range(at..end, "");
                    }
                }
            }
            text
        })
    }

    type Outcome = Result<(TreeFile, Vec<Diagnostic>), Vec<Diagnostic>>;

    fn outcome(result: Result<Loaded, Report>) -> Outcome {
        result
            .map(|l| (l.tree.file().clone(), l.report.diagnostics))
            .map_err(|r| r.diagnostics)
    }

    proptest! {
        // No regression files: the shrunk case is printed, and the top level stays clean.
        #![proptest_config(ProptestConfig {
            cases: 300,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Reading by section is only a speed-up: on any edit of a valid file, it finds the
        /// same tree, or the same problems at the same places, as parsing the file whole.
        #[test]
        fn reading_by_section_never_changes_the_result(text in mutated()) {
            prop_assert_eq!(
                outcome(load_text("t.toml", &text, true)),
                outcome(load_text("t.toml", &text, false))
            );
        }
    }

    #[test]
    fn validation_problems_are_placed_inside_their_section() {
        let broken = EMBEDDED.replacen("next = \"focus\"", "next = \"focu\"", 1);
        let report = load_str("q.toml", &broken).expect_err("an unknown next is an error");
        let line = broken[..broken.find("next = \"focu\"").unwrap_or(0)]
            .matches('\n')
            .count()
            + 1;
        let json = report.to_json();
        assert_eq!(json["diagnostics"][0]["code"], "unknown-next");
        assert_eq!(json["diagnostics"][0]["line"], line);
        assert_eq!(json["diagnostics"][0]["column"], 8);
    }
}
