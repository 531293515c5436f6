//! Draws the note editor: a box over the screen with the question the note is on, the text with its
//! cursor, wrapped by display width and scrolled to keep the cursor in view, and the keys that
//! save and close it on the box's edge.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::{draw_lines, scrollbar};
use crate::tui::layout::note::Plan;
use crate::tui::overlays::note::NoteEdit;
use crate::tui::theme::Theme;
use crate::tui::wrap::truncate;

/// Draws the editor laid out by `plan` over `area`, the whole screen; returns where the cursor
/// goes.
pub fn render(
    note: &NoteEdit,
    plan: &Plan,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let (outer, text_area) = (plan.outer, plan.text);
    Clear.render(outer, buf);
    let hint = if note.confirming {
        Line::from(vec![
            Span::styled(" Save the changes?  ", theme.warn),
            Span::styled("y", theme.key),
            Span::styled(" save · ", theme.muted),
            Span::styled("n", theme.key),
            Span::styled(" discard · ", theme.muted),
            Span::styled("Esc", theme.key),
            Span::styled(" keep writing ", theme.muted),
        ])
    } else {
        Line::from(vec![
            Span::styled(" Ctrl-S", theme.key),
            Span::styled(" save · ", theme.muted),
            Span::styled("Ctrl-P", theme.key),
            Span::styled(
                if note.private {
                    " for the client · "
                } else {
                    " private · "
                },
                theme.muted,
            ),
            Span::styled("Esc", theme.key),
            Span::styled(" close ", theme.muted),
        ])
    };
    // A private note looks different at a glance: its own title and border colour.
    let (title, border) = if note.private {
        (" ✎ Private note: not in the client's report ", theme.warn)
    } else {
        (" ✎ Note for the client ", theme.border)
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .title(Span::styled(
            title,
            if note.private {
                theme.warn
            } else {
                theme.heading
            },
        ))
        .title_bottom(hint.right_aligned())
        .render(outer, buf);
    draw_lines(buf, plan.prompt, &plan.prompt_lines, 0);
    let width = plan.text_width();
    let editor = &note.editor;
    // Only the rows in view.
    let (lines, rows): (Vec<Line>, usize) = editor.with_rows(width, |rows| {
        let shown = rows
            .iter()
            .skip(note.scroll)
            .take(usize::from(text_area.height))
            .map(|r| Line::from(Span::styled(&editor.text()[r.start..r.end], theme.text)))
            .collect();
        (shown, rows.len())
    });
    draw_lines(buf, text_area, &lines, 0);
    if editor.text().is_empty() {
        let placeholder = truncate(
            if note.private {
                "Type the note here; it is kept with the session, for you only."
            } else {
                "Type the note here; it is kept with the session and goes in the report."
            },
            usize::from(text_area.width),
        );
        buf.set_string(text_area.x, text_area.y, placeholder, theme.muted);
    }
    let bar = Rect::new(
        outer.right().saturating_sub(2),
        text_area.y,
        1,
        text_area.height,
    );
    scrollbar(buf, bar, rows, note.scroll, theme);
    let (row, column) = editor.cursor_at(width);
    let row = row.checked_sub(note.scroll)?;
    (row < usize::from(text_area.height) && text_area.width > 0)
        .then(|| Position::new(text_area.x + column as u16, text_area.y + row as u16))
        .filter(|p| area.contains(*p))
}
