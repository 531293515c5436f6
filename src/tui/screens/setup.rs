//! Setting up a workshop room: who it is for, and the people who answer, one a line, in the
//! order they will take the keyboard ("Ben (CFO)" gives a role). Enter goes to the next line,
//! and after the last person opens one more; on "Start the workshop" it asks the host to set
//! the workshop up, which says what is wrong if it cannot.

use crate::tui::action::Action;
use crate::tui::editor::Editor;
use crate::tui::host::Effect;
use crate::tui::layout::{self, keep_in_view};
use crate::tui::room::RoomRequest;
use crate::tui::screens::start::NAME_LIMIT;
use crate::tui::shared::Shared;
use crate::tui::transition::Transition;

/// The most people a room takes: past this, a workshop is better run on several machines.
pub const MOST_PEOPLE: usize = 20;

/// The set-up on screen.
pub struct SetupScreen {
    pub client: Editor,
    /// One line per person, in the order they answer.
    pub people: Vec<Editor>,
    /// The line with the focus: 0 the client, then each person, then "Start the workshop".
    pub focus: usize,
    /// The first line in view, when they do not all fit.
    pub offset: usize,
}

impl SetupScreen {
    /// The client as given on the command line, and two people to name.
    pub fn new(client: &str) -> SetupScreen {
        let blank = || Editor::new("", false, NAME_LIMIT);
        SetupScreen {
            client: Editor::new(client, false, NAME_LIMIT),
            people: vec![blank(), blank()],
            focus: 0,
            offset: 0,
        }
    }

    /// "Start the workshop", the last line.
    pub fn button(&self) -> usize {
        self.people.len() + 1
    }

    /// Whether a line being typed has the focus.
    pub fn is_field(&self) -> bool {
        self.focus < self.button()
    }

    fn field(&mut self) -> Option<&mut Editor> {
        match self.focus {
            0 => Some(&mut self.client),
            i => self.people.get_mut(i - 1),
        }
    }

    /// Applies a key.
    pub fn update(&mut self, action: Action, shared: &mut Shared) -> Transition {
        let button = self.button();
        let mut cut = false;
        match action {
            Action::Type(c) => {
                if let Some(field) = self.field() {
                    cut = !field.insert(c.encode_utf8(&mut [0; 4]));
                }
            }
            Action::Paste(text) => {
                if let Some(field) = self.field() {
                    // One line per person: a pasted line break is a space.
                    cut = !field.insert(&text.replace(['\n', '\r'], " "));
                }
            }
            Action::Left => self.field().map_or((), Editor::left),
            Action::Right => self.field().map_or((), Editor::right),
            Action::Home => self.field().map_or((), Editor::home),
            Action::End => self.field().map_or((), Editor::end),
            Action::DeleteForward => self.field().map_or((), Editor::delete_forward),
            // Backspace on an empty line past the first two people takes that line away.
            Action::DeleteBack
                if self.focus > 2
                    && self.is_field()
                    && self.people[self.focus - 1].text().is_empty() =>
            {
                self.people.remove(self.focus - 1);
                self.focus -= 1;
            }
            Action::DeleteBack => self.field().map_or((), Editor::delete_back),
            Action::NextField => self.focus = (self.focus + 1).min(button),
            Action::PreviousField => self.focus = self.focus.saturating_sub(1),
            Action::Confirm if self.focus == button => return self.begin(shared),
            Action::Confirm => {
                let last = self.focus == self.people.len();
                let typed = self.field().is_some_and(|f| !f.text().trim().is_empty());
                if last && typed && self.people.len() < MOST_PEOPLE {
                    self.people.push(Editor::new("", false, NAME_LIMIT));
                }
                self.focus += 1;
            }
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

    /// Asks the host to set the workshop up with the people named (blank lines left out).
    fn begin(&mut self, shared: &mut Shared) -> Transition {
        let people: Vec<String> = self
            .people
            .iter()
            .map(|p| p.text().trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        if people.len() < 2 {
            shared.notice = Some(
                "A workshop needs two or more people: name each on a line of their own.".into(),
            );
            self.focus = 1 + people.len();
            return Transition::Stay;
        }
        let client = self.client.text().trim().to_string();
        shared
            .effects
            .push(Effect::Room(RoomRequest::SetUp { client, people }));
        Transition::Stay
    }

    /// Keeps the line with the focus in view.
    pub fn settle(&mut self, shared: &Shared) {
        let plan = layout::room::setup(layout::body(shared), self.button() + 1);
        let visible = usize::from(plan.list.height).max(1);
        self.offset = keep_in_view(self.offset, self.focus, self.focus + 1, visible)
            .min((self.button() + 1).saturating_sub(visible));
    }
}
