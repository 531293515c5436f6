//! Draws what to know before going on, over the screen: the session resumed, a question tree
//! that changed since, the answers set aside. Enter puts it away.

use ratatui::buffer::Buffer;

use super::scroll_box;
use crate::tui::layout::scroll_box::BoxPlan;
use crate::tui::theme::Theme;

/// Draws the notice laid out by `plan`, scrolled by `scroll`.
pub fn render(plan: &BoxPlan, scroll: usize, theme: &Theme, buf: &mut Buffer) {
    scroll_box::render(
        plan,
        scroll,
        ("Before you go on", "Enter to continue"),
        theme,
        buf,
    );
}
