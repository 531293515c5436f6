//! Sessions answered on an earlier edition of the shipped questions resume on the current one.
//! The files in `tests/fixtures/old-sessions/` were made with the binary of questions.toml
//! 1.0.0 (plain mode, typed answers): a finished interview for a company with a CIO in place,
//! and one left after five answers. Each must open with what changed said plainly, keep every
//! answer that still fits, set aside the rest for the record, and ask only what is missing.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;
use techhire::session::read_path;

/// A copy of an old session in a scratch folder, so the fixture itself is never rewritten.
fn copy_of(name: &str, dir: &Path) -> PathBuf {
    let to = dir.join(name);
    fs::copy(format!("tests/fixtures/old-sessions/{name}"), &to)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    to
}

fn techhire(data: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("techhire");
    cmd.env("TECHHIRE_DATA_DIR", data);
    cmd
}

#[test]
fn a_finished_session_on_1_0_0_says_what_changed_and_asks_only_what_is_missing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let session = copy_of("cio-in-place.json", dir.path());
    let before = read_path(&session).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(before.tree.version, "1.0.0");
    assert_eq!(before.result.map(|r| r.outcome).as_deref(), Some("cio"));

    techhire(dir.path())
        .args(["resume", "--plain"])
        .arg(&session)
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(contains("for Harbour Freight Ltd"))
        .stdout(contains(
            "The questions have changed since this session was saved: it was saved on version \
             1.0.0 of the questions and this is version 2.0.0.",
        ))
        .stdout(contains(
            "7 answers still fit and are kept. 2 answers no longer fit and were set aside",
        ))
        .stdout(contains(
            "  - question `size`: choice `small_private` is no longer offered",
        ))
        .stdout(contains(
            "  - question `vendors`: the question is no longer asked (the answer was \
             `infrastructure`)",
        ))
        // The first question the old edition never asked comes next.
        .stdout(contains(
            "\nQuestion 5 (4 to 7 left)\nHow large and complex is the technology",
        ));

    let after = read_path(&session).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(after.tree.version, "2.0.0");
    assert!(after.result.is_none(), "the old result no longer stands");
    let dropped: Vec<(&str, Option<&str>)> = after
        .dropped
        .iter()
        .map(|d| (d.question.as_str(), d.choice.as_deref()))
        .collect();
    assert_eq!(
        dropped,
        [
            ("size", Some("small_private")),
            ("vendors", Some("infrastructure"))
        ]
    );
    assert!(after.dropped.iter().all(|d| d.tree_version == "1.0.0"));
    let kept: Vec<&str> = after.answers.iter().map(|a| a.question.as_str()).collect();
    assert_eq!(
        kept,
        [
            "looking_for",
            "focus",
            "value_line",
            "business",
            "existing_leaders",
            "reporting",
            "security_owner",
        ]
    );
}

#[test]
fn a_finished_session_on_1_0_0_finishes_again_with_the_new_questions_answered() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let session = copy_of("cio-in-place.json", dir.path());
    // The new and set-aside questions, in the order the revised tree asks them: a moderate
    // internal estate, a mid-sized private company, the CIO (Enter keeps the old answer), who
    // stays; `reporting` (peers) and `security_owner` keep their old answers too.
    techhire(dir.path())
        .args(["resume", "--plain"])
        .arg(&session)
        .write_stdin("2\n2\n1\n\n2\n\n\n\n")
        .assert()
        .success()
        .stdout(contains("Recommendation: "));
    let after = read_path(&session).unwrap_or_else(|e| panic!("{e}"));
    let result = after.result.unwrap_or_else(|| panic!("finished"));
    assert_eq!(after.progress.answered, 11);
    assert!(after.answers.iter().any(|a| a.question == "incumbent"));
    // 1.0.0 told this client, who keeps its CIO, to hire a CIO; 2.0.0's rules rule that out,
    // and at this size one leader (the CIO, with a wider remit) beats adding a second.
    assert_eq!(result.outcome, "combined");
}

#[test]
fn an_unfinished_session_on_1_0_0_keeps_every_answer_and_carries_on() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let session = copy_of("unfinished.json", dir.path());
    techhire(dir.path())
        .args(["resume", "--plain"])
        .arg(&session)
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(contains("for Northwind Apps"))
        .stdout(contains("this is version 2.0.0"))
        .stdout(contains(
            "Every answer still fits the questions as they are now, so all 5 were kept.",
        ))
        .stdout(contains(
            "\nQuestion 6 (4 to 7 left)\nHow large and complex is the technology",
        ));
    let after = read_path(&session).unwrap_or_else(|e| panic!("{e}"));
    assert!(after.dropped.is_empty());
    assert_eq!(after.answers.len(), 5);
}
