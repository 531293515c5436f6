//! The workshop's result screen's state and keys: a revealed workshop's combined result, how
//! far it is scrolled, and the plan it was laid out with. `c` or Enter opens the compare
//! screen on the same reveal.

use std::borrow::Cow;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::layout::{self, result::Plan};
use crate::tui::reveal::Reveal;
use crate::tui::scroll;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// A revealed workshop's combined result on screen.
pub struct CombinedScreen {
    pub reveal: Arc<Reveal>,
    /// How far the document under the headline is scrolled.
    pub scroll: usize,
    /// The screen laid out for the current size by `settle`; `None` when too small.
    pub plan: Option<Plan>,
}

impl CombinedScreen {
    /// The combined result of a revealed workshop, from the top.
    pub fn new(reveal: Arc<Reveal>) -> CombinedScreen {
        CombinedScreen {
            reveal,
            scroll: 0,
            plan: None,
        }
    }

    /// The plan for the body `area`: the one `settle` worked out, or a fresh one for another
    /// size.
    pub fn plan_for(&self, shared: &Shared, area: Rect) -> Cow<'_, Plan> {
        match &self.plan {
            Some(plan) if plan.area == area => Cow::Borrowed(plan),
            _ => Cow::Owned(layout::combined::plan(&self.reveal, &shared.theme, area)),
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
            Action::Confirm | Action::ShowCompare => return Transition::Compare,
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
        let plan = layout::combined::plan(&self.reveal, &shared.theme, layout::body(shared));
        self.scroll = self.scroll.min(plan.max_scroll());
        self.plan = Some(plan);
    }
}
