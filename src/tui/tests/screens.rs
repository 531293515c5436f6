//! Every screen as a snapshot at 80x24 (the smallest common terminal), 120x40 (wide: the help
//! beside the choices) and a size too small to use. Review changes with `cargo insta review`.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::*;
use crate::tui::app::Action;

/// An interview at the result of the `cio` answers.
fn at_result(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    answer_from(&mut app, &answers("cio"));
    press(&mut app, KeyCode::Right);
    app
}

#[test]
fn question_80x24_help_below() {
    assert_snapshot!(screen(&app(80, 24)));
}

#[test]
fn question_120x40_help_beside() {
    assert_snapshot!(screen(&app(120, 40)));
}

#[test]
fn question_at_the_minimum_size_60x16() {
    assert_snapshot!(screen(&app(60, 16)));
}

#[test]
fn question_after_going_back_80x24() {
    let mut app = app(80, 24);
    press_keys(&mut app, "13");
    press(&mut app, KeyCode::Left);
    assert_snapshot!(screen(&app));
}

#[test]
fn review_80x24() {
    let mut app = app(80, 24);
    answer_from(&mut app, &answers("both"));
    assert_snapshot!(screen(&app));
}

#[test]
fn review_120x40() {
    let mut app = app(120, 40);
    answer_from(&mut app, &answers("both"));
    press(&mut app, KeyCode::Home);
    assert_snapshot!(screen(&app));
}

#[test]
fn result_top_80x24() {
    assert_snapshot!(screen(&at_result(80, 24)));
}

#[test]
fn result_scrolled_80x24() {
    let mut app = at_result(80, 24);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert_snapshot!(screen(&app));
}

#[test]
fn result_close_call_80x24() {
    let mut app = app(80, 24);
    answer_from(&mut app, &answers("close_call"));
    press(&mut app, KeyCode::Enter);
    assert_snapshot!(screen(&app));
}

/// A tie headlines both outcomes, never one picked by the order of the file, and the document
/// opens with what would settle it.
#[test]
fn result_tie_80x24() {
    let mut app = app(80, 24);
    answer_from(&mut app, &answers("tie"));
    press(&mut app, KeyCode::Enter);
    assert_snapshot!(screen(&app));
}

#[test]
fn result_120x40() {
    assert_snapshot!(screen(&at_result(120, 40)));
}

#[test]
fn help_overlay_80x24() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay_120x40() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('?'));
    assert_snapshot!(screen(&app));
}

#[test]
fn quit_confirm_80x24() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('q'));
    assert_snapshot!(screen(&app));
}

#[test]
fn quit_confirm_120x40() {
    let mut app = at_result(120, 40);
    press(&mut app, KeyCode::Esc);
    assert_snapshot!(screen(&app));
}

#[test]
fn too_small_50x12() {
    assert_snapshot!(screen(&app(50, 12)));
}

#[test]
fn too_small_after_shrinking_from_the_result() {
    let mut app = at_result(80, 24);
    update(
        &mut app,
        Action::Resize {
            width: 59,
            height: 30,
        },
    );
    assert_snapshot!(screen(&app));
}

#[test]
fn any_size_draws_without_panicking() {
    let mut app = at_result(80, 24);
    for (width, height) in [(1, 1), (2, 40), (200, 1), (60, 16), (61, 17), (300, 100)] {
        update(&mut app, Action::Resize { width, height });
        for screen_key in [KeyCode::Left, KeyCode::Left, KeyCode::Char('?')] {
            let _ = screen(&app);
            press(&mut app, screen_key);
            let _ = screen(&app);
        }
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Right);
        press(&mut app, KeyCode::Right);
    }
}
