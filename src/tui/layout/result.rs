//! The result screen's plan: the recommendation as a headline that stays in view, then a
//! scrollable document (the scores as bars, the answers that moved it, what would change it,
//! the outcome's guidance and its sources), wrapped once to the screen's width.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::outcome::told;
use techhire::text::{terminal_safe, terminal_safe_multiline};
use techhire::{Recommendation, Tree};

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
    let x = area.x + 1;
    let width = area.width.saturating_sub(3);
    let headline_lines = headline_lines(shared, result, usize::from(width));
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
        document_lines: document_lines(shared, result, usize::from(document.width)),
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

/// The recommendation, and by how much it won.
fn headline_lines(shared: &Shared, result: &Recommendation, width: usize) -> Vec<Line<'static>> {
    let theme = &shared.theme;
    let tree = shared.tree();
    let label = |o: usize| terminal_safe(result.label(tree, o)).into_owned();
    let mut lines = wrap(
        &[
            Span::styled("Recommendation: ", theme.muted),
            Span::styled(
                result.headline_with(tree, |l| terminal_safe(l).into_owned()),
                theme.accent,
            ),
        ],
        width,
    );
    let Some(runner_up) = result.runner_up else {
        return lines;
    };
    let points = |n: i64| if n.abs() == 1 { "point" } else { "points" };
    let margin = if result.tie {
        vec![
            Span::styled("Close call: ", theme.warn),
            Span::styled(
                format!(
                    "a tie on {} {} each; see what would settle it below.",
                    result.scores[result.outcome],
                    points(result.scores[result.outcome]),
                ),
                theme.text,
            ),
        ]
    } else if result.close_call {
        vec![
            Span::styled("Close call: ", theme.warn),
            Span::styled(
                format!(
                    "ahead of “{}” by only {} {}; see what would change it below.",
                    label(runner_up),
                    result.margin,
                    points(result.margin),
                ),
                theme.text,
            ),
        ]
    } else {
        vec![Span::styled(
            format!(
                "Ahead of “{}” by {} {}.",
                label(runner_up),
                result.margin,
                points(result.margin)
            ),
            theme.muted,
        )]
    };
    lines.extend(wrap(&margin, width));
    lines
}

/// Everything under the headline, as lines `width` columns wide.
fn document_lines(shared: &Shared, result: &Recommendation, width: usize) -> Vec<Line<'static>> {
    let theme = &shared.theme;
    let tree = shared.tree();
    let outcome = tree.outcome(result.outcome);
    let mut lines = Vec::new();
    for &o in &result.leaders {
        lines.extend(wrap(
            &[Span::styled(
                terminal_safe_multiline(&tree.outcome(o).summary).into_owned(),
                theme.text,
            )],
            width,
        ));
    }
    for note in told::notes(tree, result, &|s| terminal_safe(s).into_owned()) {
        lines.push(Line::default());
        lines.extend(wrap(&[Span::styled(note, theme.text)], width));
    }
    section(&mut lines, "Scores", theme);
    lines.extend(bars(tree, result, width, theme));
    section(&mut lines, "What moved it, strongest first", theme);
    let toward = reasons(tree, result, true, width, theme);
    if toward.is_empty() {
        lines.push(Line::from(Span::styled(
            "No single answer put it ahead on its own.",
            theme.muted,
        )));
    }
    lines.extend(toward);
    if let Some(runner_up) = result.runner_up {
        let against = reasons(tree, result, false, width, theme);
        if !against.is_empty() {
            let label = terminal_safe(result.label(tree, runner_up)).into_owned();
            section(&mut lines, &format!("What pulled toward “{label}”"), theme);
            lines.extend(against);
        }
    }
    section(&mut lines, "What would change it", theme);
    lines.extend(what_ifs(tree, result, width, theme));
    let notes = notes(shared, width);
    if !notes.is_empty() {
        section(&mut lines, "Your notes", theme);
        lines.extend(notes);
    }
    let list = |lines: &mut Vec<Line<'static>>, title: &str, items: &[String]| {
        section(lines, title, theme);
        for item in items {
            lines.extend(bullet(item, theme.text, width, theme));
        }
    };
    let paragraph = |lines: &mut Vec<Line<'static>>, title: &str, text: &str| {
        section(lines, title, theme);
        let text = terminal_safe_multiline(text).into_owned();
        lines.extend(wrap(&[Span::styled(text, theme.text)], width));
    };
    list(&mut lines, "What the role owns", &outcome.owns);
    list(&mut lines, "Hiring priorities", &outcome.priorities);
    paragraph(&mut lines, "The profile", &outcome.profile);
    list(&mut lines, "Risks", &outcome.risks);
    section(&mut lines, "Next steps", theme);
    for (i, step) in outcome.next_steps.iter().enumerate() {
        lines.extend(wrap_indented(
            Span::styled(format!("{}. ", i + 1), theme.muted),
            &[Span::styled(terminal_safe(step).into_owned(), theme.text)],
            width,
        ));
    }
    if let Some(text) = &outcome.collaboration {
        paragraph(&mut lines, "How the two leaders work together", text);
    }
    if let Some(text) = &outcome.when_to_split {
        paragraph(&mut lines, "When to split the role", text);
    }
    let sources: Vec<_> = outcome
        .sources
        .iter()
        .filter_map(|id| tree.source(id))
        .collect();
    if !sources.is_empty() {
        section(&mut lines, "Sources", theme);
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
    lines
}

