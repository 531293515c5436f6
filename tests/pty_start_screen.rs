//! The start screen left before an interview starts, by each way out (Esc, Ctrl-C, SIGTERM,
//! SIGHUP), keeps no session, even when the consultant's name comes from the config file or
//! `--client` was given: the list of sessions holds only interviews that were started. The new
//! session's file is written once the screen shows and held while it runs, and a signal at any
//! moment leaves neither it nor the note saying who holds it. With the real binary in a
//! pseudo-terminal; the terminal is restored each time.

mod pseudo_terminal;

use std::path::Path;
use std::time::{Duration, Instant};

use pseudo_terminal::{PATIENCE, Running, scratch};

/// The `.json` files in the sessions folder.
fn sessions(data: &Path) -> Vec<String> {
    std::fs::read_dir(data.join("sessions"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".json"))
                .collect()
        })
        .unwrap_or_default()
}

/// Opens the start screen (with a consultant in the config file, and the arguments given),
/// leaves it with `leave`, and checks what is left behind.
fn left_by(args: &[&str], leave: impl FnOnce(&mut Running), code: u32) {
    let dir = scratch();
    let config = dir.path().join("config").join("techhire");
    std::fs::create_dir_all(&config).expect("a config folder");
    std::fs::write(config.join("config.toml"), "consultant = \"Jo Smith\"\n").expect("config");
    let mut app = Running::spawn(args, dir.path(), dir.path());
    app.wait_for("Start a new interview");
    app.wait_for("Jo Smith");
    leave(&mut app);
    assert_eq!(app.finish(), code, "{}", app.text());
    app.assert_screen_restored();
    assert_eq!(
        sessions(dir.path()),
        Vec::<String>::new(),
        "no session is kept"
    );
}

#[test]
fn esc_then_yes_leaves_no_session() {
    left_by(
        &[],
        |app| {
            app.press(b"\x1b");
            app.wait_for("Leave the interview?");
            app.press(b"y");
        },
        1,
    );
}

#[test]
fn ctrl_c_leaves_no_session() {
    left_by(&["--client", "Acme Ltd"], |app| app.press(b"\x03"), 130);
}

#[test]
fn sigterm_leaves_no_session() {
    left_by(&[], |app| app.signal("TERM"), 128 + 15);
}

#[test]
fn sighup_leaves_no_session() {
    left_by(&["--client", "Acme Ltd"], |app| app.signal("HUP"), 128 + 1);
}

/// Every file in the sessions folder, hidden ones too (lock notes, temporary files), but the
/// folder's index of its sessions.
fn files(data: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data.join("sessions"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name != ".index.json")
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A scratch folder whose sessions folder holds one saved session (so the start screen lists
/// it from the folder's index, as for a consultant with clients).
fn with_a_saved_session() -> tempfile::TempDir {
    let dir = scratch();
    let mut app = Running::spawn(&["--plain", "--client", "Acme Ltd"], dir.path(), dir.path());
    app.wait_for("Question 1");
    app.press(b"1\n");
    app.wait_for("Question 2");
    app.press(b"q\n");
    app.finish();
    let sessions = files(dir.path());
    assert_eq!(sessions.len(), 1, "one saved session: {sessions:?}");
    dir
}

#[test]
fn the_new_session_is_held_while_the_start_screen_shows_and_ctrl_c_removes_it() {
    let dir = with_a_saved_session();
    let before = files(dir.path());
    let mut app = Running::spawn(&[] as &[&str], dir.path(), dir.path());
    app.wait_for("Start a new interview");
    app.wait_for("Acme Ltd");
    // Written right after the first frame: the session file and the note saying who holds it.
    let deadline = Instant::now() + PATIENCE;
    let new = loop {
        // Each is written to a temporary file first, then renamed: wait for the names.
        let new: Vec<String> = files(dir.path())
            .into_iter()
            .filter(|name| !before.contains(name) && !name.ends_with(".tmp"))
            .collect();
        if new.len() == 2 {
            break new;
        }
        assert!(Instant::now() < deadline, "never written: {new:?}");
        std::thread::sleep(Duration::from_millis(5));
    };
    assert!(new[0].ends_with(".json"), "{new:?}");
    assert_eq!(new[1], format!("{}.lock", new[0]));
    let pid = app.child.process_id().expect("a process id");
    let note = std::fs::read_to_string(dir.path().join("sessions").join(&new[1])).expect("note");
    assert!(note.contains(&format!("process {pid}")), "{note}");

    app.press(b"\x03");
    assert_eq!(app.finish(), 130, "{}", app.text());
    app.assert_screen_restored();
    assert!(
        app.words()
            .contains("Nothing was answered, so no session was kept."),
        "{}",
        app.words()
    );
    assert_eq!(
        files(dir.path()),
        before,
        "the new session and its note are gone"
    );
}

#[test]
fn a_sigterm_however_early_leaves_no_session_file_or_lock_note() {
    let dir = with_a_saved_session();
    let before = files(dir.path());
    // From before the program has read anything to after its first frame, every half
    // millisecond (a signal before the program handles signals stops it at once).
    for wait in (0..60).map(|n| Duration::from_micros(500 * n)) {
        let mut app = Running::spawn(&[] as &[&str], dir.path(), dir.path());
        std::thread::sleep(wait);
        app.signal("TERM");
        app.finish();
        assert_eq!(
            files(dir.path()),
            before,
            "SIGTERM {wait:?} after the start"
        );
    }
    // And the moment the first frame shows, while the new session's file is being written.
    for _ in 0..5 {
        let mut app = Running::spawn(&[] as &[&str], dir.path(), dir.path());
        app.wait_for("Start a new interview");
        app.signal("TERM");
        assert_eq!(app.finish(), 128 + 15, "{}", app.text());
        app.assert_screen_restored();
        assert_eq!(files(dir.path()), before, "SIGTERM at the first frame");
    }
}
