//! The end of a workshop room: the answers are revealed (as planned, or early), and what comes
//! next. It shows no one's answers itself: the combined result is for the screens and commands
//! built on it.

use crate::tui::action::Action;
use crate::tui::transition::Transition;

/// The reveal on screen.
pub struct RevealedScreen;

impl RevealedScreen {
    /// Applies a key.
    pub fn update(&mut self, action: Action) -> Transition {
        match action {
            Action::Help => Transition::OpenHelp,
            Action::AskQuit => Transition::OpenQuit,
            _ => Transition::Stay,
        }
    }
}
