//! Looking after saved sessions: deleting one, giving one a memorable id, and copying one into
//! a new session with the same answers and notes, to explore a what-if without touching the
//! record. Each works on the files themselves (the summary index, where there is one, sees the
//! change at the next listing) and never on a session another techhire has open.

use std::path::{Path, PathBuf};

use super::model::new_id;
use super::{SessionError, SessionFile, Store, Timestamp, is_valid_id, read_path};

impl Store {
    /// Deletes the session at `path`, unless another techhire has it open. Only a readable
    /// session is deleted, so a mistyped path never removes some other file.
    pub fn delete(&self, path: &Path) -> Result<(), SessionError> {
        SessionFile::open(path)?.discard()
    }

    /// Gives the session at `path` the id `new_id`, saved as `<new_id>.json` in the same
    /// folder, and returns the new path. The id must be free and safe as a file name.
    pub fn rename(&self, path: &Path, new_id: &str) -> Result<PathBuf, SessionError> {
        if !is_valid_id(new_id) {
            return Err(SessionError::BadId {
                id: crate::text::terminal_safe(new_id).into_owned(),
            });
        }
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        let target = folder.map_or_else(
            || PathBuf::from(format!("{new_id}.json")),
            |f| f.join(format!("{new_id}.json")),
        );
        let old = SessionFile::open(path)?;
        let mut session = old.session().clone();
        session.id = new_id.to_string();
        // The new file first: should anything stop us between the two, the session is in
        // both files, never in neither.
        let new = SessionFile::create_at(&target, session)?;
        old.discard()?;
        Ok(new.path().to_path_buf())
    }

    /// A new session in this folder with the answers, notes, names and result of the one at
    /// `path` (which is only read), under a fresh id; `client` names the copy's client instead.
    pub fn copy(&self, path: &Path, client: Option<&str>) -> Result<SessionFile, SessionError> {
        let mut session = read_path(path)?;
        let now = Timestamp::now();
        session.id = new_id();
        session.created = now;
        session.updated = now;
        if let Some(client) = client {
            session.client = Some(client.trim().to_string()).filter(|c| !c.is_empty());
        }
        self.create(session)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::sync::Arc;

    use super::*;
    use crate::session::{Session, TreeStamp};
    use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
    use crate::{Interview, Tree};

    fn saved(store: &Store) -> (PathBuf, Arc<Tree>) {
        let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
        let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
        let mut interview = Interview::new(tree.clone());
        interview.answer(0).unwrap();
        let mut session = Session::new(stamp, Some("Acme".into()), None, &interview);
        session.set_note("looking_for", "they run SAP", true, Timestamp::now());
        let file = store.create(session).unwrap();
        (file.path().to_path_buf(), tree)
    }

    #[test]
    fn a_copy_is_a_new_session_with_the_same_answers_and_notes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let (path, _) = saved(&store);
        let before = fs::read(&path).unwrap();
        let copy = store.copy(&path, Some("Acme (what if)")).unwrap();
        let original = read_path(&path).unwrap();
        assert_ne!(copy.session().id, original.id);
        assert_eq!(copy.session().answers, original.answers);
        assert_eq!(copy.session().notes, original.notes);
        assert_eq!(copy.session().client.as_deref(), Some("Acme (what if)"));
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "the original is only read"
        );
    }

    #[test]
    fn rename_moves_the_session_to_its_new_id_and_refuses_a_taken_or_unsafe_one() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let (path, _) = saved(&store);
        let (other, _) = saved(&store);
        let renamed = store.rename(&path, "acme-2026").unwrap();
        assert_eq!(renamed, dir.path().join("acme-2026.json"));
        assert!(!path.exists());
        assert_eq!(read_path(&renamed).unwrap().id, "acme-2026");

        let taken = store.rename(&other, "acme-2026").unwrap_err().to_string();
        assert!(taken.contains("already exists"), "{taken}");
        assert!(other.exists());
        let unsafe_id = store.rename(&other, "../x").unwrap_err().to_string();
        assert!(unsafe_id.contains("cannot be a session id"), "{unsafe_id}");
    }

    #[test]
    fn an_open_session_is_neither_deleted_nor_renamed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let (path, _) = saved(&store);
        let open = SessionFile::open(&path).unwrap();
        let error = store.delete(&path).unwrap_err().to_string();
        assert!(error.contains("open in another techhire"), "{error}");
        let error = store.rename(&path, "x").unwrap_err().to_string();
        assert!(error.contains("open in another techhire"), "{error}");
        drop(open);
        store.delete(&path).unwrap();
        assert!(!path.exists());
    }
}
