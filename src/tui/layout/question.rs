//! The question screen's plan: the question, its choices with their details, and "Why this
//! matters" with its sources, beside the choices on wide terminals and below them on narrow
//! ones; which choice is under a point, and how far each part scrolls.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::text::{terminal_safe, terminal_safe_multiline};

use super::lines::{bullet, note_lines};
use super::{contains, keep_in_view};
use crate::tui::shared::Shared;
use crate::tui::wrap::{wrap, wrap_indented};

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
    /// The list of choices (scrolled when taller than this).
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
    /// The panel's title, spaced for a rule.
    pub help_heading: &'static str,
}

/// Lays out the current question in `area` (the body), with choice `highlight` highlighted;
/// `changing` when the question was opened from the review to change its answer.
pub fn plan(shared: &Shared, area: Rect, highlight: usize, changing: bool) -> Option<Plan> {
    let question = shared.interview.current()?;
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
    let prompt_lines = prompt_lines(shared, question, changing, inner);
    let prompt_rows = prompt_lines.len() as u16;
    let parts = choice_parts(shared, question, highlight, inner);
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
    let (list, spans) = assemble(shared, parts, highlight, compact);
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
        help: help_lines(shared, question, usize::from(help_text.width)),
        help_heading: if beside_lines(shared, question, 1).is_empty() {
            " Why this matters "
        } else {
            " How each answered · why this matters "
        },
    })
}

/// "Question 3" and the question, wrapped.
fn prompt_lines(
    shared: &Shared,
    question: usize,
    changing: bool,
    width: usize,
) -> Vec<Line<'static>> {
    let theme = &shared.theme;
    let mut label = vec![Span::styled(
        format!("Question {}", shared.interview.number()),
        theme.muted,
    )];
    if changing {
        label.push(Span::styled(
            "  ·  changing an answer: ✓ marks the one given",
            theme.muted,
        ));
    } else if shared.interview.is_offered() {
        label.push(Span::styled(
            "  ·  ✓ marks your answer last round: Enter keeps it",
            theme.muted,
        ));
    } else if shared.interview.selected().is_some() {
        label.push(Span::styled("  ·  ✓ marks the answer given", theme.muted));
    }
    let mut lines = vec![Line::from(label)];
    let prompt = terminal_safe(&shared.tree().question(question).prompt);
    lines.extend(wrap(
        &[Span::styled(prompt.into_owned(), theme.heading)],
        width,
    ));
    if let Some(note) = shared.note_on(question) {
        let private = shared.is_private(question);
        lines.extend(note_lines(note, private, width, NOTE_ROWS, theme));
    }
    lines
}

/// Each choice's label and detail, wrapped, with the highlight and the answer given marked.
fn choice_parts(
    shared: &Shared,
    question: usize,
    highlight: usize,
    width: usize,
) -> Vec<(Vec<Line<'static>>, Vec<Line<'static>>)> {
    let theme = &shared.theme;
    let given = shared.interview.selected();
    let choices = &shared.tree().question(question).choices;
    choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let highlighted = i == highlight;
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
    shared: &Shared,
    parts: Vec<(Vec<Line<'static>>, Vec<Line<'static>>)>,
    highlight: usize,
    compact: bool,
) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let mut lines = Vec::new();
    let mut spans = Vec::new();
    for (i, (label, detail)) in parts.into_iter().enumerate() {
        let start = lines.len();
        let highlighted = i == highlight;
        lines.extend(label);
        if !compact || highlighted {
            lines.extend(detail);
        }
        if highlighted {
            for line in &mut lines[start..] {
                line.style = shared.theme.selected;
            }
        }
        spans.push(start..lines.len());
    }
    (lines, spans)
}

/// "Why this matters" and the sources it rests on, by title.
fn help_lines(shared: &Shared, question: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &shared.theme;
    let q = shared.tree().question(question);
    let mut lines = beside_lines(shared, question, width);
    let help = terminal_safe_multiline(&q.help);
    lines.extend(wrap(&[Span::styled(help.into_owned(), theme.text)], width));
    let sources: Vec<_> = q
        .sources
        .iter()
        .filter_map(|id| shared.tree().source(id))
        .collect();
    if !sources.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled("Sources", theme.heading)));
        for source in sources {
            lines.extend(bullet(&source.title, theme.text, width, theme));
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

/// While the room answers together, how each person answered this question in the latest
/// round, first in the panel.
fn beside_lines(shared: &Shared, question: usize, width: usize) -> Vec<Line<'static>> {
    let theme = &shared.theme;
    let room = shared.room.as_ref().and_then(|r| r.beside.as_ref());
    let Some(beside) = room.or(shared.beside.as_ref()) else {
        return Vec::new();
    };
    let Some(answers) = beside.answers.get(&question) else {
        return Vec::new();
    };
    let heading = format!("In round {}:", beside.round);
    let mut lines = vec![Line::from(Span::styled(heading, theme.heading))];
    let choices = &shared.tree().question(question).choices;
    for (person, answer) in beside.people.iter().zip(answers) {
        let (said, style) = match answer.and_then(|c| choices.get(c)) {
            Some(choice) => (choice.label.as_str(), theme.text),
            None => ("not asked", theme.muted),
        };
        let line = format!("{}: {said}", terminal_safe(person));
        lines.extend(bullet(&line, style, width, theme));
    }
    lines.push(Line::default());
    lines
}

impl Plan {
    /// The choice-list offset that keeps choice `highlight` in view, starting from `offset`.
    pub fn settled_offset(&self, highlight: usize, offset: usize) -> usize {
        let visible = usize::from(self.choices.height);
        match self.spans.get(highlight) {
            Some(span) => keep_in_view(offset, span.start, span.end, visible),
            None => 0,
        }
        .min(self.max_offset())
    }

    /// How far the choice list can scroll.
    pub fn max_offset(&self) -> usize {
        self.list
            .len()
            .saturating_sub(usize::from(self.choices.height))
    }

    /// How far "Why this matters" can scroll.
    pub fn help_max(&self) -> usize {
        self.help
            .len()
            .saturating_sub(usize::from(self.help_text.height))
    }

    /// Rows PgUp and PgDn move "Why this matters" by.
    pub fn help_page(&self) -> usize {
        usize::from(self.help_text.height.saturating_sub(1)).max(1)
    }

    /// The choice under a point on the screen, with the list scrolled to `offset`.
    pub fn choice_at(&self, offset: usize, column: u16, row: u16) -> Option<usize> {
        if !contains(self.choices, column, row) {
            return None;
        }
        let line = offset + usize::from(row - self.choices.y);
        self.spans.iter().position(|s| s.contains(&line))
    }

    /// Whether a point is over the choices (where the wheel moves the highlight).
    pub fn over_choices(&self, column: u16, row: u16) -> bool {
        contains(self.choices, column, row)
    }
}
