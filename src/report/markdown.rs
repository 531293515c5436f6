//! The result as Markdown that reads well raw in an email and rendered in a document. Text from
//! trees, sessions and notes is escaped, so a `*`, `<`, `$` or a line starting `#` shows as
//! written instead of becoming formatting.

use std::fmt::Write as _;

use super::{CONSULTANT_COPY, ReportInput, long_date, more_questions, points, settled, signed};
use crate::outcome::{Reason, told};
use crate::text::{terminal_safe, terminal_safe_multiline};

/// Renders the result as a Markdown document.
pub fn render(input: &ReportInput) -> String {
    let mut out = String::new();
    headline(input, &mut out);
    scores(input, &mut out);
    reasons(input, &mut out);
    what_would_change_it(input, &mut out);
    answers(input, &mut out);
    other_notes(input, &mut out);
    guidance(input, &mut out);
    out
}

fn headline(input: &ReportInput, out: &mut String) {
    let tree = input.tree;
    let rec = input.recommendation;
    let _ = writeln!(out, "# {}\n", rec.headline_with(tree, escape));
    let _ = writeln!(
        out,
        "*{}*, version {}\n",
        escape(&tree.meta().title),
        escape(&tree.meta().version)
    );
    let who: Vec<String> = [
        ("Client", input.client),
        ("Consultant", input.consultant),
        ("Firm", input.firm_name()),
        ("Date", input.date.map(long_date).as_deref()),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| format!("**{name}:** {}", escape(v))))
    .collect();
    if !who.is_empty() {
        let _ = writeln!(out, "{}\n", who.join(" · "));
    }
    if input.private_notes {
        let _ = writeln!(out, "**{CONSULTANT_COPY}**\n");
    }
    for &o in &rec.leaders {
        let _ = writeln!(out, "> {}\n", escape(&tree.outcome(o).summary));
    }
    if let Some(r) = rec.runner_up.filter(|_| !rec.tie) {
        let other = escape(rec.label(tree, r));
        let standing = if rec.close_call {
            format!(
                "**Close call:** ahead of **{other}** by only {}. Read the reasons and what would change it before deciding.",
                points(rec.margin)
            )
        } else {
            format!("Ahead of **{other}** by {}.", points(rec.margin))
        };
        let _ = writeln!(out, "{standing}\n");
    }
    for note in told::notes(tree, rec, &escape) {
        let _ = writeln!(out, "{note}\n");
    }
}

fn scores(input: &ReportInput, out: &mut String) {
    let rec = input.recommendation;
    let _ = writeln!(out, "## Scores\n");
    for i in 0..input.tree.outcomes().len() {
        let mark = if rec.leads(i) {
            " (recommended)"
        } else if rec.ruled_out.iter().any(|r| r.outcome == i) {
            " (not an option)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "- **{}**: {}{mark}",
            escape(rec.label(input.tree, i)),
            points(rec.scores[i])
        );
    }
    out.push('\n');
}

fn reasons(input: &ReportInput, out: &mut String) {
    let tree = input.tree;
    let rec = input.recommendation;
    let strongest = rec.strongest_reasons();
    let toward: Vec<_> = strongest.iter().filter(|r| r.lead > 0).collect();
    let against: Vec<_> = strongest.iter().filter(|r| r.lead < 0).collect();
    let _ = writeln!(out, "## Why\n");
    if toward.is_empty() {
        let _ = writeln!(
            out,
            "No single answer set it apart; the tree's order of outcomes decided.\n"
        );
    } else {
        let versus = rec
            .runner_up
            .map(|r| format!(" over {}", escape(rec.label(tree, r))))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "The answers that moved it, strongest first, with the points each gave {}{versus}:\n",
            escape(rec.label(tree, rec.outcome))
        );
        for (n, r) in toward.iter().enumerate() {
            reason(input, n + 1, r, out);
        }
        out.push('\n');
    }
    if !against.is_empty() {
        let _ = writeln!(out, "## What pulled the other way\n");
        for (n, r) in against.iter().enumerate() {
            reason(input, n + 1, r, out);
        }
        out.push('\n');
    }
}

fn reason(input: &ReportInput, n: usize, r: &Reason, out: &mut String) {
    let choice = input.choice(r.question, r.choice);
    let _ = writeln!(
        out,
        "{n}. **{}** ({}): {}\\\n   *Asked:* {}",
        escape(&choice.label),
        signed(r.lead),
        escape(input.reason_text(r)),
        escape(&input.question(r.question).prompt)
    );
}

