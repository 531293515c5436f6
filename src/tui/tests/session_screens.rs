//! The consultant's screens as snapshots at 80x24 and 120x40: the start screen (and a session
//! that could not be opened), the note editor (and its "save the changes?"), notes on the
//! question, review and result screens, the report overlay with its confirmation and its
//! error, the notice after a resume, and a failed save. Review changes with
//! `cargo insta review`.

use crossterm::event::{KeyCode, KeyModifiers};
use insta::assert_snapshot;
use techhire::session::{Saved, Timestamp};

use super::host::{
    FakeHost, acme, at_start, at_start_with, key, key_with, saved_sessions, type_text,
};
use super::{answer_from, answers, result_scroll, screen};
use crate::tui::app::App;
use crate::tui::screens::ScreenKind;
use crate::tui::theme::{Theme, ThemeName};

/// The start screen with both names typed, the consultant's field being written in.
fn start_with_names(width: u16, height: u16) -> App {
    let mut app = at_start(width, height);
    let mut host = FakeHost::default();
    type_text(&mut app, &mut host, "Acme Ltd");
    key(&mut app, &mut host, KeyCode::Tab);
    type_text(&mut app, &mut host, "Jo Smith");
    app
}

#[test]
fn start_80x24() {
    assert_snapshot!(screen(&start_with_names(80, 24)));
}

#[test]
fn start_120x40() {
    assert_snapshot!(screen(&start_with_names(120, 40)));
}

#[test]
fn start_at_the_minimum_size_60x16_puts_the_outcome_in_place_of_finished() {
    assert_snapshot!(screen(&start_with_names(60, 16)));
}

#[test]
fn start_with_a_session_that_could_not_be_opened_80x24() {
    let mut app = at_start(80, 24);
    let mut host = FakeHost::default();
    host.resumes.push_back(Err(
        "/data/sessions/acme-ltd.json is open in another techhire (pid 4242 since \
         2026-11-23T09:47:00Z); close it there first. Two at once would overwrite each \
         other's answers"
            .into(),
    ));
    for _ in 0..3 {
        key(&mut app, &mut host, KeyCode::Tab);
    }
    key(&mut app, &mut host, KeyCode::Enter);
    assert_snapshot!(screen(&app));
}

/// A year of clients: 500 sessions an hour apart, then a file that could not be read, with
/// the list moved to its end (the highlight on the damaged file) and back up three rows.
#[test]
fn start_at_the_end_of_500_sessions_80x24() {
    let mut saved: Vec<_> = (0..500)
        .map(|i| {
            let mut listed = saved_sessions()[i % 3].clone();
            listed.client = format!("{} {i}", listed.client);
            listed.updated = Timestamp::from_unix(1_795_000_000 - 3_600 * i as i64);
            listed
        })
        .collect();
    saved.push(saved_sessions()[3].clone());
    let mut app = at_start_with(saved, 80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Tab);
    key(&mut app, &mut host, KeyCode::Tab);
    key(&mut app, &mut host, KeyCode::End);
    for _ in 0..3 {
        key(&mut app, &mut host, KeyCode::Up);
    }
    assert_snapshot!(screen(&app));
}

/// The editor open on the first question, with a note in three scripts over two lines.
fn writing(width: u16, height: u16) -> App {
    let mut app = super::app(width, height);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(
        &mut app,
        &mut host,
        "Board wants an AI plan by Q3; the CFO is wary of big platform bets.\n\
         日本の子会社も含める 🚀 (Tokyo office, 40 people)",
    );
    app
}

#[test]
fn note_editor_80x24() {
    assert_snapshot!(screen(&writing(80, 24)));
}

#[test]
fn note_editor_120x40() {
    assert_snapshot!(screen(&writing(120, 40)));
}

#[test]
fn note_editor_asks_before_dropping_changes_80x24() {
    let mut app = writing(80, 24);
    key(&mut app, &mut FakeHost::default(), KeyCode::Esc);
    assert_snapshot!(screen(&app));
}

/// Notes saved on two questions, then the interview answered to the review.
fn with_notes(width: u16, height: u16) -> (App, FakeHost) {
    let mut app = writing(width, height);
    let mut host = FakeHost::default();
    key_with(
        &mut app,
        &mut host,
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    );
    key(&mut app, &mut host, KeyCode::Char('1'));
    key(&mut app, &mut host, KeyCode::Char('n'));
    type_text(&mut app, &mut host, "Their customers are other companies.");
    key_with(
        &mut app,
        &mut host,
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    );
    key(&mut app, &mut host, KeyCode::Left);
    answer_from(&mut app, &answers("cio"));
    (app, host)
}

