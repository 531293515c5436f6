//! Every JSON output escapes what must never reach a terminal (issue 13, case 9): a right-to-
//! left override (U+202E) or a C1 control (U+009B, a one-byte CSI) in a tree's labels or a
//! session's client name is written as a `\u` escape, so the JSON still means the same but
//! printing it shows nothing raw.

#[allow(dead_code)] // Not every shared helper is used here.
mod common;

use std::fs;
use std::path::Path;

use techhire::text::is_unsafe;
use techhire::tree::EMBEDDED;

use common::{CIO, techhire, typed};

/// The shipped tree with every label starting with an override and a C1 CSI.
fn hostile_tree(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("hostile.toml");
    fs::write(
        &path,
        EMBEDDED.replace("label = \"", "label = \"\\u202E\\u009B"),
    )
    .unwrap();
    path
}

fn assert_clean(what: &str, out: &[u8]) {
    let out = String::from_utf8(out.to_vec()).unwrap();
    let raw: Vec<char> = out.chars().filter(|&c| c != '\n' && is_unsafe(c)).collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?} in\n{out}");
    assert!(
        out.contains(r"\u202e\u009b"),
        "{what}: the escapes are there:\n{out}"
    );
    serde_json::from_str::<serde_json::Value>(&out).unwrap();
}

#[test]
fn json_outputs_escape_overrides_and_c1_controls() {
    let data = tempfile::tempdir().unwrap();
    let tree = hostile_tree(data.path());
    let answers = data.path().join("cio.toml");
    let lines: String = CIO
        .iter()
        .map(|(q, c)| format!("{q} = \"{c}\"\n"))
        .collect();
    fs::write(&answers, lines).unwrap();

    let run = techhire(data.path())
        .arg("--questions")
        .arg(&tree)
        .args(["run", "--format", "json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_clean("run --format json", &run.stdout);

    let session = data.path().join("s.json");
    let done = techhire(data.path())
        .args(["--questions"])
        .arg(&tree)
        .args(["--plain", "--client", "Acme\u{202e}\u{9b}31m", "--session"])
        .arg(&session)
        .write_stdin(typed(CIO))
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let report = techhire(data.path())
        .arg("report")
        .arg(&session)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    assert_clean("report --format json", &report.stdout);

    // In the sessions folder, for the listing.
    let folder = data.path().join("sessions");
    fs::create_dir_all(&folder).unwrap();
    fs::copy(&session, folder.join("s.json")).unwrap();
    let listing = techhire(data.path())
        .args(["sessions", "--format", "json"])
        .output()
        .unwrap();
    assert!(listing.status.success());
    assert_clean("sessions --format json", &listing.stdout);
}
