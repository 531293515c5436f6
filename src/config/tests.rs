use std::fs;

use super::*;

const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#036"/></linearGradient></defs>
  <rect width="10" height="10" fill="url(#g)"/>
  <use href="#g"/>
</svg>
"##;

/// A folder holding `config.toml` with `text`, and a good SVG logo beside it.
fn folder(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("logo.svg"), SVG).unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, text).unwrap();
    (dir, path)
}

fn load(path: &Path) -> Result<Option<Config>, ConfigError> {
    Location {
        path: path.to_path_buf(),
        from_env: false,
    }
    .load()
}

fn error(text: &str) -> String {
    let (_dir, path) = folder(text);
    load(&path).unwrap_err().to_string()
}

#[test]
fn a_good_file_gives_every_setting() {
    let (dir, path) = folder(
        "# Jo's settings\n\
         consultant = \"Jo Smith\"\n\
         firm = \"Smith & Partners\"\n\
         logo = \"logo.svg\"\n\
         report_folder = \"reports\"\n\
         theme = \"light\"\n",
    );
    let config = load(&path).unwrap().unwrap();
    assert_eq!(config.consultant.as_deref(), Some("Jo Smith"));
    assert_eq!(config.firm.name.as_deref(), Some("Smith & Partners"));
    let logo = config.firm.logo.unwrap();
    assert_eq!(logo.kind, LogoKind::Svg);
    assert_eq!(logo.path, dir.path().join("logo.svg"));
    assert!(
        logo.data_uri()
            .starts_with("data:image/svg+xml;base64,PHN2Zy")
    );
    assert_eq!(config.report_folder, Some(dir.path().join("reports")));
    assert_eq!(config.theme, Some(Theme::Light));
}

#[test]
fn an_empty_file_and_no_file_are_the_defaults() {
    let (dir, path) = folder("");
    assert_eq!(load(&path).unwrap(), Some(Config::default()));
    assert_eq!(load(&dir.path().join("none.toml")).unwrap(), None);
}

#[test]
fn png_and_jpeg_logos_are_embedded_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
    fs::write(dir.path().join("b.JPG"), b"\xff\xd8\xff\xe0rest").unwrap();
    for (name, kind) in [("a.png", LogoKind::Png), ("b.JPG", LogoKind::Jpeg)] {
        let path = dir.path().join("config.toml");
        let config = parse(&path, &format!("logo = \"{name}\"")).unwrap();
        let logo = config.firm.logo.unwrap();
        assert_eq!(logo.kind, kind);
        assert!(
            logo.data_uri()
                .starts_with(&format!("data:{};base64,", kind.mime()))
        );
    }
}

#[test]
fn a_syntax_error_has_its_line_and_column() {
    let message = error("consultant = \"Jo\"\nfirm = Smith\n");
    assert!(message.contains("config.toml:2:8: "), "{message}");
    assert!(message.contains("quotes"), "{message}");
}

#[test]
fn an_unknown_key_is_named_with_the_keys_there_are() {
    let message = error("consultant = \"Jo\"\nfirm_name = \"Smith\"\n");
    assert!(message.contains("config.toml:2:1: "), "{message}");
    assert!(
        message.contains("`firm_name` is not a setting"),
        "{message}"
    );
    assert!(
        message.contains("consultant, firm, logo, report_folder, theme"),
        "{message}"
    );
}

#[test]
fn a_hostile_key_cannot_drive_the_terminal() {
    let message = error("\"\\u001b]52;c;SEVMTE8=\\u0007\" = 1\n");
    assert!(message.contains("config.toml:1:1: "), "{message}");
    assert!(
        !message.chars().any(|c| c.is_control() && c != '\n'),
        "{message:?}"
    );
}

#[test]
fn a_wrong_type_says_what_was_expected() {
    let message = error("consultant = 42\n");
    assert!(message.contains("config.toml:1:14: "), "{message}");
    assert!(message.contains("wrong type"), "{message}");
    assert!(message.contains("text in quotes"), "{message}");
    let message = error("theme = \"purple\"\n");
    assert!(message.contains("config.toml:1:9: "), "{message}");
    assert!(
        message.contains("\"dark\", \"light\" or \"mono\""),
        "{message}"
    );
}

#[test]
fn a_missing_logo_points_at_the_logo_line() {
    let message = error("firm = \"Smith\"\nlogo = \"gone.png\"\n");
    assert!(message.contains("config.toml:2:8: "), "{message}");
    assert!(message.contains("gone.png does not exist"), "{message}");
}

