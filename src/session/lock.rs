//! One techhire at a time per session: an operating-system lock on the session file itself,
//! so it holds however the file is reached (a symbolic link, a hard link, another relative
//! path). Saving replaces the file by rename, so each save locks its new file before the
//! rename and lets go of the old one after: the file at the path is locked at every moment.
//! The operating system drops the lock when its holder exits, however it exits (kill -9
//! included), so it never goes stale. Beside the session, `NAME.lock` says who holds it, for
//! the message a second techhire shows; it is information only, written by the atomic writer
//! (so a link planted there is never followed).

use std::fs::{self, File, TryLockError};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use super::{SessionError, Timestamp};
use crate::files::{Existing, WriteOptions, write_atomic};

/// A held lock on one session; released (and its holder note removed) when dropped.
#[derive(Debug)]
pub(crate) struct Lock {
    holder_note: PathBuf,
    // Kept open: closing the file releases the lock. Replaced at each save by the new file.
    file: File,
}

/// The holder note for a session file: `name.json` -> `name.json.lock`.
pub(crate) fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    session.with_file_name(name)
}

impl Lock {
    /// Takes the lock on an existing session file, or says who holds it.
    pub(crate) fn acquire(session: &Path) -> Result<Lock, SessionError> {
        let read_error = |source| SessionError::Read {
            file: session.display().to_string(),
            source,
        };
        // A holder that saves replaces the file; if that happens between our open and our lock,
        // we hold a lock on a file no longer there, so look again. Twice is enough in practice;
        // the bound keeps a bug from becoming a hang.
        for _ in 0..8 {
            let file = crate::files::open_regular(session).map_err(|e| read_error(e.into_io()))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(SessionError::Locked {
                        file: session.display().to_string(),
                        holder: holder(&lock_path(session)),
                    });
                }
                // Some network file systems cannot lock; saving still works, unguarded.
                Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {}
                Err(TryLockError::Error(e)) => return Err(read_error(e)),
            }
            if !is_same_file(&file, session) {
                continue;
            }
            return Ok(Lock::holding(session, file));
        }
        Err(SessionError::Locked {
            file: session.display().to_string(),
            holder: "another program keeps taking and releasing it".into(),
        })
    }

    /// The lock on a session file this process just created, locked before it took its name.
    pub(crate) fn holding(session: &Path, file: File) -> Lock {
        let holder_note = lock_path(session);
        // Tell a second instance who holds the session. Only a courtesy: if it cannot be
        // written (a read-only folder, something planted at its name), the lock still holds.
        let about = format!("process {}, since {}", std::process::id(), Timestamp::now());
        let options = WriteOptions {
            existing: Existing::Replace,
            durable: false,
            into_device: false,
            mode: 0o644,
        };
        let _ = write_atomic(&holder_note, options, |f| f.write_all(about.as_bytes()));
        Lock { holder_note, file }
    }

    /// After a save: the new file, locked before its rename, is the one to keep locked; the
    /// old one is let go.
    pub(crate) fn moved_to(&mut self, file: File) {
        self.file = file;
    }
}

/// Locks a file this process has just created and no one else can have open; called on the
/// new file of each save before it is renamed into place.
pub(crate) fn lock_new(file: &File) -> std::io::Result<()> {
    match file.try_lock() {
        Ok(()) => Ok(()),
        Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => Ok(()),
        Err(TryLockError::Error(e)) => Err(e),
        Err(TryLockError::WouldBlock) => Err(std::io::Error::from(std::io::ErrorKind::WouldBlock)),
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.holder_note);
    }
}

/// Who holds a lock, as its holder wrote it.
fn holder(note: &Path) -> String {
    let mut text = String::new();
    if let Ok(file) = crate::files::open_regular(note) {
        let _ = file.take(200).read_to_string(&mut text);
    }
    let text = crate::text::terminal_safe(text.trim()).into_owned();
    if text.is_empty() {
        "another process".into()
    } else {
        text
    }
}

/// True when `path` still names the open file (it was not removed or replaced meanwhile).
#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Elsewhere an open file cannot be removed, so it is always the same.
#[cfg(not(unix))]
fn is_same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_and_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("abc.json");
        fs::write(&session, "{}").unwrap();
        let first = Lock::acquire(&session).unwrap();
        let error = Lock::acquire(&session).unwrap_err().to_string();
        assert!(
            error.contains("abc.json is open in another techhire"),
            "{error}"
        );
        assert!(
            error.contains(&format!("process {}", std::process::id())),
            "{error}"
        );
        drop(first);
        assert!(!lock_path(&session).exists(), "the holder note is removed");
        let again = Lock::acquire(&session);
        assert!(again.is_ok(), "free again once the first lets go");
    }

    #[test]
    fn a_lock_file_left_by_a_killed_process_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("abc.json");
        fs::write(&session, "{}").unwrap();
        fs::write(lock_path(&session), "process 1, since 2026-01-01T00:00:00Z").unwrap();
        assert!(Lock::acquire(&session).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_holds_through_links_and_a_link_at_the_note_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("abc.json");
        fs::write(&session, "{}").unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, lock_path(&session)).unwrap();
        let first = Lock::acquire(&session).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"precious");

        let soft = dir.path().join("soft.json");
        std::os::unix::fs::symlink(&session, &soft).unwrap();
        let hard = dir.path().join("hard.json");
        fs::hard_link(&session, &hard).unwrap();
        for other in [&soft, &hard] {
            let error = Lock::acquire(other).unwrap_err().to_string();
            assert!(error.contains("is open in another techhire"), "{error}");
        }
        drop(first);
        assert!(Lock::acquire(&hard).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_not_opened_as_a_session() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("abc.json");
        let name = std::ffi::CString::new(session.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let error = Lock::acquire(&session).unwrap_err().to_string();
        assert!(error.contains("FIFO"), "{error}");
    }
}
