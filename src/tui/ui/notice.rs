//! What to know before going on, over the screen: the session resumed, a question tree that
//! changed since, the answers set aside. Enter puts it away.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use techhire::text::terminal_safe;

use super::{centered, draw_lines, scrollbar};
use crate::tui::app::App;
use crate::tui::wrap::{wrap, wrap_indented};

const WIDTH: u16 = 78;

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

fn boxes(app: &App, area: Rect) -> (Rect, Rect) {
    let width = WIDTH.min(area.width.saturating_sub(4));
    let inner_width = usize::from(width.saturating_sub(5));
    let wanted = lines(app, inner_width).len() as u16 + 2;
    let outer = centered(area, width, wanted.min(area.height.saturating_sub(2)));
    let inner = Rect::new(
        outer.x + 2,
        outer.y + 1,
        outer.width.saturating_sub(5),
        outer.height.saturating_sub(2),
    );
    (outer, inner)
}

fn screen(app: &App) -> Rect {
    Rect::new(0, 0, app.width, app.height)
}

/// How far the notice can scroll at the current size.
pub fn max_scroll(app: &App) -> usize {
    let (_, inner) = boxes(app, screen(app));
    lines(app, usize::from(inner.width))
        .len()
        .saturating_sub(usize::from(inner.height))
}

/// Rows PgUp and PgDn move by.
pub fn page(app: &App) -> usize {
    usize::from(boxes(app, screen(app)).1.height.saturating_sub(1)).max(1)
}

/// Draws the notice over `area`, the whole screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let (outer, inner) = boxes(app, area);
    Clear.render(outer, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(" Before you go on ", theme.heading))
        .title_bottom(Line::from(Span::styled(" Enter to continue ", theme.muted)).right_aligned())
        .render(outer, buf);
    let lines = lines(app, usize::from(inner.width));
    let scroll = app
        .overlay_scroll
        .min(lines.len().saturating_sub(usize::from(inner.height)));
    draw_lines(buf, inner, &lines, scroll);
    let bar = Rect::new(outer.right().saturating_sub(2), inner.y, 1, inner.height);
    scrollbar(buf, bar, lines.len(), scroll, theme);
}
