//! Notes by key: opened with `n` on a question or a review row, written with the editor's keys
//! and pasted text, saved at once with Ctrl-S (or on Esc, after asking), removed when emptied,
//! and shown, marked ✎, where the answers are.

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::host::{FakeHost, key, key_with, paste, type_text};
use super::{answer_from, answers, current_id, note, screen};
use crate::tui::app::{App, Ending};
use crate::tui::keys::Context;
use crate::tui::overlays::OverlayKind;
use crate::tui::screens::ScreenKind;
use crate::tui::ui;

fn ctrl(app: &mut App, host: &mut FakeHost, c: char) {
    key_with(app, host, KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn text(app: &App) -> &str {
    note(app).expect("the editor is open").editor.text()
}

#[test]
fn n_opens_a_note_that_ctrl_s_saves_at_once() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(app.context(), Context::Note);
    assert!(screen(&app).contains("Ctrl-S save · Ctrl-P private · Esc close"));
    // Keys that mean something on a question type into the note.
    type_text(&mut app, &mut host, "q1? jk\nBoard wants AI");
    assert_eq!(text(&app), "q1? jk\nBoard wants AI");
    assert_eq!(app.shared.interview.path().len(), 0, "no answer was given");
    ctrl(&mut app, &mut host, 's');
    assert_eq!(
        host.notes,
        [(
            "looking_for".to_string(),
            "q1? jk\nBoard wants AI".to_string()
        )]
    );
    assert_eq!(app.overlay_kind(), None);
    let shown = screen(&app);
    assert!(shown.contains("✎ q1? jk"), "{shown}");
    assert!(shown.contains("Board wants AI"), "{shown}");
    assert!(shown.contains("Note saved."), "{shown}");
}

#[test]
fn the_editor_moves_and_deletes_by_grapheme_and_row() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "日本語 👍🏽 ok\nsecond");
    key(&mut app, &mut host, KeyCode::Up);
    key(&mut app, &mut host, KeyCode::End);
    key(&mut app, &mut host, KeyCode::Left);
    key(&mut app, &mut host, KeyCode::Left);
    key(&mut app, &mut host, KeyCode::Left);
    key(&mut app, &mut host, KeyCode::Backspace);
    assert_eq!(
        text(&app),
        "日本語  ok\nsecond",
        "the thumb and its skin tone together"
    );
    key(&mut app, &mut host, KeyCode::Home);
    key(&mut app, &mut host, KeyCode::Delete);
    key(&mut app, &mut host, KeyCode::Right);
    type_text(&mut app, &mut host, "x");
    assert_eq!(text(&app), "本x語  ok\nsecond");
    key(&mut app, &mut host, KeyCode::Down);
    type_text(&mut app, &mut host, "!");
    assert_eq!(
        text(&app),
        "本x語  ok\nsec!ond",
        "down keeps the column: 3 columns in"
    );
}

#[test]
fn the_cursor_is_drawn_where_the_next_character_goes() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    let cursor = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| match e {});
        terminal
            .draw(|frame| ui::view(app, frame))
            .unwrap_or_else(|e| match e {});
        terminal
            .get_cursor_position()
            .unwrap_or_else(|e| match e {})
    };
    let empty = cursor(&app);
    type_text(&mut app, &mut host, "日本");
    let after = cursor(&app);
    assert_eq!(
        (after.x - empty.x, after.y),
        (4, empty.y),
        "two wide characters"
    );
    key(&mut app, &mut host, KeyCode::Enter);
    let next_row = cursor(&app);
    assert_eq!((next_row.x, next_row.y), (empty.x, empty.y + 1));
}

#[test]
fn a_long_note_wraps_and_scrolls_to_keep_the_cursor_in_view() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    let long = "The board wants an AI plan by the third quarter. ".repeat(40);
    paste(&mut app, &mut host, &long);
    let editor = note(&app).expect("open");
    assert!(editor.scroll > 0, "scrolled to the cursor at the end");
    assert!(screen(&app).contains("third quarter"));
    for _ in 0..40 {
        key(&mut app, &mut host, KeyCode::Up);
    }
    assert_eq!(note(&app).map(|n| n.scroll), Some(0));
}

#[test]
fn esc_on_a_changed_note_asks_and_n_discards_y_saves() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!(app.overlay_kind(), None, "unchanged: Esc just closes");

    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "draft");
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!(app.context(), Context::NoteConfirm);
    assert!(screen(&app).contains("Save the changes?"));
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!(app.context(), Context::Note, "Esc: back to writing");
    type_text(&mut app, &mut host, " two");
    key(&mut app, &mut host, KeyCode::Esc);
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(app.overlay_kind(), None);
    assert!(host.notes.is_empty(), "discarded");

    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "kept");
    key(&mut app, &mut host, KeyCode::Esc);
    key(&mut app, &mut host, KeyCode::Char('y'));
    assert_eq!(host.notes, [("looking_for".into(), "kept".into())]);
}

