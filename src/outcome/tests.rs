use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::interview::Interview;
use crate::tree::{Choice, ChoiceIds, Meta, Outcome, Question, Rule, TreeFile, load_str};

/// q1: `a` (+2 first) leads to q2, `b` (+2 second) to q3, `tie` (+1 first, +1 second) ends.
/// q2: `x` (+1 first) or `y` (+4 second) ends. q3: `z` (+1 third) or `w` (nothing) ends.
fn tree(close_call_margin: u32) -> Arc<Tree> {
    let outcome = |id: &str| {
        format!(
            "[[outcomes]]\nid = \"{id}\"\nlabel = \"{id}\"\nsummary = \"s\"\nowns = []\n\
             priorities = []\nprofile = \"p\"\nrisks = []\nnext_steps = []\n\n"
        )
    };
    let choice = |id: &str, to: &str, evidence: &str| {
        let lead = if to == "end" {
            "end = true".to_string()
        } else {
            format!("next = \"{to}\"")
        };
        format!(
            "[[questions.choices]]\nid = \"{id}\"\nlabel = \"{id}\"\n{lead}\nevidence = {{ {evidence} }}\n"
        )
    };
    let question =
        |id: &str| format!("[[questions]]\nid = \"{id}\"\nprompt = \"?\"\nhelp = \"h\"\n");
    let text = [
        format!(
            "[meta]\ntitle = \"t\"\nversion = \"1\"\nstart = \"q1\"\nclose_call_margin = {close_call_margin}\n\n"
        ),
        outcome("first"),
        outcome("second"),
        outcome("third"),
        question("q1"),
        choice("a", "q2", "first = 2"),
        choice("b", "q3", "second = 2"),
        choice("tie", "end", "first = 1, second = 1"),
        question("q2"),
        choice("x", "end", "first = 1"),
        choice("y", "end", "second = 4"),
        question("q3"),
        choice("z", "end", "third = 1"),
        choice("w", "end", ""),
    ]
    .concat();
    match load_str("t.toml", &text) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("{}", report.render()),
    }
}

const FIRST: usize = 0;
const SECOND: usize = 1;
const THIRD: usize = 2;

fn finished(tree: &Arc<Tree>, answers: &[&str]) -> Interview {
    let mut interview = Interview::new(tree.clone());
    for answer in answers {
        assert_eq!(interview.answer_id(answer), Ok(()), "{answer}");
    }
    assert!(interview.is_finished());
    interview
}

fn result(tree: &Arc<Tree>, answers: &[&str]) -> Recommendation {
    finished(tree, answers).result().expect("finished")
}

#[test]
fn scores_add_up_the_evidence_on_the_path() {
    let tree = tree(1);
    let r = result(&tree, &["a", "y"]);
    assert_eq!(r.scores, [2, 4, 0]);
    assert_eq!((r.outcome, r.runner_up, r.margin), (SECOND, Some(FIRST), 2));
    assert!(!r.close_call && !r.tie);
}

#[test]
fn a_tie_headlines_every_tied_outcome_and_is_a_close_call() {
    let tree = tree(1);
    let r = result(&tree, &["tie"]);
    assert_eq!(r.scores, [1, 1, 0]);
    assert_eq!(r.leaders, [FIRST, SECOND]);
    assert_eq!((r.outcome, r.runner_up, r.margin), (FIRST, Some(SECOND), 0));
    assert!(r.tie && r.close_call);
    assert_eq!(r.headline(&tree), "Too close to call: first, or second");
    // Answering q1 `a` or `b` instead settles it (each leads on to more questions).
    assert_eq!(r.settled_by, [0]);
}

#[test]
fn a_win_within_the_margin_is_a_close_call_unless_the_margin_is_zero() {
    let r = result(&tree(1), &["b", "z"]);
    assert_eq!((r.outcome, r.runner_up, r.margin), (SECOND, Some(THIRD), 1));
    assert!(r.close_call && !r.tie);
    let r = result(&tree(0), &["b", "z"]);
    assert!(
        !r.close_call,
        "with close_call_margin = 0 only ties are close calls"
    );
    assert!(result(&tree(0), &["tie"]).close_call);
}

#[test]
fn reasons_say_how_each_answer_moved_the_result() {
    let tree = tree(1);
    let r = result(&tree, &["a", "y"]);
    let leads: Vec<(usize, i64)> = r.reasons.iter().map(|x| (x.question, x.lead)).collect();
    // `a` pulled toward the runner-up by 2; `y` pushed the winner ahead by 4.
    assert_eq!(leads, [(0, -2), (1, 4)]);
    assert_eq!(r.reasons[1].evidence, [(SECOND, 4)]);
    let strongest: Vec<i64> = r.strongest_reasons().iter().map(|x| x.lead).collect();
    assert_eq!(strongest, [4, -2]);
    // Answers without evidence are reasons too, but not among the strongest.
    let r = result(&tree, &["b", "w"]);
    assert_eq!(r.reasons.len(), 2);
    assert_eq!(r.strongest_reasons().len(), 1);
}

