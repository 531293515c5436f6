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
}

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

    /// Renders every diagnostic the way compilers do, followed by a one-line summary.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            self.render_one(d, &mut out);
            out.push('\n');
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

    fn render_one(&self, d: &Diagnostic, out: &mut String) {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{kind}[{}]: {}", d.code, clean_line(&d.message));
        match &d.span {
            Some(span) => {
                let pos = position(&self.text, span.start);
                let line = self.text.lines().nth(pos.line - 1).unwrap_or("");
                let shown = clean_line(line);
                let gutter = pos.line.to_string();
                let pad = " ".repeat(gutter.len());
                let _ = writeln!(out, "{pad}--> {}:{}:{}", self.file, pos.line, pos.column);
                let prefix: String = line.chars().take(pos.column - 1).collect();
                let lead = clean_line(&prefix).width();
                let rest = &self.text[span.start.min(self.text.len())..];
                let len = rest[..(span.end.saturating_sub(span.start)).min(rest.len())]
                    .split('\n')
                    .next()
                    .map_or(1, |s| clean_line(s).width().max(1));
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{gutter} | {shown}");
                let _ = writeln!(out, "{pad} | {}{}", " ".repeat(lead), "^".repeat(len));
                let _ = writeln!(out, "{pad} = hint: {}", clean_line(&d.hint));
            }
            None => {
                let _ = writeln!(out, " --> {}", self.file);
                let _ = writeln!(out, "  = hint: {}", clean_line(&d.hint));
            }
        }
    }

    /// The diagnostics as JSON, for editors and scripts.
    pub fn to_json(&self) -> serde_json::Value {
        let items: Vec<_> = self
            .diagnostics
            .iter()
            .map(|d| {
                let pos = d.span.as_ref().map(|s| position(&self.text, s.start));
                let end = d.span.as_ref().map(|s| position(&self.text, s.end));
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
}
