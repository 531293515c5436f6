//! Writes real session files, saved by the engine the way the front ends save them, into the
//! folder given, as seeds for the session target: a new session, one half way with a note, a
//! finished one, one with answers kept aside, one resumed on a changed tree, and a workshop
//! respondent's in a second round (facts settled, earlier answers offered).

use std::path::Path;
use std::sync::Arc;

use techhire::session::{Answer, Session, Timestamp, TreeStamp};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::{Interview, Step, Tree};

fn main() {
    let Some(folder) = std::env::args().nth(1) else {
        eprintln!("usage: seeds FOLDER");
        std::process::exit(2);
    };
    let folder = Path::new(&folder);
    let tree = Arc::new(
        load_str(EMBEDDED_NAME, EMBEDDED)
            .expect("shipped tree")
            .tree,
    );
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let now = Timestamp::from_unix(1_767_225_600).expect("a valid time");
    let save = |name: &str, session: &Session| {
        let json = serde_json::to_string_pretty(session).expect("a session serialises");
        std::fs::write(folder.join(name), json).expect("the seed folder is writable");
    };

    let mut interview = Interview::new(tree.clone());
    let mut session = Session::new(stamp.clone(), Some("Acme".into()), None, &interview);
    save("new.json", &session);

    for _ in 0..4 {
        interview.answer(1).expect("a choice");
    }
    session.record(&interview, now);
    session.set_note(&tree.question(tree.start()).id, "they run SAP", true, now);
    save("half-way.json", &session);

    while !interview.is_finished() {
        interview.answer(0).expect("a choice");
    }
    session.record(&interview, now);
    save("finished.json", &session);

    // Changing the second answer sends the path elsewhere; later answers are kept aside.
    let second = interview.path()[1];
    let choices = tree.question(second.question).choices.len();
    interview
        .change(second.question, (second.choice + 1) % choices)
        .expect("a change");
    session.record(&interview, now);
    save("kept-aside.json", &session);

    // Resumed on a tree whose start question's first choice was renamed (everywhere the tree
    // names it: its examples and rules too): the answer given under the old name is dropped.
    let changed = EMBEDDED.replace("\"run_core\"", "\"run_the_core\"");
    let smaller = Arc::new(
        load_str("changed.toml", &changed)
            .expect("changed tree")
            .tree,
    );
    let stamp = TreeStamp::new(&smaller, "changed.toml", changed.as_bytes());
    let mut interview = Interview::new(tree.clone());
    interview.answer_id("run_core").expect("a choice");
    let mut session = Session::new(TreeStamp::new(&tree, "q", b""), None, None, &interview);
    session.reconcile(smaller, stamp);
    save("dropped.json", &session);

    // A workshop respondent's session in a second round: the facts settled, their answers from
    // the round before offered (not given), one of them kept so far.
    let facts: Vec<Step> = (0..tree.questions().len())
        .filter(|&q| tree.is_fact(q))
        .map(|question| Step {
            question,
            choice: 0,
        })
        .collect();
    let mut interview = Interview::new(tree.clone());
    interview.restore(facts.iter().copied());
    interview.settle(facts.iter().map(|s| s.question));
    let mut session = Session::new(stamp_shipped(&tree), Some("Acme".into()), None, &interview);
    session.workshop = Some("w7k2pq".into());
    let mut earlier = interview.clone();
    while !earlier.is_finished() {
        earlier.answer(1).expect("a choice");
    }
    session.offered = earlier
        .all_answers()
        .iter()
        .filter(|s| !tree.is_fact(s.question))
        .map(|s| Answer {
            question: tree.question(s.question).id.clone(),
            choice: tree.question(s.question).choices[s.choice].id.clone(),
            at: now,
        })
        .collect();
    interview.offer(earlier.all_answers());
    if let Some(kept) = interview.selected() {
        interview.answer(kept).expect("an offered answer");
    }
    session.record(&interview, now);
    save("second-round.json", &session);
}

fn stamp_shipped(tree: &Tree) -> TreeStamp {
    TreeStamp::new(tree, EMBEDDED_NAME, EMBEDDED.as_bytes())
}
