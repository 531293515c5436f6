//! The HTML report: one self-contained file (inline CSS and SVG, no scripts, no external assets)
//! that reads well in a browser and prints on A4 or Letter with the client's name and page
//! numbers in the footer. Every piece of text from the tree or the session is escaped, and
//! control, bidirectional and invisible characters are removed, so a hostile name or note can
//! neither inject markup nor disguise itself.

mod chart;

use std::fmt::Write as _;

use super::ReportInput;
use super::outline::{Block, Cells, Grid, Outline, Section, Span, Text};

/// The report's style sheet, inlined into every report.
const CSS: &str = include_str!("../../assets/report.css");

/// Renders the whole report as one HTML document.
pub fn render(input: &ReportInput) -> String {
    render_outline(&Outline::new(input), None)
}

/// Renders an outline already built; `paper` (a CSS page size such as `A4`) fixes the paper
/// for printing to PDF, where no print dialog asks.
pub fn render_outline(outline: &Outline, paper: Option<&str>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"techhire {}\">\n<title>{}</title>\n<style>\n{CSS}{}\
         </style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        text(&outline.title),
        page_footer(outline, paper)
    );
    masthead(&mut out, outline);
    headline(&mut out, outline);
    for section in &outline.sections {
        self::section(&mut out, section);
    }
    out.push_str("<div class=\"appendix\">\n");
    for section in &outline.appendix {
        self::section(&mut out, section);
    }
    let _ = write!(
        out,
        "</div>\n<footer>{}</footer>\n</body>\n</html>\n",
        text(&outline.colophon)
    );
    out
}

/// What every printed page carries at its foot: the client (or the recommendation) and the
/// page number. Page margin boxes also stand in for the browser's own header and footer, so
/// printing from a browser shows no file path or date stamp.
fn page_footer(outline: &Outline, paper: Option<&str>) -> String {
    let who = match &outline.masthead.client {
        Some(client) => format!("{client} \u{b7} {}", outline.running),
        None => outline.running.clone(),
    };
    let size = paper.map_or_else(String::new, |p| format!(" size: {p};"));
    format!(
        "@page {{{size}\n  @top-center {{ content: \"\"; }}\n  \
         @bottom-left {{ content: {}; }}\n  \
         @bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); }}\n}}\n",
        css_string(&who)
    )
}

fn masthead(out: &mut String, outline: &Outline) {
    let m = &outline.masthead;
    // The firm's logo and name, from the config file, above everything else.
    if m.firm.is_some() || m.logo.is_some() {
        out.push_str("<div class=\"masthead\">");
        if let Some(logo) = &m.logo {
            // A data: URI of a checked file (base64 and a fixed MIME type): nothing to escape.
            let _ = write!(
                out,
                "<img class=\"logo\" src=\"{logo}\" alt=\"{}\">",
                text(m.firm.as_deref().unwrap_or("Logo"))
            );
        }
        if let Some(firm) = &m.firm {
            let _ = write!(out, "<span class=\"firm\">{}</span>", text(firm));
        }
        out.push_str("</div>\n");
    }
    let _ = writeln!(
        out,
        "<header class=\"report\">\n<p class=\"kicker\">{}</p>",
        text(m.kicker)
    );
    let mut meta = Vec::new();
    if let Some(client) = &m.client {
        meta.push(format!("Prepared for <strong>{}</strong>", text(client)));
    }
    if let Some(consultant) = &m.consultant {
        meta.push(format!("by {}", text(consultant)));
    }
    if let Some(date) = &m.date {
        meta.push(format!("on {}", text(date)));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" "));
    }
    if let Some(copy) = m.copy {
        let _ = writeln!(out, "<p class=\"meta\"><strong>{}</strong></p>", text(copy));
    }
    out.push_str("</header>\n");
}

fn headline(out: &mut String, outline: &Outline) {
    let h = &outline.headline;
    let _ = write!(
        out,
        "<section class=\"headline\">\n<h1>{}</h1>\n<p class=\"summary\">{}</p>\n",
        text(&h.label),
        text(&h.summary)
    );
    if let Some(standing) = &h.standing {
        let _ = writeln!(out, "<p class=\"standing\">{}</p>", inline(standing));
    }
    if let Some(caution) = &h.caution {
        let _ = writeln!(
            out,
            "<div class=\"callout\"><strong>{}</strong> {}</div>",
            text(&caution.title),
            inline(&caution.body)
        );
    }
    out.push_str("</section>\n");
}

