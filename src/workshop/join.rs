//! Respondents' sessions checked against their workshop and combined once revealed. A session
//! joins only if it is a respondent's, on the workshop's tree edition, with the workshop's
//! facts; the answers are combined only after the reveal, and after an early reveal only those
//! who had finished are in, the others named.

use std::path::Path;
use std::sync::Arc;

use super::combine::{CombineError, Combined, Person};
use super::model::{Respondent, Status, Workshop};
use crate::files::json::shorten;
use crate::interview::Interview;
use crate::session::{Session, SessionError, read_path};
use crate::tree::Tree;

/// Why a session cannot join its workshop, or the answers cannot be combined yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    #[error("session `{session}` is no respondent's in this workshop; invite them first")]
    Stranger { session: String },
    #[error(
        "{name}'s session was answered on another edition of the question tree ({session_tree}, \
         the workshop's is {workshop_tree}); their answers cannot be compared with the others'. \
         Invite them again on this edition"
    )]
    OtherTree {
        name: String,
        session_tree: String,
        workshop_tree: String,
    },
    #[error(
        "{name}'s session answers the fact `{question}` as `{theirs}`, and the workshop's facts \
         say `{ours}`; facts are answered once for everyone, so settle it and invite them again"
    )]
    OtherFacts {
        name: String,
        question: String,
        theirs: String,
        ours: String,
    },
    #[error(
        "the answers are hidden until everyone has finished ({finished} of {respondents} so \
         far), or until you reveal them early"
    )]
    Hidden { finished: usize, respondents: usize },
    #[error("{0}")]
    Combine(#[from] CombineError),
}

/// The combined result of a revealed workshop, and the respondents left out of it.
#[derive(Debug, Clone)]
pub struct Revealed<'w> {
    pub combined: Combined,
    /// Those who had not finished when the answers were revealed early.
    pub left_out: Vec<&'w Respondent>,
}

impl Workshop {
    /// Checks a respondent's session before it joins: theirs, on this tree edition, and with
    /// this workshop's answer to every fact it answers (a fact the workshop has not answered
    /// may not be answered either). Returns the respondent.
    pub fn check_session(&self, session: &Session) -> Result<&Respondent, JoinError> {
        let respondent = self
            .respondents
            .iter()
            .find(|r| r.session == session.id)
            .ok_or_else(|| JoinError::Stranger {
                session: session.id.clone(),
            })?;
        if session.tree.sha256 != self.tree.sha256 {
            let edition = |t: &crate::session::TreeStamp| {
                let start: String = t.sha256.chars().take(12).collect();
                shorten(&format!("{} {}, {start}", t.title, t.version))
            };
            return Err(JoinError::OtherTree {
                name: shorten(&respondent.name),
                session_tree: edition(&session.tree),
                workshop_tree: edition(&self.tree),
            });
        }
        Ok(respondent)
    }

    /// [`Workshop::check_session`], then the facts: every fact the session answers must be
    /// answered as the workshop answers it.
    pub fn check_facts_of(&self, tree: &Tree, session: &Session) -> Result<(), JoinError> {
        let respondent = self.check_session(session)?;
        for answer in &session.answers {
            let Some(q) = tree.question_index(&answer.question) else {
                continue;
            };
            if !tree.is_fact(q) {
                continue;
            }
            let ours = self.facts.iter().find(|f| f.question == answer.question);
            if ours.map(|f| &f.choice) != Some(&answer.choice) {
                return Err(JoinError::OtherFacts {
                    name: shorten(&respondent.name),
                    question: answer.question.clone(),
                    theirs: shorten(&answer.choice),
                    ours: ours.map_or_else(|| "nothing yet".to_string(), |f| shorten(&f.choice)),
                });
            }
        }
        Ok(())
    }

    /// Combines the respondents' sessions once the answers are revealed: everyone when revealed
    /// as planned, those who had finished after an early reveal. `sessions` may come in any
    /// order; each is checked first.
    pub fn combine(
        &self,
        tree: &Arc<Tree>,
        sessions: &[Session],
    ) -> Result<Revealed<'_>, JoinError> {
        self.combine_as(tree, sessions, false)
    }

    /// [`Workshop::combine`], with people named "Leader A", "Leader B"... when `anonymous`
    /// (see [`Combined::anonymous`]).
    pub fn combine_as(
        &self,
        tree: &Arc<Tree>,
        sessions: &[Session],
        anonymous: bool,
    ) -> Result<Revealed<'_>, JoinError> {
        if !self.is_revealed() {
            return Err(self.hidden());
        }
        let mut people = Vec::new();
        let mut left_out = Vec::new();
        for respondent in &self.respondents {
            let session = sessions.iter().find(|s| s.id == respondent.session);
            let interview = match session {
                Some(session) => {
                    self.check_facts_of(tree, session)?;
                    Some(interview_of(tree, session))
                }
                None => None,
            };
            match interview.filter(Interview::is_finished) {
                Some(interview) => people.push(Person {
                    name: respondent.name.clone(),
                    role: respondent.role.clone(),
                    interview,
                }),
                None => left_out.push(respondent),
            }
        }
        let combined = match anonymous {
            true => Combined::anonymous(tree, people)?,
            false => Combined::new(tree, people)?,
        };
        Ok(Revealed { combined, left_out })
    }
}

impl Workshop {
    /// Reads each respondent's session from `folder` (`<session>.json`): those that read, and
    /// why the others could not be (a respondent whose file is missing has not been invited
    /// into this folder, or has not sent it back yet).
    pub fn sessions_in(&self, folder: &Path) -> (Vec<Session>, Vec<SessionError>) {
        let (mut read, mut unreadable) = (Vec::new(), Vec::new());
        for r in &self.respondents {
            match read_path(&folder.join(format!("{}.json", r.session))) {
                Ok(session) => read.push(session),
                Err(e) => unreadable.push(e),
            }
        }
        (read, unreadable)
    }
}

/// How far a session has got, for [`Workshop::set_status`]: finished with a result, answering
/// once it holds any answer beyond the facts, invited before.
pub fn status_of(tree: &Tree, session: &Session) -> Status {
    if session.result.is_some() {
        return Status::Finished;
    }
    let answered_a_view = session.answers.iter().any(|a| {
        tree.question_index(&a.question)
            .is_some_and(|q| !tree.is_fact(q))
    });
    if answered_a_view {
        Status::Answering
    } else {
        Status::Invited
    }
}

/// A session's interview on `tree` (checked to be the edition it was answered on).
fn interview_of(tree: &Arc<Tree>, session: &Session) -> Interview {
    let mut session = session.clone();
    let stamp = session.tree.clone();
    session.reconcile(Arc::clone(tree), stamp).interview
}
