//! Reports the client keeps: pure renderers from a finished interview to text in a format
//! (Markdown, HTML, JSON). No files, no terminal: callers decide where the text goes.

mod chart;
pub mod html;

use crate::{Interview, Recommendation, Tree};

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
    /// Free-text notes per question id.
    pub notes: &'a std::collections::BTreeMap<String, String>,
}
