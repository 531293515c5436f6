//! Reading one of techhire's versioned JSON documents (a session, a workshop) as untrusted
//! input: a file that is empty, truncated, not JSON, another program's JSON, a question tree,
//! nested deep enough to crash a parser, or from a newer techhire gets an error saying which
//! of these it is, before the document's own fields are looked at.

use serde::de::DeserializeOwned;

/// Which document a file is meant to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// The value of its `format` field, e.g. `techhire-session`.
    pub format: &'static str,
    /// What people call it in a message: "session", "workshop".
    pub noun: &'static str,
    /// The newest `version` this build reads.
    pub version: u32,
}

/// Why a document could not be read; every message names the file, says what it holds
/// instead and that it was left as it is.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error(
        "{file} is empty, so there is no {noun} in it; it was left as it is. \
         Start a new {noun}, or pick another file",
        noun = .kind.noun
    )]
    Empty { file: String, kind: Kind },
    #[error(
        "{file} ends early, at line {line}, column {column}: it looks cut off (truncated), \
         perhaps by a failed copy or download; it was left as it is. Use another copy of it"
    )]
    Truncated {
        file: String,
        line: usize,
        column: usize,
    },
    #[error(
        "{file} is not valid JSON (line {line}, column {column}: {detail}), so not a {noun} \
         file; it was left as it is",
        noun = .kind.noun
    )]
    NotJson {
        file: String,
        kind: Kind,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("{file} is not a techhire {noun}: {what}. It was left as it is", noun = .kind.noun)]
    Foreign {
        file: String,
        kind: Kind,
        what: String,
    },
    #[error(
        "{file} was saved by a newer techhire ({noun} format version {version}; this one \
         reads up to version {supported}); update techhire to open it. It was left as it is",
        noun = .kind.noun,
        supported = .kind.version
    )]
    FutureVersion {
        file: String,
        kind: Kind,
        version: u64,
    },
    #[error(
        "{file} is a techhire {noun} with a problem at line {line}, column {column}: \
         {detail}. It was left as it is; if it was edited by hand, undo the edit",
        noun = .kind.noun
    )]
    Invalid {
        file: String,
        kind: Kind,
        line: usize,
        column: usize,
        detail: String,
    },
}

impl DocumentError {
    /// A problem serde cannot see (a bad id, a question answered twice), for the whole file.
    pub fn invalid(file: &str, kind: Kind, detail: String) -> DocumentError {
        DocumentError::Invalid {
            file: file.to_string(),
            kind,
            line: 1,
            column: 1,
            detail,
        }
    }

    /// A file that is not this kind of document at all (a folder, say).
    pub fn foreign(file: &str, kind: Kind, what: String) -> DocumentError {
        DocumentError::Foreign {
            file: file.to_string(),
            kind,
            what,
        }
    }
}

/// Checks a document's bytes and reads it; `file` names it in errors.
pub fn parse<T: DeserializeOwned>(
    file: &str,
    kind: Kind,
    bytes: &[u8],
) -> Result<T, DocumentError> {
    let foreign = |what: String| DocumentError::foreign(file, kind, what);
    let noun = kind.noun;
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(foreign(format!(
                "it is not text (binary data at byte {}), so not a {noun}",
                e.valid_up_to()
            )));
        }
    };
    // A byte order mark, as some Windows editors write: question trees take one, so these do.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DocumentError::Empty {
            file: file.to_string(),
            kind,
        });
    }
    // Checked as JSON without building it: a 16 MiB list of numbers would take gigabytes as
    // `serde_json::Value`s. Skipping values has no depth limit; reading them has, so that is
    // said first.
    if nesting(text) > MAX_NESTING {
        return Err(foreign(format!(
            "it nests lists or objects too deeply (over {MAX_NESTING} levels), \
             which a {noun} never does"
        )));
    }
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => {}
        Err(e) if e.is_eof() => {
            return Err(DocumentError::Truncated {
                file: file.to_string(),
                line: e.line(),
                column: e.column(),
            });
        }
        Err(e) => {
            if looks_like_tree(text) {
                return Err(foreign(format!(
                    "it looks like a question tree (TOML), not a {noun}; \
                     give it with --questions instead"
                )));
            }
            return Err(DocumentError::NotJson {
                file: file.to_string(),
                kind,
                line: e.line(),
                column: e.column(),
                detail: strip_position(&e.to_string()),
            });
        }
    };
    check_header(file, kind, text)?;
    serde_json::from_str(text).map_err(|e| DocumentError::Invalid {
        file: file.to_string(),
        kind,
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    })
}

