//! What combining a workshop costs: every person's own recommendation (with its what-ifs),
//! the averages, the alignment rule, and for every split view question every person run again
//! with each answer someone gave. A compare screen will redraw from this, so it must stay far
//! below a frame even for a large board. A saved workshop in its second round combines both
//! rounds (the movement between them) from the sessions as read, resumed on the tree.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use techhire::Interview;
use techhire::answers;
use techhire::session::{Session, SessionFile, TreeStamp};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::workshop::{Combined, Facts, Person, Status, Workshop};

const FACTS: &str = include_str!("../tests/answers/workshop/facts.toml");

/// `people` people on the worked example's facts, their views cycling through every choice
/// so that every view question is split.
fn people(tree: &Arc<techhire::Tree>, facts: &Facts, people: usize) -> Vec<Person> {
    let views = [
        "looking_for",
        "focus",
        "digital_vs_tech",
        "value_line",
        "security_owner",
    ];
    (0..people)
        .map(|p| {
            let mut interview = Interview::new(Arc::clone(tree));
            let chosen = views.iter().enumerate().map(|(i, id)| {
                let question = tree.question_index(id).unwrap();
                let n = tree.question(question).choices.len();
                techhire::Step {
                    question,
                    choice: (p * (i + 1)) % n,
                }
            });
            interview.restore(facts.steps().iter().copied().chain(chosen));
            assert!(interview.is_finished());
            Person {
                name: format!("P{p}"),
                role: None,
                interview,
            }
        })
        .collect()
}

fn combine(c: &mut Criterion) {
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let file = answers::parse("facts.toml", FACTS).unwrap();
    let facts = Facts::from_answers(&tree, &file).unwrap();
    for n in [3, 12, 40] {
        let group = people(&tree, &facts, n);
        c.bench_function(&format!("workshop: combine {n} people"), |b| {
            b.iter(|| Combined::new(&tree, group.clone()).unwrap())
        });
    }
}

/// A saved workshop of `n` people in its second round, everyone finished and revealed, every
/// other person having changed their views; with every session of both rounds, as read.
fn second_round(
    tree: &Arc<techhire::Tree>,
    facts: &Facts,
    n: usize,
    folder: &std::path::Path,
) -> (Workshop, Vec<Session>) {
    let stamp = TreeStamp::new(tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let mut w = Workshop::with_facts(tree, stamp.clone(), None, None, facts).unwrap();
    let now = techhire::session::Timestamp::now();
    let answered = |session: &str, person: &Person| {
        let path = folder.join(format!("{session}.json"));
        let mut file = SessionFile::open(&path).unwrap();
        file.session_mut().record(&person.interview, now);
        file.save().unwrap();
    };
    let group = people(tree, facts, n);
    for person in &group {
        let r = w.add_respondent(&person.name, None, now).unwrap().clone();
        let session = w.session_for(&r, tree, stamp.clone()).unwrap();
        SessionFile::create_at(&folder.join(format!("{}.json", r.session)), session).unwrap();
        answered(&r.session, person);
        w.set_status(&r.session, Status::Finished, now);
    }
    w.reveal(now);
    w.start_round(tree, stamp, folder).unwrap();
    // Every other person answers as the next one did in round 1.
    let moved = people(tree, facts, n + 1);
    let ids: Vec<String> = w.respondents.iter().map(|r| r.session.clone()).collect();
    for (p, id) in ids.iter().enumerate() {
        let person = if p % 2 == 0 { &group[p] } else { &moved[p + 1] };
        answered(id, person);
        w.set_status(id, Status::Finished, now);
    }
    w.reveal(now);
    let (sessions, unreadable) = w.sessions_in(folder);
    assert!(unreadable.is_empty());
    (w, sessions)
}

fn rounds(c: &mut Criterion) {
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let file = answers::parse("facts.toml", FACTS).unwrap();
    let facts = Facts::from_answers(&tree, &file).unwrap();
    for n in [3, 12, 40] {
        let folder = tempfile::tempdir().unwrap();
        let (w, sessions) = second_round(&tree, &facts, n, folder.path());
        c.bench_function(&format!("workshop: combine round 2 of {n} people"), |b| {
            b.iter(|| {
                let revealed = w.combine(&tree, &sessions).unwrap();
                assert!(revealed.movement.is_some());
                revealed.combined.people()
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = combine, rounds
}
criterion_main!(benches);
