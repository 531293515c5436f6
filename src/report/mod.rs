//! Reports the client keeps: pure renderers from a finished interview to text for the
//! terminal, Markdown for email and documents, self-contained HTML for print, and versioned JSON
//! for programs. No files, no terminal: callers decide where the output goes.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::interview::Interview;
use crate::outcome::{Reason, Recommendation, WhatIf};
use crate::session::Timestamp;
use crate::tree::{Choice, Question, Tree};

/// Everything a report shows: the tree, the finished interview, and who it was for.
pub struct ReportInput<'a> {
    pub tree: &'a Tree,
    pub interview: &'a Interview,
    pub recommendation: &'a Recommendation,
    /// Client and consultant names, when a session recorded them.
    pub client: Option<&'a str>,
    pub consultant: Option<&'a str>,
    /// When the interview finished, as text (RFC 3339 or a date), when known.
    pub date: Option<&'a str>,
    /// Free-text notes per question id, already chosen for the reader: the client's report
    /// has no private note (see `session::Session::report_notes`).
    pub notes: &'a std::collections::BTreeMap<String, String>,
    /// The note on the interview as a whole, when this report shows one.
    pub interview_note: Option<&'a str>,
    /// The consultant's copy: private notes are in it (marked), and its heading says it is not
    /// for the client.
    pub private_notes: bool,
    /// The consultant's firm, from the config file: its name and logo head the report.
    pub firm: Option<&'a crate::config::Firm>,
}

/// What heads the consultant's copy, so it is never handed over by mistake.
pub const CONSULTANT_COPY: &str =
    "Consultant's copy: it includes private notes; not for the client.";

impl ReportInput<'_> {
    /// The note on the interview as a whole, when there is one worth showing.
    fn note_on_interview(&self) -> Option<&str> {
        self.interview_note.map(str::trim).filter(|n| !n.is_empty())
    }

    /// The firm's name, when the config file gives one.
    fn firm_name(&self) -> Option<&str> {
        self.firm.and_then(|f| f.name.as_deref())
    }

    fn question(&self, index: usize) -> &Question {
        self.tree.question(index)
    }

    fn choice(&self, question: usize, choice: usize) -> &Choice {
        &self.tree.question(question).choices[choice]
    }

    /// Why an answer points where it does: the tree's reason, or the choice's label.
    fn reason_text(&self, reason: &Reason) -> &str {
        let choice = self.choice(reason.question, reason.choice);
        choice.reason.as_deref().unwrap_or(&choice.label)
    }

    /// The note taken on a question, when there is one worth showing.
    fn note(&self, question: usize) -> Option<&str> {
        self.notes
            .get(&self.question(question).id)
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
    }

    /// Notes on questions that are not among the answers shown (asked on another path, or not
    /// answered yet), so no note is left out of a report: in the tree's order, then notes on
    /// questions the tree does not have, by id.
    fn other_notes(&self) -> Vec<OtherNote<'_>> {
        let path = self.interview.path();
        let mut notes: Vec<OtherNote> = self
            .notes
            .iter()
            .filter(|(_, note)| !note.trim().is_empty())
            .filter_map(|(id, note)| {
                let index = self.tree.question_index(id);
                let on_path = index.is_some_and(|q| path.iter().any(|s| s.question == q));
                (!on_path).then(|| OtherNote {
                    id,
                    index,
                    note: note.trim(),
                })
            })
            .collect();
        notes.sort_by_key(|n| n.index.unwrap_or(usize::MAX));
        notes
    }

    /// The what-ifs grouped by question, in the order the questions were asked.
    fn what_ifs_by_question(&self) -> Vec<(usize, usize, Vec<&WhatIf>)> {
        let mut groups: Vec<(usize, usize, Vec<&WhatIf>)> = Vec::new();
        for w in &self.recommendation.what_ifs {
            match groups.last_mut() {
                Some((q, _, list)) if *q == w.question => list.push(w),
                _ => groups.push((w.question, w.from, vec![w])),
            }
        }
        groups
    }
}

/// A note on a question that is not among the answers.
struct OtherNote<'a> {
    /// The question's id, as the note was saved.
    id: &'a str,
    /// The question's index, when the tree has it.
    index: Option<usize>,
    note: &'a str,
}

impl<'a> OtherNote<'a> {
    /// What the note is about: the question's prompt, or its id when the tree has no such
    /// question.
    fn about(&self, tree: &'a Tree) -> &'a str {
        self.index
            .map_or(self.id, |q| tree.question(q).prompt.as_str())
    }
}

/// What to say when no single changed answer would change the result; `label` prepares an
/// outcome's label for the output format.
fn settled(input: &ReportInput, label: impl Fn(&str) -> String) -> String {
    let rec = input.recommendation;
    match rec.runner_up {
        Some(r) => format!(
            "No single changed answer would change this recommendation: it is {} clear of {}, so more than one answer would have to change.",
            points(rec.margin),
            label(&input.tree.outcome(r).label)
        ),
        None => "No single changed answer would change this recommendation.".to_string(),
    }
}

/// Points as a signed number, e.g. `+3`, `-2`, `0`.
fn signed(points: i64) -> String {
    if points > 0 {
        format!("+{points}")
    } else {
        points.to_string()
    }
}

/// `1 point`, `7 points`.
fn points(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} point")
    } else {
        format!("{n} points")
    }
}

/// `1 more question`, `2 to 4 more questions`.
fn more_questions(fewest: u32, most: u32) -> String {
    match (fewest, most) {
        (1, 1) => "1 more question".to_string(),
        (f, m) if f == m => format!("{f} more questions"),
        (f, m) => format!("{f} to {m} more questions"),
    }
}

/// "23 November 2026" for an RFC 3339 time (on the user's calendar: an evening in New York is
/// that day, not the next) or a `YYYY-MM-DD` date; other text as given.
pub(crate) fn long_date(date: &str) -> String {
    long_date_in(date, &jiff::tz::TimeZone::system())
}

/// [`long_date`] on the calendar of a given time zone.
fn long_date_in(date: &str, zone: &jiff::tz::TimeZone) -> String {
    let parsed = Timestamp::parse(date)
        .map(|t| t.date_in(zone))
        .or_else(|| Timestamp::parse(&format!("{date}T00:00:00Z")).map(Timestamp::date));
    let Some(iso) = parsed else {
        return date.to_string();
    };
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, rest) = iso.split_at(4);
    let month: usize = rest[1..3].parse().unwrap_or(1);
    let day: u32 = rest[4..6].parse().unwrap_or(1);
    format!("{day} {} {year}", MONTHS[(month - 1) % 12])
}

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_a_person_writes_them() {
        assert_eq!(long_date("2026-11-23T09:47:25Z"), "23 November 2026");
        let new_york = jiff::tz::TimeZone::get("America/New_York").unwrap();
        assert_eq!(
            long_date_in("2026-11-24T02:30:00Z", &new_york),
            "23 November 2026"
        );
        assert_eq!(long_date_in("2026-11-24", &new_york), "24 November 2026");
        assert_eq!(long_date("2026-01-05"), "5 January 2026");
        assert_eq!(long_date("next Tuesday"), "next Tuesday");
    }
}
