//! Saving after every change the way a front end needs it: a failed save is reported once, the
//! interview carries on with every change kept in memory, and the next change (or a last try
//! at the end) writes them all.

use std::path::Path;

use super::{PreparedSave, Session, SessionError, SessionFile, Timestamp};
use crate::Interview;

/// An open session that is saved after every change and remembers whether its last save failed.
#[derive(Debug)]
pub struct Autosave {
    file: SessionFile,
    failure: Option<SessionError>,
}

/// What a save means for the person at the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Saved, like the save before: nothing to say.
    Quietly,
    /// Saved after one or more failed saves: worth saying that everything is safe again.
    Again,
    /// This save failed and the one before it did not: say so, once. The message names the
    /// file and what to do.
    Failed(String),
    /// Failed again; already said.
    StillFailing,
}

impl Autosave {
    pub fn new(file: SessionFile) -> Autosave {
        Autosave {
            file,
            failure: None,
        }
    }

    pub fn session(&self) -> &Session {
        self.file.session()
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Why the last save failed, when it did: at the end, a front end says the session could
    /// not be written and exits non-zero.
    pub fn failure(&self) -> Option<&SessionError> {
        self.failure.as_ref()
    }

    /// Records the interview as it stands and saves: after every answer.
    pub fn record(&mut self, interview: &Interview) -> Saved {
        let result = self.file.record(interview);
        self.settle(result)
    }

    /// Sets a question's note, for the client or private (blank text removes it), and saves.
    pub fn set_note(&mut self, question: &str, text: &str, private: bool) -> Saved {
        let result = self.file.set_note(question, text, private);
        self.settle(result)
    }

    /// Sets the note on the interview as a whole (blank text removes it) and saves.
    pub fn set_interview_note(&mut self, text: &str, private: bool) -> Saved {
        let result = self.file.set_interview_note(text, private);
        self.settle(result)
    }

    /// The save that would set a question's note, prepared but not written (see
    /// [`SessionFile::prepare_note`]).
    pub fn prepare_note(&self, question: Option<&str>, text: &str, private: bool) -> PreparedSave {
        self.file.prepare_note(question, text, private)
    }

    /// Sets the client's and the consultant's names (blank: not given) and saves; `None`
    /// leaves a name as it is.
    pub fn set_names(&mut self, client: Option<&str>, consultant: Option<&str>) -> Saved {
        let session = self.file.session_mut();
        let given = |name: &str| Some(name.trim().to_string()).filter(|n| !n.is_empty());
        if let Some(client) = client {
            session.client = given(client);
        }
        if let Some(consultant) = consultant {
            session.consultant = given(consultant);
        }
        session.updated = Timestamp::now();
        let result = self.file.save();
        self.settle(result)
    }

    /// Writes the file of a new session made to be written later ([`SessionFile::write_new`]);
    /// a failure is reported as a failed save, and the next save tries again.
    pub fn write_new(&mut self) -> Saved {
        let result = self.file.write_new();
        self.settle(result)
    }

    /// Saves again if the last save failed; says nothing otherwise.
    pub fn retry(&mut self) -> Saved {
        if self.failure.is_none() {
            return Saved::Quietly;
        }
        let result = self.file.save();
        self.settle(result)
    }

    /// True when nothing was given yet: no answer, note or name. Such a session is not worth
    /// keeping when its interview is left at once.
    pub fn is_blank(&self) -> bool {
        self.session().is_blank()
    }

    /// Kept in memory only (`--no-save`): nothing is written.
    pub fn is_in_memory(&self) -> bool {
        self.file.is_in_memory()
    }

    /// See [`SessionFile::removal`].
    pub fn removal(&self, discard: bool) -> super::Removal {
        self.file.removal(discard)
    }

    /// The open session file, for what this type does not cover.
    pub fn into_file(self) -> SessionFile {
        self.file
    }

    fn settle(&mut self, result: Result<(), SessionError>) -> Saved {
        match (result, self.failure.is_some()) {
            (Ok(()), false) => Saved::Quietly,
            (Ok(()), true) => {
                self.failure = None;
                Saved::Again
            }
            (Err(e), was_failing) => {
                let message = e.to_string();
                self.failure = Some(e);
                if was_failing {
                    Saved::StillFailing
                } else {
                    Saved::Failed(message)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::sync::Arc;

    use super::*;
    use crate::session::{TreeStamp, read_path};
    use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

    /// A new session on the built-in tree, and its interview.
    fn blank() -> (Session, Interview) {
        let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
        let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
        let interview = Interview::new(tree);
        (Session::new(stamp, None, None, &interview), interview)
    }

    fn start(path: &Path) -> (Autosave, Interview) {
        let (session, interview) = blank();
        let file = SessionFile::create_at(path, session).unwrap();
        (Autosave::new(file), interview)
    }

    #[test]
    fn a_failed_save_is_reported_once_and_the_next_one_writes_everything() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("client");
        let path = folder.join("s.json");
        let (mut save, mut interview) = start(&path);
        interview.answer(0).unwrap();
        assert_eq!(save.record(&interview), Saved::Quietly);

        // The folder disappears (an unplugged drive, a network share gone away).
        fs::remove_dir_all(&folder).unwrap();
        interview.answer(0).unwrap();
        let Saved::Failed(message) = save.record(&interview) else {
            panic!("the first failure is reported");
        };
        assert!(message.contains("s.json"), "{message}");
        assert!(save.failure().is_some());
        assert_eq!(
            save.set_note("focus", "board wants AI", false),
            Saved::StillFailing
        );
        assert_eq!(save.retry(), Saved::StillFailing);

        fs::create_dir_all(&folder).unwrap();
        assert_eq!(save.retry(), Saved::Again);
        assert!(save.failure().is_none());
        assert_eq!(save.retry(), Saved::Quietly);
        let saved = read_path(&path).unwrap();
        assert_eq!(
            saved.answers.len(),
            2,
            "both answers, one given while failing"
        );
        assert_eq!(saved.note("focus"), Some("board wants AI"));
    }

    #[test]
    fn a_new_session_that_cannot_be_written_is_a_failed_save_tried_again_at_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("sessions");
        let (session, mut interview) = blank();
        let file = crate::session::Store::at(&folder)
            .create_later(session)
            .unwrap();
        let mut save = Autosave::new(file);
        // The folder goes, and a file takes its name, before the session is written.
        fs::remove_dir(&folder).unwrap();
        fs::write(&folder, "not a folder").unwrap();
        let Saved::Failed(message) = save.write_new() else {
            panic!("the failure is reported");
        };
        assert!(
            message.contains("could not create the session file"),
            "{message}"
        );
        assert!(message.contains("Nothing was saved"), "{message}");
        interview.answer(0).unwrap();
        assert_eq!(save.record(&interview), Saved::StillFailing);

        fs::remove_file(&folder).unwrap();
        assert_eq!(save.retry(), Saved::Again);
        assert_eq!(read_path(save.path()).unwrap().answers.len(), 1);
    }

    #[test]
    fn names_are_trimmed_blank_is_none_and_none_leaves_a_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let (mut save, _) = start(&path);
        assert!(save.is_blank());
        save.set_names(Some("  Acme Ltd "), Some(""));
        assert_eq!(save.session().client.as_deref(), Some("Acme Ltd"));
        assert_eq!(save.session().consultant, None);
        save.set_names(None, Some("Jo"));
        let saved = read_path(&path).unwrap();
        assert_eq!(saved.client.as_deref(), Some("Acme Ltd"));
        assert_eq!(saved.consultant.as_deref(), Some("Jo"));
        assert!(!save.is_blank());
    }
}
