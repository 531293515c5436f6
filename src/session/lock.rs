//! One techhire at a time per session: an operating-system lock on a `.lock` file beside the
//! session. The lock is on a file of its own because saving replaces the session file by
//! rename, and a lock on the replaced file would protect nothing. The operating system drops
//! the lock when its holder exits, however it exits (kill -9 included), so it never goes stale.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use super::write::write_error;
use super::{SessionError, Timestamp};

/// A held lock on one session; released (and its file removed) when dropped.
#[derive(Debug)]
pub(crate) struct Lock {
    path: PathBuf,
    // Kept open: closing the file releases the lock.
    _file: File,
}

/// The lock file for a session file: `name.json` -> `name.json.lock`.
pub(crate) fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    session.with_file_name(name)
}

impl Lock {
    /// Takes the lock for a session file, or says who holds it.
    pub(crate) fn acquire(session: &Path) -> Result<Lock, SessionError> {
        let path = lock_path(session);
        // A holder that exits removes the lock file; if that happens between our open and our
        // lock, we hold a lock on a removed file, so look again. Twice is enough in practice;
        // the bound keeps a bug from becoming a hang.
        for _ in 0..8 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| write_error(session, &e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(SessionError::Locked {
                        file: session.display().to_string(),
                        holder: holder(&mut file),
                    });
                }
                // Some network file systems cannot lock; saving still works, unguarded.
                Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                    return Ok(Lock { path, _file: file });
                }
                Err(TryLockError::Error(e)) => return Err(write_error(session, &e)),
            }
            if !is_same_file(&file, &path) {
                continue;
            }
            // Tell a second instance who holds the session.
            let about = format!("process {}, since {}", std::process::id(), Timestamp::now());
            let _ = file
                .set_len(0)
                .and_then(|()| file.write_all(about.as_bytes()));
            return Ok(Lock { path, _file: file });
        }
        Err(SessionError::Locked {
            file: session.display().to_string(),
            holder: "another program keeps taking and releasing it".into(),
        })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, so no one can lock this file after we let go of it.
        let _ = fs::remove_file(&self.path);
    }
}

/// Who holds a lock, as its holder wrote it.
fn holder(file: &mut File) -> String {
    let mut text = String::new();
    let _ = std::io::Read::by_ref(file)
        .take(200)
        .read_to_string(&mut text);
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
        assert!(!lock_path(&session).exists(), "the lock file is removed");
        let again = Lock::acquire(&session);
        assert!(again.is_ok(), "free again once the first lets go");
    }

    #[test]
    fn a_lock_file_left_by_a_killed_process_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("abc.json");
        fs::write(lock_path(&session), "process 1, since 2026-01-01T00:00:00Z").unwrap();
        assert!(Lock::acquire(&session).is_ok());
    }
}
