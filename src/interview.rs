//! The interview as a state machine: answer, go back, go forward again, change an earlier
//! answer, and see progress. No I/O: front ends call these and draw what they return.
//!
//! Every answer ever given is remembered per question. The *path* is derived from them: start at
//! the first question and follow recorded answers until a question has none (the *frontier*) or
//! an answer ends the interview. So when an earlier answer changes, later answers still on the new
//! path stay, those that fall off are kept aside, and they come back if the path returns.

use std::sync::Arc;

use crate::outcome::{self, Recommendation};
use crate::tree::{Next, Step, Tree};

/// How far along the interview is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Questions answered on the current path.
    pub answered: usize,
    /// Fewest questions still to answer on any way to an end.
    pub fewest_left: u32,
    /// Most questions still to answer on any way to an end.
    pub most_left: u32,
}

impl Progress {
    /// The share done, counting the most questions that could remain, from 0.0 to 1.0.
    pub fn ratio(&self) -> f64 {
        let total = self.answered as f64 + f64::from(self.most_left);
        if total == 0.0 {
            1.0
        } else {
            self.answered as f64 / total
        }
    }
}

/// Why an interview operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InterviewError {
    #[error("the interview is finished; there is no question to answer")]
    Finished,
    #[error("there is no choice {0} here")]
    NoSuchChoice(String),
    #[error("there is no question `{0}` in this tree")]
    NoSuchQuestion(String),
    #[error("question `{0}` is not on the current path")]
    NotOnPath(String),
    #[error(
        "`{0}` is a fact of the company, answered once for everyone in the workshop; it cannot \
         be changed in one person's answers (the consultant sets the workshop's facts)"
    )]
    Settled(String),
}

/// One interview over a tree.
#[derive(Debug, Clone)]
pub struct Interview {
    tree: Arc<Tree>,
    /// The latest answer given to each question, on the path or kept aside.
    answers: Vec<Option<usize>>,
    path: Vec<Step>,
    /// The first unanswered question on the path; `None` once an answer ends the interview.
    frontier: Option<usize>,
    /// The position on the path being looked at: `path.len()` is the frontier (or the end).
    cursor: usize,
    /// Questions whose answers were settled before the interview (a workshop's facts, given
    /// once for everyone): never asked, never changed, passed over going back and forth.
    settled: Vec<bool>,
    /// Answers offered from an earlier round of a workshop: shown as the answer to keep (Enter
    /// keeps it), but not given until the person gives it, so they never steer the path.
    offered: Vec<Option<usize>>,
}

impl Interview {
    pub fn new(tree: Arc<Tree>) -> Self {
        let answers = vec![None; tree.questions().len()];
        let mut interview = Interview {
            frontier: Some(tree.start()),
            settled: vec![false; answers.len()],
            offered: vec![None; answers.len()],
            tree,
            answers,
            path: Vec::new(),
            cursor: 0,
        };
        interview.rebuild();
        interview
    }

    pub fn tree(&self) -> &Arc<Tree> {
        &self.tree
    }

    /// The question being asked, or `None` when the cursor is past the end of a finished path.
    pub fn current(&self) -> Option<usize> {
        match self.path.get(self.cursor) {
            Some(step) => Some(step.question),
            None => self.frontier,
        }
    }

    /// The answer already recorded for the current question, if any (after going back, or
    /// one kept aside from an earlier path), or else the one offered from an earlier round.
    pub fn selected(&self) -> Option<usize> {
        self.current()
            .and_then(|q| self.answers[q].or(self.offered[q]))
    }

    /// Offers answers from an earlier round (a workshop's next round): each is shown as the
    /// answer to keep when its question comes, and becomes an answer only when given.
    /// Answers the tree cannot take are passed over.
    pub fn offer(&mut self, answers: impl IntoIterator<Item = Step>) {
        for step in answers {
            if step.question < self.offered.len()
                && step.choice < self.tree.question(step.question).choices.len()
            {
                self.offered[step.question] = Some(step.choice);
            }
        }
    }

    /// Whether the current question's selection is only offered from an earlier round, not
    /// yet given this time: keeping it answers the question.
    pub fn is_offered(&self) -> bool {
        self.current()
            .is_some_and(|q| self.answers[q].is_none() && self.offered[q].is_some())
    }

    /// The answer offered for a question from an earlier round, if any.
    pub fn offered(&self, question: usize) -> Option<usize> {
        self.offered.get(question).copied().flatten()
    }

    /// The answer recorded for a question, on the path or kept aside.
    pub fn answer_of(&self, question: usize) -> Option<usize> {
        self.answers.get(question).copied().flatten()
    }

