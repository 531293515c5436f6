//! The result screen's plan: the report's outline (the same one every report format draws),
//! its headline kept in view and the rest a scrollable document (what we heard, why, what
//! would change it, what to do, then the appendix with the scores as bars), wrapped once to
//! the screen's width.

use std::collections::BTreeMap;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use techhire::Recommendation;
use techhire::report::outline::{Block, Headline, Score, Section, Span as Run, Text};
use techhire::report::{Outline, ReportInput};
use techhire::session::PRIVATE_LABEL;
use techhire::text::terminal_safe;

use super::lines::{bullet, heading, note_lines};
use crate::tui::shared::Shared;
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap, wrap_indented};

/// Bars longer than this are harder, not easier, to compare.
const MAX_BAR: usize = 48;

/// Where the result's parts go, and their text.
#[derive(Clone)]
pub struct Plan {
    /// The body this plan fills.
    pub area: Rect,
    pub headline: Rect,
    pub rule: Rect,
    pub document: Rect,
    pub bar: Rect,
    pub headline_lines: Vec<Line<'static>>,
    pub document_lines: Vec<Line<'static>>,
}

impl Plan {
    /// How far the document can scroll.
    pub fn max_scroll(&self) -> usize {
        self.document_lines
            .len()
            .saturating_sub(usize::from(self.document.height))
    }

    /// Rows PgUp and PgDn move by: a screenful, less one line kept for context.
    pub fn page(&self) -> usize {
        usize::from(self.document.height.saturating_sub(1)).max(1)
    }
}

/// Lays `result` out in `area`, the body.
pub fn plan(shared: &Shared, result: &Recommendation, area: Rect) -> Plan {
    let width = area.width.saturating_sub(3);
    // The screen is the consultant's: every note, the private ones marked as in their copy.
    let mark = |private: bool, note: &str| {
        if private {
            format!("{PRIVATE_LABEL}{note}")
        } else {
            note.to_string()
        }
    };
    let notes: BTreeMap<String, String> = shared
        .notes
        .iter()
        .map(|(id, note)| (id.clone(), mark(shared.private.contains(id), note)))
        .collect();
    let interview_note = shared
        .interview_note()
        .map(|note| mark(shared.interview_private, note));
    let outline = Outline::new(&ReportInput {
        tree: shared.tree(),
        interview: &shared.interview,
        recommendation: result,
        client: shared.client.as_deref(),
        consultant: None,
        date: None,
        notes: &notes,
        interview_note: interview_note.as_deref(),
        private_notes: true,
        firm: None,
    });
    let theme = &shared.theme;
    let headline_lines = headline_lines(&outline.headline, usize::from(width), theme);
    let document_lines = document_lines(&outline, usize::from(width), theme);
    framed(area, headline_lines, document_lines)
}

/// A headline kept in view over a rule and a scrolled document, in `area` (the body): the
/// lines wrapped to the body's width less a margin and the scrollbar. The workshop's result
/// screen is laid out the same way.
pub fn framed(
    area: Rect,
    headline_lines: Vec<Line<'static>>,
    document_lines: Vec<Line<'static>>,
) -> Plan {
    let (x, width) = (area.x + 1, area.width.saturating_sub(3));
    let headline_rows = headline_lines.len() as u16;
    let headline = Rect::new(x, area.y, width, headline_rows.min(area.height));
    let rule = Rect::new(area.x, headline.bottom(), area.width, 1).intersection(area);
    let document = Rect::new(
        x,
        rule.bottom(),
        width,
        area.bottom().saturating_sub(rule.bottom()),
    );
    Plan {
        area,
        headline,
        rule,
        document_lines,
        document,
        bar: Rect::new(
            area.right().saturating_sub(1),
            document.y,
            1,
            document.height,
        ),
        headline_lines,
    }
}

/// The recommendation, and how firm it is.
fn headline_lines(headline: &Headline, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = wrap(
        &[
            Span::styled(format!("{}: ", headline.lead), theme.muted),
            Span::styled(terminal_safe(&headline.label).into_owned(), theme.accent),
        ],
        width,
    );
    if let Some(caution) = &headline.caution {
        let mut spans = vec![Span::styled(
            format!("{} ", terminal_safe(&caution.title)),
            theme.warn,
        )];
        spans.extend(runs(&caution.body, theme.text, theme));
        lines.extend(wrap(&spans, width));
    } else if let Some(standing) = &headline.standing {
        lines.extend(wrap(&runs(standing, theme.muted, theme), width));
    }
    lines
}

