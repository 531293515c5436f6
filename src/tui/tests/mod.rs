//! Tests of the full-screen interview: every screen as a snapshot, and whole interviews driven
//! by key presses through the key table and `update`, as a user at the keyboard would.

mod compare;
mod flows;
mod host;
mod leaving;
mod note_flows;
mod private_notes;
mod room;
mod screens;
mod session_flows;
mod session_screens;
mod workshop_flows;

use std::collections::BTreeMap;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use techhire::Tree;
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

use super::app::{App, update};
use super::keys::action_for;
use super::overlays::Overlay;
use super::overlays::note::NoteEdit;
use super::screens::{Screen, ScreenKind};
use super::theme::{Theme, ThemeName};
use super::ui;

fn tree() -> Arc<Tree> {
    match load_str(EMBEDDED_NAME, EMBEDDED) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("the built-in tree does not load:\n{}", report.render()),
    }
}

fn app(width: u16, height: u16) -> App {
    App::new(tree(), Theme::named(ThemeName::Dark), width, height)
}

/// Presses a key: through the key table for where the app is, then `update`.
fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = action_for(app.context(), KeyEvent::new(code, modifiers)) {
        update(app, action);
    }
}

fn press_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// An answers file from `tests/answers/`: question id to choice id, in file order.
fn answers(name: &str) -> Vec<(String, String)> {
    let path = format!("{}/tests/answers/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let table: BTreeMap<String, String> =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    table.into_iter().collect()
}

/// The highlighted choice of the question on screen.
fn choice(app: &App) -> usize {
    match &app.screen {
        Screen::Question(question) => question.choice,
        _ => panic!("no question on screen"),
    }
}

/// How far "Why this matters" is scrolled on the question screen.
fn help_scroll(app: &App) -> usize {
    match &app.screen {
        Screen::Question(question) => question.help_scroll,
        _ => panic!("no question on screen"),
    }
}

/// The recommendation on the result screen, if it is shown.
fn result(app: &App) -> Option<&techhire::Recommendation> {
    match &app.screen {
        Screen::Result(result) => Some(&result.recommendation),
        _ => None,
    }
}

/// How far the result is scrolled.
fn result_scroll(app: &App) -> usize {
    match &app.screen {
        Screen::Result(result) => result.scroll,
        _ => panic!("no result on screen"),
    }
}

/// The note editor, while it is open.
fn note(app: &App) -> Option<&NoteEdit> {
    match &app.overlay {
        Some(Overlay::Note(note)) => Some(note),
        _ => None,
    }
}

/// The id of the question on screen.
fn current_id(app: &App) -> String {
    let q = app
        .shared
        .interview
        .current()
        .expect("a question is on screen");
    app.shared.tree().question(q).id.clone()
}

/// Answers every question on screen from an answers file, the way a person would: moving the
/// highlight with ↓/↑ and pressing Enter on odd questions, pressing the digit on even ones.
/// Stops at the review.
fn answer_from(app: &mut App, file: &[(String, String)]) {
    let mut asked = 0;
    while app.screen.kind() == ScreenKind::Question {
        let q = app
            .shared
            .interview
            .current()
            .expect("a question is on screen");
        let id = &app.shared.tree().question(q).id;
        let wanted = file
            .iter()
            .find(|(question, _)| question == id)
            .and_then(|(_, choice)| app.shared.tree().choice_index(q, choice))
            .unwrap_or_else(|| panic!("the answers file has no answer to `{id}`"));
        if asked % 2 == 0 {
            while choice(app) < wanted {
                press(app, KeyCode::Down);
            }
            while choice(app) > wanted {
                press(app, KeyCode::Up);
            }
            press(app, KeyCode::Enter);
        } else {
            press(app, KeyCode::Char(char::from(b'1' + wanted as u8)));
        }
        asked += 1;
        assert!(
            asked <= app.shared.tree().questions().len(),
            "the interview never ended"
        );
    }
}

/// The screen as text, drawn at the app's size.
fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.shared.width, app.shared.height))
        .unwrap_or_else(|e| match e {});
    terminal
        .draw(|frame| ui::view(app, frame))
        .unwrap_or_else(|e| match e {});
    terminal.backend().to_string()
}

/// The screen position of the first cell showing `text`.
fn find(app: &App, text: &str) -> (u16, u16) {
    let shown = screen(app);
    for (row, line) in shown.lines().enumerate() {
        // Each line is quoted in the backend's text form: skip the opening quote.
        if let Some(at) = line.find(text) {
            let column = line[..at].chars().count() - 1;
            return (column as u16, row as u16);
        }
    }
    panic!("“{text}” is not on screen:\n{shown}");
}
