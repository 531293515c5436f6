//! Reading a file given by a user or found in a folder: opened without blocking (a FIFO would
//! otherwise hold `open` until some other program writes to it), checked to be a regular file,
//! and read no further than a limit, so a device, a pipe or a file that grows while it is read
//! can never hang techhire or fill its memory.

use std::fs::{File, OpenOptions};
use std::io::{self, Read as _};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// It is a folder, a FIFO, a device or a socket.
    #[error("it is {0}, not a regular file")]
    NotAFile(&'static str),
    /// It holds more than the limit (its size as far as it was read).
    #[error("it is over the size limit")]
    TooLarge(u64),
}

impl ReadError {
    /// The error as an I/O error, for callers whose errors carry one: "it is a FIFO (named
    /// pipe), not a regular file". A file over the limit is the caller's own message.
    pub fn into_io(self) -> io::Error {
        match self {
            ReadError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
        }
    }
}

/// Reads the regular file at `path` whole, if it holds at most `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(ReadError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` also bounds a file that grows while it is read.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Opens `path` for reading without blocking, and checks that it is a regular file. Links
/// are followed: a link to a file is read like the file.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Without O_NONBLOCK, opening a FIFO waits for a writer, maybe for ever. Reads from a
        // regular file ignore the flag.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let file_type = file.metadata()?.file_type();
    if !file_type.is_file() {
        return Err(ReadError::NotAFile(super::kind_of(file_type)));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_whole_and_a_bigger_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        std::fs::write(&path, "1234").unwrap();
        assert_eq!(read_bounded(&path, 4).unwrap(), b"1234");
        assert!(matches!(
            read_bounded(&path, 3),
            Err(ReadError::TooLarge(4))
        ));
    }

    #[test]
    fn a_folder_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_bounded(dir.path(), 10).unwrap_err();
        assert_eq!(error.to_string(), "it is a folder, not a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("t.toml");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let error = read_bounded(&fifo, 10).unwrap_err();
        assert_eq!(
            error.to_string(),
            "it is a FIFO (named pipe), not a regular file"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused() {
        let error = read_bounded(Path::new("/dev/zero"), 10).unwrap_err();
        assert_eq!(
            error.to_string(),
            "it is a character device, not a regular file"
        );
    }
}
