//! Keys where text is typed: the names on the start screen, and a note.

use crossterm::event::KeyCode;

use super::{Binding, C, Key::*};
use crate::tui::action::Action;

/// The bindings where text is typed.
pub static TYPING: &[Binding] = &[
    // The start screen.
    Binding {
        contexts: &[C::StartField, C::StartList],
        keys: &[Code(KeyCode::Tab), Code(KeyCode::Down)],
        action: Action::NextField,
        help: Some((
            "Tab ↓  Shift-Tab ↑",
            "next or previous name, then the saved sessions",
        )),
        footer: Some(("Tab ↓", "next")),
    },
    Binding {
        contexts: &[C::StartField, C::StartList],
        keys: &[Code(KeyCode::BackTab), Code(KeyCode::Up)],
        action: Action::PreviousField,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::StartList],
        keys: &[Char('j')],
        action: Action::Down,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::StartList],
        keys: &[Char('k')],
        action: Action::Up,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::StartList],
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::StartList],
        keys: &[Code(KeyCode::End), Char('G')],
        action: Action::Bottom,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::StartField, C::StartList],
        keys: &[Code(KeyCode::Enter)],
        action: Action::Confirm,
        help: Some((
            "Enter",
            "start the interview, or carry on with the highlighted session",
        )),
        footer: Some(("Enter", "start or open")),
    },
    Binding {
        contexts: &[C::StartField],
        keys: &[Code(KeyCode::Esc)],
        action: Action::AskQuit,
        help: None,
        footer: Some(("Esc", "quit")),
    },
    // A workshop room's set-up: the client and the people, then "Start the workshop".
    Binding {
        contexts: &[C::SetupField, C::SetupButton],
        keys: &[Code(KeyCode::Tab), Code(KeyCode::Down)],
        action: Action::NextField,
        help: Some(("Tab ↓  Shift-Tab ↑", "next or previous line")),
        footer: Some(("Tab ↓", "next")),
    },
    Binding {
        contexts: &[C::SetupField, C::SetupButton],
        keys: &[Code(KeyCode::BackTab), Code(KeyCode::Up)],
        action: Action::PreviousField,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::SetupField, C::SetupButton],
        keys: &[Code(KeyCode::Enter)],
        action: Action::Confirm,
        help: Some((
            "Enter",
            "next line (after the last person: one more); on “Start the workshop”: start",
        )),
        footer: Some(("Enter", "next or start")),
    },
    Binding {
        contexts: &[C::SetupField],
        keys: &[Code(KeyCode::Esc)],
        action: Action::AskQuit,
        help: None,
        footer: Some(("Esc", "quit")),
    },
    Binding {
        contexts: &[C::StartField, C::SetupField, C::Note],
        keys: &[Code(KeyCode::Left)],
        action: Action::Left,
        help: Some((
            "← → Home End",
            "move the cursor in a name or a note (Home and End: the line's ends)",
        )),
        footer: None,
    },
    Binding {
        contexts: &[C::StartField, C::SetupField, C::Note],
        keys: &[Code(KeyCode::Right)],
        action: Action::Right,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::StartField, C::SetupField, C::Note],
        keys: &[Code(KeyCode::Home)],
        action: Action::Home,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::StartField, C::SetupField, C::Note],
        keys: &[Code(KeyCode::End)],
        action: Action::End,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::StartField, C::SetupField, C::Note],
        keys: &[Code(KeyCode::Backspace)],
        action: Action::DeleteBack,
        help: Some(("Backspace Delete", "delete before or after the cursor")),
        footer: None,
    },
    Binding {
        contexts: &[C::StartField, C::SetupField, C::Note],
        keys: &[Code(KeyCode::Delete)],
        action: Action::DeleteForward,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::StartField, C::SetupField, C::Note],
        keys: &[AnyChar],
        action: Action::Type(' '),
        help: Some(("type, paste", "the text goes in at the cursor")),
        footer: None,
    },
    // Writing a note.
    Binding {
        contexts: &[C::Note],
        keys: &[Ctrl('s')],
        action: Action::Save,
        help: Some(("Ctrl-S", "save the note and close it")),
        footer: Some(("Ctrl-S", "save")),
    },
    Binding {
        contexts: &[C::Note],
        keys: &[Ctrl('p')],
        action: Action::TogglePrivate,
        help: Some((
            "Ctrl-P",
            "private (for you only, never in the client's report) or for the client",
        )),
        footer: Some(("Ctrl-P", "private")),
    },
    Binding {
        contexts: &[C::Note],
        keys: &[Code(KeyCode::Esc)],
        action: Action::Close,
        help: Some(("Esc", "close the note (asks first if it changed)")),
        footer: Some(("Esc", "close")),
    },
    Binding {
        contexts: &[C::Note],
        keys: &[Code(KeyCode::Enter)],
        action: Action::Newline,
        help: Some(("Enter", "start a new line")),
        footer: Some(("Enter", "new line")),
    },
    Binding {
        contexts: &[C::Note],
        keys: &[Code(KeyCode::Up)],
        action: Action::Up,
        help: Some(("↑ ↓", "the row above or below")),
        footer: None,
    },
    Binding {
        contexts: &[C::Note],
        keys: &[Code(KeyCode::Down)],
        action: Action::Down,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::NoteConfirm],
        keys: &[Char('y'), Ctrl('s')],
        action: Action::Save,
        help: None,
        footer: Some(("y", "save")),
    },
    Binding {
        contexts: &[C::NoteConfirm],
        keys: &[Char('n')],
        action: Action::Discard,
        help: None,
        footer: Some(("n", "discard")),
    },
    Binding {
        contexts: &[C::NoteConfirm],
        keys: &[Code(KeyCode::Esc), Char('q')],
        action: Action::Stay,
        help: None,
        footer: Some(("Esc", "keep writing")),
    },
];