#[test]
fn question_with_a_note_80x24() {
    let mut app = writing(80, 24);
    key_with(
        &mut app,
        &mut FakeHost::default(),
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    );
    assert_snapshot!(screen(&app));
}

#[test]
fn review_with_notes_80x24() {
    let (mut app, mut host) = with_notes(80, 24);
    key(&mut app, &mut host, KeyCode::Home);
    assert_snapshot!(screen(&app));
}

#[test]
fn review_with_notes_120x40() {
    let (app, _) = with_notes(120, 40);
    assert_snapshot!(screen(&app));
}

/// The result, scrolled down to the appendix's answers, where the notes are.
fn result_with_notes(width: u16, height: u16) -> App {
    let (mut app, mut host) = with_notes(width, height);
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Result);
    while !screen(&app).contains("Every answer, in the order given") {
        let before = result_scroll(&app);
        key(&mut app, &mut host, KeyCode::Down);
        assert_ne!(result_scroll(&app), before, "the notes are on the result");
    }
    for _ in 0..3 {
        key(&mut app, &mut host, KeyCode::Down);
    }
    app
}

#[test]
fn result_with_notes_80x24() {
    assert_snapshot!(screen(&result_with_notes(80, 24)));
}

#[test]
fn result_with_notes_120x40() {
    assert_snapshot!(screen(&result_with_notes(120, 40)));
}

/// The result with the report overlay open, a report written in `format` (a digit) if any.
fn exporting(width: u16, height: u16, format: Option<char>, fails: bool) -> App {
    let mut app = super::app(width, height);
    answer_from(&mut app, &answers("cio"));
    let mut host = FakeHost::default();
    if fails {
        host.export_fails = Some(
            "could not write the report to /home/jo/clients/techhire-acme-ltd-2026-11-23.html: \
             the folder /home/jo/clients cannot be written to; choose another"
                .into(),
        );
    }
    key(&mut app, &mut host, KeyCode::Enter);
    key(&mut app, &mut host, KeyCode::Char('e'));
    if let Some(digit) = format {
        key(&mut app, &mut host, KeyCode::Char(digit));
    }
    app
}

#[test]
fn export_80x24() {
    assert_snapshot!(screen(&exporting(80, 24, None, false)));
}

#[test]
fn export_120x40() {
    assert_snapshot!(screen(&exporting(120, 40, None, false)));
}

#[test]
fn export_written_80x24() {
    assert_snapshot!(screen(&exporting(80, 24, Some('2'), false)));
}

#[test]
fn export_written_120x40() {
    assert_snapshot!(screen(&exporting(120, 40, Some('1'), false)));
}

#[test]
fn export_failed_80x24() {
    assert_snapshot!(screen(&exporting(80, 24, Some('1'), true)));
}

fn resumed(width: u16, height: u16) -> App {
    App::begin(acme(4), Theme::named(ThemeName::Dark), width, height)
}

#[test]
fn notice_after_a_resume_80x24() {
    assert_snapshot!(screen(&resumed(80, 24)));
}

#[test]
fn notice_after_a_resume_120x40() {
    assert_snapshot!(screen(&resumed(120, 40)));
}

#[test]
fn a_failed_save_80x24() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    host.saves.push_back(Saved::Failed(
        "could not save /data/sessions/acme.json: the disk is full; free some space and try \
         again. The last save is intact"
            .into(),
    ));
    key(&mut app, &mut host, KeyCode::Char('2'));
    assert_snapshot!(screen(&app));
}

#[test]
fn the_new_screens_draw_at_any_size_without_panicking() {
    use crate::tui::app::{Action, update};
    let builders: [fn(u16, u16) -> App; 5] = [
        start_with_names,
        writing,
        |w, h| exporting(w, h, Some('1'), true),
        resumed,
        |w, h| with_notes(w, h).0,
    ];
    for build in builders {
        let mut app = build(80, 24);
        for (width, height) in [(1, 1), (2, 40), (200, 1), (60, 16), (61, 17), (300, 100)] {
            update(&mut app, Action::Resize { width, height });
            let _ = screen(&app);
        }
    }
}
