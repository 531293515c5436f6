//! The report overlay on the result screen: which format to write, and where the last report
//! went (or why it could not be written), so the consultant can write all three in a row.

use crate::cli::ReportFormat;
use crate::tui::action::Action;
use crate::tui::host::Effect;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The formats offered, in order: the one for the client first.
pub const FORMATS: [(ReportFormat, &str, &str); 3] = [
    (
        ReportFormat::Html,
        "HTML",
        "to print or send: one self-contained page",
    ),
    (
        ReportFormat::Markdown,
        "Markdown",
        "for email and documents",
    ),
    (ReportFormat::Json, "JSON", "for other programs"),
];

/// The overlay's state.
#[derive(Debug)]
pub struct ExportMenu {
    /// The highlighted format, an index into [`FORMATS`].
    pub choice: usize,
    /// The last report written, or why it could not be.
    pub written: Option<Written>,
}

/// What happened to the last report asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Written to this file (its full path).
    To { format: &'static str, path: String },
    /// Not written, and why.
    Failed { format: &'static str, why: String },
}

impl ExportMenu {
    /// The menu with format `choice` highlighted (an index into [`FORMATS`]).
    pub fn new(choice: usize) -> ExportMenu {
        ExportMenu {
            choice: choice.min(FORMATS.len() - 1),
            written: None,
        }
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        let last = FORMATS.len() - 1;
        match action {
            Action::Up => self.choice = self.choice.saturating_sub(1),
            Action::Down => self.choice = (self.choice + 1).min(last),
            Action::Number(n) if (1..=FORMATS.len()).contains(&usize::from(n)) => {
                self.choice = usize::from(n) - 1;
                self.write(shared);
            }
            Action::Number(_) => {
                shared.notice = Some(format!("Press 1 to {} to pick a format.", FORMATS.len()));
            }
            Action::Confirm => self.write(shared),
            Action::Dismiss => return Transition::Close,
            Action::Unbound => {
                shared.notice = Some(format!(
                    "Press 1 to {} or Enter to write a report; Esc closes.",
                    FORMATS.len()
                ));
            }
            _ => {}
        }
        Transition::Stay
    }

    fn write(&mut self, shared: &mut Shared) {
        let (format, _, _) = FORMATS[self.choice.min(FORMATS.len() - 1)];
        self.written = None;
        shared.effects.push(Effect::Export(format));
    }

    /// Records the host's answer.
    pub fn written(&mut self, format: ReportFormat, result: Result<std::path::PathBuf, String>) {
        let name = name(format);
        self.written = Some(match result {
            Ok(path) => Written::To {
                format: name,
                path: path.display().to_string(),
            },
            Err(why) => Written::Failed { format: name, why },
        });
    }
}

/// The name of a format, as the overlay says it.
fn name(format: ReportFormat) -> &'static str {
    FORMATS
        .iter()
        .find(|(f, _, _)| *f == format)
        .map_or("text", |(_, name, _)| name)
}

/// A format's place in [`FORMATS`] (the first when it is not offered).
pub fn index(format: ReportFormat) -> usize {
    FORMATS
        .iter()
        .position(|(f, _, _)| *f == format)
        .unwrap_or(0)
}
