//! Draws the question screen from its plan: the question, the choices (scrolled to keep the
//! highlight in view) and "Why this matters", beside the choices or below them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

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
            // "── Why this matters ────…": the heading set in a rule, the rest of the rule a
            // Block's top border (cells set directly, no string of "─" laid out).
            let area = plan.help_title;
            let heading = Line::from(vec![
                Span::styled("──", theme.border),
                Span::styled(title, theme.heading),
            ]);
            heading.render(area, buf);
            let used = u16::try_from(2 + wrap::width(title)).unwrap_or(u16::MAX);
            let rest = Rect::new(area.x.saturating_add(used), area.y, area.width, 1);
            Block::new()
                .borders(Borders::TOP)
                .border_style(theme.border)
                .render(rest.intersection(area), buf);
        }
        None => {}
    }
    let scroll = help_scroll.min(plan.help_max());
    draw_lines(buf, plan.help_text, &plan.help, scroll);
    scrollbar(buf, plan.help_bar, plan.help.len(), scroll, theme);
}
