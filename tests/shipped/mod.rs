//! What the report tests share: a finished interview on the shipped tree, from one of
//! `tests/answers/*.toml`.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use techhire::report::pdf::{self, Paper};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::{Interview, Recommendation, Tree};

/// The shipped tree answered as `tests/answers/<name>.toml` says, and its result.
#[allow(dead_code)] // The workshop tests combine people instead.
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

/// The people of the workshops in `tests/answers/workshop/`: the worked example's three
/// (`ana-ceo`, `ben-cfo`, `cai-coo`), the four-person cases' board member, and two more for
/// larger groups (the chair's own result is a tie).
#[allow(dead_code)] // Only the workshop tests combine people.
pub const PEOPLE: [(&str, &str, &str); 6] = [
    ("Ana", "CEO", "ana-ceo"),
    ("Ben", "CFO", "ben-cfo"),
    ("Cai", "COO", "cai-coo"),
    ("Dee", "Board", "dee-board"),
    ("Fay", "CPO", "fay-cpo"),
    ("Gil", "Chair", "gil-chair"),
];

/// The first `people` of [`PEOPLE`] combined on the worked example's facts, named, or lettered
/// when `anonymous`.
#[allow(dead_code)]
pub fn workshop(people: usize, anonymous: bool) -> techhire::workshop::Combined {
    use techhire::answers;
    use techhire::workshop::{Combined, Facts, Person};
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let read = |name: &str| {
        let text = fs::read_to_string(format!("tests/answers/workshop/{name}.toml")).unwrap();
        answers::parse(&format!("{name}.toml"), &text).unwrap()
    };
    let facts = Facts::from_answers(&tree, &read("facts")).unwrap();
    let people: Vec<Person> = PEOPLE[..people]
        .iter()
        .map(|&(name, role, file)| Person {
            name: name.to_string(),
            role: Some(role.to_string()),
            interview: facts.apply(&tree, &read(file)).unwrap().interview,
        })
        .collect();
    match anonymous {
        true => Combined::anonymous(&tree, people).unwrap(),
        false => Combined::new(&tree, people).unwrap(),
    }
}

/// The text of each page of a PDF.
fn pages(pdf: &std::path::Path) -> Vec<String> {
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

/// A report to print: its HTML for a paper.
#[allow(dead_code)]
pub type Print = Box<dyn Fn(Paper) -> String>;

/// A last page with fewer lines than this is near-empty: a page turned for a few lines.
const FEWEST_LINES_ON_LAST_PAGE: usize = 12;

/// Prints each report (its name, and its HTML for a paper) on A4 and Letter and checks the
/// pages: at most `most` pages, each with `client` and "Page N of M" in its footer, no
/// file:/// address, no near-empty last page. Every report is printed and every problem listed
/// before the test fails. Returns "name on paper: N pages" per print. Set TECHHIRE_KEEP_PRINTS
/// to a folder to keep the PDFs (and the HTML printed) and look at them.
#[allow(dead_code)] // report_outline.rs shares this module but prints nothing.
pub fn check_prints(reports: &[(String, Print)], client: &str, most: usize) -> Vec<String> {
    let Some(browser) = print_tools() else {
        return Vec::new();
    };
    let folder = tempfile::tempdir().unwrap();
    let keep = std::env::var_os("TECHHIRE_KEEP_PRINTS").map(PathBuf::from);
    let mut counts = Vec::new();
    let mut problems = Vec::new();
    for (name, report_html) in reports {
        for paper in [Paper::A4, Paper::Letter] {
            let label = format!("{name} on {}", paper.css());
            let html = report_html(paper);
            let bytes = pdf::print(&html, &browser).unwrap_or_else(|e| panic!("{label}: {e}"));
            let file = format!("{name}-{}", paper.css().to_lowercase()).replace(' ', "-");
            let path = folder.path().join(format!("{file}.pdf"));
            fs::write(&path, &bytes).unwrap();
            if let Some(keep) = &keep {
                fs::create_dir_all(keep).unwrap();
                fs::write(keep.join(format!("{file}.pdf")), &bytes).unwrap();
                fs::write(keep.join(format!("{file}.html")), &html).unwrap();
            }
            let pages = pages(&path);
            let total = pages.len();
            counts.push(format!("{label}: {total} pages"));
            if total > most {
                problems.push(format!("{label} prints on {total} pages, more than {most}"));
            }
            for (i, text) in pages.iter().enumerate() {
                let footer = format!("Page {} of {total}", i + 1);
                if !(text.contains(client) && text.contains(&footer)) {
                    problems.push(format!(
                        "{label}: page {} lacks the client or {footer:?}:\n{text}",
                        i + 1
                    ));
                }
                if text.contains("file:///") {
                    problems.push(format!("{label}: a file:/// address on page {}", i + 1));
                }
            }
            let last_lines = pages[total - 1]
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count();
            if total > 1 && last_lines < FEWEST_LINES_ON_LAST_PAGE {
                problems.push(format!(
                    "{label}: the last page is near-empty ({last_lines} lines):\n{}",
                    pages[total - 1]
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n\n{}",
        counts.join("\n"),
        problems.join("\n\n")
    );
    counts
}
