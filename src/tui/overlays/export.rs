//! The report overlay on the result screen: which format to write, for the client or as the
//! consultant's copy (with private notes; `c` switches), and every file written while it is
//! open (or why one could not be), so the consultant can write them all in a row.

use techhire::report::Format;
use techhire::session::Audience;

use crate::tui::action::Action;
use crate::tui::host::Effect;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The formats offered, in order: the one for the client first.
pub const FORMATS: [Format; Format::ALL.len()] = Format::ALL;

/// The digits that pick a format, as the footer says them: "1-5".
pub const KEYS: &str = digits(FORMATS.len());

const fn digits(count: usize) -> &'static str {
    match count {
        0 | 1 => "1",
        2 => "1-2",
        3 => "1-3",
        4 => "1-4",
        5 => "1-5",
        6 => "1-6",
        7 => "1-7",
        8 => "1-8",
        _ => "1-9",
    }
}

/// The overlay's state.
#[derive(Debug)]
pub struct ExportMenu {
    /// The highlighted format, an index into [`FORMATS`].
    pub choice: usize,
    /// Write the consultant's copy, with private notes, instead of the client's report.
    pub copy: Audience,
    /// Every report asked for while the box is open, oldest first: where it went, or why not.
    pub written: Vec<Written>,
    /// The folder reports go to, when the host said.
    pub folder: Option<String>,
}

/// What happened to a report asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub format: &'static str,
    pub copy: Audience,
    /// The file's full path, or why it could not be written.
    pub result: Result<String, String>,
}

impl ExportMenu {
    /// The menu with format `choice` highlighted (an index into [`FORMATS`]).
    pub fn new(choice: usize, folder: Option<String>) -> ExportMenu {
        ExportMenu {
            choice: choice.min(FORMATS.len() - 1),
            copy: Audience::Client,
            written: Vec::new(),
            folder,
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
            Action::TogglePrivate => {
                self.copy = match self.copy {
                    Audience::Client => Audience::Consultant,
                    Audience::Consultant => Audience::Client,
                };
            }
            Action::Dismiss => return Transition::Close,
            Action::Unbound => {
                shared.notice = Some(format!(
                    "Press 1 to {} or Enter to write a report, c for the consultant's copy; Esc closes.",
                    FORMATS.len()
                ));
            }
            _ => {}
        }
        Transition::Stay
    }

    fn write(&mut self, shared: &mut Shared) {
        let format = FORMATS[self.choice.min(FORMATS.len() - 1)];
        shared.effects.push(Effect::Export {
            format,
            copy: self.copy,
        });
    }

    /// Records the host's answer.
    pub fn written(
        &mut self,
        format: Format,
        copy: Audience,
        result: Result<std::path::PathBuf, String>,
    ) {
        self.written.push(Written {
            format: format.name(),
            copy,
            result: result.map(|path| path.display().to_string()),
        });
    }
}

/// A format's place in [`FORMATS`] (the first when it is not offered).
pub fn index(format: Format) -> usize {
    FORMATS.iter().position(|f| *f == format).unwrap_or(0)
}
