//! What the workshop screens show once the answers are revealed: the library's combined result
//! (each person's own recommendation, the averaged scores, the alignment, the questions ranked
//! by how far apart people are, what would settle each), each person's notes that may be shown
//! to the room, and who was left out by an early reveal. Built once at the reveal and shared by
//! the result and compare screens; nothing here works anything out the library does not.

use std::collections::BTreeMap;

use techhire::workshop::Combined;

/// A revealed workshop, as the result and compare screens show it.
pub struct Reveal {
    pub combined: Combined,
    /// Each person's notes for the room (never the private ones), by question id, in the order
    /// of `combined.voices`.
    pub notes: Vec<BTreeMap<String, String>>,
    /// The people who had not finished when the answers were revealed early.
    pub left_out: Vec<String>,
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
        }
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
