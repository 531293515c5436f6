//! Sessions from the command line, as a consultant uses them: two clients, one left half way
//! and resumed the next day, the reports in every format, a report file that is never
//! overwritten, a question tree that changed in between, and the flags each command takes.
//! Every test keeps its sessions in a temporary folder through `TECHHIRE_DATA_DIR`.
//! Damaged files, failing saves and SIGKILL are in `sessions_cli_faults.rs`.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;

use std::fs;
use std::io::Write;
use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use techhire::session::read_path;
use techhire::tree::EMBEDDED;

use common::{BOTH, CIO, techhire, text, typed};

/// The session id in "Saved as session k3f9x2, in ...".
fn saved_id(stdout: &str) -> String {
    let rest = stdout
        .split("Saved as session ")
        .nth(1)
        .unwrap_or_else(|| panic!("no session id in:\n{stdout}"));
    rest.split(',').next().unwrap().to_string()
}

#[test]
fn two_clients_one_left_half_way_resumed_the_next_day_and_reported() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();

    // Acme: the whole interview, with a note on the first question.
    let acme = techhire(data)
        .args([
            "--plain",
            "--client",
            "Acme Ltd",
            "--consultant",
            "Jo Smith",
        ])
        .write_stdin(format!(
            "n\nThey run SAP\nand a mainframe\n\n{}",
            typed(CIO)
        ))
        .assert()
        .success()
        .stdout(contains("Recommendation: Hire a CIO"))
        .stdout(contains(
            "Note:\n         They run SAP\n         and a mainframe",
        ))
        .stdout(contains("techhire report "));
    let acme = saved_id(&text(&acme.get_output().stdout));

    // Beta: three answers, then input ends.
    let beta = techhire(data)
        .args(["--plain", "--client", "Beta <plc>"])
        .write_stdin(typed(&BOTH[..3]))
        .assert()
        .code(1)
        .stdout(contains("Input ended before the interview finished"))
        .stdout(contains("techhire resume "));
    let beta = saved_id(&text(&beta.get_output().stdout));
    assert_ne!(acme, beta);

    let listing = techhire(data).arg("sessions").assert().success();
    let listing = text(&listing.get_output().stdout);
    assert!(listing.contains("ID "), "{listing}");
    let acme_row = listing.lines().find(|l| l.starts_with(&acme)).unwrap();
    assert!(acme_row.contains("Acme Ltd"), "{listing}");
    assert!(acme_row.contains("finished"), "{listing}");
    assert!(acme_row.contains("Hire a CIO"), "{listing}");
    let beta_row = listing.lines().find(|l| l.starts_with(&beta)).unwrap();
    assert!(beta_row.contains("Beta <plc>"), "{listing}");
    assert!(beta_row.contains("3 answered, "), "{listing}");
    // Updated, to the minute, in the user's time zone (UTC here): `2026-11-23 09:47 UTC`.
    let updated = beta_row.split_whitespace().nth(3).unwrap_or_default();
    assert!(
        updated.len() == 10 && updated.as_bytes()[4] == b'-',
        "{listing}"
    );
    assert!(beta_row.contains(" UTC "), "{listing}");
    // In New York, the same list is in New York's time, with its zone.
    let listing = techhire(data)
        .arg("sessions")
        .env("TZ", "America/New_York")
        .assert()
        .success();
    let listing = text(&listing.get_output().stdout);
    let beta_row = listing.lines().find(|l| l.starts_with(&beta)).unwrap();
    assert!(
        beta_row.contains(" EST ") || beta_row.contains(" EDT "),
        "{listing}"
    );

    let json: Value = serde_json::from_slice(
        &techhire(data)
            .args(["sessions", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["format"], "techhire-sessions");
    let sessions = json["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    let beta_json = sessions.iter().find(|s| s["id"] == beta.as_str()).unwrap();
    assert_eq!(beta_json["progress"]["answered"], 3);
    assert_eq!(beta_json["finished"], false);
    assert_eq!(beta_json["outcome"], Value::Null);
    let acme_json = sessions.iter().find(|s| s["id"] == acme.as_str()).unwrap();
    assert_eq!(acme_json["outcome"]["id"], "cio");
    assert_eq!(acme_json["consultant"], "Jo Smith");

    // Beta's report before it is finished: how many are left, and how to carry on.
    techhire(data)
        .args(["report", &beta])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("is not finished: "))
        .stderr(contains("(3 questions answered so far)"))
        .stderr(contains(format!("techhire resume {beta}")));

    // The next day: resume Beta by id, add a note, finish.
    techhire(data)
        .args(["resume", &beta, "--plain", "--consultant", "Sam Lee"])
        .write_stdin(format!(
            "n\nWill report to the CFO\n\n{}",
            typed(&BOTH[3..])
        ))
        .assert()
        .success()
        .stdout(contains(format!("Resuming session {beta} for Beta <plc>")))
        .stdout(contains(": 3 answered, "))
        .stdout(contains("\nQuestion 4 ("))
        .stdout(contains("Question 1 (").not())
        .stdout(contains("Recommendation: Have both a CIO and a CTO"));

    // Every format, for each client, with the names, the date and the notes.
    for (id, client, outcome, note) in [
        (&acme, "Acme Ltd", "cio", "They run SAP"),
        (&beta, "Beta", "both", "Will report to the CFO"),
    ] {
        let markdown = techhire(data)
            .args(["report", id, "--format", "markdown"])
            .assert()
            .success();
        let markdown = text(&markdown.get_output().stdout);
        assert!(
            markdown.contains(&format!("**Client:** {client}")),
            "{markdown}"
        );
        assert!(markdown.contains("**Date:** "), "{markdown}");
        assert!(markdown.contains(&format!("- Note: {note}")), "{markdown}");

        let html = techhire(data)
            .args(["report", id, "--format", "html"])
            .assert()
            .success();
        let html = text(&html.get_output().stdout);
        assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
        assert!(
            html.contains(&format!("Prepared for <strong>{client}")),
            "{html}"
        );
        assert!(html.contains(note), "{html}");

        let json: Value = serde_json::from_slice(
            &techhire(data)
                .args(["report", id, "--format", "json"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        assert_eq!(json["format"], "techhire-result");
        assert_eq!(json["recommendation"]["id"], outcome);
        assert!(json["client"].as_str().unwrap().starts_with(client));
        assert!(json["date"].as_str().unwrap().ends_with('Z'));
        let consultant = if id == &acme { "Jo Smith" } else { "Sam Lee" };
        assert_eq!(json["consultant"], consultant, "named on resume");
        let noted: Vec<&str> = json["answers"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["note"].as_str())
            .collect();
        assert_eq!(noted.len(), 1, "{json}");
        assert!(noted[0].starts_with(note), "{json}");
    }
    // Markup in a name is escaped in HTML.
    techhire(data)
        .args(["report", &beta, "--format", "html"])
        .assert()
        .stdout(contains("Beta &lt;plc&gt;"))
        .stdout(contains("<plc>").not());
}

#[test]
fn a_report_file_is_never_overwritten_without_force() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let session = data.join("acme.json");
    techhire(data)
        .args(["--plain", "--session"])
        .arg(&session)
        .write_stdin(typed(CIO))
        .assert()
        .success()
        .stdout(contains("Saved in "));

    let out = data.join("report.html");
    techhire(data)
        .arg("report")
        .arg(&session)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(contains("Wrote the HTML report"));
    let first = fs::read_to_string(&out).unwrap();
    assert!(
        first.starts_with("<!DOCTYPE html>"),
        "the format follows .html"
    );

    fs::write(&out, "the copy the client annotated").unwrap();
    techhire(data)
        .arg("report")
        .arg(&session)
        .arg("-o")
        .arg(&out)
        .args(["--format", "markdown"])
        .assert()
        .code(1)
        .stderr(contains("report.html already exists"))
        .stderr(contains("--force"));
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        "the copy the client annotated"
    );

    techhire(data)
        .arg("report")
        .arg(&session)
        .arg("-o")
        .arg(&out)
        .args(["--format", "markdown", "--force"])
        .assert()
        .success();
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Hire a CIO")
    );
    let names: Vec<_> = fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "no temporary file is left: {names:?}");
}

