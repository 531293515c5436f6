//! Driving an interview on a loaded tree the way a user might (answer, back, forward, change),
//! checking its promises at every step, and checking the recommendation against a recount.

use std::sync::Arc;

use techhire::Step;
use techhire::tree::Next;
use techhire::{Interview, Recommendation, Tree};

use crate::check::Rng;

/// Moves around the tree at random, then answers to the end; returns the finished interview.
/// Half the time it runs as a workshop respondent's would: some answers given first and
/// settled (the company's facts: never asked again, never changed), and earlier answers
/// offered to keep (a later round).
pub fn run(tree: &Arc<Tree>, rng: &mut Rng) -> Interview {
    let mut interview = Interview::new(tree.clone());
    let n = tree.questions().len();
    let settled = if rng.below(2) == 0 {
        settle_some(tree, &mut interview, rng)
    } else {
        Vec::new()
    };
    if rng.below(2) == 0 {
        let mut offered = Vec::new();
        for question in 0..n {
            if rng.below(2) == 0 {
                let choice = rng.below(tree.question(question).choices.len());
                offered.push(Step { question, choice });
            }
        }
        let before = interview.all_answers();
        interview.offer(offered);
        assert_eq!(interview.all_answers(), before, "an offer is not an answer");
    }
    check_path(tree, &interview, &settled);
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
                let changed = interview.change(step.question, rng.below(choices));
                assert_eq!(
                    changed.is_err(),
                    interview.is_settled(step.question),
                    "an answer on the path can be changed unless it is settled"
                );
            }
            3 if interview.is_offered() => {
                let kept = interview.selected().expect("an offered answer");
                interview
                    .answer(kept)
                    .expect("an offered answer can be kept");
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
        check_path(tree, &interview, &settled);
    }
    interview.go_to_frontier();
    for _ in 0..=n {
        let Some(q) = interview.current() else { break };
        let choices = tree.question(q).choices.len();
        interview
            .answer(rng.below(choices))
            .expect("any offered choice can be given");
        check_path(tree, &interview, &settled);
    }
    assert!(
        interview.is_finished(),
        "every path through a valid tree ends"
    );
    interview
}

/// Answers a few questions and settles some of them, as a workshop's facts are; returns the
/// settled answers.
fn settle_some(tree: &Tree, interview: &mut Interview, rng: &mut Rng) -> Vec<Step> {
    for _ in 0..rng.below(tree.questions().len() + 1) {
        let Some(q) = interview.current() else { break };
        let choices = tree.question(q).choices.len();
        interview
            .answer(rng.below(choices))
            .expect("any offered choice can be given");
    }
    let chosen: Vec<Step> = interview
        .path()
        .iter()
        .copied()
        .filter(|_| rng.below(2) == 0)
        .collect();
    interview.settle(chosen.iter().map(|s| s.question));
    // An unanswered question is never settled: the interview must be able to ask it.
    let unanswered = interview
        .current()
        .filter(|&q| !interview.is_finished() && interview.answer_of(q).is_none());
    if let Some(frontier) = unanswered {
        interview.settle([frontier]);
        assert!(!interview.is_settled(frontier));
    }
    chosen
}

/// The path starts at the start, follows each answer's `next`, and progress agrees with it;
/// settled answers stay as settled, are never the question asked and are not counted.
fn check_path(tree: &Tree, interview: &Interview, settled: &[Step]) {
    let path = interview.path();
    let progress = interview.progress();
    let asked = path
        .iter()
        .filter(|s| !interview.is_settled(s.question))
        .count();
    assert_eq!(progress.answered, asked, "settled answers are not counted");
    assert!(progress.fewest_left <= progress.most_left);
    assert!(interview.cursor() <= path.len());
    for step in settled {
        assert!(interview.is_settled(step.question));
        assert_eq!(
            interview.answer_of(step.question),
            Some(step.choice),
            "a settled answer never changes"
        );
    }
    if let Some(q) = interview.current() {
        assert!(
            !interview.is_settled(q),
            "a settled question is never asked"
        );
        let before_cursor = path[..interview.cursor()]
            .iter()
            .filter(|s| !interview.is_settled(s.question))
            .count();
        assert_eq!(interview.number(), before_cursor + 1);
        if interview.answer_of(q).is_none() {
            assert_eq!(interview.selected(), interview.offered(q));
            assert_eq!(interview.is_offered(), interview.offered(q).is_some());
        } else {
            assert!(!interview.is_offered());
        }
    }
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
            // What-ifs count every answer, settled ones too (a workshop's facts): the
            // recount changes it on the same answers, unsettled.
            let mut trial = Interview::new(interview.tree().clone());
            trial.restore(interview.all_answers());
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
