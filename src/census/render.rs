//! A census as text for people and as versioned JSON for scripts (`"format":
//! "techhire-census"`, documented in docs/census.md).

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::Census;
use crate::text::terminal_safe;
use crate::tree::Tree;

/// The value of `format` in the JSON.
pub const FORMAT: &str = "techhire-census";
/// The version of the JSON layout; fields are only added within a version.
pub const VERSION: u32 = 1;

/// The census as text, for the terminal: `file` names the tree.
pub fn text(tree: &Tree, file: &str, census: &Census) -> String {
    let mut out = String::new();
    let safe = |s: &str| terminal_safe(s).into_owned();
    let _ = writeln!(
        out,
        "Census of {} (\u{201c}{}\u{201d}, version {})",
        safe(file),
        safe(&tree.meta().title),
        safe(&tree.meta().version)
    );
    match census.sample_seed {
        None => {
            let _ = writeln!(
                out,
                "{} paths, every one counted.",
                thousands(census.walked)
            );
        }
        Some(seed) => {
            let _ = writeln!(
                out,
                "{} paths: too many to walk, so a random sample of {} (seed {seed}) was; the shares are estimates.",
                big(census.paths),
                thousands(census.walked)
            );
        }
    }
    let share = |n: u64| percent(census.share(n));
    let labels: Vec<String> = tree.outcomes().iter().map(|o| safe(&o.label)).collect();
    let width = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .max(20);

    let _ = writeln!(out, "\nRecommended (paths whose result names it alone)");
    for (o, label) in labels.iter().enumerate() {
        let n = census.outcomes[o];
        let _ = writeln!(
            out,
            "  {label:<width$}  {:>13}  {:>6}",
            thousands(n),
            share(n)
        );
    }
    let tied = census.tied();
    let _ = writeln!(
        out,
        "  {:<width$}  {:>13}  {:>6}",
        "Too close to call (ties)",
        thousands(tied),
        share(tied)
    );

    let _ = writeln!(
        out,
        "\nClose calls: {} paths ({}) end within the tree's close-call margin, ties included.",
        thousands(census.close_calls),
        share(census.close_calls)
    );
    if census.ties.is_empty() {
        let _ = writeln!(out, "Ties: none.");
    } else {
        let _ = writeln!(out, "Ties:");
        for (outcomes, n) in &census.ties {
            let names: Vec<&str> = outcomes.iter().map(|&o| labels[o].as_str()).collect();
            let _ = writeln!(
                out,
                "  {}: {} ({})",
                names.join(" / "),
                thousands(*n),
                share(*n)
            );
        }
    }
    let never = census.never_recommended();
    if never.is_empty() {
        let _ = writeln!(
            out,
            "Never recommended: none; every outcome is recommended on some path."
        );
    } else {
        let names: Vec<&str> = never.iter().map(|&o| labels[o].as_str()).collect();
        let _ = writeln!(
            out,
            "Never recommended: {} (no {} names it, alone or tied).",
            names.join(", "),
            if census.sample_seed.is_some() {
                "sampled path"
            } else {
                "path"
            }
        );
    }

    if !tree.rules().is_empty() {
        let _ = writeln!(
            out,
            "\nRules (paths on which each holds, and what those paths recommend, ties counted for each tied outcome)"
        );
        let width = tree.rules().iter().map(|r| r.id.len()).max().unwrap_or(0);
        for (r, rule) in tree.rules().iter().enumerate() {
            let n = census.rules[r];
            let _ = writeln!(
                out,
                "  {:<width$}  {:>13}  {:>6}",
                safe(&rule.id),
                thousands(n),
                share(n)
            );
            let led: Vec<String> = tree
                .outcomes()
                .iter()
                .enumerate()
                .filter(|&(o, _)| census.rule_outcomes[r][o] > 0)
                .map(|(o, outcome)| {
                    let part = census.rule_outcomes[r][o] as f64 / n.max(1) as f64;
                    format!("{} {}", safe(&outcome.id), percent(part))
                })
                .collect();
            if !led.is_empty() {
                let _ = writeln!(out, "  {:<width$}    {}", "", led.join(", "));
            }
        }
    }

    let _ = writeln!(
        out,
        "\nSwing: of the paths that ask each question, how often another answer to it alone changes the recommendation"
    );
    let width = tree
        .questions()
        .iter()
        .map(|q| q.id.len())
        .max()
        .unwrap_or(0);
    let mut order: Vec<usize> = (0..tree.questions().len()).collect();
    order.sort_by(|&a, &b| {
        let swing = |q: usize| {
            let s = census.questions[q];
            if s.asked == 0 {
                0.0
            } else {
                s.changed as f64 / s.asked as f64
            }
        };
        swing(b).total_cmp(&swing(a)).then(a.cmp(&b))
    });
    for q in order {
        let s = census.questions[q];
        let swing = if s.asked == 0 {
            "never asked".to_string()
        } else {
            format!(
                "{:>6} of {:>13}",
                percent(s.changed as f64 / s.asked as f64),
                thousands(s.asked)
            )
        };
        let _ = writeln!(out, "  {:<width$}  {swing}", safe(&tree.question(q).id));
    }

    let examples = tree.examples().len();
    if census.examples.is_empty() {
        let _ = writeln!(
            out,
            "\nExamples: {}",
            match examples {
                0 => "the tree has none.".to_string(),
                1 => "the one example passes.".to_string(),
                n => format!("all {n} pass."),
            }
        );
    } else {
        let failing: std::collections::BTreeSet<usize> =
            census.examples.iter().map(|f| f.example).collect();
        let _ = writeln!(
            out,
            "\nExamples: {} of {examples} fail (`techhire validate` shows where):",
            failing.len()
        );
        for failure in &census.examples {
            let _ = writeln!(out, "  - {}", safe(&failure.message));
        }
    }
    out
}

