//! `techhire workshop compare` with the real binary in a pseudo-terminal, as a consultant opens
//! a revealed workshop: the result first (never "Hire X" when leadership has not agreed), `c`
//! to the compare grid, Enter on the question furthest apart, Backspace back to the grid, a
//! click on a row, a resize, `q` asking before leaving, `y` leaving with the terminal restored.
//! Every wait is bounded.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;
mod pseudo_terminal;

use pseudo_terminal::{Running, scratch};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/answers/workshop");

/// The worked example kept as a revealed workshop in `data`; its id.
fn revealed(data: &std::path::Path) -> String {
    let ran = std::process::Command::new(env!("CARGO_BIN_EXE_techhire"))
        .env("TECHHIRE_DATA_DIR", data)
        .env("XDG_CONFIG_HOME", data.join("config"))
        .env_remove("TECHHIRE_CONFIG")
        .args([
            "-q", "workshop", "run", "--save", "--client", "Acme Ltd", "--facts",
        ])
        .arg(format!("{DIR}/facts.toml"))
        .args(["--answers", &format!("Ana (CEO)={DIR}/ana-ceo.toml")])
        .args(["--answers", &format!("Ben (CFO)={DIR}/ben-cfo.toml")])
        .args(["--answers", &format!("Cai (COO)={DIR}/cai-coo.toml")])
        .output()
        .expect("techhire runs");
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let folder = data.join("sessions");
    let file = std::fs::read_dir(&folder)
        .expect("the sessions folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|name| name.ends_with(".workshop.json"))
        .expect("a workshop file");
    file.trim_end_matches(".workshop.json").to_string()
}

#[test]
fn a_consultant_opens_a_revealed_workshop_compares_and_leaves() {
    let data = scratch();
    let id = revealed(data.path());
    let mut app = Running::spawn(&["workshop", "compare", &id], data.path(), data.path());
    app.wait_for("Leadership is not yet agreed on what this hire is for");
    assert!(app.text().contains("Acme Ltd"));
    app.press(b"c");
    app.wait_for("Facts, answered once for the company");
    // The question furthest apart is highlighted first; Enter opens it.
    app.press(b"\r");
    app.wait_for("split, 6 points apart");
    app.wait_for("counts toward");
    app.press(b"\x7f");
    app.wait_for("Facts, answered once for the company");
    // A click on the third row highlights it (its caption shows it whole); a second opens it.
    // Press and release come together: the release means nothing, and the frame showing the
    // click is drawn without waiting for another key.
    // Rows: the header and its gauge, the column names, a blank, then the grid; the third
    // question is on the seventh row (1-based, as the terminal counts).
    let click = "\x1b[<0;10;7M\x1b[<0;10;7m";
    app.press(click.as_bytes());
    app.wait_for("“Who will own cybersecurity?” Ben (CFO)");
    app.press(click.as_bytes());
    app.wait_for("split, 5 points apart");
    app.press(b"\x7f");
    // Wide enough for the panel beside or below the grid.
    app.resize(40, 120);
    app.wait_for("Combined scores, one equal voice each");
    app.press(b"q");
    app.wait_for("Leave the workshop?");
    app.press(b"y");
    assert_eq!(app.finish(), 0);
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal's settings are restored"
    );
}
