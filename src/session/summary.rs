//! What a listing of sessions holds: a summary of each readable session (what the start
//! screen and `techhire sessions` show), and the files that are not readable sessions, with
//! why.

use std::path::PathBuf;

use super::{ProgressSnapshot, Session, SessionError, Timestamp};

/// What a folder holds: the sessions it could read, newest first, and the files it could not.
#[derive(Debug, Default)]
pub struct Listing {
    pub sessions: Vec<Summary>,
    pub unreadable: Vec<Unreadable>,
    /// The workshop files (`<id>.workshop.json`) seen beside the sessions, not read: for a
    /// listing of workshops to read without looking through the folder again. Empty in a
    /// [`Glance`](super::Glance)'s listing.
    pub workshops: Vec<PathBuf>,
}

/// A file in the sessions folder that is not a readable session, and why.
#[derive(Debug)]
pub struct Unreadable {
    pub path: PathBuf,
    pub error: SessionError,
}

/// One session, as a listing shows it (and the folder's summary index keeps it).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub path: PathBuf,
    pub client: Option<String>,
    pub consultant: Option<String>,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// The question tree's title.
    pub tree_title: String,
    pub progress: ProgressSnapshot,
    /// The recommendation's headline, once finished.
    pub outcome: Option<String>,
    /// The recommended outcome's id, once finished.
    pub outcome_id: Option<String>,
}

impl Summary {
    pub(super) fn of(path: PathBuf, session: Session) -> Summary {
        Summary {
            id: session.id,
            path,
            client: session.client,
            consultant: session.consultant,
            created: session.created,
            updated: session.updated,
            tree_title: session.tree.title,
            progress: session.progress,
            outcome: session.result.as_ref().map(|r| r.label.clone()),
            outcome_id: session.result.map(|r| r.outcome),
        }
    }

    /// Progress in words, e.g. "finished", "4 answered, 3 to 6 to go".
    pub fn progress_text(&self) -> String {
        let p = self.progress;
        match (self.outcome.is_some(), p.fewest_left == p.most_left) {
            (true, _) => "finished".into(),
            (false, true) => format!("{} answered, {} to go", p.answered, p.most_left),
            (false, false) => format!(
                "{} answered, {} to {} to go",
                p.answered, p.fewest_left, p.most_left
            ),
        }
    }
}