/// The notes, each under its question: those on the answers in the order asked, then any on
/// questions off this path (asked before an answer changed, or no longer in the tree), then
/// the note on the interview as a whole.
fn notes(shared: &Shared, width: usize) -> Vec<Line<'static>> {
    let theme = &shared.theme;
    let tree = shared.tree();
    let path: Vec<usize> = shared.interview.path().iter().map(|s| s.question).collect();
    let mut order: Vec<(&str, &str, bool)> = path
        .iter()
        .filter_map(|&q| {
            let note = shared.note_on(q)?;
            Some((tree.question(q).prompt.as_str(), note, shared.is_private(q)))
        })
        .collect();
    for (id, note) in &shared.notes {
        let index = tree.question_index(id);
        if note.trim().is_empty() || index.is_some_and(|q| path.contains(&q)) {
            continue;
        }
        let about = index.map_or(id.as_str(), |q| tree.question(q).prompt.as_str());
        order.push((about, note, shared.private.contains(id)));
    }
    if let Some(note) = shared.interview_note() {
        order.push((
            "On the interview as a whole",
            note,
            shared.interview_private,
        ));
    }
    let mut lines = Vec::new();
    for (i, (about, note, private)) in order.into_iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.extend(bullet(about, theme.text, width, theme));
        let indented = note_lines(note, private, width.saturating_sub(2), 0, theme)
            .into_iter()
            .map(|mut line| {
                line.spans.insert(0, Span::raw("  "));
                line
            });
        lines.extend(indented);
    }
    lines
}

fn section(lines: &mut Vec<Line<'static>>, title: &str, theme: &Theme) {
    lines.push(Line::default());
    lines.push(heading(title, theme));
}

/// One bar per outcome, highest score first.
fn bars(tree: &Tree, result: &Recommendation, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut order: Vec<usize> = (0..result.scores.len()).collect();
    order.sort_by_key(|&o| (std::cmp::Reverse(result.scores[o]), !result.leads(o), o));
    let labels: Vec<String> = (0..result.scores.len())
        .map(|o| terminal_safe(&tree.outcome(o).label).into_owned())
        .collect();
    let label_width = labels
        .iter()
        .map(|l| wrap::width(l))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let value_width = result
        .scores
        .iter()
        .map(|s| s.to_string().len())
        .max()
        .unwrap_or(1);
    let bar_width = width
        .saturating_sub(label_width + value_width + 4)
        .min(MAX_BAR);
    let top = result.scores.iter().copied().max().unwrap_or(0).max(1);
    order
        .into_iter()
        .map(|o| {
            let score = result.scores[o];
            let filled = if score > 0 {
                ((score as f64 / top as f64) * bar_width as f64).round() as usize
            } else {
                0
            };
            let label = wrap::truncate(&labels[o], label_width);
            let pad = label_width - wrap::width(&label);
            let style = if result.leads(o) {
                theme.accent
            } else {
                theme.text
            };
            Line::from(vec![
                Span::styled(format!("{label}{}  ", " ".repeat(pad)), style),
                Span::styled(
                    "█".repeat(filled),
                    if result.leads(o) {
                        theme.filled
                    } else {
                        theme.unfilled
                    },
                ),
                Span::raw(" ".repeat(bar_width - filled + 1)),
                Span::styled(format!("{score:>value_width$}"), style),
            ])
        })
        .collect()
}

/// The answers that put the recommendation ahead of the runner-up (`toward`), or those that
/// pulled the other way, strongest first, each with its reason.
fn reasons(
    tree: &Tree,
    result: &Recommendation,
    toward: bool,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut moved: Vec<_> = result
        .strongest_reasons()
        .into_iter()
        .filter(|r| if toward { r.lead > 0 } else { r.lead < 0 })
        .collect();
    if !toward {
        moved.reverse();
    }
    let mut lines = Vec::new();
    for reason in moved {
        let choice = &tree.question(reason.question).choices[reason.choice];
        let why = choice.reason.as_deref().unwrap_or(&choice.label);
        let (sign, style) = if toward {
            (format!("+{}", reason.lead), theme.plus)
        } else {
            (format!("−{}", -reason.lead), theme.minus)
        };
        lines.extend(wrap_indented(
            Span::styled(format!("{sign:>3}  "), style),
            &[Span::styled(terminal_safe(why).into_owned(), theme.text)],
            width,
        ));
        lines.extend(wrap_indented(
            Span::raw("     "),
            &[Span::styled(
                format!("You answered “{}”", terminal_safe(&choice.label)),
                theme.muted,
            )],
            width,
        ));
    }
    lines
}

/// Each answer that, changed on its own, would change the result, grouped by question.
fn what_ifs(
    tree: &Tree,
    result: &Recommendation,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut last_question = None;
    for what_if in &result.what_ifs {
        let question = tree.question(what_if.question);
        if last_question != Some(what_if.question) {
            last_question = Some(what_if.question);
            lines.extend(bullet(&question.prompt, theme.text, width, theme));
        }
        let to = terminal_safe(&question.choices[what_if.to].label).into_owned();
        let outcome = told::verdict(tree, what_if, &|s| terminal_safe(s).into_owned());
        let mut parts = vec![Span::styled(format!("“{to}” → "), theme.text)];
        match what_if.unanswered {
            None => parts.push(Span::styled(outcome, theme.accent)),
            Some(more) => {
                parts.push(Span::styled("leans to ", theme.text));
                parts.push(Span::styled(outcome, theme.accent));
                let first = terminal_safe(&tree.question(more.first).prompt).into_owned();
                parts.push(Span::styled(
                    format!(" so far, pending an answer to “{first}”"),
                    theme.muted,
                ));
            }
        }
        lines.extend(wrap_indented(Span::raw("    "), &parts, width));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            "No single changed answer would change this recommendation.",
            theme.muted,
        )));
    }
    lines
}
