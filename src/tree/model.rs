//! The question-tree file format. These serde types *are* the format: every field's doc comment
//! becomes its description in the JSON Schema (`docs/questions.schema.json`), and unknown keys
//! are errors everywhere.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What an id may look like, for the JSON Schema; the validator's `bad_id` checks the same.
pub const ID_PATTERN: &str = "^[A-Za-z0-9_-]{1,64}$";

/// A whole question tree, as written in `questions.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "techhire question tree")]
pub struct TreeFile {
    /// What the tree is, and where the interview starts.
    pub meta: Meta,
    /// The documents the questions and outcomes are grounded in; cited by `id`.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The recommendations the interview can end in, in tie-break order: when two outcomes
    /// score the same, the one declared first wins (and the result is flagged a close call).
    #[schemars(length(min = 1))]
    pub outcomes: Vec<Outcome>,
    /// The questions, in any order; the flow is given by `meta.start` and each choice's `next`.
    #[schemars(length(min = 1))]
    pub questions: Vec<Question>,
    /// Facts that take an outcome off the table whatever the points say: when every condition
    /// of a rule holds, the outcomes it names are never recommended, and the result says why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// Named client profiles with the outcome(s) a consultant would accept for them; `techhire
    /// validate` runs each one and reports those that fail.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
}

/// The tree's title, version and starting question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Shown in the interview's header and on reports.
    pub title: String,
    /// Recorded in sessions and reports, so a reader knows which edition gave the advice.
    pub version: String,

    /// The `id` of the first question asked.
    #[schemars(pattern(ID_PATTERN))]
    pub start: String,
    /// A result whose winning margin is at most this many points is flagged a close call.
    /// A tie is always a close call.
    #[serde(default = "default_close_call_margin")]
    pub close_call_margin: u32,
}

fn default_close_call_margin() -> u32 {
    1
}

/// One document the advice is grounded in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short identifier cited by questions and outcomes, e.g. `techtarget`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The document's title, as published.
    pub title: String,
    /// Who published it (a firm, a magazine, a training company).
    pub publisher: String,
    /// The named author or authors, when the document has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When it was published or last updated, as the document gives it (e.g. `2025-05`).
    pub date: String,
    /// Where the document can be read, when it gives an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One recommendation the interview can end in, with the guidance that goes with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Identifier used in evidence, e.g. `cio`, `cto`, `both`, `combined`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The headline, e.g. "Hire a CIO".
    pub label: String,
    /// One line a client can repeat to their board.
    pub summary: String,
    /// What the role (or roles) will own.
    pub owns: Vec<String>,
    /// What to prioritise when hiring.
    pub priorities: Vec<String>,
    /// The profile of the person who succeeds in this role.
    pub profile: String,
    /// What can go wrong with this choice.
    pub risks: Vec<String>,
    /// What to do next.
    pub next_steps: Vec<String>,
    /// For two leaders: how they should collaborate and to whom each reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collaboration: Option<String>,
    /// For one combined leader: the signs that it is time to split the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_to_split: Option<String>,
    /// Source ids this guidance rests on.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub sources: Vec<String>,
}

/// One question of the interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Identifier used by `meta.start`, `next` and answers files; letters, digits, `_` and `-`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The question as asked.
    #[schemars(length(min = 1))]
    pub prompt: String,
    /// "Why this matters": shown beside the question, citing its sources.
    #[schemars(length(min = 1))]
    pub help: String,
    /// Source ids the help and evidence rest on.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub sources: Vec<String>,
    /// `fact` for something true of the company that one person can state for everyone (what
    /// it sells, who builds its product, its size, the leaders in place): a workshop asks it
    /// once and copies the answer to every respondent. `view` (the default) for a judgement
    /// each leader gives for themselves (what the hire is for, what the board will measure).
    #[serde(default, skip_serializing_if = "QuestionKind::is_view")]
    pub kind: QuestionKind,
    /// The answers offered, in the order shown. Nine at most get a digit key.
    #[schemars(length(min = 1))]
    pub choices: Vec<Choice>,
}

