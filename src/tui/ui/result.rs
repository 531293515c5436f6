//! Draws the result screen from its plan: the headline, a rule, and the document scrolled.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use super::{draw_lines, scrollbar};
use crate::tui::layout::result::Plan;
use crate::tui::theme::Theme;

/// Draws a result laid out by `plan`, the document scrolled by `scroll`.
pub fn render(plan: &Plan, scroll: usize, theme: &Theme, buf: &mut Buffer) {
    draw_lines(buf, plan.headline, &plan.headline_lines, 0);
    let scroll = scroll.min(plan.max_scroll());
    let rule = Line::from(Span::styled(
        "─".repeat(usize::from(plan.rule.width)),
        theme.border,
    ));
    draw_lines(buf, plan.rule, &[rule], 0);
    draw_lines(buf, plan.document, &plan.document_lines, scroll);
    scrollbar(buf, plan.bar, plan.document_lines.len(), scroll, theme);
}
