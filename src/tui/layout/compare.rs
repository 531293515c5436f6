//! The compare screen's plan: the view questions × people grid, furthest apart first (the
//! library's order), each cell the person's answer cut to fit, each row marked agreed, mostly
//! or split with its points apart (or "not asked" when only one person's answers led to it),
//! then the facts answered once for the company; or one
//! question's detail (each person's answer, why it counts, their note, what would settle it);
//! and the side panel (where the group stands, each person's own result, the combined scores,
//! the rule), beside the grid when the screen is wide, in its place when asked for.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use techhire::outcome::told::and_list;
use techhire::text::terminal_safe;
use techhire::workshop::alignment::rule_in_words;
use techhire::workshop::{Accord, Combined, told};

use super::lines::{bullet, heading, note_lines};
use crate::tui::reveal::Reveal;
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap, wrap_indented};

/// The panel goes beside the grid from this width; below it, `p` shows it in the grid's place.
pub const BESIDE_FROM: u16 = 110;
/// The panel's width beside the grid, border included.
const PANEL_WIDTH: u16 = 38;
/// The agreement column: "mostly 10" and a gap.
const MARK_WIDTH: usize = 10;
/// The narrowest the question column and a person's column get before people scroll sideways.
const MIN_QUESTION: usize = 20;
const MIN_CELL: usize = 10;
const MAX_CELL: usize = 20;
const MAX_QUESTION: usize = 48;

/// A row of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A view question, by its index in `Combined::spreads` (furthest apart first).
    View(usize),
    /// A fact, by question index: answered once for the company.
    Fact(usize),
}

/// What the body shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The grid (and the panel beside it, when wide).
    Grid,
    /// One row's detail, scrolled.
    Detail { scroll: usize },
    /// The side panel in the grid's place, scrolled.
    Panel { scroll: usize },
}

/// The grid's rows: the view questions furthest apart first, then the facts in the order the
/// interview asks them.
pub fn rows(c: &Combined) -> Vec<Row> {
    let mut rows: Vec<Row> = (0..c.spreads.len()).map(Row::View).collect();
    let mut facts: Vec<usize> = Vec::new();
    for voice in &c.voices {
        for reason in &voice.own.reasons {
            if c.tree.is_fact(reason.question) && !facts.contains(&reason.question) {
                facts.push(reason.question);
            }
        }
    }
    rows.extend(facts.into_iter().map(Row::Fact));
    rows
}

/// The question a row is about.
pub fn question_of(c: &Combined, row: Row) -> usize {
    match row {
        Row::View(s) => c.spreads[s].question,
        Row::Fact(q) => q,
    }
}

/// How wide each column is, and whose columns are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub question: usize,
    pub cell: usize,
    /// The people shown, from the first asked for.
    pub people: Range<usize>,
}

/// Fits the grid in `width` columns for `people` people, starting from person `first`.
pub fn columns(width: usize, people: usize, first: usize) -> Columns {
    // The selection marker and a gap, the agreement column, then a gap before each person.
    let room = width.saturating_sub(2 + MARK_WIDTH);
    let cell = ((room.saturating_sub(MIN_QUESTION + 4)) / people.max(1))
        .saturating_sub(1)
        .clamp(MIN_CELL, MAX_CELL);
    let fit = (room.saturating_sub(MIN_QUESTION) / (cell + 1)).clamp(1, people.max(1));
    let first = first.min(people.saturating_sub(fit));
    let question = room
        .saturating_sub(fit * (cell + 1))
        .clamp(MIN_QUESTION.min(room), MAX_QUESTION);
    Columns {
        question,
        cell,
        people: first..first + fit,
    }
}

