//! The workshop's engine: the worked example of docs/workshop-format.md (three leaders whose own
//! results are a CTO, a CIO and one combined leader), facts enforced, the workshop file read
//! and written, and properties of combining any answers.

use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::answers;
use crate::interview::Interview;
use crate::session::{Timestamp, TreeStamp};
use crate::tree::{EMBEDDED, EMBEDDED_NAME, Tree, load_str};

fn tree() -> Arc<Tree> {
    Arc::new(
        load_str(EMBEDDED_NAME, EMBEDDED)
            .expect("the shipped tree")
            .tree,
    )
}

const FACTS: &str = include_str!("../../../tests/answers/workshop/facts.toml");
const ANA: &str = include_str!("../../../tests/answers/workshop/ana-ceo.toml");
const BEN: &str = include_str!("../../../tests/answers/workshop/ben-cfo.toml");
const CAI: &str = include_str!("../../../tests/answers/workshop/cai-coo.toml");

fn facts(tree: &Tree, text: &str) -> Result<Facts, String> {
    let file = answers::parse("facts.toml", text).map_err(|p| p.render())?;
    Facts::from_answers(tree, &file).map_err(|p| p.render())
}

fn person(tree: &Arc<Tree>, facts: &Facts, name: &str, text: &str) -> Result<Person, String> {
    let file = answers::parse(&format!("{name}.toml"), text).map_err(|p| p.render())?;
    let applied = facts.apply(tree, &file).map_err(|p| p.render())?;
    Ok(Person {
        name: name.to_string(),
        role: None,
        interview: applied.interview,
    })
}

fn worked_example() -> Combined {
    let tree = tree();
    let facts = facts(&tree, FACTS).unwrap();
    let people = [
        ("Ana", "CEO", ANA),
        ("Ben", "CFO", BEN),
        ("Cai", "COO", CAI),
    ]
    .into_iter()
    .map(|(name, role, text)| {
        let mut p = person(&tree, &facts, name, text).unwrap();
        p.role = Some(role.to_string());
        p
    })
    .collect();
    Combined::new(&tree, people).unwrap()
}

fn ids(tree: &Tree, outcomes: &[usize]) -> Vec<String> {
    outcomes
        .iter()
        .map(|&o| tree.outcome(o).id.clone())
        .collect()
}

#[test]
fn the_worked_example_names_the_split_and_the_question_to_settle_first() {
    let c = worked_example();
    let tree = Arc::clone(&c.tree);
    // Each person's own result, as if they had answered alone.
    let own: Vec<Vec<String>> = c
        .voices
        .iter()
        .map(|v| ids(&tree, &v.own.leaders))
        .collect();
    assert_eq!(own, [["cto"], ["cio"], ["combined"]]);
    let scores: Vec<&[i64]> = c.voices.iter().map(|v| v.own.scores.as_slice()).collect();
    assert_eq!(scores, [[1, 9, -1, 4], [10, 1, -2, 5], [5, 1, 1, 10]]);
    // Combined: the sums of those, one equal voice each.
    assert_eq!(c.together.totals, [16, 11, -2, 19]);
    assert_eq!(ids(&tree, &c.together.leaders), ["combined"]);
    assert_eq!(c.alignment.agreement, Agreement::OppositeEnds);
    assert_eq!(c.alignment.opposite, Some((1, 0)));
    assert_eq!(c.alignment.sharing, [2]);
    let same = |s: &str| s.to_string();
    assert_eq!(
        told::headline(&c, &same),
        "Leadership is not yet agreed on what this hire is for; the answers lean to Hire one leader for both roles"
    );
    let first = &c.spreads[0];
    assert_eq!(tree.question(first.question).id, "looking_for");
    assert_eq!(
        told::opening(&c, &same),
        "Each person's own result: Ana (CEO), Hire a CTO; Ben (CFO), Hire a CIO; and Cai (COO), \
         Hire one leader for both roles. Ben (CFO) and Ana (CEO) \
         are at opposite ends, so the group has not agreed what this hire is for. Averaged, one \
         equal voice each, the answers lean to Hire one leader for both roles: 6.3 points (19 \
         over 3 people), against 5.3 points for Hire a CIO. Settle first \u{201c}What do you \
         most need this technology leader to get done in their first two or three years?\u{201d}: \
         Ben (CFO) answered \u{201c}Run and modernise our core systems\u{201d}, Cai (COO) \
         \u{201c}Change how we work inside the business\u{201d} and Ana (CEO) \u{201c}Build \
         technology products for our customers\u{201d} (6 points apart)."
    );
}

