//! Draws a workshop room's own screens (the set-up, the handover, the reveal) from their plans,
//! and the boxes that ask first: before revealing early (naming who has not finished) and
//! before starting another round.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use techhire::outcome::told::and_list;

use super::{draw_lines, start};
use crate::tui::layout::room::Page;
use crate::tui::layout::{self, centered};
use crate::tui::room::Room;
use crate::tui::screens::setup::SetupScreen;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

/// Draws a page of the room.
pub fn render(page: &Page, buf: &mut Buffer) {
    draw_lines(buf, page.area, &page.lines, 0);
}

/// "Reveal the answers now?" over the middle of `area`, the whole screen.
pub fn confirm(room: &Room, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let waiting: Vec<String> = room
        .waiting()
        .iter()
        .map(|w| techhire::text::terminal_safe(w).into_owned())
        .collect();
    let verb = if waiting.len() == 1 { "has" } else { "have" };
    let text = format!(
        "{} {verb} not finished. Revealing now leaves their answers out of the result, which \
         will say it was revealed early.",
        and_list(&waiting)
    );
    ask(
        " Reveal the answers now? ",
        &text,
        ("reveal now", "wait"),
        theme,
        area,
        buf,
    );
}

/// "Start round N?" over the middle of `area`: a round writes a session for everyone.
pub fn confirm_round(room: &Room, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let next = room.round + 1;
    let text = format!(
        "Everyone answers the questions of view again, one at a time, each with their own \
         round {} answers offered to keep or change. The answers are hidden until all have \
         finished; round {} stays as it is.",
        room.round, room.round
    );
    let title = format!(" Start round {next}? ");
    ask(&title, &text, ("start it", "not now"), theme, area, buf);
}

/// A question in a box: the text, then y and what it does, n or Esc and what that does.
fn ask(
    title: &str,
    text: &str,
    (yes, no): (&str, &str),
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let width: u16 = 58;
    let inner_width = usize::from(width.saturating_sub(4)).max(1);
    let mut lines = wrap(&[Span::styled(text.to_string(), theme.text)], inner_width);
    lines.push(Line::default());
    lines.push(
        Line::from(vec![
            Span::styled("y", theme.key),
            Span::styled(format!(" {yes}      "), theme.text),
            Span::styled("n", theme.key),
            Span::styled(" or ", theme.muted),
            Span::styled("Esc", theme.key),
            Span::styled(format!(" {no}"), theme.text),
        ])
        .centered(),
    );
    let outer = centered(area, width, lines.len() as u16 + 3);
    Clear.render(outer, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(title.to_string(), theme.heading))
        .render(outer, buf);
    let inner = Rect::new(
        outer.x + 2,
        outer.y + 2,
        outer.width.saturating_sub(4),
        outer.height.saturating_sub(3),
    );
    draw_lines(buf, inner, &lines, 0);
}

/// The set-up: who the workshop is for, the people one a line, "Start the workshop"; returns
/// where the cursor goes while a line is typed.
pub fn setup(
    screen: &SetupScreen,
    theme: &Theme,
    body: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let plan = layout::room::setup(body, screen.button() + 1);
    let width = usize::from(plan.intro.width).max(1);
    let mut intro = wrap(&[Span::styled("Set up the workshop", theme.heading)], width);
    intro.extend(wrap(
        &[Span::styled(
            "Who it is for, and the people who answer, in the order they will take the \
             keyboard: a name, and a role in brackets if you like.",
            theme.muted,
        )],
        width,
    ));
    draw_lines(buf, plan.intro, &intro, 0);
    let mut cursor = None;
    let rows = usize::from(plan.list.height);
    for (row, line) in (screen.offset..=screen.button()).take(rows).enumerate() {
        let rect = Rect::new(plan.list.x, plan.list.y + row as u16, plan.list.width, 1);
        let focused = screen.focus == line;
        if line == screen.button() {
            let mut begin = Line::from(vec![
                Span::styled(if focused { "❯ " } else { "  " }, theme.key),
                Span::styled("Start the workshop →", theme.accent),
            ]);
            if focused {
                begin.style = theme.selected;
            }
            draw_lines(buf, rect, &[begin], 0);
            continue;
        }
        let (label, editor, placeholder) = match line {
            0 => ("Client".to_string(), &screen.client, "(optional)"),
            i => (format!("Person {i}"), &screen.people[i - 1], "Name (role)"),
        };
        if let Some(at) = start::field(theme, buf, rect, (&label, placeholder), editor, focused) {
            cursor = Some(at);
        }
    }
    cursor
}
