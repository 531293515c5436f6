//! The combined result as JSON (`techhire workshop run --format json`), documented field by
//! field in `docs/workshop-format.md`. Outcomes, questions and choices are named by id, people
//! by name; the sentences are the ones `told` writes, so a script and a reader see the same.

use serde::Serialize;

use super::alignment::{Agreement, rule_in_words};
use super::combine::Combined;
use super::join::Revealed;
use super::spread::Accord;
use super::together::Together;
use super::told;
use crate::outcome::label_in;

/// The whole document.
#[derive(Debug, Serialize)]
pub struct Document {
    /// Always `techhire-workshop-result`.
    pub format: &'static str,
    pub version: u32,
    pub tree: TreeName,
    /// The workshop report's client, consultant and date (when the answers were revealed), when
    /// known; `workshop run` has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consultant: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub headline: String,
    pub opening: String,
    /// With `--anonymous`: that people are "Leader A", "Leader B"..., and how little that
    /// hides in a small group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anonymity: Option<String>,
    /// The alignment rule, as printed.
    pub rule: &'static str,
    pub alignment: AlignmentJson,
    pub people: Vec<PersonJson>,
    pub combined: Outcomes,
    /// The view questions anyone was asked, the furthest apart first.
    pub questions: Vec<QuestionJson>,
    /// A saved workshop's current round from the second on (the first, and `workshop run`,
    /// leave it out, so a first round reads as `run` wrote it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round: Option<u32>,
    /// After an early reveal: the people who had not finished, whose answers are not in (with
    /// `--anonymous`, one entry saying only how many: "2 people").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<String>,
    /// From the second round on: how everyone moved since the round before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub movement: Option<MovementJson>,
    /// Once the room has finished the interview it answered together: its result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreed: Option<AgreedJson>,
}

#[derive(Debug, Serialize)]
pub struct MovementJson {
    /// The round compared with: the one before the current.
    pub round_before: u32,
    /// The round before, combined, when anyone had finished it: its alignment and standing.
    pub before: Option<BeforeJson>,
    /// Everyone in the current result, in the order of `people`.
    pub people: Vec<MovedJson>,
}

#[derive(Debug, Serialize)]
pub struct BeforeJson {
    pub agreement: Agreement,
    pub combined: Outcomes,
}

#[derive(Debug, Serialize)]
pub struct MovedJson {
    pub person: String,
    /// Their own recommendation in the round before (outcome ids), or null when they had
    /// none (new this round, or not finished before an early reveal).
    pub before: Option<Vec<String>>,
    pub now: Vec<String>,
    /// Each view answer that changed: `from`/`to` are choice ids, null when not asked.
    pub changed: Vec<ChangedJson>,
    pub sentence: String,
}

