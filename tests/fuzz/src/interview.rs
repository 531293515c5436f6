//! Driving an interview on a loaded tree the way a user might (answer, back, forward, change),
//! checking its promises at every step, and checking the recommendation against a recount.

use std::sync::Arc;

use techhire::tree::Next;
use techhire::{Interview, Recommendation, Tree};

use crate::check::Rng;

/// Moves around the tree at random, then answers to the end; returns the finished interview.
pub fn run(tree: &Arc<Tree>, rng: &mut Rng) -> Interview {
    let mut interview = Interview::new(tree.clone());
    let n = tree.questions().len();
    for _ in 0..2 * n + 8 {
        match rng.below(8) {
            0 => {
                interview.back();
            }
            1 => {
                interview.forward();
            }
            2 if !interview.path().is_empty() => {
                let step = interview.path()[rng.below(interview.path().len())];
                let choices = tree.question(step.question).choices.len();
                interview
                    .change(step.question, rng.below(choices))
                    .expect("an answer on the path can be changed");
            }
            _ => {
                if let Some(q) = interview.current() {
                    let choices = tree.question(q).choices.len();
                    interview
                        .answer(rng.below(choices))
                        .expect("any offered choice can be given");
                }
            }
        }
        check_path(tree, &interview);
    }
    interview.go_to_frontier();
    for _ in 0..=n {
        let Some(q) = interview.current() else { break };
        let choices = tree.question(q).choices.len();
        interview
            .answer(rng.below(choices))
            .expect("any offered choice can be given");
        check_path(tree, &interview);
    }
    assert!(
        interview.is_finished(),
        "every path through a valid tree ends"
    );
    interview
}

/// The path starts at the start, follows each answer's `next`, and progress agrees with it.
fn check_path(tree: &Tree, interview: &Interview) {
    let path = interview.path();
    let progress = interview.progress();
    assert_eq!(progress.answered, path.len());
    assert!(progress.fewest_left <= progress.most_left);
    assert!(interview.cursor() <= path.len());
    let mut expected = Some(tree.start());
    for step in path {
        assert_eq!(
            Some(step.question),
            expected,
            "the path must follow the answers"
        );
        expected = match tree.next(step.question, step.choice) {
            Next::Question(q) => Some(q),
            Next::End => None,
        };
    }
    assert_eq!(interview.is_finished(), expected.is_none());
    if let Some(frontier) = expected {
        assert_eq!(
            interview.answer_of(frontier),
            None,
            "the frontier is unanswered"
        );
    }
}

/// The recommendation, checked against scores recounted from the path, and every what-if
/// checked by actually changing that answer (and every other answer shown not to matter).
pub fn recommend(interview: &Interview) -> Recommendation {
    let tree = interview.tree();
    let result = interview
        .result()
        .expect("a finished interview has a result");
    let scores = tally(tree, interview.path());
    assert_eq!(result.scores, scores);
    assert_eq!(result.outcome, winner(&scores));
    if let Some(r) = result.runner_up {
        assert_ne!(r, result.outcome);
        assert_eq!(result.margin, scores[result.outcome] - scores[r]);
        assert!(result.margin >= 0);
    }
    assert_eq!(result.reasons.len(), interview.path().len());
    let _ = result.strongest_reasons();

    // Recount at most this many alternatives, so one input cannot run for long.
    let mut budget = 64;
    for step in interview.path() {
        let choices = tree.question(step.question).choices.len();
        for to in (0..choices).filter(|&c| c != step.choice) {
            if budget == 0 {
                return result;
            }
            budget -= 1;
            let mut trial = interview.clone();
            trial
                .change(step.question, to)
                .expect("an answer on the path can be changed");
            let outcome = winner(&tally(tree, trial.path()));
            let listed = result
                .what_ifs
                .iter()
                .find(|w| w.question == step.question && w.to == to);
            match listed {
                None => assert_eq!(
                    outcome, result.outcome,
                    "changing question {} to choice {to} changes the result, but no what-if says so",
                    step.question
                ),
                Some(w) => {
                    assert_eq!(w.from, step.choice);
                    assert_eq!(w.outcome, outcome, "a what-if names the wrong outcome");
                    assert_ne!(w.outcome, result.outcome);
                    trial.go_to_frontier();
                    assert_eq!(w.unanswered.map(|u| u.first), trial.current());
                    if let Some(u) = w.unanswered {
                        assert!(u.fewest <= u.most);
                    }
                }
            }
        }
    }
    result
}

/// Points per outcome along a path, added up independently of the engine.
fn tally(tree: &Tree, path: &[techhire::Step]) -> Vec<i64> {
    let mut scores = vec![0i64; tree.outcomes().len()];
    for step in path {
        let choice = &tree.question(step.question).choices[step.choice];
        for (id, points) in &choice.evidence {
            let o = tree
                .outcome_index(id)
                .expect("evidence names a declared outcome");
            scores[o] += i64::from(*points);
        }
    }
    scores
}

/// The highest score; ties go to the outcome declared first.
fn winner(scores: &[i64]) -> usize {
    let mut best = 0;
    for (o, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = o;
        }
    }
    best
}
