//! The question screen: the question, its choices with their details, and "Why this matters"
//! with its sources, beside the choices on wide terminals and below them on narrow ones.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use techhire::text::{terminal_safe, terminal_safe_multiline};

use super::{body, contains, draw_lines, keep_in_view, scrollbar};
use crate::tui::app::App;
use crate::tui::wrap::{self, wrap, wrap_indented};

/// From this width "Why this matters" sits in a panel beside the choices.
pub const SIDE_PANEL_FROM: u16 = 110;
/// Rows "Why this matters" keeps below the choices at the least (its rule and two lines)...
const HELP_MIN: u16 = 3;
/// ...and the rows it should have before the choices give up their details to make room.
const HELP_COMFORT: u16 = 7;
/// Columns before a choice's label: marker, digit, gap.
const CHOICE_INDENT: &str = "     ";

/// Where everything on the question screen goes.
pub struct Plan {
    pub prompt: Rect,
    /// The list of choices (scrolled by `App::choice_offset` when taller than this).
    pub choices: Rect,
    /// The "Why this matters" title row (a rule when below, a heading in the side panel).
    pub help_title: Rect,
    pub help_text: Rect,
    pub help_bar: Rect,
    /// The side panel's left border, on wide terminals.
    pub border: Option<Rect>,
    /// Only the highlighted choice shows its detail, to leave room for the help; rows for the
    /// longest detail are kept free, so the help does not jump as the highlight moves.
    pub compact: bool,
    /// Lines of the list each choice takes.
    pub spans: Vec<Range<usize>>,
    pub list_len: usize,
    pub scroll_bar: Rect,
}

/// Lays out the current question in `area` (the body).
pub fn plan(app: &App, area: Rect) -> Option<Plan> {
    let question = app.interview.current()?;
    let side = area.width >= SIDE_PANEL_FROM;
    let panel_width = if side {
        (area.width * 2 / 5).clamp(40, 60)
    } else {
        0
    };
    let main = Rect {
        width: area.width - panel_width,
        ..area
    };
    let inner = usize::from(main.width.saturating_sub(3));
    let prompt_rows = prompt_lines(app, question, inner).len() as u16;
    let (full, full_spans) = choice_lines(app, question, inner, false);
    let (compact_list, compact_spans) = choice_lines(app, question, inner, true);
    let choices = &app.tree().question(question).choices;
    let labels_len = compact_list.len() - detail_lines(app, question, app.choice, inner).len();
    let longest_detail = (0..choices.len())
        .map(|c| detail_lines(app, question, c, inner).len())
        .max()
        .unwrap_or(0);
    let room = main.height.saturating_sub(prompt_rows + 1);
    let compact = if side {
        full.len() as u16 > room
    } else {
        full.len() as u16 + 1 + HELP_COMFORT > room
    };
    let (wanted, list_len, spans) = if compact {
        (
            labels_len + longest_detail,
            compact_list.len(),
            compact_spans,
        )
    } else {
        (full.len(), full.len(), full_spans)
    };
    let help_room = if side { 0 } else { 1 + HELP_MIN };
    let list_rows = (wanted as u16)
        .min(room.saturating_sub(help_room))
        .max(1)
        .min(room);
    let x = main.x + 1;
    let prompt = Rect::new(x, main.y, inner as u16, prompt_rows.min(main.height));
    let choices =
        Rect::new(x, main.y + prompt_rows + 1, inner as u16, list_rows).intersection(main);
    let scroll_bar = Rect::new(main.right().saturating_sub(1), choices.y, 1, choices.height);
    let (help_title, help_text, help_bar, border) = if side {
        let panel = Rect {
            x: main.right(),
            width: panel_width,
            ..area
        };
        let text = Rect::new(
            panel.x + 2,
            panel.y + 2,
            panel.width.saturating_sub(4),
            panel.height.saturating_sub(2),
        );
        (
            Rect::new(panel.x + 2, panel.y, text.width, 1),
            text,
            Rect::new(panel.right() - 1, text.y, 1, text.height),
            Some(Rect { width: 1, ..panel }),
        )
    } else {
        let top = choices.bottom() + 1;
        let rows = area.bottom().saturating_sub(top);
        let text = Rect::new(
            area.x + 1,
            top + 1,
            area.width.saturating_sub(4),
            rows.saturating_sub(1),
        );
        (
            Rect::new(area.x, top, area.width, rows.min(1)),
            text,
            Rect::new(area.right().saturating_sub(2), text.y, 1, text.height),
            None,
        )
    };
    Some(Plan {
        prompt,
        choices,
        help_title,
        help_text,
        help_bar,
        border,
        compact,
        spans,
        list_len,
        scroll_bar,
    })
}

/// "Question 3" and the question, wrapped.
fn prompt_lines(app: &App, question: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut label = vec![Span::styled(
        format!("Question {}", app.interview.cursor() + 1),
        theme.muted,
    )];
    if app.interview.selected().is_some() {
        label.push(Span::styled("  ·  ✓ marks the answer given", theme.muted));
    }
    let mut lines = vec![Line::from(label)];
    let prompt = terminal_safe(&app.tree().question(question).prompt);
    lines.extend(wrap(
        &[Span::styled(prompt.into_owned(), theme.heading)],
        width,
    ));
    lines
}

