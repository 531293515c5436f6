//! The graphs are checked by small parsers of the parts of Mermaid and DOT they use: every
//! line or statement must parse, every edge must join declared nodes, and every label must read
//! back exactly as the tree wrote it, however hostile the text.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

fn load(name: &str, text: &str) -> Tree {
    match load_str(name, text) {
        Ok(loaded) => loaded.tree,
        Err(report) => panic!("{}", report.render()),
    }
}

const HOSTILE: &str = r##"
[meta]
title = "Quotes \" and \\ back"
version = "1"
start = "a"

[[outcomes]]
id = "x"
label = "X <b>bold</b> & \"quoted\" #1"
summary = "s"
owns = []
priorities = []
profile = "p"
risks = []
next_steps = []

[[outcomes]]
id = "y"
label = "Y | pipe `tick` ]] )) end"
summary = "s"
owns = []
priorities = []
profile = "p"
risks = []
next_steps = []

[[questions]]
id = "a"
prompt = "A \"question\" with <html> & a \\n that is not a newline, #hash; and | a pipe, long enough to wrap"
help = "h"

[[questions.choices]]
id = "one"
label = "One \"1\" -->|x| end"
next = "b"
evidence = { x = 1 }

[[questions.choices]]
id = "two"
label = "Two [two] {two} (two) \\\" ;"
end = true
evidence = { y = 1 }

[[questions]]
id = "b"
prompt = "B\twith a tab and an escape \u001b[2J"
help = "h"

[[questions.choices]]
id = "end"
label = "end"
end = true
evidence = { x = 2 }
"##;

/// What a graph says: node labels by id, and edges with their labels.
#[derive(Debug, Default)]
struct Graph {
    nodes: BTreeMap<String, String>,
    edges: Vec<(String, String, Option<String>)>,
}

impl Graph {
    /// `question_label` gives what a question's node should read, from its id and prompt.
    fn check_against(&self, tree: &Tree, question_label: impl Fn(&str, &str) -> String) {
        for (from, to, _) in &self.edges {
            assert!(self.nodes.contains_key(from), "edge from undeclared {from}");
            assert!(self.nodes.contains_key(to), "edge to undeclared {to}");
        }
        let clean = |s: &str| terminal_safe(s).into_owned();
        for (i, q) in tree.questions().iter().enumerate() {
            let expected = question_label(&q.id, &clean(&q.prompt));
            assert_eq!(self.nodes[&format!("q{i}")], expected);
            for (c, choice) in q.choices.iter().enumerate() {
                let to = match tree.next(i, c) {
                    Next::Question(t) => format!("q{t}"),
                    Next::End => "result".to_string(),
                };
                let edge = (format!("q{i}"), to, Some(clean(&choice.label)));
                assert!(self.edges.contains(&edge), "{edge:?} in {:?}", self.edges);
            }
        }
        for (i, o) in tree.outcomes().iter().enumerate() {
            assert_eq!(self.nodes[&format!("o{i}")], clean(&o.label));
            assert!(
                self.edges
                    .iter()
                    .any(|(f, t, _)| f == "result" && *t == format!("o{i}"))
            );
        }
        let choices: usize = tree.questions().iter().map(|q| q.choices.len()).sum();
        assert_eq!(self.edges.len(), choices + tree.outcomes().len() + 1);
        let reachable: BTreeSet<&String> = self.edges.iter().map(|(_, t, _)| t).collect();
        assert_eq!(
            reachable.len(),
            self.nodes.len() - 1,
            "all but the entry are reached"
        );
    }
}

// ---- Mermaid -------------------------------------------------------------------------------

fn mermaid_text(label: &str) -> String {
    assert!(!label.contains('"'), "raw quote in {label:?}");
    assert!(
        !label.chars().any(char::is_control),
        "control character in {label:?}"
    );
    let mut out = label.to_string();
    for (code, c) in [
        ("#quot;", "\""),
        ("#35;", "#"),
        ("#lt;", "<"),
        ("#gt;", ">"),
        ("#amp;", "&"),
        ("#124;", "|"),
        ("#96;", "`"),
    ] {
        out = out.replace(code, c);
    }
    out
}

/// Reads `id`, then an optional shape with a quoted label; returns the rest of the line.
fn mermaid_node<'a>(s: &'a str, graph: &mut Graph) -> &'a str {
    let id_len = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    assert!(id_len > 0, "expected a node id at {s:?}");
    let (id, rest) = s.split_at(id_len);
    for (open, close) in [
        ("[[\"", "\"]]"),
        ("([\"", "\"])"),
        ("((\"", "\"))"),
        ("[\"", "\"]"),
    ] {
        if let Some(body) = rest.strip_prefix(open) {
            let end = body
                .find('"')
                .unwrap_or_else(|| panic!("unclosed label: {s:?}"));
            let tail = body[end..]
                .strip_prefix(close)
                .unwrap_or_else(|| panic!("shape not closed with {close}: {s:?}"));
            graph
                .nodes
                .insert(id.to_string(), mermaid_text(&body[..end]));
            return tail;
        }
    }
    rest
}

