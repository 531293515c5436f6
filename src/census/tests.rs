use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::outcome::recommend;
use crate::outcome::tests::{random_shape, random_tree};
use crate::tree::{EMBEDDED, EMBEDDED_NAME, Step as PathStep, load_str};

/// The census the slow way: every path walked by hand and given to `recommend`, the function
/// behind the result screen.
fn by_hand(tree: &Tree) -> Tally {
    let flow = Flow::new(tree).expect("a small tree");
    let mut tally = Tally::new(&flow, tree.questions().len());
    let mut stack: Vec<Vec<PathStep>> = vec![Vec::new()];
    while let Some(path) = stack.pop() {
        let at = match path.last() {
            None => Some(tree.start()),
            Some(s) => match tree.next(s.question, s.choice) {
                Next::Question(q) => Some(q),
                Next::End => None,
            },
        };
        if let Some(q) = at {
            for c in 0..tree.question(q).choices.len() {
                let mut longer = path.clone();
                longer.push(PathStep {
                    question: q,
                    choice: c,
                });
                stack.push(longer);
            }
            continue;
        }
        let mut answers = vec![None; tree.questions().len()];
        for s in &path {
            answers[s.question] = Some(s.choice);
        }
        let rec = recommend(tree, &path, &answers);
        tally.paths += 1;
        if rec.tie {
            let mask = rec.leaders.iter().fold(0u64, |m, &o| m | 1 << o);
            match tally.ties.iter_mut().find(|(m, _)| *m == mask) {
                Some((_, n)) => *n += 1,
                None => tally.ties.push((mask, 1)),
            }
        } else {
            tally.sole[rec.outcome] += 1;
        }
        tally.close_calls += u64::from(rec.close_call);
        for &r in &rec.rules {
            tally.fires[r] += 1;
            for &o in &rec.leaders {
                tally.rule_outcomes[r * tree.outcomes().len() + o] += 1;
            }
        }
        for s in &path {
            tally.through[s.question] += 1;
            if rec.what_ifs.iter().any(|w| w.question == s.question) {
                tally.swings[s.question] += 1;
            }
        }
    }
    tally.ties.sort_unstable();
    tally
}

fn walked(tree: &Tree, threads: usize) -> Tally {
    let flow = Flow::new(tree).expect("a small tree");
    exact(tree, &flow, threads)
}

fn example() -> Arc<Tree> {
    let text = include_str!("../../tests/fixtures/valid/example.toml");
    match load_str("example.toml", text) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("{}", report.render()),
    }
}

#[test]
fn the_example_trees_census_matches_the_result_of_every_path() {
    let tree = example();
    let census = run(&tree, &Options::default()).expect("a census");
    // need: inside/products lead on (2 x 3 x 2 paths), both_sides skips a question (2 paths).
    assert_eq!(
        (census.paths, census.walked, census.sample_seed),
        (14, 14, None)
    );
    assert_eq!(walked(&tree, 1), by_hand(&tree));
    assert_eq!(census.rules, [4]);
    assert_eq!(census.examples, []);
    assert_eq!(census.outcomes.iter().sum::<u64>() + census.tied(), 14);
}

#[test]
fn the_count_is_the_same_on_any_number_of_threads() {
    let tree = example();
    let one = walked(&tree, 1);
    for threads in [2, 3, 8] {
        assert_eq!(walked(&tree, threads), one, "{threads} threads");
    }
}

/// Eight questions of three answers, each path to its own points (base-3 digits: the first
/// five questions give `first` 0, 1 or 2 times 1, 3, 9, 27 or 81, the last three `second` 0,
/// 2 or 4 times 1, 3 or 9), so no two of its 6,561 paths meet in one state and folding saves
/// nothing.
fn unfolding() -> Arc<Tree> {
    let mut text = String::from("[meta]\ntitle = \"t\"\nversion = \"1\"\nstart = \"q0\"\n\n");
    for id in ["first", "second"] {
        text.push_str(&format!(
            "[[outcomes]]\nid = \"{id}\"\nlabel = \"{id}\"\nsummary = \"s\"\nowns = []\n\
             priorities = []\nprofile = \"p\"\nrisks = []\nnext_steps = []\n\n"
        ));
    }
    for q in 0..8u32 {
        text.push_str(&format!(
            "[[questions]]\nid = \"q{q}\"\nprompt = \"?\"\nhelp = \"h\"\n"
        ));
        let (outcome, unit) = if q < 5 {
            ("first", 3i32.pow(q))
        } else {
            ("second", 2 * 3i32.pow(q - 5))
        };
        let lead = if q == 7 {
            "end = true".to_string()
        } else {
            format!("next = \"q{}\"", q + 1)
        };
        for c in 0..3 {
            text.push_str(&format!(
                "[[questions.choices]]\nid = \"c{c}\"\nlabel = \"c{c}\"\n{lead}\n\
                 evidence = {{ {outcome} = {} }}\n",
                c * unit
            ));
        }
    }
    match load_str("unfolding.toml", &text) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("{}", report.render()),
    }
}

