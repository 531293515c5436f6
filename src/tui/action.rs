//! What the user can ask for: the `Action`s that keys, clicks, pasted text and resizes turn
//! into, and that `update` applies.

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter: answer, or open what is highlighted.
    Confirm,
    /// A digit key: answer with that choice (1-based).
    Number(u8),
    Back,
    Forward,
    /// Open or close the list of keys.
    Help,
    /// Ask "leave the interview?".
    AskQuit,
    /// Yes, leave.
    Leave,
    /// No, stay.
    Stay,
    /// Ctrl-C: leave without asking.
    QuitNow,
    /// Ctrl-Z: hand the terminal back to the shell until `fg`.
    Suspend,
    ToggleMouse,
    Resize {
        width: u16,
        height: u16,
    },
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        down: bool,
        column: u16,
        row: u16,
    },
    /// A character typed into a note or a name.
    Type(char),
    /// Text pasted into a note or a name.
    Paste(String),
    /// Editing: the cursor left, right, to the start or end of the line.
    Left,
    Right,
    Home,
    End,
    DeleteBack,
    DeleteForward,
    /// Enter in a note: a new line.
    Newline,
    /// Tab and Shift-Tab on the start screen.
    NextField,
    PreviousField,
    /// Open the note on a question.
    Note,
    /// Save the note and close it.
    Save,
    /// Ctrl-P in a note: private, or for the client again.
    TogglePrivate,
    /// Close the note without saving the changes.
    Discard,
    /// Esc in a note: close it, asking first when it changed.
    Close,
    /// `p` on the compare screen: the side panel in the grid's place, or the grid again.
    ShowPanel,
    /// To a workshop's compare screen.
    ShowCompare,
    /// To a workshop's combined result.
    ShowResult,
    /// Open the report overlay on the result screen.
    Export,
    /// Close a message.
    Dismiss,
    /// Reveal a workshop's answers now, before everyone has finished (asks first).
    Reveal,
    /// After a workshop's reveal: another round.
    NextRound,
    /// After a workshop's reveal: the interview the room answers together.
    Agree,
    /// A key that means nothing in the box over the screen: the footer says what closes it,
    /// so the box never seems to have hung.
    Unbound,
}
