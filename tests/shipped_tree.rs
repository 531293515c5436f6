//! The shipped `questions.toml`, checked as a whole: every one of its paths (about 19 million)
//! ends in a recommendation after 8 to 13 questions, each of the four outcomes wins some path,
//! the guidance is complete and cited, every answer has a plain `heard` sentence for the report,
//! and each answers file in `tests/answers/` is a complete path to the outcome its name says.

use std::collections::BTreeMap;
use std::sync::Arc;

use techhire::tree::{EMBEDDED, EMBEDDED_NAME, Next, load_str};
use techhire::{Interview, Tree};

fn tree() -> Arc<Tree> {
    match load_str(EMBEDDED_NAME, EMBEDDED) {
        Ok(loaded) => {
            assert!(
                loaded.warnings.diagnostics.is_empty(),
                "{}",
                loaded.warnings.render()
            );
            Arc::new(loaded.tree)
        }
        Err(report) => panic!("the shipped tree must load:\n{}", report.render()),
    }
}

/// What walking every path found.
#[derive(Debug, Default)]
struct Walk {
    paths: u64,
    shortest: usize,
    longest: usize,
    /// Paths won by each outcome alone (ties apart), by outcome index.
    wins: Vec<u64>,
    /// Paths on which two or more outcomes tie at the top.
    ties: u64,
    /// One path won by each outcome alone, as (question, choice) pairs.
    example: Vec<Option<Vec<(usize, usize)>>>,
    /// Paths whose client keeps a CIO or a CTO and on which that same role still leads.
    kept_role_leads: u64,
}

/// The outcomes the tree's rules rule out, worked out once for each combination of answers to
/// the few questions rules look at (a mixed-radix number: each question's choice + 1, or 0 when
/// it is not on the path).
struct RulesCache<'t> {
    tree: &'t Tree,
    questions: Vec<usize>,
    known: Vec<Option<Vec<bool>>>,
}

impl<'t> RulesCache<'t> {
    fn new(tree: &'t Tree) -> Self {
        let mut questions: Vec<usize> = (0..tree.rules().len())
            .flat_map(|r| tree.rule_conditions(r).iter().map(|(q, _)| *q))
            .collect();
        questions.sort_unstable();
        questions.dedup();
        let combinations = questions
            .iter()
            .map(|&q| tree.question(q).choices.len() + 1)
            .product();
        RulesCache {
            tree,
            questions,
            known: vec![None; combinations],
        }
    }

    fn ruled_out(&mut self, answer: &[Option<usize>]) -> &[bool] {
        let tree = self.tree;
        let key = self.questions.iter().fold(0, |key, &q| {
            key * (tree.question(q).choices.len() + 1) + answer[q].map_or(0, |c| c + 1)
        });
        self.known[key].get_or_insert_with(|| {
            let mut out = vec![false; tree.outcomes().len()];
            for rule in tree.rules_holding(|q| answer[q]) {
                for &o in tree.rule_out(rule) {
                    out[o] = true;
                }
            }
            out
        })
    }
}