/// The choices as list lines, and which lines each takes. In compact mode only the highlighted
/// choice has its detail.
fn choice_lines(
    app: &App,
    question: usize,
    width: usize,
    compact: bool,
) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let theme = &app.theme;
    let given = app.interview.selected();
    let mut lines = Vec::new();
    let mut spans = Vec::new();
    for (i, choice) in app.tree().question(question).choices.iter().enumerate() {
        let start = lines.len();
        let highlighted = i == app.choice;
        let marker = if highlighted { "❯ " } else { "  " };
        let digit = if i < 9 {
            format!("{} ", i + 1)
        } else {
            "  ".into()
        };
        let label_style = if highlighted {
            theme.accent
        } else {
            theme.text
        };
        let mut parts = vec![Span::styled(
            terminal_safe(&choice.label).into_owned(),
            label_style,
        )];
        if given == Some(i) {
            parts.push(Span::styled(" ✓", theme.accent));
        }
        let prefix = Span::styled(format!("{marker}{digit} "), theme.key);
        lines.extend(wrap_indented(prefix, &parts, width));
        if !compact || highlighted {
            lines.extend(detail_lines(app, question, i, width));
        }
        if highlighted {
            for line in &mut lines[start..] {
                line.style = theme.selected;
            }
        }
        spans.push(start..lines.len());
    }
    (lines, spans)
}

/// A choice's detail, indented under its label.
fn detail_lines(app: &App, question: usize, choice: usize, width: usize) -> Vec<Line<'static>> {
    let Some(detail) = &app.tree().question(question).choices[choice].detail else {
        return Vec::new();
    };
    wrap_indented(
        Span::raw(CHOICE_INDENT),
        &[Span::styled(
            terminal_safe(detail).into_owned(),
            app.theme.muted,
        )],
        width,
    )
}

/// "Why this matters" and the sources it rests on, by title.
fn help_lines(app: &App, question: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let q = app.tree().question(question);
    let help = terminal_safe_multiline(&q.help);
    let mut lines = wrap(&[Span::styled(help.into_owned(), theme.text)], width);
    let sources: Vec<_> = q
        .sources
        .iter()
        .filter_map(|id| app.tree().source(id))
        .collect();
    if !sources.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Sources", theme.heading)));
        for source in sources {
            lines.extend(super::bullet(&source.title, theme.text, width, theme));
            let by = match &source.author {
                Some(author) => format!("{author}, {}, {}", source.publisher, source.date),
                None => format!("{}, {}", source.publisher, source.date),
            };
            lines.extend(wrap_indented(
                Span::raw("  "),
                &[Span::styled(terminal_safe(&by).into_owned(), theme.muted)],
                width,
            ));
        }
    }
    lines
}

/// The choice-list offset that keeps the highlighted choice in view, and how far the help can
/// scroll, for the current size.
pub fn settled(app: &App) -> (usize, usize) {
    let Some(plan) = plan(app, body(app)) else {
        return (0, 0);
    };
    let visible = usize::from(plan.choices.height);
    let offset = match plan.spans.get(app.choice) {
        Some(span) => keep_in_view(app.choice_offset, span.start, span.end, visible),
        None => 0,
    }
    .min(plan.list_len.saturating_sub(visible));
    (offset, help_max(app, &plan))
}

fn help_max(app: &App, plan: &Plan) -> usize {
    app.interview.current().map_or(0, |q| {
        help_lines(app, q, usize::from(plan.help_text.width))
            .len()
            .saturating_sub(usize::from(plan.help_text.height))
    })
}

/// Rows PgUp and PgDn move "Why this matters" by.
pub fn help_page(app: &App) -> usize {
    plan(app, body(app)).map_or(1, |p| {
        usize::from(p.help_text.height.saturating_sub(1)).max(1)
    })
}

/// The choice under a point on the screen.
pub fn choice_at(app: &App, column: u16, row: u16) -> Option<usize> {
    let plan = plan(app, body(app))?;
    if !contains(plan.choices, column, row) {
        return None;
    }
    let line = app.choice_offset + usize::from(row - plan.choices.y);
    plan.spans.iter().position(|s| s.contains(&line))
}

/// Whether a point is over the choices (where the wheel moves the highlight).
pub fn over_choices(app: &App, column: u16, row: u16) -> bool {
    plan(app, body(app)).is_some_and(|p| contains(p.choices, column, row))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(question), Some(plan)) = (app.interview.current(), plan(app, area)) else {
        return;
    };
    let theme = &app.theme;
    let inner = usize::from(plan.choices.width);
    draw_lines(buf, plan.prompt, &prompt_lines(app, question, inner), 0);
    let (list, _) = choice_lines(app, question, inner, plan.compact);
    let max_offset = list.len().saturating_sub(usize::from(plan.choices.height));
    let offset = app.choice_offset.min(max_offset);
    draw_lines(buf, plan.choices, &list, offset);
    scrollbar(buf, plan.scroll_bar, list.len(), offset, theme);
    // Why this matters.
    let title = " Why this matters ";
    match plan.border {
        Some(border) => {
            for row in border.y..border.bottom() {
                buf.set_string(border.x, row, "│", theme.border);
            }
            Line::from(Span::styled(title.trim(), theme.heading)).render(plan.help_title, buf);
        }
        None if plan.help_title.height > 0 => {
            let width = usize::from(plan.help_title.width);
            let rule = Line::from(vec![
                Span::styled("──", theme.border),
                Span::styled(title, theme.heading),
                Span::styled(
                    "─".repeat(width.saturating_sub(2 + wrap::width(title))),
                    theme.border,
                ),
            ]);
            rule.render(plan.help_title, buf);
        }
        None => {}
    }
    let help = help_lines(app, question, usize::from(plan.help_text.width));
    let scroll = app.help_scroll.min(
        help.len()
            .saturating_sub(usize::from(plan.help_text.height)),
    );
    draw_lines(buf, plan.help_text, &help, scroll);
    scrollbar(buf, plan.help_bar, help.len(), scroll, theme);
}
