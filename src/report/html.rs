//! The HTML report: one self-contained file (inline CSS and SVG, no scripts, no external assets)
//! that reads well in a browser and prints cleanly on A4 or Letter. Every piece of text from the
//! tree or the session is escaped, and control, bidirectional and invisible characters are
//! removed, so a hostile name or note can neither inject markup nor disguise itself.

mod chart;

use std::fmt::Write as _;

use super::{CONSULTANT_COPY, ReportInput, long_date};
use crate::outcome::told;
use crate::tree::Outcome;
use crate::{Reason, Tree, WhatIf};

/// The report's style sheet, inlined into every report.
const CSS: &str = include_str!("../../assets/report.css");

/// Renders the whole report as one HTML document.
pub fn render(input: &ReportInput) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let tree = input.tree;
    let outcome = tree.outcome(input.recommendation.outcome);
    let heading = input.recommendation.headline(tree);
    let title = match input.client {
        Some(client) => format!("{client}: {heading}"),
        None => heading,
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"techhire {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n\
         </head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        text(&title)
    );
    header(&mut out, input);
    headline(&mut out, input, outcome);
    answers(&mut out, input);
    what_ifs(&mut out, input);
    guidance(&mut out, outcome);
    other_notes(&mut out, input);
    sources(&mut out, tree);
    let meta = tree.meta();
    let _ = write!(
        out,
        "<footer>Prepared with techhire from the question tree \u{201c}{}\u{201d}, version {}.\
         </footer>\n</body>\n</html>\n",
        text(&meta.title),
        text(&meta.version)
    );
    out
}

fn header(out: &mut String, input: &ReportInput) {
    out.push_str("<header class=\"report\">\n");
    masthead(out, input);
    out.push_str("<p class=\"kicker\">Technology leadership recommendation</p>\n");
    let mut meta = Vec::new();
    if let Some(client) = input.client.filter(|c| !c.trim().is_empty()) {
        meta.push(format!("Prepared for <strong>{}</strong>", text(client)));
    }
    if let Some(consultant) = input.consultant.filter(|c| !c.trim().is_empty()) {
        meta.push(format!("by {}", text(consultant)));
    }
    if let Some(date) = input.date.filter(|d| !d.trim().is_empty()) {
        meta.push(format!("on {}", text(&long_date(date))));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" "));
    }
    if input.private_notes {
        let _ = writeln!(
            out,
            "<p class=\"meta\"><strong>{}</strong></p>",
            text(CONSULTANT_COPY)
        );
    }
    out.push_str("</header>\n");
}

/// The firm's logo and name, from the config file, above everything else.
fn masthead(out: &mut String, input: &ReportInput) {
    let Some(firm) = input.firm.filter(|f| !f.is_empty()) else {
        return;
    };
    out.push_str("<div class=\"masthead\">");
    let name = firm.name.as_deref();
    if let Some(logo) = &firm.logo {
        // A data: URI of a checked file (base64 and a fixed MIME type): nothing to escape.
        let _ = write!(
            out,
            "<img class=\"logo\" src=\"{}\" alt=\"{}\">",
            logo.data_uri(),
            text(name.unwrap_or("Logo"))
        );
    }
    if let Some(name) = name {
        let _ = write!(out, "<span class=\"firm\">{}</span>", text(name));
    }
    out.push_str("</div>\n");
}

fn headline(out: &mut String, input: &ReportInput, outcome: &Outcome) {
    let rec = input.recommendation;
    let tree = input.tree;
    let _ = write!(
        out,
        "<section class=\"headline\">\n<p class=\"kicker\">Our recommendation</p>\n\
         <h1>{}</h1>\n",
        rec.headline_with(tree, text)
    );
    for &o in &rec.leaders {
        let summary = if o == rec.outcome {
            &outcome.summary
        } else {
            &tree.outcome(o).summary
        };
        let _ = writeln!(out, "<p class=\"summary\">{}</p>", text(summary));
    }
    let ours = rec.scores[rec.outcome];
    if let Some(runner) = rec.runner_up.filter(|_| !rec.tie) {
        let theirs = rec.scores[runner];
        let runner = text(rec.label(tree, runner));
        let line = format!(
            "It leads the next option, \u{201c}{runner}\u{201d}, by {} ({} to {}).",
            points(rec.margin),
            number(ours),
            number(theirs)
        );
        let _ = writeln!(out, "<p class=\"margin\">{line}</p>");
    }
    let notes = told::notes(tree, rec, &text);
    if rec.tie {
        let _ = writeln!(
            out,
            "<div class=\"callout\"><strong>A close call: a tie.</strong> {}</div>",
            notes.first().map_or("", String::as_str)
        );
    } else if rec.close_call {
        let _ = writeln!(
            out,
            "<div class=\"callout\"><strong>A close call.</strong> The margin is {}, within \
             the {} this question tree treats as close. A single answer could tip it: read \
             \u{201c}What would change it\u{201d} below before deciding.</div>",
            points(rec.margin),
            points(i64::from(tree.meta().close_call_margin))
        );
    }
    for note in notes.iter().skip(usize::from(rec.tie)) {
        let _ = writeln!(out, "<p class=\"ruled\">{note}</p>");
    }
    out.push_str(&chart::scores(input.tree, input.recommendation));
    out.push_str("</section>\n");
}

