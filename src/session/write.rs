//! Saving a session through the one atomic writer ([`crate::files`]): the new file is locked
//! before it takes the session's name, so the lock moves with every save, and new session
//! files are private to their owner (notes can be confidential).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::lock::lock_new;
use super::{MAX_SESSION_BYTES, Session, SessionError};
use crate::files::{Existing, WriteError, WriteOptions, write_atomic};

/// A session file's permissions: its owner's alone.
const MODE: u32 = 0o600;

/// Replaces the session at `path` with `session` as its file holds it (pretty JSON and a final
/// newline), written as it is serialised, flushed to disk; returns the new file, locked. A
/// session that would be larger than techhire reads back is not written at all.
pub(crate) fn save(path: &Path, session: &Session) -> Result<File, SessionError> {
    save_with(path, |file| {
        let mut out = Bounded {
            inner: BufWriter::new(file),
            left: MAX_SESSION_BYTES,
        };
        serde_json::to_writer_pretty(&mut out, session)?;
        out.write_all(b"\n")?;
        out.flush()
    })
}

/// [`save`] with the step that writes the file given, so tests can make it fail the way a full
/// disk does, part way through.
pub(crate) fn save_with(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<File, SessionError> {
    let options = WriteOptions {
        existing: Existing::Replace,
        durable: true,
        into_device: false,
        mode: MODE,
    };
    write_locked(path, options, fill).map_err(|e| SessionError::Write {
        file: path.display().to_string(),
        why: why(e, "it will save again on your next change"),
    })
}

/// A writer that fails rather than go past [`MAX_SESSION_BYTES`], so a session that grew past
/// what can be read back (a quarter of a million answers set aside, say) is never written.
struct Bounded<W> {
    inner: W,
    left: u64,
}

impl<W: Write> Write for Bounded<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if bytes.len() as u64 > self.left {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!(
                    "it would be over the {MAX_SESSION_BYTES}-byte limit for session files, \
                     so techhire could not read it back; the file was left as it was"
                ),
            ));
        }
        let n = self.inner.write(bytes)?;
        self.left -= n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Creates the session file at `path`, which must not exist; returns it, locked. `durable`
/// flushes it to disk; a session that holds nothing yet skips that, so the interview's first
/// frame is not held up for it (a crash still leaves it whole or absent).
pub(crate) fn create(path: &Path, bytes: &[u8], durable: bool) -> Result<File, SessionError> {
    let options = WriteOptions {
        existing: Existing::Keep,
        durable,
        into_device: false,
        mode: MODE,
    };
    write_locked(path, options, |file| file.write_all(bytes)).map_err(|e| match e {
        WriteError::Exists => SessionError::AlreadyExists {
            file: path.display().to_string(),
        },
        other => SessionError::Create {
            file: path.display().to_string(),
            why: why(other, "try again"),
        },
    })
}

fn write_locked(
    path: &Path,
    options: WriteOptions,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<File, WriteError> {
    let written = write_atomic(path, options, |file| {
        fill(file)?;
        lock_new(file)
    })?;
    // Only a device or FIFO is written without a file to return, and sessions refuse those.
    written.ok_or(WriteError::NotAFile("a device"))
}

/// What went wrong and what to do; `then` is what happens once the disk has room again.
fn why(error: WriteError, then: &str) -> String {
    match error {
        WriteError::DiskFull => format!("the disk is full; free some space and {then}"),
        e @ (WriteError::ReadOnly(_)
        | WriteError::NoFolder(_)
        | WriteError::FolderRefuses { .. }) => {
            format!("{e}; choose another with --session PATH")
        }
        e @ (WriteError::IsFolder | WriteError::NotAFile(_)) => {
            format!("{e}; give the session a file name of its own with --session PATH")
        }
        other => other.to_string(),
    }
}

/// Turns an I/O error around saving (a folder that cannot be made, a file that cannot be
/// removed) into what happened and what to do about it.
pub(crate) fn write_error(path: &Path, error: &io::Error) -> SessionError {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| ".".to_string(), |p| p.display().to_string());
    let why = match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full; free some space and try again".to_string()
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => format!(
            "the folder {folder} cannot be written to (it is read-only or not yours); \
             choose another with --session PATH"
        ),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => format!(
            "the folder {folder} does not exist or is not a folder; \
             choose another with --session PATH"
        ),
        _ => format!("{error}"),
    };
    SessionError::Write {
        file: path.display().to_string(),
        why,
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn a_save_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        create(&path, b"first", true).unwrap();
        save_with(&path, |file| file.write_all(b"second")).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_full_disk_mid_write_keeps_the_last_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        create(&path, b"the last good save", true).unwrap();
        let error = save_with(&path, |file| {
            file.write_all(b"a ne")?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        })
        .unwrap_err()
        .to_string();
        assert!(error.contains("the disk is full"), "{error}");
        assert!(error.contains("s.json"), "{error}");
        assert!(error.contains("The last save is intact"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), b"the last good save");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the half-written temporary file is removed"
        );
    }

    #[test]
    fn a_session_that_cannot_be_created_does_not_claim_a_last_save() {
        let dir = tempfile::tempdir().unwrap();
        let not_a_folder = dir.path().join("file");
        fs::write(&not_a_folder, "x").unwrap();
        let error = create(&not_a_folder.join("s.json"), b"x", false)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("does not exist or is not a folder"),
            "{error}"
        );
        assert!(error.contains("Nothing was saved"), "{error}");
        assert!(!error.contains("last save"), "{error}");
        assert_eq!(fs::read(&not_a_folder).unwrap(), b"x");
    }

    #[test]
    fn a_session_is_never_created_over_another() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        fs::write(&path, "someone else's").unwrap();
        let error = create(&path, b"x", true).unwrap_err();
        assert!(
            matches!(error, SessionError::AlreadyExists { .. }),
            "{error}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"someone else's");
    }
}