/// Where the compare screen's parts go, and their text.
#[derive(Clone)]
pub struct Plan {
    /// The body this plan fills.
    pub area: Rect,
    /// Lines kept at the top of the main part: the grid's column names, or the question whose
    /// detail is open, or the panel's title.
    pub top: Rect,
    pub top_lines: Vec<Line<'static>>,
    /// The scrolled part under them.
    pub main: Rect,
    pub lines: Vec<Line<'static>>,
    pub bar: Rect,
    /// Under the grid: the highlighted question in full, as the grid cuts it.
    pub caption: Rect,
    pub caption_lines: Vec<Line<'static>>,
    /// The line each grid row starts at (empty unless the grid is shown).
    pub row_lines: Vec<usize>,
    pub columns: Columns,
    /// The panel beside or below the grid, when there is room, and its lines.
    pub side: Option<Rect>,
    /// The panel is below the grid, not beside it, in two columns (`side_right` the second).
    pub below: bool,
    pub side_lines: Vec<Line<'static>>,
    pub side_right: Vec<Line<'static>>,
}

impl Plan {
    /// How far the main part can scroll.
    pub fn max_scroll(&self) -> usize {
        self.lines
            .len()
            .saturating_sub(usize::from(self.main.height))
    }

    /// Rows PgUp and PgDn move by.
    pub fn page(&self) -> usize {
        usize::from(self.main.height.saturating_sub(1)).max(1)
    }

    /// The grid row under a point, given the grid's scroll offset.
    pub fn row_at(&self, column: u16, row: u16, offset: usize) -> Option<usize> {
        if !super::contains(self.main, column, row) {
            return None;
        }
        let line = offset + usize::from(row - self.main.y);
        self.row_lines.iter().position(|&l| l == line)
    }
}

/// Lays the compare screen out in `area`, the body: `rows` as [`rows`] gives them, `first` the
/// first person whose column is shown, `view` what the body shows, `row` the highlighted row.
pub fn plan(
    reveal: &Reveal,
    rows: &[Row],
    view: View,
    row: usize,
    first: usize,
    theme: &Theme,
    area: Rect,
) -> Plan {
    let c = &reveal.combined;
    // Below the grid when both fit the height whole; else beside it when the screen is wide;
    // else only in the grid's place (`p`).
    // Below, in two columns side by side.
    let half = usize::from(area.width.saturating_sub(5) / 2);
    let under = (
        standing_lines(reveal, half, theme),
        sums_and_rule(c, half, theme),
    );
    let under_height = under.0.len().max(under.1.len()) as u16;
    let facts = rows.iter().any(|r| matches!(r, Row::Fact(_)));
    let grid_height = rows.len() + if facts { 2 } else { 0 } + 2 + 3;
    let below = view == View::Grid
        && grid_height + usize::from(under_height) + 2 <= usize::from(area.height);
    let beside = !below && area.width >= BESIDE_FROM && !matches!(view, View::Panel { .. });
    let (left, side) = if below {
        let left = Rect {
            height: area.height - (under_height + 2),
            ..area
        };
        let side = Rect {
            y: left.bottom(),
            height: area.height - left.height,
            ..area
        };
        (left, Some(side))
    } else if beside {
        let side_width = PANEL_WIDTH.min(area.width / 3);
        let left = Rect {
            width: area.width - side_width,
            ..area
        };
        let side = Rect {
            x: left.right(),
            width: side_width,
            ..area
        };
        (left, Some(side))
    } else {
        (area, None)
    };
    // One column of margin on the left, a gap and the scrollbar on the right.
    let inner = Rect {
        x: left.x + 1,
        width: left.width.saturating_sub(3),
        ..left
    };
    let width = usize::from(inner.width);
    let columns = columns(width, c.people(), first);
    let (top_lines, lines, row_lines) = match view {
        View::Grid => {
            let (lines, row_lines) = grid_lines(reveal, rows, &columns, theme);
            (vec![column_names(c, &columns, theme)], lines, row_lines)
        }
        View::Detail { .. } => {
            let question = rows.get(row).map(|&r| question_of(c, r));
            let (top, lines) = match (rows.get(row), question) {
                (Some(&r), Some(q)) => detail_lines(reveal, r, q, width, theme),
                _ => (Vec::new(), Vec::new()),
            };
            (top, lines, Vec::new())
        }
        View::Panel { .. } => (
            vec![heading("Where the group stands", theme)],
            panel_lines(reveal, width, theme),
            Vec::new(),
        ),
    };
    let top_rows = (top_lines.len() as u16 + 1).min(inner.height);
    // What the grid leaves free under it: the caption may take it all.
    let free = usize::from(inner.height.saturating_sub(top_rows + 1)).saturating_sub(lines.len());
    let caption_lines = match (view, rows.get(row)) {
        (View::Grid, Some(&r)) => caption(reveal, r, width, free.max(2), theme),
        _ => Vec::new(),
    };
    let top = Rect {
        height: top_rows.saturating_sub(1),
        ..inner
    };
    // The caption and a blank row over it, when the grid leaves room for them.
    let caption_rows = match caption_lines.len() as u16 {
        0 => 0,
        n if inner.height >= top_rows + n + 1 + 4 => n + 1,
        _ => 0,
    };
    let main = Rect {
        y: inner.y + top_rows,
        height: inner.height.saturating_sub(top_rows + caption_rows),
        ..inner
    };
    let caption = Rect {
        y: main.bottom() + caption_rows.min(1),
        height: caption_rows.saturating_sub(1),
        ..inner
    };
    let bar = Rect::new(left.right().saturating_sub(1), main.y, 1, main.height);
    let (side_lines, side_right) = match side {
        Some(_) if below => {
            let mut left = vec![heading("Where the group stands", theme)];
            left.extend(under.0);
            let mut right = vec![Line::default()];
            right.extend(under.1);
            (left, right)
        }
        Some(side) => {
            let mut lines = vec![heading("Where the group stands", theme), Line::default()];
            lines.extend(panel_lines(
                reveal,
                usize::from(side.width.saturating_sub(3)),
                theme,
            ));
            (lines, Vec::new())
        }
        None => (Vec::new(), Vec::new()),
    };
    Plan {
        area,
        top,
        top_lines,
        main,
        lines,
        bar,
        caption,
        caption_lines,
        row_lines,
        columns,
        side,
        below,
        side_lines,
        side_right,
    }
}

