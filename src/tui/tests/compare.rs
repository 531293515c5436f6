//! A revealed workshop's screens: the combined result and the compare grid (with a question's
//! detail and the side panel) as snapshots at 80x24 and 120x40, for the worked example of
//! docs/workshop-format.md (a CTO, a CIO and one combined leader) and for four people; and the
//! flows a consultant takes through them: rows furthest apart first, Enter on a row, ← → in the
//! detail, scrolling, people's columns sideways, q and Esc.

use std::collections::BTreeMap;
use std::sync::Arc;

use crossterm::event::KeyCode;
use insta::assert_snapshot;
use techhire::answers;
use techhire::workshop::{Accord, Changed, Combined, Facts, Moved, Movement, Person};

use super::*;
use crate::tui::keys::Context;
use crate::tui::layout::compare::{Row, View};
use crate::tui::overlays::OverlayKind;
use crate::tui::reveal::Reveal;
use crate::tui::screens::compare::CompareScreen;

const FACTS: &str = include_str!("../../../tests/answers/workshop/facts.toml");
const ANA: &str = include_str!("../../../tests/answers/workshop/ana-ceo.toml");
const BEN: &str = include_str!("../../../tests/answers/workshop/ben-cfo.toml");
const CAI: &str = include_str!("../../../tests/answers/workshop/cai-coo.toml");
const DEE: &str = include_str!("../../../tests/answers/workshop/dee-board.toml");

/// The people of a workshop on the shipped tree with the worked example's facts.
fn combined(people: &[(&str, &str, &str)]) -> Combined {
    let tree = tree();
    let facts = answers::parse("facts.toml", FACTS).unwrap_or_else(|p| panic!("{}", p.render()));
    let facts = Facts::from_answers(&tree, &facts).unwrap_or_else(|p| panic!("{}", p.render()));
    let people = people
        .iter()
        .map(|&(name, role, text)| {
            let file = answers::parse(&format!("{name}.toml"), text)
                .unwrap_or_else(|p| panic!("{}", p.render()));
            let applied = facts
                .apply(&tree, &file)
                .unwrap_or_else(|p| panic!("{name}: {}", p.render()));
            Person {
                name: name.to_string(),
                role: Some(role.to_string()),
                interview: applied.interview,
            }
        })
        .collect();
    Combined::new(&tree, people).unwrap_or_else(|e| panic!("{e}"))
}

/// Ben's note for the room on what the hire is for.
fn notes() -> Vec<BTreeMap<String, String>> {
    let ben = BTreeMap::from([(
        "looking_for".to_string(),
        "Cost has to come down before anything else; the finance system is ten years old."
            .to_string(),
    )]);
    vec![BTreeMap::new(), ben]
}

fn three() -> Reveal {
    let c = combined(&[
        ("Ana", "CEO", ANA),
        ("Ben", "CFO", BEN),
        ("Cai", "COO", CAI),
    ]);
    Reveal::new(c, notes(), Vec::new())
}

fn four() -> Reveal {
    let c = combined(&[
        ("Ana", "CEO", ANA),
        ("Ben", "CFO", BEN),
        ("Cai", "COO", CAI),
        ("Dee", "Board", DEE),
    ]);
    Reveal::new(c, notes(), Vec::new())
}

/// Eight people, the most a room would hold: the four twice over, under other names.
fn eight() -> Reveal {
    let c = combined(&[
        ("Ana", "CEO", ANA),
        ("Ben", "CFO", BEN),
        ("Cai", "COO", CAI),
        ("Dee", "Board", DEE),
        ("Eve", "CMO", ANA),
        ("Fay", "CHRO", BEN),
        ("Gus", "Chair", CAI),
        ("Hal", "CRO", DEE),
    ]);
    Reveal::new(c, Vec::new(), Vec::new())
}

/// The workshop's screens for `reveal`, its result first.
fn workshop(reveal: Reveal, width: u16, height: u16) -> App {
    App::reveal(
        Arc::new(reveal),
        Some("Acme Ltd".into()),
        Vec::new(),
        Theme::named(ThemeName::Dark),
        width,
        height,
    )
}

