//! Several people's answers combined, explainably: each person's own recommendation exactly
//! as if they had answered alone, the combined scores as the average of everyone's scores (one
//! equal voice each, so every point traces to one person's answer), the rules that hold for
//! everyone, the combined recommendation among the outcomes they leave open, the alignment
//! rule's verdict, and the view questions ranked by how far apart people are on them.

use std::sync::Arc;

use super::alignment::{Alignment, align};
use super::spread::{Spread, spreads};
use super::together::{Together, Voice, opposite_ends};
use crate::interview::Interview;
use crate::outcome::label_in;
use crate::tree::Tree;

/// How each person answered each view question in a round: what the room sees beside a
/// question while it answers together (`techhire workshop agree`, the room's agree step).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Beside {
    /// The round the answers are from.
    pub round: u32,
    /// The people, as named on screen ("Ben (CFO)").
    pub people: Vec<String>,
    /// By view question (index in the tree): each person's answer (a choice index), in the
    /// order of `people`; `None` where their answers never led to it.
    pub answers: std::collections::BTreeMap<usize, Vec<Option<usize>>>,
}

impl Beside {
    /// Everyone's answers in a round's combined result.
    pub fn of(combined: &Combined, round: u32) -> Beside {
        let tree = &combined.tree;
        Beside {
            round,
            people: combined.voices.iter().map(Voice::display_name).collect(),
            answers: (0..tree.questions().len())
                .filter(|&q| !tree.is_fact(q))
                .map(|q| {
                    (
                        q,
                        combined.answers_to(q).into_iter().map(|(_, a)| a).collect(),
                    )
                })
                .collect(),
        }
    }
}

/// One person's answers, as given to [`Combined::new`].
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    /// Their interview, finished; with the workshop's facts as their fact answers.
    pub interview: Interview,
}

/// The combined result of a workshop.
#[derive(Debug, Clone)]
pub struct Combined {
    pub tree: Arc<Tree>,
    /// Everyone, in the order given (or, anonymised, in the order of their letters).
    pub voices: Vec<Voice>,
    pub together: Together,
    pub alignment: Alignment,
    /// The view questions anyone was asked, the furthest apart first: what to settle first.
    pub spreads: Vec<Spread>,
    /// People are "Leader A", "Leader B"...: see [`Combined::anonymous`].
    pub anonymous: bool,
}

/// Why answers could not be combined.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CombineError {
    #[error("nobody's answers were given, so there is nothing to combine")]
    NoOne,
    #[error("{name}'s interview is not finished, so they have no recommendation yet")]
    Unfinished { name: String },
    #[error(
        "{first} and {second} answered the fact `{question}` differently; facts are answered \
         once for everyone, so settle it and answer it the same for both"
    )]
    FactsDiffer {
        question: String,
        first: String,
        second: String,
    },
}

impl Combined {
    /// Combines finished interviews on the same tree.
    pub fn new(tree: &Arc<Tree>, people: Vec<Person>) -> Result<Combined, CombineError> {
        if people.is_empty() {
            return Err(CombineError::NoOne);
        }
        let mut voices = Vec::with_capacity(people.len());
        for person in people {
            let Some(own) = person.interview.result() else {
                return Err(CombineError::Unfinished { name: person.name });
            };
            let answers = (0..tree.questions().len())
                .map(|q| person.interview.answer_of(q))
                .collect();
            voices.push(Voice {
                name: person.name,
                role: person.role,
                own,
                answers,
            });
        }
        check_facts(tree, &voices)?;
        let each: Vec<(Vec<i64>, Vec<usize>)> = voices
            .iter()
            .map(|v| (v.own.scores.clone(), v.own.rules.clone()))
            .collect();
        let together = Together::of(tree, &each);
        let own: Vec<Vec<usize>> = voices.iter().map(|v| v.own.leaders.clone()).collect();
        let alignment = align(&own, &together.leaders, opposite_ends(tree));
        let spreads = spreads(tree, &voices);
        Ok(Combined {
            tree: Arc::clone(tree),
            voices,
            together,
            alignment,
            spreads,
            anonymous: false,
        })
    }

    /// Combines with people labelled "Leader A", "Leader B"... and no roles. The letters go by
    /// each person's own scores (highest for the first outcome first), not by the order they
    /// answered in, which a room would remember. The result is the same as with names.
    pub fn anonymous(tree: &Arc<Tree>, mut people: Vec<Person>) -> Result<Combined, CombineError> {
        letter_people(&mut people);
        let mut combined = Combined::new(tree, people)?;
        combined.anonymous = true;
        Ok(combined)
    }

    /// How many people.
    pub fn people(&self) -> usize {
        self.voices.len()
    }

    /// An outcome's average score, one equal voice each.
    pub fn mean(&self, outcome: usize) -> f64 {
        self.together.totals[outcome] as f64 / self.people() as f64
    }

    /// How each person answered a question: everyone, in order, with their answer on their
    /// path (`None`: not asked). What a front end shows beside a question the room answers
    /// together.
    pub fn answers_to(&self, question: usize) -> Vec<(&Voice, Option<usize>)> {
        self.voices
            .iter()
            .map(|v| (v, v.answer_on_path(question)))
            .collect()
    }

    /// An outcome's name where the rules that hold for everyone hold.
    pub fn label(&self, outcome: usize) -> &str {
        label_in(&self.tree, outcome, &self.together.rules)
    }
}

/// Puts people in the order of their letters (by their own scores, highest for the first
/// outcome first; an unfinished interview last) and names them "Leader A", "Leader B"... with
/// no roles. Returns, for each place in the new order, where that person was before.
pub(crate) fn letter_people(people: &mut Vec<Person>) -> Vec<usize> {
    let key = |p: &Person| p.interview.result().map(|r| std::cmp::Reverse(r.scores));
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_cached_key(|&i| (key(&people[i]).is_none(), key(&people[i])));
    let mut taken: Vec<Option<Person>> = people.drain(..).map(Some).collect();
    for (i, &from) in order.iter().enumerate() {
        let mut person = taken[from].take().expect("each person once");
        person.name = format!("Leader {}", letter(i));
        person.role = None;
        people.push(person);
    }
    order
}

/// A, B, ... Z, then AA, AB...: as many letters as there are people.
pub(crate) fn letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.iter().rev().collect()
}

/// Facts are answered once for everyone: two people on whose paths a fact has different
/// answers were not given the same facts.
fn check_facts(tree: &Tree, voices: &[Voice]) -> Result<(), CombineError> {
    for q in (0..tree.questions().len()).filter(|&q| tree.is_fact(q)) {
        let mut first: Option<(&Voice, usize)> = None;
        for voice in voices {
            let Some(choice) = voice.answer_on_path(q) else {
                continue;
            };
            match first {
                None => first = Some((voice, choice)),
                Some((one, c)) if c != choice => {
                    return Err(CombineError::FactsDiffer {
                        question: tree.question(q).id.clone(),
                        first: one.display_name(),
                        second: voice.display_name(),
                    });
                }
                Some(_) => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn letters_run_on_past_z() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(super::letter)
            .collect();
        assert_eq!(
            letters,
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }
}
