//! The result as terminal text: the recommendation and how sure it is, the scores with bars,
//! the answers that moved it, what would change it, and the guidance that goes with it. Every
//! string from a file passes through [`terminal_safe`] so it cannot drive the terminal.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::{CONSULTANT_COPY, ReportInput, long_date, more_questions, points, settled, signed};
use crate::outcome::told;
use crate::text::{terminal_safe, terminal_safe_multiline, wrap};

/// The widest score bar, in cells.
const BAR_WIDTH: usize = 24;

/// Renders the result, wrapping paragraphs at `width` columns (0: no wrapping, one line per
/// paragraph, which suits screen readers).
pub fn render(input: &ReportInput, width: usize) -> String {
    let mut out = Out {
        text: String::new(),
        width,
    };
    headline(input, &mut out);
    scores(input, &mut out);
    reasons(input, &mut out);
    what_would_change_it(input, &mut out);
    guidance(input, &mut out);
    notes(input, &mut out);
    out.text
}

fn headline(input: &ReportInput, out: &mut Out) {
    let tree = input.tree;
    let rec = input.recommendation;
    let meta = tree.meta();
    out.line(&format!(
        "{} (version {})",
        terminal_safe(&meta.title),
        terminal_safe(&meta.version)
    ));
    let who: Vec<String> = [
        input
            .client
            .map(|c| format!("Client: {}", terminal_safe(c))),
        input
            .consultant
            .map(|c| format!("Consultant: {}", terminal_safe(c))),
        input
            .firm_name()
            .map(|f| format!("Firm: {}", terminal_safe(f))),
        input
            .date
            .map(|d| format!("Date: {}", terminal_safe(&long_date(d)))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !who.is_empty() {
        out.line(&who.join(" · "));
    }
    if input.private_notes {
        out.line(CONSULTANT_COPY);
    }
    out.blank();
    let safe = |s: &str| terminal_safe(s).into_owned();
    out.line(&format!(
        "Recommendation: {}",
        rec.headline_with(tree, safe)
    ));
    for &o in &rec.leaders {
        out.para(&terminal_safe(&tree.outcome(o).summary), "  ", "  ");
    }
    let standing = match rec.runner_up.map(|r| safe(rec.label(tree, r))) {
        None => String::new(),
        Some(_) if rec.tie => String::new(),
        Some(other) if rec.close_call => format!(
            "Close call: ahead of {other} by only {}. Read the reasons and what would change it before deciding.",
            points(rec.margin)
        ),
        Some(other) => format!("Ahead of {other} by {}.", points(rec.margin)),
    };
    if !standing.is_empty() {
        out.para(&standing, "  ", "  ");
    }
    for note in told::notes(tree, rec, &safe) {
        out.para(&note, "  ", "  ");
    }
}

fn scores(input: &ReportInput, out: &mut Out) {
    let rec = input.recommendation;
    out.heading("Scores");
    // Outcomes as the client's situation words them; those ruled out say so.
    let labels: Vec<String> = (0..input.tree.outcomes().len())
        .map(|o| {
            let label = terminal_safe(rec.label(input.tree, o)).into_owned();
            if rec.ruled_out.iter().any(|r| r.outcome == o) {
                format!("{label} (not an option)")
            } else {
                label
            }
        })
        .collect();
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let number_width = rec
        .scores
        .iter()
        .map(|s| s.to_string().len())
        .max()
        .unwrap_or(1);
    let top = rec.scores.iter().copied().max().unwrap_or(0).max(1);
    // Marker, spaces and number take `label_width + number_width + 6` columns.
    let bar_width = match out.width {
        0 => BAR_WIDTH,
        w => BAR_WIDTH.min(w.saturating_sub(label_width + number_width + 6)),
    };
    for (i, label) in labels.iter().enumerate() {
        let score = rec.scores[i];
        let cells = usize::try_from(score.max(0) * bar_width as i64 / top).unwrap_or(0);
        let bar = "█".repeat(cells);
        let marker = if rec.leads(i) { "▸" } else { " " };
        let pad = " ".repeat(label_width - label.width());
        out.line(format!("{marker} {label}{pad}  {score:>number_width$}  {bar}").trim_end());
    }
}

fn reasons(input: &ReportInput, out: &mut Out) {
    let rec = input.recommendation;
    let tree = input.tree;
    let strongest = rec.strongest_reasons();
    let toward: Vec<_> = strongest.iter().filter(|r| r.lead > 0).collect();
    let against: Vec<_> = strongest.iter().filter(|r| r.lead < 0).collect();
    let versus = rec
        .runner_up
        .map(|r| format!(" over {}", terminal_safe(rec.label(tree, r))))
        .unwrap_or_default();
    out.heading("Why: the answers that moved it, strongest first");
    if toward.is_empty() {
        out.para(
            "No single answer set it apart; the tree's order of outcomes decided.",
            "  ",
            "  ",
        );
    } else {
        out.para(
            &format!(
                "Points each answer gave {}{versus}:",
                terminal_safe(rec.label(tree, rec.outcome))
            ),
            "  ",
            "  ",
        );
    }
    for r in toward {
        reason(input, r, out);
    }
    if !against.is_empty() {
        out.heading("What pulled the other way");
        for r in against {
            reason(input, r, out);
        }
    }
}

fn reason(input: &ReportInput, r: &crate::outcome::Reason, out: &mut Out) {
    let choice = input.choice(r.question, r.choice);
    let question = input.question(r.question);
    let lead = format!("  {:<4}", signed(r.lead));
    out.para(&terminal_safe(&choice.label), &lead, "      ");
    out.para(&terminal_safe(input.reason_text(r)), "      ", "      ");
    out.para(
        &format!("Asked: {}", terminal_safe(&question.prompt)),
        "      ",
        "      ",
    );
}

fn what_would_change_it(input: &ReportInput, out: &mut Out) {
    let tree = input.tree;
    out.heading("What would change it");
    let groups = input.what_ifs_by_question();
    if groups.is_empty() {
        out.para(
            &settled(input, |l| terminal_safe(l).into_owned()),
            "  ",
            "  ",
        );
        return;
    }
    for (question, from, what_ifs) in groups {
        let q = input.question(question);
        out.para(
            &format!(
                "{} You answered \u{201c}{}\u{201d}.",
                terminal_safe(&q.prompt),
                terminal_safe(&input.choice(question, from).label)
            ),
            "  ",
            "  ",
        );
        for w in what_ifs {
            let to = terminal_safe(&input.choice(question, w.to).label);
            let outcome = told::verdict(tree, w, &|l| terminal_safe(l).into_owned());
            let line = match &w.unanswered {
                None => format!("\u{201c}{to}\u{201d} would change it to {outcome}."),
                Some(u) => format!(
                    "\u{201c}{to}\u{201d} would lean to {outcome}, though that branch has {} to answer, starting with \u{201c}{}\u{201d}",
                    more_questions(u.fewest, u.most),
                    terminal_safe(&input.question(u.first).prompt)
                ),
            };
            out.para(&line, "    • ", "      ");
        }
    }
}

fn guidance(input: &ReportInput, out: &mut Out) {
    let tree = input.tree;
    let outcome = tree.outcome(input.recommendation.outcome);
    out.heading(&format!("What to do: {}", terminal_safe(&outcome.label)));
    let lists = [
        ("What the role owns", &outcome.owns),
        ("What to prioritise when hiring", &outcome.priorities),
    ];
    for (title, items) in lists {
        list(title, items, out);
    }
    out.subheading("Who succeeds");
    out.paras(&outcome.profile);
    list("Risks", &outcome.risks, out);
    list("Next steps", &outcome.next_steps, out);
    if let Some(text) = &outcome.collaboration {
        out.subheading("How the two leaders work together");
        out.paras(text);
    }
    if let Some(text) = &outcome.when_to_split {
        out.subheading("When to split the role");
        out.paras(text);
    }
    let sources: Vec<_> = outcome
        .sources
        .iter()
        .filter_map(|id| tree.source(id))
        .collect();
    if !sources.is_empty() {
        out.heading("Sources");
        for s in sources {
            let by = match &s.author {
                Some(author) => format!("{}, {}", s.publisher, author),
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

fn list(title: &str, items: &[String], out: &mut Out) {
    if items.is_empty() {
        return;
    }
    out.subheading(title);
    for item in items {
        out.para(&terminal_safe(item), "    • ", "      ");
    }
}

/// Every note: those on the answers in the order asked, then those on other questions.
fn notes(input: &ReportInput, out: &mut Out) {
    let mut noted: Vec<(&str, &str)> = input
        .interview
        .path()
        .iter()
        .filter_map(|s| {
            let note = input.note(s.question)?;
            Some((input.question(s.question).prompt.as_str(), note))
        })
        .collect();
    let others = input.other_notes();
    noted.extend(others.iter().map(|n| (n.about(input.tree), n.note)));
    let interview_note = input.note_on_interview();
    noted.extend(interview_note.map(|n| ("On the interview as a whole", n)));
    if noted.is_empty() {
        return;
    }
    out.heading("Your notes");
    for (about, note) in noted {
        out.para(&terminal_safe(about), "  ", "  ");
        out.paras_indented(note, "    ");
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

    fn subheading(&mut self, title: &str) {
        self.line(&format!("  {title}"));
    }

    /// A paragraph from a file, keeping its own line breaks, under a subheading.
    fn paras(&mut self, text: &str) {
        self.paras_indented(text, "    ");
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
