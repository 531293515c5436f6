//! Property tests of the engine. Random valid trees (forward-only graphs with random evidence
//! and random rules) are driven by random answer, back, forward, go-to and change sequences, and the interview's
//! invariants are checked after every step: among them, that the recommendation is never an
//! outcome a rule ruled out, and that every ruled-out outcome is explained. The loader is fed arbitrary text and mutated trees,
//! and must never panic.

use std::collections::BTreeMap;
use std::sync::Arc;

use proptest::prelude::*;
use proptest::sample::Index;
use techhire::outcome::{recommend, scores};
use techhire::tree::{
    Choice, ChoiceIds, EMBEDDED, Meta, Next, Outcome, Question, Rule, TreeFile, load_str,
};
use techhire::{Interview, Step, Tree};

/// The raw numbers a tree is built from.
#[derive(Debug, Clone)]
struct Shape {
    questions: usize,
    outcomes: usize,
    /// For each question after the first, the earlier question that leads to it.
    parents: Vec<Index>,
    /// For each question, extra choices: `None` ends, `Some(i)` jumps ahead.
    extra: Vec<Vec<Option<Index>>>,
    /// Evidence handed out to choices in turn, as (outcome, points).
    evidence: Vec<Vec<(Index, i32)>>,
    close_call_margin: u32,
    rules: Vec<RandomRule>,
}

/// A rule's conditions as (question, choice) picks, and the outcomes it rules out.
type RandomRule = (Vec<(Index, Index)>, Vec<Index>);

fn shape() -> impl Strategy<Value = Shape> {
    (1..=9usize, 1..=4usize).prop_flat_map(|(questions, outcomes)| {
        (
            Just(questions),
            Just(outcomes),
            prop::collection::vec(any::<Index>(), questions - 1),
            prop::collection::vec(
                prop::collection::vec(prop::option::of(any::<Index>()), 0..3),
                questions,
            ),
            prop::collection::vec(prop::collection::vec((any::<Index>(), -4..=6i32), 0..3), 64),
            0..3u32,
            prop::collection::vec(
                (
                    prop::collection::vec((any::<Index>(), any::<Index>()), 1..3),
                    prop::collection::vec(any::<Index>(), 0..4),
                ),
                0..4,
            ),
        )
            .prop_map(
                |(questions, outcomes, parents, extra, evidence, close_call_margin, rules)| Shape {
                    questions,
                    outcomes,
                    parents,
                    extra,
                    evidence,
                    close_call_margin,
                    rules,
                },
            )
    })
}

