//! A workshop file on disk, read and written the way sessions are: read as untrusted input by
//! the shared JSON reader (`files::json`) with a size limit, written whole by the one atomic
//! writer (`files::write_atomic`), private to its owner, never through a link or over a device.

use std::io::{self, BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::model::{FORMAT, Reveal, VERSION, Workshop};
use super::{Respondent, WorkshopError};
use crate::files::json::{self, DocumentError, Kind, shorten};
use crate::files::{Existing, ReadError, WriteError, WriteOptions, write_atomic};
use crate::interview::Interview;
use crate::session::{Session, Timestamp, TreeStamp, WORKSHOP_SUFFIX, is_valid_id};
use crate::tree::Tree;

/// Which document a workshop file holds, for the shared JSON reader.
const KIND: Kind = Kind {
    format: FORMAT,
    noun: "workshop",
    version: VERSION,
};

/// Workshop files larger than this are refused before being read: a workshop of twenty people
/// with a note on every question is some 30 KiB.
pub const MAX_WORKSHOP_BYTES: u64 = 4 * 1024 * 1024;

/// A workshop file's permissions: its owner's alone (the notes are private).
const MODE: u32 = 0o600;

/// Reads and checks a workshop file.
pub fn read_path(path: &Path) -> Result<Workshop, WorkshopError> {
    let file = path.display().to_string();
    let bytes = crate::files::read_bounded(path, MAX_WORKSHOP_BYTES).map_err(|e| match e {
        ReadError::TooLarge(size) => WorkshopError::TooLarge {
            file: file.clone(),
            size,
            limit: MAX_WORKSHOP_BYTES,
        },
        ReadError::NotAFile("a folder") => {
            DocumentError::foreign(&file, KIND, "it is a folder, not a workshop file".into()).into()
        }
        other => WorkshopError::Read {
            file: file.clone(),
            source: other.into_io(),
        },
    })?;
    parse(&file, &bytes)
}

/// Checks and parses a workshop's bytes; `file` names it in errors.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Workshop, WorkshopError> {
    let workshop: Workshop = json::parse(file, KIND, bytes)?;
    check_content(file, &workshop)?;
    Ok(workshop)
}

/// What serde cannot check: safe ids, one respondent per name and session, each fact answered
/// once, and an early reveal waiting only for respondents of this workshop.
fn check_content(file: &str, workshop: &Workshop) -> Result<(), DocumentError> {
    let invalid = |detail: String| DocumentError::invalid(file, KIND, detail);
    let bad_id = |id: &str| {
        invalid(format!(
            "the id `{}` is not 1 to 64 letters, digits, `-` or `_`",
            shorten(id)
        ))
    };
    if !is_valid_id(&workshop.id) {
        return Err(bad_id(&workshop.id));
    }
    let mut facts = std::collections::HashSet::new();
    for fact in &workshop.facts {
        if !facts.insert(fact.question.as_str()) {
            return Err(invalid(format!(
                "fact `{}` is answered twice",
                shorten(&fact.question)
            )));
        }
    }
    let mut names = std::collections::HashSet::new();
    for r in &workshop.respondents {
        if r.name.trim().is_empty() {
            return Err(invalid("a respondent has no name".into()));
        }
        if !names.insert(r.name.to_lowercase()) {
            return Err(invalid(format!(
                "two respondents are called {}",
                shorten(&r.name)
            )));
        }
        if r.earlier.len() > workshop.rounds.len() {
            return Err(invalid(format!(
                "{} has sessions in {} earlier rounds, and the workshop has had {}",
                shorten(&r.name),
                r.earlier.len(),
                workshop.rounds.len()
            )));
        }
    }
    // Every session, in every round and the agreed interview's, is one file of its own.
    let mut sessions = std::collections::HashSet::new();
    for id in workshop.session_ids() {
        if !is_valid_id(id) {
            return Err(bad_id(id));
        }
        if !sessions.insert(id) || id == workshop.id {
            return Err(invalid(format!(
                "session `{}` is named twice in the workshop",
                shorten(id)
            )));
        }
    }
    let current: std::collections::HashSet<&str> = workshop
        .respondents
        .iter()
        .map(|r| r.session.as_str())
        .collect();
    if let Reveal::RevealedEarly { waiting, .. } = &workshop.reveal
        && let Some(stranger) = waiting.iter().find(|w| !current.contains(w.as_str()))
    {
        return Err(invalid(format!(
            "the reveal waits for session `{}`, which is no respondent's",
            shorten(stranger)
        )));
    }
    // An earlier round's early reveal waited for sessions of that round.
    let mut waited = workshop.rounds.iter().flat_map(|r| match &r.reveal {
        Reveal::RevealedEarly { waiting, .. } => waiting.as_slice(),
        _ => &[],
    });
    if let Some(stranger) = waited.find(|w| !sessions.contains(w.as_str())) {
        return Err(invalid(format!(
            "an earlier round's reveal waits for session `{}`, which is no session of this \
             workshop",
            shorten(stranger)
        )));
    }
    if workshop.rounds.iter().any(|r| r.reveal == Reveal::Hidden) {
        return Err(invalid(
            "an earlier round is marked hidden; a round ends only after its reveal".into(),
        ));
    }
    if let Some(agreed) = &workshop.agreed
        && (workshop.reveal == Reveal::Hidden
            || agreed.after_round as usize != workshop.rounds.len() + 1)
    {
        return Err(invalid(format!(
            "the agreed interview follows round {}, and the workshop is in round {}{}",
            agreed.after_round,
            workshop.rounds.len() + 1,
            if workshop.reveal == Reveal::Hidden {
                ", still hidden"
            } else {
                ""
            }
        )));
    }
    Ok(())
}