#[test]
fn every_number_in_the_worked_example_traces_to_an_answer() {
    let c = worked_example();
    let tree = &c.tree;
    // Each person's scores are the sum of their answers' evidence, reason by reason.
    for v in &c.voices {
        let mut sum = vec![0i64; tree.outcomes().len()];
        for reason in &v.own.reasons {
            for &(o, p) in &reason.evidence {
                sum[o] += i64::from(p);
            }
        }
        assert_eq!(sum, v.own.scores, "{}", v.name);
    }
    // Points apart: the two furthest answers' evidence, outcome by outcome.
    for s in &c.spreads {
        if let Some((a, b)) = s.furthest {
            let points = |p: usize| {
                let mut v = vec![0i64; tree.outcomes().len()];
                for &(o, x) in tree.evidence(s.question, s.answers[p].unwrap()) {
                    v[o] += i64::from(x);
                }
                v
            };
            let apart: i64 = points(a)
                .iter()
                .zip(points(b))
                .map(|(x, y)| (x - y).abs())
                .sum();
            assert_eq!(apart, s.points_apart);
        }
    }
    // Settling the first question everyone's way: if all wanted core systems run, a CIO.
    let first = &c.spreads[0];
    let run_core = first
        .settle
        .iter()
        .find(|s| tree.question(first.question).choices[s.choice].id == "run_core")
        .expect("Ben's answer is one way to settle it");
    assert_eq!(ids(tree, &run_core.together.leaders), ["cio"]);
    assert_eq!(run_core.given_by, [1]);
    // One question does not settle it: who would still be elsewhere is named.
    let same = |s: &str| s.to_string();
    assert_eq!(
        told::settle_line(&c, first.question, run_core, &same),
        "If everyone answered \u{201c}Run and modernise our core systems\u{201d}: Hire a CIO \
         (not agreed: opposite ends); Ana (CEO) would still be at Hire a CTO and Cai (COO) at \
         Hire one leader for both roles."
    );
}

#[test]
fn facts_are_answered_once_and_enforced() {
    let tree = tree();
    // A view in the facts file is refused at its line.
    let error = facts(&tree, &format!("{FACTS}focus = \"internal\"\n")).unwrap_err();
    assert!(error.contains("error[not-a-fact]"), "{error}");
    assert!(error.contains("facts.toml:10:1"), "{error}");
    let facts = facts(&tree, FACTS).unwrap();
    // A person repeating a fact the same way is fine; another way, refused at the value.
    person(&tree, &facts, "ana", &format!("{ANA}size = \"midsize\"\n")).unwrap();
    let error = person(&tree, &facts, "ana", &format!("{ANA}size = \"over_5b\"\n")).unwrap_err();
    assert!(error.contains("error[fact-in-answers]"), "{error}");
    assert!(
        error.contains("answered once for everyone as `midsize`"),
        "{error}"
    );
    assert!(error.contains("ana.toml:7:8"), "{error}");
    // A facts file that leaves out a fact the interview can ask is refused, naming it and
    // what to add.
    let without = FACTS.replace("existing_leaders = \"none_open\"\n", "");
    let error = self::facts(&tree, &without).unwrap_err();
    assert!(error.contains("error[unanswered-fact]"), "{error}");
    assert!(error.contains("facts.toml"), "{error}");
    assert!(
        error.contains("the facts leave `existing_leaders`"),
        "{error}"
    );
    assert!(
        error.contains("add a line `existing_leaders = \"choice_id\"`"),
        "{error}"
    );
    assert!(error.contains("none_open"), "{error}");
    // Facts short of one (a workshop file edited by hand): the person is told it belongs in
    // the facts file, not asked it.
    let mut steps = facts.steps().to_vec();
    let leaders = tree.question_index("existing_leaders").unwrap();
    steps.retain(|s| s.question != leaders);
    let short = Facts::new(steps);
    let error = person(&tree, &short, "ana", ANA).unwrap_err();
    assert!(error.contains("error[missing-fact]"), "{error}");
    assert!(error.contains("to the facts file"), "{error}");
    // And a fact in one person's file that the facts file does not answer belongs there.
    let error = person(
        &tree,
        &short,
        "ana",
        &format!("{ANA}existing_leaders = \"none_open\"\n"),
    )
    .unwrap_err();
    assert!(
        error.contains("move this line into the facts file"),
        "{error}"
    );
}

