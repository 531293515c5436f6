//! After the reveal: a second round, in which each person finds their own earlier views
//! offered (and nobody else's), and the interview the room answers together, with how each
//! person answered beside each question and a result of its own.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::{PEOPLE, answers, handed_over, key, screen};
use crate::tui::overlays::OverlayKind;
use crate::tui::room::Stage;
use crate::tui::screens::{Screen, ScreenKind};

#[test]
fn a_second_round_offers_each_person_their_own_views_and_keeps_both_rounds() {
    let (mut app, mut host) = handed_over(80, 24, 3);
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Combined);
    // A round writes a session for everyone, so `n` asks first; Esc starts nothing.
    key(&mut app, &mut host, KeyCode::Char('n'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::NextRound));
    let asked = screen(&app);
    assert!(asked.contains("Start round 2?"), "{asked}");
    assert_snapshot!("next_round_box_80x24", asked);
    key(&mut app, &mut host, KeyCode::Esc);
    assert!(app.overlay.is_none());
    assert_eq!(app.screen.kind(), ScreenKind::Combined);
    assert_eq!(app.shared.room.as_ref().map(|r| r.round), Some(1));
    key(&mut app, &mut host, KeyCode::Char('n'));
    key(&mut app, &mut host, KeyCode::Char('y'));
    assert_eq!(app.screen.kind(), ScreenKind::Handover);
    let shown = screen(&app);
    assert!(shown.contains("Round 2: your own answers"), "{shown}");
    assert!(shown.contains("round 2 · 0 of 3 finished"), "{shown}");
    assert_snapshot!("handover_round_2_80x24", shown);
    for (person, (name, _, file)) in PEOPLE.iter().enumerate() {
        let file = answers(file);
        key(&mut app, &mut host, KeyCode::Enter);
        // Every question opens on this person's own answer from round 1, marked ✓: Enter
        // keeps it.
        while app.screen.kind() == ScreenKind::Question {
            let q = app.shared.interview.current().expect("a question");
            let tree = app.shared.tree();
            let id = &tree.question(q).id;
            let own = file
                .iter()
                .find(|(question, _)| question == id)
                .and_then(|(_, c)| tree.choice_index(q, c))
                .unwrap_or_else(|| panic!("{name} has no answer to `{id}`"));
            let Screen::Question(question) = &app.screen else {
                unreachable!()
            };
            assert_eq!(question.choice, own, "{name} at `{id}`: their own answer");
            let shown = screen(&app);
            let marked = format!("{} ✓", tree.question(q).choices[own].label);
            assert!(shown.contains(&marked), "{name} at `{id}`:\n{shown}");
            key(&mut app, &mut host, KeyCode::Enter);
        }
        key(&mut app, &mut host, KeyCode::Right);
        let kept = host.kept[person].interview.as_ref().expect("answered");
        let before = host.earlier[0][person].interview.as_ref().expect("round 1");
        assert_eq!(kept.path(), before.path(), "{name} kept every answer");
    }
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Combined, "round 2 revealed");
    assert_eq!(host.earlier.len(), 1, "round 1 kept");
}

#[test]
fn agreeing_together_shows_how_each_answered_and_ends_on_the_agreed_result() {
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut app, mut host) = handed_over(width, height, 3);
        key(&mut app, &mut host, KeyCode::Enter);
        key(&mut app, &mut host, KeyCode::Char('a'));
        assert_eq!(
            app.shared.room.as_ref().map(|r| r.stage),
            Some(Stage::Agree)
        );
        assert_eq!(app.screen.kind(), ScreenKind::Question);
        let shown = screen(&app);
        for line in [
            "How each answered",
            "In round 1:",
            "Ana (CEO): Build technology",
            "Ben (CFO): Run and modernise",
            "Cai (COO): Change how we",
        ] {
            assert!(shown.contains(line), "{line}\n{shown}");
        }
        assert_snapshot!(format!("agree_{width}x{height}"), shown);
        // The room settles on Cai's answers: the agreed interview's own result is shown.
        let file = answers(PEOPLE[2].2);
        while app.screen.kind() == ScreenKind::Question {
            let q = app.shared.interview.current().expect("a question");
            let tree = app.shared.tree();
            let id = &tree.question(q).id;
            let c = file
                .iter()
                .find(|(question, _)| question == id)
                .and_then(|(_, c)| tree.choice_index(q, c))
                .unwrap_or_else(|| panic!("no answer to `{id}`"));
            key(
                &mut app,
                &mut host,
                KeyCode::Char(char::from(b'1' + c as u8)),
            );
        }
        assert!(!screen(&app).contains("hand the keyboard back"));
        key(&mut app, &mut host, KeyCode::Right);
        assert_eq!(app.screen.kind(), ScreenKind::Result, "the agreed result");
    }
}