/// Everything under the headline, as lines `width` columns wide: the summary, then every
/// section of the outline.
fn document_lines(outline: &Outline, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = wrap(
        &[Span::styled(
            terminal_safe(&outline.headline.summary).into_owned(),
            theme.text,
        )],
        width,
    );
    for section in outline.all_sections() {
        self::section(&mut lines, section, width, theme);
    }
    lines
}

fn section(lines: &mut Vec<Line<'static>>, section: &Section, width: usize, theme: &Theme) {
    lines.push(Line::default());
    lines.push(heading(&terminal_safe(&section.heading), theme));
    for block in &section.blocks {
        self::block(lines, block, width, theme);
    }
}

fn block(lines: &mut Vec<Line<'static>>, block: &Block, width: usize, theme: &Theme) {
    match block {
        Block::Paragraph(text) => lines.extend(wrap(&runs(text, theme.text, theme), width)),
        Block::Aside(text) => lines.extend(wrap(&runs(text, theme.muted, theme), width)),
        Block::Subheading(title) => {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                terminal_safe(title).into_owned(),
                theme.muted,
            )));
        }
        Block::Bullets(items) => {
            for item in items {
                lines.extend(wrap_indented(
                    Span::styled("• ", theme.muted),
                    &runs(item, theme.text, theme),
                    width,
                ));
            }
        }
        Block::Steps(items) => {
            for (n, item) in items.iter().enumerate() {
                lines.extend(wrap_indented(
                    Span::styled(format!("{}. ", n + 1), theme.muted),
                    &runs(item, theme.text, theme),
                    width,
                ));
            }
        }
        Block::Points(points) => {
            for p in points {
                lines.extend(bullet(&p.answer, theme.accent, width, theme));
                lines.extend(wrap_indented(
                    Span::raw("  "),
                    &[Span::styled(
                        terminal_safe(&p.because).into_owned(),
                        theme.text,
                    )],
                    width,
                ));
            }
        }
        Block::Changes(changes) => {
            for c in changes {
                let asked = format!(
                    "{} You answered “{}”.",
                    terminal_safe(&c.question),
                    terminal_safe(&c.answered)
                );
                lines.extend(bullet(&asked, theme.text, width, theme));
                for line in &c.instead {
                    let mut spans = vec![Span::styled("→ ", theme.muted)];
                    spans.extend(runs(line, theme.text, theme));
                    lines.extend(wrap_indented(Span::raw("  "), &spans, width));
                }
            }
        }
        Block::Scores(scores) => lines.extend(bars(scores, width, theme)),
        Block::Answers(answers) => {
            for (n, a) in answers.iter().enumerate() {
                let number = format!("{}. ", n + 1);
                let indent = " ".repeat(number.len());
                lines.extend(wrap_indented(
                    Span::styled(number, theme.muted),
                    &[Span::styled(
                        terminal_safe(&a.question).into_owned(),
                        theme.muted,
                    )],
                    width,
                ));
                let gave: Vec<String> = a
                    .gave
                    .iter()
                    .map(|(label, points)| {
                        let sign = if *points > 0 { "+" } else { "" };
                        format!("{sign}{points} {}", terminal_safe(label))
                    })
                    .collect();
                let mut spans = vec![Span::styled(
                    format!("“{}”", terminal_safe(&a.answer)),
                    theme.text,
                )];
                if !gave.is_empty() {
                    spans.push(Span::styled(format!("  {}", gave.join(", ")), theme.muted));
                }
                lines.extend(wrap_indented(Span::raw(indent.clone()), &spans, width));
                for line in &a.instead {
                    lines.extend(wrap_indented(
                        Span::styled(format!("{indent}→ "), theme.muted),
                        &runs(line, theme.text, theme),
                        width,
                    ));
                }
                if let Some(note) = &a.note {
                    lines.extend(indented(
                        note_lines(
                            note.strip_prefix(PRIVATE_LABEL).unwrap_or(note),
                            note.starts_with(PRIVATE_LABEL),
                            width.saturating_sub(indent.len()),
                            0,
                            theme,
                        ),
                        &indent,
                    ));
                }
            }
        }
        Block::Notes(notes) => {
            for (i, n) in notes.iter().enumerate() {
                if i > 0 {
                    lines.push(Line::default());
                }
                lines.extend(bullet(&n.about, theme.text, width, theme));
                lines.extend(indented(
                    note_lines(
                        n.text.strip_prefix(PRIVATE_LABEL).unwrap_or(&n.text),
                        n.text.starts_with(PRIVATE_LABEL),
                        width.saturating_sub(2),
                        0,
                        theme,
                    ),
                    "  ",
                ));
            }
        }
        // Too narrow for a column per person: each row, then who gave what.
        Block::Grid(g) => {
            for row in &g.rows {
                let label = match row.mark.is_empty() {
                    true => terminal_safe(&row.label).into_owned(),
                    false => format!("{} ({})", terminal_safe(&row.label), row.mark),
                };
                lines.extend(bullet(&label, theme.text, width, theme));
                lines.extend(wrap_indented(
                    Span::raw("  "),
                    &[Span::styled(
                        terminal_safe(&row.cells.said(&g.columns)).into_owned(),
                        theme.muted,
                    )],
                    width,
                ));
            }
        }
        Block::Sources(sources) => {
            for source in sources {
                let by = match &source.author {
                    Some(author) => format!("{author}, {}, {}", source.publisher, source.date),
                    None => format!("{}, {}", source.publisher, source.date),
                };
                lines.extend(wrap_indented(
                    Span::styled("• ", theme.muted),
                    &[
                        Span::styled(terminal_safe(&source.title).into_owned(), theme.text),
                        Span::styled(format!(" ({})", terminal_safe(&by)), theme.muted),
                    ],
                    width,
                ));
            }
        }
    }
}

