//! A note while it is written, on a question or on the interview as a whole: the editor,
//! whether the note is for the client or private (Ctrl-P switches), and the note as it was, so
//! closing with changes asks before throwing them away. Saving hands the note to the host at
//! once; a blank note removes it.

use crate::tui::action::Action;
use crate::tui::editor::Editor;
use crate::tui::host::{Draft, Effect};
use crate::tui::layout::{self, keep_in_view, note::Plan};
use crate::tui::shared::Shared;
use crate::tui::transition::{NoteOn, Transition};

/// The longest note kept, in bytes: pages of text, far below a session file's size limit.
pub const NOTE_LIMIT: usize = 64 * 1024;

/// A note being written.
pub struct NoteEdit {
    pub on: NoteOn,
    pub editor: Editor,
    /// For the consultant only, never in the client's report.
    pub private: bool,
    /// The note as it was when the editor opened, and whether it was private.
    original: (String, bool),
    /// Esc was pressed with changes: asking whether to save them.
    pub confirming: bool,
    /// The first row of the text in view.
    pub scroll: usize,
}

impl NoteEdit {
    /// The editor on a note, as saved.
    pub fn open(shared: &Shared, on: NoteOn) -> NoteEdit {
        let (text, private) = match on {
            NoteOn::Question(q) => (shared.note_on(q), shared.is_private(q)),
            NoteOn::Interview => (shared.interview_note(), shared.interview_private),
        };
        let editor = Editor::new(text.unwrap_or(""), true, NOTE_LIMIT);
        NoteEdit {
            on,
            original: (editor.text().to_string(), private),
            private,
            editor,
            confirming: false,
            scroll: 0,
        }
    }

    /// Whether the text, or who the note is for, differs from the note as it was.
    pub fn changed(&self) -> bool {
        self.editor.text().trim() != self.original.0.trim() || self.private != self.original.1
    }

    /// The editor laid out over the whole screen.
    pub fn plan(&self, shared: &Shared) -> Plan {
        layout::note::plan(shared, self.on)
    }

    /// Applies a key in the editor, or in its "save the changes?" question.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        if self.confirming {
            match action {
                Action::Save => return self.save(shared),
                Action::Discard => return Transition::Close,
                Action::Stay => self.confirming = false,
                Action::Unbound => {
                    shared.notice =
                        Some("Press y to save the note, n to drop it, Esc to keep writing.".into());
                }
                _ => {}
            }
            return Transition::Stay;
        }
        let width = self.plan(shared).text_width();
        let editor = &mut self.editor;
        let fits = match &action {
            Action::Type(c) => editor.insert(c.encode_utf8(&mut [0; 4])),
            Action::Paste(text) => editor.insert(text),
            Action::Newline => editor.newline(),
            _ => true,
        };
        match action {
            Action::Left => editor.left(),
            Action::Right => editor.right(),
            Action::Home => editor.home(),
            Action::End => editor.end(),
            Action::Up => editor.up(width),
            Action::Down => editor.down(width),
            Action::DeleteBack => editor.delete_back(),
            Action::DeleteForward => editor.delete_forward(),
            Action::Save => return self.save(shared),
            Action::TogglePrivate => {
                self.private = !self.private;
                shared.notice = Some(if self.private {
                    "Private: for you only, never in the client's report.".into()
                } else {
                    "For the client: this note goes in the report.".into()
                });
            }
            Action::Close if self.changed() => self.confirming = true,
            Action::Close => return Transition::Close,
            _ => {}
        }
        if !fits {
            shared.notice = Some(format!(
                "A note can be up to {} KiB; the rest was left out.",
                NOTE_LIMIT / 1024
            ));
        }
        Transition::Stay
    }

    /// Saves the note (a blank one removes it) and closes the editor.
    pub fn save(&self, shared: &mut Shared) -> Transition {
        if !self.changed() {
            return Transition::Close;
        }
        let Draft {
            question,
            text,
            private,
        } = self.as_draft(shared);
        let blank = text.is_empty();
        match &question {
            Some(id) => {
                if blank {
                    shared.notes.remove(id);
                } else {
                    shared.notes.insert(id.clone(), text.clone());
                }
                if private && !blank {
                    shared.private.insert(id.clone());
                } else {
                    shared.private.remove(id);
                }
            }
            None => {
                shared.interview_note = (!blank).then(|| text.clone());
                shared.interview_private = private && !blank;
            }
        }
        shared.notice = Some(match (blank, private) {
            (true, _) => "Note removed.".to_string(),
            (false, false) => "Note saved.".to_string(),
            (false, true) => "Private note saved: it stays out of the client's report.".to_string(),
        });
        shared.effects.push(Effect::SaveNote(Draft {
            question,
            text,
            private,
        }));
        Transition::Close
    }

    /// The note as it would be saved now.
    fn as_draft(&self, shared: &Shared) -> Draft {
        Draft {
            question: match self.on {
                NoteOn::Question(q) => Some(shared.tree().question(q).id.clone()),
                NoteOn::Interview => None,
            },
            text: self.editor.text().trim().to_string(),
            private: self.private,
        }
    }

    /// The note, while it differs from the saved one: what to save if the program is stopped
    /// before the note is (a hang-up, a kill).
    pub fn draft(&self, shared: &Shared) -> Option<Draft> {
        self.changed().then(|| self.as_draft(shared))
    }

    /// Keeps the cursor's row in view.
    pub fn settle(&mut self, shared: &Shared) {
        let plan = self.plan(shared);
        let (row, _) = self.editor.cursor_at(plan.text_width());
        self.scroll = keep_in_view(self.scroll, row, row + 1, plan.text_height().max(1));
    }
}
