//! The boxes drawn over a screen, each owning its state: the list of keys, "leave the
//! interview?", the notice shown on resume, the note editor, the report menu and, in a
//! workshop room, "reveal the answers now?". While one is
//! open it takes every key; `q` or Esc closes it (the note editor, where `q` is a letter, says
//! on its edge that Esc closes it), and a key that means nothing in it says in the footer what
//! does.

pub mod export;
pub mod help;
pub mod note;
pub mod notice;
mod scrolling;

use export::ExportMenu;
use help::HelpOverlay;
use note::NoteEdit;
use notice::NoticeOverlay;

use super::action::Action;
use super::host::Effect;
use super::keys::Context;
use super::room::RoomRequest;
use super::shared::Shared;
use super::transition::Transition;

/// A box over the screen, with its state.
pub enum Overlay {
    Help(HelpOverlay),
    /// "Leave the interview?".
    Quit,
    /// What to know before going on: a session resumed, a question tree changed.
    Notice(NoticeOverlay),
    /// The note editor.
    Note(NoteEdit),
    /// Writing the report.
    Export(ExportMenu),
    /// "Reveal the answers now?", before everyone in a workshop room has finished.
    Reveal,
    /// "Start round N?": a new round writes a session for everyone, so it is asked first.
    NextRound,
}

/// Which box is open, without its state: for tests to say where the user is.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlayKind {
    Help,
    Quit,
    Notice,
    Note,
    Export,
    Reveal,
    NextRound,
}

impl Overlay {
    /// Which box this is.
    #[cfg(test)]
    pub fn kind(&self) -> OverlayKind {
        match self {
            Overlay::Help(_) => OverlayKind::Help,
            Overlay::Quit => OverlayKind::Quit,
            Overlay::Notice(_) => OverlayKind::Notice,
            Overlay::Note(_) => OverlayKind::Note,
            Overlay::Export(_) => OverlayKind::Export,
            Overlay::Reveal => OverlayKind::Reveal,
            Overlay::NextRound => OverlayKind::NextRound,
        }
    }

    /// Where keys are pressed while the box is open.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help(_) => Context::Help,
            Overlay::Quit => Context::Quit,
            Overlay::Notice(_) => Context::Notice,
            Overlay::Note(note) if note.confirming => Context::NoteConfirm,
            Overlay::Note(_) => Context::Note,
            Overlay::Export(_) => Context::Export,
            Overlay::Reveal => Context::RevealConfirm,
            Overlay::NextRound => Context::RoundConfirm,
        }
    }

    /// Applies a key (or text typed or pasted) to the box.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        match self {
            Overlay::Help(help) => help.update(action, shared),
            Overlay::Quit => match action {
                Action::Leave => Transition::Leave,
                Action::Stay => Transition::Close,
                Action::Unbound => {
                    shared.notice = Some("Press y to leave, or n or Esc to stay.".into());
                    Transition::Stay
                }
                _ => Transition::Stay,
            },
            Overlay::Notice(notice) => notice.update(action, shared),
            Overlay::Note(note) => note.update(action, shared),
            Overlay::Export(menu) => menu.update(action, shared),
            Overlay::Reveal => match action {
                Action::Confirm => {
                    let early = RoomRequest::Reveal { early: true };
                    shared.effects.push(Effect::Room(early));
                    Transition::Close
                }
                Action::Stay => Transition::Close,
                Action::Unbound => {
                    shared.notice = Some("Press y to reveal now, or n or Esc to wait.".into());
                    Transition::Stay
                }
                _ => Transition::Stay,
            },
            Overlay::NextRound => match action {
                Action::Confirm => {
                    shared.effects.push(Effect::Room(RoomRequest::NextRound));
                    Transition::Close
                }
                Action::Stay => Transition::Close,
                Action::Unbound => {
                    shared.notice =
                        Some("Press y to start the next round, or n or Esc to stay.".into());
                    Transition::Stay
                }
                _ => Transition::Stay,
            },
        }
    }

    /// The wheel scrolls the boxes that scroll.
    pub fn wheel(&mut self, down: bool) {
        match self {
            Overlay::Help(help) => help.text.wheel(down),
            Overlay::Notice(notice) => notice.text.wheel(down),
            _ => {}
        }
    }

    /// Brings the box's scroll back within bounds for the current size.
    pub fn settle(&mut self, shared: &Shared) {
        match self {
            Overlay::Help(help) => help.settle(shared),
            Overlay::Notice(notice) => notice.settle(shared),
            Overlay::Note(note) => note.settle(shared),
            _ => {}
        }
    }
}