/// The two fields read before the rest, each kept as the text it is in the file.
#[derive(serde::Deserialize)]
struct Header<'a> {
    #[serde(borrow, default)]
    format: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    version: Option<&'a serde_json::value::RawValue>,
}

/// Tells foreign JSON and future versions apart from a damaged document, before the details.
/// `text` is valid JSON.
fn check_header(file: &str, kind: Kind, text: &str) -> Result<(), DocumentError> {
    let foreign = |what: String| DocumentError::foreign(file, kind, what);
    let (format, noun) = (kind.format, kind.noun);
    if !text.trim_start().starts_with('{') {
        return Err(foreign(format!(
            "it holds a JSON {}, and a {noun} is a JSON object",
            json_kind(text)
        )));
    }
    let header = match serde_json::from_str::<Header>(text) {
        Ok(header) => header,
        // An object whose `format` or `version` is given twice.
        Err(e) => {
            return Err(DocumentError::Invalid {
                file: file.to_string(),
                kind,
                line: e.line(),
                column: e.column(),
                detail: strip_position(&e.to_string()),
            });
        }
    };
    match header.format.map(|f| f.get()) {
        Some(f) if serde_json::from_str::<&str>(f).ok() == Some(format) => {}
        Some(other) => {
            return Err(foreign(format!(
                "its `format` is {}, not \"{format}\"; it was written by another program",
                shorten(other)
            )));
        }
        None => {
            return Err(foreign(format!(
                "it has no `format` field saying \"{format}\"; it was written by another program"
            )));
        }
    }
    let version = header
        .version
        .and_then(|v| serde_json::from_str::<u64>(v.get()).ok());
    match version {
        Some(v) if v > u64::from(kind.version) => Err(DocumentError::FutureVersion {
            file: file.to_string(),
            kind,
            version: v,
        }),
        Some(0) | None => Err(DocumentError::invalid(
            file,
            kind,
            format!(
                "`version` must be a whole number from 1 to {}",
                kind.version
            ),
        )),
        Some(_) => Ok(()),
    }
}

/// The depth serde_json reads JSON to, rather than overflow the stack.
const MAX_NESTING: usize = 128;

/// How deeply lists and objects nest in JSON text (valid or not): brackets counted outside
/// strings.
fn nesting(json: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in json.bytes() {
        match (in_string, byte) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') | (false, b'"') => in_string = !in_string,
            (false, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// A question tree's tell-tale tables, for a friendlier error when one is opened by mistake.
fn looks_like_tree(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .any(|l| l == "[meta]" || l == "[[questions]]" || l == "[[outcomes]]")
}

/// What a JSON text holds, by its first character.
fn json_kind(json: &str) -> &'static str {
    match json.trim_start().chars().next() {
        Some('n') => "null",
        Some('t' | 'f') => "true/false value",
        Some('"') => "string",
        Some('[') => "list",
        _ => "number",
    }
}

/// serde_json appends " at line L column C"; errors here give the place separately. The rest
/// can quote the file (an unknown key, a wrong value), so it is made terminal-safe.
fn strip_position(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    crate::text::terminal_safe(message).into_owned()
}

/// Text from the file, cut short and with control characters made visible, for messages.
pub fn shorten(text: &str) -> String {
    crate::text::terminal_safe(&crate::text::truncate(text, 61)).into_owned()
}
