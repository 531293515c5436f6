//! Rounds after the first, the Delphi way, and the interview the room agrees together. Once a
//! round's answers are revealed, a new round gives each respondent a new session, the facts
//! filled in and their views from the round before offered to keep or change, and hides the
//! answers again until everyone has finished it; every earlier session and reveal stays on
//! record. After any reveal the room may instead answer one interview together: its result is
//! the agreed recommendation, and it changes nobody's own.

use std::path::Path;
use std::sync::Arc;

use super::model::{Agreed, ChangeError, PastRound, Respondent, Reveal, Status, Workshop};
use super::store::KeepError;
use crate::session::{Answer, Session, SessionError, SessionFile, Timestamp, TreeStamp, read_path};
use crate::tree::Tree;

impl Workshop {
    /// The current round, counting from 1.
    pub fn round(&self) -> u32 {
        u32::try_from(self.rounds.len()).map_or(u32::MAX, |n| n.saturating_add(1))
    }

    /// Every session id the workshop names: each respondent's in every round, and the agreed
    /// interview's. A session among them is the workshop's, listed and gated with it.
    pub fn session_ids(&self) -> impl Iterator<Item = &str> {
        self.respondents
            .iter()
            .flat_map(|r| r.earlier.iter().chain(std::iter::once(&r.session)))
            .chain(self.agreed.iter().map(|a| &a.session))
            .map(String::as_str)
    }

    /// Whether a session's answers must stay hidden from everyone else: a respondent's in the
    /// current round, before its reveal. Earlier rounds were revealed before they ended, and
    /// the agreed interview is the room's.
    pub fn hides(&self, session: &str) -> bool {
        !self.is_revealed() && self.respondents.iter().any(|r| r.session == session)
    }

    /// Why a new round, or the agreed interview, cannot start now.
    fn check_revealed(&self) -> Result<(), ChangeError> {
        if let Some(agreed) = &self.agreed {
            return Err(ChangeError::AlreadyAgreed(agreed.session.clone()));
        }
        if !self.is_revealed() {
            return Err(ChangeError::NotRevealed {
                round: self.round(),
            });
        }
        if self.respondents.is_empty() {
            return Err(ChangeError::NoRespondents);
        }
        Ok(())
    }

    /// Starts the next round: for each respondent a new session in `folder`, with the facts
    /// filled in and settled and their views from this round offered (read from their
    /// session here; someone whose session never came back is offered nothing), and the
    /// answers hidden again. Refused until this round is revealed, and once the room has
    /// agreed. Nothing is changed when a session cannot be read or written. Returns the
    /// respondents, each with their new session's id; save the workshop after.
    pub fn start_round(
        &mut self,
        tree: &Arc<Tree>,
        stamp: TreeStamp,
        folder: &Path,
    ) -> Result<Vec<Respondent>, KeepError> {
        self.check_revealed()?;
        let mut sessions = Vec::with_capacity(self.respondents.len());
        for respondent in &self.respondents {
            let offered = match read_path(&folder.join(format!("{}.json", respondent.session))) {
                Ok(previous) => views_of(tree, &previous),
                Err(SessionError::Read { source, .. })
                    if source.kind() == std::io::ErrorKind::NotFound =>
                {
                    Vec::new()
                }
                Err(e) => return Err(e.into()),
            };
            let next = Respondent {
                session: self.fresh_session_id(&sessions),
                status: Status::Invited,
                ..respondent.clone()
            };
            let mut session = self.session_for(&next, tree, stamp.clone())?;
            session.offered = offered;
            sessions.push(session);
        }
        let mut written: Vec<(std::path::PathBuf, String)> = Vec::with_capacity(sessions.len());
        for session in sessions {
            let path = folder.join(format!("{}.json", session.id));
            let id = session.id.clone();
            if let Err(e) = SessionFile::create_at(&path, session) {
                // Leave the folder as it was: the round has not started.
                for (path, _) in written {
                    let _ = std::fs::remove_file(path);
                }
                return Err(e.into());
            }
            written.push((path, id));
        }
        let now = Timestamp::now();
        let reveal = std::mem::replace(&mut self.reveal, Reveal::Hidden);
        self.rounds.push(PastRound { reveal, ended: now });
        for (respondent, (_, id)) in self.respondents.iter_mut().zip(written) {
            let old = std::mem::replace(&mut respondent.session, id);
            respondent.earlier.push(old);
            respondent.status = Status::Invited;
        }
        self.updated = now;
        Ok(self.respondents.clone())
    }

