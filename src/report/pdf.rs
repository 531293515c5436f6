//! The report as PDF: the HTML report printed by a Chromium-family browser found on this
//! machine (Chromium, Google Chrome or Microsoft Edge), run headless on a private profile in a
//! temporary folder. The HTML carries the page footer (client and page numbers) itself, so the
//! PDF and a print from the browser look the same; without a browser the error says what to
//! install and that the HTML prints the same.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::html;
use super::outline::Outline;

/// The browser a user names overrides the search (a path or a command name).
pub const BROWSER_VARIABLE: &str = "TECHHIRE_BROWSER";

/// How long a browser may take to print before it is stopped.
const PRINT_TIMEOUT: Duration = Duration::from_secs(90);

/// Paper to print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// The paper of this machine's locale: Letter in the United States, Canada and the other
    /// countries that use it (`LC_ALL`, `LC_PAPER`, then `LANG`), A4 elsewhere.
    pub fn from_locale() -> Paper {
        let locale = ["LC_ALL", "LC_PAPER", "LANG"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        Paper::for_locale(&locale)
    }

    /// The paper for a locale name such as `en_US.UTF-8`.
    pub fn for_locale(locale: &str) -> Paper {
        let region = locale
            .split(['.', '@'])
            .next()
            .and_then(|l| l.split(['_', '-']).nth(1))
            .unwrap_or_default();
        match region.to_ascii_uppercase().as_str() {
            "US" | "CA" | "MX" | "PH" | "CL" | "CO" | "VE" | "CR" | "GT" | "PR" => Paper::Letter,
            _ => Paper::A4,
        }
    }

    /// The CSS page size.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// Why a PDF could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(
        "no browser to print the PDF with: install Chromium, Google Chrome or Microsoft Edge \
         (or set {BROWSER_VARIABLE} to one), or write the HTML report (--format html) and print \
         it from any browser: it prints the same"
    )]
    NoBrowser,
    #[error("{variable} names {named}, which is not a browser found on this machine")]
    NamedBrowserMissing {
        variable: &'static str,
        named: String,
    },
    #[error("could not use a temporary folder to print the PDF: {0}")]
    Temporary(std::io::Error),
    #[error("could not start {browser}: {error}")]
    Start {
        browser: String,
        error: std::io::Error,
    },
    #[error(
        "{browser} did not finish printing within {} seconds and was stopped; the HTML report \
         (--format html) prints the same from any browser",
        PRINT_TIMEOUT.as_secs()
    )]
    TimedOut { browser: String },
    #[error("{browser} wrote no PDF{}", detail(.output))]
    Failed { browser: String, output: String },
}

/// The last lines the browser printed, to say why it failed.
fn detail(output: &str) -> String {
    let lines: Vec<&str> = output.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = &lines[lines.len().saturating_sub(3)..];
    if tail.is_empty() {
        String::new()
    } else {
        format!(": {}", tail.join(" / "))
    }
}

/// The report printed to PDF on `paper` by the browser this machine has.
pub fn render(outline: &Outline, paper: Paper) -> Result<Vec<u8>, PrintError> {
    let browser = find_browser()?;
    print(&html::render_outline(outline, Some(paper.css())), &browser)
}

/// The browser to print with: [`BROWSER_VARIABLE`] when set, else the first Chromium, Chrome or
/// Edge on the `PATH` or in its usual place.
pub fn find_browser() -> Result<PathBuf, PrintError> {
    if let Some(named) = std::env::var_os(BROWSER_VARIABLE).filter(|v| !v.is_empty()) {
        return which::which(&named).map_err(|_| PrintError::NamedBrowserMissing {
            variable: BROWSER_VARIABLE,
            named: named.to_string_lossy().into_owned(),
        });
    }
    const COMMANDS: [&str; 8] = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
        "chrome",
        "microsoft-edge",
        "microsoft-edge-stable",
        "msedge",
    ];
    if let Some(found) = COMMANDS.iter().find_map(|c| which::which(c).ok()) {
        return Ok(found);
    }
    usual_places()
        .into_iter()
        .find(|p| p.is_file())
        .ok_or(PrintError::NoBrowser)
}

