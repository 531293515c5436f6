//! Hostile text reaches the terminal only as visible stand-ins: the real binary, in a
//! pseudo-terminal, on a question tree and a saved session whose every shown string carries
//! escape sequences (an OSC 52 clipboard write, an OSC 8 link, a screen clear, a cursor
//! position query, a C1 CSI), bidi overrides and zero-width characters. The same walk through
//! the start screen, the resumed session, a note, both questions, the result and the report
//! overlay runs on a clean copy of the same files first: whatever the program sends there is
//! its own, and the hostile run may send nothing more.

mod pseudo_terminal;

use std::path::Path;
use std::sync::Arc;

use pseudo_terminal::{Running, count, scratch};
use techhire::Interview;
use techhire::session::{Session, SessionFile, Timestamp, TreeStamp};
use techhire::tree::load_path;

/// A tree with `{P}` wherever text is shown: titles, prompts, help, labels, details, reasons,
/// sources and every part of the outcomes' guidance.
const TEMPLATE: &str = r#"
[meta]
title = "Title {P}"
version = "1"
start = "first"

[[sources]]
id = "src"
title = "Source title {P}"
publisher = "Publisher {P}"
author = "Author {P}"
date = "2026"

[[outcomes]]
id = "x"
label = "Outcome X {P}"
summary = "Summary {P}"
owns = ["Owns {P}"]
priorities = ["Priority {P}"]
profile = "Profile {P}"
risks = ["Risk {P}"]
next_steps = ["Step {P}"]
collaboration = "Together {P}"
when_to_split = "Split {P}"
sources = ["src"]

[[outcomes]]
id = "y"
label = "Outcome Y {P}"
summary = "Summary {P}"
owns = ["Owns {P}"]
priorities = ["Priority {P}"]
profile = "Profile {P}"
risks = ["Risk {P}"]
next_steps = ["Step {P}"]

[[questions]]
id = "first"
prompt = "First question {P}"
help = "Help {P}"
sources = ["src"]

[[questions.choices]]
id = "a"
label = "Choice A {P}"
detail = "Detail {P}"
reason = "Reason {P}"
next = "second"
evidence = { x = 2 }

[[questions.choices]]
id = "b"
label = "Choice B {P}"
next = "second"
evidence = { y = 1 }

[[questions]]
id = "second"
prompt = "Second question {P}"
help = "Help {P}"

[[questions.choices]]
id = "c"
label = "Choice C {P}"
reason = "Reason {P}"
end = true
evidence = { x = 1 }

[[questions.choices]]
id = "d"
label = "Choice D {P}"
end = true
evidence = { y = 3 }
"#;

/// The payload, as TOML escapes.
const HOSTILE_TOML: &str = r"\u001b]52;c;SEVMTE8=\u0007 \u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007 \u001b[2J \u009b31m \u001b[6n \u202eevil\u2066 zero\u200bwidth\ufeff";
/// The same payload as text, for the session's names and note.
const HOSTILE: &str = "\u{1b}]52;c;SEVMTE8=\u{7} \u{1b}]8;;https://evil.example/\u{7}link\u{1b}]8;;\u{7} \u{1b}[2J \u{9b}31m \u{1b}[6n \u{202e}evil\u{2066} zero\u{200b}width\u{feff}";

/// Byte sequences from the payload that must never reach the terminal raw.
const NEVER: &[(&str, &[u8])] = &[
    ("OSC 52 clipboard write", b"\x1b]52;"),
    ("OSC 8 link", b"\x1b]8;;"),
    ("cursor position query", b"\x1b[6n"),
    ("BEL ending an OSC", b"\x07"),
    ("C1 CSI", "\u{9b}".as_bytes()),
    ("right-to-left override", "\u{202e}".as_bytes()),
    ("bidi isolate", "\u{2066}".as_bytes()),
    ("zero-width space", "\u{200b}".as_bytes()),
    ("zero-width no-break space", "\u{feff}".as_bytes()),
];
/// A sequence the program may send itself (a screen clear): no more often than on clean text.
const NO_MORE_THAN_CLEAN: &[u8] = b"\x1b[2J";

