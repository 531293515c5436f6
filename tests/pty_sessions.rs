//! Sessions under faults, with the real binary in a pseudo-terminal: killed with SIGKILL in the
//! middle of an interview and resumed with nothing lost; stopped by SIGTERM or SIGHUP with the
//! terminal restored and the session kept, with the note being written; and a second techhire on a session already open,
//! refused with a clear message whether it is asked for on the command line or from the start
//! screen; the notice shown on resume answering j, y and q. Every wait is bounded.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;
mod pseudo_terminal;

use std::collections::BTreeMap;
use std::path::Path;

use pseudo_terminal::{ENTER_ALTERNATE, Running, prompt_start, scratch, session_when};
use techhire::Interview;
use techhire::session::{Answer, Session};
use techhire::tree::EMBEDDED;

fn cio_answers() -> BTreeMap<String, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/answers/cio.toml");
    toml::from_str(&std::fs::read_to_string(path).expect("the cio answers")).expect("toml")
}

/// Answers `n` questions by keys, checking each prompt is the one the engine says comes next;
/// returns the engine's interview, at the question after them.
fn answer(app: &mut Running, n: usize) -> Interview {
    let tree = common::shipped_tree();
    let answers = cio_answers();
    let mut interview = Interview::new(tree.clone());
    for _ in 0..n {
        let q = interview.current().expect("a question");
        let question = tree.question(q);
        app.wait_for(&prompt_start(&question.prompt));
        let choice = tree
            .choice_index(q, &answers[&question.id])
            .expect("the answer is a choice");
        app.press((choice + 1).to_string().as_bytes());
        interview.answer(choice).expect("an answer");
    }
    let next = interview.current().expect("more questions");
    app.wait_for(&prompt_start(&tree.question(next).prompt));
    interview
}

/// The answers in a session, without their times.
fn answers_of(session: &Session) -> Vec<(String, String)> {
    session
        .answers
        .iter()
        .map(
            |Answer {
                 question, choice, ..
             }| (question.clone(), choice.clone()),
        )
        .collect()
}

fn session_arg(path: &Path) -> [String; 2] {
    ["--session".into(), path.display().to_string()]
}

#[test]
fn killed_with_sigkill_mid_interview_and_resumed_nothing_is_lost() {
    const N: usize = 4;
    let dir = scratch();
    let path = dir.path().join("acme.json");
    let mut app = Running::spawn(&session_arg(&path), dir.path(), dir.path());
    let interview = answer(&mut app, N);
    let before = session_when(&path, |s| s.answers.len() == N);
    app.signal("KILL");
    app.finish();

    let after = techhire::session::read_path(&path).expect("the session file is whole");
    assert_eq!(answers_of(&after), answers_of(&before));
    let expected: Vec<(String, String)> = interview
        .path()
        .iter()
        .map(|s| {
            let q = interview.tree().question(s.question);
            (q.id.clone(), q.choices[s.choice].id.clone())
        })
        .collect();
    assert_eq!(answers_of(&after), expected, "every answer given by keys");

    // The next day: `techhire resume PATH` carries on at question N + 1.
    let mut resumed = Running::spawn(
        &["resume".to_string(), path.display().to_string()],
        dir.path(),
        dir.path(),
    );
    resumed.wait_for("Before you go on");
    resumed.wait_for(&format!("{N} answered"));
    resumed.press(b"\r");
    resumed.wait_for_gone("Before you go on");
    let next = interview.current().expect("more questions");
    resumed.wait_for(&prompt_start(&interview.tree().question(next).prompt));
    resumed.wait_for(&format!("Question {}", N + 1));
    resumed.press(b"q");
    resumed.wait_for("Leave the interview?");
    resumed.press(b"y");
    assert_eq!(resumed.finish(), 1, "unfinished: exit code 1");
    resumed.assert_screen_restored();
    let last = techhire::session::read_path(&path).expect("readable");
    assert_eq!(answers_of(&last), expected, "resuming changed no answer");
}

