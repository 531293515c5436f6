//! Writing the report, over the result screen: the formats, the consultant's copy switch, and
//! every report written while the box is open (its full path) or why one could not be.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use techhire::text::terminal_safe_multiline;

use super::draw_lines;
use crate::tui::layout::centered;
use techhire::session::Audience;

use crate::tui::overlays::export::{ExportMenu, FORMATS, KEYS, Written};
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap, wrap_indented};

const WIDTH: u16 = 72;

fn lines(menu: &ExportMenu, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let folder = menu.folder.as_deref().map_or_else(
        || "your reports folder (`techhire config` shows it)".to_string(),
        |folder| terminal_safe_multiline(folder).into_owned(),
    );
    let mut out = wrap(
        &[Span::styled(
            format!(
                "Which format? The report goes in {folder}, named for the client and the \
                 date; nothing already there is replaced."
            ),
            theme.muted,
        )],
        width,
    );
    out.push(Line::default());
    let name_width = FORMATS
        .iter()
        .map(|f| wrap::width(f.name()))
        .max()
        .unwrap_or(0);
    for (i, format) in FORMATS.iter().enumerate() {
        let (name, what) = (format.name(), format.purpose());
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
            Span::styled(what, theme.muted),
        ]);
        if highlighted {
            line.style = theme.selected;
        }
        out.push(line);
    }
    out.push(Line::default());
    let (check, style) = match menu.copy {
        Audience::Client => ("[ ]", theme.muted),
        Audience::Consultant => ("[x]", theme.warn),
    };
    out.extend(wrap_indented(
        Span::styled(format!("  c  {check} "), theme.key),
        &[Span::styled(
            "Consultant's copy: with your private notes, not for the client",
            style,
        )],
        width,
    ));
    out
}

/// Every report written while the box is open, oldest first.
fn written(menu: &ExportMenu, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for Written {
        format,
        copy,
        result,
    } in &menu.written
    {
        let what = match copy {
            Audience::Client => format!("{format} report"),
            Audience::Consultant => format!("{format} consultant's copy"),
        };
        match result {
            Ok(path) => {
                out.extend(wrap_indented(
                    Span::styled("✓ ", theme.accent),
                    &[
                        Span::styled(format!("{what}: "), theme.accent),
                        Span::styled(terminal_safe_multiline(path).into_owned(), theme.text),
                    ],
                    width,
                ));
            }
            Err(why) => {
                out.extend(wrap_indented(
                    Span::styled("✗ ", theme.warn),
                    &[Span::styled(
                        format!(
                            "The {what} was not written: {}",
                            terminal_safe_multiline(why)
                        ),
                        theme.warn,
                    )],
                    width,
                ));
            }
        }
    }
    out
}

/// Draws the overlay over `area`, the whole screen.
pub fn render(menu: &ExportMenu, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = WIDTH.min(area.width.saturating_sub(4));
    let inner_width = usize::from(width.saturating_sub(4));
    let mut lines = lines(menu, theme, inner_width);
    let mut done = written(menu, theme, inner_width);
    // The newest reports stay in view when there are more than the screen holds.
    let room = usize::from(area.height.saturating_sub(4)).saturating_sub(lines.len() + 1);
    if !done.is_empty() {
        done.drain(..done.len().saturating_sub(room));
        lines.push(Line::default());
        lines.extend(done);
    }
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
                Span::styled(format!(" {KEYS}"), theme.key),
                Span::styled(" or ", theme.muted),
                Span::styled("Enter", theme.key),
                Span::styled(" writes · ", theme.muted),
                Span::styled("c", theme.key),
                Span::styled(" copy · ", theme.muted),
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
