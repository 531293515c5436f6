//! The scroll of a box of text over the screen (the list of keys, the notice), and what keys do
//! to it: the line and page keys move it while there is more to read; a key that moves nothing,
//! or means nothing in the box, has the footer say how to close it, so the box never seems to
//! have hung.

use crate::tui::action::Action;
use crate::tui::layout::scroll_box::BoxPlan;
use crate::tui::scroll;
use crate::tui::shared::Shared;

/// How far a box's text is scrolled, and what to say when a key does nothing.
pub struct Scrolling {
    pub scroll: usize,
    /// What closes the box, said in the footer.
    how_to_close: &'static str,
}

impl Scrolling {
    pub fn new(how_to_close: &'static str) -> Scrolling {
        Scrolling {
            scroll: 0,
            how_to_close,
        }
    }

    /// Applies a key that does not close the box, to the text laid out by `plan`.
    pub fn update(&mut self, action: &Action, plan: &BoxPlan, shared: &mut Shared) {
        let to = match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                scroll::by_key(self.scroll, plan.page(), action).min(plan.max_scroll())
            }
            Action::Unbound => self.scroll,
            _ => return,
        };
        if to == self.scroll {
            shared.notice = Some(self.how_to_close.into());
        }
        self.scroll = to;
    }

    /// The wheel scrolls the text.
    pub fn wheel(&mut self, down: bool) {
        self.scroll = scroll::by_wheel(self.scroll, down);
    }

    /// Scrolls no further than the text laid out by `plan` goes.
    pub fn settle(&mut self, plan: &BoxPlan) {
        self.scroll = self.scroll.min(plan.max_scroll());
    }
}
