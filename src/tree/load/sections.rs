//! Splitting a question-tree file into its top-level sections (`[meta]`, each `[[sources]]`,
//! `[[outcomes]]`, `[[questions]]` with its `[[questions.choices]]`, `[[rules]]` with its
//! `[rules.labels]`, and `[[examples]]`), so that a large file is
//! read one section at a time, on every core. A section in plain TOML goes to the quick reader
//! (`quick.rs`), which builds its item straight from the text; any other goes through toml's
//! parse tree, which costs some thirty times the text it holds but is dropped section by
//! section. A 100,000-question file (55 MB) loads and validates in about 0.3 s this way.
//!
//! Splitting is only an optimisation: any file whose shape is not the plain one (keys before
//! the first header, other headers, a repeated `[meta]`, brackets that do not balance) is left
//! to the loader to parse whole, so the result never depends on it.

use std::ops::Range;

use memchr::{memchr, memmem};

use toml::de::{DeTable, DeValue};

use super::Item;
use super::quick;
use crate::tree::diagnostics::Diagnostic;

/// Which top-level item a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Meta,
    Source,
    Outcome,
    Question,
    Rule,
    Example,
}

impl Kind {
    /// Every kind, in the order `Kind as usize` counts them.
    pub(super) const ALL: [Kind; 6] = [
        Kind::Meta,
        Kind::Source,
        Kind::Outcome,
        Kind::Question,
        Kind::Rule,
        Kind::Example,
    ];

    /// The top-level key the section's item sits under.
    pub(super) fn key(self) -> &'static str {
        match self {
            Kind::Meta => "meta",
            Kind::Source => "sources",
            Kind::Outcome => "outcomes",
            Kind::Question => "questions",
            Kind::Rule => "rules",
            Kind::Example => "examples",
        }
    }

    /// The header a section of this kind starts with.
    pub(super) fn header(self) -> &'static str {
        match self {
            Kind::Meta => "[meta]",
            Kind::Source => "[[sources]]",
            Kind::Outcome => "[[outcomes]]",
            Kind::Question => "[[questions]]",
            Kind::Rule => "[[rules]]",
            Kind::Example => "[[examples]]",
        }
    }
}

/// One section: its kind and its bytes in the file, from its header to the next section's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Section {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// Splits a file into sections when it has the plain shape: nothing but comments before the
/// first header, one `[meta]`, and at least one outcome and question. `None` means "parse it
/// whole".
///
/// A section starts at a line holding just one of the four headers. Such a line could also sit
/// inside a multi-line string or array; splitting there leaves a section that does not parse on
/// its own (an unclosed string or bracket), and `read` then gives up, so a wrong split can only
/// cost time, never change the result. Any other header stays inside its section, where `read`
/// refuses it unless it is a question's `[[questions.choices]]`.
pub(super) fn split(text: &str) -> Option<Vec<Section>> {
    let mut sections: Vec<Section> = Vec::new();
    // Only lines starting with `[` can be headers; memchr finds them without looking at
    // every line.
    let first = text.starts_with('[').then_some(0);
    let lines = memmem::find_iter(text.as_bytes(), b"\n[").map(|i| i + 1);
    for at in first.into_iter().chain(lines) {
        let end = memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i + 1);
        if let Some(kind) = header(&text[at..end]) {
            if let Some(last) = sections.last_mut() {
                last.range.end = at;
            }
            sections.push(Section {
                kind,
                range: at..text.len(),
            });
        }
    }
    // Keys before the first header would belong to the top level: parse those files whole.
    let first = sections.first()?.range.start;
    let only_comments = quick::blank(&text[..first]);
    let count = |kind| sections.iter().filter(|s| s.kind == kind).count();
    let plain = only_comments
        && count(Kind::Meta) == 1
        && count(Kind::Outcome) > 0
        && count(Kind::Question) > 0;
    plain.then_some(sections)
}

/// The kind of section a line starts, if it is one of the top-level headers, alone on its line
/// but for a comment. (A rule's `[rules.labels]` stays inside its rule's section.)
fn header(line: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find_map(|kind| {
        let rest = line
            .strip_prefix(kind.header())?
            .trim_start_matches([' ', '\t']);
        let alone = rest.is_empty() || rest.starts_with(['\n', '\r', '#']);
        alone.then_some(kind)
    })
}

/// Sections per thread below which reading in parallel is not worth a thread.
const SECTIONS_PER_THREAD: usize = 2_000;

/// One section's item, with the problem that stopped it reading, if any (boxed: problems are
/// rare, and a large file holds a hundred thousand items).
pub(super) type Read = (Item, Option<Box<Diagnostic>>);