/// Writes a copy of the built-in tree with choice `enable_scale` renamed, question
/// `product_team` renamed, and a new version, as an editor of the tree might (the tree's own
/// examples follow the renames).
fn changed_tree(path: &Path) {
    let changed = EMBEDDED
        .replace("version = \"2.0.0\"", "version = \"2.1.0\"")
        .replace("\"enable_scale\"", "\"build_the_backbone\"")
        .replace("\"product_team\"", "\"product_builders\"")
        .replace("product_team = ", "product_builders = ");
    assert_ne!(changed, EMBEDDED);
    fs::write(path, changed).unwrap();
}

#[test]
fn resuming_after_the_tree_changed_lists_every_answer_set_aside() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let tree = data.join("questions.toml");
    fs::write(&tree, EMBEDDED).unwrap();
    let session = data.join("beta.json");
    techhire(data)
        .args(["--plain", "--questions"])
        .arg(&tree)
        .arg("--session")
        .arg(&session)
        .write_stdin(typed(&BOTH[..7]))
        .assert()
        .code(1);

    changed_tree(&tree);
    let resumed = techhire(data)
        .args(["resume", "--plain"])
        .arg(&session)
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(contains("The questions have changed since this session was saved"))
        .stdout(contains("version 2.0.0 of the questions and this is version 2.1.0"))
        .stdout(contains("5 answers still fit and are kept. 2 answers no longer fit"))
        .stdout(contains("  - question `looking_for`: choice `enable_scale` is no longer offered"))
        .stdout(contains(
            "  - question `product_team`: the question is no longer asked (the answer was `inhouse_large`)",
        ))
        .stdout(contains("nothing was matched to a different question or choice"))
        // The first question lost its answer, so it is asked again.
        .stdout(contains("\nQuestion 1 ("));
    let out = text(&resumed.get_output().stdout);
    let notice = out.find("The questions have changed").unwrap();
    let question = out.find("\nQuestion 1 (").unwrap();
    assert!(notice < question, "said before continuing:\n{out}");

    let saved = read_path(&session).unwrap();
    assert_eq!(saved.tree.version, "2.1.0");
    assert_eq!(saved.dropped.len(), 2);
    assert!(
        saved
            .answers
            .iter()
            .all(|a| a.question != "looking_for" && a.question != "product_team")
    );

    // Resumed again on the same tree: quiet.
    techhire(data)
        .args(["resume", "--plain"])
        .arg(&session)
        .write_stdin("")
        .assert()
        .stdout(contains("have changed").not());

    // The tree file is gone: said, and the built-in tree reconciled in its place.
    fs::remove_file(&tree).unwrap();
    techhire(data)
        .args(["resume", "--plain"])
        .arg(&session)
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(contains(
            "which is no longer there, so the built-in questions are used",
        ))
        .stdout(contains("The questions have changed"));
}

