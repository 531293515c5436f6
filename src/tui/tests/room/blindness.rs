//! Blindness: no earlier person's answer, note or result reaches the screen during the next
//! person's turn (or the handover before it), checked on every frame of a key-by-key flow
//! through three people whose answers differ; and the same checks catch a host that leaks.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{Leak, PEOPLE, RoomHost, answer_the_facts, answers, key, key_with, room_app, screen};
use crate::tui::app::App;
use crate::tui::room::Stage;
use crate::tui::screens::ScreenKind;

/// What one person gave in their turn, as the screen would show it.
#[derive(Default)]
struct Given {
    name: String,
    /// The labels of the answers they chose to questions of view.
    labels: Vec<String>,
    /// The note they wrote.
    note: String,
    /// The questions they have answered so far, and how many.
    answered: Vec<usize>,
}

/// Checks one frame drawn during `me`'s turn (or the handover before it) against everything
/// the people before gave; each problem says what showed.
fn check(app: &App, before: &[Given], me: &Given, highlight: Option<usize>, out: &mut Vec<String>) {
    let shown = screen(app);
    let at = format!("{}'s turn, {:?}", me.name, app.screen.kind());
    let mut problem = |what: String| out.push(format!("{at}: {what}\n{shown}"));
    if app.screen.kind() == ScreenKind::Result {
        problem("a result is on screen".into());
    }
    for outcome in app.shared.tree().outcomes() {
        let summary: String = outcome.summary.chars().take(40).collect();
        if shown.contains(&summary) {
            problem(format!("the result “{}” is on screen", outcome.label));
        }
    }
    for earlier in before {
        let note: String = earlier.note.chars().take(24).collect();
        if shown.contains(&note) {
            problem(format!("{}'s note is on screen", earlier.name));
        }
        // Where no choices are listed, no label of theirs may show unless it is also mine.
        let lists_choices = app.screen.kind() == ScreenKind::Question;
        for label in earlier.labels.iter().filter(|l| !me.labels.contains(l)) {
            if !lists_choices && shown.contains(label.as_str()) {
                problem(format!("{}'s answer “{label}” is on screen", earlier.name));
            }
        }
    }
    let question = app.shared.interview.current();
    let mine = |q| me.answered.contains(&q);
    match app.screen.kind() {
        ScreenKind::Question => {
            // The ✓ of an answer given, only on a question I answered.
            if shown.contains('✓') && !question.is_some_and(mine) {
                problem("an answer is marked ✓ that is not theirs".into());
            }
            // The highlight only where my own keys put it.
            let row = shown.lines().find_map(|l| {
                let at = l.find("❯ ")?;
                l[at + "❯ ".len()..].chars().next()?.to_digit(10)
            });
            if let Some(expected) = highlight
                && row != Some(expected as u32 + 1)
            {
                problem(format!("the highlight is on {row:?}, not {}", expected + 1));
            }
        }
        ScreenKind::Handover if shown.contains('✓') => problem("a ✓ on the handover".into()),
        _ => {}
    }
    // The progress counts my answers alone.
    let head = shown.lines().next().unwrap_or_default();
    let count = format!("{} answered", me.answered.len());
    if matches!(app.screen.kind(), ScreenKind::Question | ScreenKind::Review)
        && !head.contains(&count)
    {
        problem(format!("the progress is not “{count}”: {head}"));
    }
}