/// Walks every path from the start with one depth-first search, adding each answer's evidence
/// on the way down and taking it off on the way back, so each path costs only its last step.
/// The leader is the best score among the outcomes no rule has ruled out.
fn walk_every_path(tree: &Tree) -> Walk {
    let outcomes = tree.outcomes().len();
    let mut walk = Walk {
        shortest: usize::MAX,
        wins: vec![0; outcomes],
        example: vec![None; outcomes],
        ..Walk::default()
    };
    let id = |q: &str, c: &str| {
        let question = tree.question_index(q).expect("declared");
        (question, tree.choice_index(question, c).expect("declared"))
    };
    let (leaders_q, keeps_cio) = id("existing_leaders", "cio_in_place");
    let (_, keeps_cto) = id("existing_leaders", "cto_in_place");
    let (incumbent_q, stays) = id("incumbent", "stays");
    let (cio, cto) = (
        tree.outcome_index("cio").expect("declared"),
        tree.outcome_index("cto").expect("declared"),
    );
    let mut rules = RulesCache::new(tree);
    let mut answer: Vec<Option<usize>> = vec![None; tree.questions().len()];
    let mut scores = vec![0i64; outcomes];
    // (question, choice being tried) for every question on the current path.
    let mut stack: Vec<(usize, usize)> = vec![(tree.start(), 0)];
    while let Some(&(question, choice)) = stack.last() {
        if choice == tree.question(question).choices.len() {
            stack.pop();
            answer[question] = None;
            // Take back the answer that led here, and move the question before on.
            if let Some(last) = stack.last_mut() {
                for &(o, points) in tree.evidence(last.0, last.1) {
                    scores[o] -= i64::from(points);
                }
                last.1 += 1;
            }
            continue;
        }
        answer[question] = Some(choice);
        for &(o, points) in tree.evidence(question, choice) {
            scores[o] += i64::from(points);
        }
        match tree.next(question, choice) {
            Next::Question(next) => stack.push((next, 0)),
            Next::End => {
                let out = rules.ruled_out(&answer);
                let (mut best, mut winner, mut leaders) = (i64::MIN, 0, 0);
                for o in (0..outcomes).filter(|&o| !out[o]) {
                    if scores[o] > best {
                        (best, winner, leaders) = (scores[o], o, 1);
                    } else if scores[o] == best {
                        leaders += 1;
                    }
                }
                let leads = |o: usize| !out[o] && scores[o] == best;
                walk.paths += 1;
                walk.shortest = walk.shortest.min(stack.len());
                walk.longest = walk.longest.max(stack.len());
                if leaders == 1 {
                    walk.wins[winner] += 1;
                    if walk.example[winner].is_none() {
                        walk.example[winner] = Some(stack.clone());
                    }
                } else {
                    walk.ties += 1;
                }
                let kept = match (answer[leaders_q], answer[incumbent_q]) {
                    (Some(c), Some(s)) if c == keeps_cio && s == stays => Some(cio),
                    (Some(c), Some(s)) if c == keeps_cto && s == stays => Some(cto),
                    _ => None,
                };
                if kept.is_some_and(leads) {
                    walk.kept_role_leads += 1;
                }
                for &(o, points) in tree.evidence(question, choice) {
                    scores[o] -= i64::from(points);
                }
                if let Some(last) = stack.last_mut() {
                    last.1 += 1;
                }
            }
        }
    }
    walk
}

#[test]
fn every_path_ends_in_a_recommendation_after_8_to_13_questions() {
    let tree = tree();
    let walk = walk_every_path(&tree);
    assert!(walk.paths > 19_000_000, "{} paths", walk.paths);
    assert!(
        walk.shortest >= 8 && walk.longest <= 13,
        "paths answer {} to {} questions",
        walk.shortest,
        walk.longest
    );
    let ids: Vec<&str> = tree.outcomes().iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["cio", "cto", "both", "combined"]);
    for (o, wins) in walk.wins.iter().enumerate() {
        assert!(*wins > 0, "no path recommends `{}`", ids[o]);
    }
    assert_eq!(
        walk.kept_role_leads, 0,
        "a client keeping its CIO or CTO is told to hire that role"
    );
    assert!(
        walk.ties * 5 < walk.paths,
        "{} of {} paths are ties",
        walk.ties,
        walk.paths
    );
    // The walk agrees with the engine: replaying one winning path per outcome through an
    // interview gives the same recommendation.
    for (o, example) in walk.example.iter().enumerate() {
        let mut interview = Interview::new(tree.clone());
        for &(question, choice) in example.iter().flatten() {
            assert_eq!(interview.current(), Some(question));
            assert_eq!(interview.answer(choice), Ok(()));
        }
        let result = interview.result().expect("the path is finished");
        assert_eq!(result.outcome, o, "path {example:?}");
    }
}

#[test]
fn every_outcome_carries_complete_cited_guidance() {
    let tree = tree();
    for outcome in tree.outcomes() {
        assert!(
            !outcome.sources.is_empty(),
            "`{}` cites no source",
            outcome.id
        );
        for list in [
            &outcome.owns,
            &outcome.priorities,
            &outcome.risks,
            &outcome.next_steps,
        ] {
            assert!(!list.is_empty(), "`{}` has an empty list", outcome.id);
        }
    }
    let outcome = |id: &str| tree.outcome(tree.outcome_index(id).expect("declared"));
    assert!(outcome("both").collaboration.is_some());
    assert!(outcome("combined").when_to_split.is_some());
}

#[test]
fn every_question_cites_sources_and_every_pointed_answer_says_why() {
    let tree = tree();
    for question in tree.questions() {
        assert!(
            !question.sources.is_empty(),
            "`{}` cites no source",
            question.id
        );
        for source in &question.sources {
            assert!(tree.source(source).is_some(), "`{source}` is not declared");
        }
        for choice in &question.choices {
            if !choice.evidence.is_empty() {
                assert!(
                    choice
                        .reason
                        .as_deref()
                        .is_some_and(|r| !r.trim().is_empty()),
                    "choice `{}` of `{}` moves the result without a reason",
                    choice.id,
                    question.id
                );
            }
        }
    }
}

