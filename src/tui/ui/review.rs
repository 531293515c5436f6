//! Draws the review screen: every answer on the path, before the recommendation. Enter on one
//! opens its question to change it; the last row opens the recommendation.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::text::terminal_safe;

use super::{draw_lines, scrollbar};
use crate::tui::layout::review::{ROWS_PER_ANSWER, plan};
use crate::tui::shared::Shared;
use crate::tui::wrap::{truncate, width as width_of};

/// After a workshop's fact, which the respondent cannot change.
const GIVEN: &str = "  · given by the workshop";

/// Columns an answer leaves for its note, when it has one and both do not fit.
const NOTE_ROOM: usize = 24;

fn list_lines(shared: &Shared, highlight: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &shared.theme;
    let tree = shared.tree();
    let mut lines = Vec::with_capacity(shared.interview.path().len() * ROWS_PER_ANSWER);
    for (i, step) in shared.interview.path().iter().enumerate() {
        let question = tree.question(step.question);
        let highlighted = i == highlight;
        let marker = if highlighted { "❯ " } else { "  " };
        let number = format!("{marker}{:>2}  ", i + 1);
        let rest = width.saturating_sub(number.chars().count());
        let prompt = truncate(&terminal_safe(&question.prompt), rest);
        let label = terminal_safe(&question.choices[step.choice].label);
        let mut second = vec![Span::raw(" ".repeat(width - rest))];
        let settled = shared.interview.is_settled(step.question);
        match shared.note_on(step.question) {
            None if settled => {
                // A workshop's fact: given for everyone, not this person's answer to change.
                let answer = truncate(&label, rest.saturating_sub(GIVEN.len()).max(rest / 2));
                let room = rest.saturating_sub(width_of(&answer));
                second.push(Span::styled(answer, theme.accent));
                second.push(Span::styled(truncate(GIVEN, room), theme.muted));
            }
            None => second.push(Span::styled(truncate(&label, rest), theme.accent)),
            Some(note) => {
                // The answer first, then as much of the note as fits: `n` shows it whole.
                let answer = truncate(&label, rest.saturating_sub(NOTE_ROOM).max(rest / 2));
                // A private note is labelled, in the warning colour.
                let marker = if shared.is_private(step.question) {
                    Span::styled("  ✎ private: ", theme.warn)
                } else {
                    Span::styled("  ✎ ", theme.accent)
                };
                let room = rest.saturating_sub(width_of(&answer) + width_of(&marker.content));
                let note = terminal_safe(note.trim());
                second.push(Span::styled(answer, theme.accent));
                second.push(marker);
                second.push(Span::styled(truncate(&note, room), theme.muted));
            }
        }
        let mut pair = [
            Line::from(vec![
                Span::styled(number, theme.key),
                Span::styled(prompt, theme.text),
            ]),
            Line::from(second),
        ];
        if highlighted {
            for line in &mut pair {
                line.style = theme.selected;
            }
        }
        lines.extend(pair);
    }
    lines
}

/// Draws the review into `area`, the body, row `highlight` highlighted and the list scrolled
/// to `offset`.
pub fn render(shared: &Shared, highlight: usize, offset: usize, area: Rect, buf: &mut Buffer) {
    let theme = &shared.theme;
    let answers = shared.interview.path().len();
    let plan = plan(area, answers);
    let width = usize::from(plan.heading.width);
    let heading = [
        Line::from(Span::styled("Check your answers", theme.heading)),
        Line::from(Span::styled(
            truncate(
                "Enter on an answer changes it, and the interview goes on from there.",
                width,
            ),
            theme.muted,
        )),
    ];
    draw_lines(buf, plan.heading, &heading, 0);
    let lines = list_lines(shared, highlight, usize::from(plan.list.width));
    let offset = offset.min(plan.max_offset());
    draw_lines(buf, plan.list, &lines, offset);
    scrollbar(buf, plan.bar, lines.len(), offset, theme);
    let on_button = highlight >= answers;
    // In a workshop room the person hands the keyboard back: their result stays hidden.
    let label = if shared.room.as_ref().is_some_and(|r| r.turn().is_some()) {
        "I have finished: hand the keyboard back →"
    } else {
        "See the recommendation →"
    };
    let mut button = Line::from(vec![
        Span::styled(if on_button { "❯ " } else { "  " }, theme.key),
        Span::styled(label, theme.accent),
    ]);
    if on_button {
        button.style = theme.selected;
    }
    draw_lines(buf, plan.button, &[button], 0);
}