/// The highlighted question in full, on at most two lines.
/// The highlighted question in full and, for a view, who answered what (the library's
/// sentence), on at most `rows` lines.
fn caption(
    reveal: &Reveal,
    row: Row,
    width: usize,
    rows: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let c = &reveal.combined;
    let esc = |s: &str| terminal_safe(s).into_owned();
    let q = question_of(c, row);
    let mut spans = vec![Span::styled(
        format!("\u{201c}{}\u{201d}", esc(&c.tree.question(q).prompt)),
        theme.text,
    )];
    if let Row::View(s) = row {
        spans.push(Span::styled(
            format!(" {}.", told::who_answered(c, &c.spreads[s], &esc)),
            theme.muted,
        ));
    }
    if let Some(movement) = &reveal.movement {
        let changed: Vec<String> = (0..c.people())
            .filter(|&p| reveal.changed(p, q).is_some())
            .map(|p| esc(&c.voices[p].display_name()))
            .collect();
        if !changed.is_empty() {
            spans.push(Span::styled(
                format!(
                    " ↻ Changed since round {}: {}.",
                    movement.round_before,
                    and_list(&changed)
                ),
                theme.accent,
            ));
        }
    }
    let mut lines = wrap(&spans, width);
    if lines.len() > rows {
        let cut = wrap::truncate(&format!("{} …", lines[rows - 1]), width);
        lines.truncate(rows - 1);
        lines.push(Line::from(Span::styled(cut, theme.muted)));
    }
    lines
}

/// "Question · Agreement · Ana (CEO) · Ben (CFO) …", with ‹ › when people are off either side.
fn column_names(c: &Combined, columns: &Columns, theme: &Theme) -> Line<'static> {
    let mut spans = vec![
        Span::raw("  "),
        Span::styled(pad("Question", columns.question), theme.muted),
        Span::styled(pad("Agreement", MARK_WIDTH), theme.muted),
    ];
    let more_left = columns.people.start > 0;
    let more_right = columns.people.end < c.people();
    for p in columns.people.clone() {
        let mut name = terminal_safe(&c.voices[p].display_name()).into_owned();
        if p == columns.people.start && more_left {
            name = format!("‹ {name}");
        }
        let mut width = columns.cell;
        if p + 1 == columns.people.end && more_right {
            width = width.saturating_sub(2);
        }
        spans.push(Span::raw(" "));
        spans.push(Span::styled(pad(&name, width), theme.heading));
        if p + 1 == columns.people.end && more_right {
            spans.push(Span::styled(" ›", theme.key));
        }
    }
    Line::from(spans)
}

