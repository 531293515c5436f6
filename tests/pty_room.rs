//! The workshop room with the real binary in a pseudo-terminal: the facts with the room, one
//! person's whole turn, the next person killed with SIGKILL halfway through theirs; nothing they
//! answered is lost, and opening the room again hands the keyboard back to that person, who
//! carries on at their next question. Every wait is bounded.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;
mod pseudo_terminal;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use pseudo_terminal::{Running, prompt_start, scratch, session_when};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::workshop::{Status, facts_step};
use techhire::{Interview, Tree};

fn tree() -> Arc<Tree> {
    Arc::new(
        load_str(EMBEDDED_NAME, EMBEDDED)
            .expect("built-in tree")
            .tree,
    )
}

fn answers(name: &str) -> BTreeMap<String, String> {
    let path = format!(
        "{}/tests/answers/workshop/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    toml::from_str(&std::fs::read_to_string(&path).expect("an answers file")).expect("toml")
}

/// Answers the questions `interview` asks, by digit, from `file`, checking each prompt is the
/// one the engine says comes next: `n` of them, or all.
fn answer(app: &mut Running, interview: &mut Interview, file: &BTreeMap<String, String>, n: usize) {
    for _ in 0..n {
        let Some(q) = interview.current() else { return };
        let question = interview.tree().question(q).clone();
        app.wait_for(&prompt_start(&question.prompt));
        let choice = interview
            .tree()
            .choice_index(q, &file[&question.id])
            .expect("the answer is a choice");
        app.press((choice + 1).to_string().as_bytes());
        interview.answer(choice).expect("an answer");
    }
}

/// The workshop file in the sessions folder, and the session file of each respondent.
fn workshop_in(data: &Path) -> (PathBuf, techhire::workshop::Workshop) {
    let folder = data.join("sessions");
    let listing = techhire::workshop::list_in(&folder);
    let (path, workshop) = listing.found.into_iter().next().expect("a workshop file");
    (path, workshop)
}

#[test]
fn killed_mid_turn_the_room_loses_nothing_and_reopens_on_that_person() {
    let dir = scratch();
    let args = [
        "workshop",
        "room",
        "--client",
        "Acme Ltd",
        "--person",
        "Ana (CEO)",
        "--person",
        "Ben (CFO)",
        "--person",
        "Cai (COO)",
    ];
    let mut app = Running::spawn(&args, dir.path(), dir.path());
    app.wait_for("Before you go on");
    app.press(b"\r");
    app.wait_for_gone("Before you go on");
    let mut facts = facts_step(&tree(), &[]);
    answer(&mut app, &mut facts, &answers("facts"), usize::MAX);
    app.wait_for("Pass the keyboard to Ana (CEO) · 1 of 3");

    // Ana's whole turn; her result is never shown.
    let invited = || {
        let mut interview = Interview::new(tree());
        interview.restore(
            facts
                .path()
                .iter()
                .copied()
                .filter(|s| tree().is_fact(s.question)),
        );
        interview.settle((0..tree().questions().len()).filter(|&q| tree().is_fact(q)));
        interview
    };
    app.press(b"\r");
    let mut ana = invited();
    answer(&mut app, &mut ana, &answers("ana-ceo"), usize::MAX);
    app.wait_for("I have finished: hand the keyboard back");
    app.press(b"\x1b[C");
    app.wait_for("Thank you, Ana.");
    app.wait_for("Pass the keyboard to Ben (CFO) · 2 of 3");

    // Ben answers two views, then the machine dies.
    app.press(b"\r");
    let mut ben = invited();
    answer(&mut app, &mut ben, &answers("ben-cfo"), 2);
    let (_, workshop) = workshop_in(dir.path());
    let ben_file = dir
        .path()
        .join("sessions")
        .join(format!("{}.json", workshop.respondents[1].session));
    let views = |s: &techhire::session::Session| {
        s.answers
            .iter()
            .filter(|a| {
                tree()
                    .question_index(&a.question)
                    .is_some_and(|q| !tree().is_fact(q))
            })
            .count()
    };
    let before = session_when(&ben_file, |s| views(s) == 2);
    app.signal("KILL");
    app.finish();

    let after = techhire::session::read_path(&ben_file).expect("Ben's session is whole");
    assert_eq!(
        after.answers, before.answers,
        "nothing Ben answered is lost"
    );
    let (_, workshop) = workshop_in(dir.path());
    assert_eq!(
        workshop.respondents[0].status,
        Status::Finished,
        "Ana finished"
    );
    assert!(!workshop.is_revealed());

    // Opened again: the keyboard goes back to Ben, who carries on at his third question.
    let reopen = ["workshop", "room", workshop.id.as_str()];
    let mut again = Running::spawn(&reopen, dir.path(), dir.path());
    again.wait_for("Pass the keyboard to Ben (CFO) · 2 of 3");
    again.wait_for("Finished: Ana (CEO).");
    again.press(b"\r");
    again.wait_for("Ben (CFO) · Acme Ltd");
    again.wait_for("2 answered");
    again.wait_for("Question 3");
    let next = ben.current().expect("Ben has more to answer");
    again.wait_for(&prompt_start(&tree().question(next).prompt));
    again.press(b"q");
    again.wait_for("Leave the room?");
    again.press(b"y");
    assert_eq!(again.finish(), 1, "left before the reveal: exit code 1");
    again.assert_screen_restored();
    again.wait_for_words("Carry on where you stopped with:");
    let last = techhire::session::read_path(&ben_file).expect("readable");
    assert_eq!(
        last.answers, before.answers,
        "reopening changed none of Ben's answers"
    );
}
