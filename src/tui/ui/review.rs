//! The review screen: every answer on the path, before the recommendation. Enter on one opens
//! its question to change it; the last row opens the recommendation.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::text::terminal_safe;

use super::{body, contains, draw_lines, keep_in_view, scrollbar};
use crate::tui::app::App;
use crate::tui::wrap::{truncate, width as width_of};

/// Rows each answer takes: the question, then the answer given (and its note, if any).
const ROWS_PER_ANSWER: usize = 2;
/// Columns an answer leaves for its note, when it has one and both do not fit.
const NOTE_ROOM: usize = 24;

/// Where the review's parts go.
pub struct Plan {
    pub heading: Rect,
    pub list: Rect,
    pub bar: Rect,
    pub button: Rect,
}

/// Lays the review out in `area`, the body.
pub fn plan(app: &App, area: Rect) -> Plan {
    let x = area.x + 1;
    let width = area.width.saturating_sub(3);
    let heading = Rect::new(x, area.y, width, area.height.min(2));
    let wanted = (app.interview.path().len() * ROWS_PER_ANSWER) as u16;
    let list_top = heading.bottom() + 1;
    let rows = wanted.min(area.bottom().saturating_sub(list_top + 2));
    let list = Rect::new(x, list_top, width, rows);
    Plan {
        heading,
        list,
        bar: Rect::new(area.right().saturating_sub(1), list.y, 1, list.height),
        button: Rect::new(
            x,
            (list.bottom() + 1).min(area.bottom().saturating_sub(1)),
            width,
            1,
        ),
    }
}

fn list_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let tree = app.tree();
    let mut lines = Vec::new();
    for (i, step) in app.interview.path().iter().enumerate() {
        let question = tree.question(step.question);
        let highlighted = i == app.review;
        let marker = if highlighted { "❯ " } else { "  " };
        let number = format!("{marker}{:>2}  ", i + 1);
        let rest = width.saturating_sub(number.chars().count());
        let prompt = truncate(&terminal_safe(&question.prompt), rest);
        let label = terminal_safe(&question.choices[step.choice].label);
        let mut second = vec![Span::raw(" ".repeat(width - rest))];
        match app.note_on(step.question) {
            None => second.push(Span::styled(truncate(&label, rest), theme.accent)),
            Some(note) => {
                // The answer first, then as much of the note as fits: `n` shows it whole.
                let answer = truncate(&label, rest.saturating_sub(NOTE_ROOM).max(rest / 2));
                let room = rest.saturating_sub(width_of(&answer) + 4);
                let note = terminal_safe(note.trim());
                second.push(Span::styled(answer, theme.accent));
                second.push(Span::styled("  ✎ ", theme.accent));
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

/// The list offset that keeps the highlighted answer in view.
pub fn settled_offset(app: &App) -> usize {
    let plan = plan(app, body(app));
    let visible = usize::from(plan.list.height);
    let total = app.interview.path().len() * ROWS_PER_ANSWER;
    let offset = if app.review < app.interview.path().len() {
        let start = app.review * ROWS_PER_ANSWER;
        keep_in_view(app.review_offset, start, start + ROWS_PER_ANSWER, visible)
    } else {
        app.review_offset
    };
    offset.min(total.saturating_sub(visible))
}

/// The row under a point: an answer's index, or `path().len()` for the button.
pub fn row_at(app: &App, column: u16, row: u16) -> Option<usize> {
    let plan = plan(app, body(app));
    if contains(plan.button, column, row) {
        return Some(app.interview.path().len());
    }
    if !contains(plan.list, column, row) {
        return None;
    }
    let index = (app.review_offset + usize::from(row - plan.list.y)) / ROWS_PER_ANSWER;
    (index < app.interview.path().len()).then_some(index)
}

/// Draws the review screen into `area`, the body.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let plan = plan(app, area);
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
    let lines = list_lines(app, usize::from(plan.list.width));
    let offset = app
        .review_offset
        .min(lines.len().saturating_sub(usize::from(plan.list.height)));
    draw_lines(buf, plan.list, &lines, offset);
    scrollbar(buf, plan.bar, lines.len(), offset, theme);
    let on_button = app.review >= app.interview.path().len();
    let mut button = Line::from(vec![
        Span::styled(if on_button { "❯ " } else { "  " }, theme.key),
        Span::styled("See the recommendation →", theme.accent),
    ]);
    if on_button {
        button.style = theme.selected;
    }
    draw_lines(buf, plan.button, &[button], 0);
}