#[test]
fn what_ifs_list_each_single_change_that_changes_the_result() {
    let tree = tree(1);
    let r = result(&tree, &["a", "x"]);
    assert_eq!((r.outcome, r.margin), (FIRST, 3));
    assert_eq!(
        r.what_ifs,
        [
            // `b` leads to q3, which nobody answered: one question to go, leaning second.
            WhatIf {
                question: 0,
                from: 0,
                to: 1,
                outcome: SECOND,
                tied_with: vec![],
                rules: vec![],
                unanswered: Some(Unanswered {
                    first: 2,
                    fewest: 1,
                    most: 1
                }),
            },
            // `tie` ends at once with first and second level: a tie, which is a change (the
            // order of the outcomes never breaks it).
            WhatIf {
                question: 0,
                from: 0,
                to: 2,
                outcome: FIRST,
                tied_with: vec![SECOND],
                rules: vec![],
                unanswered: None,
            },
            // `y` would make it second.
            WhatIf {
                question: 1,
                from: 0,
                to: 1,
                outcome: SECOND,
                tied_with: vec![],
                rules: vec![],
                unanswered: None,
            },
        ]
    );
}

#[test]
fn what_ifs_follow_a_branch_over_answers_already_given() {
    let tree = tree(1);
    let mut interview = finished(&tree, &["b", "z"]);
    assert_eq!(interview.change(0, 0), Ok(()));
    assert_eq!(interview.answer_id("x"), Ok(()));
    let r = interview.result().expect("finished again");
    assert_eq!(r.outcome, FIRST);
    // Going back to `b` reuses the kept answer `z`: a complete branch ending in second.
    let back_to_b = r.what_ifs.iter().find(|w| w.question == 0 && w.to == 1);
    assert_eq!(
        back_to_b,
        Some(&WhatIf {
            question: 0,
            from: 0,
            to: 1,
            outcome: SECOND,
            tied_with: vec![],
            rules: vec![],
            unanswered: None,
        })
    );
}

#[test]
fn recommend_agrees_with_the_interview() {
    let tree = tree(1);
    let interview = finished(&tree, &["a", "y"]);
    let answers: Vec<Option<usize>> = (0..tree.questions().len())
        .map(|q| interview.answer_of(q))
        .collect();
    assert_eq!(
        Some(recommend(&tree, interview.path(), &answers)),
        interview.result()
    );
    assert_eq!(scores(&tree, interview.path()), [2, 4, 0]);
}

/// What-ifs the plain way: walk the whole path again for every changed answer.
fn walked(tree: &Tree, path: &[Step], answers: &[Option<usize>], current: &[usize]) -> Vec<WhatIf> {
    let mut found = Vec::new();
    let mut trial = answers.to_vec();
    for step in path {
        for to in (0..tree.question(step.question).choices.len()).filter(|&c| c != step.choice) {
            trial[step.question] = Some(to);
            let (new_path, frontier) = tree.walk(&trial);
            let rules = rules_on(tree, &new_path);
            let open = open_outcomes(tree, &rules);
            let leaders = standing(&scores(tree, &new_path), &open).leaders;
            if leaders != current {
                found.push(WhatIf {
                    question: step.question,
                    from: step.choice,
                    to,
                    outcome: leaders[0],
                    tied_with: leaders[1..].to_vec(),
                    rules,
                    unanswered: frontier.map(|first| {
                        let (fewest, most) = Unasked::new(tree, answers).from(first);
                        Unanswered {
                            first,
                            fewest,
                            most,
                        }
                    }),
                });
            }
        }
        trial[step.question] = Some(step.choice);
    }
    found
}

/// A random rule: conditions as (question, choice) pairs, and the outcomes it rules out.
pub(crate) type RandomRule = (Vec<(usize, usize)>, Vec<usize>);

/// Per question, per choice: how many questions on it leads (0: the end) and its points for
/// each of the three outcomes.
pub(crate) type Shape = Vec<Vec<(usize, Vec<i32>)>>;

