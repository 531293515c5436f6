//! The plan of a centred, bordered box of wrapped lines that scrolls, over the whole screen:
//! the key list and the notice shown on resume share it.

use ratatui::layout::Rect;
use ratatui::text::Line;

use super::centered;

/// The widest the box grows, however wide the screen.
const WIDTH: u16 = 78;

/// The box, the text area inside it, and the text wrapped to that area.
pub struct BoxPlan {
    pub outer: Rect,
    pub inner: Rect,
    pub lines: Vec<Line<'static>>,
}

/// Lays the box out over `screen`; `lines` wraps the text to a width.
pub fn plan(screen: Rect, lines: impl FnOnce(usize) -> Vec<Line<'static>>) -> BoxPlan {
    let width = WIDTH.min(screen.width.saturating_sub(4));
    let lines = lines(usize::from(width.saturating_sub(5)));
    let wanted = lines.len() as u16 + 2;
    let outer = centered(screen, width, wanted.min(screen.height.saturating_sub(2)));
    let inner = Rect::new(
        outer.x + 2,
        outer.y + 1,
        outer.width.saturating_sub(5),
        outer.height.saturating_sub(2),
    );
    BoxPlan {
        outer,
        inner,
        lines,
    }
}

impl BoxPlan {
    /// How far the text can scroll.
    pub fn max_scroll(&self) -> usize {
        self.lines
            .len()
            .saturating_sub(usize::from(self.inner.height))
    }

    /// Rows PgUp and PgDn move by.
    pub fn page(&self) -> usize {
        usize::from(self.inner.height.saturating_sub(1)).max(1)
    }
}
