//! What combining a workshop costs: every person's own recommendation (with its what-ifs),
//! the averages, the alignment rule, and for every split view question every person run again
//! with each answer someone gave. A compare screen will redraw from this, so it must stay far
//! below a frame even for a large board.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use techhire::Interview;
use techhire::answers;
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::workshop::{Combined, Facts, Person};

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

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = combine
}
criterion_main!(benches);