/// Styled text as spans: plain in `style`, strong in the accent, the client's words quoted.
fn runs(text: &Text, style: Style, theme: &Theme) -> Vec<Span<'static>> {
    text.0
        .iter()
        .map(|run| match run {
            Run::Plain(s) => Span::styled(terminal_safe(s).into_owned(), style),
            Run::Strong(s) => Span::styled(terminal_safe(s).into_owned(), theme.accent),
            Run::Quoted(s) => Span::styled(format!("“{}”", terminal_safe(s)), style),
        })
        .collect()
}

/// Lines moved right by `indent`.
fn indented(lines: Vec<Line<'static>>, indent: &str) -> impl Iterator<Item = Line<'static>> {
    let indent = indent.to_string();
    lines.into_iter().map(move |mut line| {
        line.spans.insert(0, Span::raw(indent.clone()));
        line
    })
}

/// One bar per outcome, highest score first (the outline's order).
fn bars(scores: &[Score], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let labels: Vec<String> = scores
        .iter()
        .map(|s| terminal_safe(&s.label).into_owned())
        .collect();
    let label_width = labels
        .iter()
        .map(|l| wrap::width(l))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let value_width = scores
        .iter()
        .map(|s| s.points.to_string().len())
        .max()
        .unwrap_or(1);
    let bar_width = width
        .saturating_sub(label_width + value_width + 4)
        .min(MAX_BAR);
    let top = scores.iter().map(|s| s.points).max().unwrap_or(0).max(1);
    scores
        .iter()
        .zip(labels)
        .map(|(score, label)| {
            let filled = if score.points > 0 {
                ((score.points as f64 / top as f64) * bar_width as f64).round() as usize
            } else {
                0
            };
            let label = wrap::truncate(&label, label_width);
            let pad = label_width - wrap::width(&label);
            let style = if score.recommended {
                theme.accent
            } else {
                theme.text
            };
            Line::from(vec![
                Span::styled(format!("{label}{}  ", " ".repeat(pad)), style),
                Span::styled(
                    "█".repeat(filled),
                    if score.recommended {
                        theme.filled
                    } else {
                        theme.unfilled
                    },
                ),
                Span::raw(" ".repeat(bar_width - filled + 1)),
                Span::styled(format!("{:>value_width$}", score.points), style),
            ])
        })
        .collect()
}
