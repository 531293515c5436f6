//! Keys on the question, review and result screens, and those that work on every screen.

use crossterm::event::KeyCode;

use super::{ALL, Binding, C, Key::*, ON_SCREENS};
use crate::tui::action::Action;

/// The bindings of the screens, and those that work on every one.
pub static SCREENS: &[Binding] = &[
    // A question.
    Binding {
        contexts: &[C::Question],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: Some(("↑ k  ↓ j", "highlight the choice above or below")),
        footer: None,
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "move")),
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Digit],
        action: Action::Number(1),
        help: Some(("1–9", "answer with that choice at once")),
        footer: Some(("1-9", "answer")),
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Code(KeyCode::Enter), Char(' ')],
        action: Action::Confirm,
        help: Some(("Enter Space", "answer with the highlighted choice")),
        footer: Some(("Enter", "choose")),
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Code(KeyCode::Left), Code(KeyCode::Backspace), Char('h')],
        action: Action::Back,
        help: Some(("← Backspace h", "back to the previous question")),
        footer: Some(("←", "back")),
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Code(KeyCode::Right), Char('l')],
        action: Action::Forward,
        help: Some(("→ l", "forward again, keeping the answer given")),
        footer: Some(("→", "forward")),
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Char('n')],
        action: Action::Note,
        help: Some(("n", "write a note on this question")),
        footer: Some(("n", "note")),
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Code(KeyCode::PageUp)],
        action: Action::PageUp,
        help: Some(("PgUp PgDn", "scroll “Why this matters”")),
        footer: None,
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Code(KeyCode::PageDown)],
        action: Action::PageDown,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        help: Some(("Home g  End G", "first or last choice")),
        footer: None,
    },
    Binding {
        contexts: &[C::Question],
        keys: &[Code(KeyCode::End), Char('G')],
        action: Action::Bottom,
        help: None,
        footer: None,
    },
    // The review of the answers.
    Binding {
        contexts: &[C::Review, C::TurnReview],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: Some(("↑ k  ↓ j", "highlight an answer")),
        footer: None,
    },
    Binding {
        contexts: &[C::Review, C::TurnReview],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "move")),
    },
    Binding {
        contexts: &[C::Review, C::TurnReview],
        keys: &[Code(KeyCode::Enter), Char(' ')],
        action: Action::Confirm,
        help: Some((
            "Enter Space",
            "change the highlighted answer (the interview goes on from there)",
        )),
        footer: Some(("Enter", "open")),
    },
    Binding {
        contexts: &[C::Review],
        keys: &[Code(KeyCode::Right), Char('l')],
        action: Action::Forward,
        help: Some(("→ l", "see the recommendation")),
        footer: Some(("→", "recommendation")),
    },
    Binding {
        contexts: &[C::TurnReview],
        keys: &[Code(KeyCode::Right), Char('l')],
        action: Action::Forward,
        help: Some((
            "→ l",
            "finish and hand the keyboard back (your answers stay hidden until everyone has answered)",
        )),
        footer: Some(("→", "finish")),
    },
    Binding {
        contexts: &[C::Review, C::TurnReview],
        keys: &[Char('n')],
        action: Action::Note,
        help: Some((
            "n",
            "write a note on the highlighted answer's question (on “See the recommendation”: on the whole interview)",
        )),
        footer: Some(("n", "note")),
    },
    Binding {
        contexts: &[C::Review, C::TurnReview],
        keys: &[Code(KeyCode::Left), Code(KeyCode::Backspace), Char('h')],
        action: Action::Back,
        help: Some(("← Backspace h", "back to the last question")),
        footer: Some(("←", "back")),
    },
    Binding {
        contexts: &[C::Review, C::TurnReview],
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        help: Some(("Home g  End G", "first answer, or “See the recommendation”")),
        footer: None,
    },
    Binding {
        contexts: &[C::Review, C::TurnReview],
        keys: &[Code(KeyCode::End), Char('G')],
        action: Action::Bottom,
        help: None,
        footer: None,
    },
    // The recommendation.
    Binding {
        contexts: &[C::Result],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: Some(("↑ k  ↓ j", "scroll a line")),
        footer: None,
    },
    Binding {
        contexts: &[C::Result],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "scroll")),
    },
    Binding {
        contexts: &[C::Result],
        keys: &[Code(KeyCode::PageUp), Char('b')],
        action: Action::PageUp,
        help: Some(("PgUp b  PgDn Space", "scroll a page")),
        footer: None,
    },
    Binding {
        contexts: &[C::Result],
        keys: &[Code(KeyCode::PageDown), Char(' ')],
        action: Action::PageDown,
        help: None,
        footer: Some(("PgDn", "page")),
    },
    Binding {
        contexts: &[C::Result],
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        help: Some(("Home g  End G", "top or bottom")),
        footer: None,
    },
    Binding {
        contexts: &[C::Result],
        keys: &[Code(KeyCode::End), Char('G')],
        action: Action::Bottom,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Result],
        keys: &[Code(KeyCode::Left), Code(KeyCode::Backspace), Char('h')],
        action: Action::Back,
        help: Some(("← Backspace h", "back to your answers")),
        footer: Some(("←", "answers")),
    },
    Binding {
        contexts: &[C::Result],
        keys: &[Char('e')],
        action: Action::Export,
        help: Some(("e", "write the report: HTML, Markdown or JSON")),
        footer: Some(("e", "export")),
    },
    Binding {
        contexts: &[C::Result],
        keys: &[Char('n')],
        action: Action::Note,
        help: Some(("n", "write a note on the interview as a whole")),
        footer: Some(("n", "note")),
    },
    // A workshop room, between two people.
    Binding {
        contexts: &[C::Handover],
        keys: &[Code(KeyCode::Enter), Char(' ')],
        action: Action::Confirm,
        help: Some((
            "Enter Space",
            "begin this person's turn (when everyone has answered: reveal the answers)",
        )),
        footer: Some(("Enter", "go on")),
    },
    Binding {
        contexts: &[C::Handover],
        keys: &[Char('r')],
        action: Action::Reveal,
        help: Some((
            "r",
            "reveal the answers now, before everyone has finished (asks first; the result says so)",
        )),
        footer: Some(("r", "reveal now")),
    },
    // A workshop room, the answers revealed (on the workshop's result and compare screens).
    Binding {
        contexts: &[C::Combined, C::Compare],
        keys: &[Char('n')],
        action: Action::NextRound,
        help: Some((
            "n",
            "in a workshop room: the next round, each person again, their own earlier answers offered",
        )),
        footer: Some(("n", "next round")),
    },
    Binding {
        contexts: &[C::Combined, C::Compare],
        keys: &[Char('a')],
        action: Action::Agree,
        help: Some((
            "a",
            "in a workshop room: agree together, one interview answered by the room with each person's answers beside each question",
        )),
        footer: Some(("a", "agree")),
    },
    // Everywhere.
    Binding {
        contexts: ON_SCREENS,
        keys: &[Char('?')],
        action: Action::Help,
        help: Some(("? F1", "show or hide this list of keys")),
        footer: Some(("?", "keys")),
    },
    Binding {
        contexts: &[C::StartField, C::SetupField],
        keys: &[Code(KeyCode::F(1))],
        action: Action::Help,
        help: None,
        footer: Some(("F1", "keys")),
    },
    Binding {
        contexts: ON_SCREENS,
        keys: &[Code(KeyCode::F(1))],
        action: Action::Help,
        help: None,
        footer: None,
    },
    Binding {
        contexts: ON_SCREENS,
        keys: &[Char('q'), Code(KeyCode::Esc)],
        action: Action::AskQuit,
        help: Some(("q Esc", "leave (asks first)")),
        footer: Some(("q", "quit")),
    },
    Binding {
        contexts: ALL,
        keys: &[Ctrl('c')],
        action: Action::QuitNow,
        help: Some(("Ctrl-C", "quit at once")),
        footer: None,
    },
    Binding {
        contexts: ALL,
        keys: &[Ctrl('z')],
        action: Action::Suspend,
        help: Some((
            "Ctrl-Z",
            "suspend to the shell; `fg` brings the interview back",
        )),
        footer: None,
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Char('?'), Code(KeyCode::F(1))],
        action: Action::Help,
        help: None,
        footer: Some(("?", "keys")),
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Char('m')],
        action: Action::ToggleMouse,
        help: None,
        footer: None,
    },
    Binding {
        contexts: ON_SCREENS,
        keys: &[Char('m')],
        action: Action::ToggleMouse,
        help: Some(("m", "mouse on or off (off lets you select text)")),
        footer: None,
    },
];
