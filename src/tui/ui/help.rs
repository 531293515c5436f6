//! Draws the `?` overlay: every key, per screen, as `layout::help` lists them.

use ratatui::buffer::Buffer;

use super::scroll_box;
use crate::tui::layout::scroll_box::BoxPlan;
use crate::tui::theme::Theme;

/// Draws the list of keys laid out by `plan`, scrolled by `scroll`.
pub fn render(plan: &BoxPlan, scroll: usize, theme: &Theme, buf: &mut Buffer) {
    scroll_box::render(plan, scroll, ("Keys", "? or Esc closes"), theme, buf);
}
