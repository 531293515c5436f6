//! Problems found in a question-tree file, and their rendering for people (file:line:column,
//! the offending line, a caret under the place, a hint) and for programs (JSON).

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::text::terminal_safe;

/// How bad a problem is: errors stop the tree from loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, kebab-case name for the kind of problem (e.g. `unknown-next`), for scripts.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// Byte range in the file, when the problem has a place.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            hint: hint.into(),
            span: None,
        }
    }

    pub fn warning(
        code: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, message, hint)
        }
    }

    /// Places the diagnostic at a byte range of the file.
    pub fn at(mut self, span: Option<Range<usize>>) -> Self {
        self.span = span;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A 1-based line and column (in characters) in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Finds the line and column of a byte offset; offsets past the end point after the last
/// character, and offsets inside a character point at that character.
pub fn position(text: &str, offset: usize) -> Position {
    Lines::new(text).positions(&[offset])[0]
}

/// Diagnostics rendered in full; the rest are counted. A hundred is more than anyone reads
/// before fixing the first, and keeps a broken generated file from printing megabytes.
pub const MAX_RENDERED: usize = 100;

/// Diagnostics a loaded file's `Diagnostics` keeps (and its JSON lists); past them they are only
/// counted. Each kept one costs a few hundred bytes, so a file of a million broken lines is
/// reported in a few MiB rather than gigabytes.
pub const MAX_LISTED: usize = 10_000;

/// Where each line of a text starts, so that placing many diagnostics in a large file costs a
/// binary search each rather than a scan from the top.
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The offset moved back onto a character boundary within the text.
    fn floor(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The positions of many offsets (as [`position`] each), in one pass along the text: a
    /// column is counted on from the previous offset on its line, not from the line's start,
    /// so a hundred thousand problems on one long line (a minified file) cost one line's count.
    pub(crate) fn positions(&self, offsets: &[usize]) -> Vec<Position> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| self.floor(offsets[i]));
        let mut found = vec![Position { line: 1, column: 1 }; offsets.len()];
        let (mut at, mut pos) = (0, Position { line: 1, column: 1 });
        for i in order {
            let offset = self.floor(offsets[i]);
            let line = self.starts.partition_point(|&s| s <= offset);
            if line != pos.line {
                at = self.starts[line - 1];
                pos = Position { line, column: 1 };
            }
            pos.column += self.text[at..offset].chars().count();
            at = offset;
            found[i] = pos;
        }
        found
    }

    /// The text of a 1-based line, without its line break.
    fn line(&self, line: usize) -> &'a str {
        let start = self
            .starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        self.text[start..end.max(start)].trim_end_matches('\r')
    }

    /// Writes where a span is, the way compilers do: `--> file:line:column`, the line (clipped
    /// around the place when long) and a caret under the place. `pos` is the span's start, from
    /// [`Lines::positions`]. Returns the gutter's padding, for the lines that follow.
    pub(crate) fn write_place(
        &self,
        out: &mut String,
        file: &str,
        pos: Position,
        span: &Range<usize>,
    ) -> String {
        let gutter = pos.line.to_string();
        let pad = " ".repeat(gutter.len());
        let _ = writeln!(out, "{pad}--> {file}:{}:{}", pos.line, pos.column);
        let line = self.line(pos.line);
        let line_start = self.starts.get(pos.line - 1).copied().unwrap_or(0);
        let (start, end) = (self.floor(span.start), self.floor(span.end));
        // The spanned text on this line, in characters (no more than can be shown).
        let spanned = self.text[start..end.max(start)]
            .split('\n')
            .next()
            .unwrap_or("")
            .chars()
            .take(EXCERPT_CHARS)
            .count();
        let at = start.saturating_sub(line_start).min(line.len());
        let (shown, lead, len) = excerpt(line, at, spanned);
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{gutter} | {shown}");
        let _ = writeln!(out, "{pad} | {}{}", " ".repeat(lead), "^".repeat(len));
        pad
    }
}

