//! The real binary in a pseudo-terminal, as a user meets it: past the start screen, answer by
//! keys, read the result off the screen, leave, and check the terminal came back as it was (main
//! screen, cooked mode, no mouse reporting), on quitting, on Ctrl-C and on SIGTERM and SIGHUP.
//! Every wait is bounded; nothing here depends on timing.

mod pseudo_terminal;

use std::collections::BTreeMap;

use pseudo_terminal::{ENTER_ALTERNATE, Running, count, prompt_start, scratch};
use techhire::Interview;
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

#[test]
fn a_whole_interview_by_keys_ends_in_a_restored_terminal() {
    let tree = std::sync::Arc::new(
        load_str(EMBEDDED_NAME, EMBEDDED)
            .expect("built-in tree")
            .tree,
    );
    let answers: BTreeMap<String, String> = toml::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/answers/cio.toml"
        ))
        .expect("the cio answers"),
    )
    .expect("the cio answers");
    let mut app = Running::start();

    // The engine says which question comes next; the screen must show it.
    let mut interview = Interview::new(tree.clone());
    let mut first = true;
    while let Some(q) = interview.current() {
        let question = tree.question(q);
        app.wait_for(&prompt_start(&question.prompt));
        if first {
            assert!(
                !app.settings_as_before(),
                "raw mode while the interview runs"
            );
            first = false;
        }
        let choice = tree
            .choice_index(q, &answers[&question.id])
            .expect("the answer is a choice");
        app.press((choice + 1).to_string().as_bytes());
        interview.answer(choice).expect("an answer");
    }
    app.wait_for("Check your answers");
    app.press(b"\r");
    app.wait_for("Recommendation: Hire a CIO");
    app.press(b"q");
    app.wait_for("Leave the interview?");
    app.press(b"y");

    assert_eq!(app.finish(), 0, "leaving is a clean exit");
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}

#[test]
fn ctrl_c_quits_at_once_and_restores_the_terminal() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    app.press(b"\x03");
    assert_eq!(app.finish(), 130);
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    app.signal("TERM");
    assert_eq!(app.finish(), 128 + 15);
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}

#[test]
fn sighup_restores_the_terminal() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    // portable-pty's killer sends SIGHUP, as a closing terminal window does.
    app.child.clone_killer().kill().expect("SIGHUP is sent");
    assert_eq!(app.finish(), 128 + 1);
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}

#[test]
fn resizing_redraws_at_the_new_size_and_too_small_says_so() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    app.resize(12, 50);
    app.wait_for("now 50x12, need at least 60x16");
    app.resize(24, 80);
    app.wait_for("Why this matters");
    // The first question's prompt wraps at 80 columns where it did not at 100.
    app.wait_for("\n or three years?");
    app.press(b"1");
    app.wait_for("Question 2");
    app.press(b"\x03");
    assert_eq!(app.finish(), 130);
    app.assert_screen_restored();
}

#[test]
fn m_hands_the_mouse_back_to_the_terminal_and_takes_it_again() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    assert_ne!(
        app.screen.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "clicks are reported while the interview runs"
    );
    app.press(b"m");
    app.wait_for("Mouse off");
    assert_eq!(
        app.screen.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    app.press(b"m");
    app.wait_for("Mouse on");
    assert_ne!(
        app.screen.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    app.press(b"\x03");
    assert_eq!(app.finish(), 130);
    app.assert_screen_restored();
}

#[test]
fn a_dumb_terminal_or_an_accessibility_setting_gives_plain_mode_and_says_so_first() {
    for (name, value, why) in [
        ("TERM", "dumb", "TERM is dumb"),
        ("TECHHIRE_PLAIN", "1", "TECHHIRE_PLAIN is set"),
        ("ACCESSIBLE", "1", "ACCESSIBLE is set"),
    ] {
        let data = scratch();
        let mut app =
            Running::spawn_with(&[] as &[&str], &[(name, value)], data.path(), data.path());
        app.wait_for("Type the client's name");
        let first = app.text().lines().next().unwrap_or_default().to_string();
        assert!(
            first.starts_with(&format!("Plain mode, because {why}")),
            "{name}={value}: the first line is {first:?}"
        );
        assert!(first.contains("--no-plain"), "{first}");
        app.press(b"\r");
        app.wait_for("(Enter to skip)");
        app.press(b"\r");
        app.wait_for("  1. ");
        app.press(b"q\r");
        assert_eq!(app.finish(), 1, "{name}={value}: stopped before the end");
        assert_eq!(count(&app.bytes, ENTER_ALTERNATE), 0, "no full screen");
    }
    // --no-plain overrules the environment.
    let data = scratch();
    let mut app = Running::spawn_with(
        &["--no-plain"],
        &[("TERM", "dumb")],
        data.path(),
        data.path(),
    );
    app.wait_for("Start a new interview");
    app.press(b"\x03");
    assert_eq!(app.finish(), 130);
    app.assert_screen_restored();
}
