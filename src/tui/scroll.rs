//! How keys and the wheel move a scroll offset. The screens clamp the result to what their
//! plan says there is to show.

use super::action::Action;

/// Lines the wheel scrolls at a time.
const WHEEL_LINES: usize = 3;

/// Where a line or page key moves a scroll offset.
pub fn by_key(offset: usize, page: usize, action: &Action) -> usize {
    match action {
        Action::Up => offset.saturating_sub(1),
        Action::Down => offset.saturating_add(1),
        Action::PageUp => offset.saturating_sub(page),
        Action::PageDown => offset.saturating_add(page),
        _ => offset,
    }
}

/// Where a turn of the wheel moves a scroll offset.
pub fn by_wheel(offset: usize, down: bool) -> usize {
    if down {
        offset.saturating_add(WHEEL_LINES)
    } else {
        offset.saturating_sub(WHEEL_LINES)
    }
}
