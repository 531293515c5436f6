//! What every screen and overlay reads: the interview and its notes, the client's name, the
//! theme and the terminal's size; and what they may say back: a one-off message for the footer,
//! and the effects for the run loop to have done. The layout works from this and the screen's
//! own state alone, so `update` and the view lay a screen out the same way without either
//! calling the other.

use std::collections::{BTreeMap, BTreeSet};

use ratatui::layout::Rect;
use techhire::{Interview, Tree};

use super::host::Effect;
use super::room::Room;
use super::theme::Theme;

/// The interview behind the screens, what they are drawn with, and what they say back.
pub struct Shared {
    pub interview: Interview,
    /// Notes by question id, as saved.
    pub notes: BTreeMap<String, String>,
    /// The questions (by id) whose note is private: for the consultant, never in the client's
    /// report.
    pub private: BTreeSet<String>,
    /// The note on the interview as a whole, written from the review or the result.
    pub interview_note: Option<String>,
    /// That note is private.
    pub interview_private: bool,
    /// The client's name, for the header.
    pub client: Option<String>,
    /// Where reports are written, as the report box says it.
    pub report_folder: Option<String>,
    /// In a workshop's agreed interview run outside the room (`workshop agree`): each person's
    /// answers in the latest round, shown beside each question (the room keeps its own in
    /// `Room.beside`).
    pub beside: Option<std::sync::Arc<techhire::workshop::Beside>>,
    /// Why the report is not offered (a workshop respondent's session before the reveal).
    pub reports_wait: Option<String>,
    pub theme: Theme,
    pub width: u16,
    pub height: u16,
    /// A one-off message shown in the footer until the next action.
    pub notice: Option<String>,
    /// What the run loop is to do next, in order.
    pub effects: Vec<Effect>,
    /// A workshop run in one room: who is in it and whose turn it is (never an answer).
    pub room: Option<Room>,
}

impl Shared {
    /// The question tree being asked.
    pub fn tree(&self) -> &Tree {
        self.interview.tree()
    }

    /// The note on a question, by index, when there is one.
    pub fn note_on(&self, question: usize) -> Option<&str> {
        self.notes
            .get(&self.tree().question(question).id)
            .map(String::as_str)
            .filter(|n| !n.trim().is_empty())
    }

    /// Whether the note on a question (by index) is private.
    pub fn is_private(&self, question: usize) -> bool {
        self.private.contains(&self.tree().question(question).id)
    }

    /// The note on the interview as a whole, when there is one.
    pub fn interview_note(&self) -> Option<&str> {
        self.interview_note
            .as_deref()
            .filter(|n| !n.trim().is_empty())
    }

    /// The whole terminal.
    pub fn screen(&self) -> Rect {
        Rect::new(0, 0, self.width, self.height)
    }
}
