//! Sessions: one client's interview saved after every change, so nothing typed is lost. The
//! file format ([`Session`]), safe reading of untrusted files, atomic locked saving in a
//! folder of sessions listed through a summary index, and resuming on a question tree that may have changed since.
//! No terminal I/O: front ends show what these return.

mod autosave;
mod index;
pub(crate) mod lock;
mod manage;
mod model;
mod read;
mod reconcile;
mod store;
mod summary;
mod timestamp;
mod write;

pub use autosave::{Autosave, Saved};
pub use index::{Check, Glance};
pub(crate) use model::new_id;
pub use model::{
    Answer, Audience, FORMAT, Note, PRIVATE_LABEL, ProgressSnapshot, Score, Session, SessionResult,
    TreeStamp, VERSION, is_valid_id,
};
pub use read::{MAX_SESSION_BYTES, parse, read_path};
pub use reconcile::{DropReason, Dropped, Reconciled};
pub use store::{DATA_DIR_VAR, PreparedSave, Removal, SessionFile, Store, WORKSHOP_SUFFIX};
pub use summary::{Listing, Summary, Unreadable};
pub use timestamp::Timestamp;

/// Why a session could not be read, found, locked or saved. Every message names the file and
/// says what to do.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(
        "cannot find a folder for your sessions (no home directory is set); \
         give one with --session PATH"
    )]
    NoDataDir,
    #[error("cannot read {file}: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error(
        "{file} is {size} bytes, over the {limit}-byte limit for session files; \
         is it the right file?"
    )]
    TooLarge { file: String, size: u64, limit: u64 },
    /// Empty, truncated, not JSON, not a session, from a newer techhire, or damaged.
    #[error(transparent)]
    Document(#[from] crate::files::json::DocumentError),
    #[error(
        "{file} is open in another techhire ({holder}); close it there first. Two at once \
         would overwrite each other's answers"
    )]
    Locked { file: String, holder: String },
    #[error(
        "{file} already exists; resume it with `techhire resume {file}`, or choose another name"
    )]
    AlreadyExists { file: String },
    #[error("could not save {file}: {why}. The last save is intact")]
    Write { file: String, why: String },
    /// A new session could not be written at all: there is no earlier save to fall back on.
    #[error("could not create the session file {file}: {why}. Nothing was saved")]
    Create { file: String, why: String },
    #[error(
        "`{id}` cannot be a session id: use 1 to 64 letters, digits, `-` or `_`, not starting \
         with `-`"
    )]
    BadId { id: String },
    #[error("there is no session `{id}` in {folder}; `techhire sessions` lists them")]
    NotFound { id: String, folder: String },
}