#[test]
fn a_logo_of_the_wrong_kind_or_size_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(dir.path().join("logo.gif"), b"GIF89a").unwrap();
    fs::write(dir.path().join("fake.png"), b"<svg/>").unwrap();
    fs::write(dir.path().join("big.png"), vec![0u8; MAX_LOGO_BYTES + 1]).unwrap();
    for (name, says) in [
        ("logo.gif", "not a .png, .jpg, .jpeg or .svg file"),
        ("fake.png", "named as a PNG file but is not one"),
        ("big.png", "over the 256 KiB limit"),
    ] {
        let message = parse(&path, &format!("logo = \"{name}\""))
            .unwrap_err()
            .to_string();
        assert!(message.contains(says), "{name}: {message}");
        assert!(message.contains("config.toml:1:8: "), "{message}");
    }
}

#[test]
fn a_hostile_svg_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let svg = |body: &str| format!("<svg xmlns=\"http://www.w3.org/2000/svg\">\n{body}\n</svg>");
    let cases = [
        (svg("<script>alert(1)</script>"), "<script>"),
        (svg("<rect onload=\"alert(1)\"/>"), "event handler (onload="),
        (
            svg("<image href=\"https://tracker.example/x.png\"/>"),
            "reference to `https://tracker.example/x.png`",
        ),
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\
             <a xlink:href=\"javascript:alert(1)\"/></svg>"
                .to_string(),
            "reference to `javascript:alert(1)`",
        ),
        (
            svg("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\"/></foreignObject>"),
            "<foreignObject>",
        ),
        (
            svg("<style>@import url(https://x.example/a.css);</style>"),
            "style sheet that loads",
        ),
        (
            svg("<rect style=\"fill: url('https://x.example/p')\"/>"),
            "style that loads",
        ),
        (
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x \"y\">]><svg>&x;</svg>".to_string(),
            "not a well-formed SVG",
        ),
        ("<html><script/></html>".to_string(), "first element is <html>"),
    ];
    for (body, says) in cases {
        fs::write(dir.path().join("logo.svg"), &body).unwrap();
        let message = parse(&path, "firm = \"F\"\nlogo = \"logo.svg\"")
            .unwrap_err()
            .to_string();
        assert!(message.contains(says), "{body}: {message}");
        assert!(message.contains("config.toml:2:8: "), "{message}");
    }
}

#[test]
fn a_report_folder_that_is_a_file_is_refused() {
    let (dir, path) = folder("");
    fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let message = parse(&path, "report_folder = \"notes.txt\"")
        .unwrap_err()
        .to_string();
    assert!(message.contains("config.toml:1:17: "), "{message}");
    assert!(
        message.contains("which is a file, not a folder"),
        "{message}"
    );
}

#[test]
fn a_file_named_by_the_variable_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let location = Location {
        path: dir.path().join("missing.toml"),
        from_env: true,
    };
    let message = location.load().unwrap_err().to_string();
    assert!(
        message.contains("TECHHIRE_CONFIG names this file"),
        "{message}"
    );
}

#[test]
fn a_folder_or_a_huge_or_binary_file_is_not_read_as_config() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        load(dir.path())
            .unwrap_err()
            .to_string()
            .contains("not a regular file")
    );
    let huge = dir.path().join("huge.toml");
    fs::write(&huge, "#".repeat(MAX_CONFIG_BYTES as usize + 1)).unwrap();
    assert!(load(&huge).unwrap_err().to_string().contains("byte limit"));
    let binary = dir.path().join("binary.toml");
    fs::write(&binary, b"firm = \"\xff\"").unwrap();
    let message = load(&binary).unwrap_err().to_string();
    assert!(message.contains("binary.toml:1:9: "), "{message}");
    assert!(message.contains("UTF-8"), "{message}");
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Any text is a config file or an error with a place, never a panic.
        #[test]
        fn any_text_is_read_or_refused(text in ".{0,200}") {
            let path = Path::new("/nonexistent/config.toml");
            if let Err(e) = parse(path, &text) {
                prop_assert!(e.to_string().starts_with("/nonexistent/config.toml"));
            }
        }

        /// Any text named as an SVG logo is taken or refused with the config file's place,
        /// never a panic.
        #[test]
        fn any_svg_is_checked(body in "(<svg>|<svg xmlns=\"http://www.w3.org/2000/svg\">)[ -~]{0,120}(</svg>)?") {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("logo.svg"), &body).unwrap();
            let path = dir.path().join("config.toml");
            if let Err(e) = parse(&path, "logo = \"logo.svg\"") {
                prop_assert!(e.to_string().contains("config.toml:1:8: "), "{e}");
            }
        }
    }
}
