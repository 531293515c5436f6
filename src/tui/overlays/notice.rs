//! What to know before going on, over the screen (a session resumed, a question tree changed
//! since, answers set aside): the paragraphs and how far they are scrolled. Enter, `q` and Esc
//! put it away.

use crate::tui::action::Action;
use crate::tui::layout::{self, scroll_box::BoxPlan};
use crate::tui::scroll;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The notice, open.
pub struct NoticeOverlay {
    /// The paragraphs; lines starting `  - ` are items of a list.
    pub paragraphs: Vec<String>,
    pub scroll: usize,
}

impl NoticeOverlay {
    pub fn new(paragraphs: Vec<String>) -> NoticeOverlay {
        NoticeOverlay {
            paragraphs,
            scroll: 0,
        }
    }

    /// The notice laid out over the whole screen.
    pub fn plan(&self, shared: &Shared) -> BoxPlan {
        layout::notice::plan(&shared.theme, shared.screen(), &self.paragraphs)
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &Shared) -> Transition {
        match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let plan = self.plan(shared);
                self.scroll =
                    scroll::by_key(self.scroll, plan.page(), &action).min(plan.max_scroll());
            }
            Action::Dismiss => return Transition::Close,
            _ => {}
        }
        Transition::Stay
    }

    /// The wheel scrolls the notice.
    pub fn wheel(&mut self, down: bool) {
        self.scroll = scroll::by_wheel(self.scroll, down);
    }

    /// Scrolls no further than the notice goes.
    pub fn settle(&mut self, shared: &Shared) {
        self.scroll = self.scroll.min(self.plan(shared).max_scroll());
    }
}
