//! Keys in the boxes over the screen: the list of keys, the notice, the report and "leave?".
//! In each, `q` and Esc close the box (in "leave?", `q` leaves), and any other letter is
//! `Unbound`, which has the footer say what closes it.

use crossterm::event::KeyCode;

use super::{Binding, C, Key::*};
use crate::tui::action::Action;

/// The bindings of the boxes over the screen.
pub static OVERLAYS: &[Binding] = &[
    // The help overlay.
    Binding {
        contexts: &[C::Help],
        keys: &[
            Char('?'),
            Char('q'),
            Code(KeyCode::Esc),
            Code(KeyCode::F(1)),
        ],
        action: Action::Help,
        help: None,
        footer: Some(("? Esc", "close")),
    },
    Binding {
        contexts: &[C::Help],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Help],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "scroll")),
    },
    Binding {
        contexts: &[C::Help],
        keys: &[Code(KeyCode::PageUp)],
        action: Action::PageUp,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Help],
        keys: &[Code(KeyCode::PageDown), Char(' ')],
        action: Action::PageDown,
        help: None,
        footer: None,
    },
    // What to know first.
    Binding {
        contexts: &[C::Notice],
        keys: &[
            Code(KeyCode::Enter),
            Code(KeyCode::Esc),
            Char('q'),
            Char('y'),
        ],
        action: Action::Dismiss,
        help: None,
        footer: Some(("Enter", "continue")),
    },
    Binding {
        contexts: &[C::Notice],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Notice],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "scroll")),
    },
    Binding {
        contexts: &[C::Notice],
        keys: &[Code(KeyCode::PageUp)],
        action: Action::PageUp,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Notice],
        keys: &[Code(KeyCode::PageDown), Char(' ')],
        action: Action::PageDown,
        help: None,
        footer: None,
    },
    // Writing the report.
    Binding {
        contexts: &[C::Export],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Export],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "move")),
    },
    Binding {
        contexts: &[C::Export],
        keys: &[Digit],
        action: Action::Number(1),
        help: None,
        footer: Some((crate::tui::overlays::export::KEYS, "write")),
    },
    Binding {
        contexts: &[C::Export],
        keys: &[Code(KeyCode::Enter)],
        action: Action::Confirm,
        help: None,
        footer: Some(("Enter", "write")),
    },
    Binding {
        contexts: &[C::Export],
        keys: &[Char('c')],
        action: Action::TogglePrivate,
        help: None,
        footer: Some(("c", "consultant's copy")),
    },
    Binding {
        contexts: &[C::Export],
        keys: &[Code(KeyCode::Esc), Char('q'), Char('e')],
        action: Action::Dismiss,
        help: None,
        footer: Some(("Esc", "close")),
    },
    // The question "leave the interview?".
    Binding {
        contexts: &[C::Quit],
        keys: &[Char('y'), Char('q')],
        action: Action::Leave,
        help: None,
        footer: Some(("y", "leave")),
    },
    Binding {
        contexts: &[C::Quit],
        keys: &[Char('n'), Code(KeyCode::Esc)],
        action: Action::Stay,
        help: None,
        footer: Some(("n Esc", "stay")),
    },
    // "Reveal the answers now?".
    Binding {
        contexts: &[C::RevealConfirm],
        keys: &[Char('y')],
        action: Action::Confirm,
        help: None,
        footer: Some(("y", "reveal now")),
    },
    Binding {
        contexts: &[C::RevealConfirm],
        keys: &[Char('n'), Char('q'), Code(KeyCode::Esc)],
        action: Action::Stay,
        help: None,
        footer: Some(("n Esc", "wait")),
    },
    // "Start round N?".
    Binding {
        contexts: &[C::RoundConfirm],
        keys: &[Char('y')],
        action: Action::Confirm,
        help: None,
        footer: Some(("y", "start it")),
    },
    Binding {
        contexts: &[C::RoundConfirm],
        keys: &[Char('n'), Char('q'), Code(KeyCode::Esc)],
        action: Action::Stay,
        help: None,
        footer: Some(("n Esc", "not now")),
    },
    // Any other letter in a box: the footer says what closes it.
    Binding {
        contexts: &[
            C::Help,
            C::Quit,
            C::Notice,
            C::NoteConfirm,
            C::Export,
            C::RevealConfirm,
            C::RoundConfirm,
        ],
        keys: &[AnyChar],
        action: Action::Unbound,
        help: None,
        footer: None,
    },
];
