//! How to type a command in a hint ("Carry on with: techhire resume k3f9x2"), so that every
//! command the program suggests works as pasted: arguments quoted for a shell, and the program
//! named `techhire` when that is what the shell finds on the PATH (installed with `cargo
//! install --locked --path .`), else the path it was run as (`target/release/techhire` after
//! the README's `cargo run --release`).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The name of the program in hints, worked out once.
pub fn name() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| {
        let me = std::env::current_exe().ok();
        let on_path = which::which("techhire").ok();
        let here = std::env::current_dir().ok();
        typed_as(me.as_deref(), on_path.as_deref(), here.as_deref())
    })
}

/// `techhire` when the shell's `techhire` is this program (or either cannot be told), else
/// this program's path, relative to `here` when it lies under it, quoted for a shell.
fn typed_as(me: Option<&Path>, on_path: Option<&Path>, here: Option<&Path>) -> String {
    let real = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let Some(me) = me.map(real) else {
        return "techhire".into();
    };
    if on_path.map(real).is_some_and(|found| found == me) {
        return "techhire".into();
    }
    let shown: PathBuf = match here.map(real) {
        Some(here) => me.strip_prefix(&here).map_or(me.clone(), Path::to_path_buf),
        None => me.clone(),
    };
    quote(&shown.display().to_string())
}

/// A path or id as it can be pasted into a shell: quoted when it has anything but plain
/// characters.
pub fn quote(text: &str) -> String {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./:@+=,".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_installed_program_is_typed_by_its_name() {
        let me = std::env::current_exe().expect("the test's own path");
        assert_eq!(typed_as(Some(&me), Some(&me), None), "techhire");
        assert_eq!(typed_as(None, None, None), "techhire");
    }

    #[test]
    fn a_program_not_on_the_path_is_typed_by_its_path() {
        let me = std::env::current_exe().expect("the test's own path");
        let folder = me.parent().and_then(Path::parent).expect("a folder two up");
        let name = me.file_name().expect("a file name").to_string_lossy();
        let shown = typed_as(Some(&me), None, Some(folder));
        assert!(shown.ends_with(&*name), "{shown}");
        assert!(
            !shown.starts_with('/'),
            "relative to the folder it runs in: {shown}"
        );
        let elsewhere = typed_as(Some(&me), None, Some(Path::new("/nonexistent")));
        assert!(
            elsewhere.starts_with('/') || elsewhere.starts_with('\''),
            "{elsewhere}"
        );
    }
}
