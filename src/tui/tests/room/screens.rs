//! The room's screens as snapshots at 80x24 and 120x40: the facts step, the handover (first,
//! with thanks, everyone answered), a person's review with the way to hand back, the box
//! before an early reveal, and the reveal (planned, early).

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::{Leak, RoomHost, answer_the_facts, answer_views, handed_over, key, room_app, screen};
use crate::tui::overlays::OverlayKind;
use crate::tui::screens::ScreenKind;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn the_facts_step_with_the_room() {
    for (width, height) in SIZES {
        let app = room_app(width, height);
        assert_eq!(app.screen.kind(), ScreenKind::Question);
        assert_snapshot!(format!("facts_{width}x{height}"), screen(&app));
    }
}

#[test]
fn the_handover_to_the_first_person() {
    for (width, height) in SIZES {
        let (app, _) = handed_over(width, height, 0);
        assert_eq!(app.screen.kind(), ScreenKind::Handover);
        assert_snapshot!(format!("handover_first_{width}x{height}"), screen(&app));
    }
}

#[test]
fn the_handover_thanks_who_finished_and_names_who_is_next() {
    for (width, height) in SIZES {
        let (app, _) = handed_over(width, height, 1);
        let shown = screen(&app);
        assert!(
            shown.contains("Pass the keyboard to Ben (CFO) · 2 of 4") || shown.contains("2 of 3")
        );
        assert_snapshot!(format!("handover_thanks_{width}x{height}"), shown);
    }
}

#[test]
fn the_handover_once_everyone_has_answered() {
    for (width, height) in SIZES {
        let (app, _) = handed_over(width, height, 3);
        assert_snapshot!(format!("handover_everyone_{width}x{height}"), screen(&app));
    }
}

#[test]
fn a_persons_review_hands_the_keyboard_back() {
    for (width, height) in SIZES {
        let mut app = room_app(width, height);
        let mut host = RoomHost::new(Leak::None);
        answer_the_facts(&mut app, &mut host);
        answer_views(&mut app, &mut host, 0);
        assert_eq!(app.screen.kind(), ScreenKind::Review);
        assert_snapshot!(format!("turn_review_{width}x{height}"), screen(&app));
    }
}

#[test]
fn the_box_before_an_early_reveal_names_who_has_not_finished() {
    for (width, height) in SIZES {
        let (mut app, mut host) = handed_over(width, height, 1);
        key(&mut app, &mut host, KeyCode::Char('r'));
        assert_eq!(app.overlay_kind(), Some(OverlayKind::Reveal));
        assert_snapshot!(format!("reveal_early_box_{width}x{height}"), screen(&app));
    }
}

#[test]
fn the_reveal_goes_to_the_workshops_result_with_the_rooms_way_on() {
    for (width, height) in SIZES {
        let (mut app, mut host) = handed_over(width, height, 3);
        key(&mut app, &mut host, KeyCode::Enter);
        assert_eq!(app.screen.kind(), ScreenKind::Combined);
        let shown = screen(&app);
        assert!(
            shown.contains("n next round") && shown.contains("a agree"),
            "{shown}"
        );
        assert_snapshot!(format!("revealed_{width}x{height}"), shown);
        // c opens the compare screen, where the room's way on is offered too.
        key(&mut app, &mut host, KeyCode::Char('c'));
        assert_eq!(app.screen.kind(), ScreenKind::Compare);
        assert!(screen(&app).contains("n next round"));
        let (mut app, mut host) = handed_over(width, height, 2);
        key(&mut app, &mut host, KeyCode::Char('r'));
        key(&mut app, &mut host, KeyCode::Char('y'));
        assert_eq!(host.early, Some(true));
        let shown = screen(&app);
        assert!(shown.contains("Cai"), "{shown}");
        assert_snapshot!(format!("revealed_early_{width}x{height}"), shown);
    }
}