/// The grid: a line per view question, a heading, then a line per fact.
fn grid_lines(
    reveal: &Reveal,
    rows: &[Row],
    columns: &Columns,
    theme: &Theme,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let c = &reveal.combined;
    let tree = &c.tree;
    let mut lines = Vec::new();
    let mut row_lines = Vec::new();
    let mut facts_said = false;
    for &row in rows {
        let q = question_of(c, row);
        let prompt = terminal_safe(&tree.question(q).prompt).into_owned();
        let mut spans = vec![
            Span::raw("  "),
            Span::styled(pad(&prompt, columns.question - 1), theme.text),
            Span::raw(" "),
        ];
        match row {
            Row::View(s) => {
                let spread = &c.spreads[s];
                // Asked of one person alone: nobody else was asked, so nothing to agree on.
                let (word, style) = match spread.accord {
                    _ if spread.asked() <= 1 => ("not asked", theme.muted),
                    Accord::Agreed => ("agreed", theme.plus),
                    Accord::Mostly => ("mostly", theme.accent),
                    Accord::Split => ("split", theme.warn),
                };
                let mark = if spread.points_apart > 0 {
                    format!("{word} {}", spread.points_apart)
                } else {
                    word.to_string()
                };
                spans.push(Span::styled(pad(&mark, MARK_WIDTH), style));
                for p in columns.people.clone() {
                    // An answer changed since the round before is marked ↻.
                    let changed = reveal.changed(p, q).is_some();
                    let text = match spread.answers[p] {
                        Some(choice) => terminal_safe(&tree.question(q).choices[choice].label),
                        None => "not asked".into(),
                    };
                    let (text, style) = match (changed, spread.answers[p]) {
                        (true, _) => (format!("↻ {text}"), theme.accent),
                        (false, Some(_)) => (text.into_owned(), theme.text),
                        (false, None) => (text.into_owned(), theme.muted),
                    };
                    spans.push(Span::raw(" "));
                    spans.push(Span::styled(pad(&text, columns.cell), style));
                }
            }
            Row::Fact(q) => {
                if !facts_said {
                    facts_said = true;
                    lines.push(Line::default());
                    lines.push(Line::from(vec![
                        Span::raw("  "),
                        Span::styled("Facts, answered once for the company", theme.heading),
                    ]));
                }
                spans.push(Span::styled(pad("fact", MARK_WIDTH), theme.muted));
                let answer = c.voices.iter().find_map(|v| v.answer_on_path(q));
                let label = answer
                    .map(|a| terminal_safe(&tree.question(q).choices[a].label).into_owned())
                    .unwrap_or_default();
                let span = columns.people.len() * (columns.cell + 1);
                spans.push(Span::raw(" "));
                spans.push(Span::styled(
                    pad(&label, span.saturating_sub(1)),
                    theme.muted,
                ));
            }
        }
        row_lines.push(lines.len());
        lines.push(Line::from(spans));
    }
    (lines, row_lines)
}

