//! docs/questions-format.md cannot rot: its complete example is the file
//! tests/fixtures/valid/example.toml, which must load cleanly, reach every outcome, and score
//! the walk-through the way the page tells it.

use std::sync::Arc;

use techhire::tree::load_str;
use techhire::{Interview, Tree};

const DOC: &str = include_str!("../docs/questions-format.md");
const EXAMPLE: &str = include_str!("fixtures/valid/example.toml");

/// The fenced block after the page's `<!-- example: ... -->` marker.
fn example_in_doc() -> &'static str {
    let marker = "<!-- example: tests/fixtures/valid/example.toml -->\n```toml\n";
    let start = DOC
        .find(marker)
        .map(|i| i + marker.len())
        .unwrap_or(DOC.len());
    let rest = &DOC[start..];
    &rest[..rest.find("```").unwrap_or(0)]
}

fn tree() -> Arc<Tree> {
    match load_str("example.toml", EXAMPLE) {
        Ok(loaded) => {
            assert!(
                loaded.warnings.diagnostics.is_empty(),
                "{}",
                loaded.warnings.render()
            );
            Arc::new(loaded.tree)
        }
        Err(report) => panic!("the example must load:\n{}", report.render()),
    }
}

/// Answers by choice id until the interview ends; the questions asked, by id.
fn run(interview: &mut Interview, answers: &[&str]) -> Vec<String> {
    let mut asked = Vec::new();
    for answer in answers {
        let question = interview.current().expect("a question to answer");
        asked.push(interview.tree().question(question).id.clone());
        if let Err(e) = interview.answer_id(answer) {
            panic!("answering `{answer}`: {e}");
        }
    }
    asked
}

fn outcome_id(tree: &Tree, index: usize) -> &str {
    &tree.outcome(index).id
}

#[test]
fn the_page_shows_the_example_file_exactly() {
    assert!(
        !example_in_doc().is_empty(),
        "the page lost its example marker"
    );
    assert_eq!(example_in_doc(), EXAMPLE);
}

#[test]
fn every_outcome_of_the_example_is_reached() {
    let tree = tree();
    for (answers, outcome) in [
        (&["inside", "no", "smaller"][..], "cio"),
        (&["products", "yes", "large"][..], "cto"),
        (&["both_sides", "large"][..], "both"),
        (&["both_sides", "smaller"][..], "combined"),
    ] {
        let mut interview = Interview::new(tree.clone());
        run(&mut interview, answers);
        assert!(interview.is_finished(), "{answers:?}");
        let result = interview
            .result()
            .expect("a finished interview has a result");
        assert_eq!(outcome_id(&tree, result.outcome), outcome, "{answers:?}");
    }
}

#[test]
fn the_walk_through_scores_as_the_page_says() {
    let tree = tree();
    let mut interview = Interview::new(tree.clone());
    let asked = run(&mut interview, &["both_sides", "large"]);
    // Needing both sides skips the question about selling technology.
    assert_eq!(asked, ["need", "size"]);
    let result = interview.result().expect("finished");
    assert_eq!(outcome_id(&tree, result.outcome), "both");
    assert_eq!(result.scores, [0, 0, 3, 1]);
    assert_eq!(result.margin, 2);
    assert!(!result.close_call && !result.tie);

    let what_ifs: Vec<(String, String, String, Option<String>)> = result
        .what_ifs
        .iter()
        .map(|w| {
            let q = tree.question(w.question);
            (
                q.id.clone(),
                q.choices[w.to].id.clone(),
                outcome_id(&tree, w.outcome).to_string(),
                w.unanswered.map(|u| tree.question(u.first).id.clone()),
            )
        })
        .collect();
    let expected = [
        ("need", "inside", "cio", Some("sells_tech")),
        ("need", "products", "cto", Some("sells_tech")),
        ("size", "smaller", "combined", None),
    ];
    let expected: Vec<(String, String, String, Option<String>)> = expected
        .iter()
        .map(|(q, c, o, u)| {
            (
                q.to_string(),
                c.to_string(),
                o.to_string(),
                u.map(String::from),
            )
        })
        .collect();
    assert_eq!(what_ifs, expected);
}

#[test]
fn questions_marked_as_facts_are_facts_and_the_rest_views() {
    let tree = tree();
    let facts: Vec<&str> = (0..tree.questions().len())
        .filter(|&q| tree.is_fact(q))
        .map(|q| tree.question(q).id.as_str())
        .collect();
    assert_eq!(facts, ["sells_tech", "size"]);
    // Anything but `fact` or `view` is an error at its place, naming both.
    let bad = EXAMPLE.replacen("kind = \"fact\"", "kind = \"facts\"", 1);
    let report = match load_str("example.toml", &bad) {
        Ok(_) => panic!("`kind = \"facts\"` must be refused"),
        Err(report) => report.render(),
    };
    assert!(report.contains("example.toml:96:"), "{report}");
    assert!(
        report.contains("`view`") && report.contains("`fact`"),
        "{report}"
    );
}
