//! The report as terminal text, for `report --format text`, `run` and plain mode: the
//! [`Outline`] with indented, wrapped paragraphs and score bars. Every string from a file
//! passes through [`terminal_safe`] so it cannot drive the terminal.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::ReportInput;
use super::outline::{Block, Outline, Section, Text};
use crate::text::{terminal_safe, terminal_safe_multiline, wrap};

/// The widest score bar, in cells.
const BAR_WIDTH: usize = 24;

/// Renders the report, wrapping paragraphs at `width` columns (0: no wrapping, one line per
/// paragraph, which suits screen readers).
pub fn render(input: &ReportInput, width: usize) -> String {
    render_outline(&Outline::new(input), width)
}

/// Renders an outline already built.
pub fn render_outline(outline: &Outline, width: usize) -> String {
    let mut out = Out {
        text: String::new(),
        width,
    };
    masthead(outline, &mut out);
    headline(outline, &mut out);
    for section in outline.all_sections() {
        self::section(section, &mut out);
    }
    out.blank();
    out.para(&terminal_safe(&outline.colophon), "", "");
    out.text
}

fn masthead(outline: &Outline, out: &mut Out) {
    let m = &outline.masthead;
    out.line(&m.kicker.to_uppercase());
    let who: Vec<String> = [
        m.client.as_deref().map(|c| format!("Client: {c}")),
        m.consultant.as_deref().map(|c| format!("Consultant: {c}")),
        m.firm.as_deref().map(|f| format!("Firm: {f}")),
        m.date.as_deref().map(|d| format!("Date: {d}")),
    ]
    .into_iter()
    .flatten()
    .map(|s| terminal_safe(&s).into_owned())
    .collect();
    if !who.is_empty() {
        out.para(&who.join(" · "), "", "");
    }
    if let Some(copy) = m.copy {
        out.para(copy, "", "");
    }
    out.blank();
}

fn headline(outline: &Outline, out: &mut Out) {
    let h = &outline.headline;
    out.para(&format!("{}: {}", h.lead, terminal_safe(&h.label)), "", "");
    out.para(&terminal_safe(&h.summary), "  ", "  ");
    if let Some(standing) = &h.standing {
        out.para(&flat(standing), "  ", "  ");
    }
    if let Some(caution) = &h.caution {
        out.para(
            &format!("{} {}", terminal_safe(&caution.title), flat(&caution.body)),
            "  ! ",
            "    ",
        );
    }
}

fn section(section: &Section, out: &mut Out) {
    out.heading(&terminal_safe(&section.heading));
    for block in &section.blocks {
        self::block(block, out);
    }
}