#[test]
fn combining_refuses_no_one_the_unfinished_and_different_facts() {
    let tree = tree();
    assert_eq!(
        Combined::new(&tree, Vec::new()).unwrap_err(),
        CombineError::NoOne
    );
    let unfinished = Person {
        name: "Dee".into(),
        role: None,
        interview: Interview::new(Arc::clone(&tree)),
    };
    assert!(matches!(
        Combined::new(&tree, vec![unfinished]),
        Err(CombineError::Unfinished { name }) if name == "Dee"
    ));
    let ana = person(&tree, &facts(&tree, FACTS).unwrap(), "Ana", ANA).unwrap();
    let larger = facts(&tree, &FACTS.replace("midsize", "upper_midsize")).unwrap();
    let ben = person(&tree, &larger, "Ben", BEN).unwrap();
    let error = Combined::new(&tree, vec![ana, ben]).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("Ana and Ben answered the fact `size` differently"),
        "{error}"
    );
}

fn stamp(tree: &Tree) -> TreeStamp {
    TreeStamp::new(tree, EMBEDDED_NAME, EMBEDDED.as_bytes())
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

#[test]
fn a_workshop_file_round_trips_and_keeps_its_state() {
    let tree = tree();
    let mut w = Workshop::new(stamp(&tree), Some("Acme".into()), Some(" ".into()));
    assert_eq!(w.consultant, None);
    let now = at("2026-11-30T09:00:00Z");
    w.set_fact(&tree, "size", "midsize", now).unwrap();
    w.set_fact(&tree, "size", "over_5b", now).unwrap();
    assert_eq!(w.facts.len(), 1);
    assert_eq!(
        w.set_fact(&tree, "focus", "internal", now),
        Err(ChangeError::NotAFact("focus".into()))
    );
    assert!(matches!(
        w.set_fact(&tree, "size", "huge", now),
        Err(ChangeError::NoSuchChoice { .. })
    ));
    let ana = w.add_respondent("Ana", Some("CEO"), now).unwrap().clone();
    w.add_respondent("Ben", None, now).unwrap();
    assert_eq!(
        w.add_respondent("ana", None, now),
        Err(ChangeError::SameName("ana".into()))
    );
    assert_eq!(w.add_respondent("  ", None, now), Err(ChangeError::NoName));
    assert!(w.set_status(&ana.session, Status::Finished, now));
    assert!(!w.all_finished());
    w.set_note(Some("looking_for"), "Ben said this twice", now);
    w.set_note(None, "good room", now);
    // Revealed before Ben finished: recorded as early, waiting for him.
    w.reveal(at("2026-11-30T10:00:00Z"));
    let ben = w.respondents[1].session.clone();
    assert_eq!(
        w.reveal,
        Reveal::RevealedEarly {
            at: at("2026-11-30T10:00:00Z"),
            waiting: vec![ben]
        }
    );
    assert_eq!(
        w.set_fact(&tree, "size", "midsize", now),
        Err(ChangeError::Revealed)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.workshop.json");
    create(&path, &w).unwrap();
    assert!(matches!(
        create(&path, &w),
        Err(WorkshopError::AlreadyExists { .. })
    ));
    assert_eq!(read_path(&path).unwrap(), w);
    save(&path, &w).unwrap();
    assert_eq!(read_path(&path).unwrap(), w);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "private notes: the file is its owner's alone"
        );
    }
}

