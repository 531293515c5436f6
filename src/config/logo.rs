//! The firm's logo: a PNG, JPEG or SVG file, read once, size-capped, and embedded in the HTML
//! report as a `data:` URI so the report stays one self-contained file. An SVG is parsed (with
//! roxmltree, no DTD) and refused if it could run a script or fetch anything: a report opened
//! by a client must not call out to anywhere.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;

/// The largest logo embedded: a crisp logo is a few KiB as SVG, tens as PNG.
pub const MAX_LOGO_BYTES: usize = 256 * 1024;

/// What a logo file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoKind {
    Png,
    Jpeg,
    Svg,
}

impl LogoKind {
    pub fn name(self) -> &'static str {
        match self {
            LogoKind::Png => "PNG",
            LogoKind::Jpeg => "JPEG",
            LogoKind::Svg => "SVG",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            LogoKind::Png => "image/png",
            LogoKind::Jpeg => "image/jpeg",
            LogoKind::Svg => "image/svg+xml",
        }
    }
}

/// A logo read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub path: PathBuf,
    pub kind: LogoKind,
    pub bytes: Vec<u8>,
}

/// Why a logo was refused, and what to do.
#[derive(Debug)]
pub(super) struct LogoError {
    pub message: String,
    pub hint: String,
}

fn refuse(message: String, hint: &str) -> LogoError {
    LogoError {
        message,
        hint: hint.to_string(),
    }
}

const WHICH: &str = "give a PNG, JPEG or SVG file, by a path relative to the config file's \
                     folder, or starting with ~/";

impl Logo {
    /// Reads the logo at `path` and checks that it is what its name says, small enough, and,
    /// for an SVG, inert.
    pub(super) fn read(path: &Path) -> Result<Logo, LogoError> {
        let shown = path.display();
        let metadata = fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                refuse(format!("the logo {shown} does not exist"), WHICH)
            }
            _ => refuse(format!("the logo {shown} cannot be read: {e}"), WHICH),
        })?;
        if !metadata.is_file() {
            return Err(refuse(format!("the logo {shown} is not a file"), WHICH));
        }
        if metadata.len() > MAX_LOGO_BYTES as u64 {
            return Err(refuse(
                format!(
                    "the logo {shown} is {} KiB, over the {} KiB limit for a logo",
                    metadata.len().div_ceil(1024),
                    MAX_LOGO_BYTES / 1024
                ),
                "export a smaller version of it (an SVG, or a PNG a few hundred pixels wide)",
            ));
        }
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let kind = match extension.as_deref() {
            Some("png") => LogoKind::Png,
            Some("jpg" | "jpeg") => LogoKind::Jpeg,
            Some("svg") => LogoKind::Svg,
            _ => {
                return Err(refuse(
                    format!("the logo {shown} is not a .png, .jpg, .jpeg or .svg file"),
                    WHICH,
                ));
            }
        };
        let mut bytes = Vec::new();
        fs::File::open(path)
            .and_then(|f| f.take(MAX_LOGO_BYTES as u64 + 1).read_to_end(&mut bytes))
            .map_err(|e| refuse(format!("the logo {shown} cannot be read: {e}"), WHICH))?;
        let looks_right = match kind {
            LogoKind::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            LogoKind::Jpeg => bytes.starts_with(b"\xff\xd8\xff"),
            LogoKind::Svg => true,
        };
        if !looks_right || bytes.len() > MAX_LOGO_BYTES {
            return Err(refuse(
                format!(
                    "the logo {shown} is named as a {} file but is not one",
                    kind.name()
                ),
                WHICH,
            ));
        }
        if kind == LogoKind::Svg {
            check_svg(path, &bytes)?;
        }
        Ok(Logo {
            path: path.to_path_buf(),
            kind,
            bytes,
        })
    }

    /// The logo as a `data:` URI, for an `<img src>`.
    pub fn data_uri(&self) -> String {
        format!(
            "data:{};base64,{}",
            self.kind.mime(),
            base64::engine::general_purpose::STANDARD.encode(&self.bytes)
        )
    }
}

/// Refuses an SVG that is not well-formed, or that has a script, an event handler, embedded
/// HTML, or a reference to anything outside itself (a link, an image, a style sheet, a font).
fn check_svg(path: &Path, bytes: &[u8]) -> Result<(), LogoError> {
    let shown = path.display();
    let hint = "export the logo again as a plain SVG (no scripts, links or external images), \
                or use a PNG";
    let text = std::str::from_utf8(bytes).map_err(|_| {
        refuse(
            format!("the logo {shown} is not UTF-8 text, so not an SVG"),
            hint,
        )
    })?;
    // No DTD: entities could smuggle in what the checks below look for.
    let document = roxmltree::Document::parse(text).map_err(|e| {
        refuse(
            format!("the logo {shown} is not a well-formed SVG: {e}"),
            hint,
        )
    })?;
    let root = document.root_element();
    if root.tag_name().name() != "svg" {
        return Err(refuse(
            format!(
                "the logo {shown} is not an SVG: its first element is <{}>",
                root.tag_name().name()
            ),
            hint,
        ));
    }
    for node in document.descendants().filter(|n| n.is_element()) {
        let place = document.text_pos_at(node.range().start);
        let here = |what: String| {
            refuse(
                format!(
                    "the logo {shown} has {what} (its line {}, column {}), so it is refused: \
                     a report must not run code or fetch anything when the client opens it",
                    place.row, place.col
                ),
                hint,
            )
        };
        let name = node.tag_name().name();
        if name.eq_ignore_ascii_case("script") {
            return Err(here("a <script> element".into()));
        }
        if name.eq_ignore_ascii_case("foreignObject") {
            return Err(here("embedded HTML (<foreignObject>)".into()));
        }
        if name.eq_ignore_ascii_case("style")
            && node
                .descendants()
                .filter_map(|n| n.text())
                .any(reaches_outside_in_css)
        {
            return Err(here(
                "a style sheet that loads something from outside".into(),
            ));
        }
        for attribute in node.attributes() {
            let key = attribute.name();
            let value = attribute.value();
            if key.len() > 2 && key[..2].eq_ignore_ascii_case("on") {
                return Err(here(format!("an event handler ({key}=\"…\")")));
            }
            if key == "href" && !value.trim_start().starts_with('#') {
                return Err(here(format!("a reference to {}", outside(value))));
            }
            if reaches_outside_in_css(value) {
                return Err(here(format!("a style that loads {}", outside(value))));
            }
        }
    }
    Ok(())
}

/// CSS that loads anything but a fragment of the same document: `@import`, or `url(` other
/// than `url(#...)`.
fn reaches_outside_in_css(css: &str) -> bool {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") {
        return true;
    }
    lower.match_indices("url(").any(|(i, _)| {
        let rest = lower[i + 4..].trim_start_matches([' ', '\'', '"']);
        !rest.starts_with('#')
    })
}

/// A reference as a message shows it: short, and safe for a terminal.
fn outside(value: &str) -> String {
    let safe = crate::text::terminal_safe(value.trim());
    let short: String = safe.chars().take(60).collect();
    if short.chars().count() < safe.chars().count() {
        format!("`{short}…`")
    } else {
        format!("`{short}`")
    }
}
