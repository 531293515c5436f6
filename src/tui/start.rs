//! The start screen's state and keys: the client's and consultant's names for a new interview
//! (both optional), and the saved sessions to carry on with instead. Enter on a name or on
//! "Start" begins; Enter on a saved session asks the host to resume it, and a session that
//! cannot be opened says why here.

use super::app::{Action, App, Overlay, open};
use super::editor::Editor;
use super::host::{Choose, Effect, Listed};
pub use super::layout::start::Focus;
use super::layout::{self, keep_in_view};

/// The longest name kept, in bytes: a name, not a letter.
pub const NAME_LIMIT: usize = 200;

/// The start screen while it is shown.
pub struct StartForm {
    pub client: Editor,
    pub consultant: Editor,
    pub focus: Focus,
    pub saved: Vec<Listed>,
    /// The first saved session in view.
    pub offset: usize,
    /// Why the last session picked could not be opened.
    pub error: Option<String>,
    /// The names as given on the command line: starting with them unchanged saves nothing.
    given: (String, String),
}

impl StartForm {
    pub fn new(choose: Choose) -> StartForm {
        let client = Editor::new(&choose.client, false, NAME_LIMIT);
        let consultant = Editor::new(&choose.consultant, false, NAME_LIMIT);
        let given = (client.text().to_string(), consultant.text().to_string());
        StartForm {
            client,
            consultant,
            focus: Focus::Client,
            saved: choose.saved,
            offset: 0,
            error: None,
            given,
        }
    }

    fn index(&self) -> usize {
        match self.focus {
            Focus::Client => 0,
            Focus::Consultant => 1,
            Focus::Begin => 2,
            Focus::Saved(i) => 3 + i,
        }
    }

    fn at(&self, index: usize) -> Focus {
        match index {
            0 => Focus::Client,
            1 => Focus::Consultant,
            2 => Focus::Begin,
            i => Focus::Saved((i - 3).min(self.saved.len().saturating_sub(1))),
        }
    }

    fn last(&self) -> usize {
        2 + self.saved.len()
    }

    fn field(&mut self) -> Option<&mut Editor> {
        match self.focus {
            Focus::Client => Some(&mut self.client),
            Focus::Consultant => Some(&mut self.consultant),
            _ => None,
        }
    }
}

/// Applies a key on the start screen.
pub fn update(app: &mut App, action: Action) {
    let Some(form) = &mut app.start else { return };
    let here = form.index();
    let last = form.last();
    let mut cut = false;
    match action {
        Action::Type(c) => {
            if let Some(field) = form.field() {
                cut = !field.insert(c.encode_utf8(&mut [0; 4]));
            }
        }
        Action::Paste(text) => {
            if let Some(field) = form.field() {
                cut = !field.insert(&text);
            }
        }
        Action::Left | Action::Right | Action::Home | Action::End => {
            if let Some(field) = form.field() {
                match action {
                    Action::Left => field.left(),
                    Action::Right => field.right(),
                    Action::Home => field.home(),
                    _ => field.end(),
                }
            }
        }
        Action::DeleteBack => form.field().map_or((), Editor::delete_back),
        Action::DeleteForward => form.field().map_or((), Editor::delete_forward),
        Action::NextField | Action::Down => form.focus = form.at((here + 1).min(last)),
        Action::PreviousField | Action::Up => form.focus = form.at(here.saturating_sub(1)),
        Action::Top => form.focus = Focus::Client,
        Action::Bottom => form.focus = form.at(last),
        Action::Confirm => match form.focus {
            Focus::Saved(i) => {
                if let Some(listed) = form.saved.get(i) {
                    form.error = None;
                    app.effects.push(Effect::Resume(listed.path.clone()));
                }
            }
            _ => begin(app),
        },
        Action::Help => open(app, Overlay::Help),
        Action::AskQuit => open(app, Overlay::Quit),
        _ => {}
    }
    if cut {
        app.notice = Some(format!(
            "A name can be up to {NAME_LIMIT} bytes long; the rest was left out."
        ));
    }
}

/// Starts the new interview, saving the names when they are not those already saved.
fn begin(app: &mut App) {
    let Some(form) = app.start.take() else { return };
    let client = form.client.text().trim().to_string();
    let consultant = form.consultant.text().trim().to_string();
    if (client.as_str(), consultant.as_str()) != (form.given.0.trim(), form.given.1.trim()) {
        app.effects.push(Effect::SetNames {
            client: client.clone(),
            consultant,
        });
    }
    app.shared.client = Some(client).filter(|c| !c.is_empty());
    app.show_question();
}

/// The wheel moves through the saved sessions.
pub fn wheel(app: &mut App, down: bool) {
    let Some(form) = &mut app.start else { return };
    let count = form.saved.len();
    form.focus = match (form.focus, down) {
        (Focus::Saved(i), true) => Focus::Saved((i + 1).min(count.saturating_sub(1))),
        (Focus::Saved(0), false) => Focus::Begin,
        (Focus::Saved(i), false) => Focus::Saved(i - 1),
        (Focus::Begin, true) if count > 0 => Focus::Saved(0),
        (focus, _) => focus,
    };
}

/// A click puts the focus on a name or a row; a click on the highlighted row opens it.
pub fn click(app: &mut App, column: u16, row: u16) {
    let Some(form) = &mut app.start else { return };
    let plan = layout::start::plan(
        &app.shared.theme,
        layout::body(&app.shared),
        form.error.as_deref(),
    );
    let Some(target) = plan.target_at(form.saved.len(), form.offset, column, row) else {
        return;
    };
    if form.focus == target && !target.is_field() {
        update(app, Action::Confirm);
    } else {
        form.focus = target;
    }
}

/// Keeps the highlighted session in view.
pub fn settle(app: &mut App) {
    let Some(form) = &mut app.start else { return };
    let body = layout::body(&app.shared);
    let plan = layout::start::plan(&app.shared.theme, body, form.error.as_deref());
    let visible = usize::from(plan.list.height);
    if let Focus::Saved(i) = form.focus {
        form.offset = keep_in_view(form.offset, i, i + 1, visible);
    }
    form.offset = form
        .offset
        .min(form.saved.len().saturating_sub(visible.max(1)));
}