#[test]
fn past_the_limit_paths_that_fold_are_still_all_counted() {
    // The example's 14 paths fold in far less work than a sample of 5,000 takes.
    let tree = example();
    let options = Options {
        limit: 10,
        sample: 5_000,
        seed: 7,
        threads: 2,
    };
    let census = run(&tree, &options).expect("a census");
    assert_eq!(census, run(&tree, &Options::default()).expect("a census"));
    assert_eq!((census.walked, census.sample_seed), (14, None));
}

#[test]
fn past_the_limit_a_seeded_sample_is_walked_and_said_so() {
    let tree = unfolding();
    let options = Options {
        limit: 10,
        sample: 1_000,
        seed: 7,
        threads: 2,
    };
    let census = run(&tree, &options).expect("a census");
    assert_eq!(
        (census.paths, census.walked, census.sample_seed),
        (6_561, 1_000, Some(7))
    );
    // The same seed draws the same sample, on any number of threads.
    let again = run(
        &tree,
        &Options {
            threads: 1,
            ..options
        },
    )
    .expect("a census");
    assert_eq!(census, again);
    // Every outcome with paths in the full census shows up in the sample in about the same
    // share (a sample of 1,000 is within 0.05 of a share nineteen times in twenty, and the
    // seed fixes which sample this is).
    let full = run(&tree, &Options::default()).expect("a census");
    assert_eq!((full.walked, full.sample_seed), (6_561, None));
    for o in 0..tree.outcomes().len() {
        let expected = full.share(full.outcomes[o]);
        let got = census.share(census.outcomes[o]);
        assert!(
            (expected - got).abs() < 0.05,
            "outcome {o}: {expected} vs {got}"
        );
    }
    let text = text(&tree, "unfolding.toml", &census);
    assert!(
        text.contains("6,561 paths: too many to walk, so a random sample of 1,000 (seed 7) was"),
        "{text}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// On random trees with random rules, the census counts exactly what the result screen
    /// would say on every path: the recommendation (ties as ties), close calls, the rules that
    /// hold, and which questions' other answers would change it.
    #[test]
    fn the_census_agrees_with_the_result_of_every_path((shape, rules) in random_shape(7)) {
        let tree = random_tree(&shape, &rules);
        let walked = walked(&tree, 2);
        prop_assert_eq!(&walked, &by_hand(&tree));
        // Folding paths that meet in the same state counts exactly the same, swing included,
        // on any number of threads.
        let flow = Flow::new(&tree).expect("a small tree");
        for threads in [1, 2] {
            let folded = fold(&tree, &flow, &paths_from(&tree), Budget::NONE, threads);
            prop_assert_eq!(folded.as_ref(), Some(&walked));
        }
    }
}

/// The shipped tree folds within the census's budget: were it to grow past it, the census would
/// walk its millions of paths one by one, twenty times slower (docs/performance.md).
#[test]
fn the_shipped_tree_folds_within_the_budget() {
    let tree = match load_str(EMBEDDED_NAME, EMBEDDED) {
        Ok(loaded) => loaded.tree,
        Err(report) => panic!("{}", report.render()),
    };
    let flow = Flow::new(&tree).expect("the shipped tree");
    let paths_from = paths_from(&tree);
    let paths = paths_from[tree.start()];
    let budget = budget(&tree, paths);
    assert!(fold(&tree, &flow, &paths_from, budget, 2).is_some());
}

/// A tree whose states do not fold within the budget is walked instead, with the same counts.
#[test]
fn past_its_budget_the_fold_gives_way_to_walking_each_path() {
    let tree = example();
    let flow = Flow::new(&tree).expect("a small tree");
    let paths_from = paths_from(&tree);
    let few_states = Budget {
        values: 2,
        pairs: u64::MAX,
    };
    assert_eq!(fold(&tree, &flow, &paths_from, few_states, 1), None);
    let few_pairs = Budget {
        values: usize::MAX,
        pairs: 3,
    };
    for threads in [1, 2] {
        assert_eq!(fold(&tree, &flow, &paths_from, few_pairs, threads), None);
    }
    let folded = fold(&tree, &flow, &paths_from, Budget::NONE, 1);
    assert_eq!(folded, Some(walked(&tree, 1)));
}

#[test]
fn tallies_add_up() {
    let tree = example();
    let flow = Flow::new(&tree).expect("a small tree");
    let mut a = Tally::new(&flow, 3);
    a.paths = 2;
    a.ties = vec![(3, 2)];
    let mut b = a.clone();
    b.add(a.clone());
    assert_eq!((b.paths, b.ties), (4, vec![(3, 4)]));
}

/// A tie ahead of the rest by more than one answer can move: another answer still breaks it.
#[test]
fn a_tie_is_broken_by_an_answer_that_moves_the_tied_outcomes_apart() {
    let shape = vec![
        vec![(2, vec![-3, 1, 0])],
        vec![(0, vec![0, 0, 0])],
        vec![(3, vec![-2, 2, -1]), (3, vec![0, 1, 0])],
        vec![(0, vec![0, 0, 0])],
        vec![(0, vec![0, 0, 0])],
        vec![(0, vec![0, -1, 1])],
    ];
    let tree = random_tree(&shape, &[]);
    assert_eq!(walked(&tree, 1), by_hand(&tree));
}
