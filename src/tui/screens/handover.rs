//! Passing the keyboard in a workshop room: whose turn is next ("Pass the keyboard to Ben
//! (CFO) · 2 of 4") and thanks to whoever just finished, with nothing of anyone's answers on
//! screen; or, once everyone has answered, the way to the reveal. Enter begins the turn (or
//! reveals); `r` reveals early, after asking.

use crate::tui::action::Action;
use crate::tui::host::Effect;
use crate::tui::room::{Room, RoomRequest};
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The handover on screen.
pub struct HandoverScreen {
    /// Who answers next (an index into the room's people); `None` once everyone has finished.
    pub next: Option<usize>,
    /// Who just finished, to thank by name.
    pub thanked: Option<usize>,
}

impl HandoverScreen {
    /// The handover to the next person who has not finished.
    pub fn new(room: &Room, thanked: Option<usize>) -> HandoverScreen {
        HandoverScreen {
            next: room.next_up(),
            thanked,
        }
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        let Some(room) = &shared.room else {
            return Transition::Stay;
        };
        match action {
            Action::Confirm => {
                let request = match self.next {
                    Some(person) => RoomRequest::Turn(person),
                    None => RoomRequest::Reveal { early: false },
                };
                shared.effects.push(Effect::Room(request));
            }
            Action::Reveal if room.finished() == 0 => {
                shared.notice =
                    Some("Nobody has finished yet, so there is nothing to reveal.".into());
            }
            Action::Reveal if room.next_up().is_none() => {
                shared
                    .effects
                    .push(Effect::Room(RoomRequest::Reveal { early: false }));
            }
            Action::Reveal => return Transition::OpenReveal,
            Action::Help => return Transition::OpenHelp,
            Action::AskQuit => return Transition::OpenQuit,
            _ => {}
        }
        Transition::Stay
    }
}