#[test]
fn a_revealed_workshop_with_everyone_finished_is_revealed_on_time() {
    let tree = tree();
    let mut w = Workshop::new(stamp(&tree), None, None);
    let now = at("2026-11-30T09:00:00Z");
    w.reveal(now);
    // Nobody to wait for is no one finished: an empty workshop reveals nothing early.
    assert_eq!(w.reveal, Reveal::Revealed { at: now });
    let mut w = Workshop::new(stamp(&tree), None, None);
    let s = w.add_respondent("Ana", None, now).unwrap().session.clone();
    w.set_status(&s, Status::Finished, now);
    assert!(w.all_finished());
    w.reveal(now);
    assert!(w.is_revealed());
    assert_eq!(w.reveal, Reveal::Revealed { at: now });
}

#[test]
fn a_respondents_session_has_the_facts_filled_in() {
    let tree = tree();
    let mut w = Workshop::new(stamp(&tree), Some("Acme".into()), None);
    let now = at("2026-11-30T09:00:00Z");
    for line in FACTS.lines().filter(|l| !l.starts_with('#')) {
        let (q, c) = line.split_once(" = ").unwrap();
        w.set_fact(&tree, q, c.trim_matches('"'), now).unwrap();
    }
    let ana = w.add_respondent("Ana", Some("CEO"), now).unwrap().clone();
    let session = w.session_for(&ana, &tree, stamp(&tree)).unwrap();
    assert_eq!(session.id, ana.session);
    assert_eq!(session.client.as_deref(), Some("Acme"));
    let answered: Vec<&str> = session
        .answers
        .iter()
        .map(|a| a.question.as_str())
        .collect();
    assert_eq!(
        answered,
        [
            "business",
            "product_team",
            "internal_estate",
            "size",
            "ownership",
            "existing_leaders"
        ]
    );
    // Nothing of the views: their interview starts at the first question.
    assert_eq!(session.progress.answered, 0);
}

#[test]
fn hostile_workshop_files_say_what_they_are() {
    let tree = tree();
    let mut w = Workshop::new(stamp(&tree), None, None);
    let now = at("2026-11-30T09:00:00Z");
    w.add_respondent("Ana", None, now).unwrap();
    let good = serde_json::to_string_pretty(&w).unwrap();
    let error = |text: &str| parse("w.json", text.as_bytes()).unwrap_err().to_string();
    for (text, expected) in [
        ("".to_string(), "is empty, so there is no workshop"),
        (good[..good.len() / 2].to_string(), "ends early"),
        (
            good.replace("techhire-workshop", "techhire-session"),
            "its `format` is \"techhire-session\"",
        ),
        (
            good.replace(&format!("\"version\": {VERSION}"), "\"version\": 7"),
            "workshop format version 7",
        ),
        (
            good.replace(&w.respondents[0].session, "../x"),
            "is not 1 to 64 letters",
        ),
        (
            good.replace("\"state\": \"hidden\"", "\"state\": \"revealed_early\", \"at\": \"2026-11-30T09:00:00Z\", \"waiting\": [\"zzz\"]"),
            "the reveal waits for session `zzz`",
        ),
        (format!("{}{}", "[".repeat(500), "]".repeat(500)), "nests lists or objects too deeply"),
    ] {
        let message = error(&text);
        assert!(message.contains("w.json"), "{message}");
        assert!(message.contains(expected), "{expected}: {message}");
    }
    // A session is not a workshop, and says so.
    let session =
        crate::session::Session::new(stamp(&tree), None, None, &Interview::new(Arc::clone(&tree)));
    let message = error(&serde_json::to_string(&session).unwrap());
    assert!(message.contains("not a techhire workshop"), "{message}");
}

