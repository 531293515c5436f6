//! Reading a session file as untrusted input: the size is checked before reading, and a file
//! that is empty, truncated, not JSON, another program's JSON, a question tree, or from a newer
//! techhire gets an error saying which of these it is. Reading never changes the file.

use std::path::Path;

use super::model::{FORMAT, VERSION, is_valid_id};
use super::{Session, SessionError};
use crate::files::ReadError;

/// Session files larger than this are refused before being read. A finished interview on the
/// shipped tree saves in about 3 KiB; 16 MiB leaves room for very long notes while keeping a
/// wrong path (a disk image, a log) from filling memory.
pub const MAX_SESSION_BYTES: u64 = 16 * 1024 * 1024;

/// Reads and checks a session file.
pub fn read_path(path: &Path) -> Result<Session, SessionError> {
    let file_name = path.display().to_string();
    let io = |source| SessionError::Read {
        file: file_name.clone(),
        source,
    };
    let bytes = crate::files::read_bounded(path, MAX_SESSION_BYTES).map_err(|e| match e {
        ReadError::TooLarge(size) => too_large(file_name.clone(), size),
        ReadError::NotAFile("a folder") => SessionError::Foreign {
            file: file_name.clone(),
            what: "it is a folder, not a session file".into(),
        },
        other => io(other.into_io()),
    })?;
    parse(&file_name, &bytes)
}

fn too_large(file: String, size: u64) -> SessionError {
    SessionError::TooLarge {
        file,
        size,
        limit: MAX_SESSION_BYTES,
    }
}

/// Checks and parses a session's bytes; `file` names it in errors.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Session, SessionError> {
    let file = file.to_string();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(SessionError::Foreign {
                file,
                what: format!(
                    "it is not text (binary data at byte {}), so not a session",
                    e.valid_up_to()
                ),
            });
        }
    };
    // A byte order mark, as some Windows editors write: question trees take one, so sessions do.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(SessionError::Empty { file });
    }
    // Checked as JSON without building it: a 16 MiB list of numbers would take gigabytes as
    // `serde_json::Value`s.
    // Skipping values has no depth limit; reading them has, so that is said first.
    if nesting(text) > MAX_NESTING {
        return Err(SessionError::Foreign {
            file,
            what: "it nests lists or objects too deeply (over 128 levels), \
                   which a session never does"
                .into(),
        });
    }
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => {}
        Err(e) if e.is_eof() => {
            return Err(SessionError::Truncated {
                file,
                line: e.line(),
                column: e.column(),
            });
        }
        Err(e) => {
            if looks_like_tree(text) {
                return Err(SessionError::Foreign {
                    file,
                    what: "it looks like a question tree (TOML), not a session; \
                           give it with --questions instead"
                        .into(),
                });
            }
            return Err(SessionError::NotJson {
                file,
                line: e.line(),
                column: e.column(),
                detail: strip_position(&e.to_string()),
            });
        }
    };
    check_header(&file, text)?;
    let session: Session = serde_json::from_str(text).map_err(|e| SessionError::Invalid {
        file: file.clone(),
        line: e.line(),
        column: e.column(),
        detail: strip_position(&e.to_string()),
    })?;
    check_content(&file, &session)?;
    Ok(session)
}

/// The two fields read before the rest, each kept as the text it is in the file.
#[derive(serde::Deserialize)]
struct Header<'a> {
    #[serde(borrow, default)]
    format: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    version: Option<&'a serde_json::value::RawValue>,
}

/// Tells foreign JSON and future versions apart from a damaged session, before the details.
/// `text` is valid JSON.
fn check_header(file: &str, text: &str) -> Result<(), SessionError> {
    let foreign = |what: String| SessionError::Foreign {
        file: file.to_string(),
        what,
    };
    if !text.trim_start().starts_with('{') {
        return Err(foreign(format!(
            "it holds a JSON {}, and a session is a JSON object",
            kind(text)
        )));
    }
    let header = match serde_json::from_str::<Header>(text) {
        Ok(header) => header,
        // An object whose `format` or `version` is given twice.
        Err(e) => {
            return Err(SessionError::Invalid {
                file: file.to_string(),
                line: e.line(),
                column: e.column(),
                detail: strip_position(&e.to_string()),
            });
        }
    };
    match header.format.map(|f| f.get()) {
        Some(f) if serde_json::from_str::<&str>(f).ok() == Some(FORMAT) => {}
        Some(other) => {
            return Err(foreign(format!(
                "its `format` is {}, not \"{FORMAT}\"; it was written by another program",
                shorten(other)
            )));
        }
        None => {
            return Err(foreign(format!(
                "it has no `format` field saying \"{FORMAT}\"; it was written by another program"
            )));
        }
    }
    let version = header
        .version
        .and_then(|v| serde_json::from_str::<u64>(v.get()).ok());
    match version {
        Some(v) if v > u64::from(VERSION) => Err(SessionError::FutureVersion {
            file: file.to_string(),
            version: v,
            supported: VERSION,
        }),
        Some(0) | None => Err(SessionError::Invalid {
            file: file.to_string(),
            line: 1,
            column: 1,
            detail: format!("`version` must be a whole number from 1 to {VERSION}"),
        }),
        Some(_) => Ok(()),
    }
}

