//! Draws the compare screen from its plan: the column names or the question kept in view, the
//! grid (the highlighted row marked › and in the selection colour), a question's detail or the
//! panel scrolled, and the panel beside the grid on a wide screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{draw_lines, scrollbar};
use crate::tui::layout::compare::Plan;
use crate::tui::theme::Theme;

/// Draws a compare screen laid out by `plan`, scrolled by `scroll`, with grid row `row`
/// highlighted when the grid is shown.
pub fn render(plan: &Plan, scroll: usize, row: usize, theme: &Theme, buf: &mut Buffer) {
    draw_lines(buf, plan.top, &plan.top_lines, 0);
    let scroll = scroll.min(plan.max_scroll());
    draw_lines(buf, plan.main, &plan.lines, scroll);
    if let Some(&line) = plan.row_lines.get(row)
        && let Some(at) = line.checked_sub(scroll)
        && at < usize::from(plan.main.height)
    {
        let y = plan.main.y + at as u16;
        buf.set_style(
            Rect::new(plan.main.x, y, plan.main.width, 1),
            theme.selected,
        );
        buf.set_string(plan.main.x, y, "›", theme.accent.patch(theme.selected));
    }
    scrollbar(buf, plan.bar, plan.lines.len(), scroll, theme);
    draw_lines(buf, plan.caption, &plan.caption_lines, 0);
    if let Some(side) = plan.side {
        let inner = if plan.below {
            let rule = "─".repeat(usize::from(side.width));
            buf.set_string(side.x, side.y, rule, theme.border);
            let half = side.width.saturating_sub(5) / 2;
            let right = Rect::new(side.x + half + 3, side.y + 1, half, side.height - 1);
            draw_lines(buf, right, &plan.side_right, 0);
            Rect::new(side.x + 1, side.y + 1, half, side.height.saturating_sub(1))
        } else {
            for y in side.y..side.bottom() {
                buf.set_string(side.x, y, "│", theme.border);
            }
            Rect {
                x: side.x + 2,
                width: side.width.saturating_sub(3),
                ..side
            }
        };
        let mut lines = plan.side_lines.clone();
        if lines.len() > usize::from(inner.height) {
            // Cut, and say where the rest is.
            lines.truncate(usize::from(inner.height.saturating_sub(1)));
            lines.push(Line::from(vec![
                Span::styled("… ", theme.muted),
                Span::styled("p", theme.key),
                Span::styled(" shows it all", theme.muted),
            ]));
        }
        draw_lines(buf, inner, &lines, 0);
    }
}
