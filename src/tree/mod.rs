//! The question tree: its file format, loading with diagnostics, validation, and the checked,
//! indexed form the interview runs on.

pub mod diagnostics;
pub mod load;
pub mod model;
mod resolved;
pub mod schema;
pub mod validate;
mod walk;

use std::sync::OnceLock;

pub use diagnostics::{Diagnostic, Diagnostics, Severity, Unlisted};
pub use load::{
    Checks, Loaded, MAX_TREE_BYTES, load_path, load_path_checked, load_str, load_str_checked,
};
pub use model::{
    Choice, ChoiceIds, Evidence, Example, Meta, Outcome, Question, QuestionKind, Rule, Source,
    TreeFile,
};
use resolved::{Edge, Resolved};
pub use schema::json_schema;
pub use walk::Step;

/// The tree shipped inside the binary, used when no `--questions` file is given.
pub const EMBEDDED: &str = include_str!("../../questions.toml");

/// The name the embedded tree goes by in messages.
pub const EMBEDDED_NAME: &str = "questions.toml (built in)";

/// Why a tree could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum TreeError {
    #[error("cannot read {file}: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error(
        "{file} is {size} bytes, over the {limit}-byte limit for question trees; is it the right file?"
    )]
    TooLarge { file: String, size: u64, limit: u64 },
    #[error(
        "{file}:{line}:{column}: the file is not UTF-8 text (byte {offset} is not valid UTF-8); save it as UTF-8"
    )]
    NotUtf8 {
        file: String,
        /// The first invalid byte, counted from 0.
        offset: usize,
        /// Where that byte is, as a 1-based line and column (in characters).
        line: usize,
        column: usize,
    },
    #[error("{}", .0.render())]
    Invalid(Diagnostics),
}

/// Where a choice leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The question at this index is asked next.
    Question(usize),
    /// The interview ends.
    End,
}

/// A validated tree, indexed for the interview: every reference resolves, every question is
/// reachable, nothing loops, and every path ends.
///
/// The flow is stored flat (one list of choices for the whole tree, one of evidence), so a
/// 100,000-question tree is a handful of allocations rather than a million small ones.
#[derive(Debug, Clone)]
pub struct Tree {
    file: TreeFile,
    start: usize,
    /// Question indices sorted by id, for lookups without copying every id; built on the first
    /// lookup, since loading a tree resolves its references without it.
    by_id: OnceLock<Vec<u32>>,
    /// Where each question's choices start in `next` and `evidence_start`; one extra at the end.
    choice_start: Vec<usize>,
    /// Where each choice leads, for every choice of every question in turn.
    next: Vec<Next>,
    /// Where each choice's evidence starts in `evidence`; one extra at the end.
    evidence_start: Vec<usize>,
    /// Evidence as (outcome index, points).
    evidence: Vec<(usize, i32)>,
    /// Fewest and most questions still to answer from each question, itself included.
    fewest: Vec<u32>,
    most: Vec<u32>,
    /// The rules, by index.
    rules: Vec<resolved::RuleIndex>,
}

impl Tree {
    /// Checks a tree built in code (tests, generators) the way the loader checks a file;
    /// returns the warnings, or every problem when there are errors.
    pub fn from_file(file: TreeFile) -> Result<(Tree, Vec<Diagnostic>), Vec<Diagnostic>> {
        let (checks, resolved) =
            validate::check_and_resolve(&file, &validate::Known::default(), true);
        let diagnostics: Vec<Diagnostic> = checks.into_iter().map(|(d, _)| d).collect();
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        Ok((Tree::from_checked(file, resolved), diagnostics))
    }

    /// Indexes a tree that passed validation, reusing the flow validation resolved.
    pub(crate) fn from_checked(file: TreeFile, resolved: Resolved) -> Tree {
        let start = file
            .questions
            .iter()
            .position(|q| q.id == file.meta.start)
            .unwrap_or(0);
        let next: Vec<Next> = resolved
            .edges
            .items
            .iter()
            .map(|edge| match *edge {
                Edge::To(to) => Next::Question(to),
                Edge::End | Edge::Broken(_) => Next::End,
            })
            .collect();
        let choice_start = resolved.edges.start;
        let (fewest, most) = remaining(&choice_start, &next);
        Tree {
            file,
            start,
            by_id: OnceLock::new(),
            choice_start,
            next,
            evidence_start: resolved.evidence.start,
            evidence: resolved.evidence.items,
            fewest,
            most,
            rules: resolved.rules,
        }
    }

    pub fn meta(&self) -> &Meta {
        &self.file.meta
    }

    /// The tree as written, e.g. for the graph export.
    pub fn file(&self) -> &TreeFile {
        &self.file
    }

    pub fn sources(&self) -> &[Source] {
        &self.file.sources
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.file.sources.iter().find(|s| s.id == id)
    }

    pub fn outcomes(&self) -> &[Outcome] {
        &self.file.outcomes
    }

    pub fn outcome(&self, index: usize) -> &Outcome {
        &self.file.outcomes[index]
    }

    pub fn outcome_index(&self, id: &str) -> Option<usize> {
        self.file.outcomes.iter().position(|o| o.id == id)
    }

    pub fn questions(&self) -> &[Question] {
        &self.file.questions
    }

    pub fn question(&self, index: usize) -> &Question {
        &self.file.questions[index]
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        let questions = &self.file.questions;
        let by_id = self.by_id.get_or_init(|| {
            let mut by_id: Vec<u32> = (0..questions.len() as u32).collect();
            by_id
                .sort_unstable_by(|&a, &b| questions[a as usize].id.cmp(&questions[b as usize].id));
            by_id
        });
        by_id
            .binary_search_by(|&q| questions[q as usize].id.as_str().cmp(id))
            .ok()
            .map(|i| by_id[i] as usize)
    }

