//! What every target checks, and the small deterministic randomness that drives interviews.

/// Panics when text meant for a terminal carries a control character other than a newline:
/// an escape sequence from a hostile file would reach the user's terminal through it.
pub fn terminal_safe(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n') {
        panic!("{what} carries the raw control character {c:?}: {text:?}");
    }
}

/// A xorshift generator seeded from the input, so a saved crash replays exactly.
pub struct Rng(u64);

impl Rng {
    pub fn new(data: &[u8]) -> Rng {
        // FNV-1a; xorshift needs a non-zero state.
        let hash = data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        Rng(hash | 1)
    }

    /// A number below `n` (which must not be zero).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
