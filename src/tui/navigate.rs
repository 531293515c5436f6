//! What the keys do on the question, review and result screens, and in the overlays that only
//! scroll (the list of keys, the notice): moving, answering, going back and forward, and opening
//! a note, the report overlay, the help or the question "leave?".

use super::action::Action;
use super::app::{App, Overlay, Screen, open};
use super::{export, layout, note};

pub(super) fn on_question(app: &mut App, action: Action) {
    let last = app.choices().saturating_sub(1);
    match action {
        Action::Up => app.choice = app.choice.saturating_sub(1),
        Action::Down => app.choice = (app.choice + 1).min(last),
        Action::Top => app.choice = 0,
        Action::Bottom => app.choice = last,
        Action::PageUp | Action::PageDown => {
            let page = app.question_plan.as_ref().map_or(1, |p| p.help_page());
            app.help_scroll = scrolled(app.help_scroll, page, action);
        }
        Action::Confirm => app.answer(app.choice),
        Action::Number(n) => {
            let count = app.choices();
            match usize::from(n).checked_sub(1) {
                Some(i) if i < count => app.answer(i),
                _ => {
                    app.notice = Some(format!(
                        "There are {count} choices here: press 1 to {}.",
                        count.min(9)
                    ))
                }
            }
        }
        Action::Back => {
            if app.shared.interview.back() {
                app.show_question();
            } else {
                app.notice = Some("This is the first question.".into());
            }
        }
        Action::Forward => {
            if !app.shared.interview.forward() {
                app.notice = Some("Choose an answer to go on.".into());
            } else if app.shared.interview.current().is_some() {
                app.show_question();
            } else {
                app.show_review();
            }
        }
        Action::Note => {
            if let Some(question) = app.shared.interview.current() {
                note::open(app, question);
            }
        }
        Action::Help => open(app, Overlay::Help),
        Action::AskQuit => open(app, Overlay::Quit),
        _ => {}
    }
}

pub(super) fn on_review(app: &mut App, action: Action) {
    let button = app.shared.interview.path().len();
    match action {
        Action::Up => app.review = app.review.saturating_sub(1),
        Action::Down => app.review = (app.review + 1).min(button),
        Action::Top => app.review = 0,
        Action::Bottom => app.review = button,
        Action::Confirm if app.review >= button => app.show_result(),
        Action::Confirm => {
            let question = app.shared.interview.path()[app.review].question;
            if app.shared.interview.go_to(question).is_ok() {
                app.show_question();
                app.from_review = true;
            }
        }
        Action::Forward => app.show_result(),
        Action::Back if app.shared.interview.back() => app.show_question(),
        Action::Note if app.review < button => {
            let question = app.shared.interview.path()[app.review].question;
            note::open(app, question);
        }
        Action::Note => {
            app.notice = Some("Highlight an answer to write a note on its question.".into());
        }
        Action::Help => open(app, Overlay::Help),
        Action::AskQuit => open(app, Overlay::Quit),
        _ => {}
    }
}

pub(super) fn on_result(app: &mut App, action: Action) {
    let shared = &app.shared;
    let page = app.result.as_ref().map_or(1, |result| {
        layout::result::plan(shared, result, layout::body(shared)).page()
    });
    let scroll = &mut app.result_scroll;
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
            *scroll = scrolled(*scroll, page, action)
        }
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = usize::MAX,
        Action::Back => {
            app.screen = Screen::Review;
            app.review = app.shared.interview.path().len();
        }
        Action::Export => export::open(app),
        Action::Help => open(app, Overlay::Help),
        Action::AskQuit => open(app, Overlay::Quit),
        _ => {}
    }
}

pub(super) fn on_help(app: &mut App, action: Action) {
    let page = layout::help::plan(&app.shared.theme, app.shared.screen(), app.help_here()).page();
    let scroll = &mut app.overlay_scroll;
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
            *scroll = scrolled(*scroll, page, action)
        }
        Action::Help => app.overlay = None,
        _ => {}
    }
}

/// The notice overlay: scrolls when long; Enter, Esc or Space puts it away.
pub(super) fn on_notice(app: &mut App, action: Action) {
    let page =
        layout::notice::plan(&app.shared.theme, app.shared.screen(), &app.notice_panel).page();
    let scroll = &mut app.overlay_scroll;
    match action {
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
            *scroll = scrolled(*scroll, page, action)
        }
        Action::Dismiss => app.overlay = None,
        _ => {}
    }
}

/// Where a line or page key moves a scroll offset; views clamp it to what there is to show.
fn scrolled(offset: usize, page: usize, action: Action) -> usize {
    match action {
        Action::Up => offset.saturating_sub(1),
        Action::Down => offset.saturating_add(1),
        Action::PageUp => offset.saturating_sub(page),
        Action::PageDown => offset.saturating_add(page),
        _ => offset,
    }
}