/// The compare grid, straight from the result.
fn grid(reveal: Reveal, width: u16, height: u16) -> App {
    let mut app = workshop(reveal, width, height);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.screen.kind(), ScreenKind::Compare);
    app
}

fn compare(app: &App) -> &CompareScreen {
    match &app.screen {
        Screen::Compare(compare) => compare,
        _ => panic!("the compare screen is not shown"),
    }
}

#[test]
fn workshop_result_80x24() {
    assert_snapshot!(screen(&workshop(three(), 80, 24)));
}

#[test]
fn workshop_result_120x40() {
    assert_snapshot!(screen(&workshop(three(), 120, 40)));
}

#[test]
fn workshop_result_four_people_120x40() {
    assert_snapshot!(screen(&workshop(four(), 120, 40)));
}

#[test]
fn compare_grid_80x24() {
    assert_snapshot!(screen(&grid(three(), 80, 24)));
}

#[test]
fn compare_grid_with_the_panel_below_120x40() {
    assert_snapshot!(screen(&grid(three(), 120, 40)));
}

#[test]
fn compare_panel_in_the_grids_place_80x24() {
    let mut app = grid(three(), 80, 24);
    press(&mut app, KeyCode::Char('p'));
    assert_snapshot!(screen(&app));
}

#[test]
fn compare_detail_80x24() {
    let mut app = grid(three(), 80, 24);
    press(&mut app, KeyCode::Enter);
    assert_snapshot!(screen(&app));
}

#[test]
fn compare_detail_120x40() {
    let mut app = grid(three(), 120, 40);
    press(&mut app, KeyCode::Enter);
    assert_snapshot!(screen(&app));
}

#[test]
fn compare_four_people_80x24() {
    assert_snapshot!(screen(&grid(four(), 80, 24)));
}

#[test]
fn compare_four_people_with_the_panel_below_120x40() {
    assert_snapshot!(screen(&grid(four(), 120, 40)));
}

#[test]
fn compare_eight_people_with_the_panel_beside_120x40() {
    assert_snapshot!(screen(&grid(eight(), 120, 40)));
}

#[test]
fn compare_four_people_detail_120x40() {
    let mut app = grid(four(), 120, 40);
    press(&mut app, KeyCode::Enter);
    assert_snapshot!(screen(&app));
}

#[test]
fn rows_go_furthest_apart_first_then_the_facts() {
    let app = grid(three(), 80, 24);
    let c = &compare(&app).reveal.combined;
    let rows = &compare(&app).rows;
    let apart: Vec<i64> = rows
        .iter()
        .filter_map(|r| match r {
            Row::View(s) => Some(c.spreads[*s].points_apart),
            Row::Fact(_) => None,
        })
        .collect();
    assert_eq!(apart, [6, 5, 5, 4, 0], "the worked example's spreads");
    let first_fact = rows.iter().position(|r| matches!(r, Row::Fact(_)));
    assert_eq!(first_fact, Some(5), "the facts come after every view");
    assert!(rows[5..].iter().all(|r| matches!(r, Row::Fact(_))));
    // What the screen shows agrees: the first row is the question furthest apart, marked
    // split with its points; the one only Cai's answers led to is marked not asked, as are
    // Ana's and Ben's cells on it.
    let shown = screen(&app);
    let first = shown
        .lines()
        .find(|l| l.contains('›'))
        .expect("a highlighted row");
    assert!(
        first.contains("What do you most") && first.contains("split 6"),
        "{shown}"
    );
    let alone = shown
        .lines()
        .find(|l| l.contains("Will the work sit"))
        .expect("the row asked of Cai alone");
    assert_eq!(alone.matches("not asked").count(), 3, "{alone}");
    assert!(
        shown.contains("Facts, answered once for the company"),
        "{shown}"
    );
    assert_eq!(c.spreads[0].accord, Accord::Split);
}

