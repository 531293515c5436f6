//! What to know before going on, over the screen (a session resumed, a question tree changed
//! since, answers set aside): the paragraphs and how far they are scrolled. Enter, `y`, `q` and
//! Esc put it away; any other key says so in the footer rather than seeming to do nothing.

use super::scrolling::Scrolling;
use crate::tui::action::Action;
use crate::tui::layout::{self, scroll_box::BoxPlan};
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The notice, open.
pub struct NoticeOverlay {
    /// The paragraphs; lines starting `  - ` are items of a list.
    pub paragraphs: Vec<String>,
    pub text: Scrolling,
}

impl NoticeOverlay {
    pub fn new(paragraphs: Vec<String>) -> NoticeOverlay {
        NoticeOverlay {
            paragraphs,
            text: Scrolling::new("Press Enter to continue (or q, or Esc)."),
        }
    }

    /// The notice laid out over the whole screen.
    pub fn plan(&self, shared: &Shared) -> BoxPlan {
        layout::notice::plan(&shared.theme, shared.screen(), &self.paragraphs)
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        if action == Action::Dismiss {
            return Transition::Close;
        }
        let plan = self.plan(shared);
        self.text.update(&action, &plan, shared);
        Transition::Stay
    }

    /// Scrolls no further than the notice goes.
    pub fn settle(&mut self, shared: &Shared) {
        self.text.settle(&self.plan(shared));
    }
}
