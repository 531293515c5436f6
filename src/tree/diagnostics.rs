//! Problems found in a question-tree file, and their rendering for people (file:line:column,
//! the offending line, a caret under the place, a hint) and for programs (JSON).

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

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
    positions(text, &[offset])[0].0
}

/// Lines and columns of many offsets in one pass over the text (as [`position`] each), with
/// the byte where each one's line starts. One pass, not one per offset: a file can have a
/// hundred thousand problems, all on one long line.
fn positions(text: &str, offsets: &[usize]) -> Vec<(Position, usize)> {
    let boundary = |offset: usize| {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    };
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| boundary(offsets[i]));
    let mut found = vec![(Position { line: 1, column: 1 }, 0); offsets.len()];
    let (mut at, mut line, mut column, mut line_start) = (0, 1, 1, 0);
    for i in order {
        let target = boundary(offsets[i]);
        for (j, c) in text[at..target].char_indices() {
            if c == '\n' {
                line += 1;
                column = 1;
                line_start = at + j + 1;
            } else {
                column += 1;
            }
        }
        at = target;
        found[i] = (Position { line, column }, line_start);
    }
    found
}

/// Characters of a line shown before the place a diagnostic points at; a line longer than the
/// window (a minified or generated file can be one line of megabytes) is cut around the place.
const CONTEXT_BEFORE: usize = 40;
/// Characters shown from the place onwards.
const CONTEXT_AFTER: usize = 80;

/// Diagnostics rendered in full; the rest are counted. A hundred is more than anyone reads
/// before fixing the first, and keeps a broken generated file from printing megabytes.
pub const MAX_RENDERED: usize = 100;

