//! Memory at every limit (issue 13, case 2): the worst files techhire accepts for reading (a
//! tree, an answers file, a session, each as large as its limit allows, made of what costs
//! most to read) are read by the real binary under a 256 MiB address-space limit (`ulimit -v`
//! in a shell), in every output format, and each ends with its usual exit code and message:
//! never an abort for want of memory. Times are measured on the release binary in
//! docs/reliability.md, not here.

#[allow(dead_code)] // Not every shared helper is used here.
mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use techhire::answers::MAX_ANSWERS_BYTES;
use techhire::session::MAX_SESSION_BYTES;
use techhire::tree::MAX_TREE_BYTES;

use common::{CIO, techhire, typed};

/// The bound, in KiB as `ulimit -v` takes it.
const LIMIT_KIB: u64 = 256 * 1024;

/// Runs techhire with `args` under the memory limit, with its sessions in `data`.
fn bounded(data: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {LIMIT_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_techhire"))
        .args(args)
        .env("TECHHIRE_DATA_DIR", data)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `unit` repeated to fill `limit` bytes exactly, or as near as whole units go.
fn filled(unit: &str, limit: u64) -> String {
    unit.repeat(limit as usize / unit.len())
}

#[test]
fn the_worst_trees_validate_within_the_bound_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    // One-character lines: a syntax error per two bytes, the most problems a file can hold.
    let lines = dir.path().join("lines.toml");
    fs::write(&lines, filled("x\n", MAX_TREE_BYTES)).unwrap();
    let errors = MAX_TREE_BYTES / 2;
    for format in ["text", "json"] {
        let out = bounded(
            dir.path(),
            &["validate", lines.to_str().unwrap(), "--format", format],
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: {}",
            text(&out.stderr)
        );
        let stdout = text(&out.stdout);
        match format {
            "text" => {
                assert!(
                    stdout.contains(&format!("{errors} errors")),
                    "{stdout:.300}"
                );
                assert!(stdout.contains("more not shown"), "{stdout:.300}");
            }
            _ => {
                let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                assert_eq!(json["errors"], errors);
                let listed = json["diagnostics"].as_array().unwrap().len() as u64;
                assert_eq!(json["unlisted"], errors - listed);
            }
        }
    }
    // Valid TOML that costs most to parse: a list of tiny values, and one key given again on
    // every line (an error per four bytes, found only by building the document).
    let list = format!("a = [{}0]\n", filled("0,", MAX_TREE_BYTES - 8));
    let again = filled("a=1\n", MAX_TREE_BYTES);
    for (name, content, says) in [
        ("list.toml", list, "unknown-key"),
        ("again.toml", again, "duplicate key"),
    ] {
        assert!(content.len() as u64 <= MAX_TREE_BYTES, "{name}");
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        for format in ["text", "json"] {
            let out = bounded(
                dir.path(),
                &["validate", path.to_str().unwrap(), "--format", format],
            );
            let stdout = text(&out.stdout);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{name} {format}: {}",
                text(&out.stderr)
            );
            assert!(stdout.contains(says), "{name} {format}: {stdout:.300}");
        }
    }
}

#[test]
fn the_worst_answers_files_run_within_the_bound_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        // A syntax error per two bytes.
        ("lines.toml", filled("x\n", MAX_ANSWERS_BYTES), "syntax"),
        // The same question answered over and over: an error per line from the TOML reader.
        (
            "again.toml",
            filled("looking_for = \"run_core\"\n", MAX_ANSWERS_BYTES),
            "duplicate key",
        ),
        // Questions the tree does not have, as many as fit.
        (
            "unknown.toml",
            (0..)
                .map(|i| format!("q{i} = \"c\"\n"))
                .scan(0, |size, line| {
                    *size += line.len() as u64;
                    (*size <= MAX_ANSWERS_BYTES).then_some(line)
                })
                .collect(),
            "unknown-question",
        ),
    ];
    for (name, content, says) in files {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        for format in ["text", "json", "markdown"] {
            let args = [
                "run",
                "--format",
                format,
                "--answers",
                path.to_str().unwrap(),
            ];
            let out = bounded(dir.path(), &args);
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{name} {format}: {stderr:.500}");
            assert!(stderr.contains(says), "{name} {format}: {stderr:.500}");
            assert!(
                stderr.contains("more not shown"),
                "{name} {format}: {stderr:.500}"
            );
        }
    }
}