#[derive(Debug, Serialize)]
pub struct ChangedJson {
    pub question: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct AgreedJson {
    /// Outcome ids (two or more in a tie).
    pub recommendation: Vec<String>,
    pub headline: String,
    pub tie: bool,
    /// The answers given together, in the order asked (facts included): question and choice ids.
    pub answers: Vec<AgreedAnswer>,
}

#[derive(Debug, Serialize)]
pub struct AgreedAnswer {
    pub question: String,
    pub choice: String,
}

#[derive(Debug, Serialize)]
pub struct TreeName {
    pub title: String,
    pub version: String,
}

#[derive(Debug, Serialize)]
pub struct AlignmentJson {
    pub agreement: Agreement,
    /// The people whose own recommendation is the combined one.
    pub sharing: Vec<String>,
    pub people: usize,
    /// The first person at each end, when people are at opposite ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opposite_ends: Option<[String; 2]>,
    /// The people whose own result is a tie.
    pub tied: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PersonJson {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Their own recommendation: the outcome ids the headline names (two or more in a tie).
    pub recommendation: Vec<String>,
    pub headline: String,
    pub tie: bool,
    pub margin: i64,
    /// Their points per outcome id, in the tree's outcome order.
    pub scores: Vec<Score>,
}

#[derive(Debug, Serialize)]
pub struct Score {
    pub outcome: String,
    pub points: i64,
}

/// A combined standing: today's, or one a settled question would give.
#[derive(Debug, Serialize)]
pub struct Outcomes {
    /// The combined recommendation: outcome ids (two or more in a tie).
    pub recommendation: Vec<String>,
    pub tie: bool,
    /// Per outcome, in the tree's outcome order: the sum of everyone's points, and that sum
    /// divided by the number of people.
    pub scores: Vec<Average>,
    /// The rules that hold for everyone, by id.
    pub rules: Vec<String>,
    /// Outcomes those rules take off the table, by id.
    pub ruled_out: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Average {
    pub outcome: String,
    pub label: String,
    pub total: i64,
    pub average: f64,
}

#[derive(Debug, Serialize)]
pub struct QuestionJson {
    pub question: String,
    pub prompt: String,
    pub accord: Accord,
    /// How many people's answers led to the question.
    pub asked: usize,
    pub points_apart: i64,
    /// The two people furthest apart, when anyone is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub furthest: Option<[String; 2]>,
    /// Each person's answer (a choice id), or null when the question was not on their path.
    pub answers: Vec<AnswerJson>,
    /// What each answer someone gave would lead to if everyone gave it.
    pub settle: Vec<SettleJson>,
}

#[derive(Debug, Serialize)]
pub struct AnswerJson {
    pub person: String,
    pub choice: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SettleJson {
    pub choice: String,
    pub given_by: Vec<String>,
    pub agreement: Agreement,
    pub combined: Outcomes,
    /// Each person's own recommendation then, as outcome ids.
    pub own: Vec<Vec<String>>,
    /// People whose path would then ask questions they have not answered.
    pub unfinished: Vec<String>,
    pub sentence: String,
}

/// A saved workshop's result as its JSON document: the combined result with the round, who
/// was left out, the movement since the round before and the agreed result.
pub fn revealed(r: &Revealed<'_>) -> Document {
    let c = &r.combined;
    let tree = &c.tree;
    let same = |s: &str| s.to_string();
    let ids = |outcomes: &[usize]| -> Vec<String> {
        outcomes
            .iter()
            .map(|&o| tree.outcome(o).id.clone())
            .collect()
    };
    let mut doc = document(c);
    doc.round = (r.round > 1).then_some(r.round);
    doc.left_out = r.left_names();
    doc.movement = r.movement.as_ref().map(|m| MovementJson {
        round_before: m.round_before,
        before: m.before.as_ref().map(|b| BeforeJson {
            agreement: b.alignment.agreement,
            combined: outcomes(b, &b.together),
        }),
        people: m
            .people
            .iter()
            .map(|p| MovedJson {
                person: c.voices[p.person].name.clone(),
                before: p.before.as_deref().map(ids),
                now: ids(&p.now),
                changed: p
                    .changed
                    .iter()
                    .map(|ch| {
                        let q = tree.question(ch.question);
                        let id = |c: Option<usize>| c.map(|c| q.choices[c].id.clone());
                        ChangedJson {
                            question: q.id.clone(),
                            from: id(ch.from),
                            to: id(ch.to),
                        }
                    })
                    .collect(),
                sentence: told::moved_line(c, m, p, &same),
            })
            .collect(),
    });
    doc.agreed = r.agreed.as_ref().map(|a| AgreedJson {
        recommendation: ids(&a.leaders),
        headline: a.headline(tree),
        tie: a.tie,
        answers: a
            .reasons
            .iter()
            .map(|reason| {
                let q = tree.question(reason.question);
                AgreedAnswer {
                    question: q.id.clone(),
                    choice: q.choices[reason.choice].id.clone(),
                }
            })
            .collect(),
    });
    doc
}

/// The combined result as its JSON document.
pub fn document(c: &Combined) -> Document {
    let tree = &c.tree;
    let same = |s: &str| s.to_string();
    let name = |p: usize| c.voices[p].name.clone();
    let ids = |outcomes: &[usize]| -> Vec<String> {
        outcomes
            .iter()
            .map(|&o| tree.outcome(o).id.clone())
            .collect()
    };
    let a = &c.alignment;
    Document {
        format: "techhire-workshop-result",
        version: 1,
        tree: TreeName {
            title: tree.meta().title.clone(),
            version: tree.meta().version.clone(),
        },
        client: None,
        consultant: None,
        date: None,
        headline: told::headline(c, &same),
        opening: told::opening(c, &same),
        anonymity: told::anonymity(c),
        rule: rule_in_words(),
        alignment: AlignmentJson {
            agreement: a.agreement,
            sharing: a.sharing.iter().map(|&p| name(p)).collect(),
            people: a.people,
            opposite_ends: a.opposite.map(|(x, y)| [name(x), name(y)]),
            tied: a.tied.iter().map(|&p| name(p)).collect(),
        },
        people: c
            .voices
            .iter()
            .map(|v| PersonJson {
                name: v.name.clone(),
                role: v.role.clone(),
                recommendation: ids(&v.own.leaders),
                headline: v.own.headline(tree),
                tie: v.own.tie,
                margin: v.own.margin,
                scores: tree
                    .outcomes()
                    .iter()
                    .zip(&v.own.scores)
                    .map(|(o, &points)| Score {
                        outcome: o.id.clone(),
                        points,
                    })
                    .collect(),
            })
            .collect(),
        combined: outcomes(c, &c.together),
        questions: c
            .spreads
            .iter()
            .map(|s| {
                let q = tree.question(s.question);
                QuestionJson {
                    question: q.id.clone(),
                    prompt: q.prompt.clone(),
                    accord: s.accord,
                    asked: s.asked(),
                    points_apart: s.points_apart,
                    furthest: s.furthest.map(|(x, y)| [name(x), name(y)]),
                    answers: s
                        .answers
                        .iter()
                        .enumerate()
                        .map(|(p, a)| AnswerJson {
                            person: name(p),
                            choice: a.map(|ch| q.choices[ch].id.clone()),
                        })
                        .collect(),
                    settle: s
                        .settle
                        .iter()
                        .map(|st| SettleJson {
                            choice: q.choices[st.choice].id.clone(),
                            given_by: st.given_by.iter().map(|&p| name(p)).collect(),
                            agreement: st.agreement,
                            combined: outcomes(c, &st.together),
                            own: st.own.iter().map(|o| ids(o)).collect(),
                            unfinished: st.unfinished.iter().map(|&p| name(p)).collect(),
                            sentence: told::settle_line(c, s.question, st, &same),
                        })
                        .collect(),
                }
            })
            .collect(),
        round: None,
        left_out: Vec::new(),
        movement: None,
        agreed: None,
    }
}

fn outcomes(c: &Combined, t: &Together) -> Outcomes {
    let tree = &c.tree;
    Outcomes {
        recommendation: t
            .leaders
            .iter()
            .map(|&o| tree.outcome(o).id.clone())
            .collect(),
        tie: t.tie(),
        scores: tree
            .outcomes()
            .iter()
            .enumerate()
            .map(|(o, outcome)| Average {
                outcome: outcome.id.clone(),
                label: label_in(tree, o, &t.rules).to_string(),
                total: t.totals[o],
                average: t.totals[o] as f64 / c.people() as f64,
            })
            .collect(),
        rules: t
            .rules
            .iter()
            .map(|&r| tree.rules()[r].id.clone())
            .collect(),
        ruled_out: (0..t.open.len())
            .filter(|&o| !t.open[o])
            .map(|o| tree.outcome(o).id.clone())
            .collect(),
    }
}
