//! Respondents' sessions checked against their workshop and combined once revealed. A session
//! joins only if it is a respondent's, on the workshop's tree edition, with the workshop's
//! facts; the answers are combined only after the reveal, and after an early reveal only those
//! who had finished are in, the others named. From the second round on, the result says how
//! everyone moved since the round before; once the room has agreed together, the agreed
//! recommendation.

use std::path::Path;
use std::sync::Arc;

use super::combine::{CombineError, Combined, Person, letter, letter_people};
use super::model::{Respondent, Status, Workshop};
use super::movement::{Moved, Movement, changed};
use crate::files::json::shorten;
use crate::interview::Interview;
use crate::outcome::Recommendation;
use crate::session::{Session, SessionError, read_path};
use crate::tree::Tree;

/// Why a session cannot join its workshop, or the answers cannot be combined yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    #[error("session `{session}` is no respondent's in this workshop; invite them first")]
    Stranger { session: String },
    #[error(
        "this is {name}'s session from round {round}, which is over; the current round's \
         session is `{current}`: send them that one"
    )]
    EarlierRound {
        name: String,
        round: u32,
        current: String,
    },
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

/// The combined result of a revealed workshop's current round, the respondents left out of
/// it, how everyone moved since the round before, and what the room agreed.
#[derive(Debug, Clone)]
pub struct Revealed<'w> {
    pub combined: Combined,
    /// Those who had not finished when the answers were revealed early.
    pub left_out: Vec<&'w Respondent>,
    /// The round combined: the current one, counting from 1.
    pub round: u32,
    /// From the second round on: each person's movement since the round before, and the
    /// round before combined.
    pub movement: Option<Movement>,
    /// The agreed recommendation, once the interview the room answered together is finished
    /// (its session among those given).
    pub agreed: Option<Recommendation>,
}

impl Revealed<'_> {
    /// The names of those left out, for `told::left_out`; lettered, only how many ("2
    /// people"), since a name would undo the letters.
    pub fn left_names(&self) -> Vec<String> {
        match (self.combined.anonymous, self.left_out.len()) {
            (_, 0) => Vec::new(),
            (true, 1) => vec!["1 person".to_string()],
            (true, n) => vec![format!("{n} people")],
            (false, _) => self.left_out.iter().map(|r| r.name.clone()).collect(),
        }
    }
}

impl Workshop {
    /// Checks a respondent's session before it joins: theirs, on this tree edition, and with
    /// this workshop's answer to every fact it answers (a fact the workshop has not answered
    /// may not be answered either). Returns the respondent.
    pub fn check_session(&self, session: &Session) -> Result<&Respondent, JoinError> {
        if let Some(r) = self
            .respondents
            .iter()
            .find(|r| r.earlier.contains(&session.id))
        {
            let at = r.earlier.iter().position(|s| *s == session.id).unwrap_or(0);
            let first = self.first_round_of(r);
            return Err(JoinError::EarlierRound {
                name: shorten(&r.name),
                round: first + u32::try_from(at).unwrap_or(0),
                current: r.session.clone(),
            });
        }
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
        self.check_facts(tree, session, &respondent.name)
    }

    /// Every fact `session` answers must be answered as the workshop answers it; `name` says
    /// whose session it is.
    fn check_facts(&self, tree: &Tree, session: &Session, name: &str) -> Result<(), JoinError> {
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
                    name: shorten(name),
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
    /// order and may hold every round's sessions and the agreed interview's
    /// ([`Workshop::sessions_in`]); each is checked first. From the second round on, the result
    /// also says how everyone moved since the round before (a session of theirs missing from
    /// `sessions` counts as not finished then).
    pub fn combine(
        &self,
        tree: &Arc<Tree>,
        sessions: &[Session],
    ) -> Result<Revealed<'_>, JoinError> {
        self.combine_as(tree, sessions, false)
    }