#[test]
fn enter_opens_a_question_and_esc_goes_back_to_the_same_row() {
    let mut app = grid(three(), 80, 24);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(compare(&app).view, View::Detail { scroll: 0 });
    assert_eq!(app.context(), Context::CompareText);
    let shown = screen(&app);
    assert!(shown.contains("Whose experience"), "{shown}");
    assert!(shown.contains("counts toward"), "{shown}");
    // → goes to the next question in the grid's order, ← back.
    press(&mut app, KeyCode::Right);
    assert!(screen(&app).contains("Who will own cybersecurity?"));
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    assert_eq!(compare(&app).row, 0);
    assert!(screen(&app).contains("Ben (CFO): Run and modernise"));
    // Ben's note for the room is with his answer.
    assert!(screen(&app).contains("✎ Cost has to come down"));
    // Esc is back to the grid, not "leave?".
    press(&mut app, KeyCode::Esc);
    assert_eq!(compare(&app).view, View::Grid);
    assert_eq!(app.overlay_kind(), None);
    assert_eq!(compare(&app).row, 0);
    // q too; then q on the grid asks before leaving.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(compare(&app).view, View::Grid);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Quit));
    assert!(screen(&app).contains("Leave the workshop?"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.overlay_kind(), None);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.ending, Some(crate::tui::Ending::Quit));
}

#[test]
fn the_detail_says_what_would_settle_it_and_scrolls_to_the_end() {
    let mut app = grid(three(), 80, 24);
    press(&mut app, KeyCode::Enter);
    assert!(
        !screen(&app).contains("If everyone answered"),
        "below the fold"
    );
    press(&mut app, KeyCode::End);
    let shown = screen(&app);
    assert!(
        shown.contains("If everyone answered “Change how we work inside the business”"),
        "{shown}"
    );
    let scroll = compare(&app).scroll();
    assert!(scroll > 0);
    let max = compare(&app).plan.as_ref().map(|p| p.max_scroll());
    assert_eq!(Some(scroll), max, "no further than the text goes");
    press(&mut app, KeyCode::PageUp);
    assert!(compare(&app).scroll() < scroll);
    press(&mut app, KeyCode::Home);
    assert_eq!(compare(&app).scroll(), 0);
}

#[test]
fn moving_down_the_grid_keeps_the_row_in_view_and_the_facts_heading_with_it() {
    // 16 rows tall: the grid cannot show every row.
    let mut app = grid(four(), 80, 16);
    let last = compare(&app).rows.len() - 1;
    press(&mut app, KeyCode::End);
    assert_eq!(compare(&app).row, last);
    assert!(compare(&app).offset > 0, "scrolled to the last fact");
    let shown = screen(&app);
    assert!(shown.contains("Which senior technology"), "{shown}");
    press(&mut app, KeyCode::Home);
    assert_eq!((compare(&app).row, compare(&app).offset), (0, 0));
    // Page down moves the highlight a page, within the rows.
    press(&mut app, KeyCode::PageDown);
    assert!(compare(&app).row > 1);
    for _ in 0..40 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(compare(&app).row, last);
}

#[test]
fn people_who_do_not_fit_are_reached_sideways() {
    // Eight people at 80 columns: not everyone fits.
    let mut app = grid(eight(), 80, 24);
    // The column names are the third row (the caption under the grid names everyone).
    let names = |app: &App| screen(app).lines().nth(2).unwrap_or_default().to_string();
    let shown = names(&app);
    assert!(
        shown.contains("Ana (CEO)") && !shown.contains("Hal (CRO)"),
        "{shown}"
    );
    assert!(
        shown.trim_end_matches(['"', ' ']).ends_with('›'),
        "more people to the right: {shown}"
    );
    assert!(screen(&app).contains("←→ people"), "the footer offers them");
    for _ in 0..10 {
        press(&mut app, KeyCode::Right);
    }
    let shown = names(&app);
    assert!(
        shown.contains("Hal (CRO)") && !shown.contains("Ana (CEO)"),
        "{shown}"
    );
    assert!(shown.contains("‹ "), "more people to the left: {shown}");
    let first = compare(&app).first;
    assert!(first > 0);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(compare(&app).first, first - 1);
    // At 120x40 the panel goes beside the grid, or in its place with p.
    let mut wide = app;
    update(
        &mut wide,
        crate::tui::app::Action::Resize {
            width: 120,
            height: 40,
        },
    );
    press(&mut wide, KeyCode::Char('p'));
    assert!(screen(&wide).contains("How agreement is decided"));
}

