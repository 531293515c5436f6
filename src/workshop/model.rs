//! The workshop file format. These serde types *are* the format (documented with a full
//! example in `docs/workshop-format.md`): who the workshop is for, the tree edition everyone
//! answers on, the facts answered once for the company, the respondents (each answering in an
//! ordinary session file of their own, one per round), whether the current round's answers
//! have been revealed and when the earlier rounds' were, the interview the room agreed
//! together, and the consultant's private notes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::session::{Answer, Timestamp, TreeStamp};
use crate::tree::{Step, Tree};

/// The value of every workshop's `format` field: tells a workshop apart from other JSON.
pub const FORMAT: &str = "techhire-workshop";

/// The format version this build writes, and the newest it reads. Version 2 added rounds
/// (`rounds`, each respondent's `earlier` sessions) and the agreed interview (`agreed`); a
/// version 1 file is a workshop in its first round with nothing agreed.
pub const VERSION: u32 = 2;

/// One stakeholder workshop: several leaders of one company answering the same tree blind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// Always `techhire-workshop` (the reader refuses anything else before this is read).
    format: String,
    /// The format version, [`VERSION`] when written by this build.
    pub(crate) version: u32,
    /// Short, unique and safe in a file name; the default file is `<id>.workshop.json`.
    pub id: String,
    /// The company the workshop is for, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// Who runs it, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultant: Option<String>,
    pub created: Timestamp,
    /// The last change: a fact, a respondent, the reveal, a note.
    pub updated: Timestamp,
    /// The edition of the question tree every respondent answers on; a respondent's session on
    /// another edition is not joined.
    pub tree: TreeStamp,
    /// The answers to the tree's fact questions, given once for the company and copied into
    /// every respondent's session, in the order they are asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Answer>,
    /// The people answering, in the order they answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<Respondent>,
    /// Whether the current round's answers may be seen yet.
    pub reveal: Reveal,
    /// The rounds before the current one, oldest first (version 2): each one's reveal, kept
    /// on record. Empty in the first round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<PastRound>,
    /// The interview the room answered together after a reveal (version 2); its result is
    /// the agreed recommendation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<Agreed>,
    /// The consultant's private notes by question id: never shown to respondents or printed
    /// in a report.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, PrivateNote>,
    /// The consultant's private note on the workshop as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<PrivateNote>,
}

/// One person answering the views, in a session file of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    /// Their name, as the handover screen and the report say it ("Ben").
    pub name: String,
    /// Their role, when given ("CFO").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The id of their session in the current round, in the same folder as the workshop.
    pub session: String,
    /// How far they have got in the current round, as of the workshop's last save.
    pub status: Status,
    /// The ids of their sessions in the rounds before, oldest first (version 2). Someone who
    /// joined in a later round has fewer: their first round is the current one less this
    /// many.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<String>,
}

/// A round before the current one, kept on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PastRound {
    /// How its answers were revealed (never hidden: a new round starts only after a reveal).
    pub reveal: Reveal,
    /// When the next round started.
    pub ended: Timestamp,
}

/// The interview the room answered together: an ordinary session, facts filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreed {
    /// The id of its session, in the same folder as the workshop.
    pub session: String,
    /// The round whose answers the room had in front of it.
    pub after_round: u32,
    pub started: Timestamp,
}

/// How far a respondent has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Their session exists, with the facts filled in; no view answered yet.
    Invited,
    /// Some views answered, the interview not finished.
    Answering,
    /// Their interview is finished: they have a recommendation of their own.
    Finished,
}

/// Whether the answers may be seen. Until they are revealed, no screen, export or report shows
/// one person's answers or result to anyone else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum Reveal {
    /// Nothing shown yet.
    Hidden,
    /// Revealed when the last respondent finished.
    Revealed { at: Timestamp },
    /// Revealed before everyone had finished, as the consultant confirmed: `waiting` holds the
    /// session ids of those who had not, so the report can say whose answers were not in.
    RevealedEarly { at: Timestamp, waiting: Vec<String> },
}

/// A note only the consultant sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivateNote {
    pub text: String,
    /// When it was last edited.
    pub at: Timestamp,
}

/// Why a change to a workshop was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    #[error("there is no question `{0}` in this tree")]
    NoSuchQuestion(String),
    #[error("`{0}` is a view, which each person answers for themselves, not a fact")]
    NotAFact(String),
    #[error("question `{question}` has no choice `{choice}`")]
    NoSuchChoice { question: String, choice: String },
    #[error("a respondent needs a name")]
    NoName,
    #[error(
        "there is already a respondent called {0}; add a surname or initial to tell them apart"
    )]
    SameName(String),
    #[error("the answers are already revealed, so the facts can no longer change")]
    Revealed,
    #[error(
        "round {round}'s answers are still hidden: everyone must finish it first, or the \
         answers be revealed early"
    )]
    NotRevealed { round: u32 },
    #[error(
        "the room has already agreed together, so the rounds are closed; the agreed interview \
         is session `{0}`"
    )]
    AlreadyAgreed(String),
    #[error("the workshop has nobody in it yet; invite the respondents first")]
    NoRespondents,
}

