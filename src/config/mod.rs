//! The user's settings file: the consultant's name, the firm's name and logo for the report's
//! masthead, the folder reports are written to, and the full-screen theme. It lives in the
//! platform's config folder (`~/.config/techhire/config.toml` on Linux), or wherever
//! `TECHHIRE_CONFIG` says. A file that cannot be used is an error with file:line:column and
//! what to do, never ignored: a consultant who set a firm's logo must not hand over a report
//! without it by surprise.

mod logo;

use std::fmt;
use std::fs;
use std::io::Read as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

pub use logo::{Logo, LogoKind, MAX_LOGO_BYTES};

use crate::text::terminal_safe;
use crate::tree::diagnostics::position;

/// The environment variable naming the config file in place of the platform's.
pub const CONFIG_VAR: &str = "TECHHIRE_CONFIG";

/// The largest config file read: a few lines of settings take a few hundred bytes.
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024;

/// The keys a config file may hold, for messages.
const KEYS: &str = "consultant, firm, logo, report_folder, theme";

/// The colours of the full-screen interview, as the config file names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Dark,
    Light,
    Mono,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::Mono => "mono",
        }
    }
}

/// The file as written: these types are the format (see docs/config.md).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    consultant: Option<String>,
    firm: Option<String>,
    logo: Option<Spanned<String>>,
    report_folder: Option<Spanned<String>>,
    theme: Option<Theme>,
}

/// The firm a report is written by: its name and logo head the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Firm {
    pub name: Option<String>,
    pub logo: Option<Logo>,
}

impl Firm {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.logo.is_none()
    }
}

/// The settings, checked: the logo read and found safe, folders made absolute.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The consultant's name, for new interviews and their reports.
    pub consultant: Option<String>,
    pub firm: Firm,
    /// Where reports are written when no file is named.
    pub report_folder: Option<PathBuf>,
    pub theme: Option<Theme>,
}

/// Where the config file is, and why there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    /// Named by `TECHHIRE_CONFIG`: then it must exist.
    pub from_env: bool,
}

/// A config file that cannot be used: where, what is wrong, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    /// Line and column (1-based), when the problem has a place in the file.
    pub at: Option<(usize, usize)>,
    pub message: String,
    pub hint: String,
}

impl fmt::Display for ConfigError {
    /// Cleaned for the terminal: a key or a path in the file may hold any character.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = terminal_safe(&self.file);
        match self.at {
            Some((line, column)) => write!(f, "{file}:{line}:{column}: ")?,
            None => write!(f, "{file}: ")?,
        }
        write!(f, "{}\n  {}", terminal_safe(&self.message), self.hint)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    fn whole(file: &Path, message: impl Into<String>, hint: impl Into<String>) -> ConfigError {
        ConfigError {
            file: file.display().to_string(),
            at: None,
            message: message.into(),
            hint: hint.into(),
        }
    }

