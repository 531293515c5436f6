//! Fuzz targets for techhire's readers of untrusted files. Each takes the bytes AFL++ made and
//! panics, which AFL++ saves as a crash, when techhire breaks one of its promises: a panic of
//! its own, an error that does not name the file or carries raw control characters to the
//! terminal, or a result that disagrees with the interview worked out the slow way.

mod answers;
mod check;
mod interview;
mod session;
mod tree;
mod workshop;

pub use answers::answers;
pub use session::session;
pub use tree::tree;
pub use workshop::workshop;

/// Loads what every run shares (the shipped tree) before the fuzzing loop, so the first run
/// does not cover code the others skip: AFL++ would count that as instability.
pub fn prepare() {
    session::shipped();
}
