//! `q` and Esc leave wherever the user is: on a screen they ask "leave the interview?", in a
//! box they close it (in "leave?", `q` leaves). Where `q` is a letter being typed, the screen
//! says what Esc does. A key that means nothing in a box says in the footer what closes it, so
//! no box ever seems to have hung.

use crossterm::event::KeyCode;

use super::host::{FakeHost, acme, at_start, key, type_text};
use super::{answer_from, answers, screen};
use crate::tui::app::{App, Ending};
use crate::tui::keys::Context;
use crate::tui::overlays::{Overlay, OverlayKind};
use crate::tui::screens::ScreenKind;
use crate::tui::theme::{Theme, ThemeName};

fn resumed() -> App {
    App::begin(acme(4), Theme::named(ThemeName::Dark), 80, 24)
}

/// The footer: the last row of the screen.
fn footer(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

#[test]
fn q_on_every_screen_asks_before_leaving() {
    let mut host = FakeHost::default();
    let mut question = super::app(80, 24);
    let mut review = super::app(80, 24);
    answer_from(&mut review, &answers("cio"));
    let mut result = super::app(80, 24);
    answer_from(&mut result, &answers("cio"));
    key(&mut result, &mut host, KeyCode::Enter);
    let mut start = at_start(80, 24);
    key(&mut start, &mut host, KeyCode::Tab);
    key(&mut start, &mut host, KeyCode::Tab);
    for (app, kind) in [
        (&mut question, ScreenKind::Question),
        (&mut review, ScreenKind::Review),
        (&mut result, ScreenKind::Result),
        (&mut start, ScreenKind::Start),
    ] {
        assert_eq!(app.screen.kind(), kind);
        for leave in [KeyCode::Char('q'), KeyCode::Esc] {
            key(app, &mut host, leave);
            assert_eq!(app.overlay_kind(), Some(OverlayKind::Quit), "{kind:?}");
            key(app, &mut host, KeyCode::Esc);
            assert_eq!(app.overlay_kind(), None, "{kind:?}: Esc stays");
        }
    }
    // Typing a name, q is a letter; the footer says Esc quits, and it does ask.
    let mut start = at_start(80, 24);
    key(&mut start, &mut host, KeyCode::Char('q'));
    assert_eq!(start.context(), Context::StartField);
    assert!(footer(&start).contains("Esc quit"), "{}", footer(&start));
    key(&mut start, &mut host, KeyCode::Esc);
    assert_eq!(start.overlay_kind(), Some(OverlayKind::Quit));
    key(&mut start, &mut host, KeyCode::Char('q'));
    assert_eq!(start.ending, Some(Ending::Quit), "q in “leave?” leaves");
}

#[test]
fn q_closes_every_box_over_the_screen() {
    let mut host = FakeHost::default();
    // The list of keys.
    let mut app = super::app(80, 24);
    key(&mut app, &mut host, KeyCode::Char('?'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Help));
    key(&mut app, &mut host, KeyCode::Char('q'));
    assert_eq!((app.overlay_kind(), app.ending), (None, None));
    // The notice after a resume.
    let mut app = resumed();
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Notice));
    key(&mut app, &mut host, KeyCode::Char('q'));
    assert_eq!((app.overlay_kind(), app.ending), (None, None));
    // The report menu.
    let mut app = super::app(80, 24);
    answer_from(&mut app, &answers("cio"));
    key(&mut app, &mut host, KeyCode::Enter);
    key(&mut app, &mut host, KeyCode::Char('e'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Export));
    key(&mut app, &mut host, KeyCode::Char('q'));
    assert_eq!((app.overlay_kind(), app.ending), (None, None));
    assert!(host.exports.is_empty());
    // "Leave the interview?": q is yes.
    let mut app = super::app(80, 24);
    key(&mut app, &mut host, KeyCode::Char('q'));
    key(&mut app, &mut host, KeyCode::Char('q'));
    assert_eq!(app.ending, Some(Ending::Quit));
}