/// Whether a question asks about a fact of the company or a person's view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// A judgement each person answers for themselves.
    #[default]
    View,
    /// A fact about the company, answered once for everyone.
    Fact,
}

impl QuestionKind {
    /// The default, left out when a tree is written.
    pub fn is_view(&self) -> bool {
        *self == QuestionKind::View
    }
}

/// One answer to a question: where it leads, and the evidence it adds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Identifier used in answers files and sessions; unique within its question.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The answer as shown.
    #[schemars(length(min = 1))]
    pub label: String,
    /// A line of explanation shown under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The `id` of the question asked next. Give exactly one of `next` and `end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(ID_PATTERN))]
    pub next: Option<String>,
    /// `true` when this answer ends the interview. Give exactly one of `next` and `end`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end: bool,
    /// Points this answer adds to (or, negative, takes from) each outcome, by outcome id, from
    /// -1000 to 1000.
    #[serde(default)]
    #[schemars(extend(
        "propertyNames" = { "pattern": ID_PATTERN },
        "additionalProperties" = { "type": "integer", "minimum": -1000, "maximum": 1000 },
    ))]
    pub evidence: Evidence,
    /// Why this answer points where it does, in a phrase a client understands; shown in the
    /// result's reasons. Falls back to the label when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `true` for an answer that says the client does not know yet ("Not sure yet"): the result
    /// then says whether the recommendation holds however the question is answered, or which
    /// answer would change it and to what.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unsure: bool,
    /// The client's situation as this answer states it, one sentence in the consultant's voice
    /// ("Your first need is to run and modernise the core systems."); the report's "What we
    /// heard" is made of these. Without it the report quotes the question and the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heard: Option<String>,
}

/// A fact that rules outcomes out: when every condition in `when` holds on the client's path,
/// the outcomes in `rule_out` are not an option, whatever their points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Identifier shown by `techhire census` and in diagnostics.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The conditions, all of which must hold: question id = the choice id given, or a list of
    /// choice ids (any of them). A question not answered on the path does not hold.
    #[schemars(length(min = 1))]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub when: BTreeMap<String, ChoiceIds>,
    /// The outcome ids that are not an option when the rule holds. May be left out when the
    /// rule only gives `labels`.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub rule_out: Vec<String>,
    /// Why, in plain words a client would accept; shown wherever a result is shown, after
    /// "Not an option here: <outcome>."
    #[schemars(length(min = 1))]
    pub reason: String,
    /// Outcome wordings that fit this situation better than the outcome's own label, by outcome
    /// id (e.g. `both = "Add a CTO beside your CIO"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub labels: BTreeMap<String, String>,
    /// Source ids the rule rests on.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub sources: Vec<String>,
}

/// One choice id, or a list of choice ids of which any will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceIds(pub Vec<String>);

impl ChoiceIds {
    /// The choice ids, in the order written.
    pub fn ids(&self) -> &[String] {
        &self.0
    }
}

impl Serialize for ChoiceIds {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => serializer.serialize_str(one),
            many => many.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for ChoiceIds {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = ChoiceIds;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a choice id, or a list of choice ids")
            }

            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<ChoiceIds, E> {
                Ok(ChoiceIds(vec![id.to_string()]))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ChoiceIds, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                if ids.is_empty() {
                    return Err(serde::de::Error::invalid_length(0, &self));
                }
                Ok(ChoiceIds(ids))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

impl JsonSchema for ChoiceIds {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ChoiceIds".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A choice id, or a list of choice ids of which any will do.",
            "oneOf": [
                { "type": "string", "pattern": ID_PATTERN },
                {
                    "type": "array",
                    "items": { "type": "string", "pattern": ID_PATTERN },
                    "minItems": 1
                }
            ]
        })
    }
}

