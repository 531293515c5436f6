//! What to know before going on, over the screen: the session resumed, a question tree that
//! changed since, the answers set aside. Enter puts it away.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::text::terminal_safe;

use super::scroll_box;
use crate::tui::app::App;
use crate::tui::wrap::{wrap, wrap_indented};

/// The paragraphs, wrapped: a blank row between paragraphs, none between the items of a list.
fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    for (i, paragraph) in app.notice_panel.iter().enumerate() {
        let item = paragraph.strip_prefix("  - ");
        if i > 0 && item.is_none() {
            out.push(Line::default());
        }
        let style = if i == 0 { theme.heading } else { theme.text };
        match item {
            Some(item) => out.extend(wrap_indented(
                Span::styled("  • ", theme.muted),
                &[Span::styled(terminal_safe(item).into_owned(), theme.text)],
                width,
            )),
            None => out.extend(wrap(
                &[Span::styled(terminal_safe(paragraph).into_owned(), style)],
                width,
            )),
        }
    }
    out
}

/// How far the notice can scroll at the current size.
pub fn max_scroll(app: &App) -> usize {
    scroll_box::max_scroll(app, &lines)
}

/// Rows PgUp and PgDn move by.
pub fn page(app: &App) -> usize {
    scroll_box::page(app, &lines)
}

/// Draws the notice over `area`, the whole screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    scroll_box::render(
        app,
        area,
        buf,
        "Before you go on",
        "Enter to continue",
        &lines,
    );
}
