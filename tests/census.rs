//! The census of the shipped tree: where every one of its 19.2 million paths ends, and what the
//! advice does on them. These are the claims a consultant makes in front of a board; the census
//! checks them on every path rather than on a few examples. (`census::count` folds paths that
//! meet in the same state, which the census's own property test holds to walking each path:
//! fast enough for a debug build.)

use std::sync::OnceLock;

use techhire::census::{self, Census};
use techhire::examples;
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, Tree, load_str};

fn shipped() -> Tree {
    match load_str(EMBEDDED_NAME, EMBEDDED) {
        Ok(loaded) => loaded.tree,
        Err(report) => panic!("{}", report.render()),
    }
}

/// The shipped tree's census, taken once for every test here (a few seconds in a debug build).
fn full_census(tree: &Tree) -> &'static Census {
    static CENSUS: OnceLock<Census> = OnceLock::new();
    CENSUS.get_or_init(|| {
        let census = census::count(tree).expect("a census of the shipped tree");
        assert_eq!(census.sample_seed, None, "every path is counted");
        assert_eq!(u128::from(census.walked), census.paths);
        assert!(census.paths > 10_000_000, "{}", census.paths);
        census
    })
}

/// The rule that holds exactly when a client has `leader` in place and keeps them.
fn keeps(tree: &Tree, leader: &str) -> usize {
    let question = |id: &str| tree.question_index(id).expect("the question exists");
    let existing = question("existing_leaders");
    let incumbent = question("incumbent");
    let in_place = tree
        .choice_index(existing, &format!("{leader}_in_place"))
        .expect("a choice for a leader in place");
    let stays = tree
        .choice_index(incumbent, "stays")
        .expect("a choice for keeping them");
    let wanted = vec![(existing, vec![in_place]), (incumbent, vec![stays])];
    (0..tree.rules().len())
        .find(|&r| {
            let mut conditions = tree.rule_conditions(r).to_vec();
            conditions.sort();
            conditions == wanted
        })
        .unwrap_or_else(|| panic!("no rule for keeping a {leader} in place"))
}

#[test]
fn no_path_recommends_hiring_a_role_the_client_has_and_keeps() {
    let tree = shipped();
    let census = full_census(&tree);
    for leader in ["cio", "cto"] {
        let rule = keeps(&tree, leader);
        let outcome = tree.outcome_index(leader).expect("the outcome exists");
        // The rule holds on every path that says so (one path in six answers "in place", one in
        // three of those keeps them): millions of paths, none recommending that role, alone or
        // tied.
        assert!(census.rules[rule] > 1_000_000, "{}", census.rules[rule]);
        assert_eq!(
            census.rule_outcomes[rule][outcome], 0,
            "{leader} recommended while kept"
        );
        assert!(census.rule_outcomes[rule].iter().sum::<u64>() >= census.rules[rule]);
    }
}

#[test]
fn the_shipped_census_recommends_every_outcome_and_its_examples_pass() {
    let tree = shipped();
    let census = full_census(&tree);
    assert_eq!(census.never_recommended(), Vec::<usize>::new());
    assert_eq!(examples::failures(&tree), []);
    let counted: u64 = census.outcomes.iter().sum::<u64>() + census.tied();
    assert_eq!(counted, census.walked);
    // Every question can change the advice: on some path another answer to it alone does.
    for (q, swing) in census.questions.iter().enumerate() {
        assert!(swing.changed <= swing.asked, "question {q}");
        assert!(swing.changed > 0, "question {q} never changes the result");
    }
}
