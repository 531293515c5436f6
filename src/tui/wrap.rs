//! Text fitted to the screen by display width, so CJK characters and emoji (two columns each)
//! wrap and truncate where the terminal will actually put them.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A line's width in columns, and one line cut to a width with "…": the engine's, so screens,
/// tables and reports measure and cut alike.
pub use techhire::text::{cut, truncate, width};

/// Wraps styled text into lines at most `width` columns wide, breaking at spaces where it can
/// and inside a word only when the word alone is too wide (as CJK text, which has no spaces,
/// is). Newlines start new lines. Empty text gives no lines.
pub fn wrap(parts: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    // Most labels fit on one line as they are: no need to take them apart.
    if parts.iter().map(|p| p.content.width()).sum::<usize>() <= width {
        let joined: String = parts.iter().map(|p| p.content.as_ref()).collect();
        let tidy = !joined.is_empty()
            && joined.trim() == joined
            && !joined.contains("  ")
            && !joined.contains(['\n', '\t', '\r']);
        if tidy {
            let spans = parts
                .iter()
                .map(|p| Span::styled(p.content.to_string(), p.style));
            return vec![Line::from(spans.collect::<Vec<_>>())];
        }
    }
    let mut wrapper = Wrapper {
        width: width.max(1),
        ..Wrapper::default()
    };
    for part in parts {
        let text = part.content.as_ref();
        let mut word_start = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(start) = word_start.take() {
                    wrapper.piece(&text[start..i], part.style);
                }
                wrapper.flush_word();
                if c == '\n' {
                    wrapper.end_line();
                }
            } else if word_start.is_none() {
                word_start = Some(i);
            }
        }
        // A word running into the next part stays glued to it ("CIO" + ",").
        if let Some(start) = word_start {
            wrapper.piece(&text[start..], part.style);
        }
    }
    wrapper.flush_word();
    if !wrapper.line.is_empty() {
        wrapper.end_line();
    }
    wrapper.lines
}

/// Wraps text and puts `first` in front of its first line and blanks of the same width in
/// front of the others: a hanging indent, for bullets and numbered choices.
pub fn wrap_indented(first: Span<'static>, parts: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    let indent = first.width();
    let mut lines = wrap(parts, width.saturating_sub(indent));
    for (i, line) in lines.iter_mut().enumerate() {
        let prefix = if i == 0 {
            first.clone()
        } else {
            Span::raw(" ".repeat(indent))
        };
        line.spans.insert(0, prefix);
    }
    lines
}

#[derive(Default)]
struct Wrapper<'a> {
    width: usize,
    lines: Vec<Line<'static>>,
    line: Vec<Span<'static>>,
    line_width: usize,
    /// The word being read: pieces of the text with their style, no spaces between them.
    word: Vec<(&'a str, Style)>,
    word_width: usize,
}

impl<'a> Wrapper<'a> {
    fn piece(&mut self, text: &'a str, style: Style) {
        self.word.push((text, style));
        self.word_width += text.width();
    }

    /// Adds text to the current line, into the last span when the style matches.
    fn put(&mut self, text: &str, style: Style) {
        match self.line.last_mut() {
            Some(span) if span.style == style => span.content.to_mut().push_str(text),
            _ => self.line.push(Span::styled(text.to_string(), style)),
        }
    }

    fn flush_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let word = std::mem::take(&mut self.word);
        let word_width = std::mem::take(&mut self.word_width);
        if self.line_width > 0 && self.line_width + 1 + word_width <= self.width {
            // The space takes the style of the word before it, as it had in the text.
            let style = self.line.last().map(|s| s.style).unwrap_or_default();
            self.put(" ", style);
            self.line_width += 1;
        } else if self.line_width > 0 {
            self.end_line();
        }
        if self.line_width + word_width <= self.width {
            for (text, style) in &word {
                self.put(text, *style);
            }
            self.line_width += word_width;
        } else {
            // Too wide for any line: break it between characters.
            for (text, style) in &word {
                for (i, c) in text.char_indices() {
                    let w = c.width().unwrap_or(0);
                    if self.line_width + w > self.width && self.line_width > 0 {
                        self.end_line();
                    }
                    self.put(&text[i..i + c.len_utf8()], *style);
                    self.line_width += w;
                }
            }
        }
        // Keep the allocation for the next word.
        self.word = word;
        self.word.clear();
    }

    fn end_line(&mut self) {
        self.lines.push(Line::from(std::mem::take(&mut self.line)));
        self.line_width = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str, width: usize) -> Vec<String> {
        wrap(&[Span::raw(text)], width)
            .iter()
            .map(|l| l.to_string())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        assert_eq!(
            plain("Run and modernise our core systems", 12),
            ["Run and", "modernise", "our core", "systems"]
        );
    }

    #[test]
    fn cjk_wraps_by_columns_not_characters() {
        // Each character is two columns wide: five fit in ten columns.
        let lines = plain("技術責任者を採用するべきですか", 10);
        assert_eq!(lines, ["技術責任者", "を採用する", "べきですか"]);
    }

    #[test]
    fn emoji_count_as_two_columns() {
        assert_eq!(plain("🚀🚀🚀 go", 5), ["🚀🚀", "🚀 go"]);
    }

    #[test]
    fn a_wide_character_never_overflows_a_one_column_line() {
        assert_eq!(plain("日本", 1), ["日", "本"]);
    }

    #[test]
    fn newlines_start_new_lines_and_empty_text_has_none() {
        assert_eq!(plain("one\n\ntwo", 20), ["one", "", "two"]);
        assert!(plain("", 20).is_empty());
        assert!(plain("  ", 20).is_empty());
    }

    #[test]
    fn styles_survive_wrapping_and_glued_words_stay_together() {
        let bold = Style::new().bold();
        let lines = wrap(&[Span::styled("Hire a CIO", bold), Span::raw(", soon")], 10);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].to_string(), "Hire a");
        assert_eq!(lines[1].to_string(), "CIO, soon");
        assert_eq!(lines[1].spans[0].style, bold);
        assert_eq!(lines[1].spans[1].style, Style::new());
    }

    #[test]
    fn hanging_indent_lines_up_the_continuation() {
        let lines = wrap_indented(Span::raw("· "), &[Span::raw("one two three")], 9);
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, ["· one two", "  three"]);
    }

    #[test]
    fn truncation_marks_what_was_cut() {
        assert_eq!(truncate("Hire a CIO", 20), "Hire a CIO");
        assert_eq!(truncate("Hire a CIO", 6), "Hire…");
        assert_eq!(truncate("採用する", 5), "採用…");
        assert_eq!(truncate("abc", 0), "");
    }
}
