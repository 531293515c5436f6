//! The session file format. These serde types *are* the format (documented with a full example
//! in `docs/session-format.md`): who the interview is for, which edition of the question tree it
//! ran on, every answer and note with its time, and the result once finished.

use std::collections::BTreeMap;
use std::hash::{BuildHasher as _, Hasher as _};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest as _, Sha256};

use super::Timestamp;
use crate::tree::Loaded;
use crate::{Interview, Tree};

/// The value of every session's `format` field: tells a session apart from other JSON.
pub const FORMAT: &str = "techhire-session";

/// The format version this build writes, and the newest it reads. Version 2 added private
/// notes and the note on the interview as a whole; version 3 the workshop a respondent's
/// session answers in; version 4 the answers offered from a workshop's earlier round. Older
/// files read unchanged (notes for the client, no workshop, nothing offered).
pub const VERSION: u32 = 4;

/// One client's interview, as saved after every change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Always `techhire-session`.
    format: FormatTag,
    /// The format version, [`VERSION`] when written by this build.
    pub(crate) version: u32,
    /// Short, unique and safe in a file name; the default file is `<id>.json`.
    pub id: String,
    /// Who the interview is for, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// Who ran it, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultant: Option<String>,
    pub created: Timestamp,
    /// The last change: an answer, a note, a name.
    pub updated: Timestamp,
    /// The edition of the question tree the answers were given on.
    pub tree: TreeStamp,
    /// Every answer given, those on the interview's path first (in the order asked), then
    /// those kept aside after an earlier answer changed the path.
    pub answers: Vec<Answer>,
    /// Free-text notes by question id. Kept apart from answers so a note typed before
    /// answering, or on a question whose answer later changes, is never lost.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, Note>,
    /// A note on the interview as a whole, written from the review or the result (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview_note: Option<Note>,
    /// How far the interview had got at the last save, so listings need not load the tree.
    pub progress: ProgressSnapshot,
    /// The recommendation, once the interview is finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<SessionResult>,
    /// Answers and notes an earlier edition of the tree accepted and the current one does not:
    /// kept for the record, never put back into the interview.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<super::Dropped>,
    /// The id of the workshop this is a respondent's session in (version 3): its facts were
    /// given by the workshop, once for everyone, so resuming it never asks or changes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workshop: Option<String>,
    /// In a workshop's second or later round, the respondent's answers to the views in the
    /// round before (version 4): each is offered when its question comes (Enter keeps it) and
    /// becomes one of `answers` only when given again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offered: Vec<Answer>,
}

/// Which question tree a session ran on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeStamp {
    /// The tree's `meta.title`.
    pub title: String,
    /// The tree's `meta.version`.
    pub version: String,
    /// SHA-256 of the tree file's bytes, in lowercase hex: any edit changes it.
    pub sha256: String,
    /// Where the tree was loaded from, as it was named (a path, or the built-in tree's name).
    pub file: String,
}

impl TreeStamp {
    /// Stamps a tree; `bytes` are the file it was loaded from, exactly as read.
    pub fn new(tree: &Tree, file: &str, bytes: &[u8]) -> TreeStamp {
        TreeStamp::with_digest(tree, file, &Sha256::digest(bytes).into())
    }

    /// Stamps a loaded tree with the digest the loader took of its text.
    pub fn of(loaded: &Loaded, file: &str) -> TreeStamp {
        TreeStamp::with_digest(&loaded.tree, file, &loaded.sha256)
    }

    fn with_digest(tree: &Tree, file: &str, digest: &[u8; 32]) -> TreeStamp {
        let sha256 = digest.iter().map(|b| format!("{b:02x}")).collect();
        TreeStamp {
            title: tree.meta().title.clone(),
            version: tree.meta().version.clone(),
            sha256,
            file: file.to_string(),
        }
    }
}

/// One answer: which choice, to which question, and when it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The question's `id`.
    pub question: String,
    /// The chosen choice's `id`.
    pub choice: String,
    /// When this choice was given (the latest time, if the answer changed).
    pub at: Timestamp,
}

/// A free-text note on a question or on the interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    /// When it was last edited.
    pub at: Timestamp,
    /// For the consultant only: left out of the client's report, shown in the consultant's
    /// copy (version 2; absent means for the client).
    #[serde(default, skip_serializing_if = "is_false")]
    pub private: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Who a report is for, which decides the notes it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    /// The client's report: private notes are left out.
    #[default]
    Client,
    /// The consultant's copy: every note, private ones marked as such.
    Consultant,
}

