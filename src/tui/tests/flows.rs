//! Whole interviews driven by keys (and a few clicks), asserting where the user ends up and
//! what the screen says.

use crossterm::event::{KeyCode, KeyModifiers};
use techhire::Interview;

use super::*;
use crate::tui::app::{Action, Ending};
use crate::tui::overlays::OverlayKind;

/// Drives an interview from an answers file through the review to the result, and returns the
/// recommended outcome's id.
fn recommend(name: &str) -> (App, String) {
    let mut app = app(80, 24);
    answer_from(&mut app, &answers(name));
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Review,
        "{name}: the review follows the last answer"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Result,
        "{name}: Enter on the review opens the result"
    );
    let result = result(&app).expect("the result screen has a result");
    let id = app.shared.tree().outcome(result.outcome).id.clone();
    (app, id)
}

#[test]
fn each_answers_file_reaches_its_outcome_on_screen() {
    for (file, outcome, headline) in [
        ("cio", "cio", "Recommendation: Hire a CIO"),
        ("cto", "cto", "Recommendation: Hire a CTO"),
        ("both", "both", "Recommendation: Have both a CIO and a CTO"),
        (
            "combined",
            "combined",
            "Recommendation: Hire one leader for both roles",
        ),
    ] {
        let (app, id) = recommend(file);
        assert_eq!(id, outcome, "{file}");
        let shown = screen(&app);
        assert!(shown.contains(headline), "{file}:\n{shown}");
    }
}

#[test]
fn the_close_call_is_flagged_in_the_headline() {
    let (app, _) = recommend("close_call");
    let shown = screen(&app);
    assert!(
        shown.contains("A close call. “Hire a CTO” came a close second"),
        "{shown}"
    );
}

#[test]
fn back_shows_the_answer_given_and_forward_keeps_it() {
    let mut app = app(80, 24);
    press_keys(&mut app, "12"); // run_core, then external
    assert_eq!(current_id(&app), "value_line");
    press(&mut app, KeyCode::Left);
    assert_eq!(current_id(&app), "focus");
    assert_eq!(choice(&app), 1, "the answer given is highlighted");
    assert!(screen(&app).contains("❯ 2  Our customers and the market ✓"));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(current_id(&app), "looking_for");
    press(&mut app, KeyCode::Left);
    assert_eq!(
        app.shared.notice.as_deref(),
        Some("This is the first question.")
    );
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(current_id(&app), "value_line");
    press(&mut app, KeyCode::Right);
    assert_eq!(
        current_id(&app),
        "value_line",
        "nothing to go forward over yet"
    );
    assert_eq!(
        app.shared.notice.as_deref(),
        Some("Choose an answer to go on.")
    );
}

#[test]
fn changing_an_earlier_answer_takes_the_new_branch() {
    let mut app = app(80, 24);
    press_keys(&mut app, "11"); // run_core, internal: digital_vs_tech is skipped
    assert_eq!(current_id(&app), "value_line");
    press(&mut app, KeyCode::Left);
    press_keys(&mut app, "4"); // not sure: one more question to tease it apart
    assert_eq!(current_id(&app), "digital_vs_tech");
}

#[test]
fn a_change_made_from_the_review_returns_to_the_review() {
    let mut app = app(80, 24);
    answer_from(&mut app, &answers("cio"));
    assert_eq!(app.screen.kind(), ScreenKind::Review);
    let focus = app.shared.tree().question_index("focus").expect("focus");
    let row = app
        .shared
        .interview
        .path()
        .iter()
        .position(|s| s.question == focus)
        .expect("on path");
    press(&mut app, KeyCode::Home);
    for _ in 0..row {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    assert_eq!(current_id(&app), "focus");
    assert_eq!(choice(&app), 0, "the answer given is highlighted");
    assert!(screen(&app).contains("changing an answer: ✓ marks the one given"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter); // external: the rest of the path is already answered
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Review,
        "back to the review once the path is complete"
    );
    assert!(screen(&app).contains("Our customers and the market"));
    press(&mut app, KeyCode::Right);
    // The screen agrees with the engine given the same answers.
    let tree = tree();
    let mut expected = Interview::new(tree.clone());
    expected.restore(answers("cio").iter().map(|(q, c)| {
        let question = tree.question_index(q).expect("question");
        let c = if q == "focus" { "external" } else { c };
        let choice = tree.choice_index(question, c).expect("choice");
        techhire::Step { question, choice }
    }));
    let expected = expected.result().expect("finished");
    assert_eq!(result(&app).map(|r| r.outcome), Some(expected.outcome));
}

#[test]
fn a_change_from_the_review_that_opens_a_branch_asks_it_then_returns() {
    let mut app = app(80, 24);
    answer_from(&mut app, &answers("cio"));
    let answered = app.shared.interview.path().len();
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "focus");
    press_keys(&mut app, "3"); // both: digital_vs_tech now needs an answer
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    assert_eq!(current_id(&app), "digital_vs_tech");
    press_keys(&mut app, "1"); // the questions after it are answered already
    assert_eq!(app.screen.kind(), ScreenKind::Review);
    assert_eq!(app.shared.interview.path().len(), answered + 1);
}

