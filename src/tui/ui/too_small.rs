//! What shows when the window is too small for the screens: how big it is, how big it must be.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw_lines;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

/// Draws the message in the middle of `area`, the whole screen.
pub fn render(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let mut lines = wrap(
        &[Span::styled("Make the window larger", theme.heading)],
        width,
    );
    lines.extend(wrap(
        &[Span::styled(
            format!(
                "now {}x{}, need at least {MIN_WIDTH}x{MIN_HEIGHT}",
                area.width, area.height
            ),
            theme.text,
        )],
        width,
    ));
    lines.push(Line::default());
    lines.extend(wrap(&[Span::styled("Ctrl-C quits", theme.muted)], width));
    for line in &mut lines {
        line.alignment = Some(ratatui::layout::Alignment::Center);
    }
    let height = (lines.len() as u16).min(area.height);
    let top = area.y + (area.height - height) / 2;
    draw_lines(buf, Rect::new(area.x, top, area.width, height), &lines, 0);
}
