//! The list of keys over the screen: which screen's keys come first, and how far the list is
//! scrolled. `?`, `q` and Esc close it.

use super::scrolling::Scrolling;
use crate::tui::action::Action;
use crate::tui::keys::Context;
use crate::tui::layout::{self, scroll_box::BoxPlan};
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The list of keys, open.
pub struct HelpOverlay {
    /// The section listed first: the screen under the list.
    pub here: Context,
    pub text: Scrolling,
}

impl HelpOverlay {
    pub fn new(here: Context) -> HelpOverlay {
        HelpOverlay {
            here,
            text: Scrolling::new("This is the list of keys: ? or Esc closes it."),
        }
    }

    /// The list laid out over the whole screen.
    pub fn plan(&self, shared: &Shared) -> BoxPlan {
        let reports = shared.reports_wait.is_none();
        layout::help::plan(&shared.theme, shared.screen(), self.here, reports)
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        if action == Action::Help {
            return Transition::Close;
        }
        let plan = self.plan(shared);
        self.text.update(&action, &plan, shared);
        Transition::Stay
    }

    /// Scrolls no further than the list goes.
    pub fn settle(&mut self, shared: &Shared) {
        self.text.settle(&self.plan(shared));
    }
}
