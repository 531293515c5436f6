//! A path through the tree: the questions answered in order, found by following recorded
//! answers from the start. The interview keeps its path this way, and the recommendation and
//! its what-ifs walk changed answers the same way.

use super::{Next, Tree};

/// One answered question on the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub question: usize,
    pub choice: usize,
}

impl Tree {
    /// Follows recorded answers from the start: the path, and the first unanswered question (or
    /// `None` when an answer ends the interview).
    pub(crate) fn walk(&self, answers: &[Option<usize>]) -> (Vec<Step>, Option<usize>) {
        let mut path = Vec::new();
        let mut question = self.start();
        // A valid tree has no cycles, so a path is never longer than the tree; the bound keeps
        // a bug from ever turning into a hang.
        for _ in 0..=self.questions().len() {
            let Some(choice) = answers[question] else {
                return (path, Some(question));
            };
            path.push(Step { question, choice });
            match self.next(question, choice) {
                Next::End => return (path, None),
                Next::Question(q) => question = q,
            }
        }
        (path, Some(question))
    }
}