    /// Answers the current question and moves to the next one on the path.
    pub fn answer(&mut self, choice: usize) -> Result<(), InterviewError> {
        let question = self.current().ok_or(InterviewError::Finished)?;
        self.check_open(question)?;
        if choice >= self.tree.question(question).choices.len() {
            return Err(InterviewError::NoSuchChoice((choice + 1).to_string()));
        }
        self.answers[question] = Some(choice);
        self.rebuild();
        self.cursor = (self.cursor + 1).min(self.path.len());
        self.pass_settled();
        Ok(())
    }

    /// Answers the current question by the choice's id.
    pub fn answer_id(&mut self, choice: &str) -> Result<(), InterviewError> {
        let question = self.current().ok_or(InterviewError::Finished)?;
        let index = self
            .tree
            .choice_index(question, choice)
            .ok_or_else(|| InterviewError::NoSuchChoice(format!("`{choice}`")))?;
        self.answer(index)
    }

    /// Changes the answer to a question on the path without moving the cursor (unless the
    /// path now ends before it).
    pub fn change(&mut self, question: usize, choice: usize) -> Result<(), InterviewError> {
        self.check_question(question)?;
        self.check_open(question)?;
        if !self.path.iter().any(|s| s.question == question) && self.frontier != Some(question) {
            return Err(InterviewError::NotOnPath(
                self.tree.question(question).id.clone(),
            ));
        }
        if choice >= self.tree.question(question).choices.len() {
            return Err(InterviewError::NoSuchChoice((choice + 1).to_string()));
        }
        self.answers[question] = Some(choice);
        self.rebuild();
        self.cursor = self.cursor.min(self.path.len());
        // The path may now bring a settled question to the cursor: never the one asked.
        self.pass_settled();
        Ok(())
    }

    /// Records answers wholesale (an answers file, a saved session) and moves to the frontier.
    /// Answers to questions off the resulting path are kept aside.
    pub fn restore(&mut self, answers: impl IntoIterator<Item = Step>) {
        for step in answers {
            if step.question < self.answers.len()
                && step.choice < self.tree.question(step.question).choices.len()
            {
                self.answers[step.question] = Some(step.choice);
            }
        }
        self.rebuild();
        self.cursor = self.path.len();
    }

    /// Settles the answers to `questions` (a workshop's facts): they stay as recorded, are
    /// never asked, and cannot be changed. A question without an answer is left open, so the
    /// interview can never wait on a question it refuses to ask.
    pub fn settle(&mut self, questions: impl IntoIterator<Item = usize>) {
        for q in questions {
            if self.answers.get(q).is_some_and(Option::is_some) {
                self.settled[q] = true;
            }
        }
        self.pass_settled();
    }

    /// Whether a question's answer was settled before the interview ([`Interview::settle`]).
    pub fn is_settled(&self, question: usize) -> bool {
        self.settled.get(question).copied().unwrap_or(false)
    }

    /// Goes back one question, over settled ones; false when none before can be asked.
    pub fn back(&mut self) -> bool {
        match (0..self.cursor)
            .rev()
            .find(|&i| !self.settled[self.path[i].question])
        {
            Some(i) => {
                self.cursor = i;
                true
            }
            None => false,
        }
    }

    /// Goes forward one question over an answer already given (and over settled ones); false
    /// when there is none.
    pub fn forward(&mut self) -> bool {
        if self.cursor >= self.path.len() {
            return false;
        }
        self.cursor += 1;
        self.pass_settled();
        true
    }

    /// The current question's number as the person answering counts them: settled questions
    /// are not asked, so they are not counted.
    pub fn number(&self) -> usize {
        1 + self.path[..self.cursor.min(self.path.len())]
            .iter()
            .filter(|s| !self.settled[s.question])
            .count()
    }

    /// Moves to a question on the path, to look at or change its answer.
    pub fn go_to(&mut self, question: usize) -> Result<(), InterviewError> {
        self.check_question(question)?;
        self.check_open(question)?;
        let position = self
            .path
            .iter()
            .position(|s| s.question == question)
            .or_else(|| (self.frontier == Some(question)).then_some(self.path.len()))
            .ok_or_else(|| InterviewError::NotOnPath(self.tree.question(question).id.clone()))?;
        self.cursor = position;
        Ok(())
    }

    /// Moves to the frontier: the first unanswered question, or past the end when finished.
    pub fn go_to_frontier(&mut self) {
        self.cursor = self.path.len();
    }

    /// The answered questions on the path, in order.
    pub fn path(&self) -> &[Step] {
        &self.path
    }

