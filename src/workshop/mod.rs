//! The stakeholder workshop: several leaders of one company answer the same tree blind, and the
//! answers are combined explainably. The workshop file ([`Workshop`]: the facts answered once
//! for the company, the respondents and how far each has got, the reveal, the consultant's
//! private notes) sits beside the sessions; each respondent answers in an ordinary session of
//! their own. Combining ([`Combined`]) keeps each person's own recommendation, averages the
//! scores one equal voice each, applies the alignment rule fixed in advance ([`alignment`]),
//! and ranks the view questions by how far apart people are, with what would settle each.
//! No terminal I/O: front ends show what these return.

pub mod alignment;
mod combine;
mod facts;
mod file;
mod join;
pub mod json;
mod manage;
mod model;
mod movement;
mod rounds;
mod spread;
mod store;
pub mod text;
mod together;
pub mod told;

pub use alignment::{Agreement, Alignment};
pub use combine::{Beside, CombineError, Combined, Person};
pub use facts::{Facts, facts_step};
pub use file::{
    Held, Listing, MAX_WORKSHOP_BYTES, create, hold, holding, list_in, parse, read_all, read_path,
    save, waits_for,
};
pub use join::{JoinError, Revealed, status_of};
pub use model::{
    Agreed, ChangeError, FORMAT, PastRound, PrivateNote, Respondent, Reveal, Status, VERSION,
    Workshop,
};
pub use movement::{Changed, Moved, Movement};
pub use spread::{Accord, Settle, Spread};
pub use store::{KeepError, keep};
pub use together::{Together, Voice, opposite_ends};

/// Why a workshop file could not be read or saved. Every message names the file and says what
/// to do.
#[derive(Debug, thiserror::Error)]
pub enum WorkshopError {
    #[error("cannot read {file}: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error(
        "{file} is {size} bytes, over the {limit}-byte limit for workshop files; \
         is it the right file?"
    )]
    TooLarge { file: String, size: u64, limit: u64 },
    /// Empty, truncated, not JSON, not a workshop, from a newer techhire, or damaged.
    #[error(transparent)]
    Document(#[from] crate::files::json::DocumentError),
    #[error("could not save {file}: {why}. The last save is intact")]
    Write { file: String, why: String },
    #[error("could not create the workshop file {file}: {why}. Nothing was saved")]
    Create { file: String, why: String },
    #[error("{file} already exists; choose another name, or open that workshop")]
    AlreadyExists { file: String },
    #[error("the workshop's facts do not fit this question tree: {0}")]
    Facts(String),
}

#[cfg(test)]
mod tests;