impl Workshop {
    /// A new workshop with a fresh id on the tree `stamp` describes. Blank names count as not
    /// given.
    pub fn new(stamp: TreeStamp, client: Option<String>, consultant: Option<String>) -> Workshop {
        let now = Timestamp::now();
        Workshop {
            format: FORMAT.to_string(),
            version: VERSION,
            id: crate::session::new_id(),
            client: client.filter(|c| !c.trim().is_empty()),
            consultant: consultant.filter(|c| !c.trim().is_empty()),
            created: now,
            updated: now,
            tree: stamp,
            facts: Vec::new(),
            respondents: Vec::new(),
            reveal: Reveal::Hidden,
            rounds: Vec::new(),
            agreed: None,
            notes: BTreeMap::new(),
            note: None,
        }
    }

    /// The format version the file was written in.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Answers a fact for everyone (replacing an earlier answer to it). Refused for a view,
    /// and once the answers are revealed, when every respondent has answered on these facts.
    pub fn set_fact(
        &mut self,
        tree: &Tree,
        question: &str,
        choice: &str,
        now: Timestamp,
    ) -> Result<(), ChangeError> {
        if self.reveal != Reveal::Hidden || !self.rounds.is_empty() {
            return Err(ChangeError::Revealed);
        }
        let q = tree
            .question_index(question)
            .ok_or_else(|| ChangeError::NoSuchQuestion(question.to_string()))?;
        if !tree.is_fact(q) {
            return Err(ChangeError::NotAFact(question.to_string()));
        }
        if tree.choice_index(q, choice).is_none() {
            return Err(ChangeError::NoSuchChoice {
                question: question.to_string(),
                choice: choice.to_string(),
            });
        }
        let answer = Answer {
            question: question.to_string(),
            choice: choice.to_string(),
            at: now,
        };
        match self.facts.iter_mut().find(|a| a.question == question) {
            Some(old) if old.choice == choice => {}
            Some(old) => *old = answer,
            None => self.facts.push(answer),
        }
        self.updated = now;
        Ok(())
    }

    /// The facts as steps of this tree; facts the tree does not know (it changed since) are
    /// named in the error.
    pub fn fact_steps(&self, tree: &Tree) -> Result<Vec<Step>, ChangeError> {
        self.facts
            .iter()
            .map(|a| {
                let question = tree
                    .question_index(&a.question)
                    .ok_or_else(|| ChangeError::NoSuchQuestion(a.question.clone()))?;
                let choice = tree.choice_index(question, &a.choice).ok_or_else(|| {
                    ChangeError::NoSuchChoice {
                        question: a.question.clone(),
                        choice: a.choice.clone(),
                    }
                })?;
                Ok(Step { question, choice })
            })
            .collect()
    }

    /// Adds a respondent with a fresh session id, which their session file must then take.
    pub fn add_respondent(
        &mut self,
        name: &str,
        role: Option<&str>,
        now: Timestamp,
    ) -> Result<&Respondent, ChangeError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ChangeError::NoName);
        }
        if self
            .respondents
            .iter()
            .any(|r| r.name.to_lowercase() == name.to_lowercase())
        {
            return Err(ChangeError::SameName(name.to_string()));
        }
        let session = self.fresh_session_id(&[]);
        self.respondents.push(Respondent {
            name: name.to_string(),
            role: role
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(String::from),
            session,
            status: Status::Invited,
            earlier: Vec::new(),
        });
        self.updated = now;
        Ok(&self.respondents[self.respondents.len() - 1])
    }

    /// Records how far a respondent has got; false when no respondent has that session.
    pub fn set_status(&mut self, session: &str, status: Status, now: Timestamp) -> bool {
        let Some(r) = self.respondents.iter_mut().find(|r| r.session == session) else {
            return false;
        };
        r.status = status;
        self.updated = now;
        true
    }

    /// Whether every respondent (at least one) has finished.
    pub fn all_finished(&self) -> bool {
        !self.respondents.is_empty()
            && self
                .respondents
                .iter()
                .all(|r| r.status == Status::Finished)
    }

    /// Reveals the answers: when everyone has finished, as planned; otherwise early, recording
    /// who had not (the consultant confirms that first). Revealing again changes nothing.
    pub fn reveal(&mut self, now: Timestamp) {
        if self.reveal != Reveal::Hidden {
            return;
        }
        let waiting: Vec<String> = self
            .respondents
            .iter()
            .filter(|r| r.status != Status::Finished)
            .map(|r| r.session.clone())
            .collect();
        self.reveal = if waiting.is_empty() {
            Reveal::Revealed { at: now }
        } else {
            Reveal::RevealedEarly { at: now, waiting }
        };
        self.updated = now;
    }

    /// Whether the answers may be shown (on screen, in an export or a report).
    pub fn is_revealed(&self) -> bool {
        self.reveal != Reveal::Hidden
    }

    /// Sets the consultant's private note on a question, or on the workshop as a whole when
    /// `question` is `None`; blank text removes it.
    pub fn set_note(&mut self, question: Option<&str>, text: &str, now: Timestamp) {
        let note = (!text.trim().is_empty()).then(|| PrivateNote {
            text: text.to_string(),
            at: now,
        });
        match (question, note) {
            (Some(q), Some(note)) => {
                self.notes.insert(q.to_string(), note);
            }
            (Some(q), None) => {
                self.notes.remove(q);
            }
            (None, note) => self.note = note,
        }
        self.updated = now;
    }
}
