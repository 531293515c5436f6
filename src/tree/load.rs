//! Reading a question tree from text or a file: every syntax, type and unknown-key problem is
//! collected (one per item at most, since serde stops at an item's first), then the tree is
//! validated, and every problem is placed at its line and column.

use std::fs::File;
use std::io::Read as _;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::diagnostics::{Diagnostic, Report};
use super::model::{Meta, Outcome, Question, Source, TreeFile};
use super::sections::{self, Kind, Section};
use super::validate::{self, Known, Seg};
use super::{Tree, TreeError};

/// Question trees larger than this are refused before being read: the shipped tree is about
/// 40 KiB and a 100,000-question tree about 30 MiB, so 64 MiB leaves room for any real tree
/// while keeping a mistaken path (a disk image, a log) from filling memory.
pub const MAX_TREE_BYTES: u64 = 64 * 1024 * 1024;

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
    let file = File::open(path).map_err(io_err)?;
    let size = file.metadata().map_err(io_err)?.len();
    if size > MAX_TREE_BYTES {
        return Err(TreeError::TooLarge {
            file: name,
            size,
            limit: MAX_TREE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` also bounds files that grow, or lie about their size (pipes, /proc).
    file.take(MAX_TREE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_TREE_BYTES {
        return Err(TreeError::TooLarge {
            file: name,
            size: bytes.len() as u64,
            limit: MAX_TREE_BYTES,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| TreeError::NotUtf8 {
        file: name.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    load_str(&name, &text).map_err(TreeError::Invalid)
}

/// Loads a tree from text; `file` names it in diagnostics. All problems are reported at once.
pub fn load_str(file: &str, text: &str) -> Result<Loaded, Report> {
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
    let by_section = sections::split(text).and_then(|s| read_sections(text, s));
    let (mut parts, places) = match by_section {
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
    };
    let mut diagnostics = parts.diagnostics;
    for (diagnostic, path) in validate::check(&file_model, &parts.known, whole) {
        let span = places.locate(text, &parts.rows, &path);
        diagnostics.push(diagnostic.at(span));
    }
    diagnostics.sort_by_key(|d| (d.span.as_ref().map_or(usize::MAX, |s| s.start), d.severity));

    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(report(diagnostics));
    }
    let tree = Tree::from_checked(file_model);
    Ok(Loaded {
        tree,
        report: report(diagnostics),
    })
}

/// Parses and reads the document whole; the syntax errors when it has any.
fn read_whole(text: &str) -> Result<(Parts, Places<'_>), Vec<Diagnostic>> {
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        return Err(syntax_errors
            .into_iter()
            .map(|e| {
                Diagnostic::error(
                    "syntax",
                    first_line(e.message()),
                    "fix the TOML syntax here; strings need quotes, tables need [brackets]",
                )
                .at(e.span())
            })
            .collect());
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
    /// Ids of items that failed to read, so references to them are not reported twice.
    known: Known,
    rows: Rows,
    diagnostics: Vec<Diagnostic>,
}

/// Where the parsed file can be found again, to place validation problems.
enum Places<'t> {
    /// The whole document's parse tree.
    Whole(Spanned<DeTable<'t>>),
    /// The file's sections, each parsed again when a problem points into it.
    Sections(Vec<Section>),
}

impl Places<'_> {
    fn locate(&self, text: &str, rows: &Rows, path: &[Seg]) -> Option<Range<usize>> {
        let sections = match self {
            Places::Whole(root) => return locate(root.get_ref(), rows, path),
            Places::Sections(sections) => sections,
        };
        let Some(Seg::Key(top)) = path.first() else {
            return None;
        };
        let kind = match *top {
            "meta" => Kind::Meta,
            "sources" => Kind::Source,
            "outcomes" => Kind::Outcome,
            "questions" => Kind::Question,
            _ => return None,
        };
        // Within its section, an item is the first and only one of its list.
        let mut inner = path.to_vec();
        let ordinal = match inner.get_mut(1) {
            Some(Seg::Index(i)) if kind != Kind::Meta => {
                let ordinal = rows.row(top, *i);
                *i = 0;
                ordinal
            }
            _ => 0,
        };
        let section = sections.iter().filter(|s| s.kind == kind).nth(ordinal)?;
        let (root, _) = DeTable::parse_recoverable(text.get(section.range.clone())?);
        let span = locate(root.get_ref(), &Rows::default(), &inner)?;
        Some(span.start + section.range.start..span.end + section.range.start)
    }
}

/// Reads a file section by section. `None` when a section has a syntax error: the whole-file
/// parse reports those.
fn read_sections(text: &str, sections: Vec<Section>) -> Option<(Parts, Places<'static>)> {
    let mut parts = Parts::default();
    let mut rows = [0usize; 4];
    for (item, diagnostic) in sections::read(text, &sections)? {
        parts.diagnostics.extend(diagnostic);
        let row = &mut rows[item.kind() as usize];
        parts.add(*row, item);
        *row += 1;
    }
    Some((parts, Places::Sections(sections)))
}

const TOP_LEVEL_KEYS: [&str; 4] = ["meta", "sources", "outcomes", "questions"];

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
pub(super) enum Item {
    Meta(Option<Meta>, Option<String>),
    Source(Option<Source>, Option<String>),
    Outcome(Option<Outcome>, Option<String>),
    Question(Option<Question>, Option<String>),
}

impl Item {
    /// Reads an item of a kind from its parsed value; `offset` is where the text it was parsed
    /// from starts in the file.
    pub(super) fn read(
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
        }
    }

    fn kind(&self) -> Kind {
        match self {
            Item::Meta(..) => Kind::Meta,
            Item::Source(..) => Kind::Source,
            Item::Outcome(..) => Kind::Outcome,
            Item::Question(..) => Kind::Question,
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
            let message = first_line(e.message());
            let hint = if message.starts_with("unknown field") {
                "remove the key or fix its spelling; docs/questions-format.md lists every key"
            } else if message.starts_with("missing field") {
                "add the missing key; docs/questions-format.md lists what each table needs"
            } else {
                "give the value the type shown in docs/questions-format.md"
            };
            let code = if message.starts_with("unknown field") {
                "unknown-key"
            } else if message.starts_with("missing field") {
                "missing-key"
            } else {
                "wrong-type"
            };
            let span = e.span().unwrap_or(whole);
            diagnostics.push(
                Diagnostic::error(code, message, hint)
                    .at(Some(span.start + offset..span.end + offset)),
            );
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

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

/// Finds the byte range a validation path points at. A path's first index counts the items
/// that were read; `rows` maps it back to the item's place in the file.
fn locate(root: &DeTable<'_>, rows: &Rows, path: &[Seg]) -> Option<Range<usize>> {
    let mut current: Option<&Spanned<DeValue<'_>>> = None;
    for (depth, seg) in path.iter().enumerate() {
        let table = match current {
            None => Some(root),
            Some(v) => v.get_ref().as_table(),
        };
        match seg {
            Seg::Key(k) => current = Some(table?.get(*k)?),
            Seg::KeyName(k) => {
                return table?
                    .keys()
                    .find(|key| key.get_ref().as_ref() == k.as_str())
                    .map(Spanned::span);
            }
            Seg::Index(i) => {
                let row = match (depth, path.first()) {
                    (1, Some(Seg::Key(top))) => rows.row(top, *i),
                    _ => *i,
                };
                current = Some(current?.get_ref().as_array()?.get(row)?);
            }
        }
    }
    current.map(Spanned::span)
}

/// For each top-level array, the file position of every item that was read.
#[derive(Default)]
struct Rows {
    sources: Vec<usize>,
    outcomes: Vec<usize>,
    questions: Vec<usize>,
}

impl Rows {
    fn row(&self, key: &str, index: usize) -> usize {
        let rows = match key {
            "sources" => &self.sources,
            "outcomes" => &self.outcomes,
            _ => &self.questions,
        };
        rows.get(index).copied().unwrap_or(index)
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(by_section.known.questions, whole.known.questions);
        assert_eq!(by_section.diagnostics, whole.diagnostics);
        by_section
    }

    #[test]
    fn reading_by_section_matches_reading_whole() {
        let parts = both_ways(EMBEDDED);
        assert!(parts.diagnostics.is_empty());
        assert_eq!(parts.questions.len(), 11);
    }

    #[test]
    fn problems_are_placed_the_same_by_section_and_whole() {
        let broken = EMBEDDED
            .replacen("label = \"Hire a CIO\"", "label = 7", 1)
            .replacen("prompt = ", "promt = ", 1)
            .replacen("id = \"ctoacademy\"", "id = \"ctoacademy\"\nurl = \"x\"", 1);
        let parts = both_ways(&broken);
        let codes: Vec<&str> = parts.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["unknown-key", "wrong-type", "unknown-key"]);
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
