//! The whole flow of a tree as a graph: every question a node (its id, then its prompt), every choice an edge labelled
//! with its answer, the ending choices leading to one "recommendation" node that fans out to
//! the outcomes. Written as Mermaid (renders on GitHub and in many editors) or Graphviz DOT.
//! Labels are escaped for each language, so no text in a tree can break the graph.

use std::fmt::Write as _;

use crate::text::{terminal_safe, wrap};
use crate::tree::{Next, Tree};

/// Prompts are wrapped at about this many characters in DOT, which does not wrap by itself.
const DOT_WRAP: usize = 32;

/// The flow as a Mermaid flowchart.
pub fn mermaid(tree: &Tree) -> String {
    let mut out = String::from("flowchart TD\n");
    let _ = writeln!(
        out,
        "  %% {} (version {})",
        mermaid_comment(&tree.meta().title),
        mermaid_comment(&tree.meta().version)
    );
    for (i, q) in tree.questions().iter().enumerate() {
        let label = format!("{}: {}", q.id, q.prompt);
        let _ = writeln!(out, "  q{i}[\"{}\"]", mermaid_label(&label));
    }
    let _ = writeln!(out, "  result([\"Recommendation\"])");
    for (i, o) in tree.outcomes().iter().enumerate() {
        let _ = writeln!(out, "  o{i}[[\"{}\"]]", mermaid_label(&o.label));
    }
    // Not `start` or `end`: Mermaid reserves some words as node ids.
    let _ = writeln!(out, "  entry((\"Start\")) --> q{}", tree.start());
    for (i, q) in tree.questions().iter().enumerate() {
        for (c, choice) in q.choices.iter().enumerate() {
            let to = match tree.next(i, c) {
                Next::Question(t) => format!("q{t}"),
                Next::End => "result".to_string(),
            };
            let _ = writeln!(out, "  q{i} -->|\"{}\"| {to}", mermaid_label(&choice.label));
        }
    }
    for i in 0..tree.outcomes().len() {
        let _ = writeln!(out, "  result -.-> o{i}");
    }
    out
}

/// The flow as a Graphviz digraph.
pub fn dot(tree: &Tree) -> String {
    let mut out = String::from("digraph techhire {\n");
    let _ = writeln!(
        out,
        "  label=\"{} (version {})\";\n  labelloc=t;",
        dot_label(&tree.meta().title),
        dot_label(&tree.meta().version)
    );
    out.push_str("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  entry [label=\"Start\", shape=circle];\n");
    for (i, q) in tree.questions().iter().enumerate() {
        let lines: Vec<String> = std::iter::once(q.id.as_str())
            .chain(wrap(&q.prompt, DOT_WRAP, "", "").lines())
            .map(dot_label)
            .collect();
        let _ = writeln!(out, "  q{i} [label=\"{}\"];", lines.join("\\n"));
    }
    out.push_str("  result [label=\"Recommendation\", shape=oval, peripheries=2];\n");
    for (i, o) in tree.outcomes().iter().enumerate() {
        let _ = writeln!(
            out,
            "  o{i} [label=\"{}\", shape=box, style=\"rounded,bold\"];",
            dot_label(&o.label)
        );
    }
    let _ = writeln!(out, "  entry -> q{};", tree.start());
    for (i, q) in tree.questions().iter().enumerate() {
        for (c, choice) in q.choices.iter().enumerate() {
            let to = match tree.next(i, c) {
                Next::Question(t) => format!("q{t}"),
                Next::End => "result".to_string(),
            };
            let _ = writeln!(
                out,
                "  q{i} -> {to} [label=\"{}\"];",
                dot_label(&choice.label)
            );
        }
    }
    for i in 0..tree.outcomes().len() {
        let _ = writeln!(out, "  result -> o{i} [style=dashed];");
    }
    out.push_str("}\n");
    out
}

/// Text for inside a Mermaid `"..."` label: quotes, `#`, angle brackets, `&`, `|` and
/// backticks become Mermaid's `#code;` entities, and line breaks become spaces.
fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in terminal_safe(text).chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Mermaid `%%` comment: one line.
fn mermaid_comment(text: &str) -> String {
    terminal_safe(text).into_owned()
}

/// Text for inside a DOT `"..."` string: backslashes and quotes escaped, so `\n`, `\l` and the
/// like in a tree stay literal.
fn dot_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in terminal_safe(text).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