/// Every answer on the path, the ones that pushed hardest toward the recommendation first.
fn answers(out: &mut String, input: &ReportInput) {
    let rec = input.recommendation;
    let mut reasons: Vec<&Reason> = rec.reasons.iter().collect();
    reasons.sort_by_key(|r| (r.evidence.is_empty(), std::cmp::Reverse(r.lead)));
    out.push_str("<section class=\"answers\">\n<h2>Why: your answers</h2>\n");
    let intro = match rec.runner_up {
        Some(runner) => format!(
            "Each answer with the points it gave, and what it did to the lead over the next \
             option, \u{201c}{}\u{201d}. Strongest push toward the recommendation first.",
            text(&input.tree.outcome(runner).label)
        ),
        None => "Each answer with the points it gave.".to_string(),
    };
    let _ = writeln!(out, "<p class=\"quiet\">{intro}</p>");
    for reason in reasons {
        let question = input.tree.question(reason.question);
        let choice = &question.choices[reason.choice];
        let _ = write!(
            out,
            "<div class=\"answer\">\n<p class=\"question\">{}</p>\n<p class=\"choice\">{}</p>\n",
            text(&question.prompt),
            text(&choice.label)
        );
        if let Some(why) = &choice.reason {
            let _ = writeln!(out, "<p>{}</p>", text(why));
        }
        let lead_class = match reason.lead.cmp(&0) {
            std::cmp::Ordering::Greater => "pill up",
            std::cmp::Ordering::Less => "pill down",
            std::cmp::Ordering::Equal => "pill",
        };
        let lead = if reason.lead == 0 {
            "no change to the lead".to_string()
        } else {
            format!("{} to the lead", signed(reason.lead))
        };
        let _ = write!(
            out,
            "<p class=\"effect\"><span class=\"{lead_class}\">{lead}</span>"
        );
        let mut evidence = reason.evidence.clone();
        evidence.sort_by_key(|&(o, _)| o);
        for (o, p) in evidence {
            let _ = write!(
                out,
                "<span class=\"pill\">{} {}</span>",
                signed(i64::from(p)),
                text(&input.tree.outcome(o).label)
            );
        }
        out.push_str("</p>\n");
        note(out, input, &question.id);
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

/// The single changed answers that would lead elsewhere, grouped by question.
fn what_ifs(out: &mut String, input: &ReportInput) {
    let tree = input.tree;
    let rec = input.recommendation;
    out.push_str("<section class=\"what-ifs\">\n<h2>What would change it</h2>\n");
    if rec.what_ifs.is_empty() {
        out.push_str(
            "<p>No single answer, changed on its own, would change this recommendation.</p>\n",
        );
        out.push_str("</section>\n");
        return;
    }
    out.push_str(
        "<p class=\"quiet\">Each of these answers, changed on its own, would lead elsewhere.</p>\n",
    );
    for group in rec.what_ifs.chunk_by(|a, b| a.question == b.question) {
        let question = tree.question(group[0].question);
        let _ = write!(
            out,
            "<div class=\"whatif\">\n<p class=\"question\">{}</p>\n<p>You answered \
             \u{201c}{}\u{201d}. Instead:</p>\n<ul>\n",
            text(&question.prompt),
            text(&question.choices[group[0].from].label)
        );
        for what_if in group {
            let _ = writeln!(out, "<li>{}</li>", what_if_text(tree, what_if));
        }
        out.push_str("</ul>\n</div>\n");
    }
    out.push_str("</section>\n");
}

fn what_if_text(tree: &Tree, w: &WhatIf) -> String {
    let to = text(&tree.question(w.question).choices[w.to].label);
    let outcome = told::verdict(tree, w, &text);
    match w.unanswered {
        None => format!("<strong>{to}</strong> would make it <strong>{outcome}</strong>."),
        Some(u) => {
            let more = if u.fewest == u.most {
                format!("{} more", u.fewest)
            } else {
                format!("{} to {} more", u.fewest, u.most)
            };
            format!(
                "<strong>{to}</strong> would lean toward <strong>{outcome}</strong>, with {more} \
                 questions to answer, starting with \u{201c}{}\u{201d}.",
                text(&tree.question(u.first).prompt)
            )
        }
    }
}

fn guidance(out: &mut String, outcome: &Outcome) {
    let _ = writeln!(
        out,
        "<section class=\"guidance\">\n<h2>Guidance: {}</h2>",
        text(&outcome.label)
    );
    list(out, "What the role owns", &outcome.owns);
    list(out, "What to prioritise when hiring", &outcome.priorities);
    paragraph(out, "Who succeeds in it", Some(&outcome.profile));
    list(out, "What can go wrong", &outcome.risks);
    list(out, "Next steps", &outcome.next_steps);
    paragraph(
        out,
        "How the two should work together",
        outcome.collaboration.as_deref(),
    );
    paragraph(
        out,
        "When to split the role",
        outcome.when_to_split.as_deref(),
    );
    out.push_str("</section>\n");
}

fn list(out: &mut String, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<div class=\"guidance-block\">\n<h3>{heading}</h3>\n<ul>"
    );
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", text(item));
    }
    out.push_str("</ul>\n</div>\n");
}

