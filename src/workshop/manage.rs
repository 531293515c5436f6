//! A workshop run over several machines: set up with its facts, each respondent invited with a
//! session of their own (the facts filled in), and each answered session joined when it comes
//! back, checked first. The answers are revealed when the last respondent's session joins
//! finished, or earlier when the consultant says so.

use std::path::Path;
use std::sync::Arc;

use super::facts::Facts;
use super::join::{JoinError, status_of};
use super::model::{ChangeError, Respondent, Status, Workshop};
use super::store::KeepError;
use crate::session::{Session, SessionFile, Timestamp, TreeStamp};
use crate::tree::Tree;

impl Workshop {
    /// A new workshop on the tree `stamp` describes, with these facts.
    pub fn with_facts(
        tree: &Tree,
        stamp: TreeStamp,
        client: Option<String>,
        consultant: Option<String>,
        facts: &Facts,
    ) -> Result<Workshop, ChangeError> {
        let now = Timestamp::now();
        let mut workshop = Workshop::new(stamp, client, consultant);
        for step in facts.steps() {
            let q = tree.question(step.question);
            workshop.set_fact(tree, &q.id, &q.choices[step.choice].id, now)?;
        }
        Ok(workshop)
    }

    /// Invites a respondent: adds them and writes their session, with the facts filled in, as
    /// `<session>.json` in `folder`. Returns them.
    pub fn invite(
        &mut self,
        tree: &Arc<Tree>,
        stamp: TreeStamp,
        folder: &Path,
        name: &str,
        role: Option<&str>,
    ) -> Result<Respondent, KeepError> {
        if self.is_revealed() {
            return Err(ChangeError::Revealed.into());
        }
        let respondent = self.add_respondent(name, role, Timestamp::now())?.clone();
        let session = self.session_for(&respondent, tree, stamp)?;
        let path = folder.join(format!("{}.json", respondent.session));
        if let Err(e) = SessionFile::create_at(&path, session) {
            self.respondents.pop();
            return Err(e.into());
        }
        Ok(respondent)
    }

    /// Joins a respondent's answered session: checked (theirs, on this tree edition, with
    /// these facts), then saved as their session in `folder` in place of the one they were
    /// invited with, locked while it is written. The answers are revealed once everyone has
    /// finished. Returns how far they had got.
    pub fn join(
        &mut self,
        tree: &Tree,
        folder: &Path,
        session: Session,
    ) -> Result<Status, KeepError> {
        self.check_facts_of(tree, &session)?;
        let status = status_of(tree, &session);
        let path = folder.join(format!("{}.json", session.id));
        let id = session.id.clone();
        if path.exists() {
            let mut file = SessionFile::open(&path)?;
            *file.session_mut() = session;
            file.save()?;
        } else {
            SessionFile::create_at(&path, session)?;
        }
        let now = Timestamp::now();
        self.set_status(&id, status, now);
        if self.all_finished() {
            self.reveal(now);
        }
        Ok(status)
    }

    /// Brings each respondent's status up to date from their current session in `folder`, as
    /// `join` would record it: for sessions answered right here with `resume` rather than
    /// sent back and joined. A session that cannot be read keeps its status. Returns whether
    /// any changed (save the workshop then).
    pub fn refresh_statuses(&mut self, folder: &Path) -> bool {
        let facts: Vec<&str> = self.facts.iter().map(|f| f.question.as_str()).collect();
        let mut changed = Vec::new();
        for r in &self.respondents {
            let Ok(session) =
                crate::session::read_path(&folder.join(format!("{}.json", r.session)))
            else {
                continue;
            };
            if session.id != r.session || self.check_session(&session).is_err() {
                continue;
            }
            // The workshop's facts are the only facts a respondent's session holds.
            let status = if session.result.is_some() {
                Status::Finished
            } else if session
                .answers
                .iter()
                .any(|a| !facts.contains(&a.question.as_str()))
            {
                Status::Answering
            } else {
                Status::Invited
            };
            if status != r.status {
                changed.push((r.session.clone(), status));
            }
        }
        let now = Timestamp::now();
        for (session, status) in &changed {
            self.set_status(session, *status, now);
        }
        !changed.is_empty()
    }

    /// Reveals the answers: when everyone has finished, or, with `early`, before, recording
    /// who had not. Without `early`, says who is still to finish.
    pub fn reveal_now(&mut self, early: bool) -> Result<(), JoinError> {
        if !self.all_finished() && !early {
            return Err(self.hidden());
        }
        self.reveal(Timestamp::now());
        Ok(())
    }

    /// The refusal while the answers are hidden, counting who has finished.
    pub(crate) fn hidden(&self) -> JoinError {
        JoinError::Hidden {
            finished: self
                .respondents
                .iter()
                .filter(|r| r.status == Status::Finished)
                .count(),
            respondents: self.respondents.len(),
        }
    }
}
