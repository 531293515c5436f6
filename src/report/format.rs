//! The report formats: what each is called, its file extension, what it is for, and how it is
//! rendered. Adding a format is one file beside this one and one arm in each match below; the
//! command line, the export box and file naming all read this list.

use super::outline::Outline;
use super::pdf::{self, Paper, PrintError};
use super::{ReportInput, html, json, markdown, text};

/// A document the report can be written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Html,
    Pdf,
    Markdown,
    Text,
    Json,
}

impl Format {
    /// Every format, in the order the export box offers them: for the client first.
    pub const ALL: [Format; 5] = [
        Format::Html,
        Format::Pdf,
        Format::Markdown,
        Format::Text,
        Format::Json,
    ];

    /// The name on the command line (`--format html`).
    pub fn id(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Json => "json",
        }
    }

    /// The name people know it by: "HTML", "PDF".
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "HTML",
            Format::Pdf => "PDF",
            Format::Markdown => "Markdown",
            Format::Text => "text",
            Format::Json => "JSON",
        }
    }

    /// What it is for, in a few words.
    pub fn purpose(self) -> &'static str {
        match self {
            Format::Html => "to read or print: one self-contained page",
            Format::Pdf => "to send: the HTML printed by your browser",
            Format::Markdown => "for email and documents",
            Format::Text => "plain text, as on screen",
            Format::Json => "for other programs",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Json => "json",
        }
    }

    /// The format a file extension asks for (any case, without the dot).
    pub fn from_extension(extension: &str) -> Option<Format> {
        let extension = extension.to_ascii_lowercase();
        match extension.as_str() {
            "markdown" => Some(Format::Markdown),
            "htm" => Some(Format::Html),
            other => Format::ALL.into_iter().find(|f| f.extension() == other),
        }
    }

    /// The format named on the command line.
    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    /// Whether the document is text a terminal can show (PDF is not).
    pub fn is_text(self) -> bool {
        self != Format::Pdf
    }

    /// The report in this format, text wrapped at `width` columns (0: one line per paragraph).
    /// Only PDF can fail: it needs a browser to print it.
    pub fn render(self, input: &ReportInput, width: usize) -> Result<Vec<u8>, PrintError> {
        let text = match self {
            Format::Json => json::render(input),
            Format::Html => html::render(input),
            Format::Markdown => markdown::render(input),
            Format::Text => text::render(input, width),
            Format::Pdf => return pdf::render(&Outline::new(input), Paper::from_locale()),
        };
        Ok(text.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions_go_both_ways() {
        for format in Format::ALL {
            assert_eq!(Format::from_id(format.id()), Some(format));
            assert_eq!(Format::from_extension(format.extension()), Some(format));
        }
        assert_eq!(Format::from_extension("HTM"), Some(Format::Html));
        assert_eq!(Format::from_extension("Markdown"), Some(Format::Markdown));
        assert_eq!(Format::from_extension("docx"), None);
    }
}