#[test]
fn the_result_goes_back_to_the_review_and_the_review_to_the_last_question() {
    let (mut app, _) = recommend("cto");
    press(&mut app, KeyCode::Left);
    assert_eq!(app.screen.kind(), ScreenKind::Review);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    assert_eq!(current_id(&app), "security_owner");
}

#[test]
fn the_result_scrolls_within_its_length() {
    let (mut app, _) = recommend("both");
    let top = screen(&app);
    press(&mut app, KeyCode::PageDown);
    assert!(result_scroll(&app) > 0);
    assert_ne!(screen(&app), top);
    press(&mut app, KeyCode::End);
    let bottom = result_scroll(&app);
    assert!(screen(&app).contains("Sources"));
    press(&mut app, KeyCode::Down);
    assert_eq!(result_scroll(&app), bottom, "no scrolling past the end");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(result_scroll(&app), 0);
    assert_eq!(screen(&app), top);
}

#[test]
fn the_guidance_for_both_and_combined_has_its_own_section() {
    for (file, section) in [
        ("both", "How the two should work together"),
        ("combined", "When to split the role"),
    ] {
        let (mut app, _) = recommend(file);
        let mut seen = screen(&app);
        while !seen.contains(section) {
            let before = result_scroll(&app);
            press(&mut app, KeyCode::PageDown);
            seen = screen(&app);
            if result_scroll(&app) == before {
                break;
            }
        }
        assert!(seen.contains(section), "{file}: no “{section}”");
    }
}

#[test]
fn quitting_asks_first_and_ctrl_c_does_not() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Quit));
    assert!(screen(&app).contains("Leave the interview?"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!((app.overlay_kind(), app.ending), (None, None));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!((app.overlay_kind(), app.ending), (None, None));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.ending, Some(Ending::Quit));

    let mut app = super::app(80, 24);
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(app.ending, Some(Ending::Interrupted));
}

#[test]
fn ctrl_z_asks_the_loop_to_suspend_and_changes_nothing_else() {
    let mut app = app(80, 24);
    press_keys(&mut app, "1");
    press_with(&mut app, KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert!(app.suspend);
    assert_eq!((app.ending, app.shared.interview.path().len()), (None, 1));
}

#[test]
fn the_help_overlay_opens_closes_and_swallows_keys() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay_kind(), Some(OverlayKind::Help));
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(
        app.shared.interview.path().len(),
        0,
        "keys under the overlay do nothing"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!((app.overlay_kind(), app.ending), (None, None));
}

#[test]
fn a_digit_with_no_choice_says_so() {
    let mut app = app(80, 24);
    press_keys(&mut app, "1"); // focus has four choices
    press_keys(&mut app, "7");
    assert_eq!(current_id(&app), "focus");
    assert_eq!(
        app.shared.notice.as_deref(),
        Some("There are 4 choices here: press 1 to 4.")
    );
    assert!(screen(&app).contains("There are 4 choices here"));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.shared.notice, None, "a notice lasts one key");
}

#[test]
fn a_window_too_small_says_so_and_ignores_keys_until_it_grows() {
    let mut app = app(80, 24);
    update(
        &mut app,
        Action::Resize {
            width: 50,
            height: 12,
        },
    );
    assert!(screen(&app).contains("Make the window larger"));
    press_keys(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.shared.interview.path().len(), 0);
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    press_keys(&mut app, "1");
    assert_eq!(app.shared.interview.path().len(), 1);
}

