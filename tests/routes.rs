//! Every route to the client's report, as a consultant takes it: answers taken on a call made
//! into the report with `run`, and saved as a session; a session copied for a what-if without
//! touching the record; sessions renamed and deleted (asking first).

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;

use std::fs;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use techhire::session::read_path;

use common::{BOTH, CIO, techhire, text, typed};

/// The session id in "Saved as session k3f9x2, in ...".
fn saved_id(output: &str) -> String {
    let rest = output
        .split("Saved as session ")
        .nth(1)
        .unwrap_or_else(|| panic!("no session id in:\n{output}"));
    rest.split(',').next().unwrap().to_string()
}

fn listing(data: &std::path::Path) -> Value {
    let out = techhire(data)
        .args(["sessions", "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn answers_taken_on_a_call_become_the_clients_html_report() {
    let data = tempfile::tempdir().unwrap();
    let output = techhire(data.path())
        .args(["run", "--answers", "tests/answers/cio.toml"])
        .args([
            "--client",
            "Acme Ltd",
            "--consultant",
            "Jo Smith",
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let html = text(&output.stdout);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("<title>Acme Ltd: Hire a CIO</title>"),
        "{html}"
    );
    assert!(
        html.contains("Prepared for <strong>Acme Ltd</strong>"),
        "{html}"
    );
    assert!(html.contains("by Jo Smith"), "{html}");
    // Nothing is kept unless asked.
    assert!(!data.path().join("sessions").exists());

    // To a file by its extension, saved as a session that reports the same again.
    let file = data.path().join("acme.html");
    let saved = techhire(data.path())
        .args([
            "run",
            "--answers",
            "tests/answers/cio.toml",
            "--client",
            "Acme Ltd",
        ])
        .arg("-o")
        .arg(&file)
        .arg("--save")
        .assert()
        .success()
        .stdout("")
        .stderr(contains("Wrote the HTML report for Acme Ltd to"))
        .stderr(contains("Saved as session "));
    let id = saved_id(&text(&saved.get_output().stderr));
    assert!(fs::read_to_string(&file).unwrap().contains("Hire a CIO"));
    let sessions = listing(data.path());
    assert_eq!(sessions["sessions"][0]["id"], id.as_str());
    assert_eq!(sessions["sessions"][0]["client"], "Acme Ltd");
    assert_eq!(sessions["sessions"][0]["outcome"]["id"], "cio");
    techhire(data.path())
        .args(["report", &id, "--format", "markdown"])
        .assert()
        .success()
        .stdout(contains("# Hire a CIO"))
        .stdout(contains("**Client:** Acme Ltd"));
    // An existing file is kept unless --force.
    techhire(data.path())
        .args(["run", "--answers", "tests/answers/cio.toml", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains("already exists"));
}

#[test]
fn a_copy_for_a_what_if_leaves_the_original_as_it_was() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let first = techhire(data)
        .args(["--plain", "--client", "Acme Ltd"])
        .write_stdin(format!("n\nThey run SAP\n\n{}", typed(CIO)))
        .assert()
        .success();
    let original = saved_id(&text(&first.get_output().stdout));
    let original_path = data.join("sessions").join(format!("{original}.json"));
    let before = fs::read(&original_path).unwrap();

    let copied = techhire(data)
        .args([
            "sessions",
            "copy",
            &original,
            "--client",
            "Acme Ltd (what if)",
        ])
        .assert()
        .success()
        .stdout(contains(format!(
            "Copied session {original} (Acme Ltd, finished: Hire a CIO) to session "
        )))
        .stdout(contains(format!(
            "with {} answers and 1 note; the original is unchanged",
            CIO.len()
        )));
    let out = text(&copied.get_output().stdout);
    let copy = out
        .split("to session ")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .unwrap()
        .to_string();
    assert_ne!(copy, original);
    // With --quiet, only the new id: for scripts.
    let quiet = techhire(data)
        .args(["sessions", "copy", &original, "-q"])
        .output()
        .unwrap();
    let id = text(&quiet.stdout);
    assert!(techhire::session::is_valid_id(id.trim_end()), "{id:?}");
    assert!(
        data.join("sessions")
            .join(format!("{}.json", id.trim_end()))
            .exists()
    );

    // In the copy: back from the result to the first question, and a different answer.
    let back = "b\n".repeat(CIO.len());
    let changed = format!("{back}2\n{}", "\n".repeat(20));
    techhire(data)
        .args(["resume", &copy, "--plain"])
        .write_stdin(changed)
        .assert()
        .code(predicate::in_iter([0, 1]));
    let copy_session = read_path(&data.join("sessions").join(format!("{copy}.json"))).unwrap();
    assert_ne!(
        copy_session.answers[0].choice, "run_core",
        "{copy_session:?}"
    );
    assert_eq!(copy_session.note("looking_for"), Some("They run SAP"));
    assert_eq!(
        fs::read(&original_path).unwrap(),
        before,
        "the original changed"
    );
}

#[test]
fn rename_gives_a_memorable_id_and_delete_asks_first() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let run = techhire(data)
        .args(["--plain", "--client", "Beta"])
        .write_stdin(typed(&BOTH[..2]))
        .assert()
        .code(1);
    let id = saved_id(&text(&run.get_output().stdout));

    techhire(data)
        .args(["sessions", "rename", &id, "beta-2026"])
        .assert()
        .success()
        .stdout(contains(format!(
            "Session {id} (Beta, 2 answered) is now session beta-2026"
        )))
        .stdout(contains("techhire resume beta-2026"));
    assert!(data.join("sessions/beta-2026.json").exists());
    assert!(!data.join(format!("sessions/{id}.json")).exists());
    techhire(data)
        .args(["sessions", "rename", "beta-2026", "../evil"])
        .assert()
        .code(2)
        .stderr(contains("cannot be a session id"));

    // Asked, and anything but yes keeps it; the end of input too.
    for answer in ["n\n", "", "maybe\n"] {
        techhire(data)
            .args(["sessions", "delete", "beta-2026"])
            .write_stdin(answer)
            .assert()
            .code(1)
            .stderr(contains("Delete session beta-2026 (Beta, 2 answered)?"))
            .stderr(contains("Nothing was deleted"))
            .stderr(contains("--yes"));
        assert!(data.join("sessions/beta-2026.json").exists());
    }
    techhire(data)
        .args(["sessions", "delete", "beta-2026"])
        .write_stdin("y\n")
        .assert()
        .success()
        .stdout(contains("Deleted session beta-2026"));
    assert!(!data.join("sessions/beta-2026.json").exists());

    let run = techhire(data)
        .args(["--plain"])
        .write_stdin(typed(&BOTH[..1]))
        .assert()
        .code(1);
    let id = saved_id(&text(&run.get_output().stdout));
    techhire(data)
        .args(["sessions", "delete", &id, "--yes"])
        .assert()
        .success();
    assert_eq!(listing(data)["sessions"], Value::Array(vec![]));
    techhire(data)
        .args(["sessions", "delete", "nosuch", "--yes"])
        .assert()
        .code(2)
        .stderr(contains("there is no session `nosuch`"));
    techhire(data)
        .args(["sessions", "copy", "x", "--format", "json"])
        .assert()
        .code(predicate::ne(0));
}

#[test]
fn plain_mode_offers_the_export_at_the_end_into_the_reports_folder() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let run = techhire(data)
        .args(["--plain", "--client", "Acme Ltd"])
        .write_stdin(format!("{}e\n\ne\n4\n\n", typed(CIO)))
        .assert()
        .success()
        .stdout(contains("e writes the report"))
        .stdout(contains(format!(
            "It goes in {}",
            data.join("reports").display()
        )));
    let out = text(&run.get_output().stdout);
    let reports: Vec<String> = fs::read_dir(data.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(reports.len(), 2, "{reports:?}");
    for name in &reports {
        assert!(name.starts_with("techhire-acme-ltd-"), "{name}");
        assert!(out.contains(&format!("{}", data.join("reports").join(name).display())));
    }
    let html = reports.iter().find(|n| n.ends_with(".html")).unwrap();
    let html = fs::read_to_string(data.join("reports").join(html)).unwrap();
    assert!(html.contains("Prepared for <strong>Acme Ltd</strong>"));
}

#[test]
fn plain_hints_say_plain_and_no_save_leaves_nothing() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let run = techhire(data)
        .args(["--plain"])
        .write_stdin(typed(&CIO[..2]))
        .assert()
        .code(1);
    let id = saved_id(&text(&run.get_output().stdout));
    assert!(
        text(&run.get_output().stdout).contains(&format!("techhire resume {id} --plain")),
        "the hint must keep to plain mode"
    );
    techhire(data)
        .args(["sessions", "delete", &id, "--yes"])
        .assert()
        .success();

    techhire(data)
        .args(["--plain", "--no-save", "--client", "Acme"])
        .write_stdin(format!("n\nsecret\n\n{}", typed(CIO)))
        .assert()
        .success()
        .stdout(contains("Recommendation: Hire a CIO"))
        .stdout(contains(
            "Nothing was saved (--no-save): no session was kept.",
        ));
    techhire(data)
        .args(["--plain", "--no-save"])
        .write_stdin(typed(&CIO[..2]))
        .assert()
        .code(1)
        .stdout(contains("Nothing was saved"))
        .stdout(contains("techhire resume").not());
    let sessions = data.join("sessions");
    let left: Vec<_> = fs::read_dir(&sessions)
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
    // Only for a new plain interview.
    techhire(data)
        .args(["--no-save"])
        .assert()
        .code(2)
        .stderr(contains("--plain"));
    techhire(data)
        .args(["--plain", "--no-save", "--session", "x.json"])
        .assert()
        .code(2)
        .stderr(contains("give one of them"));
}