/// How a private note reads in the consultant's copy, so it is never taken for the client's.
pub const PRIVATE_LABEL: &str = "Private note: ";

/// Progress at the last save: questions answered on the path, and the fewest and most left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressSnapshot {
    pub answered: usize,
    pub fewest_left: u32,
    pub most_left: u32,
}

/// The recommendation of a finished interview, as it stood at the last save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionResult {
    /// The recommended outcome's `id` (in a tie, the first of the tied outcomes).
    pub outcome: String,
    /// The result's headline, e.g. "Hire a CIO", worded for the client's situation, or for a
    /// tie "Too close to call: Hire a CTO, or Have both a CIO and a CTO".
    pub label: String,
    /// Points per outcome, in the tree's outcome order.
    pub scores: Vec<Score>,
    /// Points between the recommendation and the runner-up.
    pub margin: i64,
    /// The margin was within the tree's close-call margin, or a tie.
    pub close_call: bool,
    /// When the interview reached this result.
    pub finished: Timestamp,
}

/// One outcome's points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub outcome: String,
    pub points: i64,
}

/// The `format` field: writes [`FORMAT`] and refuses anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct FormatTag;

impl Serialize for FormatTag {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(FORMAT)
    }
}

impl<'de> Deserialize<'de> for FormatTag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text == FORMAT {
            Ok(FormatTag)
        } else {
            Err(serde::de::Error::custom(format!(
                "`format` is `{}`, not `{FORMAT}`",
                text.escape_debug()
            )))
        }
    }
}

impl Session {
    /// Holds nothing anyone typed: no answer, note or name, and nothing set aside.
    pub fn is_blank(&self) -> bool {
        self.answers.is_empty()
            && self.notes.is_empty()
            && self.interview_note.is_none()
            && self.dropped.is_empty()
            && self.client.is_none()
            && self.consultant.is_none()
    }

    /// A new session with a fresh id, recording an interview (usually just started) on the
    /// tree `stamp` describes. Blank names count as not given.
    pub fn new(
        stamp: TreeStamp,
        client: Option<String>,
        consultant: Option<String>,
        interview: &Interview,
    ) -> Session {
        let now = Timestamp::now();
        let mut session = Session {
            format: FormatTag,
            version: VERSION,
            id: new_id(),
            client: client.filter(|c| !c.trim().is_empty()),
            consultant: consultant.filter(|c| !c.trim().is_empty()),
            created: now,
            updated: now,
            tree: stamp,
            answers: Vec::new(),
            notes: BTreeMap::new(),
            interview_note: None,
            progress: ProgressSnapshot {
                answered: 0,
                fewest_left: 0,
                most_left: 0,
            },
            result: None,
            dropped: Vec::new(),
            workshop: None,
            offered: Vec::new(),
        };
        session.record(interview, now);
        session
    }

    /// The format version the file was written in.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Marks the session as written by this build: called before every save, so a version 1
    /// file that gains a private note is never written with the old version number.
    pub(crate) fn upgrade(&mut self) {
        self.version = VERSION;
    }

    /// Records the interview as it stands: every answer (keeping the time of those unchanged,
    /// stamping new or changed ones `now`), progress, and the result once finished. Call it
    /// after every change, then save.
    pub fn record(&mut self, interview: &Interview, now: Timestamp) {
        let tree = interview.tree();
        let previous: BTreeMap<(&str, &str), Timestamp> = self
            .answers
            .iter()
            .map(|a| ((a.question.as_str(), a.choice.as_str()), a.at))
            .collect();
        let answers: Vec<Answer> = interview
            .all_answers()
            .iter()
            .map(|step| {
                let question = &tree.question(step.question);
                let choice = &question.choices[step.choice].id;
                Answer {
                    question: question.id.clone(),
                    choice: choice.clone(),
                    at: previous
                        .get(&(question.id.as_str(), choice.as_str()))
                        .copied()
                        .unwrap_or(now),
                }
            })
            .collect();
        self.answers = answers;
        self.snapshot(interview, now);
        self.updated = now;
    }

