//! The combined result as plain text for a terminal or a file (`techhire workshop run`): the
//! headline, the opening paragraph, each person's own result, the averaged scores with the sums
//! they come from, the questions to settle first with who answered what and what would settle
//! each, and the alignment rule. Everything from the tree or a person's name is made
//! terminal-safe.

use std::fmt::Write as _;

use super::alignment::rule_in_words;
use super::combine::Combined;
use super::join::Revealed;
use super::spread::Accord;
use super::told;
use crate::outcome::Recommendation;
use crate::outcome::told::and_list;
use crate::text::{terminal_safe, wrap};

/// The whole result, wrapped at `width` columns (0: not wrapped).
pub fn render(c: &Combined, width: usize) -> String {
    let mut out = combined(c, None, width);
    rule(&mut out, width);
    out
}

/// A saved workshop's result ([`super::Workshop::combine`]), wrapped at `width` columns: who
/// was left out by an early reveal, the combined result of the current round, how everyone
/// moved since the round before, what the room agreed together, and the rule.
pub fn render_revealed(r: &Revealed<'_>, width: usize) -> String {
    let esc = |s: &str| terminal_safe(s).into_owned();
    let c = &r.combined;
    let mut out = String::new();
    if r.round > 1 {
        let _ = writeln!(out, "Round {}\n", r.round);
    }
    if let Some(note) = told::left_out(&r.left_names()) {
        out.push_str(&wrap(&esc(&note), width, "", ""));
        out.push('\n');
    }
    out.push_str(&combined(c, r.agreed.as_ref(), width));
    if let Some(movement) = &r.movement {
        let _ = writeln!(out, "\nSince round {}", movement.round_before);
        out.push_str(&wrap(
            &told::group_movement(c, movement, &esc),
            width,
            "  ",
            "  ",
        ));
        for m in &movement.people {
            out.push_str(&wrap(
                &told::moved_line(c, movement, m, &esc),
                width,
                "  ",
                "    ",
            ));
        }
    }
    if let Some(agreed) = &r.agreed {
        out.push_str("\nAgreed together\n");
        out.push_str(&wrap(
            &told::agreed_line(c, agreed, &esc),
            width,
            "  ",
            "  ",
        ));
    }
    rule(&mut out, width);
    out
}

/// "How agreement is decided", and the rule.
fn rule(out: &mut String, width: usize) {
    out.push_str("\nHow agreement is decided\n");
    out.push_str(&wrap(rule_in_words(), width, "  ", "  "));
}

/// Everything about the combined result itself.
/// Once the room has agreed together (`agreed`), that is the headline, and where people stood
/// alone opens the text.
fn combined(c: &Combined, agreed: Option<&Recommendation>, width: usize) -> String {
    let esc = |s: &str| terminal_safe(s).into_owned();
    let mut out = String::new();
    // `wrap` ends every paragraph with its newline.
    let para = |out: &mut String, text: &str, first: &str, rest: &str| {
        out.push_str(&wrap(text, width, first, rest));
    };
    match agreed {
        Some(agreed) => {
            para(&mut out, &told::agreed_headline(c, agreed, &esc), "", "");
            out.push('\n');
            para(&mut out, &told::alone_line(c, &esc), "", "");
        }
        None => para(&mut out, &told::headline(c, &esc), "", ""),
    }
    out.push('\n');
    para(&mut out, &told::opening(c, &esc), "", "");
    if let Some(note) = told::anonymity(c) {
        out.push('\n');
        para(&mut out, &note, "", "");
    }

    out.push_str("\nEach person's own result\n");
    for p in 0..c.people() {
        para(&mut out, &told::person_line(c, p, &esc), "  ", "    ");
    }

    let _ = writeln!(
        out,
        "\nCombined scores: the average of {}, one equal voice each",
        if c.people() == 1 {
            "1 person".to_string()
        } else {
            format!("{} people", c.people())
        }
    );
    let rows = told::averages(c);
    let name_width = rows
        .iter()
        .map(|(name, ..)| unicode_width::UnicodeWidthStr::width(esc(name).as_str()))
        .max()
        .unwrap_or(0);
    for (name, average, total, open) in &rows {
        let name = esc(name);
        let pad = " ".repeat(name_width - unicode_width::UnicodeWidthStr::width(name.as_str()));
        let note = if *open {
            String::new()
        } else {
            " (ruled out for everyone by the facts)".to_string()
        };
        let _ = writeln!(
            out,
            "  {name}{pad}  {average:>11}  ({total} \u{f7} {}){note}",
            c.people()
        );
    }

    let split: Vec<_> = c
        .spreads
        .iter()
        .filter(|s| s.accord != Accord::Agreed && s.asked() > 1)
        .collect();
    if split.is_empty() {
        out.push_str("\nEveryone answered every question they were asked alike.\n");
    } else {
        out.push_str("\nWhat to settle first, the furthest apart first\n");
        for (i, s) in split.iter().enumerate() {
            let prompt = &c.tree.question(s.question).prompt;
            let number = format!("  {}. ", i + 1);
            let indent = " ".repeat(number.len());
            para(
                &mut out,
                &format!("\u{201c}{}\u{201d} {}", esc(prompt), told::accord(s)),
                &number,
                &indent,
            );
            para(
                &mut out,
                &format!("{}.", told::who_answered(c, s, &esc)),
                &indent,
                &indent,
            );
            for line in told::settle_lines(c, s, &esc) {
                para(&mut out, &line, &indent, &format!("{indent}  "));
            }
        }
    }
    let quoted = |q: usize| format!("\u{201c}{}\u{201d}", esc(&c.tree.question(q).prompt));
    let alike: Vec<String> = c
        .spreads
        .iter()
        .filter(|s| s.accord == Accord::Agreed && s.asked() > 1)
        .map(|s| quoted(s.question))
        .collect();
    if !alike.is_empty() {
        out.push('\n');
        para(
            &mut out,
            &format!("Answered alike by everyone asked: {}.", and_list(&alike)),
            "",
            "",
        );
    }
    for s in c.spreads.iter().filter(|s| s.asked() == 1) {
        let Some(p) = s.answers.iter().position(Option::is_some) else {
            continue;
        };
        out.push('\n');
        para(
            &mut out,
            &format!(
                "Asked of {} alone, whose answers led there: {}.",
                esc(&c.voices[p].display_name()),
                quoted(s.question)
            ),
            "",
            "",
        );
    }
    out
}