#[test]
fn clicks_pick_a_row_and_open_it_and_the_result_is_one_key_away() {
    let mut app = grid(three(), 120, 40);
    let (column, row) = find(&app, "Who will own cybersecurity?");
    update(&mut app, crate::tui::app::Action::Click { column, row });
    assert_eq!(compare(&app).row, 2);
    update(&mut app, crate::tui::app::Action::Click { column, row });
    assert_eq!(compare(&app).view, View::Detail { scroll: 0 });
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.screen.kind(), ScreenKind::Combined);
    assert!(screen(&app).starts_with("\" Acme Ltd"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Compare);
}

#[test]
fn the_result_never_says_hire_when_leadership_is_not_agreed() {
    let app = workshop(three(), 80, 24);
    let shown = screen(&app);
    assert!(
        shown.contains("Leadership is not yet agreed on what this hire is for"),
        "{shown}"
    );
    let headline = shown.lines().nth(2).unwrap_or_default();
    assert!(
        !headline.trim_matches('"').trim().starts_with("Hire"),
        "{shown}"
    );
    // The help list opens on the workshop's keys.
    let mut app = app;
    press(&mut app, KeyCode::Char('?'));
    assert!(screen(&app).contains("The workshop's result"));
}

#[test]
fn an_early_reveal_says_who_is_not_in() {
    let c = combined(&[("Ana", "CEO", ANA), ("Ben", "CFO", BEN)]);
    let app = workshop(Reveal::new(c, Vec::new(), vec!["Cai".into()]), 80, 24);
    assert!(screen(&app).contains("Revealed early: Cai had not finished"));
    assert!(screen(&app).contains("2 people · revealed early"));
}

/// Round 2 of the worked example: Ben now wants the hire to change how the business works
/// inside (Cai's answer), the rest as before.
fn second_round() -> Reveal {
    const BEN_AGAIN: &str = r#"
looking_for = "transform_internal"
focus = "internal"
value_line = "bottom_line"
security_owner = "new_leader"
"#;
    let before = combined(&[
        ("Ana", "CEO", ANA),
        ("Ben", "CFO", BEN),
        ("Cai", "COO", CAI),
    ]);
    let now = combined(&[
        ("Ana", "CEO", ANA),
        ("Ben", "CFO", BEN_AGAIN),
        ("Cai", "COO", CAI),
    ]);
    let tree = &now.tree;
    let q = tree.question_index("looking_for").expect("looking_for");
    let choice = |id: &str| tree.choice_index(q, id);
    let people = (0..3)
        .map(|p| Moved {
            person: p,
            before: Some(before.voices[p].own.leaders.clone()),
            now: now.voices[p].own.leaders.clone(),
            changed: if p == 1 {
                vec![Changed {
                    question: q,
                    from: choice("run_core"),
                    to: choice("transform_internal"),
                }]
            } else {
                Vec::new()
            },
        })
        .collect();
    let movement = Movement {
        round_before: 1,
        people,
        before: Some(before),
    };
    Reveal::new(now, notes(), Vec::new()).in_round(2, Some(movement), None)
}

#[test]
fn workshop_result_second_round_120x40() {
    let mut app = workshop(second_round(), 120, 40);
    let shown = screen(&app);
    assert!(shown.contains("3 people · round 2 · revealed"), "{shown}");
    assert!(shown.contains("Round 2 · Alignment"), "{shown}");
    press(&mut app, KeyCode::End);
    assert_snapshot!(screen(&app));
}

#[test]
fn compare_second_round_marks_who_changed_what_120x40() {
    let mut app = grid(second_round(), 120, 40);
    let shown = screen(&app);
    assert!(
        shown.contains("↻ Change how"),
        "Ben's changed cell: {shown}"
    );
    assert!(
        shown.contains("Changed since round 1: Ben (CFO)."),
        "the caption: {shown}"
    );
    assert_snapshot!("compare_second_round_grid_120x40", shown);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(
        shown.contains("changed since round 1: it was “Run and modernise our core systems”"),
        "{shown}"
    );
    assert_snapshot!("compare_second_round_detail_120x40", shown);
}

