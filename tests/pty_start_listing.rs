//! The start screen's list is drawn first from the sessions folder's index, then checked
//! against the files: what changed since the index was written (a file rewritten in place, a
//! damaged file) shows right after the first frame, and keys act on the checked list. The real
//! binary in a pseudo-terminal, with 2,000 saved sessions (a big index: the files' stamps are
//! taken on a thread of their own while the first frame is drawn).

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;
mod pseudo_terminal;

use std::time::Duration;

use pseudo_terminal::{Running, scratch};
use techhire::session::{Session, Store};

const END: &[u8] = b"\x1b[F";
const CTRL_C: &[u8] = b"\x03";

#[test]
fn a_file_changed_in_place_and_a_damaged_one_show_right_after_the_first_frame() {
    let data = scratch();
    common::many_sessions(data.path(), 2_000);
    let folder = data.path().join("sessions");
    // The index keeps only files older than the file system clock's tick (two seconds at most).
    std::thread::sleep(Duration::from_millis(2_100));
    Store::at(&folder)
        .list()
        .expect("a listing, which writes the index");
    let index = std::fs::metadata(folder.join(".index.json")).expect("the index");
    assert!(
        index.len() > 256 * 1024,
        "big enough to be checked on a thread of its own"
    );

    // After the index was written: the newest session renamed in its file, written over in
    // place (same inode), and a file cut short.
    let newest = folder.join("s0000.json");
    let mut session: Session =
        serde_json::from_slice(&std::fs::read(&newest).expect("the session")).expect("JSON");
    session.client = Some("Renamed in place".into());
    std::fs::write(&newest, serde_json::to_vec(&session).expect("JSON")).expect("written over");
    std::fs::write(
        folder.join("cut.json"),
        "{\"format\": \"techhire-session\",",
    )
    .expect("a damaged file");

    let mut app = Running::spawn(&[] as &[&str], data.path(), data.path());
    app.wait_for("Renamed in place");
    assert!(!app.text().contains("Client 0000"), "{}", app.text());
    // The damaged file is listed last, with what is wrong with it: from the client's name to
    // the list, then to its end.
    app.press(b"\t\t\t");
    app.wait_for("❯ Renamed in place");
    app.press(END);
    app.wait_for("cut.json");
    app.wait_for_words("cut off");
    app.press(CTRL_C);
    assert_eq!(app.finish(), 130);
    app.assert_screen_restored();
    // The index no longer has the session as it was (the file, changed a moment ago, is kept
    // in it once older), and has no damaged file in it.
    let index = std::fs::read_to_string(folder.join(".index.json")).expect("the index");
    assert!(index.contains("Client 0001") && !index.contains("Client 0000"));
    assert!(!index.contains("cut.json"));
}