fn parse_mermaid(text: &str) -> Graph {
    let mut graph = Graph::default();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart TD"));
    for line in lines {
        let line = line
            .strip_prefix("  ")
            .unwrap_or_else(|| panic!("indent: {line:?}"));
        if let Some(comment) = line.strip_prefix("%% ") {
            assert!(
                !comment.starts_with('{'),
                "a comment must not be a directive"
            );
            continue;
        }
        let from = line
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .next();
        let from = from.unwrap_or_default().to_string();
        let rest = mermaid_node(line, &mut graph);
        if rest.is_empty() {
            continue;
        }
        let (label, target) = if let Some(r) = rest.strip_prefix(" -->|\"") {
            let end = r
                .find('"')
                .unwrap_or_else(|| panic!("unclosed edge label: {line:?}"));
            let target = r[end..]
                .strip_prefix("\"| ")
                .unwrap_or_else(|| panic!("edge label not closed: {line:?}"));
            (Some(mermaid_text(&r[..end])), target)
        } else if let Some(t) = rest.strip_prefix(" --> ").or(rest.strip_prefix(" -.-> ")) {
            (None, t)
        } else {
            panic!("not a node or an edge: {line:?}")
        };
        assert!(
            target
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "target {target:?}"
        );
        if from != "entry" {
            assert!(!["end", "start"].contains(&target), "reserved id {target}");
        }
        graph.edges.push((from, target.to_string(), label));
    }
    graph
}

fn mermaid_question(id: &str, prompt: &str) -> String {
    format!("{id}: {prompt}")
}

#[test]
fn mermaid_of_the_built_in_tree_parses_and_is_complete() {
    let tree = load(EMBEDDED_NAME, EMBEDDED);
    let graph = parse_mermaid(&mermaid(&tree));
    graph.check_against(&tree, mermaid_question);
}

#[test]
fn mermaid_labels_survive_hostile_text() {
    let tree = load("hostile.toml", HOSTILE);
    let text = mermaid(&tree);
    let graph = parse_mermaid(&text);
    graph.check_against(&tree, mermaid_question);
    assert!(text.contains("#quot;1#quot;"), "{text}");
}

// ---- DOT -----------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Id(String),
    Quoted(String),
    Punct(&'static str),
}

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Id(chars[start..i].iter().collect()));
        } else if c == '"' {
            // DOT strings: `\"` is a quote; other backslash pairs are kept for escString, where
            // `\\` is a backslash and `\n` a line break.
            let mut s = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => panic!("unterminated string"),
                    Some('"') => break,
                    Some('\\') => {
                        s.push('\\');
                        s.push(*chars.get(i + 1).unwrap_or_else(|| panic!("dangling \\")));
                        i += 2;
                    }
                    Some(c) => {
                        assert!(!c.is_control(), "control character in a string");
                        s.push(*c);
                        i += 1;
                    }
                }
            }
            i += 1;
            out.push(Token::Quoted(s));
        } else if c == '-' && chars.get(i + 1) == Some(&'>') {
            out.push(Token::Punct("->"));
            i += 2;
        } else {
            let p = ["{", "}", "[", "]", "=", ";", ","]
                .into_iter()
                .find(|p| p.starts_with(c))
                .unwrap_or_else(|| panic!("unexpected {c:?}"));
            out.push(Token::Punct(p));
            i += 1;
        }
    }
    out
}

/// escString as Graphviz reads a label: `\\` a backslash, `\"` a quote, `\n` a line break.
fn dot_text(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_dot(text: &str) -> Graph {
    let toks = tokens(text);
    let mut pos = 0;
    let mut next = || {
        let t = toks.get(pos).cloned();
        pos += 1;
        t
    };
    assert_eq!(next(), Some(Token::Id("digraph".into())));
    assert!(matches!(next(), Some(Token::Id(_))));
    assert_eq!(next(), Some(Token::Punct("{")));
    let mut graph = Graph::default();
    let value = |t: Option<Token>| match t {
        Some(Token::Id(s)) => s,
        Some(Token::Quoted(s)) => dot_text(&s),
        other => panic!("expected a value, got {other:?}"),
    };
    loop {
        let id = match next() {
            Some(Token::Punct("}")) => break,
            Some(Token::Id(id)) => id,
            other => panic!("expected a statement, got {other:?}"),
        };
        let mut attrs = BTreeMap::new();
        let mut target = None;
        let mut t = next();
        if t == Some(Token::Punct("=")) {
            value(next());
            t = next();
        } else {
            if t == Some(Token::Punct("->")) {
                target = Some(value(next()));
                t = next();
            }
            if t == Some(Token::Punct("[")) {
                loop {
                    let key = match next() {
                        Some(Token::Punct("]")) => break,
                        Some(Token::Punct(",")) => continue,
                        Some(Token::Id(k)) => k,
                        other => panic!("expected an attribute, got {other:?}"),
                    };
                    assert_eq!(next(), Some(Token::Punct("=")));
                    attrs.insert(key, value(next()));
                }
                t = next();
            }
        }
        assert_eq!(t, Some(Token::Punct(";")), "statement ends with ;");
        match (id.as_str(), target) {
            ("node" | "edge" | "label" | "labelloc", None) => {}
            (_, Some(to)) => graph.edges.push((id, to, attrs.remove("label"))),
            (_, None) => {
                let label = attrs
                    .remove("label")
                    .unwrap_or_else(|| panic!("{id} has a label"));
                graph.nodes.insert(id, label);
            }
        }
    }
    assert_eq!(next(), None, "nothing after the graph");
    graph
}

fn dot_question(id: &str, prompt: &str) -> String {
    format!("{id}\n{}", wrap(prompt, DOT_WRAP, "", "").trim_end())
}

#[test]
fn dot_of_the_built_in_tree_parses_and_is_complete() {
    let tree = load(EMBEDDED_NAME, EMBEDDED);
    let graph = parse_dot(&dot(&tree));
    graph.check_against(&tree, dot_question);
}

#[test]
fn dot_labels_survive_hostile_text() {
    let tree = load("hostile.toml", HOSTILE);
    let text = dot(&tree);
    let graph = parse_dot(&text);
    graph.check_against(&tree, dot_question);
    // A `\n` written in the tree stays two characters, not a line break.
    assert!(text.contains("& a \\\\n"), "{text}");
}