fn what_would_change_it(input: &ReportInput, out: &mut String) {
    let tree = input.tree;
    let _ = writeln!(out, "## What would change it\n");
    let groups = input.what_ifs_by_question();
    if groups.is_empty() {
        let _ = writeln!(out, "{}\n", settled(input, escape));
        return;
    }
    for (question, from, what_ifs) in groups {
        let _ = writeln!(
            out,
            "- **{}** You answered \u{201c}{}\u{201d}.",
            escape(&input.question(question).prompt),
            escape(&input.choice(question, from).label)
        );
        for w in what_ifs {
            let to = escape(&input.choice(question, w.to).label);
            let outcome = told::verdict(tree, w, &escape);
            let _ = match &w.unanswered {
                None => writeln!(
                    out,
                    "  - \u{201c}{to}\u{201d} would change it to **{outcome}**."
                ),
                Some(u) => writeln!(
                    out,
                    "  - \u{201c}{to}\u{201d} would lean to **{outcome}**, though that branch has {} to answer, starting with \u{201c}{}\u{201d}",
                    more_questions(u.fewest, u.most),
                    escape(&input.question(u.first).prompt)
                ),
            };
        }
    }
    out.push('\n');
}

fn answers(input: &ReportInput, out: &mut String) {
    let _ = writeln!(out, "## Your answers\n");
    for (n, step) in input.interview.path().iter().enumerate() {
        let _ = write!(
            out,
            "{}. **{}**\\\n   {}",
            n + 1,
            escape(&input.question(step.question).prompt),
            escape(&input.choice(step.question, step.choice).label)
        );
        if let Some(note) = input.note(step.question) {
            let _ = write!(out, "\\\n   *Note:* {}", note_lines(note, "   "));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// Notes on questions that are not among the answers, so none is left out.
fn other_notes(input: &ReportInput, out: &mut String) {
    if let Some(note) = input.note_on_interview() {
        let _ = writeln!(
            out,
            "## On the interview as a whole\n\n{}\n",
            note_lines(note, "")
        );
    }
    let notes = input.other_notes();
    if notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Other notes\n");
    for note in notes {
        let _ = writeln!(
            out,
            "- **{}**\\\n  {}",
            escape(note.about(input.tree)),
            note_lines(note.note, "  ")
        );
    }
    out.push('\n');
}

/// A note's lines, escaped, joined by hard line breaks, each new line indented to stay in its
/// list item.
fn note_lines(note: &str, indent: &str) -> String {
    let lines: Vec<String> = terminal_safe_multiline(note)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape)
        .collect();
    lines.join(&format!("\\\n{indent}"))
}

fn guidance(input: &ReportInput, out: &mut String) {
    let tree = input.tree;
    let outcome = tree.outcome(input.recommendation.outcome);
    let _ = writeln!(out, "## What to do: {}\n", escape(&outcome.label));
    list("What the role owns", &outcome.owns, out);
    list("What to prioritise when hiring", &outcome.priorities, out);
    paragraph("Who succeeds", &outcome.profile, out);
    list("Risks", &outcome.risks, out);
    list("Next steps", &outcome.next_steps, out);
    if let Some(text) = &outcome.collaboration {
        paragraph("How the two leaders work together", text, out);
    }
    if let Some(text) = &outcome.when_to_split {
        paragraph("When to split the role", text, out);
    }
    let sources: Vec<_> = outcome
        .sources
        .iter()
        .filter_map(|id| tree.source(id))
        .collect();
    if !sources.is_empty() {
        let _ = writeln!(out, "## Sources\n");
        for s in sources {
            let author = s
                .author
                .as_deref()
                .map(|a| format!(" ({})", escape(a)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- *{}*, {}{author}, {}",
                escape(&s.title),
                escape(&s.publisher),
                escape(&s.date)
            );
        }
    }
}

fn list(title: &str, items: &[String], out: &mut String) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {title}\n");
    for item in items {
        let _ = writeln!(out, "- {}", escape(item));
    }
    out.push('\n');
}

fn paragraph(title: &str, text: &str, out: &mut String) {
    let _ = writeln!(out, "### {title}\n");
    let clean = terminal_safe_multiline(text);
    for line in clean.lines() {
        let line = line.trim();
        // A blank line in the source separates paragraphs; other lines flow together.
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{}", escape(line));
        }
    }
    out.push('\n');
}

/// Escapes one line of text so Markdown renderers show it as written: inline syntax anywhere,
/// and what would start a heading, list, quote or rule at the start.
pub fn escape(text: &str) -> String {
    let text = terminal_safe(text);
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    // A leading ordered-list marker: digits, then `.` or `)`, then a space or nothing.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let list_marker = digits > 0
        && matches!(chars.get(digits), Some('.' | ')'))
        && chars.get(digits + 1).is_none_or(|c| c.is_whitespace());
    for (i, &c) in chars.iter().enumerate() {
        let special = match c {
            // `#` anywhere: a heading's closing `#`s are dropped otherwise.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' | '#' => true,
            '&' => chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#'),
            '-' | '+' | '=' => i == 0,
            '.' | ')' => list_marker && i == digits,
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures::{BOTH, CIO, CLOSE_CALL, COMBINED, finish, no_notes};
    use std::collections::BTreeMap;

    fn markdown_for(answers: &[(&str, &str)], notes: &BTreeMap<String, String>) -> String {
        let done = finish(answers);
        let input = ReportInput {
            tree: &done.tree,
            interview: &done.interview,
            recommendation: &done.recommendation,
            client: Some("Acme *Ltd*"),
            consultant: Some("Jo"),
            date: Some("2026-03-02"),
            notes,
            interview_note: None,
            private_notes: false,
            firm: None,
        };
        render(&input)
    }

    #[test]
    fn the_document_has_every_section() {
        let out = markdown_for(CIO, &no_notes());
        assert!(out.starts_with("# Hire a CIO\n"), "{out}");
        assert!(
            out.contains("**Client:** Acme \\*Ltd\\* · **Consultant:** Jo"),
            "{out}"
        );
        for heading in [
            "## Scores",
            "## Why",
            "## What would change it",
            "## Your answers",
            "## What to do: Hire a CIO",
            "### What the role owns",
            "### Next steps",
            "## Sources",
        ] {
            assert!(
                out.contains(&format!("\n{heading}\n")),
                "{heading} in {out}"
            );
        }
        assert!(
            out.contains("1. **Run and modernise our core systems** (+3):"),
            "{out}"
        );
        // Dollar signs from the tree would start maths on GitHub.
        assert!(out.contains("\\$5 billion"), "{out}");
        assert!(!out.contains(" $5"), "{out}");
    }

    #[test]
    fn each_outcome_gets_its_own_guidance() {
        assert!(markdown_for(BOTH, &no_notes()).contains("### How the two leaders work together"));
        assert!(markdown_for(COMBINED, &no_notes()).contains("### When to split the role"));
        let tie = markdown_for(CLOSE_CALL, &no_notes());
        assert!(
            tie.contains("# Too close to call: Hire a CTO, or Hire one leader for both roles\n"),
            "{tie}"
        );
        assert!(tie.contains("scored the same (5 points each)"), "{tie}");
    }

    #[test]
    fn notes_are_escaped_and_kept_in_their_answer() {
        let mut notes = BTreeMap::new();
        notes.insert(
            "size".to_string(),
            "# not a heading\n- not a list\n1. nor this <script>".to_string(),
        );
        let out = markdown_for(CIO, &notes);
        assert!(
            out.contains(
                "*Note:* \\# not a heading\\\n   \\- not a list\\\n   1\\. nor this \\<script\\>"
            ),
            "{out}"
        );
    }

    #[test]
    fn who_and_when_head_the_document() {
        let out = markdown_for(CIO, &no_notes());
        assert!(
            out.contains(
                "**Client:** Acme \\*Ltd\\* · **Consultant:** Jo · **Date:** 2 March 2026\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn notes_off_the_path_are_listed_not_lost() {
        let mut notes = BTreeMap::new();
        notes.insert("size".to_string(), "on the path".to_string());
        notes.insert(
            "product_team".to_string(),
            "asked on another branch\n*not bold*".to_string(),
        );
        notes.insert("renamed".to_string(), "from an older tree".to_string());
        notes.insert("vendors".to_string(), "   ".to_string());
        let out = markdown_for(CIO, &notes);
        assert!(out.contains("*Note:* on the path"), "{out}");
        assert!(
            out.contains(
                "## Other notes\n\n- **Who builds the technology your customers use?**\\\n  asked on another branch\\\n  \\*not bold\\*\n- **renamed**\\\n  from an older tree\n"
            ),
            "{out}"
        );
        assert!(!markdown_for(CIO, &no_notes()).contains("Other notes"));
    }

    #[test]
    fn escape_neutralises_markdown() {
        assert_eq!(
            escape("a*b*_c_ [x](y) `z` <b>"),
            "a\\*b\\*\\_c\\_ \\[x\\](y) \\`z\\` \\<b\\>"
        );
        assert_eq!(escape("# h"), "\\# h");
        assert_eq!(escape("C #"), "C \\#");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("12. item"), "12\\. item");
        assert_eq!(
            escape("well-kept R&D, AT&amp;T"),
            "well-kept R\\&D, AT\\&amp;T"
        );
        assert_eq!(escape("3.5 days"), "3.5 days");
        assert_eq!(escape("a | b ~~c~~ $5"), "a \\| b \\~\\~c\\~\\~ \\$5");
        assert_eq!(escape("esc\u{1b}[2J"), "esc\u{241b}\\[2J");
    }
}
