//! What the report tests share: a finished interview on the shipped tree, from one of
//! `tests/answers/*.toml`.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use techhire::report::pdf;
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::{Interview, Recommendation, Tree};

/// The shipped tree answered as `tests/answers/<name>.toml` says, and its result.
pub fn finished(name: &str) -> (Arc<Tree>, Interview, Recommendation) {
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let text = fs::read_to_string(format!("tests/answers/{name}.toml")).unwrap();
    let answers: BTreeMap<String, String> = toml::from_str(&text).unwrap();
    let mut interview = Interview::new(tree.clone());
    while let Some(q) = interview.current() {
        interview.answer_id(&answers[&tree.question(q).id]).unwrap();
    }
    let recommendation = interview.result().unwrap();
    (tree, interview, recommendation)
}

/// A browser to print with (Chromium, Chrome or Edge, as `--format pdf` finds it) and poppler's
/// `pdfinfo` and `pdftotext` to read the PDF, when all are installed. Without them the calling
/// test is skipped with a one-line reason, so `cargo test` passes with only the Rust toolchain;
/// `.ci/run` installs them and sets `TECHHIRE_REQUIRE_BROWSER=1`, which turns a missing tool
/// into a failure so CI always proves the printed page.
#[allow(dead_code)] // report_outline.rs shares this module but prints nothing.
pub fn print_tools() -> Option<PathBuf> {
    let poppler = ["pdfinfo", "pdftotext"]
        .iter()
        .all(|tool| Command::new(tool).arg("-v").output().is_ok());
    if let (Ok(browser), true) = (pdf::find_browser(), poppler) {
        return Some(browser);
    }
    let reason = "needs Chromium, Chrome or Edge and poppler's pdfinfo and pdftotext \
                  (apt-get install chromium poppler-utils); see README, Tests";
    assert!(
        std::env::var_os("TECHHIRE_REQUIRE_BROWSER").is_none(),
        "TECHHIRE_REQUIRE_BROWSER is set but this test {reason}"
    );
    // Written past libtest's capture (which takes only the print macros), so the reason shows.
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    let _ = writeln!(std::io::stderr(), "skipped: {test}: this {reason}");
    None
}
