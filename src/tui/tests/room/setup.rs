//! Setting a room up on screen: the client and the people typed one a line, Enter opening one
//! more line after the last person, Backspace taking an empty one away, fewer than two people
//! refused with a word, and the set-up handed to the host, which opens the facts step.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::{Leak, RoomHost, key, screen, setup_app};
use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::room::Stage;
use crate::tui::screens::ScreenKind;

fn type_line(app: &mut App, host: &mut RoomHost, text: &str) {
    for c in text.chars() {
        key(app, host, KeyCode::Char(c));
    }
}

#[test]
fn the_people_are_typed_one_a_line_and_the_room_goes_on_to_the_facts() {
    let mut app = setup_app(80, 24);
    let mut host = RoomHost::new(Leak::None);
    assert_eq!(app.screen.kind(), ScreenKind::Setup);
    assert_eq!(app.context(), Context::SetupField);
    // q is a letter here: it types.
    type_line(&mut app, &mut host, "Acme q");
    key(&mut app, &mut host, KeyCode::Backspace);
    key(&mut app, &mut host, KeyCode::Backspace);
    key(&mut app, &mut host, KeyCode::Enter);
    type_line(&mut app, &mut host, "Ana (CEO)");
    key(&mut app, &mut host, KeyCode::Enter);
    // Only one person: Enter on the empty last line goes to the button, which refuses and
    // puts the focus on the line to fill.
    key(&mut app, &mut host, KeyCode::Enter);
    assert_eq!(app.context(), Context::SetupButton);
    key(&mut app, &mut host, KeyCode::Enter);
    assert!(
        app.shared
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("two or more people")),
        "{:?}",
        app.shared.notice
    );
    assert_eq!(host.set_up, None, "nothing set up");
    assert_eq!(app.context(), Context::SetupField);
    type_line(&mut app, &mut host, "Ben (CFO)");
    // Enter after the last person opens one more line; Backspace on it, empty, takes it away.
    key(&mut app, &mut host, KeyCode::Enter);
    key(&mut app, &mut host, KeyCode::Backspace);
    type_line(&mut app, &mut host, "  ");
    key(&mut app, &mut host, KeyCode::Enter);
    type_line(&mut app, &mut host, "Cai");
    key(&mut app, &mut host, KeyCode::Enter);
    key(&mut app, &mut host, KeyCode::Enter);
    assert_snapshot!("setup_filled_80x24", screen(&app));
    key(&mut app, &mut host, KeyCode::Enter);
    let people = ["Ana (CEO)", "Ben (CFO)", "Cai"].map(String::from).to_vec();
    assert_eq!(host.set_up, Some(("Acme".to_string(), people)));
    assert_eq!(
        app.shared.room.as_ref().map(|r| r.stage),
        Some(Stage::Facts)
    );
    assert_eq!(app.screen.kind(), ScreenKind::Question, "the facts step");
}

#[test]
fn the_set_up_screen_at_both_sizes() {
    for (width, height) in [(80, 24), (120, 40)] {
        let app = setup_app(width, height);
        assert_snapshot!(format!("setup_{width}x{height}"), screen(&app));
    }
    // Esc asks before leaving, as on the start screen.
    let mut app = setup_app(80, 24);
    let mut host = RoomHost::new(Leak::None);
    key(&mut app, &mut host, KeyCode::Esc);
    assert_eq!(
        app.overlay_kind(),
        Some(crate::tui::overlays::OverlayKind::Quit)
    );
}