/// The view questions of the shipped tree's worked-example company, with how many choices each.
fn views(tree: &Tree) -> Vec<(usize, usize)> {
    [
        "looking_for",
        "focus",
        "digital_vs_tech",
        "value_line",
        "security_owner",
    ]
    .iter()
    .map(|id| {
        let q = tree.question_index(id).unwrap();
        (q, tree.question(q).choices.len())
    })
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any group on the worked example's facts: each person's own result is exactly what they
    /// would get alone, the totals are the sums of their scores, the combined recommendation is
    /// the open outcomes with the top total, and every view question on someone's path is
    /// ranked, furthest apart first.
    #[test]
    fn combining_keeps_each_voice_and_averages_them(
        picks in prop::collection::vec(prop::collection::vec(any::<prop::sample::Index>(), 5), 1..6),
    ) {
        let tree = tree();
        let facts = facts(&tree, FACTS).unwrap();
        let views = views(&tree);
        let mut people = Vec::new();
        let mut alone = Vec::new();
        for (p, pick) in picks.iter().enumerate() {
            let mut interview = Interview::new(Arc::clone(&tree));
            interview.restore(
                facts.steps().iter().copied().chain(
                    views.iter().zip(pick).map(|(&(question, n), i)| crate::tree::Step {
                        question,
                        choice: i.index(n),
                    }),
                ),
            );
            alone.push(interview.result().expect("every path of these facts ends"));
            people.push(Person { name: format!("P{p}"), role: None, interview });
        }
        let c = Combined::new(&tree, people).unwrap();
        let mut totals = vec![0i64; tree.outcomes().len()];
        for (v, a) in c.voices.iter().zip(&alone) {
            prop_assert_eq!(&v.own, a);
            for (t, s) in totals.iter_mut().zip(&a.scores) {
                *t += s;
            }
        }
        prop_assert_eq!(&c.together.totals, &totals);
        let top = (0..totals.len()).filter(|&o| c.together.open[o]).map(|o| totals[o]).max();
        for &o in &c.together.leaders {
            prop_assert!(c.together.open[o]);
            prop_assert_eq!(Some(totals[o]), top);
        }
        prop_assert!(c.spreads.windows(2).all(|w| w[0].points_apart >= w[1].points_apart));
        for s in &c.spreads {
            prop_assert!(!tree.is_fact(s.question));
            prop_assert_eq!(s.settle.is_empty(), s.accord == Accord::Agreed);
            // Settling on an answer gives everyone who already gave it their own result again.
            for st in &s.settle {
                for &p in &st.given_by {
                    prop_assert_eq!(&st.own[p], &c.voices[p].own.leaders);
                }
            }
        }
    }
}

/// The worked example as a workshop: the facts set once, each person's session made by the
/// workshop and answered, their status recorded.
fn example_workshop(tree: &Arc<Tree>) -> (Workshop, Vec<crate::session::Session>) {
    let now = at("2026-11-30T09:00:00Z");
    let mut w = Workshop::new(stamp(tree), Some("Acme".into()), None);
    for line in FACTS.lines().filter(|l| !l.starts_with('#')) {
        let (q, c) = line.split_once(" = ").unwrap();
        w.set_fact(tree, q, c.trim_matches('"'), now).unwrap();
    }
    let facts = Facts::new(w.fact_steps(tree).unwrap());
    let mut sessions = Vec::new();
    for (name, role, text) in [
        ("Ana", "CEO", ANA),
        ("Ben", "CFO", BEN),
        ("Cai", "COO", CAI),
    ] {
        let r = w.add_respondent(name, Some(role), now).unwrap().clone();
        let mut session = w.session_for(&r, tree, stamp(tree)).unwrap();
        assert_eq!(status_of(tree, &session), Status::Invited);
        let interview = person(tree, &facts, name, text).unwrap().interview;
        session.record(&interview, now);
        let status = status_of(tree, &session);
        assert_eq!(status, Status::Finished);
        w.set_status(&r.session, status, now);
        sessions.push(session);
    }
    (w, sessions)
}

#[test]
fn a_workshops_sessions_combine_only_once_revealed() {
    let tree = tree();
    let (mut w, sessions) = example_workshop(&tree);
    assert!(matches!(
        w.combine(&tree, &sessions),
        Err(JoinError::Hidden {
            finished: 3,
            respondents: 3
        })
    ));
    w.reveal(at("2026-11-30T10:00:00Z"));
    assert!(matches!(w.reveal, Reveal::Revealed { .. }));
    let revealed = w.combine(&tree, &sessions).unwrap();
    assert!(revealed.left_out.is_empty());
    assert_eq!(revealed.combined.together.totals, [16, 11, -2, 19]);
    assert_eq!(
        revealed.combined.alignment.agreement,
        Agreement::OppositeEnds
    );
}

