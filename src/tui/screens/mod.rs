//! The screens, each owning its state: the start screen's fields and list, the question's
//! highlight, scroll and plan, the review's row, the result and its scroll. A workshop room
//! adds its set-up, the handover between people and the reveal; after the reveal come the
//! workshop's combined result and the compare grid. A screen's state exists only while it is
//! shown, so nothing can read a stale one. Each takes keys, clicks and the wheel as methods
//! that return the `Transition` the app is to make.

pub mod combined;
pub mod compare;
pub mod handover;
pub mod question;
pub mod result;
pub mod review;
pub mod setup;
pub mod start;

use std::sync::Arc;

use combined::CombinedScreen;
use compare::CompareScreen;
use handover::HandoverScreen;
use question::QuestionScreen;
use result::ResultScreen;
use review::ReviewScreen;
use setup::SetupScreen;
use start::StartScreen;

use super::action::Action;
use super::host::Effect;
use super::keys::Context;
use super::reveal::Reveal;
use super::room::RoomRequest;
use super::shared::Shared;
use super::transition::Transition;

/// The screen shown, with its state; the screens in the order a user meets them.
pub enum Screen {
    /// Names for a new interview, and saved sessions to carry on with.
    Start(StartScreen),
    Question(QuestionScreen),
    Review(ReviewScreen),
    Result(ResultScreen),
    /// A revealed workshop's combined result.
    Combined(CombinedScreen),
    /// A revealed workshop's questions × people.
    Compare(CompareScreen),
    /// A workshop room's set-up: who it is for, and the people.
    Setup(SetupScreen),
    /// A workshop room: passing the keyboard to the next person.
    Handover(HandoverScreen),
}

/// Which screen is shown, without its state: for tests to say where the user is.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenKind {
    Start,
    Question,
    Review,
    Result,
    Combined,
    Compare,
    Setup,
    Handover,
}

