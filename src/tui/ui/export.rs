//! Writing the report, over the result screen: the three formats, and where the last report
//! went (its full path) or why it could not be written.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use techhire::text::terminal_safe_multiline;

use super::draw_lines;
use crate::tui::layout::centered;
use crate::tui::overlays::export::{ExportMenu, FORMATS, Written};
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap, wrap_indented};

const WIDTH: u16 = 72;

fn lines(menu: &ExportMenu, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = wrap(
        &[Span::styled(
            "Which format? The report goes in your reports folder (`techhire config` shows \
             it), named for the client and the date; nothing already there is replaced.",
            theme.muted,
        )],
        width,
    );
    out.push(Line::default());
    let name_width = FORMATS
        .iter()
        .map(|(_, name, _)| wrap::width(name))
        .max()
        .unwrap_or(0);
    for (i, (_, name, what)) in FORMATS.iter().enumerate() {
        let highlighted = i == menu.choice;
        let marker = if highlighted { "❯ " } else { "  " };
        let mut line = Line::from(vec![
            Span::styled(format!("{marker}{}  ", i + 1), theme.key),
            Span::styled(
                format!("{name:<name_width$}  "),
                if highlighted {
                    theme.accent
                } else {
                    theme.text
                },
            ),
            Span::styled(*what, theme.muted),
        ]);
        if highlighted {
            line.style = theme.selected;
        }
        out.push(line);
    }
    match &menu.written {
        None => {}
        Some(Written::To { format, path }) => {
            out.push(Line::default());
            out.extend(wrap_indented(
                Span::styled("✓ ", theme.accent),
                &[Span::styled(
                    format!("Wrote the {format} report to"),
                    theme.accent,
                )],
                width,
            ));
            out.extend(wrap_indented(
                Span::raw("  "),
                &[Span::styled(
                    terminal_safe_multiline(path).into_owned(),
                    theme.text,
                )],
                width,
            ));
        }
        Some(Written::Failed { format, why }) => {
            out.push(Line::default());
            out.extend(wrap_indented(
                Span::styled("✗ ", theme.warn),
                &[Span::styled(
                    format!(
                        "The {format} report was not written: {}",
                        terminal_safe_multiline(why)
                    ),
                    theme.warn,
                )],
                width,
            ));
        }
    }
    out
}

/// Draws the overlay over `area`, the whole screen.
pub fn render(menu: &ExportMenu, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = WIDTH.min(area.width.saturating_sub(4));
    let inner_width = usize::from(width.saturating_sub(4));
    let lines = lines(menu, theme, inner_width);
    let outer = centered(
        area,
        width,
        (lines.len() as u16 + 2).min(area.height.saturating_sub(2)),
    );
    Clear.render(outer, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(" Write the report ", theme.heading))
        .title_bottom(
            Line::from(vec![
                Span::styled(" 1-3", theme.key),
                Span::styled(" or ", theme.muted),
                Span::styled("Enter", theme.key),
                Span::styled(" writes · ", theme.muted),
                Span::styled("Esc", theme.key),
                Span::styled(" closes ", theme.muted),
            ])
            .right_aligned(),
        )
        .render(outer, buf);
    let inner = Rect::new(
        outer.x + 2,
        outer.y + 1,
        outer.width.saturating_sub(4),
        outer.height.saturating_sub(2),
    );
    // A long error is cut at the box's foot rather than scrolled: the path and the first
    // lines of the reason are what matter.
    draw_lines(buf, inner, &lines, 0);
}
