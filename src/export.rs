//! Writing a report to the file the client keeps: written whole or not at all (a temporary file
//! beside it, flushed, then moved into place), and never over an existing file unless asked;
//! or under a fresh name made from the client and the date.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::files::{Existing, WriteError, WriteOptions, write_atomic};

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
/// true; otherwise it is left exactly as it was, even if it appears while writing. A character
/// device or FIFO (`/dev/stdout`, a named pipe) is written into, never replaced; a link or any
/// other thing that is not a file is refused.
pub fn write_report(path: &Path, bytes: &[u8], replace: bool) -> Result<(), ExportError> {
    let existing = if replace {
        Existing::Replace
    } else {
        Existing::Keep
    };
    write(path, bytes, existing, true).map_err(|e| export_error(path, e))
}

fn write(
    path: &Path,
    bytes: &[u8],
    existing: Existing,
    into_device: bool,
) -> Result<(), WriteError> {
    let options = WriteOptions {
        existing,
        durable: true,
        into_device,
        mode: 0o666,
    };
    write_atomic(path, options, |f| f.write_all(bytes)).map(|_| ())
}

/// What went wrong writing the report at `path`, and what to do about it.
fn export_error(path: &Path, e: WriteError) -> ExportError {
    let file = path.display().to_string();
    let why = match e {
        WriteError::Exists => return ExportError::Exists { file },
        WriteError::IsFolder => return ExportError::IsFolder { file },
        WriteError::NoFolder(folder) => {
            format!("the folder {folder} does not exist; create it or choose another")
        }
        WriteError::ReadOnly(folder) => {
            format!("the folder {folder} cannot be written to; choose another")
        }
        WriteError::DiskFull => "the disk is full; free some space and try again".into(),
        WriteError::NotAFile(_) => {
            format!("{e}; give the name of a new file, or of the file itself")
        }
        other => format!("{other}; choose another name or folder"),
    };
    ExportError::Write { file, why }
}

/// The most numbered names tried before giving up on a folder.
const MAX_NUMBERED: u32 = 999;

/// A report's file name without its extension, from the client's name and the date:
/// `techhire-acme-ltd-2026-11-23`. Letters and digits are kept (lowercased, in any script);
/// everything else becomes a dash, so the name is safe on every system.
pub fn file_stem(client: Option<&str>, date: &str) -> String {
    let mut slug = String::new();
    for c in client.unwrap_or("").chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("techhire-{date}")
    } else {
        format!("techhire-{slug}-{date}")
    }
}

/// Writes a report into `folder` as `stem.extension`, or `stem-2.extension`, `stem-3...` when
/// the name is taken: a report already there is never replaced. Returns the path written.
pub fn write_new(
    folder: &Path,
    stem: &str,
    extension: &str,
    bytes: &[u8],
) -> Result<PathBuf, ExportError> {
    for n in 1..=MAX_NUMBERED {
        let name = if n == 1 {
            format!("{stem}.{extension}")
        } else {
            format!("{stem}-{n}.{extension}")
        };
        let path = folder.join(name);
        // A name taken by anything at all (a file, a folder, a link, a device) is passed over.
        match write(&path, bytes, Existing::Keep, false) {
            Ok(()) => return Ok(path),
            Err(WriteError::Exists | WriteError::IsFolder | WriteError::NotAFile(_)) => {}
            Err(e) => return Err(export_error(&path, e)),
        }
    }
    Err(ExportError::Write {
        file: folder
            .join(format!("{stem}.{extension}"))
            .display()
            .to_string(),
        why: format!(
            "{MAX_NUMBERED} reports of that name are there already; move some of them away"
        ),
    })
}

#[cfg(test)]
mod tests {
    use std::fs;

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
    fn names_come_from_the_client_and_the_date() {
        let date = "2026-11-23";
        assert_eq!(
            file_stem(Some("Acme Ltd."), date),
            "techhire-acme-ltd-2026-11-23"
        );
        assert_eq!(file_stem(None, date), "techhire-2026-11-23");
        assert_eq!(
            file_stem(Some("  ../../etc "), date),
            "techhire-etc-2026-11-23"
        );
        assert_eq!(
            file_stem(Some("Müller & Söhne\u{202e}GmbH"), date),
            "techhire-müller-söhne-gmbh-2026-11-23"
        );
        assert_eq!(
            file_stem(Some("株式会社"), date),
            "techhire-株式会社-2026-11-23"
        );
        assert_eq!(file_stem(Some("<>:|?*"), date), "techhire-2026-11-23");
        let long = file_stem(Some(&"a".repeat(500)), date);
        assert_eq!(long, format!("techhire-{}-{date}", "a".repeat(40)));
    }

    #[test]
    fn a_taken_name_gets_a_number_and_nothing_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let stem = "techhire-acme-2026-11-23";
        let first = write_new(dir.path(), stem, "html", b"one").unwrap();
        let second = write_new(dir.path(), stem, "html", b"two").unwrap();
        fs::create_dir(dir.path().join(format!("{stem}-3.html"))).unwrap();
        let fourth = write_new(dir.path(), stem, "html", b"four").unwrap();
        assert_eq!(first, dir.path().join(format!("{stem}.html")));
        assert_eq!(second, dir.path().join(format!("{stem}-2.html")));
        assert_eq!(fourth, dir.path().join(format!("{stem}-4.html")));
        assert_eq!(fs::read(&first).unwrap(), b"one");
        assert_eq!(fs::read(&second).unwrap(), b"two");
        let other = write_new(dir.path(), stem, "md", b"md").unwrap();
        assert_eq!(other, dir.path().join(format!("{stem}.md")));
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