/// The workshops in a sessions folder.
#[derive(Debug, Default)]
pub struct Listing {
    /// Each workshop with its file, most recently changed first.
    pub found: Vec<(PathBuf, Workshop)>,
    /// The workshop files that could not be read, each with why.
    pub unreadable: Vec<(PathBuf, WorkshopError)>,
}

/// The workshops in a sessions folder (`<id>.workshop.json`). A missing folder holds none.
pub fn list_in(folder: &Path) -> Listing {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Listing::default();
    };
    let paths = entries.flatten().filter_map(|entry| {
        let name = entry.file_name();
        let name = name.to_str()?;
        // Temporary files are hidden, as in the session listing.
        (!name.starts_with('.') && name.ends_with(WORKSHOP_SUFFIX)).then(|| entry.path())
    });
    read_all(paths)
}

/// The workshops in these files (a listing of sessions names them: see
/// [`crate::session::Listing::workshops`]), as [`list_in`] lists them.
pub fn read_all(paths: impl IntoIterator<Item = PathBuf>) -> Listing {
    let (mut found, mut unreadable) = (Vec::new(), Vec::new());
    for path in paths {
        match read_path(&path) {
            Ok(workshop) => found.push((path, workshop)),
            Err(error) => unreadable.push((path, error)),
        }
    }
    found.sort_by(|a, b| b.1.updated.cmp(&a.1.updated).then_with(|| a.0.cmp(&b.0)));
    unreadable.sort_by(|a, b| a.0.cmp(&b.0));
    Listing { found, unreadable }
}

/// The workshop in `folder` that `session` (a session id) belongs to, if any (a respondent's
/// in any round, or the agreed interview's): a report or an export of that session must wait
/// for the workshop's reveal.
pub fn holding(folder: &Path, session: &str) -> Option<Workshop> {
    list_in(folder)
        .found
        .into_iter()
        .map(|(_, w)| w)
        .find(|w| w.session_ids().any(|s| s == session))
}

/// The workshop whose reveal a report or an export of `session` must wait for, by id: the
/// workshop in `folder` it answers in, while its answers are hidden; or, for a respondent's
/// session away from its workshop's folder (a copy sent to them), the workshop it says it
/// answers in, whose reveal cannot be seen from here. `None` for any other session, and for an
/// earlier round's session or the agreed interview's (revealed before they ended or began).
pub fn waits_for(folder: &Path, session: &crate::session::Session) -> Option<String> {
    match holding(folder, &session.id) {
        Some(w) => w.hides(&session.id).then_some(w.id),
        None => session.workshop.clone(),
    }
}

