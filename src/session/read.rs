//! Reading a session file as untrusted input: the size is checked before reading, and a file
//! that is empty, truncated, not JSON, another program's JSON, a question tree, or from a newer
//! techhire gets an error saying which of these it is (the shared reader, `files::json`).
//! Reading never changes the file.

use std::path::Path;

use super::model::{FORMAT, VERSION, is_valid_id};
use super::{Session, SessionError};
use crate::files::ReadError;
use crate::files::json::{self, DocumentError, Kind, shorten};

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
        ReadError::NotAFile("a folder") => DocumentError::foreign(
            &file_name,
            KIND,
            "it is a folder, not a session file".into(),
        )
        .into(),
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

/// Which document a session file holds, for the shared JSON reader.
pub(crate) const KIND: Kind = Kind {
    format: FORMAT,
    noun: "session",
    version: VERSION,
};

/// Checks and parses a session's bytes; `file` names it in errors.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Session, SessionError> {
    let session: Session = json::parse(file, KIND, bytes)?;
    check_content(file, &session)?;
    Ok(session)
}

/// What serde cannot check: a safe id, and each question answered at most once.
fn check_content(file: &str, session: &Session) -> Result<(), SessionError> {
    let invalid = |detail: String| DocumentError::invalid(file, KIND, detail);
    if !is_valid_id(&session.id) {
        return Err(invalid(format!(
            "the id `{}` is not 1 to 64 letters, digits, `-` or `_`",
            shorten(&session.id)
        ))
        .into());
    }
    let mut seen = std::collections::HashSet::new();
    for answer in &session.answers {
        if !seen.insert(answer.question.as_str()) {
            return Err(invalid(format!(
                "question `{}` is answered twice",
                shorten(&answer.question)
            ))
            .into());
        }
    }
    Ok(())
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
