//! The config file as a consultant meets it: `techhire config` says where it is and what it
//! holds, the firm's name and logo head the report, `TECHHIRE_CONFIG` points elsewhere, and a
//! bad file stops every command that would use it with file:line:column, never silently.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;

use common::{techhire, text};

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#036"/></svg>"##;

/// A config file in the platform's place for these tests (`data`/config/techhire).
fn write_config(data: &Path, text: &str) -> std::path::PathBuf {
    let folder = data.join("config").join("techhire");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("logo.svg"), LOGO).unwrap();
    let path = folder.join("config.toml");
    fs::write(&path, text).unwrap();
    path
}

const GOOD: &str = "consultant = \"Jo Smith\"\nfirm = \"Smith & Partners\"\nlogo = \"logo.svg\"\n\
                    report_folder = \"reports\"\ntheme = \"light\"\n";

#[test]
fn config_says_where_the_file_is_and_what_it_holds() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    // None yet: where it would be, the defaults, and an example to start from.
    techhire(data)
        .arg("config")
        .assert()
        .success()
        .stdout(contains("config/techhire/config.toml"))
        .stdout(contains("There is no file there yet"))
        .stdout(contains(format!(
            "reports written to {}",
            data.join("reports").display()
        )))
        .stdout(contains("firm = \"Smith & Partners\""));

    let path = write_config(data, GOOD);
    techhire(data)
        .arg("config")
        .assert()
        .success()
        .stdout(contains(format!("Config file: {}", path.display())))
        .stdout(contains("consultant     Jo Smith"))
        .stdout(contains("firm           Smith & Partners"))
        .stdout(contains("logo.svg (SVG, 1 KiB)"))
        .stdout(contains(format!(
            "report_folder  {}",
            path.parent().unwrap().join("reports").display()
        )))
        .stdout(contains("theme          light"));
    techhire(data)
        .args(["config", "--path"])
        .assert()
        .success()
        .stdout(format!("{}\n", path.display()));
}

#[test]
fn the_firms_name_and_logo_head_the_report_and_the_consultant_is_filled_in() {
    let data = tempfile::tempdir().unwrap();
    write_config(data.path(), GOOD);
    let output = techhire(data.path())
        .args([
            "run",
            "--answers",
            "tests/answers/cio.toml",
            "--client",
            "Acme",
        ])
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let html = text(&output.stdout);
    assert!(html.contains("<span class=\"firm\">Smith &amp; Partners</span>"));
    assert!(html.contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,"));
    assert!(html.contains("by Jo Smith"), "{html}");
    let markdown = techhire(data.path())
        .args([
            "run",
            "--answers",
            "tests/answers/cio.toml",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    let markdown = text(&markdown.stdout);
    assert!(
        markdown.contains("**Firm:** Smith & Partners"),
        "{markdown}"
    );
    assert!(markdown.contains("**Consultant:** Jo Smith"), "{markdown}");
    // --consultant wins over the file for one run.
    techhire(data.path())
        .args([
            "run",
            "--answers",
            "tests/answers/cio.toml",
            "--consultant",
            "Sam Lee",
        ])
        .assert()
        .success()
        .stdout(contains("Consultant: Sam Lee"));
}

#[test]
fn techhire_config_points_at_another_file_which_must_exist() {
    let data = tempfile::tempdir().unwrap();
    let other = data.path().join("elsewhere.toml");
    fs::write(&other, "firm = \"Other & Co\"\n").unwrap();
    write_config(data.path(), GOOD);
    techhire(data.path())
        .env("TECHHIRE_CONFIG", &other)
        .arg("config")
        .assert()
        .success()
        .stdout(contains("(named by TECHHIRE_CONFIG)"))
        .stdout(contains("firm           Other & Co"))
        .stdout(contains("consultant     (not set)"));
    techhire(data.path())
        .env("TECHHIRE_CONFIG", &other)
        .args(["run", "--answers", "tests/answers/cio.toml"])
        .assert()
        .success()
        .stdout(contains("Firm: Other & Co"));
    let gone = data.path().join("gone.toml");
    techhire(data.path())
        .env("TECHHIRE_CONFIG", &gone)
        .args(["run", "--answers", "tests/answers/cio.toml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "TECHHIRE_CONFIG names this file, which does not exist",
        ));
}

#[test]
fn a_bad_config_stops_with_its_place_and_writes_nothing() {
    let cases = [
        ("firm = Smith\n", "config.toml:1:8: "),
        ("firm_name = \"Smith\"\n", "`firm_name` is not a setting"),
        ("consultant = [1]\n", "wrong type"),
        ("logo = \"missing.png\"\n", "missing.png does not exist"),
        (
            "logo = \"hostile.svg\"\n",
            "has a <script> element (its line 1, column",
        ),
    ];
    for (config, says) in cases {
        let data = tempfile::tempdir().unwrap();
        let path = write_config(data.path(), config);
        fs::write(
            path.with_file_name("hostile.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
        )
        .unwrap();
        let out = data.path().join("report.html");
        techhire(data.path())
            .args(["run", "--answers", "tests/answers/cio.toml", "-o"])
            .arg(&out)
            .assert()
            .code(2)
            .stderr(contains(says))
            .stderr(contains(path.display().to_string()))
            .stderr(contains("Nothing was done"));
        assert!(!out.exists(), "{config}");
        techhire(data.path())
            .arg("config")
            .assert()
            .code(2)
            .stderr(contains(says));
        // The interview does not start on a bad config either, and leaves no session.
        techhire(data.path())
            .arg("--plain")
            .write_stdin("1\n")
            .assert()
            .code(2)
            .stderr(contains(says));
        assert!(!data.path().join("sessions").exists(), "{config}");
    }
}

#[test]
fn commands_that_do_not_use_the_config_still_run_with_a_bad_one() {
    let data = tempfile::tempdir().unwrap();
    write_config(data.path(), "firm = Smith\n");
    techhire(data.path())
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains("is valid"));
}
