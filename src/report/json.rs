//! The result as versioned JSON for programs (`"format": "techhire-result", "version": 1`),
//! documented field by field in `docs/report-json.md`. Fields are only ever added within a
//! version; a change that could break a reader bumps `version`.

use serde::Serialize;

use super::ReportInput;
use crate::tree::{Outcome, Source};

/// The value of `format`, so a reader can tell this document from others.
pub const FORMAT: &str = "techhire-result";
/// The version of this layout.
pub const VERSION: u32 = 1;

/// Renders the result as pretty-printed JSON, ending in a newline.
pub fn render(input: &ReportInput) -> String {
    crate::text::json_output(&document(input))
}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    tree: TreeInfo<'a>,
    client: Option<&'a str>,
    consultant: Option<&'a str>,
    /// The consultant's firm, from the config file.
    firm: Option<&'a str>,
    date: Option<&'a str>,
    recommendation: Named<'a>,
    headline: String,
    leaders: Vec<Named<'a>>,
    summary: &'a str,
    runner_up: Option<Named<'a>>,
    scores: Vec<Score<'a>>,
    margin: i64,
    close_call: bool,
    tie: bool,
    settled_by: Vec<QuestionRef<'a>>,
    rules: Vec<RuleRef<'a>>,
    ruled_out: Vec<RuledOut<'a>>,
    unsure: Option<Unsure<'a>>,
    answers: Vec<Answer<'a>>,
    what_ifs: Vec<WhatIf<'a>>,
    other_notes: Vec<OtherNote<'a>>,
    /// The note on the interview as a whole.
    interview_note: Option<&'a str>,
    /// The consultant's copy, with private notes.
    consultant_copy: bool,
    guidance: Guidance<'a>,
}

/// A note on a question that is not among `answers`.
#[derive(Serialize)]
struct OtherNote<'a> {
    question: &'a str,
    prompt: Option<&'a str>,
    note: &'a str,
}

#[derive(Serialize)]
struct TreeInfo<'a> {
    title: &'a str,
    version: &'a str,
}

/// An outcome or choice: its id for programs and its label for people.
#[derive(Serialize)]
struct Named<'a> {
    id: &'a str,
    label: &'a str,
}

/// A question: its id, and the question as asked.
#[derive(Serialize)]
struct QuestionRef<'a> {
    id: &'a str,
    prompt: &'a str,
}

#[derive(Serialize)]
struct Score<'a> {
    id: &'a str,
    label: &'a str,
    points: i64,
}

#[derive(Serialize)]
struct Answer<'a> {
    question: QuestionRef<'a>,
    choice: Named<'a>,
    reason: Option<&'a str>,
    evidence: Vec<Evidence<'a>>,
    lead: i64,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Evidence<'a> {
    outcome: &'a str,
    points: i32,
}

/// A rule that holds: its id and its reason.
#[derive(Serialize)]
struct RuleRef<'a> {
    id: &'a str,
    reason: &'a str,
}

/// An outcome the rules took off the table, and why.
#[derive(Serialize)]
struct RuledOut<'a> {
    outcome: Named<'a>,
    rules: Vec<RuleRef<'a>>,
}

#[derive(Serialize)]
struct Unsure<'a> {
    questions: Vec<QuestionRef<'a>>,
    holds: bool,
    complete: bool,
    changes: Vec<WhatIf<'a>>,
    together: Option<Together<'a>>,
}

#[derive(Serialize)]
struct Together<'a> {
    answers: Vec<Given<'a>>,
    outcomes: Vec<Named<'a>>,
}

#[derive(Serialize)]
struct Given<'a> {
    question: QuestionRef<'a>,
    choice: Named<'a>,
}

#[derive(Serialize)]
struct WhatIf<'a> {
    question: QuestionRef<'a>,
    from: Named<'a>,
    to: Named<'a>,
    outcome: Named<'a>,
    tied_with: Vec<Named<'a>>,
    complete: bool,
    unanswered: Option<Unanswered<'a>>,
}

#[derive(Serialize)]
struct Unanswered<'a> {
    first: QuestionRef<'a>,
    fewest: u32,
    most: u32,
}