#[test]
fn emptying_a_note_removes_it() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "ab");
    ctrl(&mut app, &mut host, 's');
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(text(&app), "ab", "the note opens as saved");
    key(&mut app, &mut host, KeyCode::Backspace);
    key(&mut app, &mut host, KeyCode::Backspace);
    type_text(&mut app, &mut host, "  \n ");
    ctrl(&mut app, &mut host, 's');
    assert_eq!(
        host.notes.last(),
        Some(&("looking_for".into(), String::new()))
    );
    assert!(app.shared.notes.is_empty());
    assert!(screen(&app).contains("Note removed."));
}

#[test]
fn pasted_text_goes_into_a_note_and_nowhere_else() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    paste(&mut app, &mut host, "1\r");
    assert_eq!(
        app.shared.interview.path().len(),
        0,
        "a paste cannot answer"
    );
    assert_eq!(app.overlay_kind(), None);
    key(&mut app, &mut host, KeyCode::Char('n'));
    paste(&mut app, &mut host, "line one\r\nline two\x1b[2J");
    assert_eq!(text(&app), "line one\nline two␛[2J");
}

#[test]
fn ctrl_c_while_writing_keeps_the_note() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "half a thought");
    ctrl(&mut app, &mut host, 'c');
    assert_eq!(app.ending, Some(Ending::Interrupted));
    assert_eq!(
        host.notes,
        [("looking_for".into(), "half a thought".into())]
    );
}

#[test]
fn the_host_always_knows_the_note_being_written() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    let draft = |text: &str| Some(("looking_for".to_string(), text.to_string()));
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(host.draft, None, "nothing written yet");
    type_text(&mut app, &mut host, "half");
    assert_eq!(host.draft, draft("half"));
    type_text(&mut app, &mut host, " a thought ");
    assert_eq!(host.draft, draft("half a thought"), "as it would be saved");
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!(app.context(), Context::NoteConfirm);
    assert_eq!(
        host.draft,
        draft("half a thought"),
        "still unsaved while asking"
    );
    key(&mut app, &mut host, KeyCode::Char('y'));
    assert_eq!(host.draft, None, "saved");
    assert_eq!(host.notes, [draft("half a thought").unwrap()]);

    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(host.draft, None, "the saved note is no draft");
    type_text(&mut app, &mut host, "!");
    assert_eq!(host.draft, draft("half a thought!"));
    key(&mut app, &mut host, KeyCode::Esc);
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(host.draft, None, "discarded");
    assert_eq!(host.notes.len(), 1);
}

#[test]
fn n_on_a_review_row_writes_the_note_for_that_question() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    answer_from(&mut app, &answers("cio"));
    assert_eq!(app.screen.kind(), ScreenKind::Review);
    // On the button, the note is on the interview as a whole.
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Note));
    assert!(screen(&app).contains("On the interview as a whole"));
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!(app.overlay_kind(), None, "nothing typed, nothing to ask");
    key(&mut app, &mut host, KeyCode::Home);
    key(&mut app, &mut host, KeyCode::Down);
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Note));
    assert!(screen(&app).contains("Whose experience will this leader"));
    type_text(&mut app, &mut host, "Customers come second for now");
    ctrl(&mut app, &mut host, 's');
    assert_eq!(
        host.notes,
        [("focus".into(), "Customers come second for now".into())]
    );
    let shown = screen(&app);
    assert!(shown.contains("✎ Customers come second for now"), "{shown}");
    // The note is on the question screen too, and on the result.
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(current_id(&app), "focus");
    assert!(screen(&app).contains("✎ Customers come second for now"));
}

#[test]
fn the_result_lists_every_note_under_its_question() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "first note");
    ctrl(&mut app, &mut host, 's');
    app.shared
        .notes
        .insert("retired_question".into(), "kept from an older tree".into());
    answer_from(&mut app, &answers("cio"));
    key(&mut app, &mut host, KeyCode::Enter);
    let mut shown = String::new();
    for _ in 0..30 {
        shown.push_str(&screen(&app));
        key(&mut app, &mut host, KeyCode::PageDown);
    }
    assert!(
        shown.contains("Every answer, in the order given"),
        "{shown}"
    );
    assert!(shown.contains("✎ first note"), "{shown}");
    assert!(shown.contains("Other notes"), "{shown}");
    assert!(shown.contains("• retired_question"), "{shown}");
    assert!(shown.contains("✎ kept from an older tree"), "{shown}");
}