/// A tree whose choices lead only to later questions (so it has no cycles), from (how many
/// questions on, evidence) per choice: 0, or past the last question, ends the interview; and
/// rules whose conditions name questions and choices modulo what the tree has.
pub(crate) fn random_tree(shape: &[Vec<(usize, Vec<i32>)>], rules: &[RandomRule]) -> Tree {
    let outcome = |id: &str| Outcome {
        id: id.into(),
        label: id.into(),
        summary: "s".into(),
        owns: vec![],
        priorities: vec![],
        profile: "p".into(),
        risks: vec![],
        next_steps: vec![],
        collaboration: None,
        when_to_split: None,
        sources: vec![],
    };
    let ids = ["a", "b", "c"];
    let questions = shape
        .iter()
        .enumerate()
        .map(|(q, choices)| Question {
            id: format!("q{q}"),
            prompt: "p".into(),
            help: "h".into(),
            sources: vec![],
            kind: Default::default(),
            choices: choices
                .iter()
                .enumerate()
                .map(|(c, (on, points))| Choice {
                    id: format!("c{c}"),
                    label: "l".into(),
                    detail: None,
                    next: (*on > 0 && q + on < shape.len()).then(|| format!("q{}", q + on)),
                    end: *on == 0 || q + on >= shape.len(),
                    evidence: ids
                        .iter()
                        .map(|o| o.to_string())
                        .zip(points.clone())
                        .collect(),
                    reason: None,
                    unsure: false,
                    heard: None,
                })
                .collect(),
        })
        .collect();
    let file = TreeFile {
        meta: Meta {
            title: "t".into(),
            version: "1".into(),
            start: "q0".into(),
            close_call_margin: 1,
        },
        sources: vec![],
        outcomes: ids.iter().map(|id| outcome(id)).collect(),
        questions,
        rules: rules
            .iter()
            .enumerate()
            .map(|(r, (when, out))| Rule {
                id: format!("r{r}"),
                when: when
                    .iter()
                    .map(|&(q, c)| {
                        let q = q % shape.len();
                        (
                            format!("q{q}"),
                            ChoiceIds(vec![format!("c{}", c % shape[q].len())]),
                        )
                    })
                    .collect(),
                rule_out: out
                    .iter()
                    .map(|&o| ids[o % ids.len()].to_string())
                    .collect(),
                reason: "because".into(),
                labels: [("a".to_string(), format!("a in r{r}"))]
                    .into_iter()
                    .collect(),
                sources: vec![],
            })
            .collect(),
        examples: vec![],
    };
    // Some generated questions are unreachable, which validation refuses but the
    // shortcut must still get right, so the tree is indexed as it is.
    let (_, resolved) = crate::tree::validate::check_and_resolve(
        &file,
        &crate::tree::validate::Known::default(),
        true,
    );
    Tree::from_checked(file, resolved)
}

/// A random tree's shape and rules, for `random_tree`: up to `questions` questions of one to
/// three choices, and up to three rules.
pub(crate) fn random_shape(questions: usize) -> impl Strategy<Value = (Shape, Vec<RandomRule>)> {
    (
        prop::collection::vec(
            prop::collection::vec((0usize..4, prop::collection::vec(-3i32..4, 3)), 1..4),
            1..questions,
        ),
        prop::collection::vec(
            (
                prop::collection::vec((0usize..questions, 0usize..4), 1..3),
                prop::collection::vec(0usize..3, 0..3),
            ),
            0..4,
        ),
    )
}

proptest! {
    // No regressions folder at the top level: a failing case prints its input to paste
    // into a unit test.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The shortcut agrees with walking every changed path, on finished and unfinished
    /// interviews, with answers kept aside off the path.
    #[test]
    fn what_ifs_match_walking_every_change(
        (shape, rules) in random_shape(9),
        picks in prop::collection::vec(prop::option::weighted(0.8, 0usize..4), 9),
    ) {
        let tree = random_tree(&shape, &rules);
        let answers: Vec<Option<usize>> = (0..shape.len())
            .map(|q| picks[q].map(|c| c % shape[q].len()))
            .collect();
        let (path, _) = tree.walk(&answers);
        let open = open_outcomes(&tree, &rules_on(&tree, &path));
        let current = standing(&scores(&tree, &path), &open).leaders;
        prop_assert_eq!(
            what_ifs(&tree, &path, &answers, &current),
            walked(&tree, &path, &answers, &current)
        );
    }
}

/// The format page's example: a rule that rules out `cio` for a company selling technology,
/// with its own wording for `combined`, and a "not sure" answer about selling technology.
fn example() -> Arc<Tree> {
    let text = include_str!("../../tests/fixtures/valid/example.toml");
    match load_str("example.toml", text) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("{}", report.render()),
    }
}

#[test]
fn a_ruled_out_outcome_is_never_recommended_and_is_explained() {
    let tree = example();
    // cio 3, cto 2, both 2: cio would win on points, but the rule rules it out, which leaves
    // cto and both level.
    let r = result(&tree, &["inside", "yes", "large"]);
    assert_eq!(r.scores, [3, 2, 2, 0]);
    assert_eq!(r.leaders, [1, 2]);
    assert!(r.tie && !r.leads(0));
    assert_eq!(
        r.ruled_out,
        [RuledOut {
            outcome: 0,
            rules: vec![0]
        }]
    );
    assert_eq!(
        r.ruled_out_reasons(&tree),
        [(
            0,
            vec!["You sell technology, so your product needs a leader of its own."]
        )]
    );
    assert_eq!(
        r.headline(&tree),
        "Too close to call: Hire a CTO, or Have both a CIO and a CTO"
    );
    // Needing products most would settle it for the CTO; a smaller size only swaps the tie.
    assert_eq!(r.settled_by, [0]);
}

