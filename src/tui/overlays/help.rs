//! The list of keys over the screen: how far it is scrolled, and which screen's keys come
//! first. `?`, `q` and Esc close it.

use crate::tui::action::Action;
use crate::tui::keys::Context;
use crate::tui::layout::{self, scroll_box::BoxPlan};
use crate::tui::scroll;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// What the footer says when a key does nothing in the list.
const HOW_TO_CLOSE: &str = "This is the list of keys: ? or Esc closes it.";

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
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let plan = self.plan(shared);
                let to = scroll::by_key(self.scroll, plan.page(), &action).min(plan.max_scroll());
                if to == self.scroll {
                    shared.notice = Some(HOW_TO_CLOSE.into());
                }
                self.scroll = to;
            }
            Action::Help => return Transition::Close,
            Action::Unbound => shared.notice = Some(HOW_TO_CLOSE.into()),
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
