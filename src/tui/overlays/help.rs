//! The list of keys over the screen: how far it is scrolled, and which screen's keys come
//! first. `?`, `q` and Esc close it.

use crate::tui::action::Action;
use crate::tui::keys::Context;
use crate::tui::layout::{self, scroll_box::BoxPlan};
use crate::tui::scroll;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The list of keys, open.
pub struct HelpOverlay {
    /// The section listed first: the screen under the list.
    pub here: Context,
    pub scroll: usize,
}

impl HelpOverlay {
    pub fn new(here: Context) -> HelpOverlay {
        HelpOverlay { here, scroll: 0 }
    }

    /// The list laid out over the whole screen.
    pub fn plan(&self, shared: &Shared) -> BoxPlan {
        layout::help::plan(&shared.theme, shared.screen(), self.here)
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &Shared) -> Transition {
        match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let plan = self.plan(shared);
                self.scroll =
                    scroll::by_key(self.scroll, plan.page(), &action).min(plan.max_scroll());
            }
            Action::Help => return Transition::Close,
            _ => {}
        }
        Transition::Stay
    }

    /// The wheel scrolls the list.
    pub fn wheel(&mut self, down: bool) {
        self.scroll = scroll::by_wheel(self.scroll, down);
    }

    /// Scrolls no further than the list goes.
    pub fn settle(&mut self, shared: &Shared) {
        self.scroll = self.scroll.min(self.plan(shared).max_scroll());
    }
}
