//! Messages that misled (issue 13, cases 10 and 11): a session naming a question its own tree
//! lacks says so on resume and in reports; a folder that takes no new files is not called
//! missing; a number too large is not called the wrong type; a session with a byte order mark
//! opens as trees with one do; and a report to `report.pdf` is refused rather than written as
//! Markdown.

#[allow(dead_code)] // Not every shared helper is used here.
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use predicates::str::contains;
use techhire::tree::EMBEDDED;

use common::{CIO, techhire, typed};

/// A session at `data/name` with the first `answers` of [`CIO`] given.
fn session(data: &Path, name: &str, answers: usize) -> PathBuf {
    let path = data.join(name);
    let code = if answers == CIO.len() { 0 } else { 1 };
    techhire(data)
        .args(["--plain", "--session"])
        .arg(&path)
        .write_stdin(typed(&CIO[..answers]))
        .assert()
        .code(code);
    path
}

/// Adds an answer to a question the tree does not have, as a hand edit would.
fn add_unknown_answer(path: &Path) {
    let mut json: serde_json::Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    json["answers"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "question": "board_size", "choice": "seven", "at": "2026-11-23T09:47:00Z"
        }));
    fs::write(path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

#[test]
fn a_session_naming_a_question_its_own_tree_lacks_says_so() {
    let data = tempfile::tempdir().unwrap();
    let partial = session(data.path(), "partial.json", 3);
    add_unknown_answer(&partial);
    techhire(data.path())
        .args(["resume", "--plain"])
        .arg(&partial)
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(contains(
            "names a question or choice the question tree does not have",
        ))
        .stdout(contains("question `board_size`"));
    let saved = techhire::session::read_path(&partial).unwrap();
    assert_eq!(saved.dropped.len(), 1, "kept in the file under dropped");

    let finished = session(data.path(), "finished.json", CIO.len());
    add_unknown_answer(&finished);
    techhire(data.path())
        .arg("report")
        .arg(&finished)
        .assert()
        .success()
        .stderr(contains(
            "names questions or choices the question tree does not have",
        ))
        .stderr(contains("set aside: question `board_size`"));
}

#[test]
fn a_session_with_a_byte_order_mark_opens() {
    let data = tempfile::tempdir().unwrap();
    let path = session(data.path(), "bom.json", CIO.len());
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("\u{feff}{text}")).unwrap();
    techhire(data.path())
        .arg("report")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("Hire a CIO"));
}

#[test]
fn a_number_beyond_32_bits_is_out_of_range_not_the_wrong_type() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("big.toml");
    let (before, after) = EMBEDDED.split_once("evidence = { ").unwrap();
    let after = after.split_once('\n').unwrap().1;
    let text = format!("{before}evidence = {{ cio = 9223372036854775807 }}\n{after}");
    fs::write(&path, text).unwrap();
    techhire(data.path())
        .arg("validate")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(contains("9223372036854775807 is out of range"))
        .stdout(contains("found integer").not());
}

#[test]
fn a_folder_that_takes_no_files_is_not_called_missing() {
    if !Path::new("/proc/self").exists() {
        eprintln!("skipped: no /proc here");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let path = session(data.path(), "s.json", CIO.len());
    techhire(data.path())
        .arg("report")
        .arg(&path)
        .args(["-o", "/proc/r.html"])
        .assert()
        .code(2)
        .stderr(contains("the folder /proc does not take new files"))
        .stderr(contains("does not exist").not());
}

#[test]
fn a_report_named_for_a_format_techhire_does_not_write_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let path = session(data.path(), "s.json", CIO.len());
    let pdf = data.path().join("report.docx");
    techhire(data.path())
        .arg("report")
        .arg(&path)
        .arg("-o")
        .arg(&pdf)
        .assert()
        .code(2)
        .stderr(contains("does not write `.docx` files"));
    assert!(!pdf.exists());
    // Asked for by name, the format is written whatever the extension.
    techhire(data.path())
        .arg("report")
        .arg(&path)
        .args(["--format", "markdown", "-o"])
        .arg(&pdf)
        .assert()
        .success();
}