#[test]
fn a_click_highlights_a_choice_and_a_second_click_answers() {
    let mut app = app(100, 30);
    let (column, row) = find(&app, "Get our data and security in order");
    update(&mut app, Action::Click { column, row });
    assert_eq!((choice(&app), app.shared.interview.path().len()), (2, 0));
    update(&mut app, Action::Click { column, row });
    assert_eq!(app.shared.interview.path().len(), 1);
    assert_eq!(current_id(&app), "focus");
    // A click on a detail line counts for its choice.
    let (column, row) = find(&app, "The people and businesses who buy from us");
    update(&mut app, Action::Click { column, row });
    assert_eq!(choice(&app), 1);
}

#[test]
fn the_wheel_scrolls_why_this_matters_and_moves_through_choices() {
    let mut app = app(80, 24);
    let (column, row) = find(&app, "I ask every client this first");
    update(
        &mut app,
        Action::Wheel {
            down: true,
            column,
            row,
        },
    );
    assert!(help_scroll(&app) > 0, "the help scrolled");
    assert_eq!(choice(&app), 0);
    let (column, row) = find(&app, "Run and modernise");
    update(
        &mut app,
        Action::Wheel {
            down: true,
            column,
            row,
        },
    );
    assert_eq!(
        choice(&app),
        1,
        "over the choices the wheel moves the highlight"
    );
}

#[test]
fn a_click_on_the_review_opens_an_answer_on_the_second_click() {
    let mut app = app(100, 30);
    answer_from(&mut app, &answers("combined"));
    let (column, row) = find(&app, "Whose experience will this leader");
    update(&mut app, Action::Click { column, row });
    assert_eq!(app.screen.kind(), ScreenKind::Review);
    update(&mut app, Action::Click { column, row });
    assert_eq!(current_id(&app), "focus");
}

#[test]
fn m_turns_the_mouse_off_and_on_and_says_so() {
    let mut app = app(80, 24);
    assert!(app.mouse);
    press_keys(&mut app, "m");
    assert!(!app.mouse);
    assert!(screen(&app).contains("Mouse off: the terminal selects text again"));
    press_keys(&mut app, "m");
    assert!(app.mouse);
}

/// A small tree whose texts carry an escape sequence, a bidi override, CJK and emoji.
const UNUSUAL: &str = r#"
[meta]
title = "Wide 🚀 and \u001b[2J hostile"
version = "1"
start = "q"

[[outcomes]]
id = "a"
label = "採用する \u001b]52;c;cGF3bmVk\u0007"
summary = "s"
owns = ["o"]
priorities = ["p"]
profile = "p"
risks = ["r"]
next_steps = ["n"]

[[questions]]
id = "q"
prompt = "技術責任者を採用するべきですか、それとも外部のパートナーに任せるべきですか？ admin\u202etxt"
help = "🚀🚀🚀 help"

[[questions.choices]]
id = "c"
label = "はい 👍"
end = true
evidence = { a = 1 }
"#;

#[test]
fn text_from_the_tree_is_shown_safely_and_wrapped_by_width() {
    let tree = match load_str("unusual.toml", UNUSUAL) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("{}", report.render()),
    };
    let mut app = App::new(tree, Theme::named(ThemeName::Dark), 60, 16);
    let question = screen(&app);
    assert!(!question.contains('\u{1b}') && !question.contains('\u{202e}'));
    assert!(
        question.contains("␛[2J"),
        "the escape is shown, not sent:\n{question}"
    );
    // The prompt is 80-odd columns of double-width text: it wraps by columns, not characters.
    // 28 double-width characters fill 56 of the 57 columns; the 29th starts the next row.
    assert!(question.contains("\" 技術責任者を採用するべきですか、それとも外部のパートナー "));
    assert!(question.contains("\" に任せるべきですか？ admin\u{fffd}txt "));
    assert!(question.contains("はい 👍"));
    press_keys(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    let result = screen(&app);
    assert!(result.contains("採用する ␛]52;c;cGF3bmVk␇"), "{result}");
    assert!(!result.contains('\u{1b}') && !result.contains('\u{7}'));
}

#[test]
fn a_narrow_footer_keeps_the_keys_for_help_and_quitting() {
    let mut app = app(60, 16);
    press_keys(&mut app, "12");
    press(&mut app, KeyCode::Left);
    let shown = screen(&app);
    let footer = shown.lines().last().expect("a footer");
    assert!(
        footer.contains("? keys") && footer.contains("q quit"),
        "{footer}"
    );
    assert!(footer.contains("← back"), "{footer}");
}
