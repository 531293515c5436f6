//! The note on a question while it is written: the editor, the question it belongs to, and the
//! note as it was, so closing with changes asks before throwing them away. Saving hands the
//! note to the host at once; a blank note removes it.

use crate::tui::action::Action;
use crate::tui::editor::Editor;
use crate::tui::host::Effect;
use crate::tui::layout::{self, keep_in_view, note::Plan};
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The longest note kept, in bytes: pages of text, far below a session file's size limit.
pub const NOTE_LIMIT: usize = 64 * 1024;

/// A note being written.
pub struct NoteEdit {
    /// The question's index in the tree.
    pub question: usize,
    pub editor: Editor,
    /// The note as it was when the editor opened.
    original: String,
    /// Esc was pressed with changes: asking whether to save them.
    pub confirming: bool,
    /// The first row of the text in view.
    pub scroll: usize,
}

impl NoteEdit {
    /// The editor on a question's note.
    pub fn open(shared: &Shared, question: usize) -> NoteEdit {
        let editor = Editor::new(shared.note_on(question).unwrap_or(""), true, NOTE_LIMIT);
        NoteEdit {
            question,
            original: editor.text().to_string(),
            editor,
            confirming: false,
            scroll: 0,
        }
    }

    /// Whether the text differs from the note as it was.
    pub fn changed(&self) -> bool {
        self.editor.text().trim() != self.original.trim()
    }

    /// The editor laid out over the whole screen.
    pub fn plan(&self, shared: &Shared) -> Plan {
        layout::note::plan(shared, self.question)
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
        let id = shared.tree().question(self.question).id.clone();
        let text = self.editor.text().trim().to_string();
        shared.notice = Some(if text.is_empty() {
            shared.notes.remove(&id);
            "Note removed.".to_string()
        } else {
            shared.notes.insert(id.clone(), text.clone());
            "Note saved.".to_string()
        });
        shared.effects.push(Effect::SaveNote { question: id, text });
        Transition::Close
    }

    /// The note by question id, while it differs from the saved one: what to save if the
    /// program is stopped before the note is (a hang-up, a kill).
    pub fn draft(&self, shared: &Shared) -> Option<(String, String)> {
        if !self.changed() {
            return None;
        }
        let id = shared.tree().question(self.question).id.clone();
        Some((id, self.editor.text().trim().to_string()))
    }

    /// Keeps the cursor's row in view.
    pub fn settle(&mut self, shared: &Shared) {
        let plan = self.plan(shared);
        let (row, _) = self.editor.cursor_at(plan.text_width());
        self.scroll = keep_in_view(self.scroll, row, row + 1, plan.text_height().max(1));
    }
}