    /// The position on the path being looked at (`path().len()` at the frontier).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Answers given earlier that are not on the current path, in question order.
    pub fn kept(&self) -> Vec<Step> {
        let on_path: Vec<bool> = {
            let mut v = vec![false; self.answers.len()];
            for s in &self.path {
                v[s.question] = true;
            }
            v
        };
        self.answers
            .iter()
            .enumerate()
            .filter_map(|(q, a)| match a {
                Some(c) if !on_path[q] => Some(Step {
                    question: q,
                    choice: *c,
                }),
                _ => None,
            })
            .collect()
    }

    /// Every recorded answer, on the path first, then those kept aside.
    pub fn all_answers(&self) -> Vec<Step> {
        let mut all = self.path.clone();
        all.extend(self.kept());
        all
    }

    /// How far along, counting only the questions asked: settled ones are neither answered
    /// by the person nor left for them.
    pub fn progress(&self) -> Progress {
        let (fewest_left, most_left) = self.frontier.map_or((0, 0), |q| self.left_from(q));
        Progress {
            answered: self
                .path
                .iter()
                .filter(|s| !self.settled[s.question])
                .count(),
            fewest_left,
            most_left,
        }
    }

    /// Fewest and most questions still to ask from `question`, itself included: the tree's
    /// count, less the settled questions, whose recorded answer alone decides where they lead.
    pub fn left_from(&self, question: usize) -> (u32, u32) {
        if !self.settled.contains(&true) {
            return self.tree.remaining_from(question);
        }
        let mut memo = vec![None; self.answers.len()];
        self.left_memo(question, &mut memo)
    }

    fn left_memo(&self, question: usize, memo: &mut [Option<(u32, u32)>]) -> (u32, u32) {
        if let Some(known) = memo[question] {
            return known;
        }
        let choices = self.tree.question(question).choices.len();
        let settled = self.settled[question];
        let (mut fewest, mut most) = (u32::MAX, 0);
        for choice in 0..choices {
            if settled && self.answers[question] != Some(choice) {
                continue;
            }
            let (f, m) = match self.tree.next(question, choice) {
                Next::Question(q) => self.left_memo(q, memo),
                Next::End => (0, 0),
            };
            fewest = fewest.min(f);
            most = most.max(m);
        }
        let here = u32::from(!settled);
        let left = (fewest.min(most) + here, most + here);
        memo[question] = Some(left);
        left
    }

    /// True once the path reaches an answer that ends the interview.
    pub fn is_finished(&self) -> bool {
        self.frontier.is_none()
    }

    /// The recommendation, once the interview is finished.
    pub fn result(&self) -> Option<Recommendation> {
        self.is_finished()
            .then(|| outcome::recommend(&self.tree, &self.path, &self.answers))
    }

    /// Refuses a question index the tree does not have, rather than panicking on it.
    fn check_question(&self, question: usize) -> Result<(), InterviewError> {
        if question < self.answers.len() {
            Ok(())
        } else {
            Err(InterviewError::NoSuchQuestion(format!("#{question}")))
        }
    }

    /// Refuses to ask or change a settled question.
    fn check_open(&self, question: usize) -> Result<(), InterviewError> {
        if self.is_settled(question) {
            Err(InterviewError::Settled(
                self.tree.question(question).id.clone(),
            ))
        } else {
            Ok(())
        }
    }

    /// Moves the cursor past settled questions, to the next one to ask (or the frontier).
    fn pass_settled(&mut self) {
        while self
            .path
            .get(self.cursor)
            .is_some_and(|s| self.settled[s.question])
        {
            self.cursor += 1;
        }
    }