/// Writes the tree with `payload` in it, and a saved session on it with `text` in its names and
/// its note, plus a file in the sessions folder with `text` in its name that is not a session.
fn setup(dir: &Path, payload: &str, text: &str) {
    let tree_path = dir.join("tree.toml");
    std::fs::write(&tree_path, TEMPLATE.replace("{P}", payload)).expect("the tree is written");
    let loaded = load_path(&tree_path).unwrap_or_else(|e| panic!("the tree loads: {e}"));
    let bytes = std::fs::read(&tree_path).expect("the tree reads back");
    let full = std::fs::canonicalize(&tree_path).expect("a full path");
    let stamp = TreeStamp::new(&loaded.tree, &full.display().to_string(), &bytes);
    let interview = Interview::new(Arc::new(loaded.tree));
    let mut session = Session::new(
        stamp,
        Some(format!("Client {text}")),
        Some(format!("Consultant {text}")),
        &interview,
    );
    session.set_note(
        "first",
        &format!("Note {text}\nsecond line"),
        false,
        Timestamp::now(),
    );
    let folder = dir.join("sessions");
    let path = folder.join(format!("{}.json", session.id));
    drop(SessionFile::create_at(&path, session).expect("the session is saved"));
    let odd_name = format!("{}.json", text.replace('/', "-"));
    std::fs::write(folder.join(odd_name), "not a session").expect("an odd file");
}

/// The walk: resume the saved session from the start screen, read the notice, open the note
/// and close it, answer both questions, see the result, write the HTML report, leave. Returns
/// every byte the program wrote, and the screen's text at the first question.
fn walk(dir: &Path) -> (Vec<u8>, String) {
    let mut app = Running::spawn(&["--questions", "tree.toml"], dir, dir);
    app.wait_for("Start a new interview");
    app.wait_for("Client ");
    app.press(b"\t\t\t\r");
    app.wait_for("Before you go on");
    app.press(b"\r");
    app.wait_for_gone("Before you go on");
    app.wait_for("Question 1");
    let first = app.text();
    app.press(b"n");
    app.wait_for("Ctrl-S save · Ctrl-P private · Esc close");
    app.press(b"\x1b");
    app.wait_for_gone("Ctrl-S save · Ctrl-P private · Esc close");
    app.press(b"1");
    app.wait_for("Question 2");
    app.press(b"1");
    app.wait_for("Check your answers");
    app.press(b"\r");
    app.wait_for("Recommendation:");
    app.press(b"e");
    app.wait_for("Write the report");
    app.press(b"1");
    app.wait_for("✓ HTML report:");
    app.press(b"\x1b");
    app.wait_for_gone("Write the report");
    app.press(b"q");
    app.wait_for("Leave the interview?");
    app.press(b"y");
    assert_eq!(app.finish(), 0, "a finished interview exits 0");
    app.assert_screen_restored();
    (app.bytes, first)
}

#[test]
fn nothing_from_a_hostile_tree_or_session_reaches_the_terminal_raw() {
    let clean_dir = scratch();
    setup(clean_dir.path(), "plain words", "plain words");
    let (clean, _) = walk(clean_dir.path());

    let hostile_dir = scratch();
    setup(hostile_dir.path(), HOSTILE_TOML, HOSTILE);
    let (hostile, first) = walk(hostile_dir.path());

    // The hostile text was on screen, as visible stand-ins.
    assert!(first.contains("First question ␛]52;c;SEVMTE8=␇"), "{first}");
    assert!(first.contains("Note ␛]52;c;SEVMTE8=␇"), "{first}");
    for (what, bytes) in NEVER {
        assert_eq!(
            count(&clean, bytes),
            0,
            "the program itself sends no {what}"
        );
        assert_eq!(
            count(&hostile, bytes),
            0,
            "a {what} from the files reached the terminal"
        );
    }
    assert!(
        count(&hostile, NO_MORE_THAN_CLEAN) <= count(&clean, NO_MORE_THAN_CLEAN),
        "a screen clear from the files reached the terminal"
    );
}
