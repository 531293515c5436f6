//! What to know before going on, over the screen (a session resumed, a question tree changed
//! since, answers set aside): the paragraphs and how far they are scrolled. Enter, `y`, `q` and
//! Esc put it away; any other key says so in the footer rather than seeming to do nothing.

use crate::tui::action::Action;
use crate::tui::layout::{self, scroll_box::BoxPlan};
use crate::tui::scroll;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// What the footer says when a key does nothing here.
const HOW_TO_CONTINUE: &str = "Press Enter to continue (or q, or Esc).";

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

    /// Applies a key: the scroll keys scroll while there is more to read.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let plan = self.plan(shared);
                let to = scroll::by_key(self.scroll, plan.page(), &action).min(plan.max_scroll());
                if to == self.scroll {
                    shared.notice = Some(HOW_TO_CONTINUE.into());
                }
                self.scroll = to;
            }
            Action::Dismiss => return Transition::Close,
            Action::Unbound => shared.notice = Some(HOW_TO_CONTINUE.into()),
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
