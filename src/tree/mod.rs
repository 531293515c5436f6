//! The question tree: its file format, loading with diagnostics, validation, and the checked,
//! indexed form the interview runs on.

pub mod diagnostics;
mod flow;
pub mod load;
pub mod model;
pub mod validate;

use std::collections::HashMap;

pub use diagnostics::{Diagnostic, Report, Severity};
pub use load::{Loaded, MAX_TREE_BYTES, load_path, load_str};
pub use model::{Choice, Meta, Outcome, Question, Source, TreeFile};

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
    #[error("{file} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8")]
    NotUtf8 { file: String, offset: usize },
    #[error("{}", .0.render())]
    Invalid(Report),
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
#[derive(Debug, Clone)]
pub struct Tree {
    file: TreeFile,
    start: usize,
    question_index: HashMap<String, usize>,
    outcome_index: HashMap<String, usize>,
    next: Vec<Vec<Next>>,
    /// Evidence by question, then choice, as (outcome index, points).
    evidence: Vec<Vec<Vec<(usize, i32)>>>,
    /// Fewest and most questions still to answer from each question, itself included.
    fewest: Vec<u32>,
    most: Vec<u32>,
}

impl Tree {
    /// Checks a tree built in code (tests, generators) the way the loader checks a file;
    /// returns the warnings, or every problem when there are errors.
    pub fn from_file(file: TreeFile) -> Result<(Tree, Vec<Diagnostic>), Vec<Diagnostic>> {
        let diagnostics: Vec<Diagnostic> =
            validate::check(&file, &validate::Known::default(), true)
                .into_iter()
                .map(|(d, _)| d)
                .collect();
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        Ok((Tree::from_checked(file), diagnostics))
    }

    /// Indexes a tree that passed validation.
    pub(crate) fn from_checked(file: TreeFile) -> Tree {
        let question_index: HashMap<String, usize> = file
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        let outcome_index: HashMap<String, usize> = file
            .outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        let next: Vec<Vec<Next>> = file
            .questions
            .iter()
            .map(|q| {
                q.choices
                    .iter()
                    .map(
                        |c| match c.next.as_deref().and_then(|n| question_index.get(n)) {
                            Some(&i) => Next::Question(i),
                            None => Next::End,
                        },
                    )
                    .collect()
            })
            .collect();
        let evidence = file
            .questions
            .iter()
            .map(|q| {
                q.choices
                    .iter()
                    .map(|c| {
                        c.evidence
                            .iter()
                            .filter_map(|(o, w)| outcome_index.get(o).map(|&i| (i, *w)))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let start = question_index.get(&file.meta.start).copied().unwrap_or(0);
        let (fewest, most) = remaining(&next);
        Tree {
            file,
            start,
            question_index,
            outcome_index,
            next,
            evidence,
            fewest,
            most,
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
        self.outcome_index.get(id).copied()
    }

    pub fn questions(&self) -> &[Question] {
        &self.file.questions
    }

    pub fn question(&self, index: usize) -> &Question {
        &self.file.questions[index]
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
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
        self.next[question][choice]
    }

    /// The points a choice adds, as (outcome index, points).
    pub fn evidence(&self, question: usize, choice: usize) -> &[(usize, i32)] {
        &self.evidence[question][choice]
    }

    /// Fewest and most questions left from a question, itself included.
    pub fn remaining_from(&self, question: usize) -> (u32, u32) {
        (self.fewest[question], self.most[question])
    }
}

/// Fewest and most questions to an end from each question, computed without recursion so a
/// chain of 100,000 questions cannot overflow the stack.
fn remaining(next: &[Vec<Next>]) -> (Vec<u32>, Vec<u32>) {
    let n = next.len();
    let mut fewest = vec![u32::MAX; n];
    let mut most = vec![0u32; n];
    let mut done = vec![false; n];
    for root in 0..n {
        if done[root] {
            continue;
        }
        let mut stack = vec![(root, false)];
        while let Some((q, expanded)) = stack.pop() {
            if done[q] {
                continue;
            }
            if !expanded {
                stack.push((q, true));
                for to in &next[q] {
                    if let Next::Question(t) = to
                        && !done[*t]
                    {
                        stack.push((*t, false));
                    }
                }
                continue;
            }
            let (mut lo, mut hi) = (u32::MAX, 0u32);
            for to in &next[q] {
                let (f, m) = match to {
                    Next::End => (0, 0),
                    Next::Question(t) => (fewest[*t], most[*t]),
                };
                lo = lo.min(f);
                hi = hi.max(m);
            }
            fewest[q] = lo.saturating_add(1);
            most[q] = hi.saturating_add(1);
            done[q] = true;
        }
    }
    (fewest, most)
}
