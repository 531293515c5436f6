//! The consultant's flows by key, through the run loop's `step` and a host that plays the
//! program: the start screen (names, a saved session resumed or refused), the notice after a
//! resume, saving that fails and recovers, and writing the report from the result.

use std::path::PathBuf;
use techhire::session::Audience;

use crossterm::event::{KeyCode, KeyModifiers};
use techhire::session::Saved;

use super::host::{FakeHost, acme, at_start, key, key_with, paste, saved_sessions, type_text};
use super::{answer_from, answers, current_id, find, screen};
use crate::tui::app::{Action, App, Ending};
use crate::tui::keys::Context;
use crate::tui::layout::start::Focus;
use crate::tui::overlays::OverlayKind;
use crate::tui::screens::start::StartScreen;
use crate::tui::screens::{Screen, ScreenKind};
use crate::tui::step;
use techhire::report::Format;

fn focus(app: &App) -> Focus {
    match &app.screen {
        Screen::Start(start) => start.focus,
        _ => panic!("not the start screen"),
    }
}

#[test]
fn names_typed_on_the_start_screen_are_saved_when_the_interview_starts() {
    let mut app = at_start(80, 24);
    let mut host = FakeHost::default();
    assert_eq!(app.screen.kind(), ScreenKind::Start);
    assert_eq!(app.context(), Context::StartField);
    type_text(&mut app, &mut host, "  Acme Lt");
    key(&mut app, &mut host, KeyCode::Backspace);
    type_text(&mut app, &mut host, "td ");
    key(&mut app, &mut host, KeyCode::Tab);
    assert_eq!(focus(&app), Focus::Consultant);
    // A pasted name with a line break stays on one line.
    paste(&mut app, &mut host, "Jo Smith\r\n");
    key(&mut app, &mut host, KeyCode::BackTab);
    assert_eq!(focus(&app), Focus::Client);
    key(&mut app, &mut host, KeyCode::Down);
    key(&mut app, &mut host, KeyCode::Down);
    assert_eq!(focus(&app), Focus::Begin);
    assert_eq!(app.context(), Context::StartList, "keys no longer type");
    key(&mut app, &mut host, KeyCode::Char('j'));
    assert_eq!(focus(&app), Focus::Saved(0));
    key(&mut app, &mut host, KeyCode::Up);
    key(&mut app, &mut host, KeyCode::Enter);

    assert_eq!(
        host.names,
        [("Acme Ltd".to_string(), "Jo Smith".to_string())],
        "trimmed, and saved once"
    );
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    assert_eq!(current_id(&app), "looking_for");
    assert!(screen(&app).contains("Acme Ltd · Which technology leader"));
}

#[test]
fn starting_without_names_saves_nothing_and_names_given_before_are_kept() {
    let mut app = at_start(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    assert!(host.names.is_empty(), "nothing to save");
    assert_eq!(host.recorded, 0);

    // Names from the command line fill the fields; starting with them unchanged saves nothing.
    let mut app = at_start(80, 24);
    if let Screen::Start(form) = &mut app.screen {
        let mut choose = crate::tui::host::Choose {
            client: "Acme Ltd".into(),
            consultant: String::new(),
            saved: std::mem::take(&mut form.saved),
            time: form.time,
        };
        choose.consultant = "Jo".into();
        *form = StartScreen::new(choose);
    }
    assert!(screen(&app).contains("Client      Acme Ltd"));
    key(&mut app, &mut host, KeyCode::Enter);
    assert!(host.names.is_empty());
    assert!(screen(&app).contains("Acme Ltd · "));
}

#[test]
fn a_saved_session_is_resumed_from_the_start_screen_and_its_notice_shown_first() {
    let mut app = at_start(80, 24);
    let mut host = FakeHost::default();
    host.resumes.push_back(Ok(acme(4)));
    type_text(&mut app, &mut host, "typed, then changed my mind");
    for _ in 0..3 {
        key(&mut app, &mut host, KeyCode::Tab);
    }
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(
        host.resumed,
        [PathBuf::from("/data/sessions/acme-ltd.json")]
    );
    assert!(
        host.names.is_empty(),
        "the new session's names are not saved"
    );
    assert_eq!(
        matches!(app.screen, Screen::Start(_)).then_some(()),
        None,
        "the start screen is gone"
    );
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Notice));
    let shown = screen(&app);
    assert!(shown.contains("Before you go on"), "{shown}");
    assert!(
        shown.contains("Resuming session 4twg7g for Acme Ltd"),
        "{shown}"
    );
    key(&mut app, &mut host, KeyCode::Char('1'));
    assert_eq!(
        app.overlay_kind(),
        Some(OverlayKind::Notice),
        "a digit does not answer"
    );
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.overlay_kind(), None);
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    assert_eq!(app.shared.interview.path().len(), 4);
    assert!(screen(&app).contains("Question 5"));
    assert!(screen(&app).contains("Acme Ltd · "));
    assert_eq!(host.recorded, 0, "resuming changes no answer");
}