    fn at(
        file: &Path,
        text: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> ConfigError {
        ConfigError {
            file: file.display().to_string(),
            at: span.map(|s| {
                let p = position(text, s.start);
                (p.line, p.column)
            }),
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl Location {
    /// `TECHHIRE_CONFIG` when set, else `config.toml` in the platform's config folder; `None`
    /// when there is no home folder to find that in.
    pub fn find() -> Option<Location> {
        if let Some(path) = std::env::var_os(CONFIG_VAR).filter(|p| !p.is_empty()) {
            return Some(Location {
                path: PathBuf::from(path),
                from_env: true,
            });
        }
        directories::ProjectDirs::from("", "", "techhire").map(|dirs| Location {
            path: dirs.config_dir().join("config.toml"),
            from_env: false,
        })
    }

    /// Reads and checks the file: the defaults when the platform's file does not exist (a
    /// file named by `TECHHIRE_CONFIG` must).
    pub fn load(&self) -> Result<Option<Config>, ConfigError> {
        let path = &self.path;
        let metadata = match fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !self.from_env => {
                return Ok(None);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ConfigError::whole(
                    path,
                    format!("{CONFIG_VAR} names this file, which does not exist"),
                    format!("create it, or unset {CONFIG_VAR} to use the default config file"),
                ));
            }
            Err(e) => return Err(unreadable(path, &e)),
            Ok(m) => m,
        };
        if !metadata.is_file() {
            return Err(ConfigError::whole(
                path,
                "is not a regular file, so it is not read as the config file",
                "the config file is a short TOML text file; see `techhire config`",
            ));
        }
        if metadata.len() > MAX_CONFIG_BYTES {
            return Err(ConfigError::whole(
                path,
                format!(
                    "is {} bytes, over the {MAX_CONFIG_BYTES}-byte limit for a config file",
                    metadata.len()
                ),
                "is it the right file? A config file holds a few lines of settings",
            ));
        }
        let mut bytes = Vec::new();
        fs::File::open(path)
            .and_then(|f| f.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| unreadable(path, &e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            ConfigError::at(
                path,
                &text,
                Some(offset..offset),
                "is not UTF-8 text here",
                "save the config file as UTF-8 text",
            )
        })?;
        parse(path, &text).map(Some)
    }
}

fn unreadable(path: &Path, e: &std::io::Error) -> ConfigError {
    ConfigError::whole(
        path,
        format!("cannot be read: {e}"),
        "check the file's permissions, or move it away to use the defaults",
    )
}

/// Checks a config file's text; `path` names it in errors, and relative paths in it are
/// relative to its folder.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let file: ConfigFile = toml::from_str(text).map_err(|e| {
        let (message, hint) = reword(e.message());
        ConfigError::at(path, text, e.span(), message, hint)
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let logo = match &file.logo {
        None => None,
        Some(logo) => {
            let at = |message: String, hint: &str| {
                ConfigError::at(path, text, Some(logo.span()), message, hint)
            };
            let logo_path = resolve(base, logo.get_ref());
            Some(Logo::read(&logo_path).map_err(|e| at(e.message, &e.hint))?)
        }
    };
    let report_folder = match &file.report_folder {
        None => None,
        Some(folder) => {
            let resolved = resolve(base, folder.get_ref());
            if resolved.exists() && !resolved.is_dir() {
                return Err(ConfigError::at(
                    path,
                    text,
                    Some(folder.span()),
                    format!(
                        "report_folder is {}, which is a file, not a folder",
                        resolved.display()
                    ),
                    "name a folder; techhire creates it when it writes the first report",
                ));
            }
            Some(resolved)
        }
    };
    let given = |name: Option<String>| name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    Ok(Config {
        consultant: given(file.consultant),
        firm: Firm {
            name: given(file.firm),
            logo,
        },
        report_folder,
        theme: file.theme,
    })
}

/// A path from the config file: `~/` is the home folder; a relative path is relative to the
/// config file's folder, so the file and its logo can move together.
fn resolve(base: &Path, written: &str) -> PathBuf {
    if let Some(rest) = written
        .strip_prefix("~/")
        .or_else(|| written.strip_prefix("~\\"))
        && let Some(dirs) = directories::BaseDirs::new()
    {
        return dirs.home_dir().join(rest);
    }
    let path = Path::new(written);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

/// The TOML reader's message in the config file's words, with what to do.
fn reword(message: &str) -> (String, String) {
    let message = message.lines().next().unwrap_or(message).trim().to_string();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return (
            format!("{key} is not a setting techhire knows"),
            format!("the settings are {KEYS}; check the spelling, or remove the line"),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let value = rest.split(',').next().unwrap_or(rest);
        return (
            format!("{value} is not a theme"),
            "theme is \"dark\", \"light\" or \"mono\"".into(),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let found = found
            .replace("integer `", "the number `")
            .replace("boolean `", "`");
        let expected = match expected {
            "a string" => "text in quotes",
            other => other,
        };
        return (
            format!("wrong type: this is {found}, where {expected} is expected"),
            "names and paths are text in quotes, e.g. firm = \"Smith & Partners\"".into(),
        );
    }
    (
        message,
        "fix the TOML here: text needs \"quotes\", one setting a line, as `key = \"value\"`".into(),
    )
}

/// The folder reports go to when the config names none: `reports` in `TECHHIRE_DATA_DIR`
/// when that is set, else a `techhire` folder in the user's Documents, else `reports` in
/// techhire's data folder. Never the folder techhire happened to start in.
pub fn default_report_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(crate::session::DATA_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("reports"));
    }
    if let Some(documents) = directories::UserDirs::new()
        .as_ref()
        .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
    {
        return Some(documents.join("techhire"));
    }
    directories::ProjectDirs::from("", "", "techhire").map(|dirs| dirs.data_dir().join("reports"))
}

#[cfg(test)]
mod tests;