/// Where the browsers install themselves when they are not on the `PATH` (macOS, Windows).
fn usual_places() -> Vec<PathBuf> {
    let mut places: Vec<PathBuf> = [
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect();
    for root in ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"] {
        if let Some(root) = std::env::var_os(root) {
            let root = PathBuf::from(root);
            places.push(root.join(r"Google\Chrome\Application\chrome.exe"));
            places.push(root.join(r"Microsoft\Edge\Application\msedge.exe"));
        }
    }
    places
}

/// Prints `html` to PDF with `browser`, headless, on a fresh profile that is removed after.
pub fn print(html: &str, browser: &Path) -> Result<Vec<u8>, PrintError> {
    let folder = tempfile::Builder::new()
        .prefix("techhire-print-")
        .tempdir()
        .map_err(PrintError::Temporary)?;
    let page = folder.path().join("report.html");
    let pdf = folder.path().join("report.pdf");
    std::fs::write(&page, html).map_err(PrintError::Temporary)?;
    let name = browser.display().to_string();
    // A sandbox cannot start as root or in some containers; the page printed is our own file,
    // without scripts, so the second try goes without it.
    let mut output = String::new();
    for sandbox in [true, false] {
        output = run(browser, folder.path(), &page, &pdf, sandbox)?;
        if pdf.is_file() || !output.to_ascii_lowercase().contains("sandbox") {
            break;
        }
    }
    match std::fs::read(&pdf) {
        Ok(bytes) if bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => Err(PrintError::Failed {
            browser: name,
            output,
        }),
    }
}

/// Runs the browser once, stopping it after [`PRINT_TIMEOUT`]; returns what it wrote to its
/// error output.
fn run(
    browser: &Path,
    folder: &Path,
    page: &Path,
    pdf: &Path,
    sandbox: bool,
) -> Result<String, PrintError> {
    let name = browser.display().to_string();
    let mut command = Command::new(browser);
    command.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-sync",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-pdf-header-footer",
    ]);
    if !sandbox {
        command.arg("--no-sandbox");
    }
    command
        .arg(format!(
            "--user-data-dir={}",
            folder.join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(page)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command.spawn().map_err(|error| PrintError::Start {
        browser: name.clone(),
        error,
    })?;
    // Read the error output as it comes, so a chatty browser cannot fill the pipe and stall.
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut stderr) = stderr {
            let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        }
        text
    });
    let deadline = Instant::now() + PRINT_TIMEOUT;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PrintError::TimedOut { browser: name });
            }
        }
    }
    Ok(reader.join().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_where_it_is_used_and_a4_elsewhere() {
        assert_eq!(Paper::for_locale("en_US.UTF-8"), Paper::Letter);
        assert_eq!(Paper::for_locale("fr_CA"), Paper::Letter);
        assert_eq!(Paper::for_locale("en_GB.UTF-8"), Paper::A4);
        assert_eq!(Paper::for_locale("de_DE@euro"), Paper::A4);
        assert_eq!(Paper::for_locale("C"), Paper::A4);
        assert_eq!(Paper::for_locale(""), Paper::A4);
    }

    #[test]
    fn without_a_browser_it_says_what_to_install_and_that_the_html_prints_the_same() {
        let said = PrintError::NoBrowser.to_string();
        assert!(
            said.contains("install Chromium, Google Chrome or Microsoft Edge")
                && said.contains("--format html")
                && said.contains("it prints the same"),
            "{said}"
        );
    }

    #[test]
    fn a_failure_says_the_last_of_what_the_browser_said() {
        let error = PrintError::Failed {
            browser: "chromium".into(),
            output: "one\n\ntwo\nthree\nfour\n".into(),
        };
        assert_eq!(
            error.to_string(),
            "chromium wrote no PDF: two / three / four"
        );
    }
}