/// The diagnostics of one file, with the text they point into.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    /// The file's name as the user gave it.
    pub file: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics past [`MAX_LISTED`], counted but not kept.
    pub unlisted: Unlisted,
}

/// How many errors and warnings were counted but not kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Unlisted {
    pub errors: usize,
    pub warnings: usize,
}

impl Diagnostics {
    /// Diagnostics keeping at most [`MAX_LISTED`] of `diagnostics` (in their order) and counting
    /// the rest with those `unlisted` already.
    pub fn new(
        file: &str,
        text: String,
        mut diagnostics: Vec<Diagnostic>,
        mut unlisted: Unlisted,
    ) -> Diagnostics {
        if diagnostics.len() > MAX_LISTED {
            for d in diagnostics.drain(MAX_LISTED..) {
                match d.severity {
                    Severity::Error => unlisted.errors += 1,
                    Severity::Warning => unlisted.warnings += 1,
                }
            }
        }
        Diagnostics {
            file: file.to_string(),
            text,
            diagnostics,
            unlisted,
        }
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count() + self.unlisted.errors
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| !d.is_error()).count() + self.unlisted.warnings
    }

    /// Every diagnostic counted, kept or not.
    pub fn total(&self) -> usize {
        self.diagnostics.len() + self.unlisted.errors + self.unlisted.warnings
    }

    /// Renders the diagnostics (the first [`MAX_RENDERED`]) the way compilers do, followed by
    /// a one-line summary.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let lines = Lines::new(&self.text);
        let shown = self.diagnostics.len().min(MAX_RENDERED);
        let starts: Vec<usize> = self.diagnostics[..shown]
            .iter()
            .map(|d| d.span.as_ref().map_or(0, |s| s.start))
            .collect();
        for (d, pos) in self.diagnostics.iter().zip(lines.positions(&starts)) {
            self.render_one(d, &lines, pos, &mut out);
            out.push('\n');
        }
        if self.total() > shown {
            let _ = writeln!(
                out,
                "… and {} more not shown; fix these first, then check the file again\n",
                self.total() - shown
            );
        }
        let (e, w) = (self.errors(), self.warnings());
        let _ = writeln!(
            out,
            "{}: {} error{}, {} warning{}",
            self.file,
            e,
            if e == 1 { "" } else { "s" },
            w,
            if w == 1 { "" } else { "s" }
        );
        out
    }

    fn render_one(&self, d: &Diagnostic, lines: &Lines<'_>, pos: Position, out: &mut String) {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{kind}[{}]: {}", d.code, terminal_safe(&d.message));
        match &d.span {
            Some(span) => {
                let pad = lines.write_place(out, &self.file, pos, span);
                let _ = writeln!(out, "{pad} = hint: {}", terminal_safe(&d.hint));
            }
            None => {
                let _ = writeln!(out, " --> {}", self.file);
                let _ = writeln!(out, "  = hint: {}", terminal_safe(&d.hint));
            }
        }
    }

    /// The diagnostics as JSON, for editors and scripts: the kept ones listed, and how many
    /// more there are (`unlisted`).
    pub fn to_json(&self) -> serde_json::Value {
        let offsets: Vec<usize> = self
            .diagnostics
            .iter()
            .flat_map(|d| d.span.as_ref().map_or([0, 0], |s| [s.start, s.end]))
            .collect();
        let places = Lines::new(&self.text).positions(&offsets);
        let items: Vec<_> = self
            .diagnostics
            .iter()
            .zip(places.chunks(2))
            .map(|(d, place)| {
                let pos = d.span.as_ref().map(|_| place[0]);
                let end = d.span.as_ref().map(|_| place[1]);
                serde_json::json!({
                    "file": self.file,
                    "severity": d.severity,
                    "code": d.code,
                    "message": d.message,
                    "hint": d.hint,
                    "line": pos.map(|p| p.line),
                    "column": pos.map(|p| p.column),
                    "end_line": end.map(|p| p.line),
                    "end_column": end.map(|p| p.column),
                })
            })
            .collect();
        serde_json::json!({
            "file": self.file,
            "valid": self.errors() == 0,
            "errors": self.errors(),
            "warnings": self.warnings(),
            "diagnostics": items,
            "unlisted": self.total() - self.diagnostics.len(),
        })
    }
}