#[test]
fn the_notice_on_resume_answers_j_y_and_q_in_the_real_terminal() {
    let dir = scratch();
    let path = dir.path().join("acme.json");
    let mut app = Running::spawn(&session_arg(&path), dir.path(), dir.path());
    answer(&mut app, 2);
    session_when(&path, |s| s.answers.len() == 2);
    app.press(b"q");
    app.wait_for("Leave the interview?");
    app.press(b"q");
    assert_eq!(app.finish(), 1, "q in “Leave the interview?” leaves");

    let resume = ["resume".to_string(), path.display().to_string()];
    let mut resumed = Running::spawn(&resume, dir.path(), dir.path());
    resumed.wait_for("Before you go on");
    // Nothing to scroll: j says how to go on instead of seeming to hang.
    resumed.press(b"j");
    resumed.wait_for("Press Enter to continue");
    // y (yes, go on) puts it away, and the keys work again.
    resumed.press(b"y");
    resumed.wait_for_gone("Before you go on");
    resumed.wait_for("Question 3");
    resumed.press(b"q");
    resumed.wait_for("Leave the interview?");
    resumed.press(b"y");
    assert_eq!(resumed.finish(), 1);
    resumed.assert_screen_restored();

    // q puts the notice away too; a second q then asks before leaving.
    let mut resumed = Running::spawn(&resume, dir.path(), dir.path());
    resumed.wait_for("Before you go on");
    resumed.press(b"q");
    resumed.wait_for_gone("Before you go on");
    resumed.press(b"q");
    resumed.wait_for("Leave the interview?");
    resumed.press(b"y");
    assert_eq!(resumed.finish(), 1);
    resumed.assert_screen_restored();
}

/// Answers three questions, writes `note` on the fourth without saving it if given, sends the
/// signal, and checks the terminal and the session.
fn stopped_by(signal: &str, code: u32, note: Option<&str>) {
    let dir = scratch();
    let path = dir.path().join("acme.json");
    let mut app = Running::spawn(&session_arg(&path), dir.path(), dir.path());
    let interview = answer(&mut app, 3);
    let before = session_when(&path, |s| s.answers.len() == 3);
    if let Some(note) = note {
        app.press(b"n");
        app.wait_for("Ctrl-S save");
        app.press(note.as_bytes());
        app.wait_for(note);
    }
    app.signal(signal);
    assert_eq!(app.finish(), code, "SIG{signal}");
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode after SIG{signal}"
    );
    let after = techhire::session::read_path(&path).expect("the session file is readable");
    assert_eq!(answers_of(&after), answers_of(&before));
    assert_eq!(after.answers.len(), 3);
    let fourth = interview.current().expect("a fourth question");
    let id = &interview.tree().question(fourth).id;
    assert_eq!(
        after.note(id),
        note,
        "SIG{signal} kept the note being written"
    );
}

#[test]
fn ctrl_c_ends_a_paste_that_never_ends_keeping_the_answers_and_the_note() {
    let dir = scratch();
    let path = dir.path().join("acme.json");
    let mut app = Running::spawn(&session_arg(&path), dir.path(), dir.path());
    let interview = answer(&mut app, 2);
    let before = session_when(&path, |s| s.answers.len() == 2);
    app.press(b"n");
    app.wait_for("Ctrl-S save");
    app.press(b"board wants AI");
    app.wait_for("board wants AI");
    // The start of a bracketed paste and no end: crossterm waits for the end marker, and
    // every key after it, Ctrl-C included, waits behind it.
    app.press(b"\x1b[200~pasted, and the connection dropped");
    app.press(b"\x03");
    assert_eq!(app.finish(), 130, "Ctrl-C ends it");
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
    let after = techhire::session::read_path(&path).expect("the session file is readable");
    assert_eq!(answers_of(&after), answers_of(&before));
    let third = interview.current().expect("a third question");
    let id = &interview.tree().question(third).id;
    assert_eq!(
        after.note(id),
        Some("board wants AI"),
        "the note being written is kept"
    );
    app.wait_for("Carry on where you stopped");
    assert!(
        !dir.path().join("acme.json.lock").exists(),
        "no note of who held the session is left behind"
    );
}

