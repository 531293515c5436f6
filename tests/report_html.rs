//! The HTML report as the client receives it: complete, self-contained, safe whatever names and
//! notes were typed, and with the recommendation on the first printed page.

mod shipped;

use shipped::{finished, print_tools};

use std::collections::BTreeMap;
use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use techhire::report::{ReportInput, html};

fn render(
    name: &str,
    client: Option<&str>,
    consultant: Option<&str>,
    notes: &BTreeMap<String, String>,
) -> String {
    let (tree, interview, recommendation) = finished(name);
    html::render(&ReportInput {
        tree: &tree,
        interview: &interview,
        recommendation: &recommendation,
        client,
        consultant,
        date: Some("2026-11-23T09:47:25Z"),
        notes,
        interview_note: None,
        private_notes: false,
        firm: None,
    })
}

fn notes(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(q, n)| (q.to_string(), n.to_string()))
        .collect()
}

#[test]
fn full_report_for_a_company_that_needs_both() {
    let notes = notes(&[
        (
            "existing_leaders",
            "Current CTO (Dana) joined in 2024.\nStrong on product.",
        ),
        ("looking_for", "Board wants the ERP upgrade finished first."),
    ]);
    let report = render("both", Some("Acme Ltd"), Some("Jo Smith"), &notes);
    insta::assert_snapshot!(report);
}

#[test]
fn the_report_shows_everything_a_client_keeps() {
    let notes = notes(&[("security_owner", "CISO reports to the CFO today")]);
    let report = render("both", Some("Acme Ltd"), Some("Jo Smith"), &notes);
    for expected in [
        "Prepared for <strong>Acme Ltd</strong> by Jo Smith on 23 November 2026",
        "<h1>Have both a CIO and a CTO</h1>",
        "<svg",
        "<h2>What we heard</h2>",
        "<h2>Why we recommend it</h2>",
        "<h2>What would change it</h2>",
        "What the role owns",
        "How the two should work together",
        "<h2>Appendix: how your answers were weighed</h2>",
        "CISO reports to the CFO today",
        "CIO vs. CTO: Key differences in roles and responsibilities",
        "TechTarget",
        "2025-05",
    ] {
        assert!(report.contains(expected), "missing {expected:?}");
    }
    // The answer that mattered most comes first.
    let first = report.find("<ul class=\"points\">\n<li><strong>").unwrap();
    let (tree, _, rec) = finished("both");
    let strongest = rec.strongest_reasons()[0];
    let label = &tree.question(strongest.question).choices[strongest.choice].label;
    assert!(report[first..].contains(&format!("<li><strong>{label}.</strong>")));
    // The scores and the points are in the appendix, after everything the board reads.
    let appendix = report.find("<div class=\"appendix\">").unwrap();
    assert!(report.find("<svg").unwrap() > appendix);
    assert!(report.find("class=\"pill\"").unwrap() > appendix);
    // A combined leader's report says when to split instead.
    let combined = render("combined", None, None, &BTreeMap::new());
    assert!(combined.contains("When to split the role"));
    assert!(!combined.contains("How the two should work together"));
    assert!(!combined.contains("Prepared for"));
}

#[test]
fn a_close_call_is_flagged_next_to_the_headline() {
    let report = render("tie", None, None, &BTreeMap::new());
    let headline = report.find("<h1>").unwrap();
    let callout = report
        .find("<div class=\"callout\"><strong>Settle it first.")
        .unwrap();
    let why = report.find("<h2>Why these options</h2>").unwrap();
    assert!(headline < callout && callout < why);
    assert!(report.contains("<h1>Too close to call: "));
}

/// The headline of a tie names both outcomes, never one picked by the order of the file.
#[test]
fn a_tie_is_headlined_as_a_tie() {
    let report = render("tie", None, None, &BTreeMap::new());
    let start = report.find("<section class=\"headline\">").unwrap_or(0);
    let end = report
        .find("<section class=\"heard\">")
        .unwrap_or(report.len());
    insta::assert_snapshot!(&report[start..end]);
}