impl Screen {
    /// Which screen this is.
    #[cfg(test)]
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Start(_) => ScreenKind::Start,
            Screen::Question(_) => ScreenKind::Question,
            Screen::Review(_) => ScreenKind::Review,
            Screen::Result(_) => ScreenKind::Result,
            Screen::Combined(_) => ScreenKind::Combined,
            Screen::Compare(_) => ScreenKind::Compare,
            Screen::Setup(_) => ScreenKind::Setup,
            Screen::Handover(_) => ScreenKind::Handover,
        }
    }

    /// Where keys are pressed when no box is over the screen.
    pub fn context(&self) -> Context {
        match self {
            Screen::Start(start) if start.focus.is_field() => Context::StartField,
            Screen::Start(_) => Context::StartList,
            Screen::Question(_) => Context::Question,
            Screen::Review(review) if review.hand_back => Context::TurnReview,
            Screen::Review(_) => Context::Review,
            Screen::Result(_) => Context::Result,
            Screen::Combined(_) => Context::Combined,
            Screen::Compare(compare) if compare.view == super::layout::compare::View::Grid => {
                Context::Compare
            }
            Screen::Compare(_) => Context::CompareText,
            Screen::Setup(setup) if setup.is_field() => Context::SetupField,
            Screen::Setup(_) => Context::SetupButton,
            Screen::Handover(_) => Context::Handover,
        }
    }

    /// Whether an action would do anything right now, so the footer offers only what works.
    pub fn offers(&self, action: &Action, shared: &Shared) -> bool {
        let interview = &shared.interview;
        match (self, action) {
            // Settled questions (a workshop's facts, or the views passed over while the room
            // answers the facts) are not gone back to.
            (Screen::Question(_), Action::Back) => interview.number() > 1,
            (Screen::Question(_), Action::Forward) => interview.cursor() < interview.path().len(),
            (Screen::Result(_), Action::Export) => shared.reports_wait.is_none(),
            (Screen::Compare(compare), Action::Left | Action::Right) => compare.sideways(),
            // Revealing early needs someone to have finished.
            (Screen::Handover(_), Action::Reveal) => {
                shared.room.as_ref().is_some_and(|room| room.finished() > 0)
            }
            // Another round, or agreeing together, only in a workshop room.
            (Screen::Combined(_) | Screen::Compare(_), Action::NextRound | Action::Agree) => {
                shared.room.is_some()
            }
            _ => true,
        }
    }

    /// Applies a key (or a message typed or pasted) to the screen.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        // After a room's reveal, the way on: another round, or the room agreeing together.
        if let (Screen::Combined(_) | Screen::Compare(_), Some(_)) = (&*self, &shared.room) {
            match action {
                // A round writes a session for everyone: asked first.
                Action::NextRound => return Transition::OpenNextRound,
                Action::Agree => {
                    shared.effects.push(Effect::Room(RoomRequest::Agree));
                    return Transition::Stay;
                }
                _ => {}
            }
        }
        match self {
            Screen::Start(start) => start.update(action, shared),
            Screen::Question(question) => question.update(action, shared),
            Screen::Review(review) => review.update(action, shared),
            Screen::Result(result) => result.update(action),
            Screen::Combined(combined) => combined.update(action),
            Screen::Compare(compare) => compare.update(action),
            Screen::Setup(setup) => setup.update(action, shared),
            Screen::Handover(handover) => handover.update(action, shared),
        }
    }

    /// A click: it highlights what is under it, and picks what was highlighted already.
    pub fn click(&mut self, column: u16, row: u16, shared: &mut Shared) -> Transition {
        match self {
            Screen::Start(start) => start.click(column, row, shared),
            Screen::Question(question) => question.click(column, row, shared),
            Screen::Review(review) => review.click(column, row, shared),
            Screen::Compare(compare) => compare.click(column, row, shared),
            Screen::Result(_) | Screen::Combined(_) | Screen::Setup(_) | Screen::Handover(_) => {
                Transition::Stay
            }
        }
    }

    /// The wheel scrolls the text under it; over a list it moves the highlight.
    pub fn wheel(&mut self, down: bool, column: u16, row: u16, shared: &mut Shared) -> Transition {
        match self {
            Screen::Start(start) => start.wheel(down),
            Screen::Question(question) => return question.wheel(down, column, row, shared),
            Screen::Review(review) => return review.wheel(down, shared),
            Screen::Result(result) => result.wheel(down),
            Screen::Combined(combined) => combined.wheel(down),
            Screen::Compare(compare) => compare.wheel(down),
            Screen::Setup(_) | Screen::Handover(_) => {}
        }
        Transition::Stay
    }

    /// Lays the screen out for the current size and brings its scroll positions back within
    /// bounds, the highlighted row in view.
    pub fn settle(&mut self, shared: &Shared) {
        match self {
            Screen::Start(start) => start.settle(shared),
            Screen::Question(question) => question.settle(shared),
            Screen::Review(review) => review.settle(shared),
            Screen::Result(result) => result.settle(shared),
            Screen::Combined(combined) => combined.settle(shared),
            Screen::Compare(compare) => compare.settle(shared),
            Screen::Setup(setup) => setup.settle(shared),
            Screen::Handover(_) => {}
        }
    }

    /// Forgets the layout worked out for a size the screens are not drawn at (too small).
    pub fn forget_layout(&mut self) {
        match self {
            Screen::Question(question) => question.plan = None,
            Screen::Result(result) => result.plan = None,
            Screen::Combined(combined) => combined.plan = None,
            Screen::Compare(compare) => compare.plan = None,
            _ => {}
        }
    }

    /// The revealed workshop a workshop screen shows.
    pub fn reveal(&self) -> Option<&Arc<Reveal>> {
        match self {
            Screen::Combined(combined) => Some(&combined.reveal),
            Screen::Compare(compare) => Some(&compare.reveal),
            _ => None,
        }
    }
}
