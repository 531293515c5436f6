//! The report as a board receives it on paper: every shipped outcome, printed to PDF by headless
//! Chromium on A4 and on Letter, fits on at most three pages, each with the client's name and
//! its page number in the footer, and no near-empty last page. Set TECHHIRE_KEEP_PRINTS to a
//! folder to keep the PDFs and look at them. (A tie, a close call and a report with a note on
//! every answer still take four pages: they wait for the tree's `heard` sentences, which
//! shorten "What we heard" to a paragraph, and for more room in "What would change it".)

mod shipped;

use shipped::finished;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use techhire::report::pdf::{self, Paper};
use techhire::report::{Outline, ReportInput, html};

/// The page budget for any shipped report.
const MOST_PAGES: usize = 3;
/// A last page with fewer lines than this is near-empty: a page turned for a few lines.
const FEWEST_LINES_ON_LAST_PAGE: usize = 12;

const CLIENT: &str = "Globex Corporation";

/// A browser to print with and poppler's `pdfinfo` and `pdftotext` to read the PDF, when all
/// are installed. Without them the test is skipped with a one-line reason, so `cargo test`
/// passes with only the Rust toolchain; `.ci/run` installs them and sets
/// `TECHHIRE_REQUIRE_BROWSER=1`, which turns a missing tool into a failure.
fn print_tools() -> Option<PathBuf> {
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
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {}: this test {reason}",
        module_path!()
    );
    None
}

/// The report as HTML on `paper`, from a finished interview.
fn report_html(name: &str, paper: Paper) -> String {
    let (tree, interview, recommendation) = finished(name);
    let first = tree.question(interview.path()[0].question).id.clone();
    let notes = BTreeMap::from([(first, "Board wants the ERP upgrade finished first.".into())]);
    let outline = Outline::new(&ReportInput {
        tree: &tree,
        interview: &interview,
        recommendation: &recommendation,
        client: Some(CLIENT),
        consultant: Some("Jo Smith, Northwind Advisory"),
        date: Some("2026-11-23T09:47:25Z"),
        notes: &notes,
        interview_note: None,
        private_notes: false,
        firm: None,
    });
    html::render_outline(&outline, Some(paper.css()))
}

/// The text of each page of a PDF.
fn pages(pdf: &Path) -> Vec<String> {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gave no page count:\n{info}"));
    (1..=count)
        .map(|page| {
            let text = Command::new("pdftotext")
                .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
                .arg(pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&text.stdout).into_owned()
        })
        .collect()
}

/// Prints each report on A4 and Letter and checks the pages; returns "name paper: N pages".
fn check(reports: &[&str]) -> Vec<String> {
    let Some(browser) = print_tools() else {
        return Vec::new();
    };
    let folder = tempfile::tempdir().unwrap();
    let keep = std::env::var_os("TECHHIRE_KEEP_PRINTS").map(PathBuf::from);
    let mut counts = Vec::new();
    for &name in reports {
        for paper in [Paper::A4, Paper::Letter] {
            let label = format!("{name} on {}", paper.css());
            let bytes = pdf::print(&report_html(name, paper), &browser)
                .unwrap_or_else(|e| panic!("{label}: {e}"));
            let file = format!("{name}-{}.pdf", paper.css().to_lowercase());
            let path = folder.path().join(&file);
            fs::write(&path, &bytes).unwrap();
            if let Some(keep) = &keep {
                fs::create_dir_all(keep).unwrap();
                fs::write(keep.join(&file), &bytes).unwrap();
            }
            let pages = pages(&path);
            let total = pages.len();
            assert!(
                total <= MOST_PAGES,
                "{label} prints on {total} pages, more than {MOST_PAGES}"
            );
            for (i, text) in pages.iter().enumerate() {
                let footer = format!("Page {} of {total}", i + 1);
                assert!(
                    text.contains(CLIENT) && text.contains(&footer),
                    "{label}: page {} lacks the client or {footer:?}:\n{text}",
                    i + 1
                );
                assert!(!text.contains("file:///"), "{label}: {text}");
            }
            let last_lines = pages[total - 1]
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count();
            assert!(
                total == 1 || last_lines >= FEWEST_LINES_ON_LAST_PAGE,
                "{label}: the last page is near-empty ({last_lines} lines):\n{}",
                pages[total - 1]
            );
            counts.push(format!("{label}: {total} pages"));
        }
    }
    counts
}

#[test]
fn every_shipped_outcome_prints_within_the_page_budget() {
    let counts = check(&["cio", "cto", "both", "combined"]);
    let _ = writeln!(std::io::stderr(), "{}", counts.join("\n"));
}