fn block(block: &Block, out: &mut Out) {
    match block {
        Block::Paragraph(text) | Block::Aside(text) => out.para(&flat(text), "  ", "  "),
        Block::Subheading(title) => out.para(&terminal_safe(title), "  ", "  "),
        Block::Bullets(items) => {
            for item in items {
                out.para(&flat(item), "    • ", "      ");
            }
        }
        Block::Steps(items) => {
            for (n, item) in items.iter().enumerate() {
                out.para(&flat(item), &format!("    {}. ", n + 1), "       ");
            }
        }
        Block::Points(points) => {
            for p in points {
                out.para(&terminal_safe(&p.answer), "  • ", "    ");
                out.para(&terminal_safe(&p.because), "    ", "    ");
            }
        }
        Block::Changes(changes) => {
            for c in changes {
                out.para(
                    &format!(
                        "{} You answered \u{201c}{}\u{201d}.",
                        terminal_safe(&c.question),
                        terminal_safe(&c.answered)
                    ),
                    "  ",
                    "  ",
                );
                for line in &c.instead {
                    out.para(&flat(line), "    • ", "      ");
                }
            }
        }
        Block::Scores(scores) => {
            let labels: Vec<_> = scores.iter().map(|s| terminal_safe(&s.label)).collect();
            let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
            let number_width = scores
                .iter()
                .map(|s| s.points.to_string().len())
                .max()
                .unwrap_or(1);
            let top = scores.iter().map(|s| s.points).max().unwrap_or(0).max(1);
            // Indent, marker, spaces and number take `label_width + number_width + 8` columns.
            let bar_width = match out.width {
                0 => BAR_WIDTH,
                w => BAR_WIDTH.min(w.saturating_sub(label_width + number_width + 8)),
            };
            for (score, label) in scores.iter().zip(&labels) {
                let cells =
                    usize::try_from(score.points.max(0) * bar_width as i64 / top).unwrap_or(0);
                let bar = "█".repeat(cells);
                let marker = if score.recommended { "▸" } else { " " };
                let pad = " ".repeat(label_width - label.width());
                let points = score.points;
                out.line(
                    format!("  {marker} {label}{pad}  {points:>number_width$}  {bar}").trim_end(),
                );
            }
        }
        Block::Answers(answers) => {
            for (n, a) in answers.iter().enumerate() {
                let number = format!("    {}. ", n + 1);
                let indent = " ".repeat(number.len());
                out.para(&terminal_safe(&a.question), &number, &indent);
                let gave: Vec<String> = a
                    .gave
                    .iter()
                    .map(|(label, points)| format!("{} {}", signed(*points), terminal_safe(label)))
                    .collect();
                let answer = if gave.is_empty() {
                    format!("\u{201c}{}\u{201d}", terminal_safe(&a.answer))
                } else {
                    format!(
                        "\u{201c}{}\u{201d} ({})",
                        terminal_safe(&a.answer),
                        gave.join(", ")
                    )
                };
                out.para(&answer, &indent, &indent);
                for line in &a.instead {
                    out.para(
                        &flat(line),
                        &format!("{indent}\u{2192} "),
                        &format!("{indent}  "),
                    );
                }
                if let Some(note) = &a.note {
                    out.para("Note:", &indent, &indent);
                    out.paras_indented(note, &format!("{indent}  "));
                }
            }
        }
        Block::Notes(notes) => {
            for n in notes {
                out.para(&terminal_safe(&n.about), "    ", "    ");
                out.paras_indented(&n.text, "      ");
            }
        }
        // A terminal is too narrow for a column per person: each row is its label and mark,
        // then who gave what.
        Block::Grid(g) => {
            for row in &g.rows {
                let label = terminal_safe(&row.label);
                match row.mark.is_empty() {
                    true => out.para(&label, "  • ", "    "),
                    false => out.para(
                        &format!("{label} ({})", terminal_safe(&row.mark)),
                        "  • ",
                        "    ",
                    ),
                }
                out.para(&terminal_safe(&row.cells.said(&g.columns)), "    ", "    ");
            }
        }
        Block::Sources(sources) => {
            for s in sources {
                let by = match &s.author {
                    Some(author) => format!("{}, {author}", s.publisher),
                    None => s.publisher.clone(),
                };
                out.para(
                    &terminal_safe(&format!("{} ({by}, {})", s.title, s.date)),
                    "  • ",
                    "    ",
                );
            }
        }
    }
}

/// The words of styled text, quotation marks curly, made safe for a terminal.
fn flat(text: &Text) -> String {
    let words = text.flat("\u{201c}", "\u{201d}");
    terminal_safe(&words).into_owned()
}

/// Points as a signed number, e.g. `+3`, `-2`.
fn signed(points: i32) -> String {
    if points > 0 {
        format!("+{points}")
    } else {
        points.to_string()
    }
}

/// The text being built, and the width to wrap it at.
struct Out {
    text: String,
    width: usize,
}

impl Out {
    fn line(&mut self, line: &str) {
        let _ = writeln!(self.text, "{line}");
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    fn heading(&mut self, title: &str) {
        self.blank();
        self.line(title);
    }

    fn paras_indented(&mut self, text: &str, indent: &str) {
        for line in terminal_safe_multiline(text).lines() {
            self.para(line.trim_end(), indent, indent);
        }
    }

    /// One paragraph, wrapped at word boundaries; `first` starts it, `rest` indents the others.
    fn para(&mut self, text: &str, first: &str, rest: &str) {
        let wrapped = wrap(text, self.width, first, rest);
        self.text.push_str(&wrapped);
    }
}

#[cfg(test)]
mod tests;
