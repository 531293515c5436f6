//! Driving an interview on a loaded tree the way a user might (answer, back, forward, change),
//! checking its promises at every step, and checking the recommendation against a recount.

use std::sync::Arc;

use techhire::Step;
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

/// The recommendation, checked against scores recounted from the path and rules read again
/// from the file, and every what-if checked by actually changing that answer (and every other
/// answer shown not to matter).
pub fn recommend(interview: &Interview) -> Recommendation {
    let tree = interview.tree();
    let result = interview
        .result()
        .expect("a finished interview has a result");
    let scores = tally(tree, interview.path());
    assert_eq!(result.scores, scores);
    let rules = rules_holding(tree, interview.path());
    assert_eq!(result.rules, rules, "the rules that hold");
    let closed = ruled_out(tree, &rules);
    let listed: Vec<usize> = result.ruled_out.iter().map(|r| r.outcome).collect();
    assert_eq!(listed, closed, "the outcomes ruled out");
    for r in &result.ruled_out {
        assert!(!r.rules.is_empty(), "an outcome ruled out names its rules");
    }
    let leaders = top(&scores, &closed);
    assert_eq!(result.leaders, leaders);
    assert_eq!(result.outcome, leaders[0]);
    assert_eq!(result.tie, leaders.len() > 1);
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
            let then = top(
                &tally(tree, trial.path()),
                &ruled_out(tree, &rules_holding(tree, trial.path())),
            );
            let listed = result
                .what_ifs
                .iter()
                .find(|w| w.question == step.question && w.to == to);
            match listed {
                None => assert_eq!(
                    then, leaders,
                    "changing question {} to choice {to} changes the result, but no what-if says so",
                    step.question
                ),
                Some(w) => {
                    assert_eq!(w.from, step.choice);
                    assert_eq!(w.outcome, then[0], "a what-if names the wrong outcome");
                    assert_eq!(w.tied_with, then[1..], "a what-if names the wrong tie");
                    assert_ne!(then, leaders, "a what-if that changes nothing");
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
fn tally(tree: &Tree, path: &[Step]) -> Vec<i64> {
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

/// The rules that hold on a path, read from the file's own ids: every `when` entry names a
/// question on the path answered with one of its choices.
fn rules_holding(tree: &Tree, path: &[Step]) -> Vec<usize> {
    let holds = |question: &str, choices: &[String]| {
        path.iter().any(|step| {
            let q = tree.question(step.question);
            q.id == question && choices.contains(&q.choices[step.choice].id)
        })
    };
    tree.rules()
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.when.iter().all(|(q, c)| holds(q, c.ids())))
        .map(|(i, _)| i)
        .collect()
}

/// The outcomes those rules take off the table, in outcome order.
fn ruled_out(tree: &Tree, rules: &[usize]) -> Vec<usize> {
    (0..tree.outcomes().len())
        .filter(|&o| {
            let id = &tree.outcome(o).id;
            rules.iter().any(|&r| tree.rules()[r].rule_out.contains(id))
        })
        .collect()
}

/// The outcomes with the top score among those not ruled out (among all of them, were every
/// one ruled out), in declaration order: one, or several in a tie.
fn top(scores: &[i64], ruled_out: &[usize]) -> Vec<usize> {
    let all = ruled_out.len() == scores.len();
    let open = |o: &usize| all || !ruled_out.contains(o);
    let top = (0..scores.len()).filter(open).map(|o| scores[o]).max();
    (0..scores.len())
        .filter(|o| open(o) && Some(scores[*o]) == top)
        .collect()
}
