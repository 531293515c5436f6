//! The key map: one table from keys to actions, per screen, kept in three parts (typing,
//! screens, overlays) read as one by `bindings`. The footer and the `?` overlay are generated
//! from it, so what the screen says is always what the keys do.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;

/// Where the keys are pressed: a screen, an overlay, or a window too small to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The start screen, typing a name.
    StartField,
    /// The start screen, on "Start" or a saved session.
    StartList,
    Question,
    Review,
    Result,
    Help,
    Quit,
    /// What to know first, after a resume.
    Notice,
    /// Writing a note.
    Note,
    /// "Save the changes?" on closing a changed note.
    NoteConfirm,
    /// Picking the report's format.
    Export,
    /// A revealed workshop's combined result.
    Combined,
    /// A revealed workshop's questions × people grid.
    Compare,
    /// A question's detail, or the side panel, in the grid's place.
    CompareText,
    /// A workshop room's set-up, typing the client or a person.
    SetupField,
    /// A workshop room's set-up, on "Start the workshop".
    SetupButton,
    /// A workshop room: passing the keyboard to the next person.
    Handover,
    /// A workshop room: a person's review of their own answers, before handing back.
    TurnReview,
    /// "Reveal the answers now?" before everyone has finished.
    RevealConfirm,
    /// "Start round N?" after a reveal.
    RoundConfirm,
    TooSmall,
}

/// Every context, for the keys that work wherever the user is.
pub const ALL: &[Context] = &[
    Context::StartField,
    Context::StartList,
    Context::Question,
    Context::Review,
    Context::Result,
    Context::Help,
    Context::Quit,
    Context::Notice,
    Context::Note,
    Context::NoteConfirm,
    Context::Export,
    Context::Combined,
    Context::Compare,
    Context::CompareText,
    Context::SetupField,
    Context::SetupButton,
    Context::Handover,
    Context::TurnReview,
    Context::RevealConfirm,
    Context::RoundConfirm,
    Context::TooSmall,
];

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
    /// Any character typed without Ctrl or Alt: text for a note or a name.
    AnyChar,
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

mod overlays;
mod screens;
mod typing;
mod workshop;

use Context as C;
use Key::{AnyChar, Char, Code, Ctrl, Digit};

/// Screens where the common keys (help, quit, mouse) work.
const ON_SCREENS: &[Context] = &[
    C::StartList,
    C::Question,
    C::Review,
    C::TurnReview,
    C::Result,
    C::Combined,
    C::Compare,
    C::SetupButton,
    C::Handover,
];

/// Whether a binding works on every screen, so the footer always shows it and the `?` list
/// puts it under "Anywhere".
pub fn everywhere(binding: &Binding) -> bool {
    [C::Question, C::Review, C::Result]
        .iter()
        .all(|c| binding.contexts.contains(c))
}

/// Every key the interview answers to, in the order the footer and the `?` list show them.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    [
        typing::TYPING,
        workshop::WORKSHOP,
        screens::SCREENS,
        overlays::OVERLAYS,
    ]
    .into_iter()
    .flatten()
}

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
    bindings()
        .filter(|b| b.contexts.contains(&context))
        .find_map(|b| {
            b.keys
                .iter()
                .find_map(|k| matches(*k, key))
                .map(|got| match (&b.action, got) {
                    (Action::Number(_), Got::Digit(d)) => Action::Number(d),
                    (Action::Type(_), Got::Char(c)) => Action::Type(c),
                    (action, _) => action.clone(),
                })
        })
}

/// Pasted text, where text can go; elsewhere it is passed over, so a paste can never answer
/// a question.
pub fn paste_action(context: Context, text: String) -> Option<Action> {
    matches!(
        context,
        Context::Note | Context::StartField | Context::SetupField
    )
    .then_some(Action::Paste(text))
}

/// What a key matched.
enum Got {
    Key,
    Digit(u8),
    Char(char),
}

/// Whether a key matches, and with what.
fn matches(want: Key, key: KeyEvent) -> Option<Got> {
    let ctrl_or_alt = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match (want, key.code) {
        (Code(code), got) if !ctrl_or_alt && code == got => Some(Got::Key),
        (Char(c), KeyCode::Char(got)) if !ctrl_or_alt && c == got => Some(Got::Key),
        (Ctrl(c), KeyCode::Char(got))
            if key.modifiers.contains(KeyModifiers::CONTROL) && got.eq_ignore_ascii_case(&c) =>
        {
            Some(Got::Key)
        }
        (Digit, KeyCode::Char(d @ '1'..='9')) if !ctrl_or_alt => Some(Got::Digit(d as u8 - b'0')),
        (AnyChar, KeyCode::Char(c)) if !ctrl_or_alt => Some(Got::Char(c)),
        _ => None,
    }
}

/// The footer's entries for a context, in table order.
pub fn footer(
    context: Context,
) -> impl Iterator<Item = (&'static Binding, &'static str, &'static str)> {
    bindings()
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
        for &context in ALL {
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
        for &context in ALL {
            let keys: Vec<Key> = bindings()
                .filter(|b| b.contexts.contains(&context))
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} twice in {context:?}");
            }
        }
    }
}
