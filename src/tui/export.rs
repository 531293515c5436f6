//! The report overlay on the result screen: which format to write, and where the last report
//! went (or why it could not be written), so the consultant can write all three in a row.

use super::app::{Action, App, Overlay, open as open_overlay};
use super::host::Effect;
use techhire::report::Format;

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
#[derive(Debug, Default)]
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
    /// Records the host's answer.
    pub fn written(&mut self, format: Format, result: Result<std::path::PathBuf, String>) {
        let name = format.name();
        self.written = Some(match result {
            Ok(path) => Written::To {
                format: name,
                path: path.display().to_string(),
            },
            Err(why) => Written::Failed { format: name, why },
        });
    }
}

/// Opens the overlay on the result screen.
pub fn open(app: &mut App) {
    app.export.written = None;
    open_overlay(app, Overlay::Export);
}

/// Applies a key in the overlay.
pub fn update(app: &mut App, action: Action) {
    let menu = &mut app.export;
    let last = FORMATS.len() - 1;
    match action {
        Action::Up => menu.choice = menu.choice.saturating_sub(1),
        Action::Down => menu.choice = (menu.choice + 1).min(last),
        Action::Number(n) if (1..=FORMATS.len()).contains(&usize::from(n)) => {
            menu.choice = usize::from(n) - 1;
            write(app);
        }
        Action::Number(_) => {
            app.notice = Some(format!("Press 1 to {} to pick a format.", FORMATS.len()));
        }
        Action::Confirm => write(app),
        Action::Dismiss => app.overlay = None,
        _ => {}
    }
}

fn write(app: &mut App) {
    let format = FORMATS[app.export.choice.min(FORMATS.len() - 1)];
    app.export.written = None;
    app.effects.push(Effect::Export(format));
}
