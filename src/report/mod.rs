//! Reports the client keeps. [`Outline`] decides what a report says, once, from a finished
//! interview; one file per [`Format`] draws it: text for the terminal, Markdown for email,
//! self-contained HTML to read and print, PDF printed from that HTML, versioned JSON for
//! programs. Renderers return the document; callers decide where it goes.

mod format;
pub mod html;
pub mod json;
pub mod markdown;
pub mod outline;
pub mod pdf;
pub mod text;
pub mod workshop;

pub use format::Format;
pub use outline::Outline;

use crate::interview::Interview;
use crate::outcome::Recommendation;
use crate::session::Timestamp;
use crate::tree::{Question, Tree};

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
