//! A centred, bordered box of wrapped lines that scrolls, drawn over the whole screen: the key
//! list and the notice shown on resume share it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::{centered, draw_lines, scrollbar};
use crate::tui::app::App;

/// The widest the box grows, however wide the screen.
const WIDTH: u16 = 78;

/// The lines a box shows, wrapped to a width.
pub type Lines<'f> = &'f dyn Fn(&App, usize) -> Vec<Line<'static>>;

/// The box and the text area inside it.
fn boxes(app: &App, area: Rect, lines: Lines) -> (Rect, Rect) {
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

/// How far the box can scroll at the current size.
pub fn max_scroll(app: &App, lines: Lines) -> usize {
    let (_, inner) = boxes(app, screen(app), lines);
    lines(app, usize::from(inner.width))
        .len()
        .saturating_sub(usize::from(inner.height))
}

/// Rows PgUp and PgDn move by.
pub fn page(app: &App, lines: Lines) -> usize {
    usize::from(boxes(app, screen(app), lines).1.height.saturating_sub(1)).max(1)
}

/// Draws the box over `area`, the whole screen, with a title and a closing hint.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, title: &str, closes: &str, lines: Lines) {
    let theme = &app.theme;
    let (outer, inner) = boxes(app, area, lines);
    Clear.render(outer, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.heading))
        .title_bottom(Line::from(Span::styled(format!(" {closes} "), theme.muted)).right_aligned())
        .render(outer, buf);
    let shown = lines(app, usize::from(inner.width));
    let scroll = app
        .overlay_scroll
        .min(shown.len().saturating_sub(usize::from(inner.height)));
    draw_lines(buf, inner, &shown, scroll);
    let bar = Rect::new(outer.right().saturating_sub(2), inner.y, 1, inner.height);
    scrollbar(buf, bar, shown.len(), scroll, theme);
}