#[test]
fn an_early_reveal_combines_those_who_finished_and_names_the_others() {
    let tree = tree();
    let (mut w, mut sessions) = example_workshop(&tree);
    // Cai had only answered the first question.
    let mut interview = Interview::new(Arc::clone(&tree));
    interview.restore(w.fact_steps(&tree).unwrap());
    interview.answer_id("transform_internal").unwrap();
    sessions[2].record(&interview, at("2026-11-30T09:30:00Z"));
    let cai = sessions[2].id.clone();
    assert_eq!(status_of(&tree, &sessions[2]), Status::Answering);
    w.set_status(&cai, Status::Answering, at("2026-11-30T09:30:00Z"));
    w.reveal(at("2026-11-30T10:00:00Z"));
    assert!(matches!(&w.reveal, Reveal::RevealedEarly { waiting, .. } if *waiting == [cai]));
    let revealed = w.combine(&tree, &sessions).unwrap();
    let names: Vec<&str> = revealed.left_out.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Cai"]);
    assert_eq!(revealed.combined.people(), 2);
    assert_eq!(revealed.combined.together.totals, [11, 10, -3, 9]);
}

#[test]
fn a_session_on_another_edition_or_with_other_facts_does_not_join() {
    let tree = tree();
    let (w, sessions) = example_workshop(&tree);
    assert!(w.check_facts_of(&tree, &sessions[0]).is_ok());
    // Another edition of the tree: even one byte changed.
    let mut other = sessions[0].clone();
    other.tree = TreeStamp::new(&tree, EMBEDDED_NAME, format!("{EMBEDDED}\n").as_bytes());
    let error = w.check_session(&other).unwrap_err();
    assert!(matches!(error, JoinError::OtherTree { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("Ana's session was answered on another edition")
    );
    // Another answer to a fact.
    let mut other = sessions[1].clone();
    for a in &mut other.answers {
        if a.question == "size" {
            a.choice = "over_5b".into();
        }
    }
    let error = w.check_facts_of(&tree, &other).unwrap_err();
    assert_eq!(
        error,
        JoinError::OtherFacts {
            name: "Ben".into(),
            question: "size".into(),
            theirs: "over_5b".into(),
            ours: "midsize".into(),
        }
    );
    let mut revealed = w.clone();
    revealed.reveal(at("2026-11-30T10:00:00Z"));
    assert!(matches!(
        revealed.combine(&tree, &[sessions[0].clone(), other, sessions[2].clone()]),
        Err(JoinError::OtherFacts { .. })
    ));
    // Nobody's session.
    let mut stranger = sessions[0].clone();
    stranger.id = "zzz999".into();
    assert!(matches!(
        w.check_session(&stranger),
        Err(JoinError::Stranger { .. })
    ));
}

/// A workshop with everything in it, as saved.
fn saved_workshop() -> String {
    let tree = tree();
    let (mut w, _) = example_workshop(&tree);
    w.set_note(
        Some("size"),
        "check the latest accounts",
        at("2026-11-30T09:10:00Z"),
    );
    w.set_note(None, "a good room", at("2026-11-30T09:11:00Z"));
    w.reveal(at("2026-11-30T10:00:00Z"));
    serde_json::to_string_pretty(&w).unwrap()
}

/// Reading gives a workshop that writes back the same, or an error naming the file; never a
/// panic.
fn read_any(bytes: &[u8]) -> Result<(), TestCaseError> {
    match parse("fuzz.json", bytes) {
        Ok(w) => {
            let again = serde_json::to_string(&w).unwrap();
            prop_assert_eq!(parse("again", again.as_bytes()).ok(), Some(w));
        }
        Err(e) => prop_assert!(e.to_string().contains("fuzz.json"), "{}", e),
    }
    Ok(())
}

use proptest::test_runner::TestCaseError;

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        read_any(&bytes)?;
    }

    #[test]
    fn damaged_workshops_never_panic(
        cut in 0.0f64..1.0,
        at in 0.0f64..1.0,
        with in "[ -~]{0,12}",
        how in 0u8..3,
    ) {
        let text = saved_workshop();
        let i = (text.len() as f64 * at) as usize;
        let damaged = match how {
            0 => text[..(text.len() as f64 * cut) as usize].to_string(),
            1 => format!("{}{with}{}", &text[..i], &text[(i + with.len()).min(text.len())..]),
            _ => format!("{}{with}{}", &text[..i], &text[i..]),
        };
        read_any(damaged.as_bytes())?;
    }
}

