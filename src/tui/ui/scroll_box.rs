//! Draws a box laid out by `layout::scroll_box`: the key list and the notice shown on resume.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::{draw_lines, scrollbar};
use crate::tui::layout::scroll_box::BoxPlan;
use crate::tui::theme::Theme;

/// Draws the box with a title and a closing hint, its text scrolled by `scroll`.
pub fn render(
    plan: &BoxPlan,
    scroll: usize,
    (title, closes): (&str, &str),
    theme: &Theme,
    buf: &mut Buffer,
) {
    let outer = plan.outer;
    Clear.render(outer, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.heading))
        .title_bottom(Line::from(Span::styled(format!(" {closes} "), theme.muted)).right_aligned())
        .render(outer, buf);
    let scroll = scroll.min(plan.max_scroll());
    draw_lines(buf, plan.inner, &plan.lines, scroll);
    let bar = Rect::new(
        outer.right().saturating_sub(2),
        plan.inner.y,
        1,
        plan.inner.height,
    );
    scrollbar(buf, bar, plan.lines.len(), scroll, theme);
}
