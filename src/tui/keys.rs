//! The key map: one table from keys to actions, per screen. The footer and the `?` overlay are
//! generated from it, so what the screen says is always what the keys do.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::app::Action;

/// Where the keys are pressed: a screen, an overlay, or a window too small to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Question,
    Review,
    Result,
    Help,
    Quit,
    TooSmall,
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A special key (arrows, Enter…), without Ctrl or Alt.
    Code(KeyCode),
    /// A character typed on its own (Shift allowed, so `?` and `G` work).
    Char(char),
    /// A character with Ctrl held.
    Ctrl(char),
    /// Any of the digits 1 to 9; the action receives which.
    Digit,
}

/// One row of the key map.
pub struct Binding {
    pub contexts: &'static [Context],
    pub keys: &'static [Key],
    pub action: Action,
    /// The keys and what they do, as the `?` overlay lists them (`None` when a neighbouring row
    /// already says it).
    pub help: Option<(&'static str, &'static str)>,
    /// The short form in the footer, when it is shown there.
    pub footer: Option<(&'static str, &'static str)>,
}

use Context as C;
use Key::{Char, Code, Ctrl, Digit};

/// Screens where the common keys (help, quit, mouse) work.
const SCREENS: &[Context] = &[C::Question, C::Review, C::Result];

/// Every key the interview answers to.
pub static BINDINGS: &[Binding] = &[
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
        contexts: &[C::Review],
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        help: Some(("↑ k  ↓ j", "highlight an answer")),
        footer: None,
    },
    Binding {
        contexts: &[C::Review],
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        help: None,
        footer: Some(("↑↓", "move")),
    },
    Binding {
        contexts: &[C::Review],
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
        contexts: &[C::Review],
        keys: &[Code(KeyCode::Left), Code(KeyCode::Backspace), Char('h')],
        action: Action::Back,
        help: Some(("← Backspace h", "back to the last question")),
        footer: Some(("←", "back")),
    },
    Binding {
        contexts: &[C::Review],
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        help: Some(("Home g  End G", "first answer, or “See the recommendation”")),
        footer: None,
    },
    Binding {
        contexts: &[C::Review],
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
    // Everywhere.
    Binding {
        contexts: SCREENS,
        keys: &[Char('?')],
        action: Action::Help,
        help: Some(("?", "show or hide this list of keys")),
        footer: Some(("?", "keys")),
    },
    Binding {
        contexts: SCREENS,
        keys: &[Char('q'), Code(KeyCode::Esc)],
        action: Action::AskQuit,
        help: Some(("q Esc", "leave the interview (asks first)")),
        footer: Some(("q", "quit")),
    },
    Binding {
        contexts: &[
            C::Question,
            C::Review,
            C::Result,
            C::Help,
            C::Quit,
            C::TooSmall,
        ],
        keys: &[Ctrl('c')],
        action: Action::QuitNow,
        help: Some(("Ctrl-C", "quit at once")),
        footer: None,
    },
    Binding {
        contexts: &[
            C::Question,
            C::Review,
            C::Result,
            C::Help,
            C::Quit,
            C::TooSmall,
        ],
        keys: &[Ctrl('z')],
        action: Action::Suspend,
        help: Some((
            "Ctrl-Z",
            "suspend to the shell; `fg` brings the interview back",
        )),
        footer: None,
    },
    Binding {
        contexts: SCREENS,
        keys: &[Char('m')],
        action: Action::ToggleMouse,
        help: Some(("m", "mouse on or off (off lets you select text)")),
        footer: None,
    },
    // The help overlay.
    Binding {
        contexts: &[C::Help],
        keys: &[Char('?'), Char('q'), Code(KeyCode::Esc)],
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
];

/// What the mouse does, for the `?` overlay.
pub const MOUSE_HELP: &[(&str, &str)] = &[
    (
        "click",
        "highlight a choice or an answer; click it again to pick it",
    ),
    ("wheel", "scroll long text, or move through a list"),
];

/// The action a mouse event asks for: a left click or the wheel; movement and the other
/// buttons mean nothing here.
pub fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            down: true,
            column,
            row,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            down: false,
            column,
            row,
        }),
        _ => None,
    }
}

/// The action a key press asks for here, if any. Key releases and repeats from terminals that
/// report them are ignored, so one press is one action.
pub fn action_for(context: Context, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .find_map(|b| {
            b.keys
                .iter()
                .find_map(|k| matches(*k, key))
                .map(|digit| match (b.action, digit) {
                    (Action::Number(_), Some(d)) => Action::Number(d),
                    (action, _) => action,
                })
        })
}

/// Whether a key matches: `Some(None)` for a plain match, `Some(Some(d))` for the digit `d`.
fn matches(want: Key, key: KeyEvent) -> Option<Option<u8>> {
    let ctrl_or_alt = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match (want, key.code) {
        (Code(code), got) if !ctrl_or_alt && code == got => Some(None),
        (Char(c), KeyCode::Char(got)) if !ctrl_or_alt && c == got => Some(None),
        (Ctrl(c), KeyCode::Char(got))
            if key.modifiers.contains(KeyModifiers::CONTROL) && got.eq_ignore_ascii_case(&c) =>
        {
            Some(None)
        }
        (Digit, KeyCode::Char(d @ '1'..='9')) if !ctrl_or_alt => Some(Some(d as u8 - b'0')),
        _ => None,
    }
}

/// The footer's entries for a context, in table order.
pub fn footer(
    context: Context,
) -> impl Iterator<Item = (&'static Binding, &'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(move |b| b.contexts.contains(&context))
        .filter_map(|b| b.footer.map(|(k, d)| (b, k, d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_carry_their_value() {
        assert_eq!(
            action_for(C::Question, press(KeyCode::Char('7'))),
            Some(Action::Number(7))
        );
        assert_eq!(action_for(C::Question, press(KeyCode::Char('0'))), None);
    }

    #[test]
    fn the_same_key_means_what_the_screen_says() {
        let esc = press(KeyCode::Esc);
        assert_eq!(action_for(C::Question, esc), Some(Action::AskQuit));
        assert_eq!(action_for(C::Quit, esc), Some(Action::Stay));
        assert_eq!(action_for(C::Help, esc), Some(Action::Help));
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_plain_c_does_nothing() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for context in [
            C::Question,
            C::Review,
            C::Result,
            C::Help,
            C::Quit,
            C::TooSmall,
        ] {
            assert_eq!(action_for(context, ctrl_c), Some(Action::QuitNow));
        }
        assert_eq!(action_for(C::Question, press(KeyCode::Char('c'))), None);
    }

    #[test]
    fn a_too_small_window_ignores_everything_but_ctrl_c() {
        for code in [KeyCode::Enter, KeyCode::Char('q'), KeyCode::Char('1')] {
            assert_eq!(action_for(C::TooSmall, press(code)), None);
        }
    }

    #[test]
    fn releases_are_ignored_and_shifted_characters_match() {
        let mut release = press(KeyCode::Enter);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(C::Question, release), None);
        let shifted_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(C::Result, shifted_g), Some(Action::Bottom));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for context in [
            C::Question,
            C::Review,
            C::Result,
            C::Help,
            C::Quit,
            C::TooSmall,
        ] {
            let keys: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| b.contexts.contains(&context))
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} twice in {context:?}");
            }
        }
    }
}