#[test]
fn a_workshop_lives_beside_its_sessions_and_is_not_listed_as_one() {
    let tree = tree();
    let (w, sessions) = example_workshop(&tree);
    let dir = tempfile::tempdir().unwrap();
    let store = crate::session::Store::at(dir.path());
    for session in sessions {
        store.create(session).unwrap();
    }
    let path = w.path_in(store.folder());
    assert!(path.ends_with(format!("{}.workshop.json", w.id)));
    create(&path, &w).unwrap();
    let listing = store.list().unwrap();
    assert_eq!(listing.sessions.len(), 3);
    assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
    assert_eq!(read_path(&path).unwrap(), w);
}

/// Dee's views lead to a tie between a CIO and one combined leader.
const DEE: &str = "looking_for = \"enable_scale\"\nfocus = \"internal\"\nvalue_line = \"top_line\"\nsecurity_owner = \"lead_reports_in\"\n";

#[test]
fn a_person_whose_own_result_is_a_tie_shares_no_single_recommendation_and_is_at_no_end() {
    let tree = tree();
    let facts = facts(&tree, FACTS).unwrap();
    let dee = person(&tree, &facts, "Dee", DEE).unwrap();
    let cai = person(&tree, &facts, "Cai", CAI).unwrap();
    let c = Combined::new(&tree, vec![dee.clone(), cai]).unwrap();
    assert_eq!(ids(&tree, &c.voices[0].own.leaders), ["cio", "combined"]);
    assert_eq!(c.together.totals, [10, 4, 0, 15]);
    assert_eq!(c.alignment.tied, [0]);
    assert_eq!(c.alignment.sharing, [1]);
    assert_eq!(c.alignment.agreement, Agreement::NotAgreed);
    let same = |s: &str| s.to_string();
    assert_eq!(
        told::person_line(&c, 0, &same),
        "Dee: Too close to call: Hire a CIO, or Hire one leader for both roles"
    );
    // A tie is at neither end, even beside a CTO.
    let ana = person(&tree, &facts, "Ana", ANA).unwrap();
    let c = Combined::new(&tree, vec![dee.clone(), ana]).unwrap();
    assert_eq!(c.alignment.opposite, None);
    // And the same tie from two people is agreed on, as a tie.
    let mut twin = dee.clone();
    twin.name = "Eli".into();
    let c = Combined::new(&tree, vec![dee, twin]).unwrap();
    assert_eq!(c.alignment.agreement, Agreement::Agreed);
    assert_eq!(
        told::headline(&c, &same),
        "Agreed that it is too close to call: Hire a CIO, or Hire one leader for both roles"
    );
}
mod rounds;

#[test]
fn after_agreeing_together_the_alone_line_says_where_people_stood() {
    let tree = tree();
    let facts = facts(&tree, FACTS).unwrap();
    let group = |texts: &[&str]| {
        let people = texts
            .iter()
            .enumerate()
            .map(|(i, text)| person(&tree, &facts, &format!("P{i}"), text).unwrap())
            .collect();
        Combined::new(&tree, people).unwrap()
    };
    let same = |s: &str| s.to_string();
    assert_eq!(
        told::alone_line(&worked_example(), &same),
        "Answering alone, they had not agreed what this hire is for, some of them at opposite \
         ends; their answers leaned to Hire one leader for both roles."
    );
    assert_eq!(
        told::alone_line(&group(&[ANA, ANA, ANA]), &same),
        "Answering alone, everyone had already come to Hire a CTO."
    );
    assert_eq!(
        told::alone_line(&group(&[ANA, ANA, ANA, CAI]), &same),
        "Answering alone, 3 of 4 had already come to Hire a CTO."
    );
}
