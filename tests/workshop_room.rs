//! `techhire workshop room` refusing what it cannot do, before writing anything: one person, a
//! saved room with new people, no terminal to pass round, a room open elsewhere. (The room
//! itself runs in a pseudo-terminal in tests/pty_room.rs.)

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;

use predicates::prelude::*;
use predicates::str::contains;

fn sessions(data: &std::path::Path) -> usize {
    std::fs::read_dir(data.join("sessions")).map_or(0, |d| d.count())
}

#[test]
fn a_room_needs_two_people_and_a_terminal_and_says_so_before_writing_anything() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    common::techhire(d)
        .args(["workshop", "room", "--person", "Ana (CEO)"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("two or more people").and(contains("--person \"Ben (CFO)\"")));
    // Standard input is not a terminal here.
    common::techhire(d)
        .args(["workshop", "room", "--person", "Ana", "--person", "Ben"])
        .assert()
        .code(2)
        .stderr(contains("needs a terminal").and(contains("workshop invite ID")));
    // A saved room keeps its people.
    common::techhire(d)
        .args(["workshop", "room", "abc123", "--person", "Cai"])
        .assert()
        .code(2)
        .stderr(contains("cannot be used with"));
    assert_eq!(sessions(d), 0, "nothing was written");
}

#[test]
fn a_room_open_elsewhere_is_not_opened_twice() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let facts = "tests/answers/workshop/facts.toml";
    let id = common::succeeds(d, &["workshop", "new", "--facts", facts]);
    let path = d.join("sessions").join(format!("{id}.workshop.json"));
    let held = techhire::workshop::hold(&path).unwrap();
    common::techhire(d)
        .args(["workshop", "room", &id])
        .assert()
        .code(2)
        .stderr(contains("is open in another techhire"));
    drop(held);
    // Free again, it is found; only the terminal is missing.
    common::techhire(d)
        .args(["workshop", "room", &id])
        .assert()
        .code(2)
        .stderr(contains("needs a terminal"));
}