/// A workshop file held for a change: while it lives, another techhire that tries to change
/// the same workshop is told it is open here, so two changes at once (two invitations, say)
/// cannot overwrite each other. The operating system drops it however the program ends.
#[derive(Debug)]
pub struct Held {
    _lock: crate::session::lock::Lock,
}

/// Holds the workshop at `path` for a change (read it after, save it before letting go).
pub fn hold(path: &Path) -> Result<Held, crate::session::SessionError> {
    Ok(Held {
        _lock: crate::session::lock::Lock::acquire(path)?,
    })
}

/// Replaces the workshop at `path` (or creates it), whole, flushed to disk.
pub fn save(path: &Path, workshop: &Workshop) -> Result<(), WorkshopError> {
    write(path, workshop, Existing::Replace)
}

/// Creates the workshop file at `path`, which must not exist yet.
pub fn create(path: &Path, workshop: &Workshop) -> Result<(), WorkshopError> {
    write(path, workshop, Existing::Keep)
}

fn write(path: &Path, workshop: &Workshop, existing: Existing) -> Result<(), WorkshopError> {
    let options = WriteOptions {
        existing,
        durable: true,
        into_device: false,
        mode: MODE,
    };
    let mut workshop = workshop.clone();
    workshop.version = VERSION;
    write_atomic(path, options, |file| {
        let mut out = BufWriter::new(file);
        serde_json::to_writer_pretty(&mut out, &workshop).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        out.flush()
    })
    .map(drop)
    .map_err(|e| {
        let file = path.display().to_string();
        let why = match e {
            WriteError::DiskFull => "the disk is full; free some space and try again".to_string(),
            WriteError::Exists => return WorkshopError::AlreadyExists { file },
            other => format!("{other}; choose another place for it"),
        };
        match existing {
            Existing::Replace => WorkshopError::Write { file, why },
            Existing::Keep => WorkshopError::Create { file, why },
        }
    })
}

impl Workshop {
    /// Where this workshop's file goes in a sessions folder: `<id>.workshop.json`, beside its
    /// respondents' sessions.
    pub fn path_in(&self, folder: &Path) -> std::path::PathBuf {
        folder.join(format!("{}{WORKSHOP_SUFFIX}", self.id))
    }

    /// The session a respondent answers in: an ordinary session on the workshop's tree, for
    /// the workshop's client, with the facts filled in, so only the views are left to answer.
    /// Its id is the one the workshop gave them.
    pub fn session_for(
        &self,
        respondent: &Respondent,
        tree: &Arc<Tree>,
        stamp: TreeStamp,
    ) -> Result<Session, WorkshopError> {
        let (mut session, interview) =
            self.session_with_facts(tree, stamp, respondent.session.clone())?;
        session.record(&interview, Timestamp::now());
        Ok(session)
    }

    /// A session of this workshop under `id`: on its tree, for its client, with the facts
    /// filled in and settled; and the interview it was made from. Respondents answer in one;
    /// the room answers the agreed interview in another.
    pub(crate) fn session_with_facts(
        &self,
        tree: &Arc<Tree>,
        stamp: TreeStamp,
        id: String,
    ) -> Result<(Session, Interview), WorkshopError> {
        let facts = self
            .fact_steps(tree)
            .map_err(|e| WorkshopError::Facts(e.to_string()))?;
        let mut interview = Interview::new(Arc::clone(tree));
        interview.restore(facts);
        // Settled as resuming settles them, so the saved progress counts only the views.
        interview.settle((0..tree.questions().len()).filter(|&q| tree.is_fact(q)));
        let mut session = Session::new(
            stamp,
            self.client.clone(),
            self.consultant.clone(),
            &interview,
        );
        session.id = id;
        session.workshop = Some(self.id.clone());
        Ok((session, interview))
    }
}
