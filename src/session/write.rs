//! Atomic saving: the new contents go to a temporary file in the same folder, are flushed to
//! disk, and replace the old file in one rename, which is then made durable by flushing the
//! folder. A crash, a kill -9, a full disk or a read-only folder at any moment leaves either
//! the old file or the new one, whole; never a mixture, never nothing.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::SessionError;

/// Writes `bytes` to `path` atomically.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SessionError> {
    write_atomic_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// Writes `bytes` to `path` atomically but without flushing to disk: still whole or absent
/// after a crash of the program, but a power cut may undo it. For a session that holds
/// nothing yet, where two flushes would only delay the interview's first frame.
pub(crate) fn write_atomic_unflushed(path: &Path, bytes: &[u8]) -> Result<(), SessionError> {
    let temp = temp_path(path);
    fs::write(&temp, bytes)
        .and_then(|()| fs::rename(&temp, path))
        .map_err(|e| {
            let _ = fs::remove_file(&temp);
            write_error(path, &e)
        })
}

/// [`write_atomic`] with the step that writes the bytes given, so tests can make it fail the
/// way a full disk does, part way through.
pub(crate) fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    fill: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), SessionError> {
    let temp = temp_path(path);
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)?;
        fill(&mut file, bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_folder(path)
    })();
    result.map_err(|e| {
        // The temporary file may be half written; the target was never touched.
        let _ = fs::remove_file(&temp);
        write_error(path, &e)
    })
}

/// The temporary file beside `path`: hidden, and named for the process, so two programs
/// saving in the same folder never share one, and listings skip it.
pub(crate) fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "session".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Flushes the folder entry of the rename to disk, so the new file survives a power cut.
#[cfg(unix)]
fn sync_folder(path: &Path) -> io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    File::open(folder)?.sync_all()
}

/// Windows cannot open a folder as a file; its renames are flushed with the file.
#[cfg(not(unix))]
fn sync_folder(_path: &Path) -> io::Result<()> {
    Ok(())
}

/// Turns an I/O error while saving into what happened and what to do about it.
pub(crate) fn write_error(path: &Path, error: &io::Error) -> SessionError {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| ".".to_string(), |p| p.display().to_string());
    let why = match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full; free some space and it will save again on your next change"
                .to_string()
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
    use super::*;

    #[test]
    fn a_save_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_full_disk_mid_write_keeps_the_last_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        write_atomic(&path, b"the last good save").unwrap();
        let error = write_atomic_with(&path, b"a newer save", |file, bytes| {
            file.write_all(&bytes[..4])?;
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
    fn a_folder_that_is_a_file_gives_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let not_a_folder = dir.path().join("file");
        fs::write(&not_a_folder, "x").unwrap();
        let error = write_atomic(&not_a_folder.join("s.json"), b"x")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("does not exist or is not a folder"),
            "{error}"
        );
        assert_eq!(fs::read(&not_a_folder).unwrap(), b"x");
    }
}
