//! The question screen: the question, its choices with their details, and "Why this matters"
//! with its sources, beside the choices on wide terminals and below them on narrow ones.

use std::borrow::Cow;
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
/// Rows a note takes under the question, at the most; `n` shows it whole.
const NOTE_ROWS: usize = 2;
/// Columns before a choice's label: marker, digit, gap.
const CHOICE_INDENT: &str = "     ";

/// Where everything on the question screen goes, and the text that goes there, wrapped once.
#[derive(Clone)]
pub struct Plan {
    /// The body this plan fills.
    pub area: Rect,
    pub prompt: Rect,
    /// The list of choices (scrolled by `App::choice_offset` when taller than this).
    pub choices: Rect,
    /// The "Why this matters" title row (a rule when below, a heading in the side panel).
    pub help_title: Rect,
    pub help_text: Rect,
    pub help_bar: Rect,
    /// The side panel's left border, on wide terminals.
    pub border: Option<Rect>,
    pub scroll_bar: Rect,
    /// Lines of the list each choice takes.
    pub spans: Vec<Range<usize>>,
    pub prompt_lines: Vec<Line<'static>>,
    pub list: Vec<Line<'static>>,
    pub help: Vec<Line<'static>>,
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
    let prompt_lines = prompt_lines(app, question, inner);
    let prompt_rows = prompt_lines.len() as u16;
    let parts = choice_parts(app, question, inner);
    let full_len: usize = parts.iter().map(|(l, d)| l.len() + d.len()).sum();
    let labels_len: usize = parts.iter().map(|(l, _)| l.len()).sum();
    let longest_detail = parts.iter().map(|(_, d)| d.len()).max().unwrap_or(0);
    let room = main.height.saturating_sub(prompt_rows + 1);
    // Details fold away to the highlighted choice when the list would crowd out the help.
    let compact = if side {
        full_len as u16 > room
    } else {
        full_len as u16 + 1 + HELP_COMFORT > room
    };
    let wanted = if compact {
        labels_len + longest_detail
    } else {
        full_len
    };
    let (list, spans) = assemble(app, parts, compact);
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
        area,
        prompt,
        choices,
        help_title,
        help_text,
        help_bar,
        border,
        scroll_bar,
        spans,
        prompt_lines,
        list,
        help: help_lines(app, question, usize::from(help_text.width)),
    })
}

/// "Question 3" and the question, wrapped.
fn prompt_lines(app: &App, question: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut label = vec![Span::styled(
        format!("Question {}", app.interview.cursor() + 1),
        theme.muted,
    )];
    if app.from_review {
        label.push(Span::styled(
            "  ·  changing an answer: ✓ marks the one given",
            theme.muted,
        ));
    } else if app.interview.selected().is_some() {
        label.push(Span::styled("  ·  ✓ marks the answer given", theme.muted));
    }
    let mut lines = vec![Line::from(label)];
    let prompt = terminal_safe(&app.tree().question(question).prompt);
    lines.extend(wrap(
        &[Span::styled(prompt.into_owned(), theme.heading)],
        width,
    ));
    if let Some(note) = app.note_on(question) {
        lines.extend(super::note_lines(note, width, NOTE_ROWS, theme));
    }
    lines
}

/// Each choice's label and detail, wrapped, with the highlight and the answer given marked.
fn choice_parts(
    app: &App,
    question: usize,
    width: usize,
) -> Vec<(Vec<Line<'static>>, Vec<Line<'static>>)> {
    let theme = &app.theme;
    let given = app.interview.selected();
    let choices = &app.tree().question(question).choices;
    choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
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
            let label = wrap_indented(prefix, &parts, width);
            let detail = match &choice.detail {
                Some(detail) => wrap_indented(
                    Span::raw(CHOICE_INDENT),
                    &[Span::styled(
                        terminal_safe(detail).into_owned(),
                        theme.muted,
                    )],
                    width,
                ),
                None => Vec::new(),
            };
            (label, detail)
        })
        .collect()
}

/// The choice list, and which lines each choice takes. In compact mode only the highlighted
/// choice keeps its detail.
fn assemble(
    app: &App,
    parts: Vec<(Vec<Line<'static>>, Vec<Line<'static>>)>,
    compact: bool,
) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let mut lines = Vec::new();
    let mut spans = Vec::new();
    for (i, (label, detail)) in parts.into_iter().enumerate() {
        let start = lines.len();
        let highlighted = i == app.choice;
        lines.extend(label);
        if !compact || highlighted {
            lines.extend(detail);
        }
        if highlighted {
            for line in &mut lines[start..] {
                line.style = app.theme.selected;
            }
        }
        spans.push(start..lines.len());
    }
    (lines, spans)
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

/// The plan for the current state: the one `update` worked out, or a fresh one.
fn current(app: &App, area: Rect) -> Option<Cow<'_, Plan>> {
    match &app.question_plan {
        Some(plan) if plan.area == area => Some(Cow::Borrowed(plan)),
        _ => plan(app, area).map(Cow::Owned),
    }
}

/// The choice-list offset that keeps the highlighted choice in view, and how far the help can
/// scroll, for the current size.
pub fn settled(app: &App) -> (usize, usize) {
    let Some(plan) = current(app, body(app)) else {
        return (0, 0);
    };
    let visible = usize::from(plan.choices.height);
    let offset = match plan.spans.get(app.choice) {
        Some(span) => keep_in_view(app.choice_offset, span.start, span.end, visible),
        None => 0,
    }
    .min(plan.list.len().saturating_sub(visible));
    let help_max = plan
        .help
        .len()
        .saturating_sub(usize::from(plan.help_text.height));
    (offset, help_max)
}

/// Rows PgUp and PgDn move "Why this matters" by.
pub fn help_page(app: &App) -> usize {
    current(app, body(app)).map_or(1, |p| {
        usize::from(p.help_text.height.saturating_sub(1)).max(1)
    })
}

/// The choice under a point on the screen.
pub fn choice_at(app: &App, column: u16, row: u16) -> Option<usize> {
    let plan = current(app, body(app))?;
    if !contains(plan.choices, column, row) {
        return None;
    }
    let line = app.choice_offset + usize::from(row - plan.choices.y);
    plan.spans.iter().position(|s| s.contains(&line))
}

/// Whether a point is over the choices (where the wheel moves the highlight).
pub fn over_choices(app: &App, column: u16, row: u16) -> bool {
    current(app, body(app)).is_some_and(|p| contains(p.choices, column, row))
}

/// Draws the question screen into `area`, the body.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(plan) = current(app, area) else {
        return;
    };
    let theme = &app.theme;
    draw_lines(buf, plan.prompt, &plan.prompt_lines, 0);
    let max_offset = plan
        .list
        .len()
        .saturating_sub(usize::from(plan.choices.height));
    let offset = app.choice_offset.min(max_offset);
    draw_lines(buf, plan.choices, &plan.list, offset);
    scrollbar(buf, plan.scroll_bar, plan.list.len(), offset, theme);
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
    let visible = usize::from(plan.help_text.height);
    let scroll = app.help_scroll.min(plan.help.len().saturating_sub(visible));
    draw_lines(buf, plan.help_text, &plan.help, scroll);
    scrollbar(buf, plan.help_bar, plan.help.len(), scroll, theme);
}
