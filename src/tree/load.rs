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
use super::validate::{self, Known, Seg};
use super::{Tree, TreeError};

/// Question trees larger than this are refused before being read: the shipped tree is about
/// 40 KiB and a 100,000-question tree about 25 MiB (loading in 2 s, 1 GB at peak), so 32 MiB
/// takes any real tree. Parsed TOML takes up to about 100 times the file's size (an array of
/// millions of tiny values), so this also bounds memory: about 3 GB at worst, where 64 MiB
/// allowed 6 GB. A mistaken path (a disk image, a log) is refused at once.
pub const MAX_TREE_BYTES: u64 = 32 * 1024 * 1024;

/// A tree that loaded, with the warnings it raised.
#[derive(Debug)]
pub struct Loaded {
    pub tree: Tree,
    /// Warnings only; empty diagnostics when the tree is clean.
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
    let report = |diagnostics| Report {
        file: file.to_string(),
        text: text.to_string(),
        diagnostics,
    };
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        let diagnostics = syntax_errors
            .into_iter()
            .map(|e| {
                // The parser stops at a nesting depth (its guard against running out of stack);
                // its own words for that mean little to someone writing a tree.
                if e.message().contains("recurs") {
                    Diagnostic::error(
                        "too-deep",
                        "arrays or tables nest too deeply here to be read",
                        "a question tree nests only a few levels deep; look for a run of \
                         unclosed brackets, and check that this is a question tree at all",
                    )
                } else {
                    Diagnostic::error(
                        "syntax",
                        first_line(e.message()),
                        "fix the TOML syntax here; strings need quotes, tables need [brackets]",
                    )
                }
                .at(e.span())
            })
            .collect();
        return Err(report(diagnostics));
    }

    let mut parts = Parts::default();
    read_document(root.get_ref(), root.span(), &mut parts);

    let structurally_sound = parts.diagnostics.is_empty();
    let file_model = TreeFile {
        meta: parts.meta.clone().unwrap_or_else(|| Meta {
            title: String::new(),
            version: String::new(),
            start: String::new(),
            close_call_margin: 1,
        }),
        sources: parts.sources,
        outcomes: parts.outcomes,
        questions: parts.questions,
    };
    let mut diagnostics = parts.diagnostics;
    if parts.meta.is_some() || !structurally_sound {
        let checks = validate::check(&file_model, &parts.known, structurally_sound);
        for (diagnostic, path) in checks {
            let span = locate(root.get_ref(), &parts.rows, &path);
            diagnostics.push(diagnostic.at(span));
        }
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

/// What could be read of a document, and what went wrong reading it.
#[derive(Default)]
struct Parts {
    meta: Option<Meta>,
    sources: Vec<Source>,
    outcomes: Vec<Outcome>,
    questions: Vec<Question>,
    /// Ids of items that failed to read, so references to them are not reported twice.
    known: Known,
    rows: Rows,
    diagnostics: Vec<Diagnostic>,
}

const TOP_LEVEL_KEYS: [&str; 4] = ["meta", "sources", "outcomes", "questions"];

fn read_document(root: &DeTable<'_>, span: Range<usize>, parts: &mut Parts) {
    for (key, value) in root {
        let name: &str = key.get_ref();
        match name {
            "meta" => parts.meta = read_item(value, &mut parts.diagnostics),
            "sources" => read_array(value, parts, "sources", |row, v, p| {
                if let Some(s) = read_item::<Source>(v, &mut p.diagnostics) {
                    p.sources.push(s);
                    p.rows.sources.push(row);
                } else if let Some(id) = raw_id(v) {
                    p.known.sources.insert(id);
                }
            }),
            "outcomes" => read_array(value, parts, "outcomes", |row, v, p| {
                if let Some(o) = read_item::<Outcome>(v, &mut p.diagnostics) {
                    p.outcomes.push(o);
                    p.rows.outcomes.push(row);
                } else if let Some(id) = raw_id(v) {
                    p.known.outcomes.insert(id);
                }
            }),
            "questions" => read_array(value, parts, "questions", |row, v, p| {
                if let Some(q) = read_item::<Question>(v, &mut p.diagnostics) {
                    p.questions.push(q);
                    p.rows.questions.push(row);
                } else if let Some(id) = raw_id(v) {
                    p.known.questions.insert(id);
                }
            }),
            other => parts.diagnostics.push(
                Diagnostic::error(
                    "unknown-key",
                    format!("unknown top-level key `{other}`"),
                    format!(
                        "the top level holds only {}; check the spelling",
                        TOP_LEVEL_KEYS.map(|k| format!("`{k}`")).join(", ")
                    ),
                )
                .at(Some(key.span())),
            ),
        }
    }
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

fn read_item<T: for<'de> Deserialize<'de>>(
    value: &Spanned<DeValue<'_>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    match T::deserialize(ValueDeserializer::from(value.clone())) {
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
            diagnostics
                .push(Diagnostic::error(code, message, hint).at(e.span().or(Some(value.span()))));
            None
        }
    }
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