    /// Starts the interview the room answers together, after a reveal: an ordinary session in
    /// `folder`, the facts filled in and settled, recorded as the agreed interview. Once
    /// started it stays the one: asked again, this returns its id and writes nothing.
    /// Returns the session's id; save the workshop after.
    pub fn agree(
        &mut self,
        tree: &Arc<Tree>,
        stamp: TreeStamp,
        folder: &Path,
    ) -> Result<String, KeepError> {
        if let Some(agreed) = &self.agreed {
            return Ok(agreed.session.clone());
        }
        self.check_revealed()?;
        let session = self.agreed_session(tree, stamp)?;
        let id = session.id.clone();
        SessionFile::create_at(&folder.join(format!("{id}.json")), session)?;
        let now = Timestamp::now();
        self.agreed = Some(Agreed {
            session: id.clone(),
            after_round: self.round(),
            started: now,
        });
        self.updated = now;
        Ok(id)
    }

    /// The agreed interview's session, not yet recorded: the facts filled in and settled,
    /// under a fresh id, in this workshop.
    fn agreed_session(&self, tree: &Arc<Tree>, stamp: TreeStamp) -> Result<Session, KeepError> {
        let (session, _) = self.session_with_facts(tree, stamp, self.fresh_session_id(&[]))?;
        Ok(session)
    }

    /// A session id no session of this workshop (nor `also`) has, nor the workshop itself.
    pub(crate) fn fresh_session_id(&self, also: &[Session]) -> String {
        loop {
            let id = crate::session::new_id();
            let taken = id == self.id
                || self.session_ids().any(|s| s == id)
                || also.iter().any(|s| s.id == id);
            if !taken {
                return id;
            }
        }
    }

    /// The workshop as it stood when the round before was revealed: each respondent who
    /// answered in it with that round's session, its reveal, nothing agreed. What the
    /// consultant can still show while a later round's answers are hidden (`None` in the first
    /// round). Someone who joined in this round is not in it.
    pub fn round_before(&self) -> Option<Workshop> {
        let (last, earlier_rounds) = self.rounds.split_last()?;
        let waiting: &[String] = match &last.reveal {
            Reveal::RevealedEarly { waiting, .. } => waiting,
            _ => &[],
        };
        let respondents = self
            .respondents
            .iter()
            .filter_map(|r| {
                let (session, earlier) = r.earlier.split_last()?;
                let status = if waiting.contains(session) {
                    Status::Answering
                } else {
                    Status::Finished
                };
                Some(Respondent {
                    session: session.clone(),
                    earlier: earlier.to_vec(),
                    status,
                    ..r.clone()
                })
            })
            .collect();
        let mut before = self.clone();
        before.respondents = respondents;
        before.reveal = last.reveal.clone();
        before.rounds = earlier_rounds.to_vec();
        before.agreed = None;
        Some(before)
    }

    /// The round a respondent first answered in (later than 1 if they joined after it).
    pub fn first_round_of(&self, respondent: &Respondent) -> u32 {
        let earlier = u32::try_from(respondent.earlier.len()).unwrap_or(u32::MAX);
        self.round().saturating_sub(earlier).max(1)
    }
}

/// A session's answers to the views, on its path or kept aside: what the next round offers.
fn views_of(tree: &Tree, session: &Session) -> Vec<Answer> {
    session
        .answers
        .iter()
        .filter(|a| {
            tree.question_index(&a.question)
                .is_some_and(|q| !tree.is_fact(q))
        })
        .cloned()
        .collect()
}
