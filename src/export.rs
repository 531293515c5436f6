//! Writing a report to the file the client keeps: written whole or not at all (a temporary file
//! beside it, flushed, then moved into place), and never over an existing file unless asked.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Why a report could not be written. Messages name the file and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "{file} already exists, so the report was not written; add --force to replace it, or choose another name"
    )]
    Exists { file: String },
    #[error("{file} is a folder; give a file name for the report, e.g. {file}/report.html")]
    IsFolder { file: String },
    #[error("could not write the report to {file}: {why}")]
    Write { file: String, why: String },
}

/// Writes `bytes` to `path` atomically. An existing file is replaced only when `replace` is
/// true; otherwise it is left exactly as it was, even if it appears while writing.
pub fn write_report(path: &Path, bytes: &[u8], replace: bool) -> Result<(), ExportError> {
    let file = || path.display().to_string();
    if path.is_dir() {
        return Err(ExportError::IsFolder { file: file() });
    }
    if !replace && path.exists() {
        return Err(ExportError::Exists { file: file() });
    }
    let temp = temp_path(path);
    let result = write_temp(&temp, bytes).and_then(|()| {
        if replace {
            fs::rename(&temp, path)
        } else {
            // A hard link fails if the name is taken, so a file that appeared since the check
            // above is never replaced. Some file systems have no hard links; there, check again
            // and rename.
            match fs::hard_link(&temp, path) {
                Ok(()) => fs::remove_file(&temp),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
                Err(_) if path.exists() => Err(io::Error::from(io::ErrorKind::AlreadyExists)),
                Err(_) => fs::rename(&temp, path),
            }
        }
    });
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        if e.kind() == io::ErrorKind::AlreadyExists {
            return ExportError::Exists { file: file() };
        }
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| ".".to_string(), |p| p.display().to_string());
        let why = match e.kind() {
            io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => {
                format!("the folder {folder} does not exist; create it or choose another")
            }
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                format!("the folder {folder} cannot be written to; choose another")
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                "the disk is full; free some space and try again".to_string()
            }
            _ => e.to_string(),
        };
        ExportError::Write { file: file(), why }
    })
}

fn write_temp(temp: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file: File = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// A hidden temporary file beside `path`, named for this process.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_file_is_written_whole_and_nothing_else_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        write_report(&path, b"# Hire a CIO\n", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"# Hire a CIO\n");
        assert_eq!(names(dir.path()), ["report.md"]);
    }

    #[test]
    fn an_existing_file_is_kept_unless_replacing_is_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        fs::write(&path, "the client's edited copy").unwrap();
        let error = write_report(&path, b"new", false).unwrap_err().to_string();
        assert!(error.contains("report.md already exists"), "{error}");
        assert!(error.contains("--force"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), b"the client's edited copy");
        assert_eq!(names(dir.path()), ["report.md"]);

        write_report(&path, b"new", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(names(dir.path()), ["report.md"]);
    }

    #[test]
    fn a_folder_or_a_missing_folder_gets_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_report(dir.path(), b"x", true)
            .unwrap_err()
            .to_string();
        assert!(error.contains("is a folder"), "{error}");
        let missing = dir.path().join("no/such/report.html");
        let error = write_report(&missing, b"x", false).unwrap_err().to_string();
        assert!(error.contains("report.html"), "{error}");
        assert!(error.contains("does not exist"), "{error}");
    }
}
