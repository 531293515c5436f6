//! Rounds and the agreed interview: a second round keeps the first untouched and offers each
//! person their own views; the movement between rounds lists exactly the answers changed; the
//! agreed interview is the room's, and changes nobody's own result; a version 1 file is a
//! workshop in its first round.

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::session::{Session, SessionFile, read_path as read_session};
use crate::tree::Step;

/// The worked example revealed, each session saved in `folder`.
fn revealed_in(tree: &Arc<Tree>, folder: &Path) -> Workshop {
    let (mut w, sessions) = example_workshop(tree);
    for session in sessions {
        SessionFile::create_at(&folder.join(format!("{}.json", session.id)), session).unwrap();
    }
    w.reveal(at("2026-11-30T10:00:00Z"));
    w
}

/// A respondent's current session, resumed: the interview they see.
fn resume(tree: &Arc<Tree>, folder: &Path, session: &str) -> (Session, Interview) {
    let mut s = read_session(&folder.join(format!("{session}.json"))).unwrap();
    let stamp = s.tree.clone();
    let interview = s.reconcile(Arc::clone(tree), stamp).interview;
    (s, interview)
}

/// Answers a resumed session as an answers file says (the facts are settled already), and
/// saves it.
fn answer(tree: &Arc<Tree>, folder: &Path, session: &str, text: &str) {
    let (mut s, mut interview) = resume(tree, folder, session);
    let file = answers::parse("round.toml", text).unwrap();
    let mut problems = file.problems();
    let (steps, _) = file.resolve(tree, &mut problems);
    for (step, _) in steps {
        // Views in the order asked: each is the current question when its turn comes.
        while interview.current() != Some(step.question) && interview.current().is_some() {
            let offered = interview.selected().expect("an offered answer to keep");
            interview.answer(offered).unwrap();
        }
        if interview.current() == Some(step.question) {
            interview.answer(step.choice).unwrap();
        }
    }
    // Whatever is left, kept as offered.
    while let Some(kept) = interview.selected().filter(|_| !interview.is_finished()) {
        interview.answer(kept).unwrap();
    }
    s.record(&interview, at("2026-11-30T11:00:00Z"));
    let path = folder.join(format!("{session}.json"));
    let mut file = SessionFile::open(&path).unwrap();
    *file.session_mut() = s;
    file.save().unwrap();
}

fn sessions_of(w: &Workshop, folder: &Path) -> Vec<Session> {
    let (read, unreadable) = w.sessions_in(folder);
    assert!(unreadable.is_empty(), "{unreadable:?}");
    read
}

#[test]
fn a_second_round_keeps_the_first_and_offers_each_person_their_views() {
    let tree = tree();
    let dir = tempfile::tempdir().unwrap();
    let mut w = revealed_in(&tree, dir.path());
    let first: Vec<(String, Vec<u8>)> = w
        .respondents
        .iter()
        .map(|r| {
            let path = dir.path().join(format!("{}.json", r.session));
            (r.session.clone(), std::fs::read(path).unwrap())
        })
        .collect();
    assert_eq!(w.round(), 1);

    let respondents = w.start_round(&tree, stamp(&tree), dir.path()).unwrap();
    assert_eq!(w.round(), 2);
    assert_eq!(w.reveal, Reveal::Hidden);
    assert!(matches!(w.rounds[0].reveal, Reveal::Revealed { .. }));
    for (r, (old, bytes)) in respondents.iter().zip(&first) {
        assert_eq!(r.earlier, std::slice::from_ref(old));
        assert_ne!(&r.session, old);
        assert_eq!(r.status, Status::Invited);
        // Round 1's session is untouched.
        let path = dir.path().join(format!("{old}.json"));
        assert_eq!(&std::fs::read(path).unwrap(), bytes);
        // The new one: facts settled, the views offered, nothing given yet.
        let (session, interview) = resume(&tree, dir.path(), &r.session);
        assert_eq!(session.workshop.as_deref(), Some(w.id.as_str()));
        assert_eq!(status_of(&tree, &session), Status::Invited);
        let before = read_session(&dir.path().join(format!("{old}.json"))).unwrap();
        let views: Vec<_> = before
            .answers
            .iter()
            .filter(|a| !tree.is_fact(tree.question_index(&a.question).unwrap()))
            .cloned()
            .collect();
        assert_eq!(session.offered, views);
        let current = interview.current().unwrap();
        assert!(!tree.is_fact(current));
        assert!(interview.is_offered());
        let offered = before
            .answers
            .iter()
            .find(|a| tree.question_index(&a.question) == Some(current));
        assert_eq!(
            interview
                .selected()
                .map(|c| tree.question(current).choices[c].id.clone()),
            offered.map(|a| a.choice.clone())
        );
    }
    let file = dir.path().join("w.workshop.json");
    save(&file, &w).unwrap();
    assert_eq!(read_path(&file).unwrap(), w);

    // Hidden again: nothing combines, no further round, no agreement.
    let sessions = sessions_of(&w, dir.path());
    assert!(matches!(
        w.combine(&tree, &sessions),
        Err(JoinError::Hidden { finished: 0, .. })
    ));
    assert!(matches!(
        w.start_round(&tree, stamp(&tree), dir.path()),
        Err(KeepError::Change(ChangeError::NotRevealed { round: 2 }))
    ));
    assert!(matches!(
        w.agree(&tree, stamp(&tree), dir.path()),
        Err(KeepError::Change(ChangeError::NotRevealed { round: 2 }))
    ));
    // The facts stay as round 1 had them.
    assert_eq!(
        w.set_fact(&tree, "size", "over_5b", at("2026-11-30T11:00:00Z")),
        Err(ChangeError::Revealed)
    );
    // A round 1 session sent back late is not this round's.
    let late = read_session(&dir.path().join(format!("{}.json", first[1].0))).unwrap();
    let error = w.check_session(&late).unwrap_err();
    assert!(
        error.to_string().contains("Ben's session from round 1"),
        "{error}"
    );
}