fn paragraph(out: &mut String, heading: &str, body: Option<&str>) {
    if let Some(body) = body.filter(|b| !b.trim().is_empty()) {
        let _ = writeln!(
            out,
            "<div class=\"guidance-block\">\n<h3>{heading}</h3>\n<p>{}</p>\n</div>",
            text(body)
        );
    }
}

fn note(out: &mut String, input: &ReportInput, question: &str) {
    if let Some(note) = input.notes.get(question).filter(|n| !n.trim().is_empty()) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", multiline(note.trim()));
    }
}

/// Notes on questions that are not among the answers shown (asked on another path, or not
/// answered), so no note is left out of the report.
fn other_notes(out: &mut String, input: &ReportInput) {
    if let Some(note) = input.note_on_interview() {
        let _ = writeln!(
            out,
            "<section class=\"notes\">\n<h2>On the interview as a whole</h2>\n\
             <p class=\"note\">{}</p>\n</section>",
            multiline(note)
        );
    }
    let shown = |id: &str| {
        input
            .recommendation
            .reasons
            .iter()
            .any(|r| input.tree.question(r.question).id == id)
    };
    let rest: Vec<(&String, &String)> = input
        .notes
        .iter()
        .filter(|(q, n)| !shown(q) && !n.trim().is_empty())
        .collect();
    if rest.is_empty() {
        return;
    }
    out.push_str("<section class=\"notes\">\n<h2>Other notes</h2>\n");
    for (question, note) in rest {
        let about = input.tree.question_index(question).map_or_else(
            || question.clone(),
            |q| input.tree.question(q).prompt.clone(),
        );
        let _ = writeln!(
            out,
            "<div class=\"answer\">\n<p class=\"question\">{}</p>\n<p class=\"note\">{}</p>\n</div>",
            text(&about),
            multiline(note.trim())
        );
    }
    out.push_str("</section>\n");
}

fn sources(out: &mut String, tree: &Tree) {
    if tree.sources().is_empty() {
        return;
    }
    out.push_str(
        "<section class=\"sources\">\n<h2>Sources</h2>\n<table class=\"sources\">\n\
         <thead><tr><th>Title</th><th>Publisher</th><th>Date</th></tr></thead>\n<tbody>\n",
    );
    for source in tree.sources() {
        let author = source.author.as_deref().map_or_else(String::new, |a| {
            format!("<br><span class=\"quiet\">{}</span>", text(a))
        });
        let _ = writeln!(
            out,
            "<tr class=\"source\"><td>{}{author}</td><td>{}</td><td>{}</td></tr>",
            text(&source.title),
            text(&source.publisher),
            text(&source.date)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Escapes text for HTML element content and quoted attributes alike, and removes control,
/// bidirectional-override and invisible characters; newlines become spaces.
pub(super) fn text(s: &str) -> String {
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
pub(super) fn number(n: i64) -> String {
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

fn points(n: i64) -> String {
    if n.abs() == 1 {
        format!("{} point", number(n))
    } else {
        format!("{} points", number(n))
    }
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
        assert_eq!(points(1), "1 point");
        assert_eq!(points(-4), "\u{2212}4 points");
    }
}
