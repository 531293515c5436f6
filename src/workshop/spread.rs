//! How far apart people are on each view question, and what would settle it. "Points apart" is
//! the largest difference between two people's answers to the question, counted as the points
//! those answers give each outcome (Ann's answer gives a CIO 3, Ben's a CTO 3: 6 points apart),
//! so the questions that move the result most come first. What would settle a question: every
//! person run again as if they had all given one of the answers someone gave, with the combined
//! recommendation and the alignment rule's verdict that would follow.

use super::alignment::{Agreement, align};
use super::together::{Together, Voice, opposite_ends, rerun};
use crate::tree::Tree;

/// How alike the answers to one question are, among the people asked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Accord {
    /// Everyone asked gave the same answer.
    Agreed,
    /// At least three in four gave the same answer.
    Mostly,
    /// Anything else.
    Split,
}

/// One view question across the group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    pub question: usize,
    /// Each person's answer, when the question is on their path (`None`: not asked).
    pub answers: Vec<Option<usize>>,
    pub accord: Accord,
    /// The largest difference in points between two people's answers.
    pub points_apart: i64,
    /// The two people furthest apart, when anyone is.
    pub furthest: Option<(usize, usize)>,
    /// What would follow from each answer someone gave, in the order the choices are listed;
    /// empty when everyone asked gave the same answer.
    pub settle: Vec<Settle>,
}

/// The group as it would stand if everyone had given one answer to a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settle {
    pub choice: usize,
    /// The people who did give it.
    pub given_by: Vec<usize>,
    /// The combined result then.
    pub together: Together,
    /// The alignment rule's verdict then.
    pub agreement: Agreement,
    /// Each person's own recommendation then.
    pub own: Vec<Vec<usize>>,
    /// The people whose path would then reach questions they have not answered: their part
    /// is where their answers so far lean.
    pub unfinished: Vec<usize>,
}

impl Spread {
    /// How many people were asked the question.
    pub fn asked(&self) -> usize {
        self.answers.iter().flatten().count()
    }
}

/// The view questions anyone was asked, the furthest apart first; questions equally far apart
/// keep the order they are asked in.
pub(crate) fn spreads(tree: &Tree, voices: &[Voice]) -> Vec<Spread> {
    // Questions in the order first asked by anyone.
    let mut order: Vec<(usize, usize)> = Vec::new();
    for voice in voices {
        for (i, reason) in voice.own.reasons.iter().enumerate() {
            match order.iter_mut().find(|(q, _)| *q == reason.question) {
                Some((_, at)) => *at = (*at).min(i),
                None => order.push((reason.question, i)),
            }
        }
    }
    order.sort_by_key(|&(q, at)| (at, q));
    let mut spreads: Vec<Spread> = order
        .into_iter()
        .map(|(q, _)| q)
        .filter(|&q| !tree.is_fact(q))
        .map(|q| spread(tree, voices, q))
        .collect();
    // A stable sort: equally far apart keeps the asking order.
    spreads.sort_by_key(|s| std::cmp::Reverse((s.points_apart, distinct(&s.answers).len())));
    spreads
}

fn spread(tree: &Tree, voices: &[Voice], question: usize) -> Spread {
    let answers: Vec<Option<usize>> = voices.iter().map(|v| v.answer_on_path(question)).collect();
    let given = distinct(&answers);
    let asked = answers.iter().flatten().count();
    let most = given
        .iter()
        .map(|&c| answers.iter().filter(|&&a| a == Some(c)).count())
        .max()
        .unwrap_or(0);
    let accord = if given.len() <= 1 {
        Accord::Agreed
    } else if most * 4 >= asked * 3 {
        Accord::Mostly
    } else {
        Accord::Split
    };
    let points = |choice: usize| {
        let mut v = vec![0i64; tree.outcomes().len()];
        for &(o, p) in tree.evidence(question, choice) {
            v[o] += i64::from(p);
        }
        v
    };
    let (mut points_apart, mut furthest) = (0i64, None);
    for (a, ca) in answers.iter().enumerate() {
        for (b, cb) in answers.iter().enumerate().skip(a + 1) {
            let (Some(ca), Some(cb)) = (ca, cb) else {
                continue;
            };
            let apart: i64 = points(*ca)
                .iter()
                .zip(points(*cb))
                .map(|(x, y)| (x - y).abs())
                .sum();
            if apart > points_apart {
                (points_apart, furthest) = (apart, Some((a, b)));
            }
        }
    }
    let settle = if given.len() > 1 {
        given
            .iter()
            .map(|&choice| settle(tree, voices, question, choice, &answers))
            .collect()
    } else {
        Vec::new()
    };
    Spread {
        question,
        answers,
        accord,
        points_apart,
        furthest,
        settle,
    }
}

/// Everyone run again as if they had answered `question` with `choice`.
fn settle(
    tree: &Tree,
    voices: &[Voice],
    question: usize,
    choice: usize,
    answers: &[Option<usize>],
) -> Settle {
    let mut each = Vec::with_capacity(voices.len());
    let mut own = Vec::with_capacity(voices.len());
    let mut unfinished = Vec::new();
    for (p, voice) in voices.iter().enumerate() {
        let mut changed = voice.answers.clone();
        changed[question] = Some(choice);
        let again = rerun(tree, &changed);
        if !again.finished {
            unfinished.push(p);
        }
        own.push(again.leaders);
        each.push((again.scores, again.rules));
    }
    let together = Together::of(tree, &each);
    let agreement = align(&own, &together.leaders, opposite_ends(tree)).agreement;
    Settle {
        choice,
        given_by: (0..voices.len())
            .filter(|&p| answers[p] == Some(choice))
            .collect(),
        together,
        agreement,
        own,
        unfinished,
    }
}

/// The answers given, each once, in choice order.
fn distinct(answers: &[Option<usize>]) -> Vec<usize> {
    let mut given: Vec<usize> = answers.iter().flatten().copied().collect();
    given.sort_unstable();
    given.dedup();
    given
}
