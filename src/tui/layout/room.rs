//! The plans of a workshop room's own screens: the set-up, and the handover between two people
//! (a short page of wrapped lines, centred in the body). They are made from the
//! room (names, roles, who has finished) and never from an interview, so no answer can be on
//! them.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::outcome::told::and_list;
use techhire::text::terminal_safe;

use crate::tui::room::Room;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

/// The widest a page's text runs, for lines a person reads from a step back.
const MEASURE: u16 = 72;

/// A page of text and where it goes.
pub struct Page {
    /// Where the lines are drawn: centred in the body, as tall as they are (or the body).
    pub area: Rect,
    pub lines: Vec<Line<'static>>,
}

/// The handover to person `next` (or, with `None`, the way to the reveal once everyone has
/// answered), thanking person `thanked`.
pub fn handover(
    room: &Room,
    next: Option<usize>,
    thanked: Option<usize>,
    theme: &Theme,
    body: Rect,
) -> Page {
    page(body, |width| {
        let mut lines = Vec::new();
        let say = |text: String, style, lines: &mut Vec<Line<'static>>| {
            lines.extend(wrap(&[Span::styled(text, style)], width));
        };
        if let Some(person) = thanked.and_then(|i| room.people.get(i)) {
            say(
                format!(
                    "Thank you, {}. Your answers are saved, and stay hidden until everyone has \
                     answered.",
                    safe(&person.name)
                ),
                theme.accent,
                &mut lines,
            );
            lines.push(Line::default());
        }
        match next.and_then(|i| Some((i, room.people.get(i)?))) {
            Some((i, person)) => {
                let heading = format!(
                    "Pass the keyboard to {} · {} of {}",
                    safe(&person.label()),
                    i + 1,
                    room.people.len()
                );
                say(heading, theme.heading, &mut lines);
                lines.push(Line::default());
                say(
                    format!(
                        "{}, when only you can see the screen, press Enter to begin. You answer \
                         the questions of view alone: the company's facts are already settled. \
                         Nobody sees your answers, or anyone's result, until everyone has \
                         answered.",
                        safe(&person.name)
                    ),
                    theme.text,
                    &mut lines,
                );
                if room.round > 1 {
                    lines.push(Line::default());
                    say(
                        format!(
                            "Round {}: your own answers from the round before are offered, \
                             marked ✓; Enter keeps one, or choose again. Both rounds are kept.",
                            room.round
                        ),
                        theme.accent,
                        &mut lines,
                    );
                }
            }
            None => {
                say("Everyone has answered".into(), theme.heading, &mut lines);
                lines.push(Line::default());
                say(
                    "Pass the keyboard back to the consultant, who reveals the answers to the \
                     room with Enter."
                        .into(),
                    theme.text,
                    &mut lines,
                );
            }
        }
        lines.push(Line::default());
        say(standing(room), theme.muted, &mut lines);
        lines
    })
}

/// The set-up's parts: the words at the top, and its lines (the client, each person, "Start
/// the workshop"), one a row, scrolled when they do not all fit.
pub struct SetupPlan {
    pub intro: Rect,
    pub list: Rect,
}

/// The set-up in the body, for `rows` lines.
pub fn setup(body: Rect, rows: usize) -> SetupPlan {
    let width = body.width.saturating_sub(2);
    let intro = Rect::new(body.x + 1, body.y + 1, width, 3.min(body.height));
    let top = intro.bottom() + 1;
    let height = body.bottom().saturating_sub(top).min(rows as u16);
    SetupPlan {
        intro,
        list: Rect::new(body.x + 1, top.min(body.bottom()), width, height),
    }
}

/// Who has finished and who is still to answer: names only.
fn standing(room: &Room) -> String {
    let done: Vec<String> = room
        .people
        .iter()
        .filter(|p| p.status == techhire::workshop::Status::Finished)
        .map(|p| safe(&p.label()))
        .collect();
    let waiting: Vec<String> = room.waiting().iter().map(|w| safe(w)).collect();
    match (done.is_empty(), waiting.is_empty()) {
        (true, _) => format!("Still to answer: {}.", and_list(&waiting)),
        (false, true) => format!("Finished: {}.", and_list(&done)),
        (false, false) => format!(
            "Finished: {}. Still to answer: {}.",
            and_list(&done),
            and_list(&waiting)
        ),
    }
}

fn safe(text: &str) -> String {
    terminal_safe(text).into_owned()
}

/// Lines made for the page's width, centred in the body (vertically a little above the middle,
/// where the eye goes first).
fn page(body: Rect, lines: impl FnOnce(usize) -> Vec<Line<'static>>) -> Page {
    let width = body.width.saturating_sub(4).min(MEASURE);
    let lines = lines(usize::from(width).max(1));
    let height = (lines.len() as u16).min(body.height);
    let top = body.y + (body.height - height) / 3;
    Page {
        area: Rect::new(body.x + (body.width - width) / 2, top, width, height),
        lines,
    }
}