    /// The index of a choice of a question, by the choice's id.
    pub fn choice_index(&self, question: usize, id: &str) -> Option<usize> {
        self.file.questions[question]
            .choices
            .iter()
            .position(|c| c.id == id)
    }

    /// The first question asked.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Where a choice leads.
    pub fn next(&self, question: usize, choice: usize) -> Next {
        self.next[self.choice_start[question] + choice]
    }

    /// The points a choice adds, as (outcome index, points).
    pub fn evidence(&self, question: usize, choice: usize) -> &[(usize, i32)] {
        let i = self.choice_start[question] + choice;
        &self.evidence[self.evidence_start[i]..self.evidence_start[i + 1]]
    }

    /// Fewest and most questions left from a question, itself included.
    pub fn remaining_from(&self, question: usize) -> (u32, u32) {
        (self.fewest[question], self.most[question])
    }

    /// The rules, as written.
    pub fn rules(&self) -> &[Rule] {
        &self.file.rules
    }

    /// A rule's conditions, each a question and the choices (any of them) that meet it.
    pub fn rule_conditions(&self, rule: usize) -> &[(usize, Vec<usize>)] {
        &self.rules[rule].when
    }

    /// The outcomes a rule rules out, by index, in order.
    pub fn rule_out(&self, rule: usize) -> &[usize] {
        &self.rules[rule].rule_out
    }

    /// The rules that hold on a path, in declaration order: `answer` gives the choice made at
    /// a question on the path, `None` for a question not on it.
    pub fn rules_holding(&self, answer: impl Fn(usize) -> Option<usize>) -> Vec<usize> {
        (0..self.rules.len())
            .filter(|&r| {
                let rule = &self.rules[r];
                !rule.broken
                    && rule
                        .when
                        .iter()
                        .all(|(q, choices)| answer(*q).is_some_and(|c| choices.contains(&c)))
            })
            .collect()
    }

    /// Whether a question asks a fact of the company (answered once in a workshop) rather
    /// than a person's view.
    pub fn is_fact(&self, question: usize) -> bool {
        self.file.questions[question].kind == QuestionKind::Fact
    }

    /// Whether a choice says the client is not sure yet.
    pub fn is_unsure(&self, question: usize, choice: usize) -> bool {
        self.file.questions[question].choices[choice].unsure
    }

    /// The examples, as written.
    pub fn examples(&self) -> &[Example] {
        &self.file.examples
    }
}

/// Fewest and most questions to an end from each question, computed without recursion so a
/// chain of 100,000 questions cannot overflow the stack. Validated trees have no cycles; were
/// one to slip through, a question met again while open counts as an end rather than looping.
fn remaining(choice_start: &[usize], next: &[Next]) -> (Vec<u32>, Vec<u32>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let n = choice_start.len().saturating_sub(1);
    let choices = |q: usize| &next[choice_start[q]..choice_start[q + 1]];
    let mut fewest = vec![0u32; n];
    let mut most = vec![0u32; n];
    let mut mark = vec![Mark::New; n];
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        // (question, next choice to look at)
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        while let Some(&mut (q, ref mut ci)) = stack.last_mut() {
            let here = choices(q);
            if let Some(&Next::Question(t)) = here.get(*ci) {
                *ci += 1;
                if mark[t] == Mark::New {
                    mark[t] = Mark::Open;
                    stack.push((t, 0));
                }
                continue;
            }
            if *ci < here.len() {
                *ci += 1;
                continue;
            }
            let (mut lo, mut hi) = (u32::MAX, 0u32);
            for to in here {
                let (f, m) = match *to {
                    Next::Question(t) if mark[t] == Mark::Done => (fewest[t], most[t]),
                    _ => (0, 0),
                };
                lo = lo.min(f);
                hi = hi.max(m);
            }
            fewest[q] = if lo == u32::MAX {
                0
            } else {
                lo.saturating_add(1)
            };
            most[q] = hi.saturating_add(1);
            mark[q] = Mark::Done;
            stack.pop();
        }
    }
    (fewest, most)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flat form of a flow given as lists of choices.
    fn remaining_of(flow: &[Vec<Next>]) -> (Vec<u32>, Vec<u32>) {
        let mut starts = vec![0usize];
        for q in flow {
            starts.push(starts[starts.len() - 1] + q.len());
        }
        let next: Vec<Next> = flow.iter().flatten().copied().collect();
        remaining(&starts, &next)
    }

    #[test]
    fn remaining_counts_the_shortest_and_longest_way_to_an_end() {
        // 0 -> 1 -> 2 -> end, and 0 -> end directly.
        let next = vec![
            vec![Next::Question(1), Next::End],
            vec![Next::Question(2)],
            vec![Next::End],
        ];
        assert_eq!(remaining_of(&next), (vec![1, 2, 1], vec![3, 2, 1]));
    }

    #[test]
    fn remaining_terminates_on_a_cycle() {
        let next = vec![vec![Next::Question(1)], vec![Next::Question(0)]];
        let (fewest, most) = remaining_of(&next);
        assert_eq!((fewest.len(), most.len()), (2, 2));
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 200_000;
        let next: Vec<Vec<Next>> = (0..n)
            .map(|q| {
                if q + 1 == n {
                    vec![Next::End]
                } else {
                    vec![Next::Question(q + 1)]
                }
            })
            .collect();
        let (fewest, most) = remaining_of(&next);
        assert_eq!((fewest[0], most[0]), (n as u32, n as u32));
    }
}
