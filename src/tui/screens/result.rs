//! The result screen's state and keys: the recommendation, worked out once when the screen
//! opens, how far its document is scrolled, and the plan it was laid out with.

use std::borrow::Cow;

use ratatui::layout::Rect;
use techhire::Recommendation;

use crate::tui::action::Action;
use crate::tui::layout::{self, result::Plan};
use crate::tui::scroll;
use crate::tui::shared::Shared;
use crate::tui::transition::NoteOn;
use crate::tui::transition::Transition;

/// The recommendation on screen.
pub struct ResultScreen {
    pub recommendation: Recommendation,
    /// How far the document under the headline is scrolled.
    pub scroll: usize,
    /// The format of the last report written from here, an index into the report overlay's
    /// list: the overlay opens on it again.
    pub format: usize,
    /// The screen laid out for the current size: worked out once per action by `settle`, then
    /// drawn by the view. `None` when the window is too small.
    pub plan: Option<Plan>,
}

impl ResultScreen {
    /// The recommendation of a finished interview; `None` while it is not finished.
    pub fn new(shared: &Shared) -> Option<ResultScreen> {
        Some(ResultScreen {
            recommendation: shared.interview.result()?,
            scroll: 0,
            format: 0,
            plan: None,
        })
    }

    /// The plan for the body `area`: the one `settle` worked out, or a fresh one when it was
    /// for another size.
    pub fn plan_for(&self, shared: &Shared, area: Rect) -> Cow<'_, Plan> {
        match &self.plan {
            Some(plan) if plan.area == area => Cow::Borrowed(plan),
            _ => Cow::Owned(layout::result::plan(shared, &self.recommendation, area)),
        }
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action) -> Transition {
        match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let page = self.plan.as_ref().map_or(1, Plan::page);
                self.scroll = scroll::by_key(self.scroll, page, &action);
            }
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = usize::MAX,
            Action::Back => return Transition::Review,
            Action::Export => return Transition::OpenExport,
            Action::Note => return Transition::OpenNote(NoteOn::Interview),
            Action::Help => return Transition::OpenHelp,
            Action::AskQuit => return Transition::OpenQuit,
            _ => {}
        }
        Transition::Stay
    }

    /// The wheel scrolls the document.
    pub fn wheel(&mut self, down: bool) {
        self.scroll = scroll::by_wheel(self.scroll, down);
    }

    /// Lays the result out for the current size and scrolls no further than the text goes.
    pub fn settle(&mut self, shared: &Shared) {
        let plan = layout::result::plan(shared, &self.recommendation, layout::body(shared));
        self.scroll = self.scroll.min(plan.max_scroll());
        self.plan = Some(plan);
    }
}
