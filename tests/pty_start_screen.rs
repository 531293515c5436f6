//! The start screen left before an interview starts, by each way out (Esc, Ctrl-C, SIGTERM,
//! SIGHUP), keeps no session, even when the consultant's name comes from the config file or
//! `--client` was given: the list of sessions holds only interviews that were started. With the
//! real binary in a pseudo-terminal; the terminal is restored each time.

mod pseudo_terminal;

use std::path::Path;

use pseudo_terminal::{Running, scratch};

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
