//! The start screen's state and keys: the client's and consultant's names for a new interview
//! (both optional), and the saved sessions to carry on with instead. Enter on a name or on
//! "Start" begins; Enter on a saved session asks the host to resume it, and a session that
//! cannot be opened says why here.

use techhire::session::Timestamp;

use crate::tui::action::Action;
use crate::tui::editor::Editor;
use crate::tui::host::{Choose, Effect, Listed};
use crate::tui::layout::start::{Focus, Plan, Widths};
use crate::tui::layout::{self, keep_in_view};
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The longest name kept, in bytes: a name, not a letter.
pub const NAME_LIMIT: usize = 200;

/// The start screen while it is shown.
pub struct StartScreen {
    pub client: Editor,
    pub consultant: Editor,
    pub focus: Focus,
    pub saved: Vec<Listed>,
    pub widths: Widths,
    /// How a time is shown.
    pub time: fn(Timestamp) -> String,
    /// The first saved session in view.
    pub offset: usize,
    /// Why the last session picked could not be opened.
    pub error: Option<String>,
    /// The names as given on the command line: starting with them unchanged saves nothing.
    given: (String, String),
}

impl StartScreen {
    /// The fields filled with the names given, the saved sessions listed.
    pub fn new(choose: Choose) -> StartScreen {
        let client = Editor::new(&choose.client, false, NAME_LIMIT);
        let consultant = Editor::new(&choose.consultant, false, NAME_LIMIT);
        let given = (client.text().to_string(), consultant.text().to_string());
        StartScreen {
            client,
            consultant,
            focus: Focus::Client,
            widths: Widths::measure(&choose.saved),
            saved: choose.saved,
            time: choose.time,
            offset: 0,
            error: None,
            given,
        }
    }

    /// The saved sessions replaced by `saved` (the list checked against the files): the
    /// highlight stays on the same session if it is still there, else on the row it was on.
    pub fn relist(&mut self, saved: Vec<Listed>) {
        if let Focus::Saved(i) = self.focus {
            let same = self
                .saved
                .get(i)
                .and_then(|was| saved.iter().position(|l| l.path == was.path));
            self.focus = match same {
                Some(j) => Focus::Saved(j),
                None if saved.is_empty() => Focus::Begin,
                None => Focus::Saved(i.min(saved.len() - 1)),
            };
        }
        self.widths = Widths::measure(&saved);
        self.saved = saved;
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

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        let here = self.index();
        let last = self.last();
        let mut cut = false;
        match action {
            Action::Type(c) => {
                if let Some(field) = self.field() {
                    cut = !field.insert(c.encode_utf8(&mut [0; 4]));
                }
            }
            Action::Paste(text) => {
                if let Some(field) = self.field() {
                    cut = !field.insert(&text);
                }
            }
            Action::Left | Action::Right | Action::Home | Action::End => {
                if let Some(field) = self.field() {
                    match action {
                        Action::Left => field.left(),
                        Action::Right => field.right(),
                        Action::Home => field.home(),
                        _ => field.end(),
                    }
                }
            }
            Action::DeleteBack => self.field().map_or((), Editor::delete_back),
            Action::DeleteForward => self.field().map_or((), Editor::delete_forward),
            Action::NextField | Action::Down => self.focus = self.at((here + 1).min(last)),
            Action::PreviousField | Action::Up => self.focus = self.at(here.saturating_sub(1)),
            Action::Top => self.focus = Focus::Client,
            Action::Bottom => self.focus = self.at(last),
            Action::Confirm => match self.focus {
                Focus::Saved(i) => {
                    if let Some(listed) = self.saved.get(i) {
                        self.error = None;
                        shared.effects.push(Effect::Resume(listed.path.clone()));
                    }
                }
                _ => return self.begin(shared),
            },
            Action::Help => return Transition::OpenHelp,
            Action::AskQuit => return Transition::OpenQuit,
            _ => {}
        }
        if cut {
            shared.notice = Some(format!(
                "A name can be up to {NAME_LIMIT} bytes long; the rest was left out."
            ));
        }
        Transition::Stay
    }

    /// Starts the new interview, saving the names when they are not those already saved.
    fn begin(&mut self, shared: &mut Shared) -> Transition {
        let client = self.client.text().trim().to_string();
        let consultant = self.consultant.text().trim().to_string();
        if (client.as_str(), consultant.as_str()) != (self.given.0.trim(), self.given.1.trim()) {
            shared.effects.push(Effect::SetNames {
                client: client.clone(),
                consultant,
            });
        }
        shared.client = Some(client).filter(|c| !c.is_empty());
        Transition::Question { changing: false }
    }

    /// The wheel moves through the saved sessions.
    pub fn wheel(&mut self, down: bool) {
        let count = self.saved.len();
        self.focus = match (self.focus, down) {
            (Focus::Saved(i), true) => Focus::Saved((i + 1).min(count.saturating_sub(1))),
            (Focus::Saved(0), false) => Focus::Begin,
            (Focus::Saved(i), false) => Focus::Saved(i - 1),
            (Focus::Begin, true) if count > 0 => Focus::Saved(0),
            (focus, _) => focus,
        };
    }

    /// A click puts the focus on a name or a row; a click on the highlighted row opens it.
    pub fn click(&mut self, column: u16, row: u16, shared: &mut Shared) -> Transition {
        let plan = self.plan(shared);
        let Some(target) = plan.target_at(self.saved.len(), self.offset, column, row) else {
            return Transition::Stay;
        };
        if self.focus == target && !target.is_field() {
            return self.update(Action::Confirm, shared);
        }
        self.focus = target;
        Transition::Stay
    }

    /// Keeps the highlighted session in view.
    pub fn settle(&mut self, shared: &Shared) {
        let visible = usize::from(self.plan(shared).list.height);
        if let Focus::Saved(i) = self.focus {
            self.offset = keep_in_view(self.offset, i, i + 1, visible);
        }
        self.offset = self
            .offset
            .min(self.saved.len().saturating_sub(visible.max(1)));
    }

    fn plan(&self, shared: &Shared) -> Plan {
        layout::start::plan(&shared.theme, layout::body(shared), self.error.as_deref())
    }
}