#[test]
fn a_session_that_cannot_be_opened_says_why_and_a_new_one_can_still_start() {
    let mut app = at_start(80, 24);
    let mut host = FakeHost::default();
    host.resumes.push_back(Err(
        "/data/sessions/acme-ltd.json is open in another techhire (pid 4242 since \
         2026-11-23T09:47:00Z); close it there first. Two at once would overwrite each \
         other's answers"
            .into(),
    ));
    key(&mut app, &mut host, KeyCode::Tab);
    key(&mut app, &mut host, KeyCode::End);
    assert_eq!(focus(&app), Focus::Consultant, "End in a name: its end");
    key(&mut app, &mut host, KeyCode::Tab);
    key(&mut app, &mut host, KeyCode::End);
    assert_eq!(
        focus(&app),
        Focus::Saved(3),
        "End in the list: the last row"
    );
    for _ in 0..3 {
        key(&mut app, &mut host, KeyCode::Char('k'));
    }
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Start);
    let shown = screen(&app);
    assert!(
        shown.contains("Could not open that session: /data/sessions/acme-ltd.json is open in"),
        "{shown}"
    );
    // The unreadable file is shown, and opening it says why too.
    assert!(
        shown.contains("⚠ broken.json ends early, at line 12"),
        "{shown}"
    );
    key(&mut app, &mut host, KeyCode::End);
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(
        host.resumed.last(),
        Some(&PathBuf::from("/data/sessions/broken.json"))
    );
    assert!(screen(&app).contains("Could not open that session: cannot open"));
    key(&mut app, &mut host, KeyCode::Home);
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Question);
}

#[test]
fn a_click_picks_a_field_and_a_second_click_opens_a_session() {
    let mut app = at_start(80, 24);
    let mut host = FakeHost::default();
    host.resumes.push_back(Ok(acme(2)));
    let mut click = |app: &mut App, text: &str| {
        let (column, row) = find(app, text);
        step(app, &mut host, Action::Click { column, row });
    };
    click(&mut app, "Beta GmbH");
    assert_eq!(focus(&app), Focus::Saved(1));
    click(&mut app, "Consultant");
    assert_eq!(focus(&app), Focus::Consultant);
    click(&mut app, "Acme Ltd");
    assert_eq!(focus(&app), Focus::Saved(0));
    click(&mut app, "Acme Ltd");
    assert_eq!(host.resumed.len(), 1, "the second click opens it");
    assert_eq!(app.shared.interview.path().len(), 2);
}

#[test]
fn a_resumed_finished_interview_opens_at_its_result() {
    let mut start = acme(20);
    assert!(start.interview.is_finished());
    start.notice.truncate(1);
    let app = App::begin(
        start,
        crate::tui::theme::Theme::named(crate::tui::theme::ThemeName::Dark),
        80,
        24,
    );
    assert_eq!(app.screen.kind(), ScreenKind::Result);
    assert!(screen(&app).contains("Recommendation: Hire a CIO"));
}