/// What serde cannot check: a safe id, and each question answered at most once.
fn check_content(file: &str, session: &Session) -> Result<(), SessionError> {
    let invalid = |detail: String| SessionError::Invalid {
        file: file.to_string(),
        line: 1,
        column: 1,
        detail,
    };
    if !is_valid_id(&session.id) {
        return Err(invalid(format!(
            "the id `{}` is not 1 to 64 letters, digits, `-` or `_`",
            shorten(&session.id)
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for answer in &session.answers {
        if !seen.insert(answer.question.as_str()) {
            return Err(invalid(format!(
                "question `{}` is answered twice",
                shorten(&answer.question)
            )));
        }
    }
    Ok(())
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
fn kind(json: &str) -> &'static str {
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
fn shorten(text: &str) -> String {
    crate::text::terminal_safe(&crate::text::truncate(text, 61)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse("s.json", text.as_bytes()).unwrap_err().to_string()
    }

    #[test]
    fn each_kind_of_bad_file_says_what_it_is() {
        for (text, expected) in [
            ("", "is empty"),
            ("  \n", "is empty"),
            ("{\"format\": \"techhire-session\", \"ver", "ends early"),
            ("{,}", "is not valid JSON"),
            ("[1, 2]", "holds a JSON list"),
            ("{\"name\": \"other\"}", "has no `format` field"),
            ("{\"format\": \"x\"}", "its `format` is \"x\""),
            ("[meta]\ntitle = \"t\"\n", "looks like a question tree"),
            (
                "{\"format\": \"techhire-session\", \"version\": 9}",
                "newer techhire",
            ),
            (
                "{\"format\": \"techhire-session\", \"version\": \"1\"}",
                "`version` must be",
            ),
            (
                "{\"format\": \"techhire-session\", \"version\": 1}",
                "missing field",
            ),
        ] {
            let message = error(text);
            assert!(message.contains("s.json"), "{message}");
            assert!(message.contains(expected), "{text:?}: {message}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_passed_over_as_in_trees() {
        let text = saved_session();
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(
            parse("s.json", with_bom.as_bytes()).unwrap(),
            parse("s.json", text.as_bytes()).unwrap()
        );
    }

    #[test]
    fn binary_data_is_not_a_session() {
        let message = parse("s.json", &[0xff, 0xfe, 0, 1])
            .unwrap_err()
            .to_string();
        assert!(message.contains("not text"), "{message}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!(
            "{{\"format\": \"techhire-session\", \"version\": 1, \"x\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(error(&text).contains("s.json"));
    }

    /// A finished session on the shipped tree, as saved.
    fn saved_session() -> String {
        use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
        let tree = std::sync::Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
        let stamp = crate::session::TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
        let mut interview = crate::Interview::new(tree);
        let mut session = Session::new(stamp, Some("Acme".into()), None, &interview);
        while !interview.is_finished() {
            interview.answer(1).unwrap();
            session.record(&interview, crate::session::Timestamp::now());
        }
        session.set_note("focus", "a note", false, crate::session::Timestamp::now());
        serde_json::to_string_pretty(&session).unwrap()
    }

    /// Reading must give a session or an error naming the file, never a panic; a session that
    /// reads must resume on the tree without one.
    fn read_and_resume(bytes: &[u8]) -> Result<(), TestCaseError> {
        use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
        match parse("fuzz.json", bytes) {
            Ok(mut session) => {
                let tree = std::sync::Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
                let stamp =
                    crate::session::TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
                let again = serde_json::to_string(&session).unwrap();
                prop_assert_eq!(parse("again", again.as_bytes()).ok(), Some(session.clone()));
                let resumed = session.reconcile(tree, stamp);
                prop_assert!(resumed.interview.path().len() <= session.answers.len());
            }
            Err(e) => prop_assert!(e.to_string().contains("fuzz.json"), "{}", e),
        }
        Ok(())
    }

    use proptest::prelude::*;
    use proptest::test_runner::TestCaseError;

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            read_and_resume(&bytes)?;
        }

        #[test]
        fn damaged_sessions_never_panic(
            cut in 0.0f64..1.0,
            at in 0.0f64..1.0,
            with in "[ -~]{0,12}",
            how in 0u8..3,
        ) {
            let text = saved_session();
            let i = (text.len() as f64 * at) as usize;
            let damaged = match how {
                0 => text[..(text.len() as f64 * cut) as usize].to_string(),
                1 => format!("{}{with}{}", &text[..i], &text[(i + with.len()).min(text.len())..]),
                _ => format!("{}{with}{}", &text[..i], &text[i..]),
            };
            read_and_resume(damaged.as_bytes())?;
        }
    }
}
