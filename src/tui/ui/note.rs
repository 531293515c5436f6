//! The note editor: a box over the screen with the question the note is on, the text with its
//! cursor, wrapped by display width and scrolled to keep the cursor in view, and the keys that
//! save and close it on the box's edge.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use techhire::text::terminal_safe;

use super::{centered, draw_lines, scrollbar};
use crate::tui::app::App;
use crate::tui::wrap::{truncate, wrap};

const WIDTH: u16 = 80;
const HEIGHT: u16 = 20;
/// Rows the question takes at the top of the box, at the most.
const PROMPT_ROWS: usize = 2;

/// The box, the question's rows and the text area, on a screen `app.width` x `app.height`.
fn boxes(app: &App) -> (Rect, Rect, Rect) {
    let screen = Rect::new(0, 0, app.width, app.height);
    let outer = centered(
        screen,
        WIDTH.min(app.width.saturating_sub(4)),
        HEIGHT.min(app.height.saturating_sub(2)),
    );
    let inner = Rect::new(
        outer.x + 2,
        outer.y + 1,
        outer.width.saturating_sub(5),
        outer.height.saturating_sub(2),
    );
    let prompt_rows = prompt(app, usize::from(inner.width)).len() as u16;
    let prompt = Rect {
        height: prompt_rows.min(inner.height),
        ..inner
    };
    let text = Rect::new(
        inner.x,
        prompt.bottom() + 1,
        inner.width,
        inner.bottom().saturating_sub(prompt.bottom() + 1),
    );
    (outer, prompt, text)
}

/// The question the note is on, cut to two rows.
fn prompt(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(note) = &app.note else {
        return Vec::new();
    };
    let text = terminal_safe(&app.tree().question(note.question).prompt).into_owned();
    let mut lines = wrap(&[Span::styled(text, app.theme.muted)], width);
    if lines.len() > PROMPT_ROWS {
        let cut = lines[PROMPT_ROWS - 1].to_string() + " …";
        lines.truncate(PROMPT_ROWS - 1);
        lines.push(Line::from(Span::styled(
            truncate(&cut, width),
            app.theme.muted,
        )));
    }
    lines
}

/// The columns the text wraps at: one fewer than the area, so the cursor fits after a full row.
pub fn text_width(app: &App) -> usize {
    usize::from(boxes(app).2.width.saturating_sub(1)).max(1)
}

/// The rows of text in view.
pub fn text_height(app: &App) -> usize {
    usize::from(boxes(app).2.height)
}

/// Draws the editor over `area`, the whole screen; returns where the cursor goes.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let note = app.note.as_ref()?;
    let theme = &app.theme;
    let (outer, prompt_area, text_area) = boxes(app);
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
            Span::styled("Esc", theme.key),
            Span::styled(" close · ", theme.muted),
            Span::styled("Enter", theme.key),
            Span::styled(" new line ", theme.muted),
        ])
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(" ✎ Note ", theme.heading))
        .title_bottom(hint.right_aligned())
        .render(outer, buf);
    draw_lines(
        buf,
        prompt_area,
        &prompt(app, usize::from(prompt_area.width)),
        0,
    );
    let width = text_width(app);
    let editor = &note.editor;
    let rows = editor.rows(width);
    let lines: Vec<Line> = rows
        .iter()
        .map(|r| Line::from(Span::styled(&editor.text()[r.start..r.end], theme.text)))
        .collect();
    draw_lines(buf, text_area, &lines, note.scroll);
    if editor.text().is_empty() {
        let placeholder = truncate(
            "Type the note here; it is kept with the session and goes in the report.",
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
    scrollbar(buf, bar, lines.len(), note.scroll, theme);
    let (row, column) = editor.cursor_at(width);
    let row = row.checked_sub(note.scroll)?;
    (row < usize::from(text_area.height) && text_area.width > 0)
        .then(|| Position::new(text_area.x + column as u16, text_area.y + row as u16))
        .filter(|p| area.contains(*p))
}
