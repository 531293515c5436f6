//! The workshop's result screen's plan: the headline kept in view (what the room agreed
//! together once it has; else the alignment, never "hire X" when the group has not agreed: the
//! library's headline says where the answers lean), then a scrollable document in the
//! library's words: who was left out by an early reveal, where people stood alone when the
//! room has agreed, the opening paragraph, one line per person, the questions to settle first with who answered
//! what, from a second round how everyone moved since the round before, what the room agreed
//! together, the combined scores with their sums, and the rule.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::text::terminal_safe;
use techhire::workshop::alignment::rule_in_words;
use techhire::workshop::{Accord, told};

use super::compare::{score_lines, verdict_style};
use super::lines::{bullet, heading};
use super::result::{Plan, framed};
use crate::tui::reveal::Reveal;
use crate::tui::theme::Theme;
use crate::tui::wrap::{wrap, wrap_indented};

/// Lays the workshop's result out in `area`, the body, as the result screen is laid out.
pub fn plan(reveal: &Reveal, theme: &Theme, area: Rect) -> Plan {
    let c = &reveal.combined;
    let esc = |s: &str| terminal_safe(s).into_owned();
    let w = usize::from(area.width.saturating_sub(3));
    // What the room agreed together, once it has, is the headline.
    let headline = match &reveal.agreed {
        Some(agreed) => Span::styled(told::agreed_headline(c, agreed, &esc), theme.plus),
        None => Span::styled(told::headline(c, &esc), verdict_style(c, theme)),
    };
    let mut headline_lines = wrap(&[headline], w);
    let round = if reveal.round > 1 {
        format!("Round {} · ", reveal.round)
    } else {
        String::new()
    };
    headline_lines.extend(wrap(
        &[
            Span::styled(round, theme.muted),
            Span::styled("Alignment: ", theme.muted),
            Span::styled(told::verdict(c.alignment.agreement), theme.text),
            Span::styled(
                format!(
                    " · {} of {} share the combined recommendation",
                    c.alignment.sharing.len(),
                    c.people()
                ),
                theme.muted,
            ),
        ],
        w,
    ));
    framed(area, headline_lines, document_lines(reveal, w, theme))
}

fn document_lines(reveal: &Reveal, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let c = &reveal.combined;
    let esc = |s: &str| terminal_safe(s).into_owned();
    let mut lines = Vec::new();
    let left_out: Vec<String> = reveal.left_out.iter().map(|n| esc(n)).collect();
    if let Some(note) = told::left_out(&left_out) {
        lines.extend(wrap(&[Span::styled(note, theme.warn)], width));
        lines.push(Line::default());
    }
    if reveal.agreed.is_some() {
        lines.extend(wrap(
            &[Span::styled(told::alone_line(c, &esc), theme.text)],
            width,
        ));
        lines.push(Line::default());
    }
    lines.extend(wrap(
        &[Span::styled(told::opening(c, &esc), theme.text)],
        width,
    ));
    if let Some(note) = told::anonymity(c) {
        lines.push(Line::default());
        lines.extend(wrap(&[Span::styled(note, theme.muted)], width));
    }

    lines.push(Line::default());
    lines.push(heading("Each person's own result", theme));
    for p in 0..c.people() {
        lines.extend(bullet(
            &told::person_line(c, p, &esc),
            theme.text,
            width,
            theme,
        ));
    }

    lines.push(Line::default());
    let split: Vec<_> = c
        .spreads
        .iter()
        .filter(|s| s.accord != Accord::Agreed && s.asked() > 1)
        .collect();
    if split.is_empty() {
        lines.push(heading(
            "Everyone answered every question they were asked alike",
            theme,
        ));
    } else {
        lines.push(heading(
            "What to settle first, the furthest apart first",
            theme,
        ));
        for (i, s) in split.iter().enumerate() {
            let prompt = esc(&c.tree.question(s.question).prompt);
            lines.extend(wrap_indented(
                Span::styled(format!("{}. ", i + 1), theme.muted),
                &[
                    Span::styled(format!("\u{201c}{prompt}\u{201d} "), theme.text),
                    Span::styled(told::accord(s), theme.warn),
                ],
                width,
            ));
            lines.extend(wrap_indented(
                Span::raw("   "),
                &[Span::styled(
                    format!("{}.", told::who_answered(c, s, &esc)),
                    theme.muted,
                )],
                width,
            ));
        }
    }

    if let Some(movement) = &reveal.movement {
        lines.push(Line::default());
        lines.push(heading(
            &format!("Since round {}", movement.round_before),
            theme,
        ));
        lines.extend(wrap(
            &[Span::styled(
                told::group_movement(c, movement, &esc),
                theme.text,
            )],
            width,
        ));
        for m in &movement.people {
            lines.extend(bullet(
                &told::moved_line(c, movement, m, &esc),
                theme.text,
                width,
                theme,
            ));
        }
    }
    if let Some(agreed) = &reveal.agreed {
        lines.push(Line::default());
        lines.push(heading("Agreed together", theme));
        lines.extend(wrap(
            &[Span::styled(
                told::agreed_line(c, agreed, &esc),
                theme.accent,
            )],
            width,
        ));
    }

    lines.push(Line::default());
    lines.extend(score_lines(c, width, theme));
    lines.push(Line::default());
    lines.push(heading("How agreement is decided", theme));
    lines.extend(wrap(&[Span::styled(rule_in_words(), theme.muted)], width));
    lines
}
