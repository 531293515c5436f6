//! Inputs that once broke a promise techhire makes about hostile files, kept in
//! `tests/fixtures/regressions/` so they never come back. Most were found by the fuzzers
//! (`tests/fuzz/run.sh`); each now gets a clear error or works, and nothing from the file
//! reaches the terminal raw.

use std::path::PathBuf;
use std::sync::Arc;

use techhire::TreeError;
use techhire::session::{TreeStamp, read_path};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_path, load_str};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from("tests/fixtures/regressions").join(name)
}

/// Text bound for a terminal must carry no control character but newlines: an escape sequence
/// from a file could otherwise clear the screen, retitle the window or write the clipboard.
fn assert_terminal_safe(text: &str) {
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "raw control character in {text:?}"
    );
}

/// Found by fuzzing: serde_json quotes an unknown key as it is, so a key holding DEL (or ESC)
/// went into the error message raw.
#[test]
fn a_control_character_in_a_session_key_is_shown_not_sent() {
    let path = fixture("session-control-character-in-a-key.json");
    let error = read_path(&path).unwrap_err().to_string();
    assert!(
        error.contains("session-control-character-in-a-key.json"),
        "{error}"
    );
    assert!(error.contains("unknown field `\u{2421}`"), "{error}");
    assert!(error.contains("left as it is"), "{error}");
    assert_terminal_safe(&error);
}

/// Found by the fuzz target's checks: an answer the tree no longer has is listed for the user
/// with its ids, which come from the session file.
#[test]
fn escape_sequences_in_a_dropped_answer_are_shown_not_sent() {
    let mut session = read_path(&fixture("session-escape-in-an-answer.json")).unwrap();
    let tree = load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree;
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let resumed = session.reconcile(Arc::new(tree), stamp);
    assert_eq!(resumed.dropped.len(), 1);
    let line = resumed.dropped[0].describe();
    assert_eq!(
        line,
        "question `\u{241b}]52;c;aGk=\u{2407}`: the question is no longer asked \
         (the answer was `\u{241b}[2J`)"
    );
    assert_terminal_safe(&line);
}

/// Found by fuzzing: the "did you mean" guess for a misspelt `next` can be a question that
/// failed to read, and the validator looked it up among the questions that did, and panicked.
#[test]
fn a_typo_of_a_question_that_failed_to_read_is_reported_not_a_panic() {
    let path = fixture("tree-typo-of-a-question-that-failed-to-read.toml");
    let error = match load_path(&path) {
        Err(TreeError::Invalid(report)) => report,
        other => panic!("expected diagnostics, got {other:?}"),
    };
    let codes: Vec<&str> = error.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"unknown-next"), "{codes:?}");
    assert!(codes.contains(&"unknown-key"), "{codes:?}");
    let rendered = error.render();
    assert!(
        rendered.contains("leads to `00`, which is not a question"),
        "{rendered}"
    );
    assert!(rendered.contains("did you mean `0`?"), "{rendered}");
    assert_terminal_safe(&rendered);
}