#[test]
fn a_failed_save_is_said_once_stays_in_the_header_and_recovery_is_said() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    let why = "could not save /data/sessions/acme.json: the disk is full; free some space \
               and try again. The last save is intact";
    host.saves
        .extend([Saved::Failed(why.into()), Saved::StillFailing, Saved::Again]);
    key(&mut app, &mut host, KeyCode::Char('1'));
    let shown = screen(&app);
    assert!(shown.contains("Not saved: could not save"), "{shown}");
    assert!(
        shown.contains("The last save is intact"),
        "the whole message: {shown}"
    );
    assert!(shown.contains("⚠ not saved"), "{shown}");
    key(&mut app, &mut host, KeyCode::Char('1'));
    let shown = screen(&app);
    assert!(!shown.contains("Not saved:"), "said once: {shown}");
    assert!(shown.contains("⚠ not saved"), "{shown}");
    key(&mut app, &mut host, KeyCode::Char('1'));
    let shown = screen(&app);
    assert!(shown.contains("Saved again"), "{shown}");
    assert!(!shown.contains("⚠ not saved"), "{shown}");
    assert_eq!(host.recorded, 3);
}

#[test]
fn a_new_session_that_could_not_be_written_is_said_and_forgotten_once_another_is_resumed() {
    let mut app = at_start(80, 24);
    let mut host = FakeHost::default();
    host.resumes.push_back(Ok(acme(4)));
    // As the host says it right after the first frame.
    let why = "could not create the session file /data/sessions/k3f9x2.json: the disk is full; \
               free some space and try again. Nothing was saved";
    crate::tui::app::reply(
        &mut app,
        crate::tui::Reply::Saved(Saved::Failed(why.into())),
    );
    let shown = screen(&app);
    assert!(
        shown.contains("Not saved: could not create the session file"),
        "{shown}"
    );
    assert!(shown.contains("⚠ not saved"), "{shown}");
    for _ in 0..3 {
        key(&mut app, &mut host, KeyCode::Tab);
    }
    key(&mut app, &mut host, KeyCode::Enter);
    key(&mut app, &mut host, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains("Question 5"), "{shown}");
    assert!(
        !shown.contains("not saved"),
        "the resumed session has lost nothing: {shown}"
    );
}

/// An interview at the result of the cio answers, through the host.
fn at_result(width: u16, height: u16) -> (App, FakeHost) {
    let mut app = super::app(width, height);
    answer_from(&mut app, &answers("cio"));
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Result);
    (app, host)
}

#[test]
fn e_on_the_result_writes_each_format_and_says_where() {
    let (mut app, mut host) = at_result(80, 24);
    app.shared.report_folder = Some("/home/jo/clients".into());
    key(&mut app, &mut host, KeyCode::Char('e'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Export));
    // Where the reports go is said plainly.
    assert!(screen(&app).contains("The report goes in /home/jo/clients, named for"));
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(host.exports, [Format::Html], "HTML first");
    assert!(screen(&app).contains("✓ HTML report:"));
    assert!(screen(&app).contains("/home/jo/clients/techhire-acme-ltd-2026-11-23.html"));
    key(&mut app, &mut host, KeyCode::Char('3'));
    key(&mut app, &mut host, KeyCode::Down);
    key(&mut app, &mut host, KeyCode::Down);
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(host.exports, [Format::Html, Format::Markdown, Format::Json]);
    // Every file written while the box is open is listed, not only the last.
    let shown = screen(&app);
    for extension in ["html", "md", "json"] {
        assert!(
            shown.contains(&format!("techhire-acme-ltd-2026-11-23.{extension}")),
            "{shown}"
        );
    }
    key(&mut app, &mut host, KeyCode::Char('7'));
    assert_eq!(host.exports.len(), 3, "no sixth format");
    assert_eq!(host.copies, [Audience::Client; 3]);
    // c: the consultant's copy, with private notes.
    key(&mut app, &mut host, KeyCode::Char('c'));
    assert!(screen(&app).contains("[x] Consultant's copy"));
    key(&mut app, &mut host, KeyCode::Char('1'));
    assert_eq!(host.copies.last(), Some(&Audience::Consultant));
    assert!(
        screen(&app).contains("✓ HTML consultant's copy:"),
        "{}",
        screen(&app)
    );
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!(app.overlay_kind(), None);
    assert_eq!(app.screen.kind(), ScreenKind::Result);
}