    fn rebuild(&mut self) {
        let (path, frontier) = self.tree.walk(&self.answers);
        self.path = path;
        self.frontier = frontier;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::load_str;

    /// `a` leads to `b` or straight to `c`; `b` leads to `c` or ends; `c` always ends.
    const TREE: &str = r#"
[meta]
title = "t"
version = "1"
start = "a"

[[outcomes]]
id = "one"
label = "One"
summary = "s"
owns = []
priorities = []
profile = "p"
risks = []
next_steps = []

[[questions]]
id = "a"
prompt = "A?"
help = "h"
[[questions.choices]]
id = "to_b"
label = "To b"
next = "b"
[[questions.choices]]
id = "to_c"
label = "To c"
next = "c"
evidence = { one = 1 }

[[questions]]
id = "b"
prompt = "B?"
help = "h"
[[questions.choices]]
id = "on"
label = "On to c"
next = "c"
[[questions.choices]]
id = "stop"
label = "Stop"
end = true

[[questions]]
id = "c"
prompt = "C?"
help = "h"
[[questions.choices]]
id = "yes"
label = "Yes"
end = true
[[questions.choices]]
id = "no"
label = "No"
end = true
"#;

    const A: usize = 0;
    const B: usize = 1;
    const C: usize = 2;

    fn interview() -> Interview {
        match load_str("t.toml", TREE) {
            Ok(loaded) => Interview::new(Arc::new(loaded.tree)),
            Err(report) => panic!("{}", report.render()),
        }
    }

    fn questions(interview: &Interview) -> Vec<usize> {
        interview.path().iter().map(|s| s.question).collect()
    }

    fn progress(answered: usize, fewest_left: u32, most_left: u32) -> Progress {
        Progress {
            answered,
            fewest_left,
            most_left,
        }
    }

    #[test]
    fn a_new_interview_asks_the_start_question() {
        let i = interview();
        assert_eq!(i.current(), Some(A));
        assert_eq!((i.path(), i.cursor(), i.selected()), (&[][..], 0, None));
        // a -> c -> end is two questions; a -> b -> c -> end is three.
        assert_eq!(i.progress(), progress(0, 2, 3));
        assert!(!i.is_finished() && i.result().is_none());
    }

    #[test]
    fn answering_moves_along_the_path_until_it_ends() {
        let mut i = interview();
        assert_eq!(i.answer(0), Ok(()));
        assert_eq!((i.current(), i.cursor()), (Some(B), 1));
        // From b: stop (one question) or on to c (two).
        assert_eq!(i.progress(), progress(1, 1, 2));
        assert_eq!(i.answer_id("on"), Ok(()));
        assert_eq!(i.progress(), progress(2, 1, 1));
        assert_eq!(i.answer_id("yes"), Ok(()));
        assert!(i.is_finished());
        assert_eq!(i.current(), None);
        assert_eq!(i.progress(), progress(3, 0, 0));
        assert_eq!(questions(&i), [A, B, C]);
        assert!(i.result().is_some());
        assert_eq!(i.answer(0), Err(InterviewError::Finished));
    }

    #[test]
    fn back_and_forward_move_over_answers_given() {
        let mut i = interview();
        for choice in ["to_b", "on", "no"] {
            assert_eq!(i.answer_id(choice), Ok(()));
        }
        assert!(i.back());
        assert_eq!((i.current(), i.selected()), (Some(C), Some(1)));
        assert!(i.back() && i.back());
        assert_eq!(
            (i.current(), i.selected(), i.cursor()),
            (Some(A), Some(0), 0)
        );
        assert!(!i.back(), "nothing before the first question");
        assert!(i.forward());
        assert_eq!(i.current(), Some(B));
        i.go_to_frontier();
        assert_eq!((i.cursor(), i.current()), (3, None));
        assert!(!i.forward(), "nothing after the end");
        // Looking back changes nothing: the interview is still finished.
        assert!(i.is_finished());
    }

    #[test]
    fn answering_again_after_going_back_takes_the_new_branch() {
        let mut i = interview();
        assert_eq!(i.answer_id("to_b"), Ok(()));
        assert_eq!(i.answer_id("stop"), Ok(()));
        assert!(i.is_finished());
        assert_eq!(i.go_to(A), Ok(()));
        assert_eq!(i.answer_id("to_c"), Ok(()));
        // Now at c, which nobody has answered: not finished any more.
        assert_eq!((i.current(), i.cursor()), (Some(C), 1));
        assert!(!i.is_finished());
        assert_eq!(
            i.kept(),
            [Step {
                question: B,
                choice: 1
            }]
        );
    }

    #[test]
    fn answers_that_fall_off_the_path_are_kept_and_come_back() {
        let mut i = interview();
        for choice in ["to_b", "on", "yes"] {
            assert_eq!(i.answer_id(choice), Ok(()));
        }
        // Skipping b: c's answer is still on the path; b's is kept aside.
        assert_eq!(i.change(A, 1), Ok(()));
        assert_eq!(questions(&i), [A, C]);
        assert!(i.is_finished());
        assert_eq!(
            i.kept(),
            [Step {
                question: B,
                choice: 0
            }]
        );
        assert_eq!(i.answer_of(B), Some(0));
        assert_eq!(
            i.cursor(),
            2,
            "the cursor stays where it was, within the path"
        );
        // Back through b: its answer returns, and so does the whole path.
        assert_eq!(i.change(A, 0), Ok(()));
        assert_eq!(questions(&i), [A, B, C]);
        assert!(i.kept().is_empty());
        assert_eq!(i.all_answers().len(), 3);
    }

    #[test]
    fn changing_an_answer_can_end_the_path_before_the_cursor() {
        let mut i = interview();
        for choice in ["to_b", "on", "yes"] {
            assert_eq!(i.answer_id(choice), Ok(()));
        }
        assert_eq!(i.change(B, 1), Ok(()));
        assert_eq!(questions(&i), [A, B]);
        assert_eq!(i.cursor(), 2);
        assert!(i.is_finished());
        assert_eq!(
            i.kept(),
            [Step {
                question: C,
                choice: 0
            }]
        );
    }

    #[test]
    fn bad_requests_are_refused_without_changing_anything() {
        let mut i = interview();
        assert_eq!(i.answer(2), Err(InterviewError::NoSuchChoice("3".into())));
        assert_eq!(
            i.answer_id("maybe"),
            Err(InterviewError::NoSuchChoice("`maybe`".into()))
        );
        assert_eq!(i.change(C, 0), Err(InterviewError::NotOnPath("c".into())));
        assert_eq!(i.go_to(B), Err(InterviewError::NotOnPath("b".into())));
        assert_eq!(
            i.go_to(99),
            Err(InterviewError::NoSuchQuestion("#99".into()))
        );
        assert_eq!(
            i.change(99, 0),
            Err(InterviewError::NoSuchQuestion("#99".into()))
        );
        assert_eq!(
            i.change(A, 5),
            Err(InterviewError::NoSuchChoice("6".into()))
        );
        assert_eq!((i.path().len(), i.current()), (0, Some(A)));
    }

    #[test]
    fn restore_records_answers_wholesale_and_moves_to_the_frontier() {
        let mut i = interview();
        i.restore([
            Step {
                question: A,
                choice: 1,
            },
            Step {
                question: B,
                choice: 0,
            },
            // Out of range: ignored rather than trusted.
            Step {
                question: 7,
                choice: 0,
            },
            Step {
                question: C,
                choice: 9,
            },
        ]);
        assert_eq!(questions(&i), [A]);
        assert_eq!((i.current(), i.cursor()), (Some(C), 1));
        assert_eq!(
            i.kept(),
            [Step {
                question: B,
                choice: 0
            }]
        );
        assert!((i.progress().ratio() - 0.5).abs() < 1e-9);
    }

    /// A settled answer (a workshop's fact) is passed over going forward and back, counted out
    /// of the question numbers and of progress, and refused to `answer`, `change` and `go_to`; an unanswered
    /// question cannot be settled, so the interview never waits on one it will not ask.
    #[test]
    fn settled_answers_are_never_asked_nor_changed() {
        let mut i = interview();
        i.restore([Step {
            question: B,
            choice: 0,
        }]);
        i.settle([B, C]);
        assert!(i.is_settled(B));
        assert!(!i.is_settled(C), "c has no answer, so it stays open");
        assert_eq!(i.current(), Some(A));
        // Left to ask: a and c either way (b's settled answer goes on to c), not a, b and c.
        assert_eq!(i.progress(), progress(0, 2, 2));
        i.answer(0).unwrap();
        assert_eq!(i.current(), Some(C), "b, settled, is passed over");
        assert_eq!(
            i.progress(),
            progress(1, 1, 1),
            "b is neither answered nor left"
        );
        assert_eq!(i.number(), 2, "b is not counted");
        assert!(i.back());
        assert_eq!(i.current(), Some(A), "back passes over b too");
        assert!(!i.back());
        assert!(i.forward());
        assert_eq!(i.current(), Some(C));
        let settled = Err(InterviewError::Settled("b".into()));
        assert_eq!(i.change(B, 1), settled);
        assert_eq!(i.go_to(B), settled);
        assert_eq!(i.answer_of(B), Some(0));
        i.answer(0).unwrap();
        assert!(i.is_finished());
        assert!(i.back());
        assert_eq!(i.current(), Some(C));
    }

    /// Found by the fuzz interview target: changing an earlier answer can bring a settled
    /// question to where the cursor is; it is passed over, never asked.
    #[test]
    fn a_change_never_leaves_the_cursor_on_a_settled_question() {
        let mut i = interview();
        i.answer(0).unwrap(); // a: on to b
        i.answer(0).unwrap(); // b: on to c
        i.answer(0).unwrap(); // c: the end
        i.settle([C]);
        assert!(i.back());
        assert_eq!(i.current(), Some(B));
        // a straight to c: position 1 is now c, settled.
        i.change(A, 1).unwrap();
        assert_eq!(i.current(), None, "past c, at the end");
        assert!(i.is_finished());
    }
}