#[test]
fn movement_names_every_changed_answer_and_the_group_before_and_now() {
    let tree = tree();
    let dir = tempfile::tempdir().unwrap();
    let mut w = revealed_in(&tree, dir.path());
    w.start_round(&tree, stamp(&tree), dir.path()).unwrap();
    let now: Vec<String> = w.respondents.iter().map(|r| r.session.clone()).collect();
    // Ana and Cai keep every answer; Ben comes round to Cai's view of the role.
    answer(&tree, dir.path(), &now[0], "");
    answer(&tree, dir.path(), &now[1], CAI);
    answer(&tree, dir.path(), &now[2], "");
    for id in &now {
        let (session, _) = resume(&tree, dir.path(), id);
        w.set_status(id, status_of(&tree, &session), at("2026-11-30T11:00:00Z"));
    }
    assert!(w.all_finished());
    w.reveal(at("2026-11-30T11:30:00Z"));
    let sessions = sessions_of(&w, dir.path());
    let revealed = w.combine(&tree, &sessions).unwrap();
    assert_eq!(revealed.round, 2);
    let m = revealed
        .movement
        .as_ref()
        .expect("round 2 moves from round 1");
    assert_eq!(m.round_before, 1);
    let ids = |o: &[usize]| super::ids(&tree, o);
    let own: Vec<(Option<Vec<String>>, Vec<String>)> = m
        .people
        .iter()
        .map(|p| (p.before.as_deref().map(ids), ids(&p.now)))
        .collect();
    assert_eq!(
        own,
        [
            (Some(vec!["cto".into()]), vec!["cto".into()]),
            (Some(vec!["cio".into()]), vec!["combined".into()]),
            (Some(vec!["combined".into()]), vec!["combined".into()]),
        ]
    );
    assert!(m.people[0].changed.is_empty() && m.people[2].changed.is_empty());
    let q = |id: &str| tree.question_index(id).unwrap();
    let c = |question: &str, choice: &str| tree.choice_index(q(question), choice);
    assert_eq!(
        m.people[1].changed,
        [
            Changed {
                question: q("looking_for"),
                from: c("looking_for", "run_core"),
                to: c("looking_for", "transform_internal"),
            },
            Changed {
                question: q("focus"),
                from: c("focus", "internal"),
                to: c("focus", "both_equal"),
            },
            Changed {
                question: q("digital_vs_tech"),
                from: None,
                to: c("digital_vs_tech", "both_ends"),
            },
            Changed {
                question: q("value_line"),
                from: c("value_line", "bottom_line"),
                to: c("value_line", "both_lines"),
            },
        ]
    );
    let before = m.before.as_ref().expect("everyone finished round 1");
    assert_eq!(before.alignment.agreement, Agreement::OppositeEnds);
    assert_eq!(before.together.totals, [16, 11, -2, 19]);
    // Ana at the CTO end, two for one leader: no longer opposite ends.
    assert_eq!(revealed.combined.alignment.agreement, Agreement::NotAgreed);

    let text = text::render_revealed(&revealed, 0);
    assert!(text.starts_with("Round 2\n"), "{text}");
    assert!(text.contains("\nSince round 1\n"), "{text}");
    assert!(
        text.contains("In round 1 the answers leaned to Hire one leader for both roles (not agreed: opposite ends); now they lean to"),
        "{text}"
    );
    assert!(
        text.contains(
            "1 of 3 people changed an answer, and 1 person's own recommendation changed."
        ),
        "{text}"
    );
    assert!(
        text.contains("Ana (CEO): still Hire a CTO; every answer as in round 1."),
        "{text}"
    );
    assert!(
        text.contains(
            "Ben (CFO): Hire a CIO in round 1, now Hire one leader for both roles; changed \u{201c}"
        ),
        "{text}"
    );
    assert!(text.contains("from not asked to \u{201c}"), "{text}");
    let doc = serde_json::to_value(json::revealed(&revealed)).unwrap();
    assert_eq!(doc["round"], 2);
    assert_eq!(doc["movement"]["round_before"], 1);
    assert_eq!(doc["movement"]["before"]["agreement"], "opposite_ends");
    assert_eq!(doc["movement"]["people"][1]["before"][0], "cio");
    assert_eq!(
        doc["movement"]["people"][1]["changed"][2]["from"],
        serde_json::Value::Null
    );
    assert_eq!(
        doc["movement"]["people"][1]["changed"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert!(doc.get("agreed").is_none());
}

#[test]
fn the_room_agrees_together_after_a_reveal_and_changes_nobodys_own_result() {
    let tree = tree();
    let dir = tempfile::tempdir().unwrap();
    let (mut hidden, _) = example_workshop(&tree);
    assert!(matches!(
        hidden.agree(&tree, stamp(&tree), dir.path()),
        Err(KeepError::Change(ChangeError::NotRevealed { round: 1 }))
    ));
    let mut w = revealed_in(&tree, dir.path());
    let before = w
        .combine(&tree, &sessions_of(&w, dir.path()))
        .unwrap()
        .combined;
    let id = w.agree(&tree, stamp(&tree), dir.path()).unwrap();
    assert_eq!(
        w.agreed
            .as_ref()
            .map(|a| (a.session.as_str(), a.after_round)),
        Some((id.as_str(), 1))
    );
    // Asked again, the same one.
    assert_eq!(w.agree(&tree, stamp(&tree), dir.path()).unwrap(), id);
    // Started, not finished: no agreed result yet.
    let revealed = w.combine(&tree, &sessions_of(&w, dir.path())).unwrap();
    assert_eq!(revealed.agreed, None);
    // The room settles on Cai's answers.
    answer(&tree, dir.path(), &id, CAI);
    let revealed = w.combine(&tree, &sessions_of(&w, dir.path())).unwrap();
    let agreed = revealed.agreed.as_ref().expect("the room finished");
    assert_eq!(super::ids(&tree, &agreed.leaders), ["combined"]);
    for (v, was) in revealed.combined.voices.iter().zip(&before.voices) {
        assert_eq!(v.own, was.own);
    }
    // What the room sees beside a question.
    let looking_for = tree.question_index("looking_for").unwrap();
    let beside: Vec<(String, Option<String>)> = revealed
        .combined
        .answers_to(looking_for)
        .into_iter()
        .map(|(v, c)| {
            (
                v.display_name(),
                c.map(|c| tree.question(looking_for).choices[c].id.clone()),
            )
        })
        .collect();
    assert_eq!(
        beside,
        [
            ("Ana (CEO)".into(), Some("market_products".into())),
            ("Ben (CFO)".into(), Some("run_core".into())),
            ("Cai (COO)".into(), Some("transform_internal".into())),
        ]
    );
    let text = text::render_revealed(&revealed, 0);
    assert!(
        text.contains("\nAgreed together\n  Agreed together, answering as one room: Hire one leader for both roles.\n"),
        "{text}"
    );
    let doc = serde_json::to_value(json::revealed(&revealed)).unwrap();
    assert_eq!(doc["agreed"]["recommendation"][0], "combined");
    // Once agreed, the rounds are closed.
    assert!(matches!(
        w.start_round(&tree, stamp(&tree), dir.path()),
        Err(KeepError::Change(ChangeError::AlreadyAgreed(_)))
    ));
    // Its session belongs to the workshop, and its report need not wait.
    let file = w.path_in(dir.path());
    save(&file, &w).unwrap();
    assert_eq!(holding(dir.path(), &id).map(|h| h.id), Some(w.id.clone()));
    let (session, _) = resume(&tree, dir.path(), &id);
    assert_eq!(waits_for(dir.path(), &session), None);
}

#[test]
fn a_version_1_file_is_a_workshop_in_its_first_round() {
    let bytes = include_bytes!("../../../tests/fixtures/workshops/example.workshop.json");
    let w = parse("example.workshop.json", bytes).unwrap();
    assert_eq!(w.version(), 1);
    assert_eq!(w.round(), 1);
    assert!(w.rounds.is_empty() && w.agreed.is_none());
    assert!(w.respondents.iter().all(|r| r.earlier.is_empty()));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.workshop.json");
    save(&path, &w).unwrap();
    let again = read_path(&path).unwrap();
    assert_eq!(again.version(), VERSION);
    assert_eq!(again.respondents, w.respondents);
    let v2 = include_bytes!("../../../tests/fixtures/workshops/rounds.workshop.json");
    let w = parse("rounds.workshop.json", v2).unwrap();
    assert_eq!(w.round(), 2);
    assert!(w.agreed.is_some());
}

#[test]
fn a_broken_round_record_is_refused_naming_the_file() {
    let v2 = std::str::from_utf8(include_bytes!(
        "../../../tests/fixtures/workshops/rounds.workshop.json"
    ))
    .unwrap();
    // A session named in two rounds.
    let w: serde_json::Value = serde_json::from_str(v2).unwrap();
    let mut twice = w.clone();
    let first = twice["respondents"][0]["session"].clone();
    twice["respondents"][0]["earlier"][0] = first;
    let error = parse("twice.json", twice.to_string().as_bytes()).unwrap_err();
    assert!(error.to_string().contains("twice.json"), "{error}");
    assert!(error.to_string().contains("named twice"), "{error}");
    // More earlier sessions than rounds.
    let mut more = w.clone();
    more["respondents"][0]["earlier"]
        .as_array_mut()
        .unwrap()
        .push("zz1".into());
    let error = parse("more.json", more.to_string().as_bytes()).unwrap_err();
    assert!(error.to_string().contains("earlier rounds"), "{error}");
    // An earlier round's early reveal waiting for a session the workshop never had.
    let mut stranger = w.clone();
    stranger["rounds"][0]["reveal"]["waiting"][0] = "zz9".into();
    let error = parse("stranger.json", stranger.to_string().as_bytes()).unwrap_err();
    assert!(
        error.to_string().contains("waits for session `zz9`"),
        "{error}"
    );
}

/// One person's views as steps, from picks over [`views`].
fn picked(tree: &Tree, pick: &[prop::sample::Index]) -> Vec<Step> {
    views(tree)
        .iter()
        .zip(pick)
        .map(|(&(question, n), i)| Step {
            question,
            choice: i.index(n),
        })
        .collect()
}

/// Answers a respondent's current session with these views, keeping every offered answer
/// that `views` does not replace.
fn answer_steps(tree: &Arc<Tree>, folder: &Path, session: &str, views: &[Step]) {
    let (mut s, mut interview) = resume(tree, folder, session);
    while let Some(q) = interview.current() {
        let choice = views
            .iter()
            .find(|s| s.question == q)
            .map(|s| s.choice)
            .or(interview.selected())
            .unwrap_or(0);
        interview.answer(choice).unwrap();
    }
    s.record(&interview, at("2026-11-30T11:00:00Z"));
    let mut file = SessionFile::open(&folder.join(format!("{session}.json"))).unwrap();
    *file.session_mut() = s;
    file.save().unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Any two rounds: round 1's sessions are never changed by round 2, the movement lists
    /// exactly the view answers on each person's path that differ, and the agreed interview,
    /// whatever the room answers, changes nobody's own result.
    #[test]
    fn rounds_keep_earlier_answers_and_movement_lists_exactly_the_changes(
        first in prop::collection::vec(prop::collection::vec(any::<prop::sample::Index>(), 5), 2..4),
        second in prop::collection::vec(prop::collection::vec(any::<prop::sample::Index>(), 5), 4),
        room in prop::collection::vec(any::<prop::sample::Index>(), 5),
    ) {
        let tree = tree();
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        let now = at("2026-11-30T09:00:00Z");
        let mut w = Workshop::new(stamp(&tree), None, None);
        for line in FACTS.lines().filter(|l| !l.starts_with('#')) {
            let (q, c) = line.split_once(" = ").unwrap();
            w.set_fact(&tree, q, c.trim_matches('"'), now).unwrap();
        }
        for (p, pick) in first.iter().enumerate() {
            let r = w.add_respondent(&format!("P{p}"), None, now).unwrap().clone();
            let session = w.session_for(&r, &tree, stamp(&tree)).unwrap();
            SessionFile::create_at(&folder.join(format!("{}.json", r.session)), session).unwrap();
            answer_steps(&tree, folder, &r.session, &picked(&tree, pick));
            w.set_status(&r.session, Status::Finished, now);
        }
        w.reveal(now);
        let round_one = w.combine(&tree, &sessions_of(&w, folder)).unwrap().combined;
        let files: Vec<Vec<u8>> = w.respondents.iter()
            .map(|r| std::fs::read(folder.join(format!("{}.json", r.session))).unwrap())
            .collect();
        w.start_round(&tree, stamp(&tree), folder).unwrap();
        // Round 2: each person changes some views (picks past the first few keep theirs).
        let ids: Vec<String> = w.respondents.iter().map(|r| r.session.clone()).collect();
        for (p, id) in ids.iter().enumerate() {
            let changes: Vec<Step> = picked(&tree, &second[p]).into_iter().take(p + 1).collect();
            answer_steps(&tree, folder, id, &changes);
            w.set_status(id, Status::Finished, now);
        }
        w.reveal(now);
        for (r, bytes) in w.respondents.iter().zip(&files) {
            let path = folder.join(format!("{}.json", r.earlier[0]));
            prop_assert_eq!(&std::fs::read(path).unwrap(), bytes);
        }
        let revealed = w.combine(&tree, &sessions_of(&w, folder)).unwrap();
        let m = revealed.movement.as_ref().unwrap();
        for (p, moved) in m.people.iter().enumerate() {
            let (was, is) = (&round_one.voices[p], &revealed.combined.voices[p]);
            let expected: Vec<Changed> = (0..tree.questions().len())
                .filter(|&q| !tree.is_fact(q))
                .filter(|&q| was.answer_on_path(q) != is.answer_on_path(q))
                .map(|q| Changed { question: q, from: was.answer_on_path(q), to: is.answer_on_path(q) })
                .collect();
            prop_assert_eq!(&moved.changed, &expected);
            prop_assert_eq!(moved.before.as_ref(), Some(&was.own.leaders));
            prop_assert_eq!(&moved.now, &is.own.leaders);
        }
        prop_assert_eq!(
            m.before.as_ref().map(|b| b.together.totals.clone()),
            Some(round_one.together.totals.clone())
        );
        // The room answers together; nobody's own result moves.
        let own: Vec<_> = revealed.combined.voices.iter().map(|v| v.own.clone()).collect();
        let together = revealed.combined.together.clone();
        drop(revealed);
        let agreed = w.agree(&tree, stamp(&tree), folder).unwrap();
        answer_steps(&tree, folder, &agreed, &picked(&tree, &room));
        let after = w.combine(&tree, &sessions_of(&w, folder)).unwrap();
        prop_assert!(after.agreed.is_some());
        let own_after: Vec<_> = after.combined.voices.iter().map(|v| v.own.clone()).collect();
        prop_assert_eq!(own, own_after);
        prop_assert_eq!(&after.combined.together, &together);
    }
}

#[test]
fn while_a_later_round_is_hidden_the_round_before_can_still_be_shown() {
    let tree = tree();
    let dir = tempfile::tempdir().unwrap();
    let mut w = revealed_in(&tree, dir.path());
    assert!(
        w.round_before().is_none(),
        "the first round has none before it"
    );
    let sessions = sessions_of(&w, dir.path());
    let first = w.combine(&tree, &sessions).unwrap().combined;
    w.start_round(&tree, stamp(&tree), dir.path()).unwrap();
    w.add_respondent("Dee", Some("Board"), at("2026-11-30T10:30:00Z"))
        .unwrap();
    assert!(!w.is_revealed());
    // Dee's session is not in this folder (she has not been sent hers yet).
    let (sessions, _) = w.sessions_in(dir.path());
    assert!(w.combine(&tree, &sessions).is_err(), "round 2 is hidden");
    let before = w.round_before().expect("round 1");
    assert_eq!((before.round(), before.is_revealed()), (1, true));
    // Round 1 exactly as it was revealed: the same people (not Dee, who joined in round 2),
    // the same scores and alignment, and nothing of round 2.
    let shown = before.combine(&tree, &sessions).unwrap();
    assert_eq!(shown.round, 1);
    assert!(shown.movement.is_none() && shown.agreed.is_none());
    assert_eq!(shown.combined.voices, first.voices);
    assert_eq!(shown.combined.alignment, first.alignment);
    assert!(before.respondents.iter().all(|r| r.name != "Dee"));
}
