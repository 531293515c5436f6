//! The combined result as JSON (`techhire workshop run --format json`), documented field by
//! field in `docs/workshop-format.md`. Outcomes, questions and choices are named by id, people
//! by name; the sentences are the ones `told` writes, so a script and a reader see the same.

use serde::Serialize;

use super::alignment::{Agreement, rule_in_words};
use super::combine::Combined;
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
    /// After an early reveal: whose answers are not in, as the report says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_out: Option<String>,
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
        left_out: None,
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
