//! What the workshop screens show once the answers are revealed: the library's combined result
//! (each person's own recommendation, the averaged scores, the alignment, the questions ranked
//! by how far apart people are, what would settle each), each person's notes that may be shown
//! to the room, who was left out by an early reveal, and from a second round on how everyone
//! moved since the round before and what the room agreed together. Built once at the reveal and
//! shared by the result and compare screens; nothing here works anything out the library does
//! not.

use std::collections::BTreeMap;

use techhire::Recommendation;
use techhire::workshop::{Changed, Combined, Movement};

/// A revealed workshop, as the result and compare screens show it.
pub struct Reveal {
    pub combined: Combined,
    /// Each person's notes for the room (never the private ones), by question id, in the order
    /// of `combined.voices`.
    pub notes: Vec<BTreeMap<String, String>>,
    /// The people who had not finished when the answers were revealed early.
    pub left_out: Vec<String>,
    /// The round revealed, from 1.
    pub round: u32,
    /// From round 2: how each person moved since the round before.
    pub movement: Option<Movement>,
    /// The recommendation the room agreed together, once it has.
    pub agreed: Option<Recommendation>,
}

impl Reveal {
    /// The combined result, the notes each person wrote for the room (private notes left out
    /// by the caller, in `combined.voices` order; missing people have none) and the names of
    /// those left out by an early reveal.
    pub fn new(
        combined: Combined,
        mut notes: Vec<BTreeMap<String, String>>,
        left_out: Vec<String>,
    ) -> Reveal {
        notes.resize_with(combined.people(), BTreeMap::new);
        Reveal {
            combined,
            notes,
            left_out,
            round: 1,
            movement: None,
            agreed: None,
        }
    }

    /// The same reveal in a later round: its number, the movement since the round before and
    /// the agreed recommendation, as `Workshop::combine` gives them.
    pub fn in_round(
        mut self,
        round: u32,
        movement: Option<Movement>,
        agreed: Option<Recommendation>,
    ) -> Reveal {
        self.round = round;
        self.movement = movement;
        self.agreed = agreed;
        self
    }

    /// How a person's answer to a question changed since the round before, if it did.
    pub fn changed(&self, person: usize, question: usize) -> Option<&Changed> {
        let movement = self.movement.as_ref()?;
        movement
            .people
            .iter()
            .find(|m| m.person == person)?
            .changed
            .iter()
            .find(|c| c.question == question)
    }

    /// A person's note on a question (by index), when they wrote one.
    pub fn note(&self, person: usize, question: usize) -> Option<&str> {
        let id = &self.combined.tree.question(question).id;
        self.notes
            .get(person)?
            .get(id)
            .map(String::as_str)
            .filter(|n| !n.trim().is_empty())
    }
}