    /// Refreshes progress and result from the interview; a result keeps its `finished` time
    /// while it stays the same.
    pub(crate) fn snapshot(&mut self, interview: &Interview, now: Timestamp) {
        let progress = interview.progress();
        self.progress = ProgressSnapshot {
            answered: progress.answered,
            fewest_left: progress.fewest_left,
            most_left: progress.most_left,
        };
        let tree = interview.tree();
        let result = interview.result().map(|r| {
            let outcome = tree.outcome(r.outcome);
            SessionResult {
                outcome: outcome.id.clone(),
                label: r.headline(tree),
                scores: tree
                    .outcomes()
                    .iter()
                    .zip(&r.scores)
                    .map(|(o, &points)| Score {
                        outcome: o.id.clone(),
                        points,
                    })
                    .collect(),
                margin: r.margin,
                close_call: r.close_call,
                finished: now,
            }
        });
        self.result = match (self.result.take(), result) {
            (Some(old), Some(new)) => Some(SessionResult {
                // Unchanged since last time: keep when it was first reached.
                finished: if (&old.outcome, &old.scores) == (&new.outcome, &new.scores) {
                    old.finished
                } else {
                    new.finished
                },
                ..new
            }),
            (_, new) => new,
        };
    }

    /// Sets the note on a question, for the client or private; blank text removes it.
    pub fn set_note(&mut self, question: &str, text: &str, private: bool, now: Timestamp) {
        match written(text, private, now) {
            Some(note) => self.notes.insert(question.to_string(), note),
            None => self.notes.remove(question),
        };
        self.updated = now;
    }

    /// Sets the note on the interview as a whole; blank text removes it.
    pub fn set_interview_note(&mut self, text: &str, private: bool, now: Timestamp) {
        self.interview_note = written(text, private, now);
        self.updated = now;
    }

    /// The note on a question, if any.
    pub fn note(&self, question: &str) -> Option<&str> {
        self.notes.get(question).map(|n| n.text.as_str())
    }

    /// Whether the note on a question is private (false when there is none).
    pub fn note_is_private(&self, question: &str) -> bool {
        self.notes.get(question).is_some_and(|n| n.private)
    }

    /// Every note as plain text by question id, private or not: what the consultant sees on
    /// screen.
    pub fn note_texts(&self) -> BTreeMap<String, String> {
        self.notes
            .iter()
            .map(|(q, n)| (q.clone(), n.text.clone()))
            .collect()
    }

    /// The notes on questions a report for `copy` shows, by question id: the client's copy
    /// leaves private notes out; the consultant's copy marks them with [`PRIVATE_LABEL`].
    pub fn report_notes(&self, copy: Audience) -> BTreeMap<String, String> {
        self.notes
            .iter()
            .filter_map(|(q, n)| Some((q.clone(), for_copy(n, copy)?)))
            .collect()
    }

    /// The note on the interview as a whole as a report for `copy` shows it, if any.
    pub fn report_interview_note(&self, copy: Audience) -> Option<String> {
        self.interview_note.as_ref().and_then(|n| for_copy(n, copy))
    }

    /// Whether any note is private, so a front end can offer the consultant's copy.
    pub fn has_private_notes(&self) -> bool {
        self.notes
            .values()
            .chain(&self.interview_note)
            .any(|n| n.private)
    }
}

/// A note as typed, or none for blank text.
fn written(text: &str, private: bool, now: Timestamp) -> Option<Note> {
    (!text.trim().is_empty()).then(|| Note {
        text: text.to_string(),
        at: now,
        private,
    })
}

/// A note's text as a report for `copy` shows it, or none when that copy leaves it out.
fn for_copy(note: &Note, copy: Audience) -> Option<String> {
    match (note.private, copy) {
        (false, _) => Some(note.text.clone()),
        (true, Audience::Client) => None,
        (true, Audience::Consultant) => Some(format!("{PRIVATE_LABEL}{}", note.text)),
    }
}

/// Letters and digits that cannot be mistaken for one another when read aloud or typed.
const ID_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// Length of a fresh id: 31^6, about 887 million, so a clash in one folder is rare, and
/// the store checks for one anyway.
const ID_LENGTH: usize = 6;

/// A fresh random session id, e.g. `k3f9x2`.
pub(crate) fn new_id() -> String {
    // std's RandomState is seeded from the operating system's randomness once per process and
    // varies per instance, which is all an id needs; the time and process id add uniqueness
    // across processes.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    hasher.write_u32(std::process::id());
    let mut bits = hasher.finish();
    (0..ID_LENGTH)
        .map(|_| {
            let c = ID_ALPHABET[(bits % ID_ALPHABET.len() as u64) as usize];
            bits /= ID_ALPHABET.len() as u64;
            char::from(c)
        })
        .collect()
}