#[test]
fn in_the_note_editor_q_is_a_letter_and_its_edge_says_esc_closes() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert!(screen(&app).contains("Esc close"), "{}", screen(&app));
    type_text(&mut app, &mut host, "q");
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Note));
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!(app.context(), Context::NoteConfirm);
    // Asked "save the changes?", q backs out of the question as Esc does: nothing is lost.
    key(&mut app, &mut host, KeyCode::Char('q'));
    assert_eq!(app.context(), Context::Note);
    assert!(host.notes.is_empty());
    // Any other letter says what the choices are.
    key(&mut app, &mut host, KeyCode::Esc);
    key(&mut app, &mut host, KeyCode::Char('x'));
    assert_eq!(app.context(), Context::NoteConfirm);
    assert!(
        footer(&app).contains("Press y to save the note"),
        "{}",
        footer(&app)
    );
}

#[test]
fn the_notice_on_resume_answers_every_key() {
    let mut host = FakeHost::default();
    // j with nothing more to read says how to go on, rather than seeming to hang.
    let mut app = resumed();
    key(&mut app, &mut host, KeyCode::Char('j'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Notice));
    assert!(
        footer(&app).contains("Press Enter to continue"),
        "{}",
        footer(&app)
    );
    // So does any other letter, and a digit, which still does not answer.
    key(&mut app, &mut host, KeyCode::Char('x'));
    assert!(footer(&app).contains("Press Enter to continue"));
    key(&mut app, &mut host, KeyCode::Char('2'));
    assert!(footer(&app).contains("Press Enter to continue"));
    assert_eq!(app.shared.interview.path().len(), 4);
    // y (yes, go on) puts it away.
    key(&mut app, &mut host, KeyCode::Char('y'));
    assert_eq!(app.overlay_kind(), None);
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    // In a window too short for it, j scrolls while there is more to read, then says so.
    let mut app = App::begin(acme(4), Theme::named(ThemeName::Dark), 60, 16);
    let scrolled = |app: &App| match &app.overlay {
        Some(Overlay::Notice(notice)) => notice.text.scroll,
        _ => panic!("the notice is open"),
    };
    key(&mut app, &mut host, KeyCode::Char('j'));
    assert_eq!(scrolled(&app), 1);
    assert!(!screen(&app).contains("Press Enter to continue"));
    for _ in 0..30 {
        key(&mut app, &mut host, KeyCode::Char('j'));
    }
    let shown = screen(&app);
    assert!(shown.contains("Press Enter to continue"), "{shown}");
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!((app.overlay_kind(), app.ending), (None, None));
}

#[test]
fn a_stray_key_in_a_box_says_what_closes_it() {
    let mut host = FakeHost::default();
    let mut app = super::app(80, 24);
    key(&mut app, &mut host, KeyCode::Char('?'));
    key(&mut app, &mut host, KeyCode::Char('x'));
    assert!(
        footer(&app).contains("? or Esc closes it"),
        "{}",
        footer(&app)
    );
    key(&mut app, &mut host, KeyCode::Esc);
    key(&mut app, &mut host, KeyCode::Char('q'));
    key(&mut app, &mut host, KeyCode::Char('x'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Quit));
    assert!(
        footer(&app).contains("Press y to leave"),
        "{}",
        footer(&app)
    );
}

#[test]
fn q_and_esc_close_the_box_before_an_early_reveal_without_revealing() {
    let (mut app, mut host) = super::room::handed_over(80, 24, 1);
    for close in [KeyCode::Char('q'), KeyCode::Esc, KeyCode::Char('n')] {
        super::room::key(&mut app, &mut host, KeyCode::Char('r'));
        assert_eq!(app.overlay_kind(), Some(OverlayKind::Reveal));
        super::room::key(&mut app, &mut host, KeyCode::Char('x'));
        assert!(footer(&app).contains("Press y to reveal now, or n or Esc to wait."));
        super::room::key(&mut app, &mut host, close);
        assert_eq!(app.overlay_kind(), None, "{close:?} closes it");
        assert_eq!(
            app.screen.kind(),
            ScreenKind::Handover,
            "{close:?} reveals nothing"
        );
    }
    // On the handover itself q asks before leaving, as on every screen.
    super::room::key(&mut app, &mut host, KeyCode::Char('q'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Quit));
}