/// One question's detail: its prompt and how far apart people are (kept in view), then each
/// person's answer, what it counts toward, why, and their note; then what would settle it.
fn detail_lines(
    reveal: &Reveal,
    row: Row,
    q: usize,
    width: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let c = &reveal.combined;
    let tree = &c.tree;
    let esc = |s: &str| terminal_safe(s).into_owned();
    let question = tree.question(q);
    let mut top = wrap(
        &[Span::styled(
            format!("\u{201c}{}\u{201d}", esc(&question.prompt)),
            theme.heading,
        )],
        width,
    );
    let standing = match row {
        Row::View(s) => {
            let spread = &c.spreads[s];
            format!(
                "{} · asked of {} of {}",
                told::accord(spread),
                spread.asked(),
                c.people()
            )
        }
        Row::Fact(_) => "a fact, answered once for the company".to_string(),
    };
    top.extend(wrap(&[Span::styled(standing, theme.muted)], width));

    let mut lines = Vec::new();
    for (p, voice) in c.voices.iter().enumerate() {
        if p > 0 {
            lines.push(Line::default());
        }
        let name = Span::styled(format!("{}: ", esc(&voice.display_name())), theme.accent);
        let Some(choice) = voice.answer_on_path(q) else {
            lines.extend(wrap(
                &[
                    name,
                    Span::styled("not asked: their answers led past it", theme.muted),
                ],
                width,
            ));
            lines.extend(change_lines(reveal, p, q, width, theme));
            continue;
        };
        let answer = &question.choices[choice];
        lines.extend(wrap(
            &[name, Span::styled(esc(&answer.label), theme.text)],
            width,
        ));
        let counts: Vec<String> = tree
            .evidence(q, choice)
            .iter()
            .map(|&(o, points)| format!("{points:+} {}", esc(voice.own.label(tree, o))))
            .collect();
        let counts = if counts.is_empty() {
            "no points either way".to_string()
        } else {
            counts.join(", ")
        };
        lines.extend(wrap_indented(
            Span::styled("  counts toward: ", theme.muted),
            &[Span::styled(counts, theme.text)],
            width,
        ));
        if let Some(why) = &answer.reason {
            lines.extend(wrap_indented(
                Span::styled("  why: ", theme.muted),
                &[Span::styled(esc(why), theme.text)],
                width,
            ));
        }
        lines.extend(change_lines(reveal, p, q, width, theme));
        if let Some(note) = reveal.note(p, q) {
            let mut noted = note_lines(note, false, width.saturating_sub(2), 0, theme);
            for line in &mut noted {
                line.spans.insert(0, Span::raw("  "));
            }
            lines.extend(noted);
        }
    }
    if let Row::View(s) = row {
        let spread = &c.spreads[s];
        if !spread.settle.is_empty() {
            lines.push(Line::default());
            lines.push(heading(
                "What would change if everyone answered like one of them",
                theme,
            ));
            for settle in &spread.settle {
                lines.extend(bullet(
                    &told::settle_line(c, q, settle, &esc),
                    theme.text,
                    width,
                    theme,
                ));
            }
        }
    }
    (top, lines)
}

/// "↻ changed since round 1: it was “x”", when a person's answer changed.
fn change_lines(
    reveal: &Reveal,
    person: usize,
    q: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Some(change) = reveal.changed(person, q) else {
        return Vec::new();
    };
    let question = reveal.combined.tree.question(q);
    let round = reveal.movement.as_ref().map_or(1, |m| m.round_before);
    let from = match change.from {
        Some(c) => format!(
            "\u{201c}{}\u{201d}",
            terminal_safe(&question.choices[c].label)
        ),
        None => "not asked".to_string(),
    };
    wrap_indented(
        Span::styled("  ↻ ", theme.accent),
        &[Span::styled(
            format!("changed since round {round}: it was {from}"),
            theme.accent,
        )],
        width,
    )
}

/// The side panel: the verdict, each person's own result, the combined scores with their sums,
/// and the rule that decided the verdict.
pub fn panel_lines(reveal: &Reveal, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let c = &reveal.combined;
    // The scores before the people: with eight people, a panel cut short still has them.
    let mut lines = verdict_lines(reveal, width, theme);
    lines.push(Line::default());
    lines.extend(score_lines(c, width, theme));
    lines.push(Line::default());
    lines.extend(people_lines(c, width, theme));
    lines.push(Line::default());
    lines.extend(rule_lines(width, theme));
    lines
}

/// The panel's first half below the grid: the verdict, the headline, each person's own result.
fn standing_lines(reveal: &Reveal, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let c = &reveal.combined;
    let mut lines = verdict_lines(reveal, width, theme);
    lines.push(Line::default());
    lines.extend(people_lines(c, width, theme));
    lines
}