/// True for ids that are safe as a file name on every system: 1 to 64 ASCII letters, digits,
/// `-` and `_`, not starting with `-`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

    fn tree() -> Arc<Tree> {
        Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree)
    }

    fn stamp(tree: &Tree) -> TreeStamp {
        TreeStamp::new(tree, EMBEDDED_NAME, EMBEDDED.as_bytes())
    }

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn ids_are_short_distinct_and_file_safe() {
        let ids: std::collections::BTreeSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| id.len() == 6 && is_valid_id(id)));
    }

    #[test]
    fn unsafe_ids_are_refused() {
        for bad in [
            "",
            "../x",
            "a/b",
            "a b",
            "-rf",
            "con.json",
            "é",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_stamp_hashes_the_file_bytes() {
        let tree = tree();
        let a = stamp(&tree);
        assert_eq!(a.sha256.len(), 64);
        assert_eq!(a.title, "Which technology leader should you hire?");
        let b = TreeStamp::new(&tree, EMBEDDED_NAME, format!("{EMBEDDED} ").as_bytes());
        assert_ne!(a.sha256, b.sha256);
        // The well-known SHA-256 of the empty input.
        assert_eq!(
            TreeStamp::new(&tree, "", b"").sha256,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn record_keeps_the_time_of_unchanged_answers() {
        let tree = tree();
        let mut interview = Interview::new(tree.clone());
        let mut session = Session::new(stamp(&tree), Some("Acme".into()), None, &interview);
        assert_eq!(session.progress.answered, 0);
        assert_eq!(
            (session.progress.fewest_left, session.progress.most_left),
            (8, 13)
        );
        interview.answer(0).unwrap();
        session.record(&interview, at("2026-01-01T10:00:00Z"));
        interview.answer(0).unwrap();
        session.record(&interview, at("2026-01-01T10:05:00Z"));
        let times: Vec<String> = session.answers.iter().map(|a| a.at.to_string()).collect();
        assert_eq!(times, ["2026-01-01T10:00:00Z", "2026-01-01T10:05:00Z"]);
        assert_eq!(session.progress.answered, 2);
        assert_eq!(session.updated, at("2026-01-01T10:05:00Z"));
        assert!(session.result.is_none());
    }

    #[test]
    fn a_finished_interview_records_its_result_once() {
        let tree = tree();
        let mut interview = Interview::new(tree.clone());
        let mut session = Session::new(stamp(&tree), None, None, &interview);
        while !interview.is_finished() {
            interview.answer(0).unwrap();
        }
        session.record(&interview, at("2026-01-01T10:00:00Z"));
        let result = session.result.clone().unwrap();
        assert_eq!(result.outcome, "cio");
        assert_eq!(result.scores.len(), 4);
        assert_eq!(result.finished, at("2026-01-01T10:00:00Z"));
        // Recording the same result later keeps when it was reached.
        session.set_note(
            "looking_for",
            "they run SAP",
            false,
            at("2026-01-01T11:00:00Z"),
        );
        session.record(&interview, at("2026-01-01T11:00:00Z"));
        assert_eq!(session.result.unwrap().finished, at("2026-01-01T10:00:00Z"));
    }

    #[test]
    fn blank_notes_are_removed() {
        let tree = tree();
        let mut session = Session::new(stamp(&tree), None, None, &Interview::new(tree.clone()));
        session.set_note("focus", "first meeting", false, Timestamp::now());
        assert_eq!(session.note("focus"), Some("first meeting"));
        session.set_note("focus", "  \n", false, Timestamp::now());
        assert_eq!(session.note("focus"), None);
        session.set_interview_note("good call", true, Timestamp::now());
        session.set_interview_note(" ", true, Timestamp::now());
        assert_eq!(session.interview_note, None);
    }

    #[test]
    fn private_notes_stay_out_of_the_clients_copy_and_are_marked_in_the_consultants() {
        let tree = tree();
        let mut session = Session::new(stamp(&tree), None, None, &Interview::new(tree.clone()));
        let now = at("2026-01-01T10:00:00Z");
        session.set_note("focus", "customers first", false, now);
        session.set_note("size", "CFO disagrees", true, now);
        session.set_interview_note("check with the board chair", true, now);
        assert!(session.has_private_notes());
        assert!(session.note_is_private("size"));
        assert!(!session.note_is_private("focus"));

        let client = session.report_notes(Audience::Client);
        assert_eq!(client.len(), 1);
        assert_eq!(client["focus"], "customers first");
        assert_eq!(session.report_interview_note(Audience::Client), None);

        let consultant = session.report_notes(Audience::Consultant);
        assert_eq!(consultant["focus"], "customers first");
        assert_eq!(consultant["size"], "Private note: CFO disagrees");
        assert_eq!(
            session
                .report_interview_note(Audience::Consultant)
                .as_deref(),
            Some("Private note: check with the board chair")
        );
    }
}