/// A valid tree: every question is reached from an earlier one (so from the start), edges
/// only go forward (so nothing loops), and a question with nowhere to go ends. Its rules name
/// questions and choices the tree has; a rule that would leave some path with nothing to
/// recommend (which the validator refuses) is dropped, the last first.
fn build(shape: &Shape) -> Arc<Tree> {
    let n = shape.questions;
    let mut targets: Vec<Vec<Option<usize>>> = vec![Vec::new(); n];
    for (i, parent) in shape.parents.iter().enumerate() {
        let child = i + 1;
        targets[parent.index(child)].push(Some(child));
    }
    for (q, extra) in shape.extra.iter().enumerate() {
        for jump in extra {
            let ahead = n - q - 1;
            targets[q].push(match jump {
                Some(i) if ahead > 0 => Some(q + 1 + i.index(ahead)),
                _ => None,
            });
        }
        if targets[q].is_empty() {
            targets[q].push(None);
        }
    }
    let mut evidence = shape.evidence.iter().cycle();
    let questions: Vec<Question> = targets
        .iter()
        .enumerate()
        .map(|(q, choices)| Question {
            id: format!("q{q}"),
            prompt: format!("Question {q}?"),
            help: "Why it matters.".into(),
            sources: Vec::new(),
            kind: Default::default(),
            choices: choices
                .iter()
                .enumerate()
                .map(|(c, to)| {
                    let mut points = BTreeMap::new();
                    for (o, p) in evidence.next().into_iter().flatten() {
                        *points
                            .entry(format!("o{}", o.index(shape.outcomes)))
                            .or_insert(0) += p;
                    }
                    Choice {
                        id: format!("c{c}"),
                        label: format!("Choice {c}"),
                        detail: None,
                        next: to.map(|t| format!("q{t}")),
                        end: to.is_none(),
                        evidence: points.into_iter().collect(),
                        reason: None,
                        unsure: false,
                        heard: None,
                    }
                })
                .collect(),
        })
        .collect();
    let outcomes = (0..shape.outcomes)
        .map(|o| Outcome {
            id: format!("o{o}"),
            label: format!("Outcome {o}"),
            summary: "s".into(),
            owns: Vec::new(),
            priorities: Vec::new(),
            profile: "p".into(),
            risks: Vec::new(),
            next_steps: Vec::new(),
            collaboration: None,
            when_to_split: None,
            sources: Vec::new(),
        })
        .collect();
    let rules: Vec<Rule> = shape
        .rules
        .iter()
        .enumerate()
        .map(|(r, (when, out))| Rule {
            id: format!("r{r}"),
            when: when
                .iter()
                .map(|(q, c)| {
                    let q = q.index(n);
                    let c = c.index(questions[q].choices.len());
                    (format!("q{q}"), ChoiceIds(vec![format!("c{c}")]))
                })
                .collect(),
            rule_out: out
                .iter()
                .map(|o| format!("o{}", o.index(shape.outcomes)))
                .collect(),
            reason: format!("Rule {r} says so."),
            labels: BTreeMap::from([("o0".to_string(), format!("Outcome 0 under rule {r}"))]),
            sources: Vec::new(),
        })
        .collect();
    let mut file = TreeFile {
        meta: Meta {
            title: "Random".into(),
            version: "1".into(),
            start: "q0".into(),
            close_call_margin: shape.close_call_margin,
        },
        sources: Vec::new(),
        outcomes,
        questions,
        rules,
        examples: Vec::new(),
    };
    loop {
        match Tree::from_file(file.clone()) {
            Ok((tree, _warnings)) => return Arc::new(tree),
            Err(errors)
                if errors
                    .iter()
                    .all(|e| e.code == "nothing-left" || !e.is_error()) =>
            {
                file.rules.pop();
            }
            Err(errors) => panic!("the generator made an invalid tree: {errors:?}"),
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    Answer(Index),
    Back,
    Forward,
    GoTo(Index),
    Change(Index, Index),
    GoToFrontier,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => any::<Index>().prop_map(Op::Answer),
        2 => Just(Op::Back),
        1 => Just(Op::Forward),
        1 => any::<Index>().prop_map(Op::GoTo),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(q, c)| Op::Change(q, c)),
        1 => Just(Op::GoToFrontier),
    ]
}

/// Applies an operation; records in `given` every answer the interview accepted.
fn apply(interview: &mut Interview, op: &Op, given: &mut BTreeMap<usize, usize>) {
    let tree = interview.tree().clone();
    let choices = |q: usize| tree.question(q).choices.len();
    match op {
        Op::Answer(c) => {
            if let Some(q) = interview.current() {
                let c = c.index(choices(q));
                assert_eq!(interview.answer(c), Ok(()));
                given.insert(q, c);
            }
        }
        Op::Back => {
            interview.back();
        }
        Op::Forward => {
            interview.forward();
        }
        Op::GoTo(i) => {
            let on_path: Vec<usize> = interview.path().iter().map(|s| s.question).collect();
            if !on_path.is_empty() {
                let q = on_path[i.index(on_path.len())];
                assert_eq!(interview.go_to(q), Ok(()));
                assert_eq!(interview.current(), Some(q));
            }
        }
        Op::Change(i, c) => {
            let on_path: Vec<usize> = interview.path().iter().map(|s| s.question).collect();
            if !on_path.is_empty() {
                let q = on_path[i.index(on_path.len())];
                let c = c.index(choices(q));
                assert_eq!(interview.change(q, c), Ok(()));
                given.insert(q, c);
            }
        }
        Op::GoToFrontier => interview.go_to_frontier(),
    }
}

