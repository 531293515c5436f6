//! docs/architecture.md cannot rot unnoticed: every file or folder it names (`tui/keys/mod.rs`,
//! `commands/`, `tests/cli.rs`, `docs/session-format.md`) must exist, so a move that forgets the
//! map fails here and says which name to fix.

use std::path::Path;

const DOC: &str = include_str!("../docs/architecture.md");

/// The names in backticks that look like paths in the repository: ending in `.rs`, `.md`,
/// `.json` or `/`, with no placeholder (`<name>`) or wildcard in them, and not a path on the
/// user's machine (`~/...`, `/usr/...`, `../...`).
fn paths() -> Vec<&'static str> {
    DOC.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            [".rs", ".md", ".json", "/"]
                .iter()
                .any(|end| s.ends_with(end))
                && !s.contains(['<', '*', ' ', '{', ':'])
                && !s.starts_with(['~', '/', '.'])
        })
        .collect()
}

/// Every file and folder under `src/`, as paths from it, folders ending in `/`.
fn under_src(folder: &Path, from: &str, into: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            let folder = format!("{from}{name}/");
            into.push(folder.clone());
            under_src(&path, &folder, into);
        } else {
            into.push(format!("{from}{name}"));
        }
    }
}

#[test]
fn every_path_the_architecture_names_exists() {
    let named = paths();
    assert!(named.len() >= 30, "too few paths found: {named:?}");
    let mut src = Vec::new();
    under_src(Path::new("src"), "", &mut src);
    let missing: Vec<&str> = named
        .into_iter()
        .filter(|name| {
            // From the top of the repository; or from src/, where a table row may name a file
            // within the folder it is about (`model.rs` in the row on `tree/`).
            let top = ["tests/", "docs/", "benches/", "src/"]
                .iter()
                .any(|start| name.starts_with(start));
            if top {
                return !Path::new(name).exists();
            }
            !src.iter()
                .any(|path| path == name || path.ends_with(&format!("/{name}")))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "docs/architecture.md names files that do not exist (moved? update the map): {missing:?}"
    );
}
