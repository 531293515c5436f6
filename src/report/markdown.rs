//! The report as Markdown that reads well as plain text in a mail client and renders well in
//! a document: the [`Outline`] as headings, paragraphs and lists, with no hard line breaks and
//! a backslash only where a character would otherwise become formatting.

use std::fmt::Write as _;

use super::ReportInput;
use super::outline::{Block, Cells, Grid, Outline, Section, Span, Text};
use crate::text::{terminal_safe, terminal_safe_multiline};

/// Renders the report as a Markdown document.
pub fn render(input: &ReportInput) -> String {
    render_outline(&Outline::new(input))
}

/// Renders an outline already built.
pub fn render_outline(outline: &Outline) -> String {
    let mut out = String::new();
    let h = &outline.headline;
    let _ = writeln!(out, "# {}\n", heading(&h.label));
    let m = &outline.masthead;
    // What kind of report it is (a recommendation, a workshop), then who and when.
    let mut who: Vec<String> = vec![format!("*{}*", escape(m.kicker))];
    who.extend(
        [
            ("Client", m.client.as_deref()),
            ("Consultant", m.consultant.as_deref()),
            ("Firm", m.firm.as_deref()),
            ("Date", m.date.as_deref()),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| format!("**{name}:** {}", escape(v)))),
    );
    let _ = writeln!(out, "{}\n", who.join(" · "));
    if let Some(copy) = m.copy {
        let _ = writeln!(out, "**{}**\n", escape(copy));
    }
    let _ = writeln!(out, "> {}\n", escape(&h.summary));
    if let Some(standing) = &h.standing {
        let _ = writeln!(out, "{}\n", inline(standing));
    }
    if let Some(caution) = &h.caution {
        let _ = writeln!(
            out,
            "**{}** {}\n",
            escape(&caution.title),
            inline(&caution.body)
        );
    }
    for section in outline.all_sections() {
        self::section(section, &mut out);
    }
    let _ = writeln!(out, "---\n\n{}", escape(&outline.colophon));
    out
}

fn section(section: &Section, out: &mut String) {
    let _ = writeln!(out, "## {}\n", heading(&section.heading));
    for block in &section.blocks {
        self::block(block, out);
        out.push('\n');
    }
}