/// A finished session on the shipped tree, as JSON to change.
fn finished_session(data: &Path) -> serde_json::Value {
    let path = data.join("finished.json");
    techhire(data)
        .args(["--plain", "--client", "Acme", "--session"])
        .arg(&path)
        .write_stdin(typed(CIO))
        .assert()
        .success();
    serde_json::from_slice(&fs::read(&path).unwrap()).unwrap()
}

/// `value` serialised, with the string "MARKER" in it replaced by as many `unit`s as the
/// session size limit leaves room for.
fn at_the_limit(value: &serde_json::Value, unit: &str) -> String {
    let json = serde_json::to_string(value).unwrap();
    let marker = "MARKER";
    let room = MAX_SESSION_BYTES as usize - (json.len() - marker.len());
    let filled = json.replace(marker, &unit.repeat(room / unit.len()));
    assert!(filled.len() as u64 <= MAX_SESSION_BYTES);
    filled
}

#[test]
fn the_worst_sessions_are_read_within_the_bound_in_every_format() {
    let data = tempfile::tempdir().unwrap();
    let session = finished_session(data.path());

    // A field no session has, holding a list of eight million numbers.
    let mut numbers = session.clone();
    numbers["padding"] = serde_json::json!(["MARKER"]);
    let numbers = at_the_limit(&numbers, "0,")
        .replace(",\"]", "]")
        .replace("[\"0", "[0");

    // Answers to questions the tree does not have, as many as fit (distinct, or the session
    // is refused for answering one twice): each is set aside, and said.
    let mut answers = session.clone();
    let list = answers["answers"].as_array_mut().unwrap();
    let mut size = serde_json::to_string(&session).unwrap().len();
    for i in 0.. {
        let entry = serde_json::json!({
            "question": format!("q{i}"), "choice": "c", "at": "2026-11-23T09:47:00Z"
        });
        size += serde_json::to_string(&entry).unwrap().len() + 1;
        if size > MAX_SESSION_BYTES as usize {
            break;
        }
        list.push(entry);
    }
    let answers = serde_json::to_string(&answers).unwrap();

    // One note as long as the limit allows, on a finished interview: every report prints it.
    let mut note = session.clone();
    let question = session["answers"][0]["question"].clone();
    note["notes"] = serde_json::json!({
        question.as_str().unwrap(): {"text": "MARKER", "at": "2026-11-23T09:47:00Z"}
    });
    let note = at_the_limit(&note, "note <b>\\u202e ");

    // Resuming saves at once what was set aside, which makes the second session larger than
    // techhire reads back: it is refused, and the file left as it was.
    for (name, content, code, says, resumed, on_resume) in [
        (
            "numbers.json",
            numbers,
            2,
            "unknown field `padding`",
            2,
            "unknown field",
        ),
        (
            "answers.json",
            answers,
            0,
            "set aside",
            2,
            "limit for session files",
        ),
        ("note.json", note, 0, "", 0, ""),
    ] {
        let path = data.path().join(name);
        fs::write(&path, content).unwrap();
        let file = path.to_str().unwrap();
        for format in ["markdown", "html", "json", "text"] {
            let out = bounded(data.path(), &["report", file, "--format", format]);
            let stderr = text(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(code),
                "{name} {format}: {stderr:.500}"
            );
            assert!(stderr.contains(says), "{name} {format}: {stderr:.500}");
        }
        // Resumed and left at once (no input).
        let before = fs::read(&path).unwrap();
        let out = bounded(data.path(), &["resume", "--plain", file]);
        let stderr = text(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(resumed),
            "{name} resume: {stderr:.500}"
        );
        assert!(stderr.contains(on_resume), "{name} resume: {stderr:.500}");
        if resumed != 0 {
            assert_eq!(
                fs::read(&path).unwrap(),
                before,
                "{name} was left as it was"
            );
        }
    }
}