/// The diagnostics of one file, with the text they point into.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file's name as the user gave it.
    pub file: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// Renders the diagnostics (the first [`MAX_RENDERED`]) the way compilers do, followed by
    /// a one-line summary.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let shown = &self.diagnostics[..self.diagnostics.len().min(MAX_RENDERED)];
        let starts: Vec<usize> = shown
            .iter()
            .map(|d| d.span.as_ref().map_or(0, |s| s.start))
            .collect();
        for (d, (pos, line_start)) in shown.iter().zip(positions(&self.text, &starts)) {
            self.render_one(d, pos, line_start, &mut out);
            out.push('\n');
        }
        let hidden = self.diagnostics.len() - shown.len();
        if hidden > 0 {
            let _ = writeln!(
                out,
                "… and {hidden} more not shown; fix these first, then check the file again\n"
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

    fn render_one(&self, d: &Diagnostic, pos: Position, line_start: usize, out: &mut String) {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{kind}[{}]: {}", d.code, clean_line(&d.message));
        match &d.span {
            Some(span) => {
                let gutter = pos.line.to_string();
                let pad = " ".repeat(gutter.len());
                let _ = writeln!(out, "{pad}--> {}:{}:{}", self.file, pos.line, pos.column);
                let (before, place, after) = self.window(line_start, span);
                let lead = clean_line(&before).width();
                let len = clean_line(place).width().max(1);
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{gutter} | {before}{}{after}", clean_line(place));
                let _ = writeln!(out, "{pad} | {}{}", " ".repeat(lead), "^".repeat(len));
                let _ = writeln!(out, "{pad} = hint: {}", clean_line(&d.hint));
            }
            None => {
                let _ = writeln!(out, " --> {}", self.file);
                let _ = writeln!(out, "  = hint: {}", clean_line(&d.hint));
            }
        }
    }

    /// The line a span starts on, cut to a window around the span: the cleaned text before
    /// it (with "…" when cut), the span's own text on that line (raw), and the cleaned rest.
    fn window(&self, line_start: usize, span: &Range<usize>) -> (String, &str, String) {
        let text = self.text.as_str();
        let boundary = |mut offset: usize| {
            offset = offset.min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            offset
        };
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        // A CRLF file's lines end in '\r', which is not part of the line.
        let line_end = if line_end < text.len() && line.ends_with('\r') {
            line_end - 1
        } else {
            line_end
        };
        let start = boundary(span.start).clamp(line_start, line_end);
        let before_text = &text[line_start..start];
        let cut_before = before_text
            .char_indices()
            .rev()
            .nth(CONTEXT_BEFORE - 1)
            .map_or(0, |(i, _)| i);
        let mut before = clean_line(&before_text[cut_before..]);
        if cut_before > 0 {
            before.insert(0, '…');
        }
        let rest = &text[start..line_end];
        let shown_end = rest
            .char_indices()
            .nth(CONTEXT_AFTER)
            .map_or(rest.len(), |(i, _)| i);
        let place_end = boundary(span.end.max(span.start)).clamp(start, start + shown_end);
        let place = &text[start..place_end];
        let mut after = clean_line(&text[place_end..start + shown_end]);
        if shown_end < rest.len() {
            after.push('…');
        }
        (before, place, after)
    }

    /// The diagnostics as JSON, for editors and scripts.
    pub fn to_json(&self) -> serde_json::Value {
        let offsets: Vec<usize> = self
            .diagnostics
            .iter()
            .flat_map(|d| d.span.as_ref().map_or([0, 0], |s| [s.start, s.end]))
            .collect();
        let places = positions(&self.text, &offsets);
        let items: Vec<_> = self
            .diagnostics
            .iter()
            .zip(places.chunks(2))
            .map(|(d, place)| {
                let pos = d.span.as_ref().map(|_| place[0].0);
                let end = d.span.as_ref().map(|_| place[1].0);
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
        })
    }
}

/// Replaces control characters (tabs included, so carets line up) with visible stand-ins, so
/// a hostile file cannot send escape sequences to the terminal through an error message.
fn clean_line(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
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
        let report = Report {
            file: "q.toml".into(),
            text: "[meta]\nstart = \"nowhere\"\n".into(),
            diagnostics: vec![
                Diagnostic::error("unknown-start", "no question `nowhere`", "name a question")
                    .at(Some(15..24)),
            ],
        };
        let out = report.render();
        assert!(out.contains("--> q.toml:2:9"), "{out}");
        assert!(out.contains("2 | start = \"nowhere\""), "{out}");
        assert!(out.contains("  |         ^^^^^^^^^"), "{out}");
        assert!(out.contains("1 error, 0 warnings"), "{out}");
    }

    /// The one-pass positions agree with counting from the start, at every byte of a text with
    /// multi-byte characters, CRLF line ends and an empty line.
    #[test]
    fn positions_in_one_pass_match_counting_each() {
        let text = "a = 1\r\nbé = \"ü\"\n\n  x\n";
        let naive = |offset: usize| {
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
        let offsets: Vec<usize> = (0..text.len() + 3).rev().collect();
        for (offset, (pos, _)) in offsets.iter().zip(positions(text, &offsets)) {
            assert_eq!(pos, naive(*offset), "offset {offset}");
        }
    }

    #[test]
    fn a_long_line_is_shown_cut_around_the_place() {
        let text = format!(
            "title = \"{}\" oops {}",
            "x".repeat(100_000),
            "y".repeat(100_000)
        );
        let at = text.find("oops").unwrap();
        let report = Report {
            file: "q.toml".into(),
            text,
            diagnostics: vec![
                Diagnostic::error("syntax", "what is oops", "remove it").at(Some(at..at + 4)),
            ],
        };
        let out = report.render();
        assert!(out.len() < 1000, "{} bytes", out.len());
        assert!(out.contains(&format!("--> q.toml:1:{}", at + 1)), "{out}");
        let shown = format!("1 | …{}\" oops {}…", "x".repeat(38), "y".repeat(75));
        assert!(out.contains(&shown), "{out}");
        assert!(
            out.contains(&format!("  | {}^^^^\n", " ".repeat(41))),
            "{out}"
        );
    }

    #[test]
    fn past_a_hundred_problems_the_rest_are_counted() {
        let text = "x\n".repeat(250);
        let report = Report {
            file: "q.toml".into(),
            diagnostics: (0..250)
                .map(|i| {
                    Diagnostic::error("syntax", "no value", "add one").at(Some(2 * i..2 * i + 1))
                })
                .collect(),
            text,
        };
        let out = report.render();
        assert_eq!(out.matches("error[syntax]").count(), MAX_RENDERED);
        assert!(out.contains("--> q.toml:100:1"), "{out}");
        assert!(!out.contains("--> q.toml:101:1"), "{out}");
        assert!(out.contains("… and 150 more not shown"), "{out}");
        assert!(out.ends_with("q.toml: 250 errors, 0 warnings\n"), "{out}");
        assert_eq!(report.to_json()["diagnostics"][249]["line"], 250);
    }
}