fn block(block: &Block, out: &mut String) {
    match block {
        Block::Paragraph(text) | Block::Aside(text) => {
            let _ = writeln!(out, "{}", inline(text));
        }
        Block::Subheading(title) => {
            let _ = writeln!(out, "### {}", heading(title));
        }
        Block::Bullets(items) => {
            for item in items {
                let _ = writeln!(out, "- {}", inline(item));
            }
        }
        Block::Steps(items) => {
            for (n, item) in items.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", n + 1, inline(item));
            }
        }
        Block::Points(points) => {
            for p in points {
                let _ = writeln!(out, "- **{}** {}", escape(&p.lead()), escape(&p.because));
            }
        }
        Block::Changes(changes) => {
            for c in changes {
                let _ = writeln!(
                    out,
                    "- {} You answered \u{201c}{}\u{201d}.",
                    escape(&c.question),
                    escape(&c.answered)
                );
                for line in &c.instead {
                    let _ = writeln!(out, "  - {}", inline(line));
                }
            }
        }
        Block::Scores(scores) => {
            for s in scores {
                let points = if s.points.abs() == 1 {
                    format!("{} point", s.points)
                } else {
                    format!("{} points", s.points)
                };
                if s.recommended {
                    let _ = writeln!(out, "- **{}**: {points} (recommended)", escape(&s.label));
                } else {
                    let _ = writeln!(out, "- {}: {points}", escape(&s.label));
                }
            }
        }
        Block::Answers(answers) => {
            for (n, a) in answers.iter().enumerate() {
                let number = format!("{}. ", n + 1);
                let indent = " ".repeat(number.len());
                let _ = writeln!(out, "{number}{}", escape(&a.question));
                let gave: Vec<String> = a
                    .gave
                    .iter()
                    .map(|(label, points)| format!("{} {}", signed(*points), escape(label)))
                    .collect();
                if gave.is_empty() {
                    let _ = writeln!(out, "{indent}- Answer: {}", escape(&a.answer));
                } else {
                    let _ = writeln!(
                        out,
                        "{indent}- Answer: {} ({})",
                        escape(&a.answer),
                        gave.join(", ")
                    );
                }
                for line in &a.instead {
                    let _ = writeln!(out, "{indent}- {}", inline(line));
                }
                if let Some(note) = &a.note {
                    let _ = writeln!(
                        out,
                        "{indent}- Note: {}",
                        note_lines(note, &format!("{indent}  "))
                    );
                }
            }
        }
        Block::Notes(notes) => {
            for n in notes {
                let _ = writeln!(
                    out,
                    "- {}\n  {}",
                    escape(&n.about),
                    note_lines(&n.text, "  ")
                );
            }
        }
        Block::Grid(g) => grid(g, out),
        Block::Sources(sources) => {
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
}

/// A grid as a table (GitHub's and most mail clients' pipe tables; it reads as columns in plain
/// text too). An answer given once for everyone is in the first person's column, the others
/// marked as the same.
fn grid(g: &Grid, out: &mut String) {
    let mut head = vec![cell(&g.corner)];
    head.extend(g.columns.iter().map(|c| cell(c)));
    head.extend(g.mark.iter().map(|m| cell(m)));
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
    for row in &g.rows {
        let label = match row.stands_out {
            true => format!("**{}**", cell(&row.label)),
            false => cell(&row.label),
        };
        let mut cells = vec![label];
        match &row.cells {
            Cells::Each(each) => cells.extend(
                each.iter()
                    .map(|c| c.as_deref().map_or_else(|| "not asked".to_string(), cell)),
            ),
            Cells::All(all) => {
                cells.push(cell(all));
                cells.extend(g.columns.iter().skip(1).map(|_| "\u{2033}".to_string()));
            }
        }
        if g.mark.is_some() {
            cells.push(cell(&row.mark));
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

/// Text for a table cell: escaped mid-line, on one line, with `|` kept from ending the cell.
fn cell(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    escape_inside(&one_line, false).replace('|', "\\|")
}

/// Styled text as Markdown: strong as `**`, the client's words in curly quotes.
fn inline(text: &Text) -> String {
    let mut out = String::new();
    for span in &text.0 {
        match span {
            Span::Plain(s) => out.push_str(&escape_inside(s, out.is_empty())),

            Span::Strong(s) => {
                let _ = write!(out, "**{}**", escape(s));
            }
            Span::Quoted(s) => {
                let _ = write!(out, "\u{201c}{}\u{201d}", escape(s));
            }
        }
    }
    out
}

/// A note's lines, each escaped, continuing its list item (a soft line break: the lines read
/// one under the other as plain text and flow together when rendered).
fn note_lines(note: &str, indent: &str) -> String {
    let lines: Vec<String> = terminal_safe_multiline(note)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape)
        .collect();
    lines.join(&format!("\n{indent}"))
}

/// A change in points, always signed: "+3", "-2".
fn signed(n: i32) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// A heading's text: escaped, and a closing run of `#` kept as text.
fn heading(text: &str) -> String {
    let mut out = escape(text);
    if out.ends_with('#') && !out.ends_with("\\#") {
        let run = out.len() - out.trim_end_matches('#').len();
        let (before, hashes) = out.split_at(out.len() - run);
        out = format!("{before}\\{hashes}");
    }
    out
}

/// Escapes one line of text that starts a line, so Markdown shows it as written; a backslash
/// goes only where a character would otherwise become formatting, so the text reads as plain
/// text in a mail client (`$5 billion`, `R&D`, `well-kept`, `3 * 4` stay as they are).
pub fn escape(text: &str) -> String {
    escape_inside(terminal_safe(text).trim(), true)
}

/// [`escape`] for text that may sit mid-line (`at_start` false): the rules for the start of a
/// line (headings, lists, quotes) apply only when it starts one.
fn escape_inside(text: &str, at_start: bool) -> String {
    let text = terminal_safe(text);
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // What starts a block when it opens a line: a list, quote, heading or rule.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let block_start = at_start
        && match at(0) {
            Some('-' | '+' | '*') => space(at(1)) || is_rule(&chars),
            Some('>') => true,
            Some('#') => {
                let hashes = chars.iter().take_while(|&&c| c == '#').count();
                hashes <= 6 && space(at(hashes))
            }
            Some('=' | '_') => is_rule(&chars),
            Some('|') => true,
            Some(c) if c.is_ascii_digit() => {
                (1..=9).contains(&digits)
                    && matches!(at(digits), Some('.' | ')'))
                    && space(at(digits + 1))
            }
            _ => false,
        };
    let link = text.contains("](")
        || text.contains("][")
        || (text.starts_with('[') && text.contains("]:"));
    let tildes = chars.iter().filter(|&&c| c == '~').count() >= 2;
    let dollars = chars.iter().filter(|&&c| c == '$').count() >= 2;
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let before = if i == 0 { None } else { at(i - 1) };
        let after = at(i + 1);
        let special = match c {
            _ if i == 0 && block_start && !c.is_ascii_digit() => true,
            '.' | ')' => i == digits && block_start,
            '\\' => after.is_some_and(|n| n.is_ascii_punctuation()),
            '`' => true,
            // Emphasis needs a `*` next to a word; `3 * 4` stays.
            '*' => !(space(before) && space(after)),
            // An underscore inside a word (`snake_case`) never emphasises.
            '_' => !((word(before) && word(after)) || (space(before) && space(after))),
            '[' => link,
            '<' => after.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => is_entity(&chars[i..]),
            '~' => tildes,
            // Maths on GitHub: `$x$`; an amount (`$5`) stays.
            '$' => dollars && !after.is_some_and(|n| n.is_ascii_digit()),
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line of only `-`, `*`, `_` or `=` (and spaces), which Markdown draws as a rule or reads
/// as a heading underline.
fn is_rule(chars: &[char]) -> bool {
    let marks: Vec<char> = chars
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace())
        .collect();
    marks.len() >= 2 && marks.iter().all(|&c| c == marks[0])
}

/// `&amp;`, `&#39;`, `&#x27;`: what a renderer would turn into another character.
fn is_entity(chars: &[char]) -> bool {
    let name = chars[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && chars.get(1 + name) == Some(&';')
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
        for heading in [
            "## What we heard",
            "## Why we recommend it",
            "## What would change it",
            "## What to do",
            "### What the role owns",
            "### Next steps",
            "## Appendix: how your answers were weighed",
            "### Every answer, in the order given",
            "## Sources",
        ] {
            assert!(
                out.contains(&format!("\n{heading}\n")),
                "{heading} in {out}"
            );
        }
        assert!(
            out.contains("- **Run and modernise our core systems.** Keeping the core systems"),
            "{out}"
        );
    }

    #[test]
    fn it_reads_as_plain_text_in_a_mail_client() {
        let out = markdown_for(BOTH, &no_notes());
        // No escapes where plain text is unambiguous, and no hard line breaks.
        assert!(
            out.contains("Your company is well over $5 billion in revenue or value. It is"),
            "{out}"
        );
        // The client's name, `Acme *Ltd*`, is the only text here that needs a backslash.
        assert_eq!(out.matches('\\').count(), 2, "{out}");
        assert!(!out.lines().any(|l| l.ends_with("  ")), "{out}");
        // The scores are sorted as in every other format.
        let scores: Vec<i64> = out
            .lines()
            .filter(|l| l.contains(" points") || l.contains(" point"))
            .filter_map(|l| l.rsplit(": ").next()?.split(' ').next()?.parse().ok())
            .collect();
        assert_eq!(scores.len(), 4, "{out}");
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    }

    #[test]
    fn each_outcome_gets_its_own_guidance() {
        assert!(markdown_for(BOTH, &no_notes()).contains("### How the two should work together"));
        assert!(markdown_for(COMBINED, &no_notes()).contains("### When to split the role"));
        assert!(
            markdown_for(CLOSE_CALL, &no_notes()).starts_with(
                "# Too close to call: Hire a CTO, or Hire one leader for both roles\n"
            )
        );
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
                "   - Note: \\# not a heading\n     \\- not a list\n     1\\. nor this \\<script>"
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
        assert!(out.contains("- Note: on the path"), "{out}");
        assert!(
            out.contains(
                "### Other notes\n\n- Who builds the technology your customers use?\n  asked on another branch\n  \\*not bold\\*\n- renamed\n  from an older tree\n"
            ),
            "{out}"
        );
        assert!(!markdown_for(CIO, &no_notes()).contains("Other notes"));
    }

    #[test]
    fn escape_neutralises_markdown_and_nothing_else() {
        assert_eq!(
            escape("a*b*_c_ [x](y) `z` <b>"),
            "a\\*b\\*\\_c\\_ \\[x](y) \\`z\\` \\<b>"
        );
        assert_eq!(escape("# h"), "\\# h");
        assert_eq!(escape("#hashtag"), "#hashtag");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("12. item"), "12\\. item");
        assert_eq!(escape("> quote"), "\\> quote");
        assert_eq!(escape("---"), "\\---");
        assert_eq!(
            escape("well-kept R&D, AT&amp;T"),
            "well-kept R&D, AT\\&amp;T"
        );
        assert_eq!(
            escape("3.5 days, 3 * 4, snake_case, a < b"),
            "3.5 days, 3 * 4, snake_case, a < b"
        );
        assert_eq!(
            escape("$5 billion or $10 billion"),
            "$5 billion or $10 billion"
        );
        assert_eq!(escape("a | b ~~c~~ $x$"), "a | b \\~\\~c\\~\\~ \\$x\\$");
        assert_eq!(escape("C:\\path and \\*"), "C:\\path and \\\\\\*");
        assert_eq!(escape("esc\u{1b}[2J"), "esc\u{241b}[2J");
        assert_eq!(heading("C #"), "C \\#");
    }
}
