//! Keys on a revealed workshop's screens: its combined result, the compare grid, and a
//! question's detail or the side panel shown in the grid's place (where `q`, Esc and Backspace
//! go back to the grid, as a box closes).

use crossterm::event::KeyCode;

use super::{Binding, C, Key::*};
use crate::tui::action::Action;

/// The bindings of the workshop's screens.
pub static WORKSHOP: &[Binding] = &[
    // The compare grid.
    Binding {
        contexts: &[C::Compare],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: Some(("↑ k  ↓ j", "highlight a question")),
        footer: None,
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "move")),
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Code(KeyCode::Enter), Char(' ')],
        action: Action::Confirm,
        help: Some((
            "Enter Space",
            "open the question: each person's answer and why, and what would change if everyone answered like one of them",
        )),
        footer: Some(("Enter", "detail")),
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Code(KeyCode::Left), Char('h')],
        action: Action::Left,
        help: Some((
            "← h  → l",
            "the people to the left or right, when not everyone fits",
        )),
        footer: Some(("←→", "people")),
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Code(KeyCode::Right), Char('l')],
        action: Action::Right,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Code(KeyCode::PageUp), Char('b')],
        action: Action::PageUp,
        help: Some(("PgUp b  PgDn", "a page of questions up or down")),
        footer: None,
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Code(KeyCode::PageDown)],
        action: Action::PageDown,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        help: Some(("Home g  End G", "the first or last question")),
        footer: None,
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Code(KeyCode::End), Char('G')],
        action: Action::Bottom,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Char('p')],
        action: Action::ShowPanel,
        help: Some((
            "p",
            "the panel in the grid's place: each person's own result, the combined scores and the rule (beside or below the grid when there is room)",
        )),
        footer: Some(("p", "panel")),
    },
    Binding {
        contexts: &[C::Compare],
        keys: &[Char('r')],
        action: Action::ShowResult,
        help: Some(("r", "the workshop's result")),
        footer: Some(("r", "result")),
    },
    // A question's detail, or the panel, in the grid's place.
    Binding {
        contexts: &[C::CompareText],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: Some(("↑ k  ↓ j", "scroll a line")),
        footer: None,
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "scroll")),
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Code(KeyCode::PageUp), Char('b')],
        action: Action::PageUp,
        help: Some(("PgUp b  PgDn Space", "scroll a page")),
        footer: None,
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Code(KeyCode::PageDown), Char(' ')],
        action: Action::PageDown,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        help: Some(("Home g  End G", "top or bottom")),
        footer: None,
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Code(KeyCode::End), Char('G')],
        action: Action::Bottom,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Code(KeyCode::Left), Char('h')],
        action: Action::Left,
        help: Some(("← h  → l", "the previous or next question in the grid")),
        footer: Some(("←→", "question")),
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Code(KeyCode::Right), Char('l')],
        action: Action::Right,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Char('q'), Code(KeyCode::Esc), Code(KeyCode::Backspace)],
        action: Action::Close,
        help: Some(("q Esc Backspace", "back to the grid")),
        footer: Some(("Esc", "grid")),
    },
    Binding {
        contexts: &[C::CompareText],
        keys: &[Char('p')],
        action: Action::ShowPanel,
        help: Some(("p", "the panel, or the grid again")),
        footer: Some(("p", "panel")),
    },
    // The workshop's result.
    Binding {
        contexts: &[C::Combined],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: Some(("↑ k  ↓ j", "scroll a line")),
        footer: None,
    },
    Binding {
        contexts: &[C::Combined],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "scroll")),
    },
    Binding {
        contexts: &[C::Combined],
        keys: &[Code(KeyCode::PageUp), Char('b')],
        action: Action::PageUp,
        help: Some(("PgUp b  PgDn Space", "scroll a page")),
        footer: None,
    },
    Binding {
        contexts: &[C::Combined],
        keys: &[Code(KeyCode::PageDown), Char(' ')],
        action: Action::PageDown,
        help: None,
        footer: Some(("PgDn", "page")),
    },
    Binding {
        contexts: &[C::Combined],
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        help: Some(("Home g  End G", "top or bottom")),
        footer: None,
    },
    Binding {
        contexts: &[C::Combined],
        keys: &[Code(KeyCode::End), Char('G')],
        action: Action::Bottom,
        help: None,
        footer: None,
    },
    Binding {
        contexts: &[C::Combined],
        keys: &[Char('c'), Code(KeyCode::Enter)],
        action: Action::ShowCompare,
        help: Some((
            "c Enter",
            "compare everyone's answers, question by question",
        )),
        footer: Some(("c", "compare")),
    },
];
