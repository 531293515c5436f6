//! Sessions from the command line when things go wrong: damaged session files get clear
//! errors and are left byte for byte; a save that keeps failing exits non-zero naming the file
//! and keeps the answers; and the real binary killed with SIGKILL mid-interview loses no answer.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use predicates::str::contains;
use serde_json::Value;
use techhire::session::{Session, read_path};
use techhire::tree::EMBEDDED;

use common::{BOTH, CIO, techhire, text, typed};

fn answers_of(session: &Session) -> Vec<(String, String)> {
    session
        .answers
        .iter()
        .map(|a| (a.question.clone(), a.choice.clone()))
        .collect()
}

fn pairs(answers: &[(&str, &str)]) -> Vec<(String, String)> {
    answers
        .iter()
        .map(|(q, c)| (q.to_string(), c.to_string()))
        .collect()
}

#[test]
fn damaged_session_files_get_clear_errors_and_are_left_byte_for_byte() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let folder = data.join("sessions");
    fs::create_dir_all(&folder).unwrap();

    // A real session to cut short.
    let whole = data.join("whole.json");
    techhire(data)
        .args(["--plain", "--session"])
        .arg(&whole)
        .write_stdin(typed(CIO))
        .assert()
        .success();
    let whole = fs::read(&whole).unwrap();

    let files: [(&str, Vec<u8>, &str); 5] = [
        (
            "truncated.json",
            whole[..whole.len() / 2].to_vec(),
            "looks cut off",
        ),
        ("empty.json", Vec::new(), "is empty"),
        (
            "notes.json",
            b"Meeting notes, not JSON".to_vec(),
            "is not valid JSON",
        ),
        (
            "foreign.json",
            br#"{"name": "a package.json", "version": "1.0.0"}"#.to_vec(),
            "is not a techhire session",
        ),
        ("tree.json", EMBEDDED.as_bytes().to_vec(), "is not"),
    ];
    for (name, bytes, _) in &files {
        fs::write(folder.join(name), bytes).unwrap();
    }
    for (name, bytes, says) in &files {
        let path = folder.join(name);
        for args in [
            vec!["resume", "--plain"],
            vec!["report", "--format", "json"],
        ] {
            techhire(data)
                .args(&args)
                .arg(&path)
                .write_stdin("1\n")
                .assert()
                .code(2)
                .stdout("")
                .stderr(contains(*name))
                .stderr(contains(*says));
        }
        techhire(data)
            .args(["--plain", "--session"])
            .arg(&path)
            .write_stdin("1\n")
            .assert()
            .code(2)
            .stderr(contains(*name));
        assert_eq!(&fs::read(&path).unwrap(), bytes, "{name} was changed");
    }

    // The listing shows what it can and names every file it cannot read.
    let listing = techhire(data).arg("sessions").assert().success();
    let listing = text(&listing.get_output().stdout);
    assert!(listing.contains("No sessions yet in"), "{listing}");
    assert!(
        listing.contains("5 files in the folder could not be read"),
        "{listing}"
    );
    for (name, _, says) in &files {
        let line = listing
            .lines()
            .find(|l| l.contains(*name))
            .unwrap_or_default();
        assert!(line.contains(*says), "{name}: {listing}");
    }
    let json: Value = serde_json::from_slice(
        &techhire(data)
            .args(["sessions", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["unreadable"].as_array().map(Vec::len), Some(5));
}

/// The real binary in plain mode, answering through a pipe; killed if a test fails first.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_plain(data: &Path, session: &Path) -> Running {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_techhire"))
        .env("TECHHIRE_DATA_DIR", data)
        .args(["--plain", "--session"])
        .arg(session)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    Running(child)
}

