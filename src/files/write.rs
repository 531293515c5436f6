//! The one atomic writer. A new file is created exclusively (`O_EXCL`, so never through a link
//! planted at its name) under a random hidden name in the target's folder, filled, flushed,
//! and renamed over the target, whose folder is then flushed: a crash, a kill -9 or a full
//! disk at any moment leaves the old file or the new one, whole. The target itself is looked at
//! first: a folder, a link, a socket or a device is never replaced, and a link is never written
//! through; a character device or FIFO is written into only when the caller says the user
//! named one on purpose (`-o /dev/stdout`).

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use super::kind_of;

/// What to do when a regular file already has the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace it (a session's next save, a report with `--force`).
    Replace,
    /// Leave it as it is and fail with [`WriteError::Exists`], even if it appears while the new
    /// file is being written.
    Keep,
}

/// How [`write_atomic`] writes.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions {
    pub existing: Existing,
    /// Flush the file and its folder to disk before returning. Off only where a power cut
    /// would lose nothing anyone typed (a session that holds nothing yet); the file is still
    /// whole or absent after a crash of the program.
    pub durable: bool,
    /// When the path names a character device or a FIFO (`/dev/stdout`, a pipe made with
    /// `mkfifo`), write into it instead of refusing it.
    pub into_device: bool,
    /// Permissions of a new file before the umask: 0o600 keeps a session's notes private,
    /// 0o666 gives a report the permissions any other new file gets.
    pub mode: u32,
}

/// Why a file could not be written. Each says what happened; the caller adds what to do.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("it already exists")]
    Exists,
    #[error("it is a folder")]
    IsFolder,
    /// A link, a socket, a block device, or a device or FIFO the caller did not allow.
    #[error("it is {0}, which techhire never writes through or replaces")]
    NotAFile(&'static str),
    #[error("the disk is full")]
    DiskFull,
    #[error("the folder {0} cannot be written to (it is read-only or not yours)")]
    ReadOnly(String),
    #[error("the folder {0} does not exist or is not a folder")]
    NoFolder(String),
    /// The folder exists but will not take a new file (`/proc`, `/sys`).
    #[error("the folder {folder} does not take new files ({error})")]
    FolderRefuses { folder: String, error: io::Error },
    /// A FIFO no program is reading from.
    #[error("no program is reading from it")]
    NoReader,
    #[error("{0}")]
    Other(io::Error),
}

/// The hidden name every temporary file for `path` starts with: `.NAME.`; a random part and
/// `.tmp` follow. Listings skip names starting with a dot, and a session's owner removes its
/// own leftovers by this prefix.
pub fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    format!(".{name}.")
}

/// Writes a file at `path` atomically: `fill` writes its contents. Returns the new file, still
/// open (a session keeps its lock on it), or `None` when a device or FIFO was written into.
pub fn write_atomic(
    path: &Path,
    options: WriteOptions,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<Option<File>, WriteError> {
    let folder = folder_of(path);
    let failed = |error: io::Error| classify(error, &folder);
    match fs::symlink_metadata(path) {
        Ok(found) => {
            let found = found.file_type();
            if found.is_dir() {
                return Err(WriteError::IsFolder);
            }
            if !found.is_file() {
                if options.into_device && is_device_or_fifo(path) {
                    write_into_device(path, fill).map_err(failed)?;
                    return Ok(None);
                }
                return Err(WriteError::NotAFile(kind_of(found)));
            }
            if options.existing == Existing::Keep {
                return Err(WriteError::Exists);
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(failed(e)),
    }

    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(options.mode));
    }
    // Created exclusively under a random name: a link planted at it is never followed. Removed
    // again if anything below fails, so the target is never touched.
    let mut temp = builder.tempfile_in(&folder).map_err(failed)?;
    fill(temp.as_file_mut()).map_err(failed)?;
    if options.durable {
        temp.as_file().sync_all().map_err(failed)?;
    }
    let persisted = match options.existing {
        Existing::Replace => {
            // Looked at again just before the rename, so what appeared meanwhile is not lost.
            if let Ok(found) = fs::symlink_metadata(path)
                && !found.file_type().is_file()
            {
                return Err(WriteError::NotAFile(kind_of(found.file_type())));
            }
            temp.persist(path)
        }
        Existing::Keep => temp.persist_noclobber(path),
    };
    let file = persisted.map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists => WriteError::Exists,
        _ => failed(e.error),
    })?;
    if options.durable {
        sync_folder(&folder).map_err(failed)?;
    }
    Ok(Some(file))
}

/// The folder a path is in; `.` for a bare file name.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What a failed step means for the person who asked for the write.
fn classify(error: io::Error, folder: &Path) -> WriteError {
    let name = folder.display().to_string();
    match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => WriteError::DiskFull,
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            WriteError::ReadOnly(name)
        }
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory if folder.is_dir() => {
            WriteError::FolderRefuses {
                folder: name,
                error,
            }
        }
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => WriteError::NoFolder(name),
        _ if is_no_reader(&error) => WriteError::NoReader,
        _ => WriteError::Other(error),
    }
}

#[cfg(unix)]
fn is_no_reader(error: &io::Error) -> bool {
    error.raw_os_error() == Some(libc::ENXIO)
}

#[cfg(not(unix))]
fn is_no_reader(_error: &io::Error) -> bool {
    false
}

/// True when `path`, links followed, is a character device or a FIFO.
#[cfg(unix)]
fn is_device_or_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device() || m.file_type().is_fifo())
}

#[cfg(not(unix))]
fn is_device_or_fifo(_path: &Path) -> bool {
    false
}

/// Writes into the character device or FIFO at `path`, as a shell's `>` would, but without
/// creating or truncating anything, and without waiting for a FIFO's reader to turn up.
#[cfg(unix)]
fn write_into_device(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    use std::os::fd::AsRawFd as _;
    use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
    let mut file = fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    // The name may have been swapped for a file since it was looked at.
    let found = file.metadata()?.file_type();
    if !(found.is_char_device() || found.is_fifo()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it changed into {} while being written", kind_of(found)),
        ));
    }
    // Writes wait for a slow reader, as they would through a shell's `>`.
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function owns, with flags it just read.
    let cleared = unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) == 0
    };
    if !cleared {
        return Err(io::Error::last_os_error());
    }
    fill(&mut file)?;
    io::Write::flush(&mut file)
}

#[cfg(not(unix))]
fn write_into_device(
    _path: &Path,
    _fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Flushes the folder's entry for the renamed file to disk, so it survives a power cut.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

/// Windows cannot open a folder as a file; its renames are flushed with the file.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests;
