//! Where things go on screen, worked out from the state without drawing anything: the header,
//! body and footer, and per screen or box a plan of its parts (and the text that fills them,
//! wrapped once). `update` reads a plan to hit-test a click or bound a scroll; the view (`ui`)
//! draws the same plan. Nothing here draws, and nothing here changes the state.

pub mod combined;
pub mod compare;
pub mod help;
pub mod lines;
pub mod note;
pub mod notice;
pub mod question;
pub mod result;
pub mod review;
pub mod room;
pub mod scroll_box;
pub mod start;

use ratatui::layout::Rect;

use super::shared::Shared;

/// Below this size the screens cannot be laid out well; a message asks for more room.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Whether a screen this size is below the minimum the screens are laid out for.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The header (title and progress, two rows), the body, and the footer (keys, one row).
pub fn areas(area: Rect) -> [Rect; 3] {
    let head = Rect {
        height: area.height.min(2),
        ..area
    };
    let foot = Rect {
        y: area.bottom().saturating_sub(1),
        height: area.height.saturating_sub(head.height).min(1),
        ..area
    };
    let body = Rect {
        y: head.bottom(),
        height: area.height.saturating_sub(head.height + foot.height),
        ..area
    };
    [head, body, foot]
}

/// The body of the screen at the current size.
pub fn body(shared: &Shared) -> Rect {
    areas(shared.screen())[1]
}

/// A `width` x `height` box in the middle of `area`, shrunk to fit.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The scroll offset that keeps lines `start..end` in a view `visible` rows tall, moving as
/// little as possible from `offset`.
pub fn keep_in_view(offset: usize, start: usize, end: usize, visible: usize) -> usize {
    if start < offset {
        start
    } else if end > offset + visible {
        end.saturating_sub(visible).min(start)
    } else {
        offset
    }
}

/// Whether a point lies inside a rectangle.
pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    column >= area.x && column < area.right() && row >= area.y && row < area.bottom()
}