    /// [`Workshop::combine`], with people named "Leader A", "Leader B"... everywhere when
    /// `anonymous` (see [`Combined::anonymous`]): in the result, and in the round before, where
    /// each keeps their letter (anyone there who is not in this round's result is lettered
    /// after everyone who is).
    pub fn combine_as(
        &self,
        tree: &Arc<Tree>,
        sessions: &[Session],
        anonymous: bool,
    ) -> Result<Revealed<'_>, JoinError> {
        if !self.is_revealed() {
            return Err(self.hidden());
        }
        let find = |id: &str| sessions.iter().find(|s| s.id == id);
        let mut people = Vec::new();
        let mut paths = Vec::new();
        let mut left_out = Vec::new();
        for respondent in &self.respondents {
            let interview = match find(&respondent.session) {
                Some(session) => {
                    self.check_facts_of(tree, session)?;
                    Some(interview_of(tree, session))
                }
                None => None,
            };
            match interview.filter(Interview::is_finished) {
                Some(interview) => {
                    paths.push((respondent, interview.path().to_vec()));
                    people.push(Person {
                        name: respondent.name.clone(),
                        role: respondent.role.clone(),
                        interview,
                    });
                }
                None => left_out.push(respondent),
            }
        }
        let mut letters: Vec<&str> = Vec::new();
        if anonymous {
            let order = letter_people(&mut people);
            paths = order.iter().map(|&i| paths[i].clone()).collect();
            letters = paths.iter().map(|(r, _)| r.session.as_str()).collect();
        }
        let mut combined = Combined::new(tree, people)?;
        combined.anonymous = anonymous;
        let movement = if self.rounds.is_empty() {
            None
        } else {
            let mut movement = self.movement(tree, &find, &paths, &combined, &letters)?;
            if let (true, Some(before)) = (anonymous, movement.before.as_mut()) {
                before.anonymous = true;
            }
            Some(movement)
        };
        let agreed = match self.agreed.as_ref().and_then(|a| find(&a.session)) {
            Some(session) => {
                self.check_facts(tree, session, "the agreed interview")?;
                interview_of(tree, session).result()
            }
            None => None,
        };
        Ok(Revealed {
            combined,
            left_out,
            round: self.round(),
            movement,
            agreed,
        })
    }

    /// How everyone in the current result (`now`: each with their path, in the result's
    /// order) moved since the round before. `letters`, when anonymous: the current sessions in
    /// the order of their letters, so the round before letters everyone the same.
    fn movement<'s>(
        &self,
        tree: &Arc<Tree>,
        find: &dyn Fn(&str) -> Option<&'s Session>,
        now: &[(&Respondent, Vec<crate::tree::Step>)],
        combined: &Combined,
        letters: &[&str],
    ) -> Result<Movement, JoinError> {
        // Everyone who answered in the round before, finished or not.
        let mut before = Vec::new();
        for respondent in &self.respondents {
            let Some(session) = respondent.earlier.last().and_then(|id| find(id)) else {
                continue;
            };
            self.check_facts(tree, session, &respondent.name)?;
            before.push((respondent, interview_of(tree, session)));
        }
        let people = now
            .iter()
            .enumerate()
            .map(|(person, (respondent, path))| {
                let earlier = before
                    .iter()
                    .find(|(r, _)| r.session == respondent.session)
                    .map(|(_, i)| i);
                Moved {
                    person,
                    before: earlier.and_then(Interview::result).map(|r| r.leaders),
                    now: combined.voices[person].own.leaders.clone(),
                    // Someone new this round changed nothing.
                    changed: earlier.map_or_else(Vec::new, |i| changed(tree, i.path(), path)),
                }
            })
            .collect();
        let mut finished_before: Vec<(usize, Person)> = before
            .into_iter()
            .enumerate()
            .filter(|(_, (_, i))| i.is_finished())
            .map(|(k, (r, interview))| {
                let person = Person {
                    name: r.name.clone(),
                    role: r.role.clone(),
                    interview,
                };
                if letters.is_empty() {
                    return (k, person);
                }
                let at = letters
                    .iter()
                    .position(|s| *s == r.session)
                    .unwrap_or(letters.len() + k);
                let lettered = Person {
                    name: format!("Leader {}", letter(at)),
                    role: None,
                    ..person
                };
                (at, lettered)
            })
            .collect();
        finished_before.sort_by_key(|(at, _)| *at);
        let finished_before: Vec<Person> = finished_before.into_iter().map(|(_, p)| p).collect();
        Ok(Movement {
            round_before: self.round() - 1,
            people,
            before: Combined::new(tree, finished_before).ok(),
        })
    }
}

impl Workshop {
    /// Reads every session of the workshop from `folder` (`<session>.json`: each respondent's
    /// in every round, and the agreed interview's): those that read, and why the others could
    /// not be (a respondent whose file is missing has not been invited into this folder, or
    /// has not sent it back yet).
    pub fn sessions_in(&self, folder: &Path) -> (Vec<Session>, Vec<SessionError>) {
        let (mut read, mut unreadable) = (Vec::new(), Vec::new());
        for id in self.session_ids() {
            match read_path(&folder.join(format!("{id}.json"))) {
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