#[test]
fn an_empty_store_says_where_it_looked_and_leaving_at_once_keeps_nothing() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    techhire(data)
        .arg("sessions")
        .assert()
        .success()
        .stdout(contains(format!(
            "No sessions yet in {}",
            data.join("sessions").display()
        )))
        // The program as run (`target/debug/techhire` here), as it is not on the PATH.
        .stdout(contains("techhire` (or `"));
    techhire(data)
        .arg("--plain")
        .write_stdin("q\n")
        .assert()
        .code(1)
        .stdout(contains("Nothing was answered, so no session was kept."));
    let left: Vec<_> = fs::read_dir(data.join("sessions")).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    techhire(data)
        .args(["resume", "--plain"])
        .assert()
        .code(1)
        .stderr(contains("There are no sessions in"));
}

#[test]
fn resume_alone_picks_the_latest_unfinished_session() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let unfinished = techhire(data)
        .args(["--plain", "--client", "Half way"])
        .write_stdin(typed(&CIO[..2]))
        .assert()
        .code(1);
    let unfinished = saved_id(&text(&unfinished.get_output().stdout));
    techhire(data)
        .args(["--plain", "--client", "Done"])
        .write_stdin(typed(CIO))
        .assert()
        .success();
    techhire(data)
        .args(["resume", "--plain"])
        .write_stdin(typed(&CIO[2..]))
        .assert()
        .success()
        .stdout(contains(format!(
            "Resuming session {unfinished} for Half way"
        )));
    techhire(data)
        .args(["resume", "--plain"])
        .assert()
        .code(1)
        .stderr(contains("Every session in"))
        .stderr(contains("is finished"));
    // A finished session resumes to its result; b still goes back to change an answer.
    techhire(data)
        .args(["resume", &unfinished, "--plain"])
        .write_stdin("b\n1\n\n")
        .assert()
        .success()
        .stdout(contains("This interview is finished; its result follows."))
        .stdout(contains("Recommendation: Hire a CIO"))
        .stdout(contains("\nQuestion 9 (last question)"));
}

