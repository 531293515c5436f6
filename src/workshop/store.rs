//! A workshop whose answers were given elsewhere (answers files, `workshop run --save`) kept in
//! a sessions folder: one ordinary session per person with the facts and their views, and the
//! workshop file beside them, revealed, since everyone has finished. Each person's session
//! then resumes and reports like any other.

use std::path::PathBuf;
use std::sync::Arc;

use super::WorkshopError;
use super::combine::Person;
use super::facts::Facts;
use super::file::create;
use super::join::{JoinError, status_of};
use super::model::{ChangeError, Workshop};
use crate::session::{SessionError, Store, Timestamp, TreeStamp};
use crate::tree::Tree;

/// Why a workshop could not be kept.
#[derive(Debug, thiserror::Error)]
pub enum KeepError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Workshop(#[from] WorkshopError),
    #[error(transparent)]
    Change(#[from] ChangeError),
    #[error(transparent)]
    Join(#[from] JoinError),
}

/// Saves finished answers as a workshop in `store`: a session per person (under a fresh id if
/// the one the workshop chose is taken) and the workshop file, `<id>.workshop.json`. Returns
/// the workshop and where its file is.
pub fn keep(
    store: &Store,
    tree: &Arc<Tree>,
    stamp: TreeStamp,
    client: Option<String>,
    facts: &Facts,
    people: &[Person],
) -> Result<(Workshop, PathBuf), KeepError> {
    let now = Timestamp::now();
    let mut workshop = Workshop::with_facts(tree, stamp.clone(), client, None, facts)?;
    for person in people {
        let respondent = workshop
            .add_respondent(&person.name, person.role.as_deref(), now)?
            .clone();
        let mut session = workshop.session_for(&respondent, tree, stamp.clone())?;
        session.record(&person.interview, now);
        let status = status_of(tree, &session);
        let saved = store.create(session)?;
        let id = saved.session().id.clone();
        workshop.set_status(&respondent.session, status, now);
        if let Some(r) = workshop
            .respondents
            .iter_mut()
            .find(|r| r.session == respondent.session)
        {
            r.session = id;
        }
    }
    workshop.reveal(now);
    // Another workshop may have the id: take another, as sessions do.
    for _ in 0..100 {
        let path = workshop.path_in(store.folder());
        match create(&path, &workshop) {
            Ok(()) => return Ok((workshop, path)),
            Err(WorkshopError::AlreadyExists { .. }) => workshop.id = crate::session::new_id(),
            Err(e) => return Err(e.into()),
        }
    }
    Err(WorkshopError::Create {
        file: store.folder().display().to_string(),
        why: "no free workshop id was found in 100 tries".into(),
    }
    .into())
}