/// "What we heard" joins the chosen answers' `heard` sentences into the report's opening
/// paragraph: every answer needs one, a single sentence a board reads without learning how
/// the engine weighs answers, and an unsure answer says what is still open.
#[test]
fn every_answer_tells_the_board_what_we_heard_in_one_plain_sentence() {
    let tree = tree();
    for question in tree.questions() {
        for choice in &question.choices {
            let at = format!("choice `{}` of `{}`", choice.id, question.id);
            let heard = choice.heard.as_deref().map(str::trim).unwrap_or_default();
            assert!(!heard.is_empty(), "{at} has no `heard` sentence");
            assert!(
                heard.ends_with('.') && heard.matches(". ").count() == 0,
                "{at}: one sentence, ending with a full stop: {heard:?}"
            );
            let lower = heard.to_lowercase();
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            for engine in [["the", "lead"], ["runner", "up"]] {
                assert!(!words.windows(2).any(|w| w == engine), "{at}: {heard:?}");
            }
            for engine in ["point", "points", "score", "scores", "margin", "outcome"] {
                assert!(!words.contains(&engine), "{at}: {heard:?}");
            }
            if choice.unsure {
                assert!(
                    words.contains(&"yet"),
                    "{at} is unsure: say what is not yet decided: {heard:?}"
                );
            }
        }
    }
}

/// Plays an answers file (question id -> choice id) through an interview; every answer must
/// be asked for and used.
fn play(tree: &Arc<Tree>, name: &str) -> techhire::Recommendation {
    let path = format!("tests/answers/{name}.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let answers: BTreeMap<String, String> = match toml::from_str(&text) {
        Ok(answers) => answers,
        Err(e) => panic!("{path}: {e}"),
    };
    let mut interview = Interview::new(tree.clone());
    let mut used = 0;
    while let Some(question) = interview.current() {
        let id = tree.question(question).id.clone();
        let Some(choice) = answers.get(&id) else {
            panic!("{path} does not answer `{id}`");
        };
        if let Err(e) = interview.answer_id(choice) {
            panic!("{path}: `{id}` = `{choice}`: {e}");
        }
        used += 1;
    }
    assert_eq!(used, answers.len(), "{path} answers questions off its path");
    interview.result().expect("finished")
}

#[test]
fn each_answers_file_reaches_the_outcome_it_is_named_for() {
    let tree = tree();
    for name in ["cio", "cto", "both", "combined"] {
        let result = play(&tree, name);
        assert_eq!(tree.outcome(result.outcome).id, name);
        assert!(!result.close_call, "{name}.toml should be a clear result");
    }
    let longest = play(&tree, "longest");
    assert_eq!(longest.leaders.len(), 2, "longest.toml is a tie");
    assert_eq!(
        longest.ruled_out.len(),
        2,
        "longest.toml rules out two outcomes"
    );
    let close = play(&tree, "close_call");
    assert!(close.close_call, "close_call.toml is not a close call");
    assert!(
        !close.what_ifs.is_empty(),
        "a close call that no changed answer would tip?"
    );
}

/// The questions reachable from a question's choice, itself included.
fn reachable(tree: &Tree, from: Next) -> Vec<bool> {
    let mut seen = vec![false; tree.questions().len()];
    let mut stack = vec![from];
    while let Some(next) = stack.pop() {
        let Next::Question(q) = next else { continue };
        if std::mem::replace(&mut seen[q], true) {
            continue;
        }
        for c in 0..tree.question(q).choices.len() {
            stack.push(tree.next(q, c));
        }
    }
    seen
}

#[test]
fn the_facts_are_what_the_company_is_and_no_view_decides_which_are_asked() {
    let tree = tree();
    let facts: Vec<usize> = (0..tree.questions().len())
        .filter(|&q| tree.is_fact(q))
        .collect();
    let ids: Vec<&str> = facts
        .iter()
        .map(|&q| tree.question(q).id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "business",
            "product_team",
            "internal_estate",
            "size",
            "ownership",
            "existing_leaders",
            "incumbent"
        ]
    );
    // A workshop answers the facts once for everyone: that only works if each person's
    // views lead to the same facts, so every answer to a view reaches the same fact questions.
    for q in (0..tree.questions().len()).filter(|&q| !tree.is_fact(q)) {
        let per_choice: Vec<Vec<usize>> = (0..tree.question(q).choices.len())
            .map(|c| {
                let seen = reachable(&tree, tree.next(q, c));
                facts.iter().copied().filter(|&f| seen[f]).collect()
            })
            .collect();
        assert!(
            per_choice.windows(2).all(|w| w[0] == w[1]),
            "the answer to view `{}` decides which facts are asked: {per_choice:?}",
            tree.question(q).id
        );
    }
}
