//! Private notes never reach the client: `techhire report` in every format leaves them out,
//! and the consultant's copy (`--private-notes`) has them, marked, under a line saying it is
//! not for the client. A session from before private notes (version 1) opens unchanged, its
//! notes for the client as they always were.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;

use std::fs;
use std::path::Path;

use serde_json::Value;

use common::{techhire, text};

/// The finished session documented in docs/session-format.md: a note for the client, a
/// private note, and a note on the interview as a whole.
fn documented_session() -> Value {
    let doc = fs::read_to_string("docs/session-format.md").unwrap();
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    serde_json::from_str(&doc[start..end]).unwrap()
}

fn save(data: &Path, session: &Value) -> String {
    let folder = data.join("sessions");
    fs::create_dir_all(&folder).unwrap();
    let id = session["id"].as_str().unwrap().to_string();
    fs::write(
        folder.join(format!("{id}.json")),
        serde_json::to_vec_pretty(session).unwrap(),
    )
    .unwrap();
    id
}

const FORMATS: [&str; 4] = ["markdown", "html", "json", "text"];
const FOR_THE_CLIENT: &str = "Current CTO (Dana) joined in 2024";
const PRIVATE: &str = "CFO wants the CIO under her";
const ON_THE_INTERVIEW: &str = "Board chair joined for the last three questions";

fn report(data: &Path, id: &str, format: &str, extra: &[&str]) -> String {
    let output = techhire(data)
        .args(["report", id, "--format", format])
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stdout)
}

#[test]
fn a_private_note_never_reaches_the_clients_report_in_any_format() {
    let data = tempfile::tempdir().unwrap();
    let mut session = documented_session();
    // The note on the interview private too: neither private note may show.
    session["interview_note"]["private"] = Value::Bool(true);
    let id = save(data.path(), &session);
    for format in FORMATS {
        let client = report(data.path(), &id, format, &[]);
        assert!(client.contains(FOR_THE_CLIENT), "{format}:\n{client}");
        assert!(!client.contains(PRIVATE), "{format}:\n{client}");
        assert!(!client.contains(ON_THE_INTERVIEW), "{format}:\n{client}");
        assert!(!client.contains("Private note"), "{format}:\n{client}");
        assert!(!client.contains("Consultant's copy"), "{format}:\n{client}");
    }
    // Written to a file, by the extension, the same.
    let file = data.path().join("acme.html");
    techhire(data.path())
        .args(["report", &id, "-o"])
        .arg(&file)
        .assert()
        .success();
    let html = fs::read_to_string(&file).unwrap();
    assert!(html.contains(FOR_THE_CLIENT) && !html.contains(PRIVATE));
}

#[test]
fn the_consultants_copy_has_every_note_and_says_whose_it_is() {
    let data = tempfile::tempdir().unwrap();
    let mut session = documented_session();
    session["interview_note"]["private"] = Value::Bool(true);
    let id = save(data.path(), &session);
    for format in FORMATS {
        let copy = report(data.path(), &id, format, &["--private-notes"]);
        assert!(copy.contains(FOR_THE_CLIENT), "{format}:\n{copy}");
        assert!(copy.contains(PRIVATE), "{format}:\n{copy}");
        assert!(copy.contains(ON_THE_INTERVIEW), "{format}:\n{copy}");
        assert!(copy.contains("Private note: "), "{format}:\n{copy}");
        if format == "json" {
            let v: Value = serde_json::from_str(&copy).unwrap();
            assert_eq!(v["consultant_copy"], true);
        } else {
            let heading = if format == "html" {
                "Consultant&#39;s copy"
            } else {
                "Consultant's copy"
            };
            assert!(copy.contains(heading), "{format}:\n{copy}");
        }
    }
}

#[test]
fn a_note_on_the_interview_for_the_client_is_in_the_clients_report() {
    let data = tempfile::tempdir().unwrap();
    let id = save(data.path(), &documented_session());
    for format in FORMATS {
        let client = report(data.path(), &id, format, &[]);
        assert!(client.contains(ON_THE_INTERVIEW), "{format}:\n{client}");
    }
    let json: Value = serde_json::from_str(&report(data.path(), &id, "json", &[])).unwrap();
    assert_eq!(json["interview_note"], ON_THE_INTERVIEW.to_string() + ".");
    assert_eq!(json["consultant_copy"], false);
}

#[test]
fn a_session_from_before_private_notes_opens_unchanged_and_its_notes_are_for_the_client() {
    let v1 = fs::read("tests/fixtures/sessions/version-1.json").unwrap();
    let session = techhire::session::parse("version-1.json", &v1).unwrap();
    assert_eq!(session.version(), 1);
    assert!(!session.has_private_notes());

    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("sessions");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("k3f9x2.json"), &v1).unwrap();
    for format in FORMATS {
        let client = report(data.path(), "k3f9x2", format, &[]);
        assert!(client.contains(FOR_THE_CLIENT), "{format}:\n{client}");
    }
    // Reading it for a report changed nothing in it.
    assert_eq!(fs::read(folder.join("k3f9x2.json")).unwrap(), v1);
}