#[test]
fn session_flags_are_refused_where_they_would_be_ignored() {
    let data = tempfile::tempdir().unwrap();
    techhire(data.path())
        .args(["--client", "Acme", "sessions"])
        .assert()
        .code(2)
        .stderr(contains(
            "are for the interview (and `resume`), not for `techhire sessions`",
        ));
    techhire(data.path())
        .args(["sessions", "--client", "Acme"])
        .assert()
        .code(2)
        .stderr(contains("unexpected argument '--client'"));
    techhire(data.path())
        .args(["--session", "y.json", "resume", "x"])
        .assert()
        .code(2)
        .stderr(contains("`resume` takes the session itself"));
    techhire(data.path())
        .args(["resume", "no-such-id", "--plain"])
        .assert()
        .code(2)
        .stderr(contains("there is no session `no-such-id`"));
    techhire(data.path())
        .args(["--plain", "--session"])
        .arg(data.path())
        .assert()
        .code(2)
        .stderr(contains("is a folder; give the session a file name in it"));
    techhire(data.path())
        .args(["report", "missing/acme.json"])
        .assert()
        .code(2)
        .stderr(contains("missing/acme.json does not exist"));
}

/// `--format pdf` prints through the machine's browser; without one, techhire says what to
/// install and that the HTML prints the same, and writes nothing.
#[test]
fn a_pdf_report_is_printed_by_the_browser_or_says_what_to_install() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let session = data.join("acme.json");
    techhire(data)
        .args(["--plain", "--client", "Acme Ltd", "--session"])
        .arg(&session)
        .write_stdin(typed(CIO))
        .assert()
        .success();
    let out = data.join("acme.pdf");
    techhire(data)
        .env("TECHHIRE_BROWSER", data.join("no-such-browser"))
        .arg("report")
        .arg(&session)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("TECHHIRE_BROWSER names"))
        .stderr(contains("which is not a browser found on this machine"));
    assert!(!out.exists(), "nothing written");
    if techhire::report::pdf::find_browser().is_err() {
        let _ = writeln!(
            std::io::stderr(),
            "skipped: the PDF itself needs Chromium, Chrome or Edge"
        );
        return;
    }
    techhire(data)
        .arg("report")
        .arg(&session)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(contains("Wrote the PDF report"));
    assert!(fs::read(&out).unwrap().starts_with(b"%PDF"));
}