/// Reads every section's item, in runs that hold them in file order. `None` when a section is
/// not valid TOML on its own (the whole-file parse then reports why).
///
/// Large files are read on every core: sections are independent, each thread takes a
/// contiguous run of them, and the runs are returned in order, so the result is the same as
/// reading them one by one.
pub(super) fn read(text: &str, sections: &[Section]) -> Option<Vec<Vec<Read>>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(sections.len() / SECTIONS_PER_THREAD)
        .max(1);
    if threads == 1 {
        return Some(vec![read_run(text, sections)?]);
    }
    let run = sections.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sections
            .chunks(run)
            .map(|chunk| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || read_run(text, chunk))
                    .map_err(|_| chunk)
            })
            .collect();
        let mut runs = Vec::with_capacity(handles.len());
        for handle in handles {
            // A thread that could not start leaves its run to this one.
            let read = match handle {
                Ok(handle) => handle.join().ok()?,
                Err(chunk) => read_run(text, chunk),
            };
            runs.push(read?);
        }
        Some(runs)
    })
}

/// Reads a run of sections one by one: with the quick reader when the section is plain,
/// otherwise through toml's parse tree, dropped as soon as its item is read.
fn read_run(text: &str, sections: &[Section]) -> Option<Vec<Read>> {
    let mut items = Vec::with_capacity(sections.len());
    for section in sections {
        let section_text = text.get(section.range.clone())?;
        let read = match quick::read(section.kind, section_text) {
            Some(item) => (item, None),
            None => read_parsed(section.kind, section_text, section.range.start)?,
        };
        items.push(read);
    }
    Some(items)
}

/// Reads a section through toml's parse tree; `offset` is where it starts in the file.
pub(super) fn read_parsed(kind: Kind, section: &str, offset: usize) -> Option<Read> {
    let (root, syntax_errors) = DeTable::parse_recoverable(section);
    if !syntax_errors.is_empty() {
        return None;
    }
    let mut entries = root.into_inner().into_iter();
    let (key, value) = entries.next()?;
    if entries.next().is_some() || key.get_ref().as_ref() != kind.key() {
        return None;
    }
    let value = match kind {
        Kind::Meta => value,
        _ => match value.into_inner() {
            DeValue::Array(values) if values.len() == 1 => values.into_iter().next()?,
            _ => return None,
        },
    };
    let mut diagnostics = Vec::new();
    let item = Item::read(kind, value, offset, &mut diagnostics);
    Some((item, diagnostics.pop().map(Box::new)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &str = "# a tree\n\n[meta]\nstart = \"a\"\n\n[[outcomes]]\nid = \"x\"\nowns = [\n  \"[[questions]] in a value\",\n]\n\n[[questions]] # the first\nid = \"a\"\n[[questions.choices]]\nid = \"c\"\n\n[[questions]]\nid = \"b\"\n";

    fn read_all(text: &str) -> Option<Vec<Read>> {
        let runs = split(text).and_then(|sections| read(text, &sections))?;
        Some(runs.into_iter().flatten().collect())
    }

    #[test]
    fn a_plain_file_splits_at_its_headers_only() {
        let sections = split(PLAIN).expect("the plain shape splits");
        let kinds: Vec<Kind> = sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [Kind::Meta, Kind::Outcome, Kind::Question, Kind::Question]
        );
        assert!(PLAIN[sections[0].range.clone()].starts_with("[meta]\n"));
        assert!(PLAIN[sections[2].range.clone()].contains("[[questions.choices]]"));
        assert!(PLAIN[sections[3].range.clone()].starts_with("[[questions]]\nid = \"b\""));
        assert_eq!(sections[3].range.end, PLAIN.len());
        assert_eq!(read_all(PLAIN).map(|items| items.len()), Some(4));
    }

    #[test]
    fn anything_unusual_is_left_to_the_whole_file_parse() {
        for odd in [
            "title = \"x\"\n[meta]\n[[outcomes]]\n[[questions]]\n", // top-level key first
            "[meta]\n[meta]\n[[outcomes]]\n[[questions]]\n",        // two [meta]
            "[meta]\n[[outcomes]]\n[[questions]]\n[meta.x]\n",      // another header
            "[meta]\n[[outcomes]]\n[[questions]]\nx = [\n",         // unbalanced
            "[meta]\n[[outcomes]]\n[[ questions ]]\n",              // spelled differently
            "[meta]\n[[outcomes]]\n[[questions.choices]]\n",        // choices, no question
            "[meta]\n[[outcomes]]\n[[questions]] x = 1\n",          // junk after a header
            "[meta]\n[[outcomes]]\n",                               // no questions
            "# a \u{0} in a comment\n[meta]\n[[outcomes]]\n[[questions]]\n", // not TOML
            // A header-looking line inside a multi-line string: the split leaves an unclosed
            // string, so the file is parsed whole.
            "[meta]\n[[outcomes]]\nx = \"\"\"\n[[questions]]\n\"\"\"\n[[questions]]\n",
        ] {
            assert!(read_all(odd).is_none(), "{odd:?}");
        }
    }
}
