//! Hostile files on the command line (issue 13): reports never replace a device, a FIFO or a
//! link and never write through one; FIFOs given or found anywhere are refused at once instead
//! of hanging; links planted beside a session are never followed; and one session reached by
//! two paths is still one session.

#[allow(dead_code)] // Not every shared helper is used here.
mod common;

use std::fs;
use std::os::unix::fs::{FileTypeExt as _, symlink};
use std::path::Path;
use std::time::Duration;

use predicates::str::contains;

use common::{CIO, techhire, typed};

/// Every command here finishes well within this, or it hung.
const HANG: Duration = Duration::from_secs(20);

fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

/// A finished interview saved at `data/s.json`.
fn finished_session(data: &Path) -> std::path::PathBuf {
    let path = data.join("s.json");
    techhire(data)
        .args(["--plain", "--session"])
        .arg(&path)
        .write_stdin(typed(CIO))
        .timeout(HANG)
        .assert()
        .success();
    path
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn a_report_goes_into_a_device_and_never_replaces_it() {
    if !is_root() {
        eprintln!("skipped: making a device node (mknod) needs root; CI runs as root");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let session = finished_session(data.path());
    // A private copy of /dev/null, so the test never risks the machine's own.
    let null = data.path().join("null");
    let name = std::ffi::CString::new(null.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid path; makedev(1, 3) is the null device.
    let made = unsafe { libc::mknod(name.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
    assert_eq!(made, 0, "mknod failed");
    for force in [false, true] {
        let mut cmd = techhire(data.path());
        cmd.args(["report"]).arg(&session).arg("-o").arg(&null);
        if force {
            cmd.arg("--force");
        }
        cmd.timeout(HANG).assert().success();
        let kind = fs::symlink_metadata(&null).unwrap().file_type();
        assert!(kind.is_char_device(), "the device was replaced: {kind:?}");
    }
}

#[test]
fn a_report_to_dev_stdout_reaches_standard_output() {
    let data = tempfile::tempdir().unwrap();
    let session = finished_session(data.path());
    // Standard output is a pipe here, which /dev/stdout leads to.
    techhire(data.path())
        .args(["report"])
        .arg(&session)
        .args(["--format", "markdown", "-o", "/dev/stdout"])
        .timeout(HANG)
        .assert()
        .success()
        .stdout(contains("Hire a CIO"));
}

#[test]
fn a_report_never_replaces_a_fifo_or_a_link_nor_writes_through_a_link() {
    let data = tempfile::tempdir().unwrap();
    let session = finished_session(data.path());
    let fifo = data.path().join("r.md");
    mkfifo(&fifo);
    // Nobody reads the FIFO: said at once, and it stays a FIFO.
    techhire(data.path())
        .arg("report")
        .arg(&session)
        .arg("-o")
        .arg(&fifo)
        .arg("--force")
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(contains("no program is reading from it"));
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());

    let victim = data.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let link = data.path().join("link.md");
    symlink(&victim, &link).unwrap();
    techhire(data.path())
        .arg("report")
        .arg(&session)
        .arg("-o")
        .arg(&link)
        .arg("--force")
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(contains(
            "is a symbolic link, which techhire never writes through",
        ));
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_fifo_in_the_sessions_folder_is_listed_as_unreadable_not_waited_for() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("sessions");
    fs::create_dir_all(&folder).unwrap();
    mkfifo(&folder.join("trap.json"));
    techhire(data.path())
        .arg("sessions")
        .timeout(HANG)
        .assert()
        .stdout(contains("trap.json"))
        .stdout(contains("FIFO"));
    techhire(data.path())
        .args(["sessions", "--format", "json"])
        .timeout(HANG)
        .assert()
        .stdout(contains("FIFO"));
    for args in [vec!["resume", "--plain"], vec!["report", "trap"]] {
        techhire(data.path())
            .args(&args)
            .timeout(HANG)
            .write_stdin("")
            .assert()
            .failure();
    }
    techhire(data.path())
        .args(["report", "trap.json"])
        .current_dir(&folder)
        .timeout(HANG)
        .assert()
        .failure();
    // The full interview's start screen lists the sessions too: plain mode starts at once.
    techhire(data.path())
        .arg("--plain")
        .timeout(HANG)
        .write_stdin("q\n")
        .assert()
        .code(1);
}

#[test]
fn a_fifo_given_as_the_tree_the_answers_or_the_session_is_refused_at_once() {
    let data = tempfile::tempdir().unwrap();
    let fifo = data.path().join("pipe");
    mkfifo(&fifo);
    let said = "it is a FIFO (named pipe), not a regular file";
    techhire(data.path())
        .arg("validate")
        .arg(&fifo)
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(contains(said));
    techhire(data.path())
        .args(["run", "--answers"])
        .arg(&fifo)
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(contains(said));
    techhire(data.path())
        .args(["--plain", "--session"])
        .arg(&fifo)
        .timeout(HANG)
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("FIFO"));
    techhire(data.path())
        .args(["--plain", "--questions"])
        .arg(&fifo)
        .timeout(HANG)
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains(said));
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_link_planted_at_the_lock_is_not_written_through() {
    let data = tempfile::tempdir().unwrap();
    let victim = data.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let session = data.path().join("s.json");
    symlink(&victim, data.path().join("s.json.lock")).unwrap();
    techhire(data.path())
        .args(["--plain", "--session"])
        .arg(&session)
        .write_stdin(typed(CIO))
        .timeout(HANG)
        .assert()
        .success();
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
    techhire(data.path())
        .args(["resume", "--plain"])
        .arg(&session)
        .write_stdin("")
        .timeout(HANG)
        .assert()
        .success();
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
}

#[test]
fn a_session_resumed_through_a_link_is_saved_where_the_link_points() {
    let data = tempfile::tempdir().unwrap();
    let real = data.path().join("real.json");
    techhire(data.path())
        .args(["--plain", "--session"])
        .arg(&real)
        .write_stdin(typed(&CIO[..2]))
        .timeout(HANG)
        .assert()
        .code(1);
    let link = data.path().join("link.json");
    symlink(&real, &link).unwrap();
    techhire(data.path())
        .args(["resume", "--plain"])
        .arg(&link)
        .write_stdin(typed(&CIO[2..]))
        .timeout(HANG)
        .assert()
        .success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let saved = techhire::session::read_path(&real).unwrap();
    assert_eq!(
        saved.answers.len(),
        CIO.len(),
        "the answers went to the real file"
    );
}

#[test]
fn a_session_with_a_hard_link_says_the_link_keeps_the_old_copy() {
    let data = tempfile::tempdir().unwrap();
    let real = data.path().join("real.json");
    techhire(data.path())
        .args(["--plain", "--session"])
        .arg(&real)
        .write_stdin(typed(&CIO[..2]))
        .timeout(HANG)
        .assert()
        .code(1);
    let other = data.path().join("other.json");
    fs::hard_link(&real, &other).unwrap();
    techhire(data.path())
        .args(["resume", "--plain"])
        .arg(&real)
        .write_stdin(typed(&CIO[2..3]))
        .timeout(HANG)
        .assert()
        .code(1)
        .stdout(contains("has another name (a hard link)"));
    let kept = techhire::session::read_path(&other).unwrap();
    assert_eq!(
        kept.answers.len(),
        2,
        "the other name keeps the session as it was"
    );
}
