//! Draws the question screen from its plan: the question, the choices (scrolled to keep the
//! highlight in view) and "Why this matters", beside the choices or below them.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, scrollbar};
use crate::tui::layout::question::Plan;
use crate::tui::theme::Theme;
use crate::tui::wrap;

/// Draws a question laid out by `plan`, the choices scrolled by `offset` and "Why this
/// matters" by `help_scroll`.
pub fn render(plan: &Plan, offset: usize, help_scroll: usize, theme: &Theme, buf: &mut Buffer) {
    draw_lines(buf, plan.prompt, &plan.prompt_lines, 0);
    let offset = offset.min(plan.max_offset());
    draw_lines(buf, plan.choices, &plan.list, offset);
    scrollbar(buf, plan.scroll_bar, plan.list.len(), offset, theme);
    // Why this matters (after how each person answered, while the room agrees together).
    let title = plan.help_heading;
    match plan.border {
        Some(border) => {
            for row in border.y..border.bottom() {
                buf.set_string(border.x, row, "│", theme.border);
            }
            Line::from(Span::styled(title.trim(), theme.heading)).render(plan.help_title, buf);
        }
        None if plan.help_title.height > 0 => {
            let width = usize::from(plan.help_title.width);
            let rule = Line::from(vec![
                Span::styled("──", theme.border),
                Span::styled(title, theme.heading),
                Span::styled(
                    "─".repeat(width.saturating_sub(2 + wrap::width(title))),
                    theme.border,
                ),
            ]);
            rule.render(plan.help_title, buf);
        }
        None => {}
    }
    let scroll = help_scroll.min(plan.help_max());
    draw_lines(buf, plan.help_text, &plan.help, scroll);
    scrollbar(buf, plan.help_bar, plan.help.len(), scroll, theme);
}