#[test]
fn an_unsure_answer_says_what_a_firm_one_would_change() {
    let tree = example();
    let r = result(&tree, &["inside", "not_sure", "smaller"]);
    assert_eq!(r.leaders, [0]);
    let unsure = r.unsure.clone().expect("a not-sure answer was given");
    assert_eq!(unsure.questions, [1]);
    assert!(!unsure.holds);
    // "Yes, we sell technology" rules the CIO out: a tie, worded for that situation.
    let change = &unsure.changes[0];
    assert_eq!(
        (change.to, change.outcome, &change.tied_with),
        (0, 1, &vec![3])
    );
    assert_eq!(
        change.outcome_names(&tree, str::to_string),
        "Hire a CTO, or Hire one leader for your product and your own systems"
    );
    // A product company's CTO holds either way.
    let r = result(&tree, &["products", "not_sure", "smaller"]);
    let unsure = r.unsure.expect("a not-sure answer was given");
    assert!(unsure.holds && unsure.changes.is_empty() && unsure.complete);
    // Firm answers have nothing to check.
    assert_eq!(result(&tree, &["products", "no", "smaller"]).unsure, None);
}

#[test]
fn a_rule_words_outcomes_while_it_holds() {
    let tree = example();
    let r = result(&tree, &["products", "yes", "smaller"]);
    assert_eq!(r.rules, [0]);
    assert_eq!(
        r.label(&tree, 3),
        "Hire one leader for your product and your own systems"
    );
    let r = result(&tree, &["products", "no", "smaller"]);
    assert_eq!(r.label(&tree, 3), "Hire one leader for both roles");
}

#[test]
fn unsure_answers_that_change_it_only_together_name_the_outcome_for_that_situation() {
    // base gives `first` 3; `a` and `b` give `second` 2 each: either alone leaves `first`
    // ahead, both together put `second` ahead, and a rule that holds only then rewords it.
    let choice = |id: &str, lead: &str, extra: &str| {
        format!("[[questions.choices]]\nid = \"{id}\"\nlabel = \"{id}\"\n{lead}\n{extra}\n")
    };
    let outcome = |id: &str| {
        format!(
            "[[outcomes]]\nid = \"{id}\"\nlabel = \"{id}\"\nsummary = \"s\"\nowns = []\n\
             priorities = []\nprofile = \"p\"\nrisks = []\nnext_steps = []\n\n"
        )
    };
    let question =
        |id: &str| format!("[[questions]]\nid = \"{id}\"\nprompt = \"{id}?\"\nhelp = \"h\"\n");
    let text = [
        "[meta]\ntitle = \"t\"\nversion = \"1\"\nstart = \"q0\"\n\n".to_string(),
        outcome("first"),
        outcome("second"),
        question("q0"),
        choice("base", "next = \"q1\"", "evidence = { first = 3 }"),
        question("q1"),
        choice("a", "next = \"q2\"", "evidence = { second = 2 }"),
        choice("n1", "next = \"q2\"", "unsure = true"),
        question("q2"),
        choice("b", "end = true", "evidence = { second = 2 }"),
        choice("n2", "end = true", "unsure = true"),
        "[[rules]]\nid = \"both_yes\"\nwhen = { q1 = \"a\", q2 = \"b\" }\n\
         reason = \"r\"\n[rules.labels]\nsecond = \"Second, as a and b word it\"\n"
            .to_string(),
    ]
    .concat();
    let tree = match load_str("t.toml", &text) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("{}", report.render()),
    };
    let r = result(&tree, &["base", "n1", "n2"]);
    assert_eq!(r.leaders, [0]);
    let unsure = r.unsure.clone().expect("two not-sure answers");
    assert!(!unsure.holds && unsure.changes.is_empty());
    let together = unsure.together.as_ref().expect("only together");
    assert_eq!(
        (together.leaders.as_slice(), together.rules.as_slice()),
        (&[1][..], &[0][..])
    );
    let told = told::unsure(&tree, &r, &|s: &str| s.to_string());
    assert_eq!(
        told,
        [
            "You were not sure about \u{201c}q1?\u{201d} and \u{201c}q2?\u{201d}: no one answer \
          changes the recommendation, but answering \u{201c}a\u{201d} and \u{201c}b\u{201d} \
          together would make it Second, as a and b word it."
        ]
    );
}
