//! Files as untrusted places: every file techhire reads is opened without blocking and checked
//! to be a regular file before a byte is read, and every file it writes is written by one
//! atomic writer that never follows or replaces a link, a device or a FIFO it was not asked to
//! write into. Trees, answers, sessions and reports all go through here, so the rules are kept
//! in one place.

pub mod json;
mod read;
mod write;

pub use read::{ReadError, open_regular, read_bounded};
pub use write::{Existing, WriteError, WriteOptions, temp_prefix, write_atomic};

/// What a file system object is, in words for a message: "a folder", "a FIFO (named pipe)".
#[cfg(unix)]
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_fifo() {
        "a FIFO (named pipe)"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device (a disk)"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_file() {
        "a file"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_file() {
        "a file"
    } else {
        "not a regular file"
    }
}
