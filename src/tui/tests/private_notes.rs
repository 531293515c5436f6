//! Private notes on screen: the editor switches with Ctrl-P and says whose the note is, the
//! review and the result mark a private note apart from one for the client, and the note on the
//! whole interview is written from the result and shown with the others.

use crossterm::event::{KeyCode, KeyModifiers};
use insta::assert_snapshot;

use super::host::{FakeHost, key, key_with, type_text};
use super::{answer_from, answers, screen};
use crate::tui::app::App;
use crate::tui::screens::ScreenKind;

fn ctrl(app: &mut App, host: &mut FakeHost, c: char) {
    key_with(app, host, KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// A note for the client on the first question, a private one on the second, then answered
/// to the review.
fn at_review(width: u16, height: u16) -> (App, FakeHost) {
    let mut app = super::app(width, height);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "They run SAP and a mainframe.");
    ctrl(&mut app, &mut host, 's');
    key(&mut app, &mut host, KeyCode::Char('1'));
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "CFO disagrees: wants ERP fixed first.");
    ctrl(&mut app, &mut host, 'p');
    ctrl(&mut app, &mut host, 's');
    key(&mut app, &mut host, KeyCode::Left);
    answer_from(&mut app, &answers("cio"));
    (app, host)
}

#[test]
fn ctrl_p_makes_the_note_private_and_the_editor_says_so() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "CFO disagrees");
    assert!(screen(&app).contains("Note for the client"));
    ctrl(&mut app, &mut host, 'p');
    let shown = screen(&app);
    assert!(
        shown.contains("Private note: not in the client's report"),
        "{shown}"
    );
    assert!(shown.contains("Ctrl-P for the client"), "{shown}");
    assert_eq!(
        host.draft,
        Some(("looking_for".into(), "CFO disagrees".into()))
    );
    ctrl(&mut app, &mut host, 's');
    assert_eq!(host.notes, [("looking_for".into(), "CFO disagrees".into())]);
    assert_eq!(host.private, [true]);
    assert!(screen(&app).contains("Private note saved"));
    // Switching back alone is a change worth saving.
    key(&mut app, &mut host, KeyCode::Char('n'));
    ctrl(&mut app, &mut host, 'p');
    ctrl(&mut app, &mut host, 's');
    assert_eq!(host.private, [true, false]);
}

#[test]
fn private_note_editor_80x24() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "CFO disagrees: wants ERP fixed first.");
    ctrl(&mut app, &mut host, 'p');
    assert_snapshot!(screen(&app));
}

#[test]
fn review_with_a_private_note_80x24() {
    let (app, _) = at_review(80, 24);
    let shown = screen(&app);
    assert!(shown.contains("✎ They run SAP"), "{shown}");
    assert!(shown.contains("✎ private: CFO disagrees"), "{shown}");
    assert_snapshot!(shown);
}

#[test]
fn a_note_on_the_whole_interview_from_the_result_120x40() {
    let (mut app, mut host) = at_review(120, 40);
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Result);
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert!(screen(&app).contains("On the interview as a whole"));
    type_text(
        &mut app,
        &mut host,
        "Board chair joined for the last three questions.",
    );
    ctrl(&mut app, &mut host, 's');
    assert_eq!(
        host.notes.last(),
        Some(&(
            "*".to_string(),
            "Board chair joined for the last three questions.".to_string()
        ))
    );
    // The note on the whole interview closes "What we heard"; the private note is with its
    // answer in the appendix, marked.
    while !screen(&app).contains("On the interview as a whole") {
        key(&mut app, &mut host, KeyCode::PageDown);
    }
    let shown = screen(&app);
    assert!(
        shown.contains("✎ Board chair joined for the last three questions."),
        "{shown}"
    );
    assert_snapshot!(shown);
    while !screen(&app).contains("CFO disagrees") {
        let before = screen(&app);
        key(&mut app, &mut host, KeyCode::PageDown);
        assert_ne!(screen(&app), before, "the private note is on the result");
    }
    assert!(
        screen(&app).contains("✎ Private: CFO disagrees"),
        "{}",
        screen(&app)
    );
}