/// Runs the room through everyone, key by key, checking every frame; returns the problems.
fn run_room(leak: Leak) -> Vec<String> {
    let mut app = room_app(80, 24);
    let mut host = RoomHost::new(leak);
    answer_the_facts(&mut app, &mut host);
    let mut before: Vec<Given> = Vec::new();
    let mut problems = Vec::new();
    for (person, (name, _, file)) in PEOPLE.iter().enumerate() {
        let file = answers(file);
        let mut me = Given {
            name: (*name).into(),
            note: format!("{name} alone thinks the board wants this hire for growth"),
            ..Given::default()
        };
        assert_eq!(app.screen.kind(), ScreenKind::Handover, "{name}");
        check(&app, &before, &me, None, &mut problems);
        key(&mut app, &mut host, KeyCode::Enter);
        let mut highlight = 0;
        while app.screen.kind() == ScreenKind::Question {
            check(&app, &before, &me, Some(highlight), &mut problems);
            let q = app
                .shared
                .interview
                .current()
                .expect("a question on screen");
            let tree = app.shared.tree();
            let id = &tree.question(q).id;
            let wanted = file
                .iter()
                .find(|(question, _)| question == id)
                .and_then(|(_, c)| tree.choice_index(q, c))
                .unwrap_or_else(|| panic!("{name} has no answer to `{id}`"));
            let label = tree.question(q).choices[wanted].label.clone();
            if me.answered.is_empty() {
                key(&mut app, &mut host, KeyCode::Char('n'));
                for c in me.note.clone().chars() {
                    key(&mut app, &mut host, KeyCode::Char(c));
                    check(&app, &before, &me, None, &mut problems);
                }
                key_with(
                    &mut app,
                    &mut host,
                    KeyCode::Char('s'),
                    KeyModifiers::CONTROL,
                );
                check(&app, &before, &me, Some(highlight), &mut problems);
            }
            if me.answered.len().is_multiple_of(2) {
                while highlight != wanted {
                    let down = highlight < wanted;
                    key(
                        &mut app,
                        &mut host,
                        if down { KeyCode::Down } else { KeyCode::Up },
                    );
                    highlight = if down { highlight + 1 } else { highlight - 1 };
                    check(&app, &before, &me, Some(highlight), &mut problems);
                }
                key(&mut app, &mut host, KeyCode::Enter);
            } else {
                key(
                    &mut app,
                    &mut host,
                    KeyCode::Char(char::from(b'1' + wanted as u8)),
                );
            }
            me.answered.push(q);
            me.labels.push(label);
            // Going forward only, each next question is new to me: it opens on its first choice.
            highlight = 0;
            assert!(me.answered.len() <= 30, "{name}'s interview never ended");
        }
        // My review, then handing the keyboard back: no result.
        assert_eq!(app.screen.kind(), ScreenKind::Review, "{name}");
        check(&app, &before, &me, None, &mut problems);
        key(&mut app, &mut host, KeyCode::Right);
        assert_eq!(
            app.shared.room.as_ref().map(|r| r.stage),
            Some(Stage::Between),
            "{name} handed back"
        );
        if leak == Leak::None {
            assert_eq!(
                host.kept[person].notes.len(),
                1,
                "{name}'s note is in their session"
            );
        }
        before.push(me);
    }
    // Everyone has answered: the next frames are the last handover and the reveal.
    let nobody = Given {
        name: "the consultant".into(),
        ..Given::default()
    };
    check(&app, &before, &nobody, None, &mut problems);
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Combined);
    assert_eq!(host.early, Some(false), "revealed as planned");
    problems
}

#[test]
fn no_earlier_answer_note_or_result_reaches_the_screen_in_the_next_turn() {
    let problems = run_room(Leak::None);
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_checks_catch_a_host_that_hands_one_person_the_last_ones_session() {
    let found = |problems: &[String], what: &str| {
        problems.iter().any(|p| {
            p.starts_with("Ben's turn") && p.lines().next().is_some_and(|l| l.contains(what))
        })
    };
    // Finished: Ana's answers in Ben's review, and her count in his progress.
    let problems = run_room(Leak::Finished);
    for what in ["Ana's answer", "the progress is not"] {
        assert!(
            found(&problems, what),
            "unseen: {what}\n{}",
            problems.join("\n\n")
        );
    }
    // At her first question: her note, her ✓, the highlight on her answer, her count.
    let problems = run_room(Leak::Rewound);
    for what in [
        "Ana's note",
        "marked ✓",
        "the highlight is on",
        "the progress is not",
    ] {
        assert!(
            found(&problems, what),
            "unseen: {what}\n{}",
            problems.join("\n\n")
        );
    }
}