/// The alignment rule's verdict and the headline.
fn verdict_lines(reveal: &Reveal, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let c = &reveal.combined;
    let esc = |s: &str| terminal_safe(s).into_owned();
    let mut lines = wrap(
        &[
            Span::styled("Alignment: ", theme.muted),
            Span::styled(
                told::verdict(c.alignment.agreement).to_string(),
                verdict_style(c, theme),
            ),
        ],
        width,
    );
    lines.extend(wrap(
        &[Span::styled(told::headline(c, &esc), theme.text)],
        width,
    ));
    // From a second round: how the group moved, and what the room agreed together.
    if let Some(movement) = &reveal.movement {
        lines.extend(wrap(
            &[Span::styled(
                format!("↻ {}", told::group_movement(c, movement, &esc)),
                theme.accent,
            )],
            width,
        ));
    }
    if let Some(agreed) = &reveal.agreed {
        lines.extend(wrap(
            &[Span::styled(
                told::agreed_line(c, agreed, &esc),
                theme.accent,
            )],
            width,
        ));
    }
    lines
}

/// "Each person's own result", a line each.
fn people_lines(c: &Combined, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let esc = |s: &str| terminal_safe(s).into_owned();
    let mut lines = wrap(
        &[Span::styled("Each person's own result", theme.heading)],
        width,
    );
    for p in 0..c.people() {
        lines.extend(bullet(
            &told::person_line(c, p, &esc),
            theme.text,
            width,
            theme,
        ));
    }
    lines
}

/// The panel's second half below the grid: the combined scores with their sums, and the rule.
fn sums_and_rule(c: &Combined, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = score_lines(c, width, theme);
    lines.push(Line::default());
    lines.extend(rule_lines(width, theme));
    lines
}

/// "How agreement is decided", and the rule in the library's words.
fn rule_lines(width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = wrap(
        &[Span::styled("How agreement is decided", theme.heading)],
        width,
    );
    lines.extend(wrap(&[Span::styled(rule_in_words(), theme.muted)], width));
    lines
}

/// "Combined scores, one voice each", then each outcome's average with the sum it comes from:
/// "6.3 points (19 ÷ 3)".
pub fn score_lines(c: &Combined, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = wrap(
        &[Span::styled(
            "Combined scores, one equal voice each",
            theme.heading,
        )],
        width,
    );
    let rows = told::averages(c);
    let sums: Vec<String> = rows
        .iter()
        .map(|(_, average, total, _)| format!("{average} ({total} ÷ {})", c.people()))
        .collect();
    let sum_width = sums.iter().map(|s| wrap::width(s)).max().unwrap_or(0) + 2;
    for ((name, _, _, open), sum) in rows.iter().zip(sums) {
        let mut label = terminal_safe(name).into_owned();
        if !open {
            label.push_str(" (ruled out for everyone by the facts)");
        }
        let style = if *open { theme.text } else { theme.muted };
        if width >= sum_width + 24 {
            let pad = " ".repeat(sum_width - wrap::width(&sum));
            lines.extend(wrap_indented(
                Span::styled(format!("{pad}{sum}  "), theme.accent),
                &[Span::styled(label, style)],
                width,
            ));
        } else {
            lines.extend(wrap(&[Span::styled(label, style)], width));
            lines.push(Line::from(Span::styled(format!("  {sum}"), theme.accent)));
        }
    }
    lines
}

/// The verdict's colour: agreed in green, broadly in the accent, not agreed as a warning.
pub fn verdict_style(c: &Combined, theme: &Theme) -> Style {
    use techhire::workshop::Agreement;
    match c.alignment.agreement {
        Agreement::Agreed => theme.plus,
        Agreement::BroadlyAgreed => theme.accent,
        Agreement::NotAgreed | Agreement::OppositeEnds => theme.warn,
    }
}

/// Text cut to `width` columns and padded to fill them.
fn pad(text: &str, width: usize) -> String {
    let cut = wrap::truncate(text, width);
    let gap = width.saturating_sub(wrap::width(&cut));
    format!("{cut}{}", " ".repeat(gap))
}