/// The rules that hold on a path, found the plain way.
fn holding(tree: &Tree, path: &[Step]) -> Vec<usize> {
    (0..tree.rules().len())
        .filter(|&r| {
            tree.rule_conditions(r).iter().all(|(q, choices)| {
                path.iter()
                    .any(|s| s.question == *q && choices.contains(&s.choice))
            })
        })
        .collect()
}

/// The outcomes a path's headline must name: every outcome no holding rule rules out that has
/// the top score among those, in declaration order.
fn leaders(tree: &Tree, path: &[Step]) -> Vec<usize> {
    let points = scores(tree, path);
    let rules = holding(tree, path);
    let open: Vec<usize> = (0..points.len())
        .filter(|o| !rules.iter().any(|&r| tree.rule_out(r).contains(o)))
        .collect();
    let top = open.iter().map(|&o| points[o]).max();
    open.into_iter()
        .filter(|&o| Some(points[o]) == top)
        .collect()
}

fn check_invariants(interview: &Interview, given: &BTreeMap<usize, usize>) {
    let tree = interview.tree();
    let path = interview.path();
    // The path starts at the start and follows the recorded answers.
    if let Some(first) = path.first() {
        assert_eq!(first.question, tree.start());
    }
    for (k, step) in path.iter().enumerate() {
        assert_eq!(interview.answer_of(step.question), Some(step.choice));
        match tree.next(step.question, step.choice) {
            Next::Question(q) => {
                if let Some(after) = path.get(k + 1) {
                    assert_eq!(after.question, q);
                }
            }
            Next::End => assert_eq!(k + 1, path.len(), "the path goes on after an end"),
        }
    }
    assert!(interview.cursor() <= path.len());
    let progress = interview.progress();
    assert_eq!(progress.answered, path.len());
    assert!(progress.fewest_left <= progress.most_left);

    // Finished exactly when the path ends on an ending answer; otherwise it stops at the
    // first unanswered question.
    let ends = path
        .last()
        .is_some_and(|s| tree.next(s.question, s.choice) == Next::End);
    assert_eq!(interview.is_finished(), ends);
    let mut at_frontier = interview.clone();
    at_frontier.go_to_frontier();
    match at_frontier.current() {
        Some(q) => {
            assert!(!ends);
            assert_eq!(interview.answer_of(q), None);
            assert!(progress.fewest_left >= 1);
        }
        None => assert!(ends && progress.most_left == 0),
    }

    // No answer is ever lost: each question keeps the last answer given, on the path or
    // kept aside, so it comes back whenever its question returns to the path.
    for q in 0..tree.questions().len() {
        assert_eq!(
            interview.answer_of(q),
            given.get(&q).copied(),
            "question {q}"
        );
    }
    let kept: Vec<Step> = interview.kept();
    assert_eq!(kept.len() + path.len(), given.len());

    // The result exists exactly when finished, and is the recommendation recomputed.
    let result = interview.result();
    assert_eq!(result.is_some(), ends);
    let Some(result) = result else { return };
    let answers: Vec<Option<usize>> = (0..tree.questions().len())
        .map(|q| interview.answer_of(q))
        .collect();
    assert_eq!(result, recommend(tree, path, &answers));
    let mut points = vec![0i64; tree.outcomes().len()];
    for step in path {
        for &(o, p) in tree.evidence(step.question, step.choice) {
            points[o] += i64::from(p);
        }
    }
    assert_eq!(result.scores, points);
    assert_eq!(result.leaders, leaders(tree, path));
    assert_eq!(result.outcome, result.leaders[0]);
    assert_eq!(result.tie, result.leaders.len() > 1);

    // The recommendation is never an outcome a rule ruled out, and every ruled-out outcome is
    // explained by a rule that holds, rules it out, and gives a reason.
    let rules = holding(tree, path);
    assert_eq!(result.rules, rules);
    for o in 0..tree.outcomes().len() {
        let ruled = rules.iter().any(|&r| tree.rule_out(r).contains(&o));
        assert!(
            !(ruled && result.leads(o)),
            "ruled-out outcome {o} recommended"
        );
        let explained = result.ruled_out.iter().find(|r| r.outcome == o);
        assert_eq!(explained.is_some(), ruled, "outcome {o}");
        if let Some(explained) = explained {
            assert!(!explained.rules.is_empty());
            for &r in &explained.rules {
                assert!(rules.contains(&r) && tree.rule_out(r).contains(&o));
                assert!(!tree.rules()[r].reason.is_empty());
            }
        }
    }

    // Each what-if changes the outcome when applied, and no other single change does.
    for step in path {
        for to in (0..tree.question(step.question).choices.len()).filter(|&c| c != step.choice) {
            let mut changed = interview.clone();
            assert_eq!(changed.change(step.question, to), Ok(()));
            let lean = leaders(tree, changed.path());
            let listed = result
                .what_ifs
                .iter()
                .find(|w| w.question == step.question && w.to == to);
            match listed {
                Some(w) => {
                    assert_eq!(w.from, step.choice);
                    assert_eq!(w.outcome, lean[0]);
                    assert_eq!(w.tied_with, lean[1..]);
                    assert_ne!(lean, result.leaders);
                    match (changed.result(), w.unanswered) {
                        (Some(r), None) => assert_eq!(r.leaders, lean),
                        (None, Some(u)) => {
                            changed.go_to_frontier();
                            assert_eq!(changed.current(), Some(u.first));
                            // The what-if follows the answers already kept and counts only
                            // questions still without one; progress counts every question
                            // left on any branch. The kept branch is one of those branches, so
                            // it can ask no more than the longest, but it can be longer than
                            // the shortest: only `most` is bounded.
                            let p = changed.progress();
                            assert!(1 <= u.fewest && u.fewest <= u.most, "{u:?}");
                            assert!(u.most <= p.most_left, "{u:?} {p:?}");
                        }
                        (finished, unanswered) => panic!(
                            "what-if says unanswered = {unanswered:?}, but applied it is {}",
                            if finished.is_some() {
                                "finished"
                            } else {
                                "not finished"
                            }
                        ),
                    }
                }
                None => assert_eq!(lean, result.leaders, "an unlisted change changes it"),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_interviews_keep_the_engine_invariants(
        shape in shape(),
        ops in prop::collection::vec(op(), 0..40),
    ) {
        let tree = build(&shape);
        let mut interview = Interview::new(tree);
        let mut given = BTreeMap::new();
        check_invariants(&interview, &given);
        for op in &ops {
            apply(&mut interview, op, &mut given);
            check_invariants(&interview, &given);
        }
    }

    #[test]
    fn arbitrary_text_never_makes_the_loader_panic(text in any::<String>()) {
        if let Err(report) = load_str("any.toml", &text) {
            let _ = report.render();
            let _ = report.to_json();
        }
    }

    #[test]
    fn edited_trees_never_make_the_loader_panic(
        edits in prop::collection::vec((any::<Index>(), any::<Index>(), ".{0,12}"), 1..6),
    ) {
        let mut text = EMBEDDED.to_string();
        for (at, len, insert) in &edits {
            let mut start = at.index(text.len() + 1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len.index(64)).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.replace_range(start..end, insert);
        }
        match load_str("edited.toml", &text) {
            Ok(loaded) => {
                let _ = loaded.warnings.render();
                // The loader, reading item by item to collect every problem, and toml reading the
                // whole file into the same types agree.
                let by_toml: Result<TreeFile, _> = toml::from_str(&text);
                prop_assert_eq!(by_toml.as_ref().ok(), Some(loaded.tree.file()));
                // Whatever loaded must also run.
                let mut interview = Interview::new(Arc::new(loaded.tree));
                while interview.answer(0).is_ok() {}
                prop_assert!(interview.is_finished());
                prop_assert!(interview.result().is_some());
            }
            Err(report) => {
                prop_assert!(report.errors() > 0);
                let _ = report.render();
                let _ = report.to_json();
            }
        }
    }
}