/// A signal on the start screen, before anything was given, leaves no empty session behind
/// (which `techhire resume` would then open instead of the real unfinished one).
fn stopped_on_the_start_screen(signal: &str, code: u32) {
    let dir = scratch();
    let mut app = Running::spawn(&[] as &[&str], dir.path(), dir.path());
    app.wait_for("Start a new interview");
    app.signal(signal);
    assert_eq!(app.finish(), code, "SIG{signal}");
    app.assert_screen_restored();
    let left: Vec<String> = std::fs::read_dir(dir.path().join("sessions"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| !name.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(left, Vec::<String>::new(), "SIG{signal} left a session");
}

#[test]
fn sigterm_on_the_start_screen_leaves_no_empty_session() {
    stopped_on_the_start_screen("TERM", 128 + 15);
}

#[test]
fn sighup_on_the_start_screen_leaves_no_empty_session() {
    stopped_on_the_start_screen("HUP", 128 + 1);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_session() {
    stopped_by("TERM", 128 + 15, None);
}

#[test]
fn sighup_restores_the_terminal_and_keeps_the_session() {
    stopped_by("HUP", 128 + 1, None);
}

#[test]
fn a_note_being_written_is_saved_when_sigterm_stops_the_program() {
    stopped_by("TERM", 128 + 15, Some("Board wants AI by spring"));
}

#[test]
fn a_note_being_written_is_saved_when_the_terminal_hangs_up() {
    stopped_by("HUP", 128 + 1, Some("Board wants AI by spring"));
}

#[test]
fn a_second_techhire_on_an_open_session_is_refused_and_the_terminal_left_alone() {
    let dir = scratch();
    let path = dir.path().join("sessions").join("acme.json");
    let mut args = session_arg(&path).to_vec();
    args.extend(["--client".to_string(), "Acme Ltd".to_string()]);
    let mut first = Running::spawn(&args, dir.path(), dir.path());
    answer(&mut first, 1);

    let mut second = Running::spawn(&session_arg(&path), dir.path(), dir.path());
    assert_eq!(second.finish(), 2, "refused with exit code 2");
    let said = second.words();
    assert!(
        said.contains("is open in another techhire") && said.contains("acme.json"),
        "{said}"
    );
    assert!(
        pseudo_terminal::rfind(&second.bytes, ENTER_ALTERNATE).is_none(),
        "the refused one never took over the screen"
    );
    assert!(second.settings_as_before(), "its terminal is untouched");

    // From the start screen of a new interview, the session open elsewhere is refused too,
    // and says why; the new interview can still start.
    let mut third = Running::spawn(&[] as &[&str], dir.path(), dir.path());
    third.wait_for("Start a new interview");
    third.wait_for("Acme Ltd");
    third.press(b"\t\t\t\r");
    third.wait_for("Could not open that session");
    third.wait_for_words("is open in another techhire");
    third.press(b"\x1b[A\x1b[A\x1b[A");
    third.press(b"\r");
    third.wait_for("Why this matters");
    third.press(b"\x03");
    assert_eq!(third.finish(), 130);
    third.assert_screen_restored();

    first.press(b"q");
    first.wait_for("Leave the interview?");
    first.press(b"y");
    assert_eq!(first.finish(), 1);
    let saved = techhire::session::read_path(&path).expect("readable");
    assert_eq!(saved.answers.len(), 1, "the first one's answer is kept");
}

#[test]
fn resuming_from_the_start_screen_reconciles_a_changed_tree_and_drops_the_empty_new_session() {
    let dir = scratch();
    let tree_path = dir.path().join("questions.toml");
    std::fs::write(&tree_path, EMBEDDED).expect("a copy of the tree");
    // Acme's session: three answers on the tree as it was.
    let mut acme = Running::spawn(
        &[
            "--questions",
            "questions.toml",
            "--client",
            "Acme Ltd",
            "--session",
            "sessions/acme.json",
        ],
        dir.path(),
        dir.path(),
    );
    answer(&mut acme, 3);
    acme.press(b"q");
    acme.wait_for("Leave the interview?");
    acme.press(b"y");
    assert_eq!(acme.finish(), 1);

    // The tree changes: a new version, and the answer given to `focus` is gone.
    let edited = EMBEDDED
        .replace("version = \"2.0.0\"", "version = \"2.1.0\"")
        .replace("id = \"internal\"", "id = \"inward\"")
        .replace("focus = \"internal\"", "focus = \"inward\"");
    std::fs::write(&tree_path, edited).expect("the tree is edited");

    let mut app = Running::spawn(&["--questions", "questions.toml"], dir.path(), dir.path());
    app.wait_for("Start a new interview");
    app.wait_for("Acme Ltd");
    app.press(b"\t\t\t\r");
    app.wait_for("Before you go on");
    app.wait_for_words("The questions have changed since this session was saved");
    app.wait_for_words("version 2.0.0 of the questions and this is version 2.1.0");
    app.wait_for("question `focus`: choice `internal` is no longer offered");
    app.press(b"\r");
    app.wait_for_gone("Before you go on");
    // The interview asks again where the answer was set aside.
    app.wait_for("Whose experience will this leader");
    app.press(b"q");
    app.wait_for("Leave the interview?");
    app.press(b"y");
    assert_eq!(app.finish(), 1);
    app.assert_screen_restored();

    let sessions: Vec<String> = std::fs::read_dir(dir.path().join("sessions"))
        .expect("the sessions folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // Hidden files are not sessions (the summary index, temporary files).
        .filter(|name| name.ends_with(".json") && !name.starts_with('.'))
        .collect();
    assert_eq!(
        sessions,
        ["acme.json"],
        "the untouched new session was not kept"
    );
    let saved =
        techhire::session::read_path(&dir.path().join("sessions/acme.json")).expect("readable");
    assert_eq!(
        saved.tree.version, "2.1.0",
        "saved on the tree as it is now"
    );
    assert_eq!(
        saved.dropped.len(),
        1,
        "the set-aside answer is kept for the record"
    );
    assert!(
        app.words().contains("Saved as session") || app.words().contains("Saved in"),
        "{}",
        app.words()
    );
}

#[test]
fn a_workshop_respondent_full_screen_answers_only_the_views_and_cannot_export_before_the_reveal() {
    let dir = scratch();
    let facts = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/answers/workshop/facts.toml"
    );
    let id = common::succeeds(dir.path(), &["workshop", "new", "--facts", facts]);
    let session = common::succeeds(
        dir.path(),
        &["workshop", "invite", &id, "--name", "Ben", "--role", "CFO"],
    );
    let path = dir.path().join("sessions").join(format!("{session}.json"));
    let resume = ["resume".to_string(), path.display().to_string()];
    let mut app = Running::spawn(&resume, dir.path(), dir.path());
    app.wait_for("Before you go on");
    app.press(b"y");
    // Ben's four views are each the first choice; the six facts between them are not asked.
    for n in 1..=4 {
        app.wait_for(&format!("Question {n}"));
        app.press(b"1");
    }
    app.wait_for("Check your answers");
    assert!(
        app.text().contains("given by the workshop"),
        "{}",
        app.text()
    );
    app.press(b"\r");
    app.wait_for_words("Hire a CIO");
    // The report is not offered before the reveal: no `e` in the footer; pressed anyway, no
    // report box opens, and the footer says why.
    assert!(!app.text().contains("e export"), "{}", app.text());
    app.press(b"e");
    app.wait_for_words("The report waits until the consultant reveals");
    assert!(!app.text().contains("Which format?"), "{}", app.text());
    app.press(b"q");
    app.wait_for("Leave the interview?");
    app.press(b"y");
    app.finish();
    app.assert_screen_restored();
    let saved = techhire::session::read_path(&path).expect("readable");
    assert!(saved.result.is_some(), "finished");
    assert!(
        !dir.path().join("reports").exists()
            && std::fs::read_dir(dir.path())
                .expect("the scratch folder")
                .flatten()
                .all(|e| !e.file_name().to_string_lossy().starts_with("techhire-")),
        "no report was written"
    );
}
