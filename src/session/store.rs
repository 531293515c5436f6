//! Where sessions live: a folder (by default `sessions` in the user's data directory) holding
//! one `<id>.json` per client interview. Opening a session locks it; saving is atomic; listing
//! reads every session in the folder and reports the files it could not read.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::index::Glance;
use super::lock::Lock;
use super::summary::Listing;
use super::write::{self, write_error};
use super::{Session, SessionError, Timestamp, read_path};
use crate::Interview;
use crate::files::temp_prefix;

/// The environment variable that, when set, names the data directory in place of the
/// operating system's: sessions then live in its `sessions` folder.
pub const DATA_DIR_VAR: &str = "TECHHIRE_DATA_DIR";

/// How a workshop's file is named in the sessions folder, after its id: `<id>.workshop.json`
/// beside its respondents' `<id>.json` sessions (an id has no dot, so the two never clash).
/// Listing sessions passes these over.
pub const WORKSHOP_SUFFIX: &str = ".workshop.json";

/// A folder of sessions.
#[derive(Debug, Clone)]
pub struct Store {
    folder: PathBuf,
}

impl Store {
    /// The sessions folder in the user's data directory, e.g.
    /// `~/.local/share/techhire/sessions` on Linux, or in `$TECHHIRE_DATA_DIR` when that is
    /// set (for tests, and for keeping sessions on a shared or encrypted drive).
    pub fn default_folder() -> Result<PathBuf, SessionError> {
        if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir).join("sessions"));
        }
        directories::ProjectDirs::from("", "", "techhire")
            .map(|dirs| dirs.data_dir().join("sessions"))
            .ok_or(SessionError::NoDataDir)
    }

    /// The store in the default folder.
    pub fn open_default() -> Result<Store, SessionError> {
        Ok(Store::at(Store::default_folder()?))
    }

    /// A store in a given folder; nothing is created until a session is.
    pub fn at(folder: impl Into<PathBuf>) -> Store {
        Store {
            folder: folder.into(),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Saves a new session in the folder as `<id>.json`, choosing a fresh id if its id is
    /// taken, and keeps it locked for this process.
    pub fn create(&self, session: Session) -> Result<SessionFile, SessionError> {
        let mut file = self.unwritten(session);
        file.write_new()?;
        Ok(file)
    }

    /// A new session to be saved in the folder as `<id>.json`, its file written later, by
    /// [`SessionFile::write_new`] or its first save: for a screen that should show before any
    /// file is written. When the folder cannot be written or its disk is full, the file is
    /// written at once, as [`Store::create`] does, so that is said before anything else;
    /// whether it can be is two looks at the folder (made first if missing), no write.
    pub fn create_later(&self, session: Session) -> Result<SessionFile, SessionError> {
        if takes_files(&self.folder) {
            Ok(self.unwritten(session))
        } else {
            self.create(session)
        }
    }

    /// A new session under its id's name in the folder, nothing written yet.
    fn unwritten(&self, session: Session) -> SessionFile {
        SessionFile {
            path: self.folder.join(format!("{}.json", session.id)),
            session,
            disk: Disk::Later(Arc::default()),
        }
    }

    /// The file for a session: `what` is a path to a session file, or the id of one in
    /// this folder.
    pub fn find(&self, what: &str) -> Result<PathBuf, SessionError> {
        let as_path = Path::new(what);
        if as_path.is_file() {
            return Ok(as_path.to_path_buf());
        }
        if super::is_valid_id(what) {
            let path = self.folder.join(format!("{what}.json"));
            if path.is_file() {
                return Ok(path);
            }
            // A session saved elsewhere and copied in under another name.
            if let Ok(listing) = self.list()
                && let Some(found) = listing.sessions.into_iter().find(|s| s.id == what)
            {
                return Ok(found.path);
            }
        }
        Err(SessionError::NotFound {
            id: crate::text::terminal_safe(what).into_owned(),
            folder: self.folder.display().to_string(),
        })
    }

    /// Every session in the folder, most recently updated first, and the `.json` files that
    /// are not readable sessions. A folder that does not exist yet holds no sessions. Only the
    /// files changed since the last listing are read (see [`super::index`]).
    pub fn list(&self) -> Result<Listing, SessionError> {
        super::index::list(&self.folder)
    }

    /// [`Store::list`] in two steps, for a screen to show at once: the sessions as the
    /// folder's index last saw them, without looking at the files, then the check of the
    /// files (see [`Glance`]).
    pub fn glance(&self) -> Result<Glance, SessionError> {
        super::index::glance(&self.folder)
    }
}

/// A session open for changes: locked against other instances until dropped. One kept in
/// memory only (`--no-save`) has no file and no lock, and its saves do nothing. A new one in
/// the sessions folder may not be written yet ([`Store::create_later`]).
#[derive(Debug)]
pub struct SessionFile {
    path: PathBuf,
    session: Session,
    disk: Disk,
}

/// Where a [`SessionFile`] is on disk.
#[derive(Debug)]
enum Disk {
    /// Nowhere, ever (`--no-save`).
    Memory,
    /// At its path, locked.
    Held(Lock),
    /// Not written yet: a new session in the sessions folder, written by
    /// [`SessionFile::write_new`]. The path it is written at is set here then, for a
    /// [`Removal`] taken before.
    Later(Arc<OnceLock<PathBuf>>),
}

impl SessionFile {
    /// Opens and locks an existing session file. A bad file is left untouched. A session
    /// reached through a symbolic link is saved where the link points, so the link stays a
    /// link.
    pub fn open(path: &Path) -> Result<SessionFile, SessionError> {
        let path = match fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => {
                fs::canonicalize(path).map_err(|source| SessionError::Read {
                    file: path.display().to_string(),
                    source,
                })?
            }
            _ => path.to_path_buf(),
        };
        let lock = Lock::acquire(&path)?;
        let session = read_path(&path)?;
        remove_stale_temporaries(&path);
        Ok(SessionFile {
            path,
            session,
            disk: Disk::Held(lock),
        })
    }

    /// Creates a session file at a path that does not exist yet (and its folder, if need
    /// be), and saves it there.
    pub fn create_at(path: &Path, session: Session) -> Result<SessionFile, SessionError> {
        SessionFile::create_new(path, session, Sweep::Yes)
    }

    /// [`SessionFile::create_at`]; `sweep` says whether to look for temporary files an
    /// earlier, killed save under the same name left behind (a read of the whole folder).
    fn create_new(
        path: &Path,
        session: Session,
        sweep: Sweep,
    ) -> Result<SessionFile, SessionError> {
        let lock = write_new(path, &session, sweep)?;
        Ok(SessionFile {
            path: path.to_path_buf(),
            session,
            disk: Disk::Held(lock),
        })
    }

    /// Writes the file of a new session made by [`Store::create_later`], if it is not written
    /// yet, under a fresh id if its name was taken meanwhile (an existing file is never
    /// replaced), and locks it.
    pub fn write_new(&mut self) -> Result<(), SessionError> {
        let Disk::Later(written) = &self.disk else {
            return Ok(());
        };
        let written = Arc::clone(written);
        for _ in 0..100 {
            if !self.path.exists() {
                match write_new(&self.path, &self.session, Sweep::No) {
                    Ok(lock) => {
                        let _ = written.set(self.path.clone());
                        self.disk = Disk::Held(lock);
                        return Ok(());
                    }
                    // Another instance took the id between the check and the lock.
                    Err(SessionError::Locked { .. } | SessionError::AlreadyExists { .. }) => {}
                    Err(other) => return Err(other),
                }
            }
            self.session.id = super::model::new_id();
            self.path.set_file_name(format!("{}.json", self.session.id));
        }
        let folder = self.path.parent().unwrap_or(Path::new("."));
        Err(SessionError::Write {
            file: folder.display().to_string(),
            why: "no free session id was found in 100 tries; the folder may be full of sessions"
                .into(),
        })
    }

    /// A session that is never written: for an interview that should leave nothing behind.
    pub fn in_memory(session: Session) -> SessionFile {
        SessionFile {
            path: PathBuf::new(),
            session,
            disk: Disk::Memory,
        }
    }

    /// Kept in memory only: nothing is, or will be, on disk.
    pub fn is_in_memory(&self) -> bool {
        matches!(self.disk, Disk::Memory)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Deletes the session file and releases it: for a session started and left before
    /// anything was typed, so listings are not cluttered with empty sessions. One not written
    /// yet has nothing to delete.
    pub fn discard(self) -> Result<(), SessionError> {
        if !matches!(self.disk, Disk::Held(_)) {
            return Ok(());
        }
        fs::remove_file(&self.path).map_err(|e| write_error(&self.path, &e))
        // The lock is released when `self` drops, after the file is gone.
    }

    /// What closing this file removes, to remove later from where the file cannot be handed
    /// over (a signal handler's last act): the note saying who holds the session, and with
    /// `discard` the session file too, as [`discard`](SessionFile::discard) does for a
    /// session nothing was given in. A session in memory has no files to remove; one not
    /// written yet has those it has when the removal is made (written meanwhile, or none).
    pub fn removal(&self, discard: bool) -> Removal {
        let written = match &self.disk {
            Disk::Memory => Arc::default(),
            Disk::Held(_) => Arc::new(OnceLock::from(self.path.clone())),
            Disk::Later(written) => Arc::clone(written),
        };
        Removal { written, discard }
    }

    /// Rebuilds the interview on the tree as it is now (see [`Session::reconcile`]) and, when
    /// the tree changed or answers were set aside, saves the session on the new tree at once.
    pub fn resume(
        &mut self,
        tree: std::sync::Arc<crate::Tree>,
        stamp: super::TreeStamp,
    ) -> Result<super::Reconciled, SessionError> {
        let reconciled = self.session.reconcile(tree, stamp);
        if reconciled.tree_changed || !reconciled.dropped.is_empty() {
            self.save()?;
        }
        Ok(reconciled)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session, to change before a [`save`](SessionFile::save).
    pub fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    /// Writes the session atomically. On failure the file keeps its last save, and the
    /// session in memory keeps the change, so the next save can still write it.
    pub fn save(&mut self) -> Result<(), SessionError> {
        self.session.upgrade();
        match &mut self.disk {
            Disk::Memory => Ok(()),
            Disk::Later(_) => self.write_new(),
            Disk::Held(lock) => {
                let file = write::save(&self.path, &self.session)?;
                lock.moved_to(file);
                Ok(())
            }
        }
    }

    /// The save that would set a note (on a question, or with `None` on the interview as a
    /// whole), prepared now and written later, if at all; the session in memory is left as it
    /// is. For the note being typed when the program is told to stop (a hang-up, a kill). Made
    /// at every key, so it only copies the session: turning it into bytes waits for the write.
    pub fn prepare_note(&self, question: Option<&str>, text: &str, private: bool) -> PreparedSave {
        let mut session = self.session.clone();
        session.upgrade();
        match question {
            Some(question) => session.set_note(question, text, private, Timestamp::now()),
            None => session.set_interview_note(text, private, Timestamp::now()),
        }
        PreparedSave {
            session,
            path: self.path.clone(),
            new: matches!(self.disk, Disk::Later(_)),
        }
    }

    /// Records the interview as it stands and saves: the call to make after every answer.
    pub fn record(&mut self, interview: &Interview) -> Result<(), SessionError> {
        self.session.record(interview, Timestamp::now());
        self.save()
    }

    /// Sets a question's note, for the client or private (blank removes it), and saves.
    pub fn set_note(
        &mut self,
        question: &str,
        text: &str,
        private: bool,
    ) -> Result<(), SessionError> {
        self.session
            .set_note(question, text, private, Timestamp::now());
        self.save()
    }

    /// Sets the note on the interview as a whole (blank removes it) and saves.
    pub fn set_interview_note(&mut self, text: &str, private: bool) -> Result<(), SessionError> {
        self.session
            .set_interview_note(text, private, Timestamp::now());
        self.save()
    }
}

/// The files of a session to remove when the program stops, from [`SessionFile::removal`].
#[derive(Debug, Clone)]
pub struct Removal {
    /// The session file's path once it is written; never set for one in memory.
    written: Arc<OnceLock<PathBuf>>,
    discard: bool,
}

impl Removal {
    /// Removes them. The caller makes sure nothing saves the session afterwards (the program is
    /// about to exit), and that a session not written yet is not being written meanwhile.
    pub fn now(&self) {
        let Some(path) = self.written.get() else {
            return;
        };
        if self.discard {
            let _ = fs::remove_file(path);
        }
        let _ = fs::remove_file(super::lock::lock_path(path));
    }
}

/// A save prepared in advance by [`SessionFile::prepare_note`].
#[derive(Debug, Clone)]
pub struct PreparedSave {
    path: PathBuf,
    session: Session,
    /// Prepared before the session's file was written: written only if nothing is at its
    /// name, never over another session.
    new: bool,
}

impl PreparedSave {
    /// Writes the prepared session atomically, as a save does. The caller makes sure no other
    /// save of the file follows (the program is about to exit).
    pub fn write(&self) -> Result<(), SessionError> {
        if self.new {
            return write::create(&self.path, &bytes(&self.path, &self.session)?, true).map(drop);
        }
        write::save(&self.path, &self.session).map(drop)
    }
}

/// A session as its file holds it: pretty JSON and a final newline.
fn bytes(path: &Path, session: &Session) -> Result<Vec<u8>, SessionError> {
    let mut json = serde_json::to_vec_pretty(session).map_err(|e| SessionError::Write {
        file: path.display().to_string(),
        why: e.to_string(),
    })?;
    json.push(b'\n');
    Ok(json)
}

/// Writes a new session's file at `path`, which must not exist yet (its folder made if need
/// be), and locks it.
fn write_new(path: &Path, session: &Session, sweep: Sweep) -> Result<Lock, SessionError> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder).map_err(|e| match write_error(path, &e) {
            // Nothing was saved yet, so there is no last save to speak of.
            SessionError::Write { file, why } => SessionError::Create { file, why },
            other => other,
        })?;
    }
    if fs::symlink_metadata(path).is_ok() {
        return Err(SessionError::AlreadyExists {
            file: path.display().to_string(),
        });
    }
    // Nothing to lose yet in a blank session: the first answer, note or name is saved
    // durably.
    let durable = !session.is_blank();
    let bytes = bytes(path, session)?;
    let file = write::create(path, &bytes, durable)?;
    let lock = Lock::holding(path, file);
    if sweep == Sweep::Yes {
        remove_stale_temporaries(path);
    }
    Ok(lock)
}