#[test]
fn two_people_who_agree_are_told_so_and_every_row_is_agreed() {
    let c = combined(&[("Ana", "CEO", ANA), ("Eve", "CMO", ANA)]);
    let app = workshop(Reveal::new(c, Vec::new(), Vec::new()), 80, 24);
    let shown = screen(&app);
    assert!(shown.contains("Agreed: Hire a CTO"), "{shown}");
    assert!(!shown.contains("not yet agreed"), "{shown}");
    let mut app = app;
    press(&mut app, KeyCode::Char('c'));
    let shown = screen(&app);
    // Every view row's mark is "agreed" (rows start on the fifth line).
    for row in shown.lines().skip(4).take(4) {
        assert!(row.contains("… agreed "), "{row}");
    }
    assert_snapshot!("compare_two_people_agreed_80x24", shown);
    // Enter on an agreed row: nothing to settle, so no "if everyone answered".
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::End);
    assert!(!screen(&app).contains("If everyone answered"));
}

#[test]
fn what_the_room_agreed_together_is_on_the_result_and_in_the_panel() {
    let c = combined(&[
        ("Ana", "CEO", ANA),
        ("Ben", "CFO", BEN),
        ("Cai", "COO", CAI),
    ]);
    let agreed = c.voices[2].own.clone();
    let mut app = workshop(
        Reveal::new(c, Vec::new(), Vec::new()).in_round(2, None, Some(agreed)),
        120,
        40,
    );
    // The headline, kept in view, is what the room agreed; where people stood alone opens the
    // text under it.
    let top = screen(&app);
    assert!(
        top.contains("Agreed together: Hire one leader for both roles")
            && !top.contains("Leadership is not yet agreed")
            && top.contains("Answering alone, they had not agreed what this hire is for"),
        "{top}"
    );
    press(&mut app, KeyCode::End);
    let said = "Agreed together, answering as one room: Hire one leader for both roles.";
    assert!(screen(&app).contains(said), "{}", screen(&app));
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('p'));
    assert!(screen(&app).contains(said), "{}", screen(&app));
}

#[test]
fn every_view_draws_at_every_size_from_the_smallest_with_two_to_eight_people() {
    let two = || {
        let c = combined(&[("Ana", "CEO", ANA), ("Ben", "CFO", BEN)]);
        Reveal::new(c, notes(), vec!["Cai".into()])
    };
    let makers: [fn() -> Reveal; 4] = [two, three, four, eight];
    for make in makers {
        for (width, height) in [
            (60, 16),
            (61, 17),
            (80, 24),
            (100, 30),
            (120, 40),
            (200, 60),
        ] {
            let mut app = grid(make(), width, height);
            let people = compare(&app).reveal.combined.people();
            for keys in [
                &[][..],
                &[KeyCode::End, KeyCode::Right, KeyCode::Right][..],
                &[KeyCode::Enter, KeyCode::End][..],
                &[KeyCode::Esc, KeyCode::Char('p'), KeyCode::PageDown][..],
                &[KeyCode::Esc, KeyCode::Char('r'), KeyCode::End][..],
            ] {
                for &key in keys {
                    press(&mut app, key);
                }
                let shown = screen(&app);
                assert!(
                    shown.contains("people · revealed"),
                    "{people} people at {width}x{height}:\n{shown}"
                );
            }
        }
    }
}

#[test]
fn the_keys_on_a_workshop_screen_list_the_workshops_first() {
    let mut app = grid(three(), 120, 40);
    press(&mut app, KeyCode::Char('?'));
    let shown = screen(&app);
    let at = |title: &str| {
        shown
            .find(title)
            .unwrap_or_else(|| panic!("{title}: {shown}"))
    };
    assert!(at("Comparing answers") < at("The workshop's result"));
    assert!(at("The workshop's result") < at("A question in detail, or the panel"));
    assert!(at("A question in detail, or the panel") < at("Anywhere"));
    // The interview's keys come after, below the first screenful.
    assert!(!shown.contains("On a question"), "{shown}");
}
