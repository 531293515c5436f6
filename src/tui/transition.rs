//! What a screen or an overlay asks of the app after a key, a click or the wheel: another
//! screen, a box opened or closed, or leaving. The screens change their own state themselves;
//! what concerns the whole app comes back as a `Transition`, so no screen builds another.

/// Where to go next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// Nothing beyond what the screen or box changed in itself.
    Stay,
    /// The current question, fresh: its answer highlighted. `changing` when it was opened from
    /// the review to change that answer, so answering goes back there.
    Question { changing: bool },
    /// The review of the answers, "See the recommendation" highlighted.
    Review,
    /// The recommendation, when the interview is finished.
    Result,
    /// A revealed workshop's combined result, from the workshop screen shown.
    Combined,
    /// A revealed workshop's compare grid, from the workshop screen shown.
    Compare,
    /// The list of keys.
    OpenHelp,
    /// "Leave the interview?".
    OpenQuit,
    /// The note editor, on a question or the interview as a whole.
    OpenNote(NoteOn),
    /// Writing the report.
    OpenExport,
    /// "Reveal the answers now?", in a workshop room.
    OpenReveal,
    /// "Start round N?", after a room's reveal.
    OpenNextRound,
    /// Close the box over the screen.
    Close,
    /// Leave the interview.
    Leave,
}

/// What a note is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteOn {
    /// The question with this index in the tree.
    Question(usize),
    /// The interview as a whole.
    Interview,
}
