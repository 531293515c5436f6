//! Keys written in one go, as a paste without bracketed paste or a held key sends them: every
//! key is applied, at once, and a Ctrl-C after them still quits. Before crossterm's `/dev/tty`
//! reader (feature `use-dev-tty`), up to 1,024 bytes stayed in the terminal's queue until another
//! key arrived: the highlight stopped short and a Ctrl-C went unheard. The real binary in a
//! pseudo-terminal, on the start screen with 1,100 saved sessions and on a question.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;
mod pseudo_terminal;

use techhire::Interview;

use pseudo_terminal::{Running, scratch, session_when};

const DOWN: &[u8] = b"\x1b[B";
const UP: &[u8] = b"\x1b[A";
const CTRL_C: &[u8] = b"\x03";

fn times(keys: &[u8], n: usize) -> Vec<u8> {
    keys.repeat(n)
}

#[test]
fn a_thousand_keys_at_once_on_the_start_screen_all_count_and_ctrl_c_after_them_quits() {
    let data = scratch();
    common::many_sessions(data.path(), 1_100);
    let mut app = Running::spawn(&[] as &[&str], data.path(), data.path());
    app.wait_for("Start the interview");
    app.wait_for("Client 0000");
    // From the client's name: the consultant's, "Start", then the 998th session.
    app.press(&times(DOWN, 1_000));
    app.wait_for("❯ Client 0997");
    // Back up 500, and a Ctrl-C in the same write.
    let mut keys = times(UP, 500);
    keys.extend_from_slice(CTRL_C);
    app.press(&keys);
    assert_eq!(app.finish(), 130, "Ctrl-C after the burst quits");
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}

#[test]
fn a_thousand_keys_at_once_on_a_question_all_count_and_ctrl_c_after_them_quits() {
    let data = scratch();
    let path = data.path().join("acme.json");
    let args = ["--session".to_string(), path.display().to_string()];
    let mut app = Running::spawn(&args, data.path(), data.path());
    app.wait_for("Why this matters");
    // A note of 1,000 characters typed in one write, then saved.
    app.press(b"n");
    app.wait_for("Ctrl-S save");
    let note: String = (0..200).map(|i| format!("{i:04}|")).collect();
    app.press(note.as_bytes());
    app.press(b"\x13");
    let tree = common::shipped_tree();
    let first = Interview::new(tree.clone())
        .current()
        .expect("a first question");
    let question = &tree.question(first).id;
    let saved = session_when(&path, |s| s.note(question).is_some());
    assert_eq!(
        saved.note(question),
        Some(note.as_str()),
        "every key reached the note"
    );
    // 1,000 moves of the highlight and a Ctrl-C, in one write.
    app.wait_for_gone("Ctrl-S save");
    let mut keys = times(DOWN, 1_000);
    keys.extend_from_slice(CTRL_C);
    app.press(&keys);
    assert_eq!(app.finish(), 130, "Ctrl-C after the burst quits");
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}