/// The census as JSON for scripts.
pub fn json(tree: &Tree, census: &Census) -> Value {
    let share = |n: u64| census.share(n);
    let ids = |outcomes: &[usize]| -> Vec<&str> {
        outcomes
            .iter()
            .map(|&o| tree.outcome(o).id.as_str())
            .collect()
    };
    json!({
        "format": FORMAT,
        "version": VERSION,
        "tree": { "title": tree.meta().title, "version": tree.meta().version },
        "paths": u64::try_from(census.paths).unwrap_or(u64::MAX),
        "walked": census.walked,
        "sampled": census.sample_seed.is_some(),
        "seed": census.sample_seed,
        "outcomes": tree.outcomes().iter().enumerate().map(|(o, outcome)| json!({
            "id": outcome.id,
            "label": outcome.label,
            "paths": census.outcomes[o],
            "share": share(census.outcomes[o]),
        })).collect::<Vec<_>>(),
        "ties": census.ties.iter().map(|(outcomes, n)| json!({
            "outcomes": ids(outcomes),
            "paths": n,
            "share": share(*n),
        })).collect::<Vec<_>>(),
        "close_calls": { "paths": census.close_calls, "share": share(census.close_calls) },
        "never_recommended": ids(&census.never_recommended()),
        "rules": tree.rules().iter().enumerate().map(|(r, rule)| json!({
            "id": rule.id,
            "paths": census.rules[r],
            "share": share(census.rules[r]),
            "recommended": tree.outcomes().iter().enumerate().map(|(o, outcome)| json!({
                "id": outcome.id,
                "paths": census.rule_outcomes[r][o],
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "questions": tree.questions().iter().enumerate().map(|(q, question)| {
            let s = census.questions[q];
            json!({
                "id": question.id,
                "prompt": question.prompt,
                "asked": s.asked,
                "changed": s.changed,
                "swing": if s.asked == 0 { 0.0 } else { s.changed as f64 / s.asked as f64 },
            })
        }).collect::<Vec<_>>(),
        "examples": {
            "total": tree.examples().len(),
            "failures": census.examples.iter().map(|f| json!({
                "example": tree.examples()[f.example].id,
                "message": f.message,
            })).collect::<Vec<_>>(),
        },
    })
}

/// `11,612,160`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A path count that may not fit in 64 bits: with separators, or in scientific notation.
fn big(n: u128) -> String {
    match u64::try_from(n) {
        Ok(n) => thousands(n),
        Err(_) => format!("about {:.2e}", n as f64),
    }
}

/// `20.2%`, `0.01%`, `<0.01%`.
fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p == 0.0 {
        "0%".to_string()
    } else if p < 0.01 {
        "<0.01%".to_string()
    } else if p < 1.0 {
        format!("{p:.2}%")
    } else {
        format!("{p:.1}%")
    }
}