/// Whether a new session's file can be written in `folder` (made now if missing), as far as
/// two looks at it tell: the folder is there, this process may add files to it, and its disk
/// has room for one more.
#[cfg(unix)]
fn takes_files(folder: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt as _;
    // The final slash makes a file at the folder's name fail the look.
    let mut name = folder.as_os_str().as_bytes().to_vec();
    name.push(b'/');
    let Ok(name) = std::ffi::CString::new(name) else {
        return false;
    };
    // SAFETY: `name` is a valid NUL-terminated path that outlives the call.
    let may_write = || unsafe { libc::access(name.as_ptr(), libc::W_OK | libc::X_OK) } == 0;
    let may_write =
        may_write() || (!folder.exists() && fs::create_dir_all(folder).is_ok() && may_write());
    may_write && has_room(&name)
}

/// Whether the file system at `name` has a block and a file to spare for this process (or
/// cannot say: the write will tell). A file system that counts no files (btrfs) has files to
/// spare.
#[cfg(unix)]
fn has_room(name: &std::ffi::CStr) -> bool {
    let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `name` is a valid NUL-terminated path and `stats` has room for the answer.
    if unsafe { libc::statvfs(name.as_ptr(), stats.as_mut_ptr()) } != 0 {
        return true;
    }
    // SAFETY: statvfs succeeded, so it filled `stats` in.
    let stats = unsafe { stats.assume_init() };
    stats.f_bavail > 0 && (stats.f_files == 0 || stats.f_favail > 0)
}

/// Elsewhere the file is written at once.
#[cfg(not(unix))]
fn takes_files(_folder: &Path) -> bool {
    false
}

/// Whether creating a session looks for an earlier save's leftover temporary files. A name
/// the user gave may have been written before; a fresh id from [`Store::create`] has never
/// been saved, so reading a folder of 10,000 sessions for its temporaries (3 ms before the
/// start screen's first frame) would find none.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sweep {
    Yes,
    No,
}

/// Temporary files from saves that were killed before their rename. Only called while holding
/// the lock, so none of them belongs to a save in progress.
fn remove_stale_temporaries(path: &Path) {
    let Some(folder) = path.parent() else { return };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}
