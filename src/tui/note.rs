//! The note on a question while it is written: the editor, the question it belongs to, and the
//! note as it was, so closing with changes asks before throwing them away. Saving hands the
//! note to the host at once; a blank note removes it.

use super::app::{Action, App, Overlay, open as open_overlay};
use super::editor::Editor;
use super::host::Effect;
use super::layout::{self, keep_in_view};

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
    /// Whether the text differs from the note as it was.
    pub fn changed(&self) -> bool {
        self.editor.text().trim() != self.original.trim()
    }
}

/// Opens the editor on a question's note.
pub fn open(app: &mut App, question: usize) {
    let editor = Editor::new(app.shared.note_on(question).unwrap_or(""), true, NOTE_LIMIT);
    app.note = Some(NoteEdit {
        question,
        original: editor.text().to_string(),
        editor,
        confirming: false,
        scroll: 0,
    });
    open_overlay(app, Overlay::Note);
}

/// Applies a key in the editor, or in its "save the changes?" question.
pub fn update(app: &mut App, action: Action) {
    let Some(note) = &mut app.note else { return };
    let width = layout::note::plan(&app.shared, note.question).text_width();
    if note.confirming {
        match action {
            Action::Save => save(app),
            Action::Discard => close(app),
            Action::Stay => note.confirming = false,
            _ => {}
        }
        return;
    }
    let editor = &mut note.editor;
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
        Action::Save => save(app),
        Action::Close if note.changed() => note.confirming = true,
        Action::Close => close(app),
        _ => {}
    }
    if !fits {
        app.notice = Some(format!(
            "A note can be up to {} KiB; the rest was left out.",
            NOTE_LIMIT / 1024
        ));
    }
}

/// Saves the note (a blank one removes it) and closes the editor.
fn save(app: &mut App) {
    let Some(note) = app.note.take() else { return };
    app.overlay = None;
    if !note.changed() {
        return;
    }
    let id = app.shared.tree().question(note.question).id.clone();
    let text = note.editor.text().trim().to_string();
    app.notice = Some(if text.is_empty() {
        app.shared.notes.remove(&id);
        "Note removed.".to_string()
    } else {
        app.shared.notes.insert(id.clone(), text.clone());
        "Note saved.".to_string()
    });
    app.effects.push(Effect::SaveNote { question: id, text });
}

/// The note being written, by question id, while it differs from the saved one: what to save
/// if the program is stopped before the note is (a hang-up, a kill).
pub fn draft(app: &App) -> Option<(String, String)> {
    let note = app.note.as_ref().filter(|note| note.changed())?;
    let id = app.shared.tree().question(note.question).id.clone();
    Some((id, note.editor.text().trim().to_string()))
}

/// Saves the note being written, if it changed: on leaving at once with Ctrl-C.
pub fn save_draft(app: &mut App) {
    if app.note.as_ref().is_some_and(NoteEdit::changed) {
        save(app);
    }
}

fn close(app: &mut App) {
    app.note = None;
    app.overlay = None;
}

/// Keeps the cursor's row in view.
pub fn settle(app: &mut App) {
    let Some(note) = &mut app.note else { return };
    let plan = layout::note::plan(&app.shared, note.question);
    let (row, _) = note.editor.cursor_at(plan.text_width());
    note.scroll = keep_in_view(note.scroll, row, row + 1, plan.text_height().max(1));
}
