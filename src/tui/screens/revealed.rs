//! The end of a workshop room's round: the answers are revealed (as planned, or early), and what
//! comes next: another round (`r`), or the interview the room answers together (`a`). It shows
//! no one's answers itself: the combined result is for the screens and commands built on it.

use crate::tui::action::Action;
use crate::tui::host::Effect;
use crate::tui::room::RoomRequest;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The reveal on screen.
pub struct RevealedScreen;

impl RevealedScreen {
    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        let request = match action {
            Action::NextRound => RoomRequest::NextRound,
            Action::Agree => RoomRequest::Agree,
            Action::Help => return Transition::OpenHelp,
            Action::AskQuit => return Transition::OpenQuit,
            _ => return Transition::Stay,
        };
        shared.effects.push(Effect::Room(request));
        Transition::Stay
    }
}
