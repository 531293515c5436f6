//! The question screen's state and keys: the highlighted choice, how far the choices and "Why
//! this matters" are scrolled, and the plan they were laid out with. Answering moves the
//! interview on; the screen says where to go next.

use std::borrow::Cow;

use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::layout::{self, question::Plan};
use crate::tui::scroll;
use crate::tui::shared::Shared;
use crate::tui::transition::NoteOn;
use crate::tui::transition::Transition;

/// A question on screen.
pub struct QuestionScreen {
    /// The highlighted choice.
    pub choice: usize,
    /// The first line of the choice list in view, when the list is taller than its space.
    pub offset: usize,
    /// How far "Why this matters" is scrolled.
    pub help_scroll: usize,
    /// Opened from the review to change its answer: answering returns there.
    pub changing: bool,
    /// The screen laid out for the current state: worked out once per action by `settle`, then
    /// drawn by the view and used to hit-test clicks. `None` when the window is too small.
    pub plan: Option<Plan>,
}

impl QuestionScreen {
    /// The current question, its answer (if any) highlighted.
    pub fn new(shared: &Shared, changing: bool) -> QuestionScreen {
        QuestionScreen {
            choice: shared.interview.selected().unwrap_or(0),
            offset: 0,
            help_scroll: 0,
            changing,
            plan: None,
        }
    }

    /// The plan for the body `area`: the one `settle` worked out, or a fresh one when it was
    /// for another size.
    pub fn plan_for(&self, shared: &Shared, area: Rect) -> Option<Cow<'_, Plan>> {
        match &self.plan {
            Some(plan) if plan.area == area => Some(Cow::Borrowed(plan)),
            _ => layout::question::plan(shared, area, self.choice, self.changing).map(Cow::Owned),
        }
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        let count = choices(shared);
        let last = count.saturating_sub(1);
        match action {
            Action::Up => self.choice = self.choice.saturating_sub(1),
            Action::Down => self.choice = (self.choice + 1).min(last),
            Action::Top => self.choice = 0,
            Action::Bottom => self.choice = last,
            Action::PageUp | Action::PageDown => {
                let page = self.plan.as_ref().map_or(1, Plan::help_page);
                self.help_scroll = scroll::by_key(self.help_scroll, page, &action);
            }
            Action::Confirm => return self.answer(self.choice, shared),
            Action::Number(n) => match usize::from(n).checked_sub(1) {
                Some(i) if i < count => return self.answer(i, shared),
                _ => {
                    shared.notice = Some(format!(
                        "There are {count} choices here: press 1 to {}.",
                        count.min(9)
                    ))
                }
            },
            Action::Back => {
                if shared.interview.back() {
                    return self.again();
                }
                shared.notice = Some("This is the first question.".into());
            }
            Action::Forward => {
                if !shared.interview.forward() {
                    shared.notice = Some("Choose an answer to go on.".into());
                } else if shared.interview.current().is_some() {
                    return self.again();
                } else {
                    return Transition::Review;
                }
            }
            Action::Note => {
                if let Some(question) = shared.interview.current() {
                    return Transition::OpenNote(NoteOn::Question(question));
                }
            }
            Action::Help => return Transition::OpenHelp,
            Action::AskQuit => return Transition::OpenQuit,
            _ => {}
        }
        Transition::Stay
    }

    /// A click highlights a choice; a click on the highlighted one answers with it, so pointing
    /// at the screen while talking never answers by accident.
    pub fn click(&mut self, column: u16, row: u16, shared: &mut Shared) -> Transition {
        let plan = self.plan.as_ref();
        match plan.and_then(|p| p.choice_at(self.offset, column, row)) {
            Some(i) if i == self.choice => self.answer(i, shared),
            Some(i) => {
                self.choice = i;
                Transition::Stay
            }
            None => Transition::Stay,
        }
    }

    /// Over the choices the wheel moves the highlight; elsewhere it scrolls "Why this matters".
    pub fn wheel(&mut self, down: bool, column: u16, row: u16, shared: &mut Shared) -> Transition {
        if self
            .plan
            .as_ref()
            .is_some_and(|p| p.over_choices(column, row))
        {
            let step = if down { Action::Down } else { Action::Up };
            return self.update(step, shared);
        }
        self.help_scroll = scroll::by_wheel(self.help_scroll, down);
        Transition::Stay
    }

    /// Lays the question out for the current size and state, keeps the highlighted choice in
    /// view and the help scrolled no further than it goes.
    pub fn settle(&mut self, shared: &Shared) {
        self.plan =
            layout::question::plan(shared, layout::body(shared), self.choice, self.changing);
        if let Some(plan) = &self.plan {
            self.offset = plan.settled_offset(self.choice, self.offset);
            self.help_scroll = self.help_scroll.min(plan.help_max());
        }
    }

    /// Answers the current question. After a change made from the review, the interview skips
    /// over answers already given to the first question still unanswered, and returns to the
    /// review when there is none.
    fn answer(&mut self, choice: usize, shared: &mut Shared) -> Transition {
        if shared.interview.answer(choice).is_err() {
            return Transition::Stay;
        }
        if self.changing {
            shared.interview.go_to_frontier();
        }
        if shared.interview.current().is_some() {
            self.again()
        } else {
            Transition::Review
        }
    }

    /// The question the interview now stands at, shown fresh, still changing an answer if
    /// this one was.
    fn again(&self) -> Transition {
        Transition::Question {
            changing: self.changing,
        }
    }
}

/// How many choices the current question has.
fn choices(shared: &Shared) -> usize {
    shared
        .interview
        .current()
        .map_or(0, |q| shared.tree().question(q).choices.len())
}
