//! The review screen's plan: the heading, the list of answers (two rows each) and the button
//! to the recommendation; which row is under a point, and the list's scroll.

use ratatui::layout::Rect;

use super::{contains, keep_in_view};

/// Rows each answer takes: the question, then the answer given (and its note, if any).
pub const ROWS_PER_ANSWER: usize = 2;

/// Where the review's parts go.
pub struct Plan {
    pub heading: Rect,
    pub list: Rect,
    pub bar: Rect,
    pub button: Rect,
    /// How many answers the list holds.
    answers: usize,
}

/// Lays a review of `answers` answers out in `area`, the body.
pub fn plan(area: Rect, answers: usize) -> Plan {
    let x = area.x + 1;
    let width = area.width.saturating_sub(3);
    let heading = Rect::new(x, area.y, width, area.height.min(2));
    let wanted = (answers * ROWS_PER_ANSWER) as u16;
    let list_top = heading.bottom() + 1;
    let rows = wanted.min(area.bottom().saturating_sub(list_top + 2));
    let list = Rect::new(x, list_top, width, rows);
    Plan {
        heading,
        list,
        bar: Rect::new(area.right().saturating_sub(1), list.y, 1, list.height),
        button: Rect::new(
            x,
            (list.bottom() + 1).min(area.bottom().saturating_sub(1)),
            width,
            1,
        ),
        answers,
    }
}

impl Plan {
    /// The list offset that keeps row `highlight` in view (an answer, or `answers` for the
    /// button), starting from `offset`.
    pub fn settled_offset(&self, highlight: usize, offset: usize) -> usize {
        let visible = usize::from(self.list.height);
        let offset = if highlight < self.answers {
            let start = highlight * ROWS_PER_ANSWER;
            keep_in_view(offset, start, start + ROWS_PER_ANSWER, visible)
        } else {
            offset
        };
        offset.min(self.max_offset())
    }

    /// How far the list can scroll.
    pub fn max_offset(&self) -> usize {
        (self.answers * ROWS_PER_ANSWER).saturating_sub(usize::from(self.list.height))
    }

    /// The row under a point, with the list scrolled to `offset`: an answer's index, or
    /// `answers` for the button.
    pub fn row_at(&self, offset: usize, column: u16, row: u16) -> Option<usize> {
        if contains(self.button, column, row) {
            return Some(self.answers);
        }
        if !contains(self.list, column, row) {
            return None;
        }
        let index = (offset + usize::from(row - self.list.y)) / ROWS_PER_ANSWER;
        (index < self.answers).then_some(index)
    }
}