/// Waits (at most 30 seconds) until the session file holds `n` answers.
fn wait_for_answers(session: &Path, n: usize) -> Session {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(saved) = read_path(session)
            && saved.answers.len() >= n
        {
            return saved;
        }
        assert!(
            Instant::now() < deadline,
            "the session never showed {n} answers"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn killed_with_sigkill_mid_interview_then_resumed_nothing_is_lost() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let session = data.join("acme.json");
    let mut running = spawn_plain(data, &session);
    let given = &BOTH[..6];
    let mut stdin = running.0.stdin.take().unwrap();
    stdin.write_all(typed(given).as_bytes()).unwrap();
    stdin.flush().unwrap();
    wait_for_answers(&session, given.len());

    // While it runs, the session is its own: a second techhire is refused.
    techhire(data)
        .args(["resume", "--plain"])
        .arg(&session)
        .assert()
        .code(2)
        .stderr(contains("is open in another techhire"));

    running.0.kill().unwrap(); // SIGKILL
    running.0.wait().unwrap();
    drop(stdin);

    let saved = read_path(&session).unwrap();
    assert_eq!(answers_of(&saved), pairs(given));
    techhire(data)
        .args(["resume", "--plain"])
        .arg(&session)
        .write_stdin(typed(&BOTH[6..]))
        .assert()
        .success()
        .stdout(contains(": 6 answered, "))
        .stdout(contains("\nQuestion 7 ("))
        .stdout(contains("Recommendation: Have both a CIO and a CTO"));
    assert_eq!(answers_of(&read_path(&session).unwrap()), pairs(BOTH));
}

/// Runs plain mode on a session on a drive that goes away after the first answer, types
/// `then` with no drive to save to, ends the input, and returns the exit and standard error.
fn saves_failing_to_the_end(then: &[u8]) -> (ExitStatus, String) {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let folder: PathBuf = data.join("usb-stick");
    let session = folder.join("acme.json");
    let mut running = spawn_plain(data, &session);
    let mut stdin = running.0.stdin.take().unwrap();
    stdin.write_all(typed(&CIO[..1]).as_bytes()).unwrap();
    stdin.flush().unwrap();
    wait_for_answers(&session, 1);
    fs::remove_dir_all(&folder).unwrap();
    stdin.write_all(then).unwrap();
    drop(stdin);
    finish(&mut running.0)
}

#[test]
fn a_save_that_fails_to_the_end_exits_non_zero_naming_the_file_and_keeps_the_answers() {
    // The drive goes away; two more answers, then the input ends.
    let (status, stderr) = saves_failing_to_the_end(typed(&CIO[1..3]).as_bytes());
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("could not save"), "{stderr}");
    assert!(stderr.contains("acme.json"), "{stderr}");
    assert!(stderr.contains("looking_for = \"run_core\""), "{stderr}");
    assert!(stderr.contains("value_line = \"bottom_line\""), "{stderr}");
}

#[test]
fn a_note_written_while_saves_fail_is_not_lost_on_leaving() {
    // The drive goes away; a note of two lines on the next question, then the input ends.
    let (status, stderr) = saves_failing_to_the_end(b"n\nBoard wants AI by Q3\nand a budget\n\n");
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("could not save"), "{stderr}");
    assert!(
        stderr.contains(": Board wants AI by Q3\n#   and a budget\n"),
        "{stderr}"
    );
    assert!(stderr.contains("looking_for = \"run_core\""), "{stderr}");
}

/// A small tmpfs mounted for a test, unmounted when dropped.
struct Mounted(PathBuf);

impl Mounted {
    /// Mounts a 64 KiB tmpfs at `at`, or says why it cannot (not root, or no mount here).
    fn tmpfs(at: &Path) -> Result<Mounted, String> {
        fs::create_dir_all(at).unwrap();
        let out = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(at)
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(Mounted(at.to_path_buf()))
    }

    /// Fills the file system until it has no room left.
    fn fill(&self) {
        let mut file = fs::File::create(self.0.join("filler")).unwrap();
        while file.write_all(&[0; 4096]).is_ok() {}
        while file.write_all(&[0]).is_ok() {}
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_new_interview_on_a_full_disk_does_not_claim_a_last_save() {
    let data = tempfile::tempdir().unwrap();
    let disk = match Mounted::tmpfs(&data.path().join("disk")) {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!("skipped: a small full disk needs mounting a tmpfs (as root): {why}");
            return;
        }
    };
    disk.fill();
    let session = disk.0.join("acme.json");
    let output = techhire(data.path())
        .args(["--plain", "--session"])
        .arg(&session)
        .write_stdin(typed(&CIO[..1]))
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("could not create the session file"),
        "{stderr}"
    );
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert!(stderr.contains("Nothing was saved"), "{stderr}");
    assert!(!stderr.contains("last save"), "{stderr}");
    assert!(!session.exists());
}

/// Waits for a child and reads its standard error, leaving the guard that kills it in place.
fn finish(child: &mut Child) -> (ExitStatus, String) {
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    (child.wait().unwrap(), stderr)
}