fn section(out: &mut String, section: &Section) {
    let _ = writeln!(
        out,
        "<section class=\"{}\">\n<h2>{}</h2>",
        section.id,
        text(&section.heading)
    );
    // Each subheading and what follows it make a part, so print can set lists side by side.
    let mut in_part = false;
    for (i, block) in section.blocks.iter().enumerate() {
        if matches!(block, Block::Subheading(_)) {
            if in_part {
                out.push_str("</div>\n");
            }
            let list = matches!(
                section.blocks.get(i + 1),
                Some(Block::Bullets(_) | Block::Steps(_))
            );
            out.push_str(if list {
                "<div class=\"part list\">\n"
            } else {
                "<div class=\"part\">\n"
            });
            in_part = true;
        }
        self::block(out, block);
    }
    if in_part {
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(t) => {
            let _ = writeln!(out, "<p>{}</p>", inline(t));
        }
        Block::Aside(t) => {
            let _ = writeln!(out, "<p class=\"quiet\">{}</p>", inline(t));
        }
        Block::Subheading(title) => {
            let _ = writeln!(out, "<h3>{}</h3>", text(title));
        }
        Block::Bullets(items) | Block::Steps(items) => {
            let tag = if matches!(block, Block::Steps(_)) {
                "ol"
            } else {
                "ul"
            };
            let _ = writeln!(out, "<{tag}>");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", inline(item));
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Points(points) => {
            out.push_str("<ul class=\"points\">\n");
            for p in points {
                let _ = writeln!(
                    out,
                    "<li><strong>{}</strong> {}</li>",
                    text(&p.lead()),
                    text(&p.because)
                );
            }
            out.push_str("</ul>\n");
        }
        Block::Changes(changes) => {
            out.push_str("<ul class=\"changes\">\n");
            for c in changes {
                let _ = write!(
                    out,
                    "<li><span class=\"question\">{}</span> You answered \u{201c}{}\u{201d}.",
                    text(&c.question),
                    text(&c.answered)
                );
                match c.instead.as_slice() {
                    [one] => {
                        let _ = write!(out, " {}", inline(one));
                    }
                    many => {
                        out.push_str("\n<ul>\n");
                        for line in many {
                            let _ = writeln!(out, "<li>{}</li>", inline(line));
                        }
                        out.push_str("</ul>\n");
                    }
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        Block::Scores(scores) => out.push_str(&chart::scores(scores)),
        Block::Answers(answers) => {
            out.push_str(
                "<table class=\"answers\">\n<thead><tr><th></th><th>Question</th>\
                 <th>Answer</th><th>Points</th></tr></thead>\n",
            );
            for (n, a) in answers.iter().enumerate() {
                let gave: Vec<String> = a
                    .gave
                    .iter()
                    .map(|(label, p)| {
                        format!(
                            "<span class=\"pill\">{} {}</span>",
                            signed(i64::from(*p)),
                            text(label)
                        )
                    })
                    .collect();
                // The answers that would change it, then the note, go under the answer, across
                // the table, kept on the same page.
                let instead = match a.instead.is_empty() {
                    true => String::new(),
                    false => format!(
                        "<tr class=\"instead\"><td></td><td colspan=\"3\"><ul class=\"instead\">\n{}\
                         </ul></td></tr>\n",
                        a.instead
                            .iter()
                            .map(|line| format!("<li>{}</li>\n", inline(line)))
                            .collect::<String>()
                    ),
                };
                let note = a.note.as_deref().map_or_else(String::new, |note| {
                    format!(
                        "<tr class=\"noted\"><td></td><td colspan=\"3\"><p class=\"note\">{}\
                         </p></td></tr>\n",
                        multiline(note)
                    )
                });
                let _ = write!(
                    out,
                    "<tbody>\n<tr><td class=\"n\">{}</td><td class=\"question\">{}</td>\
                     <td class=\"answer\">{}</td><td class=\"gave\">{}</td></tr>\n{instead}{note}\
                     </tbody>\n",
                    n + 1,
                    text(&a.question),
                    text(&a.answer),
                    gave.join(" ")
                );
            }
            out.push_str("</table>\n");
        }
        Block::Notes(notes) => {
            for n in notes {
                let _ = writeln!(
                    out,
                    "<div class=\"other-note\">\n<p class=\"question\">{}</p>\n\
                     <p class=\"note\">{}</p>\n</div>",
                    text(&n.about),
                    multiline(&n.text)
                );
            }
        }
        Block::Grid(g) => grid(out, g),
        Block::Sources(sources) => {
            out.push_str("<ul class=\"sources\">\n");
            for s in sources {
                let author = s
                    .author
                    .as_deref()
                    .map_or_else(String::new, |a| format!(", {}", text(a)));
                let _ = writeln!(
                    out,
                    "<li class=\"source\"><cite>{}</cite>, {}{author}, {}</li>",
                    text(&s.title),
                    text(&s.publisher),
                    text(&s.date)
                );
            }
            out.push_str("</ul>\n");
        }
    }
}

/// A grid as a table: the people across, a row per question or option, each row's label as
/// its header cell; an answer given once for everyone follows its question across the row.
fn grid(out: &mut String, g: &Grid) {
    out.push_str("<table class=\"grid\">\n<thead><tr>");
    let _ = write!(out, "<th scope=\"col\">{}</th>", text(&g.corner));
    for column in &g.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", text(column));
    }
    if let Some(mark) = &g.mark {
        let _ = write!(out, "<th scope=\"col\" class=\"mark\">{}</th>", text(mark));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &g.rows {
        let class = match (&row.cells, row.stands_out) {
            (Cells::All(_), _) => " class=\"all\"",
            (_, true) => " class=\"stands-out\"",
            _ => "",
        };
        match &row.cells {
            Cells::Each(cells) => {
                let _ = write!(
                    out,
                    "<tr{class}><th scope=\"row\">{}</th>",
                    text(&row.label)
                );
                for cell in cells {
                    match cell {
                        Some(cell) => {
                            let _ = write!(out, "<td>{}</td>", text(cell));
                        }
                        None => out.push_str("<td class=\"none\">not asked</td>"),
                    }
                }
            }
            // One line across the people's columns: the question, then the answer.
            Cells::All(cell) => {
                let _ = write!(
                    out,
                    "<tr{class}><th scope=\"row\" colspan=\"{}\">{} <span class=\"answer\">{}\
                     </span></th>",
                    g.columns.len() + 1,
                    text(&row.label),
                    text(cell)
                );
            }
        }
        if g.mark.is_some() {
            let _ = write!(out, "<td class=\"mark\">{}</td>", text(&row.mark));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Styled text as HTML: strong as `<strong>`, the client's words in curly quotes.
fn inline(t: &Text) -> String {
    let mut out = String::new();
    for span in &t.0 {
        match span {
            Span::Plain(s) => out.push_str(&text(s)),
            Span::Strong(s) => {
                let _ = write!(out, "<strong>{}</strong>", text(s));
            }
            Span::Quoted(s) => {
                let _ = write!(out, "\u{201c}{}\u{201d}", text(s));
            }
        }
    }
    out
}

/// Text as a quoted CSS string that cannot end the string or the style sheet: everything but
/// letters, digits and spaces as a hexadecimal escape.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars().filter(|&c| !crate::text::is_unsafe(c)) {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

/// Escapes text for HTML element content and quoted attributes alike, and removes control,
/// bidirectional-override and invisible characters; newlines become spaces.
fn text(s: &str) -> String {
    escape(s, false)
}

/// [`text`], keeping newlines (shown as line breaks by the notes' `white-space: pre-line`).
fn multiline(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            // The one list of characters that must never reach a reader's screen.
            c if crate::text::is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A number with a true minus sign.
fn number(n: i64) -> String {
    if n < 0 {
        format!("\u{2212}{}", n.unsigned_abs())
    } else {
        n.to_string()
    }
}

/// A change in points, always signed: "+3", "−2".
fn signed(n: i64) -> String {
    if n > 0 { format!("+{n}") } else { number(n) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_for_content_and_attributes() {
        assert_eq!(
            text("<a href=\"x\" onclick='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn control_bidi_and_invisible_characters_are_removed() {
        assert_eq!(text("a\u{1b}[31mb\u{7}c\u{9b}d"), "a[31mbcd");
        assert_eq!(
            text("admin\u{202e}fdp.exe\u{2066}\u{200b}\u{feff}"),
            "adminfdp.exe"
        );
        assert_eq!(text("one\ntwo\tthree\r"), "one two three");
        assert_eq!(multiline("one\ntwo\r\n"), "one\ntwo\n");
    }

    #[test]
    fn numbers_use_a_true_minus_and_a_plus_for_gains() {
        assert_eq!(signed(3), "+3");
        assert_eq!(signed(-2), "\u{2212}2");
    }
}
