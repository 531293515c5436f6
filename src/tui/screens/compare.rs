//! The compare screen's state and keys: a revealed workshop's questions × people grid, the
//! highlighted row, how far the grid is scrolled and which people's columns are shown; Enter
//! opens the highlighted question's detail, `p` the side panel in the grid's place (beside it
//! on a wide screen it is always there). In the detail or the panel, `q`, Esc and Backspace go
//! back to the grid, as a box closes.

use std::borrow::Cow;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::layout::{
    self,
    compare::{Plan, Row, View},
};
use crate::tui::reveal::Reveal;
use crate::tui::scroll;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The grid of a revealed workshop on screen.
pub struct CompareScreen {
    pub reveal: Arc<Reveal>,
    /// The grid's rows, furthest apart first, then the facts.
    pub rows: Vec<Row>,
    /// The highlighted row.
    pub row: usize,
    /// The first line of the grid in view.
    pub offset: usize,
    /// The first person whose column is shown, when not everyone fits.
    pub first: usize,
    /// The grid, a question's detail, or the panel.
    pub view: View,
    /// The screen laid out for the current size by `settle`; `None` when too small.
    pub plan: Option<Plan>,
}

impl CompareScreen {
    /// The grid of a revealed workshop, the question furthest apart highlighted.
    pub fn new(reveal: Arc<Reveal>) -> CompareScreen {
        let rows = layout::compare::rows(&reveal.combined);
        CompareScreen {
            reveal,
            rows,
            row: 0,
            offset: 0,
            first: 0,
            view: View::Grid,
            plan: None,
        }
    }

    /// The plan for the body `area`: the one `settle` worked out, or a fresh one for another
    /// size.
    pub fn plan_for(&self, shared: &Shared, area: Rect) -> Cow<'_, Plan> {
        match &self.plan {
            Some(plan) if plan.area == area => Cow::Borrowed(plan),
            _ => Cow::Owned(self.lay_out(shared, area)),
        }
    }

    fn lay_out(&self, shared: &Shared, area: Rect) -> Plan {
        layout::compare::plan(
            &self.reveal,
            &self.rows,
            self.view,
            self.row,
            self.first,
            &shared.theme,
            area,
        )
    }

    /// How far the shown text is scrolled: the grid's offset, or the detail's or panel's.
    pub fn scroll(&self) -> usize {
        match self.view {
            View::Grid => self.offset,
            View::Detail { scroll } | View::Panel { scroll } => scroll,
        }
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action) -> Transition {
        let last = self.rows.len().saturating_sub(1);
        let page = self.plan.as_ref().map_or(1, Plan::page);
        match (self.view, action) {
            (_, Action::Help) => return Transition::OpenHelp,
            (_, Action::ShowPanel) => {
                self.view = match self.view {
                    View::Panel { .. } => View::Grid,
                    _ => View::Panel { scroll: 0 },
                };
            }
            (View::Grid, Action::Up) => self.row = self.row.saturating_sub(1),
            (View::Grid, Action::Down) => self.row = (self.row + 1).min(last),
            (View::Grid, Action::PageUp) => self.row = self.row.saturating_sub(page),
            (View::Grid, Action::PageDown) => self.row = (self.row + page).min(last),
            (View::Grid, Action::Top) => self.row = 0,
            (View::Grid, Action::Bottom) => self.row = last,
            (View::Grid, Action::Left) => self.first = self.first.saturating_sub(1),
            (View::Grid, Action::Right) => self.first += 1,
            (View::Grid, Action::Confirm) if !self.rows.is_empty() => {
                self.view = View::Detail { scroll: 0 };
            }
            (View::Grid, Action::ShowResult) => return Transition::Combined,
            (View::Grid, Action::AskQuit) => return Transition::OpenQuit,
            // In the detail, ← and → go through the questions in the grid's order.
            (View::Detail { .. }, Action::Left) if self.row > 0 => {
                self.row -= 1;
                self.view = View::Detail { scroll: 0 };
            }
            (View::Detail { .. }, Action::Right) if self.row < last => {
                self.row += 1;
                self.view = View::Detail { scroll: 0 };
            }
            (View::Detail { .. } | View::Panel { .. }, Action::Close) => self.view = View::Grid,
            (View::Detail { scroll } | View::Panel { scroll }, action) => {
                let scroll = match action {
                    Action::Top => 0,
                    Action::Bottom => usize::MAX,
                    action => scroll::by_key(scroll, page, &action),
                };
                self.set_scroll(scroll);
            }
            _ => {}
        }
        Transition::Stay
    }

    /// Whether ← or → would move anything (the footer offers them as one): people's columns
    /// in the grid, questions in the detail, nothing in the panel.
    pub fn sideways(&self) -> bool {
        let people = self.reveal.combined.people();
        let shown = self.plan.as_ref().map(|p| p.columns.people.clone());
        match self.view {
            View::Grid => self.first > 0 || shown.is_some_and(|s| s.end < people),
            View::Detail { .. } => self.rows.len() > 1,
            View::Panel { .. } => false,
        }
    }

    fn set_scroll(&mut self, to: usize) {
        match &mut self.view {
            View::Grid => self.offset = to,
            View::Detail { scroll } | View::Panel { scroll } => *scroll = to,
        }
    }

    /// A click on a grid row highlights it; on the highlighted row, opens its detail.
    pub fn click(&mut self, column: u16, row: u16, shared: &Shared) -> Transition {
        if self.view != View::Grid {
            return Transition::Stay;
        }
        let plan = self.plan_for(shared, layout::body(shared));
        match plan.row_at(column, row, self.offset) {
            Some(i) if i == self.row => self.update(Action::Confirm),
            Some(i) => {
                self.row = i;
                Transition::Stay
            }
            None => Transition::Stay,
        }
    }

    /// The wheel moves the grid's highlight, or scrolls the detail or the panel.
    pub fn wheel(&mut self, down: bool) {
        match self.view {
            View::Grid => {
                let last = self.rows.len().saturating_sub(1);
                self.row = if down {
                    (self.row + 1).min(last)
                } else {
                    self.row.saturating_sub(1)
                };
            }
            View::Detail { scroll } | View::Panel { scroll } => {
                self.set_scroll(scroll::by_wheel(scroll, down));
            }
        }
    }

    /// Lays the screen out for the current size: the people shown no further right than
    /// there are people, the highlighted row in view, the detail or panel scrolled no further
    /// than its text goes.
    pub fn settle(&mut self, shared: &Shared) {
        let plan = self.lay_out(shared, layout::body(shared));
        // `first` no further right than leaves every column shown filled.
        self.first = plan.columns.people.start;
        match self.view {
            View::Grid => {
                let line = plan.row_lines.get(self.row).copied().unwrap_or(0);
                // The facts' heading comes into view with the first fact.
                let start = match self.rows.get(self.row) {
                    Some(Row::Fact(_)) if self.row > 0 => match self.rows[self.row - 1] {
                        Row::View(_) => line.saturating_sub(2),
                        Row::Fact(_) => line,
                    },
                    _ => line,
                };
                let visible = usize::from(plan.main.height);
                self.offset = layout::keep_in_view(self.offset, start, line + 1, visible)
                    .min(plan.max_scroll());
            }
            View::Detail { scroll } | View::Panel { scroll } => {
                self.set_scroll(scroll.min(plan.max_scroll()));
            }
        }
        self.plan = Some(plan);
    }
}
