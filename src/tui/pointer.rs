//! The mouse: a click highlights, a second click on the same thing picks it, and the wheel
//! scrolls the text under it or moves through the list under it.

use super::action::Action;
use super::app::App;
use super::keys::Context;
use super::navigate::{on_question, on_review};
use super::{layout, start};

/// Lines the wheel scrolls at a time.
const WHEEL_LINES: usize = 3;

/// A click highlights a choice or an answer; a click on what is already highlighted picks it,
/// so pointing at the screen while talking never answers by accident.
pub fn click(app: &mut App, column: u16, row: u16) {
    match app.context() {
        Context::Question => {
            let plan = app.question_plan.as_ref();
            if let Some(i) = plan.and_then(|p| p.choice_at(app.choice_offset, column, row)) {
                if i == app.choice {
                    app.answer(i);
                } else {
                    app.choice = i;
                }
            }
        }
        Context::Review => {
            let answers = app.shared.interview.path().len();
            let plan = layout::review::plan(layout::body(&app.shared), answers);
            if let Some(i) = plan.row_at(app.review_offset, column, row) {
                if i == app.review {
                    on_review(app, Action::Confirm);
                } else {
                    app.review = i;
                }
            }
        }
        Context::StartField | Context::StartList => start::click(app, column, row),
        _ => {}
    }
}

/// The wheel scrolls the text under it; over a list it moves the highlight.
pub fn wheel(app: &mut App, down: bool, column: u16, row: u16) {
    let step = if down { Action::Down } else { Action::Up };
    match app.context() {
        Context::Question
            if app
                .question_plan
                .as_ref()
                .is_some_and(|p| p.over_choices(column, row)) =>
        {
            on_question(app, step)
        }
        Context::Question => {
            app.help_scroll = scrolled(app.help_scroll, down);
        }
        Context::Review => on_review(app, step),
        Context::Result => app.result_scroll = scrolled(app.result_scroll, down),
        Context::Help | Context::Notice => app.overlay_scroll = scrolled(app.overlay_scroll, down),
        Context::StartList | Context::StartField => start::wheel(app, down),
        _ => {}
    }
}

fn scrolled(at: usize, down: bool) -> usize {
    if down {
        at + WHEEL_LINES
    } else {
        at.saturating_sub(WHEEL_LINES)
    }
}
