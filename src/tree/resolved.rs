//! The flow as validation resolved it: where every choice leads and the evidence it carries,
//! by index rather than by id, stored flat. Validation looks each reference up once; the flow
//! checks and the indexed `Tree` reuse the result.

use std::ops::Index;

/// Where one choice leads, as far as validation could tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    /// The interview ends (also for a choice that says neither, already reported).
    End,
    /// The question at this index comes next.
    To(usize),
    /// `next` names no question (already reported); the index is the question the hint
    /// suggests, if any, so a typo does not also make its target "unreachable".
    Broken(Option<usize>),
}

/// Lists of items stored one after another: list `i` is `items[start[i]..start[i + 1]]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Flat<T> {
    pub start: Vec<usize>,
    pub items: Vec<T>,
}

impl<T> Default for Flat<T> {
    fn default() -> Self {
        Flat {
            start: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T> Flat<T> {
    /// The number of lists.
    pub fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    fn begin(&mut self) {
        self.start.push(self.items.len());
    }

    fn finish(&mut self) {
        self.start.push(self.items.len());
    }

    #[cfg(test)]
    pub fn from_lists(lists: Vec<Vec<T>>) -> Self {
        let mut flat = Flat::default();
        for list in lists {
            flat.begin();
            flat.items.extend(list);
        }
        flat.finish();
        flat
    }
}

impl<T> Index<usize> for Flat<T> {
    type Output = [T];

    fn index(&self, list: usize) -> &[T] {
        &self.items[self.start[list]..self.start[list + 1]]
    }
}

/// Every question's choices, and every choice's evidence as (outcome index, points) for the
/// outcomes that exist.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Resolved {
    /// By question: where each choice leads.
    pub edges: Flat<Edge>,
    /// By choice, counting every choice of every question in turn.
    pub evidence: Flat<(usize, i32)>,
    /// The tree's rules, by index.
    pub rules: Vec<RuleIndex>,
}

impl Resolved {
    pub fn questions(&self) -> usize {
        self.edges.len()
    }

    /// Where each choice of a question leads.
    pub fn choices(&self, question: usize) -> &[Edge] {
        &self.edges[question]
    }

    /// The evidence of one choice.
    pub fn evidence(&self, question: usize, choice: usize) -> &[(usize, i32)] {
        &self.evidence[self.edges.start[question] + choice]
    }

    /// Starts the next question's choices.
    pub fn begin_question(&mut self) {
        self.edges.begin();
    }

    /// Starts the next choice's evidence.
    pub fn begin_choice(&mut self) {
        self.evidence.begin();
    }

    pub fn add_evidence(&mut self, outcome: usize, points: i32) {
        self.evidence.items.push((outcome, points));
    }

    /// Ends the current choice, saying where it leads.
    pub fn end_choice(&mut self, edge: Edge) {
        self.edges.items.push(edge);
    }

    /// Closes both lists once every question is in.
    pub fn finish(&mut self) {
        self.edges.finish();
        self.evidence.finish();
    }

    #[cfg(test)]
    pub fn from_lists(edges: Vec<Vec<Edge>>, evidence: Vec<Vec<Vec<(usize, i32)>>>) -> Self {
        Resolved {
            edges: Flat::from_lists(edges),
            evidence: Flat::from_lists(evidence.into_iter().flatten().collect()),
            rules: Vec::new(),
        }
    }
}

/// A rule by index: each condition as a question and the choices that meet it, and the
/// outcomes it rules out. A rule with a reference that names nothing is `broken` (already
/// reported) and never fires.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RuleIndex {
    pub when: Vec<(usize, Vec<usize>)>,
    pub rule_out: Vec<usize>,
    pub broken: bool,
}