/// A named client profile run by `techhire validate`: its answers must lead to one of the
/// outcomes a consultant would accept, and its explanation must use the words given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Identifier used in diagnostics and by `techhire census`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// Who the client is, in a line (e.g. "A 30-person consumer app start-up").
    #[schemars(length(min = 1))]
    pub name: String,
    /// The fact from the documents this example tests, in your own words.
    #[schemars(length(min = 1))]
    pub fact: String,
    /// Source ids the fact comes from.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub sources: Vec<String>,
    /// The client's answers, question id = choice id; every question on the path must be
    /// answered, and every answer given must be on the path.
    #[schemars(length(min = 1))]
    #[schemars(extend(
        "propertyNames" = { "pattern": ID_PATTERN },
        "additionalProperties" = { "type": "string", "pattern": ID_PATTERN },
    ))]
    pub answers: BTreeMap<String, String>,
    /// The outcome ids a consultant would accept as the recommendation. A tie passes when every
    /// tied outcome is listed.
    #[schemars(length(min = 1))]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub expect: Vec<String>,
    /// Words the explanation (the reasons and what rules out) must contain, each checked
    /// without regard to case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanation_contains: Vec<String>,
}

/// The points a choice adds to each outcome, by outcome id, in id order (as a map would list
/// them). A small sorted list rather than a `BTreeMap`: a choice names two or three outcomes,
/// and a map's node costs more memory than the whole choice, which shows on large trees. Written
/// and read as a TOML (or JSON) table, like a map; a key given twice keeps its last value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence(Vec<(String, i32)>);

impl Evidence {
    /// Whether the choice gives points to no outcome (and so needs no reason).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each outcome id with its points, in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&String, &i32)> {
        self.into_iter()
    }
}

impl FromIterator<(String, i32)> for Evidence {
    /// Sorts by outcome id; of a repeated id, the last one counts.
    fn from_iter<I: IntoIterator<Item = (String, i32)>>(iter: I) -> Self {
        let mut points: Vec<(String, i32)> = iter.into_iter().collect();
        // A stable sort keeps repeats in the order given, so the last one is the run's last.
        points.sort_by(|a, b| a.0.cmp(&b.0));
        points.reverse();
        points.dedup_by(|later, kept| later.0 == kept.0);
        points.reverse();
        Evidence(points)
    }
}

impl<'a> IntoIterator for &'a Evidence {
    type Item = (&'a String, &'a i32);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, i32)>,
        fn(&'a (String, i32)) -> (&'a String, &'a i32),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(id, points)| (id, points))
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Read as the map it is written as, so types and messages are a map's.
        Ok(BTreeMap::<String, i32>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

impl JsonSchema for Evidence {
    fn inline_schema() -> bool {
        true
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        BTreeMap::<String, i32>::schema_id()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        BTreeMap::<String, i32>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        BTreeMap::<String, i32>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_reads_and_writes_as_a_table_in_id_order() {
        // As a map would: sorted by outcome id, and of a repeated id the last one counts.
        let evidence: Evidence = serde_json::from_str(r#"{"cto": 2, "cio": -1, "cto": 3}"#)
            .expect("evidence reads from a table");
        let points: Vec<(&String, &i32)> = evidence.iter().collect();
        assert_eq!(
            points,
            [(&"cio".to_string(), &-1), (&"cto".to_string(), &3)]
        );
        let json = serde_json::to_string(&evidence).expect("evidence writes");
        assert_eq!(json, r#"{"cio":-1,"cto":3}"#);
        let built: Evidence = [
            ("cto".to_string(), 2),
            ("cio".to_string(), -1),
            ("cto".to_string(), 3),
        ]
        .into_iter()
        .collect();
        assert_eq!(built, evidence);
        assert!(serde_json::from_str::<Evidence>(r#"{"cio": "x"}"#).is_err());
    }
}