/// Characters of a long line shown around the place, so a minified or machine-written file
/// still gives a readable excerpt.
const EXCERPT_CHARS: usize = 100;

/// The line as shown (terminal-safe, clipped around the place when long), the display width
/// before the caret, and the caret's width. `at` is the place's byte in the line; `spanned`
/// counts characters. Only the shown part of the line is looked at, however long the line.
fn excerpt(line: &str, at: usize, spanned: usize) -> (String, usize, usize) {
    let long = line.char_indices().nth(EXCERPT_CHARS).is_some();
    let first = if long {
        line[..at]
            .char_indices()
            .rev()
            .nth(EXCERPT_CHARS / 3 - 1)
            .map_or(0, |(i, _)| i)
    } else {
        0
    };
    let last = line[first..]
        .char_indices()
        .nth(EXCERPT_CHARS)
        .map_or(line.len(), |(i, _)| first + i);
    let open = if first > 0 { "…" } else { "" };
    let close = if last < line.len() { "…" } else { "" };
    let shown = format!("{open}{}{close}", terminal_safe(&line[first..last]));
    let lead = open.width() + terminal_safe(&line[first..at]).width();
    let caret_end = line[at..last]
        .char_indices()
        .nth(spanned.max(1))
        .map_or(last, |(i, _)| at + i);
    let len = terminal_safe(&line[at..caret_end]).width().max(1);
    (shown, lead, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position(text, 6), Position { line: 2, column: 1 });
        // 'é' is two bytes; the '=' after "bé " is the fourth character.
        assert_eq!(position(text, 10), Position { line: 2, column: 4 });
        assert_eq!(position(text, 999), Position { line: 3, column: 1 });
    }

    #[test]
    fn render_puts_a_caret_under_the_place() {
        let found = Diagnostics {
            file: "q.toml".into(),
            text: "[meta]\nstart = \"nowhere\"\n".into(),
            diagnostics: vec![
                Diagnostic::error("unknown-start", "no question `nowhere`", "name a question")
                    .at(Some(15..24)),
            ],
            ..Diagnostics::default()
        };
        let out = found.render();
        assert!(out.contains("--> q.toml:2:9"), "{out}");
        assert!(out.contains("2 | start = \"nowhere\""), "{out}");
        assert!(out.contains("  |         ^^^^^^^^^"), "{out}");
        assert!(out.contains("1 error, 0 warnings"), "{out}");
    }

    #[test]
    fn a_long_line_is_shown_around_the_place() {
        let text = format!("x = \"{}\" # {}\n", "a".repeat(5000), "b".repeat(5000));
        let found = Diagnostics {
            file: "q.toml".into(),
            text: text.clone(),
            diagnostics: vec![Diagnostic::error("syntax", "here", "fix it").at(Some(5007..5008))],
            ..Diagnostics::default()
        };
        let out = found.render();
        assert!(out.contains("--> q.toml:1:5008"), "{out}");
        let shown = out
            .lines()
            .find(|l| l.starts_with("1 | "))
            .unwrap_or_default();
        assert!(
            shown.starts_with("1 | …") && shown.ends_with('…'),
            "{shown}"
        );
        assert!(shown.chars().count() < 120, "{shown}");
        let caret = out.lines().find(|l| l.contains('^')).unwrap_or_default();
        let column = |line: &str, c: char| line.chars().position(|x| x == c);
        assert_eq!(
            column(caret, '^'),
            column(shown, '#'),
            "caret under `#`:\n{out}"
        );
    }

    #[test]
    fn hostile_text_in_a_line_is_shown_safely() {
        let found = Diagnostics {
            file: "q.toml".into(),
            text: "a = \"\u{1b}]52;c;eA==\u{7}\u{202e}\" x\n".into(),
            diagnostics: vec![Diagnostic::error("syntax", "bad \u{1b}[2J", "fix").at(Some(22..23))],
            ..Diagnostics::default()
        };
        let out = found.render();
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{out:?}"
        );
        let caret = out.lines().find(|l| l.contains('^')).unwrap_or_default();
        let shown = out
            .lines()
            .find(|l| l.starts_with("1 | "))
            .unwrap_or_default();
        // Every character before the place is one column wide once cleaned, so the caret
        // sits under the `x`.
        let column = |line: &str, c: char| line.chars().position(|x| x == c);
        assert_eq!(column(caret, '^'), column(shown, 'x'), "{out}");
    }

    /// The one-pass positions agree with counting from the start, at every byte of a text with
    /// multi-byte characters, CRLF line ends and an empty line, asked in any order.
    #[test]
    fn positions_in_one_pass_match_counting_each() {
        let text = "a = 1\r\nbé = \"ü\"\n\n  x\n";
        let counted = |offset: usize| {
            let mut offset = offset.min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            let before = &text[..offset];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            Position {
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
            }
        };
        let offsets: Vec<usize> = (0..text.len() + 3).rev().chain([4, 0, 9]).collect();
        let lines = Lines::new(text);
        for (offset, pos) in offsets.iter().zip(lines.positions(&offsets)) {
            assert_eq!(pos, counted(*offset), "offset {offset}");
        }
    }

    #[test]
    fn many_problems_on_one_long_line_are_placed_in_one_pass() {
        // A minified file: 50,000 problems on one 1 MB line. Counting each column from the
        // line's start would be 25 billion character steps.
        let text = "x = 1, ".repeat(150_000);
        let diagnostics = (0..50_000)
            .map(|i| Diagnostic::error("syntax", "here", "fix").at(Some(i * 21..i * 21 + 1)))
            .collect();
        let found = Diagnostics {
            file: "q.toml".into(),
            text,
            diagnostics,
            ..Diagnostics::default()
        };
        let json = found.to_json();
        assert_eq!(json["diagnostics"][49_999]["column"], 49_999 * 21 + 1);
        let out = found.render();
        assert!(out.contains("--> q.toml:1:2080"), "{out}");
        assert!(out.len() < 40_000, "{} bytes", out.len());
    }

    #[test]
    fn past_a_hundred_problems_the_rest_are_counted() {
        let found = Diagnostics {
            file: "q.toml".into(),
            diagnostics: (0..250)
                .map(|i| {
                    Diagnostic::error("syntax", "no value", "add one").at(Some(2 * i..2 * i + 1))
                })
                .collect(),
            text: "x\n".repeat(250),
            ..Diagnostics::default()
        };
        let out = found.render();
        assert_eq!(out.matches("error[syntax]").count(), MAX_RENDERED);
        assert!(out.contains("--> q.toml:100:1"), "{out}");
        assert!(!out.contains("--> q.toml:101:1"), "{out}");
        assert!(out.contains("… and 150 more not shown"), "{out}");
        assert!(out.ends_with("q.toml: 250 errors, 0 warnings\n"), "{out}");
        assert_eq!(found.to_json()["diagnostics"][249]["line"], 250);
    }

    #[test]
    fn many_diagnostics_in_a_big_file_are_all_placed() {
        // 20,000 problems on 20,000 lines: linear work, where scanning from the top for each
        // would be 400 million line checks. The JSON places them all; rendering shows the
        // first hundred, the last of them from the end of the file.
        let text = "x = 1\n".repeat(20_000);
        let diagnostics = (0..20_000)
            .rev()
            .map(|i| Diagnostic::error("syntax", "here", "fix").at(Some(i * 6..i * 6 + 1)))
            .collect();
        let found = Diagnostics {
            file: "q.toml".into(),
            text,
            diagnostics,
            ..Diagnostics::default()
        };
        let out = found.render();
        assert!(out.contains("--> q.toml:20000:1"));
        assert!(out.contains("--> q.toml:19901:1"));
        assert_eq!(found.to_json()["diagnostics"][0]["line"], 20_000);
    }
}
