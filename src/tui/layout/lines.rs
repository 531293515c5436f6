//! Styled lines the plans are built from: section headings, bullets, and notes marked ✎ (a
//! private note in the warning colour and labelled, so it is never taken for the client's).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap_indented};

/// A section heading in the body's style.
pub fn heading(text: &str, theme: &Theme) -> Line<'static> {
    Line::from(Span::styled(text.to_string(), theme.heading))
}

/// A bulleted item, wrapped with a hanging indent.
pub fn bullet(text: &str, style: Style, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let text = techhire::text::terminal_safe(text);
    wrap_indented(
        Span::styled("• ", theme.muted),
        &[Span::styled(text.into_owned(), style)],
        width,
    )
}

/// A note, marked ✎, wrapped with a hanging indent and cut to `rows` rows (0: no limit); the
/// note's own line breaks are kept. A private note starts "Private:".
pub fn note_lines(
    note: &str,
    private: bool,
    width: usize,
    rows: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let text = techhire::text::terminal_safe_multiline(note.trim()).into_owned();
    let (marker_style, label) = if private {
        (theme.warn, vec![Span::styled("Private: ", theme.warn)])
    } else {
        (theme.accent, Vec::new())
    };
    let mut spans = label;
    spans.push(Span::styled(text, theme.muted));
    let mut lines = wrap_indented(Span::styled("✎ ", marker_style), &spans, width);
    if rows > 0 && lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let cut = wrap::truncate(&format!("{last} …"), width);
            let (marker, rest) =
                cut.split_at(cut.find(|c: char| c != '✎' && c != ' ').unwrap_or(0));
            *last = Line::from(vec![
                Span::styled(marker.to_string(), marker_style),
                Span::styled(rest.to_string(), theme.muted),
            ]);
        }
    }
    lines
}