#[test]
fn a_report_that_cannot_be_written_says_why_and_the_result_stays() {
    let (mut app, mut host) = at_result(80, 24);
    host.export_fails = Some(
        "could not write the report to /home/jo/techhire-acme-ltd-2026-11-23.html: the folder \
         /home/jo cannot be written to; choose another"
            .into(),
    );
    key(&mut app, &mut host, KeyCode::Char('e'));
    key(&mut app, &mut host, KeyCode::Char('1'));
    let shown = screen(&app);
    assert!(
        shown.contains("✗ The HTML report was not written"),
        "{shown}"
    );
    assert!(shown.contains("cannot be written to"), "{shown}");
    key(&mut app, &mut host, KeyCode::Char('q'));
    assert_eq!(app.overlay_kind(), None);
}

#[test]
fn export_is_only_offered_where_there_is_a_result() {
    let mut app = super::app(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Char('e'));
    assert_eq!(app.overlay_kind(), None);
    assert!(host.exports.is_empty());
    assert!(!screen(&app).contains("e export"));
}

#[test]
fn ctrl_c_at_the_start_screen_quits_and_esc_asks_first() {
    let mut app = at_start(80, 24);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Quit));
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(app.overlay_kind(), None);
    key_with(
        &mut app,
        &mut host,
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    );
    assert_eq!(app.ending, Some(Ending::Interrupted));
}

#[test]
fn the_keys_list_has_the_new_keys_with_this_screens_first() {
    let mut app = at_start(80, 40);
    let mut host = FakeHost::default();
    key(&mut app, &mut host, KeyCode::F(1));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Help));
    let shown = screen(&app);
    let starting = shown.find("Starting").expect("a Starting section");
    let question = shown.find("On a question").expect("a question section");
    assert!(starting < question, "{shown}");
    key(&mut app, &mut host, KeyCode::Esc);
    let mut app = super::app(120, 60);
    key(&mut app, &mut host, KeyCode::Char('?'));
    let shown = screen(&app);
    for wanted in [
        "write a note on this question",
        "Ctrl-S",
        "save the note and close it",
        "start a new line",
        "write the report: HTML, Markdown or JSON",
    ] {
        assert!(shown.contains(wanted), "{wanted}:\n{shown}");
    }
}

#[test]
fn the_list_checked_against_the_files_replaces_the_glanced_one_and_keeps_the_highlight() {
    let mut app = at_start(80, 24);
    let mut host = FakeHost::default();
    // On Beta GmbH, the second session.
    for _ in 0..4 {
        key(&mut app, &mut host, KeyCode::Tab);
    }
    assert_eq!(focus(&app), Focus::Saved(1));
    assert!(screen(&app).contains("Acme Ltd"));
    // Checked: Acme's file is gone, and one saved elsewhere was copied in.
    let mut checked = saved_sessions();
    checked.remove(0);
    checked[0].client = "Beta AG".into();
    let mut copied = checked[0].clone();
    copied.path = PathBuf::from("/data/sessions/copied.json");
    copied.client = "Copied Co".into();
    checked.insert(0, copied);
    crate::tui::app::reply(&mut app, crate::tui::host::Reply::Listed(checked));
    assert_eq!(focus(&app), Focus::Saved(1), "still on Beta GmbH");
    let shown = screen(&app);
    assert!(!shown.contains("Acme Ltd"), "{shown}");
    assert!(
        shown.contains("Copied Co") && shown.contains("Beta AG"),
        "{shown}"
    );
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(
        host.resumed,
        [PathBuf::from("/data/sessions/beta-gmbh.json")]
    );

    // The highlighted session gone: the highlight stays on its row, or on "Start" when no
    // session is left.
    let mut app = at_start(80, 24);
    for _ in 0..5 {
        key(&mut app, &mut host, KeyCode::Tab);
    }
    assert_eq!(focus(&app), Focus::Saved(2));
    let mut checked = saved_sessions();
    checked.truncate(2);
    crate::tui::app::reply(&mut app, crate::tui::host::Reply::Listed(checked));
    assert_eq!(focus(&app), Focus::Saved(1));
    crate::tui::app::reply(&mut app, crate::tui::host::Reply::Listed(Vec::new()));
    assert_eq!(focus(&app), Focus::Begin);
}
