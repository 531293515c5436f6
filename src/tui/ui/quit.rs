//! The question asked before leaving: nothing is lost to a stray `q`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::draw_lines;
use crate::tui::layout::centered;
use crate::tui::theme::Theme;

/// What is being left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaving {
    Interview,
    /// A revealed workshop's screens, which change nothing, so there is nothing to save.
    Workshop,
    /// A workshop room before its reveal: everything is saved, and it opens where it was left.
    Room,
}

/// Draws the question over the middle of `area`, the whole screen.
pub fn render(leaving: Leaving, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (title, said) = match leaving {
        Leaving::Workshop => (
            " Leave the workshop? ",
            "Nothing here changes anyone's answers.",
        ),
        Leaving::Room => (
            " Leave the room? ",
            "All is saved; it opens again where it was.",
        ),
        Leaving::Interview => (
            " Leave the interview? ",
            "Your answers are saved; resume later.",
        ),
    };
    let outer = centered(area, 46, 7);
    Clear.render(outer, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(title, theme.heading))
        .render(outer, buf);
    let inner = Rect::new(
        outer.x + 2,
        outer.y + 2,
        outer.width.saturating_sub(4),
        outer.height.saturating_sub(3),
    );
    let lines = [
        Line::from(Span::styled(said, theme.text)),
        Line::default(),
        Line::from(vec![
            Span::styled("y", theme.key),
            Span::styled(" leave      ", theme.text),
            Span::styled("n", theme.key),
            Span::styled(" or ", theme.muted),
            Span::styled("Esc", theme.key),
            Span::styled(" stay", theme.text),
        ]),
    ];
    draw_lines(buf, inner, &lines.map(|l| l.centered()), 0);
}
