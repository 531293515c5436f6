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
use techhire::Interview;
use techhire::workshop::{Status, facts_step};

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

/// Past the room's first notice, the facts answered from the worked example's facts file;
/// returns the facts step as the engine has it.
fn facts_with_the_room(app: &mut Running) -> Interview {
    app.wait_for("Before you go on");
    app.press(b"\r");
    app.wait_for_gone("Before you go on");
    let mut facts = facts_step(&common::shipped_tree(), &[]);
    answer(app, &mut facts, &answers("facts"), usize::MAX);
    facts
}

/// A respondent's interview as the room writes it: the facts given and settled.
fn invited(facts: &Interview) -> Interview {
    let tree = common::shipped_tree();
    let mut interview = Interview::new(Arc::clone(&tree));
    let given = facts.path().iter().copied();
    interview.restore(given.filter(|s| tree.is_fact(s.question)));
    interview.settle((0..tree.questions().len()).filter(|&q| tree.is_fact(q)));
    interview
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
    let facts = facts_with_the_room(&mut app);
    app.wait_for("Pass the keyboard to Ana (CEO) · 1 of 3");

    // Ana's whole turn; her result is never shown.
    let invited = || invited(&facts);
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
                common::shipped_tree()
                    .question_index(&a.question)
                    .is_some_and(|q| !common::shipped_tree().is_fact(q))
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
    again.wait_for(&prompt_start(&common::shipped_tree().question(next).prompt));
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

#[test]
fn after_the_reveal_a_second_round_and_agreeing_together_run_in_the_real_terminal() {
    let dir = scratch();
    let args = [
        "workshop",
        "room",
        "--person",
        "Ana (CEO)",
        "--person",
        "Ben (CFO)",
    ];
    let mut app = Running::spawn(&args, dir.path(), dir.path());
    let facts = facts_with_the_room(&mut app);
    let invited = || invited(&facts);
    for (name, file) in [("Ana (CEO)", "ana-ceo"), ("Ben (CFO)", "ben-cfo")] {
        app.wait_for(&format!("Pass the keyboard to {name}"));
        app.press(b"\r");
        answer(&mut app, &mut invited(), &answers(file), usize::MAX);
        app.wait_for("I have finished: hand the keyboard back");
        app.press(b"\x1b[C");
    }
    app.wait_for("Everyone has answered");
    app.press(b"\r");
    // The workshop's result, then round 2: each person's own answers offered.
    app.wait_for("2 people · revealed");
    app.wait_for("n next round");
    app.press(b"n");
    app.wait_for("Start round 2?");
    app.press(b"y");
    app.wait_for("round 2 · 0 of 2 finished");
    for (name, file) in [("Ana (CEO)", "ana-ceo"), ("Ben (CFO)", "ben-cfo")] {
        app.wait_for(&format!("Pass the keyboard to {name}"));
        app.press(b"\r");
        // Each question opens on their own answer from round 1, marked: Enter keeps it.
        let mut theirs = invited();
        let file = answers(file);
        while let Some(q) = theirs.current() {
            let question = common::shipped_tree().question(q).clone();
            app.wait_for(&prompt_start(&question.prompt));
            app.wait_for("✓ marks your answer last round");
            app.press(b"\r");
            theirs.answer_id(&file[&question.id]).expect("their answer");
        }
        app.wait_for("I have finished: hand the keyboard back");
        app.press(b"\x1b[C");
    }
    app.wait_for("Everyone has answered");
    app.press(b"\r");
    app.wait_for("2 people · round 2 · revealed");
    let (_, workshop) = workshop_in(dir.path());
    assert_eq!(workshop.round(), 2, "round 1 kept, round 2 revealed");
    assert!(workshop.is_revealed());
    // Agreeing together: each person's answer beside the question; the agreed result.
    app.press(b"a");
    app.wait_for("Agreeing together");
    app.press(b"\r");
    app.wait_for("In round 2:");
    app.wait_for("Ana (CEO): Build technology");
    app.wait_for("Ben (CFO): Run and modernise");
    let mut agreed = invited();
    answer(&mut app, &mut agreed, &answers("cai-coo"), usize::MAX);
    app.wait_for("Check your answers");
    app.press(b"\x1b[C");
    app.wait_for("Recommendation: Hire one leader for both roles");
    app.press(b"q");
    app.wait_for("Leave the room?");
    app.press(b"y");
    assert_eq!(app.finish(), 0, "revealed: exit code 0");
    app.assert_screen_restored();
    let (_, workshop) = workshop_in(dir.path());
    let agreed = workshop.agreed.expect("the agreed interview is recorded");
    let session = dir
        .path()
        .join("sessions")
        .join(format!("{}.json", agreed.session));
    let session = techhire::session::read_path(&session).expect("the agreed session");
    assert!(session.result.is_some(), "the agreed interview is finished");
}