#[test]
fn the_report_is_one_self_contained_file() {
    let report = render("cio", Some("Acme"), None, &BTreeMap::new());
    for banned in [
        "<script", "<link", " src=", "url(", "@import", "<iframe", "<object",
    ] {
        assert!(!report.contains(banned), "found {banned:?}");
    }
    // The only address is the SVG namespace, which is a name, not a download.
    assert_eq!(report.matches("http").count(), 1);
    assert!(report.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(report.contains("@page"));
    assert!(report.contains("break-inside: avoid"));
    // Printed from a browser, the footer names the client and numbers the pages, in place of
    // the browser's own header and footer (the file's path and the date).
    assert!(report.contains("@bottom-left { content: \"Acme \\b7  Hire a CIO\"; }"));
    assert!(report.contains("content: \"Page \" counter(page) \" of \" counter(pages)"));
    assert!(report.contains("@top-center { content: \"\"; }"));
}

#[test]
fn hostile_names_and_notes_are_shown_as_text_never_run() {
    let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>\" onmouseover=\"x\" \
                   & **bold** [link](javascript:alert(1)) \u{1b}]52;c;cGF3bmVk\u{7}\u{1b}[2J \
                   \u{202e}gnp.exe\u{2066}\u{200b}\u{0}\u{9b}";
    let notes = notes(&[("focus", hostile), ("no_such_question", hostile)]);
    let report = render("both", Some(hostile), Some(hostile), &notes);
    let (tree, interview, recommendation) = finished("both");
    let clean = html::render(&ReportInput {
        tree: &tree,
        interview: &interview,
        recommendation: &recommendation,
        client: Some("Acme"),
        consultant: None,
        date: None,
        notes: &BTreeMap::new(),
        interview_note: None,
        private_notes: false,
        firm: None,
    });
    // Nothing the hostile text brought became markup: the tags and attributes in the report
    // are exactly those of a report without it.
    let tags = |html: &str| -> BTreeMap<String, usize> {
        let mut count = BTreeMap::new();
        for piece in html.split('<').skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
                .collect();
            *count.entry(name).or_insert(0) += 1;
        }
        count
    };
    let hostile_tags = tags(&report);
    for tag in hostile_tags.keys() {
        assert!(tags(&clean).contains_key(tag), "a new <{tag}> tag appeared");
    }
    assert!(!report.contains("<script"));
    assert!(!report.contains("<img"));
    // No tag carries an event handler: the hostile attributes stayed text between tags.
    for tag in report
        .split('<')
        .skip(1)
        .filter_map(|p| p.split('>').next())
    {
        assert!(
            !tag.contains("onerror") && !tag.contains("onmouseover"),
            "<{tag}>"
        );
    }
    assert!(!report.contains("\" onmouseover"));
    assert!(report.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(report.contains("&quot; onmouseover=&quot;x&quot; &amp; **bold**"));
    // Markdown is not HTML's syntax: it stays as typed.
    assert!(report.contains("[link](javascript:alert(1))"));
    assert!(!report.contains("<strong>bold</strong>"));
    assert!(!report.contains("href"));
    // Control, bidirectional and invisible characters are gone.
    for c in [
        '\u{1b}', '\u{7}', '\u{0}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{200b}',
    ] {
        assert!(!report.contains(c), "{:?} reached the report", c);
    }
    // The hostile text is still there to read, in the title, header and both notes.
    assert!(report.matches("gnp.exe").count() >= 4);
}

/// The report printed to PDF by a real browser: the recommendation must be on page one.
#[test]
fn chromium_prints_the_recommendation_on_page_one() {
    let Some(chromium) = print_tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html_path = dir.path().join("report.html");
    let pdf_path = dir.path().join("report.pdf");
    fs::write(
        &html_path,
        render(
            "close_call",
            Some("Globex Corporation"),
            Some("Jo Smith"),
            &notes(&[("looking_for", "New product line launches in spring.")]),
        ),
    )
    .unwrap();
    let mut browser = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf_path.display()))
        .arg(format!("file://{}", html_path.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A browser that hangs must fail the test, not stall the suite.
    let deadline = Instant::now() + Duration::from_secs(120);
    while browser.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = browser.kill();
            panic!("chromium did not finish printing within two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = browser.wait_with_output().unwrap();
    assert!(
        pdf_path.exists(),
        "chromium wrote no PDF: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page_one = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", "-layout"])
        .arg(&pdf_path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed to read the PDF");
    let text = String::from_utf8_lossy(&page_one.stdout);
    let (tree, _, recommendation) = finished("close_call");
    let headline = &tree.outcome(recommendation.outcome).label;
    assert!(
        text.contains(headline.as_str()) && text.contains("TECHNOLOGY LEADERSHIP RECOMMENDATION"),
        "page one lacks the recommendation {headline:?}:\n{text}"
    );
    assert!(text.contains("Globex Corporation"), "{text}");
    assert!(text.contains("A close call"), "{text}");
}
