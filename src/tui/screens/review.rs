//! The review screen's state and keys: the highlighted row (an answer, or "See the
//! recommendation" after the last) and how far the list is scrolled. Enter on an answer opens
//! its question to change it, except a workshop's fact, which is not the respondent's to change.

use techhire::interview::InterviewError;

use crate::tui::action::Action;
use crate::tui::layout::{self, review::Plan};
use crate::tui::shared::Shared;
use crate::tui::transition::NoteOn;
use crate::tui::transition::Transition;

/// The review of the answers on screen.
pub struct ReviewScreen {
    /// The highlighted row: an answer, or `path().len()` for "See the recommendation".
    pub row: usize,
    /// The first line of the list in view.
    pub offset: usize,
    /// A person's turn in a workshop room: the last row hands the keyboard back instead of
    /// showing a result.
    pub hand_back: bool,
}

impl ReviewScreen {
    /// The review with "See the recommendation" highlighted.
    pub fn new(shared: &Shared) -> ReviewScreen {
        ReviewScreen {
            row: shared.interview.path().len(),
            offset: 0,
            hand_back: shared.room.as_ref().is_some_and(|r| r.turn().is_some()),
        }
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        let button = shared.interview.path().len();
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(button),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = button,
            Action::Confirm if self.row >= button => return Transition::Result,
            Action::Confirm => {
                let question = shared.interview.path()[self.row].question;
                match shared.interview.go_to(question) {
                    Ok(()) => return Transition::Question { changing: true },
                    Err(InterviewError::Settled(_)) => {
                        shared.notice = Some(
                            "That is a fact of the company, given by the workshop for everyone; \
                             only the consultant can change it."
                                .into(),
                        );
                    }
                    Err(_) => {}
                }
            }
            Action::Forward => return Transition::Result,
            Action::Back if shared.interview.back() => {
                return Transition::Question { changing: false };
            }
            Action::Note if self.row < button => {
                let question = shared.interview.path()[self.row].question;
                return Transition::OpenNote(NoteOn::Question(question));
            }
            // On "See the recommendation": a note on the interview as a whole.
            Action::Note => return Transition::OpenNote(NoteOn::Interview),
            Action::Help => return Transition::OpenHelp,
            Action::AskQuit => return Transition::OpenQuit,
            _ => {}
        }
        Transition::Stay
    }

    /// A click highlights a row; a click on the highlighted row opens it.
    pub fn click(&mut self, column: u16, row: u16, shared: &mut Shared) -> Transition {
        match self.plan(shared).row_at(self.offset, column, row) {
            Some(i) if i == self.row => self.update(Action::Confirm, shared),
            Some(i) => {
                self.row = i;
                Transition::Stay
            }
            None => Transition::Stay,
        }
    }

    /// The wheel moves the highlight.
    pub fn wheel(&mut self, down: bool, shared: &mut Shared) -> Transition {
        self.update(if down { Action::Down } else { Action::Up }, shared)
    }

    /// Keeps the highlighted answer in view.
    pub fn settle(&mut self, shared: &Shared) {
        self.offset = self.plan(shared).settled_offset(self.row, self.offset);
    }

    fn plan(&self, shared: &Shared) -> Plan {
        layout::review::plan(layout::body(shared), shared.interview.path().len())
    }
}