#[derive(Serialize)]
struct Guidance<'a> {
    owns: &'a [String],
    priorities: &'a [String],
    profile: &'a str,
    risks: &'a [String],
    next_steps: &'a [String],
    collaboration: Option<&'a str>,
    when_to_split: Option<&'a str>,
    sources: Vec<&'a Source>,
}

fn outcome(o: &Outcome) -> Named<'_> {
    Named {
        id: &o.id,
        label: &o.label,
    }
}

fn document<'a>(input: &'a ReportInput<'a>) -> Document<'a> {
    let tree = input.tree;
    let rec = input.recommendation;
    let question = |q: usize| {
        let question = tree.question(q);
        QuestionRef {
            id: &question.id,
            prompt: &question.prompt,
        }
    };
    let choice = |q: usize, c: usize| {
        let choice = &tree.question(q).choices[c];
        Named {
            id: &choice.id,
            label: &choice.label,
        }
    };
    let recommended = tree.outcome(rec.outcome);
    // Outcomes are named as the client's situation words them (a rule's `labels`).
    let named = |o: usize, rules: &[usize]| Named {
        id: &tree.outcome(o).id,
        label: crate::outcome::label_in(tree, o, rules),
    };
    let rule = |r: usize| RuleRef {
        id: &tree.rules()[r].id,
        reason: &tree.rules()[r].reason,
    };
    let what_if = |w: &crate::WhatIf| WhatIf {
        question: question(w.question),
        from: choice(w.question, w.from),
        to: choice(w.question, w.to),
        outcome: named(w.outcome, &w.rules),
        tied_with: w.tied_with.iter().map(|&o| named(o, &w.rules)).collect(),
        complete: w.unanswered.is_none(),
        unanswered: w.unanswered.map(|u| Unanswered {
            first: question(u.first),
            fewest: u.fewest,
            most: u.most,
        }),
    };
    Document {
        format: FORMAT,
        version: VERSION,
        tree: TreeInfo {
            title: &tree.meta().title,
            version: &tree.meta().version,
        },
        client: input.client,
        consultant: input.consultant,
        firm: input.firm_name(),
        date: input.date,
        recommendation: named(rec.outcome, &rec.rules),
        headline: rec.headline(tree),
        leaders: rec.leaders.iter().map(|&o| named(o, &rec.rules)).collect(),
        summary: &recommended.summary,
        runner_up: rec.runner_up.map(|r| named(r, &rec.rules)),
        scores: tree
            .outcomes()
            .iter()
            .zip(&rec.scores)
            .map(|(o, &points)| Score {
                id: &o.id,
                label: &o.label,
                points,
            })
            .collect(),
        margin: rec.margin,
        close_call: rec.close_call,
        tie: rec.tie,
        settled_by: rec.settled_by.iter().map(|&q| question(q)).collect(),
        rules: rec.rules.iter().map(|&r| rule(r)).collect(),
        ruled_out: rec
            .ruled_out
            .iter()
            .map(|r| RuledOut {
                outcome: outcome(tree.outcome(r.outcome)),
                rules: r.rules.iter().map(|&x| rule(x)).collect(),
            })
            .collect(),
        unsure: rec.unsure.as_ref().map(|u| Unsure {
            questions: u.questions.iter().map(|&q| question(q)).collect(),
            holds: u.holds,
            complete: u.complete,
            changes: u.changes.iter().map(what_if).collect(),
            together: u.together.as_ref().map(|c| Together {
                answers: c
                    .answers
                    .iter()
                    .map(|s| Given {
                        question: question(s.question),
                        choice: choice(s.question, s.choice),
                    })
                    .collect(),
                outcomes: c.leaders.iter().map(|&o| named(o, &c.rules)).collect(),
            }),
        }),
        answers: rec
            .reasons
            .iter()
            .map(|r| Answer {
                question: question(r.question),
                choice: choice(r.question, r.choice),
                reason: tree.question(r.question).choices[r.choice]
                    .reason
                    .as_deref(),
                evidence: r
                    .evidence
                    .iter()
                    .map(|&(o, points)| Evidence {
                        outcome: &tree.outcome(o).id,
                        points,
                    })
                    .collect(),
                lead: r.lead,
                note: input.note(r.question),
            })
            .collect(),
        what_ifs: rec.what_ifs.iter().map(what_if).collect(),
        other_notes: input
            .other_notes()
            .into_iter()
            .map(|n| OtherNote {
                question: n.id,
                prompt: n.index.map(|q| tree.question(q).prompt.as_str()),
                note: n.note,
            })
            .collect(),
        interview_note: input.note_on_interview(),
        consultant_copy: input.private_notes,
        guidance: Guidance {
            owns: &recommended.owns,
            priorities: &recommended.priorities,
            profile: &recommended.profile,
            risks: &recommended.risks,
            next_steps: &recommended.next_steps,
            collaboration: recommended.collaboration.as_deref(),
            when_to_split: recommended.when_to_split.as_deref(),
            sources: recommended
                .sources
                .iter()
                .filter_map(|id| tree.source(id))
                .collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures::{BOTH, CIO, CLOSE_CALL, COMBINED, NARROW_CIO, finish, no_notes};
    use serde_json::Value;

    fn json_for(answers: &[(&str, &str)]) -> Value {
        json_with(answers, None, &no_notes())
    }

    fn json_with(
        answers: &[(&str, &str)],
        who: Option<(&str, &str, &str)>,
        notes: &std::collections::BTreeMap<String, String>,
    ) -> Value {
        let done = finish(answers);
        let input = ReportInput {
            tree: &done.tree,
            interview: &done.interview,
            recommendation: &done.recommendation,
            client: who.map(|w| w.0),
            consultant: who.map(|w| w.1),
            date: who.map(|w| w.2),
            notes,
            interview_note: None,
            private_notes: false,
            firm: None,
        };
        match serde_json::from_str(&render(&input)) {
            Ok(v) => v,
            Err(e) => panic!("render must give valid JSON: {e}"),
        }
    }

    #[test]
    fn client_consultant_date_and_every_note_come_through() {
        let mut notes = std::collections::BTreeMap::new();
        notes.insert(
            "size".to_string(),
            "about 900 staff\n<b>two</b>".to_string(),
        );
        notes.insert("product_team".to_string(), "agencies today".to_string());
        notes.insert("renamed".to_string(), "from an older tree".to_string());
        let who = ("Acme \"Ltd\"", "Jo Smith", "2026-11-23T09:47:25Z");
        let v = json_with(CIO, Some(who), &notes);
        assert_eq!(v["client"], "Acme \"Ltd\"");
        assert_eq!(v["consultant"], "Jo Smith");
        assert_eq!(v["date"], "2026-11-23T09:47:25Z");
        let answers = v["answers"].as_array().cloned().unwrap_or_default();
        let size = answers.iter().find(|a| a["question"]["id"] == "size");
        assert_eq!(
            size.map(|a| a["note"].clone()),
            Some(Value::from("about 900 staff\n<b>two</b>"))
        );
        assert_eq!(answers[0]["note"], Value::Null);
        assert_eq!(
            v["other_notes"],
            serde_json::json!([
                {
                    "question": "product_team",
                    "prompt": "Who builds the technology your customers use?",
                    "note": "agencies today"
                },
                { "question": "renamed", "prompt": null, "note": "from an older tree" }
            ])
        );
        let bare = json_for(CIO);
        assert_eq!(bare["client"], Value::Null);
        assert_eq!(bare["date"], Value::Null);
        assert_eq!(bare["other_notes"], serde_json::json!([]));
    }

    #[test]
    fn the_document_is_versioned_and_complete() {
        let v = json_for(CIO);
        assert_eq!(v["format"], "techhire-result");
        assert_eq!(v["version"], 1);
        assert_eq!(v["recommendation"]["id"], "cio");
        assert_eq!(v["recommendation"]["label"], "Hire a CIO");
        assert_eq!(v["close_call"], false);
        assert!(v["margin"].as_i64().unwrap_or(0) > 1, "{v}");
        assert_eq!(v["scores"].as_array().map(Vec::len), Some(4));
        assert_eq!(v["scores"][0]["id"], "cio");
        let answers = v["answers"].as_array().cloned().unwrap_or_default();
        assert_eq!(answers.len(), CIO.len());
        assert_eq!(answers[0]["question"]["id"], "looking_for");
        let prompt = answers[0]["question"]["prompt"]
            .as_str()
            .unwrap_or_default();
        assert!(prompt.starts_with("What do you most need"), "{v}");
        assert_eq!(answers[0]["choice"]["id"], "run_core");
        assert_eq!(answers[0]["evidence"][0]["outcome"], "cio");
        assert_eq!(answers[0]["evidence"][0]["points"], 3);
        assert_eq!(answers[0]["lead"], 3);
        assert_eq!(v["what_ifs"], serde_json::json!([]));
        let guidance = &v["guidance"];
        assert!(guidance["owns"].as_array().is_some_and(|o| !o.is_empty()));
        assert_eq!(guidance["collaboration"], Value::Null);
        assert_eq!(guidance["sources"][0]["id"], "norman");
    }

    #[test]
    fn what_ifs_say_whether_the_branch_is_complete() {
        let v = json_for(NARROW_CIO);
        assert_eq!(v["close_call"], true);
        assert_eq!(v["margin"], 1);
        let what_ifs = v["what_ifs"].as_array().cloned().unwrap_or_default();
        let open = what_ifs
            .iter()
            .find(|w| w["question"]["id"] == "business" && w["to"]["id"] == "tech_product");
        let open = open.unwrap_or_else(|| panic!("an open branch in {v}"));
        assert_eq!(open["complete"], false);
        assert_eq!(open["outcome"]["id"], "cto");
        assert_eq!(open["unanswered"]["first"]["id"], "product_team");
        // The branch rejoins `size`, already answered: only product_team is left to ask.
        assert_eq!(open["unanswered"]["fewest"], 1);
        assert_eq!(open["unanswered"]["most"], 1);
        assert!(
            what_ifs
                .iter()
                .any(|w| w["complete"] == true && w["unanswered"].is_null())
        );
    }

    #[test]
    fn a_tie_names_every_tied_outcome_and_what_settles_it() {
        let v = json_for(CLOSE_CALL);
        assert_eq!(v["tie"], true);
        assert_eq!(
            v["headline"],
            "Too close to call: Hire a CTO, or Hire one leader for both roles"
        );
        let ids: Vec<&str> = v["leaders"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|o| o["id"].as_str())
            .collect();
        assert_eq!(ids, ["cto", "combined"]);
        assert!(
            v["settled_by"].as_array().is_some_and(|q| !q.is_empty()),
            "{v}"
        );
        assert_eq!(v["ruled_out"], serde_json::json!([]));
        assert_eq!(v["unsure"], Value::Null);
    }

    #[test]
    fn ruled_out_outcomes_and_situational_wording_come_through() {
        let mut answers = CIO.to_vec();
        let at = answers.len() - 1;
        answers.splice(
            at - 1..at,
            [
                ("existing_leaders", "cio_in_place"),
                ("incumbent", "stays"),
                ("reporting", "peers"),
            ],
        );
        let v = json_for(&answers);
        assert_eq!(
            v["ruled_out"][0],
            serde_json::json!({
                "outcome": { "id": "cio", "label": "Hire a CIO" },
                "rules": [{ "id": "keeps_cio", "reason": "You have a CIO and are keeping them." }],
            })
        );
        assert_ne!(v["recommendation"]["id"], "cio");
        let rules: Vec<&str> = v["rules"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["id"].as_str())
            .collect();
        assert_eq!(rules, ["keeps_cio", "cio_stays_at_the_top"]);
        // Worded for a company keeping its CIO.
        assert_eq!(
            v["recommendation"]["label"],
            "Widen your CIO's remit to cover both roles"
        );
    }

    #[test]
    fn each_outcome_and_the_close_call_come_through() {
        assert_eq!(json_for(BOTH)["recommendation"]["id"], "both");
        let combined = json_for(COMBINED);
        assert_eq!(combined["recommendation"]["id"], "combined");
        assert!(combined["guidance"]["when_to_split"].is_string());
        let close = json_for(CLOSE_CALL);
        assert_eq!(close["close_call"], true);
        assert_eq!(close["tie"], true);
        assert_eq!(close["margin"], 0);
    }
}
