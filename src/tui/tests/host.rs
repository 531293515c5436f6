//! A host for tests: it plays the program around the TUI, remembering what it was asked to do
//! and answering as told, and the keys go through the run loop's own `step`, so effects and
//! replies flow as they do in the real program.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use techhire::Interview;
use techhire::session::{Audience, Saved, Timestamp};

use super::{answers, tree};
use crate::tui::app::App;
use crate::tui::host::{Choose, Draft, Host, Listed, Start};
use crate::tui::keys::{action_for, paste_action};
use crate::tui::step;
use crate::tui::theme::{Theme, ThemeName};
use techhire::report::Format;

/// What the TUI asked of its host, and what the host will say.
#[derive(Default)]
pub struct FakeHost {
    /// What each save says, in order; quietly once these run out.
    pub saves: VecDeque<Saved>,
    /// How many times the answers were saved.
    pub recorded: usize,
    pub names: Vec<(String, String)>,
    /// Notes saved, by question id (`*` for the note on the whole interview), and text.
    pub notes: Vec<(String, String)>,
    /// Whether each note saved was private.
    pub private: Vec<bool>,
    /// The note being written, as the TUI last told it: (question id or `*`, text).
    pub draft: Option<(String, String)>,
    pub resumed: Vec<PathBuf>,
    /// What resuming gives, in order; "cannot open" once these run out.
    pub resumes: VecDeque<Result<Start, String>>,
    pub exports: Vec<Format>,
    /// Whose copy each report was.
    pub copies: Vec<Audience>,
    /// Why writing reports fails, if it should.
    pub export_fails: Option<String>,
}

impl FakeHost {
    fn saved(&mut self) -> Saved {
        self.saves.pop_front().unwrap_or(Saved::Quietly)
    }
}

impl Host for FakeHost {
    fn record(&mut self, _: &Interview) -> Saved {
        self.recorded += 1;
        self.saved()
    }

    fn set_names(&mut self, client: &str, consultant: &str) -> Saved {
        self.names.push((client.into(), consultant.into()));
        self.saved()
    }

    fn set_note(&mut self, question: Option<&str>, text: &str, private: bool) -> Saved {
        self.notes
            .push((question.unwrap_or("*").into(), text.into()));
        self.private.push(private);
        self.saved()
    }

    fn keep_draft(&mut self, draft: Option<&Draft>) {
        self.draft = draft.map(|d| {
            (
                d.question.clone().unwrap_or_else(|| "*".into()),
                d.text.clone(),
            )
        });
    }

    fn resume(&mut self, path: &Path) -> Result<Start, String> {
        self.resumed.push(path.to_path_buf());
        self.resumes
            .pop_front()
            .unwrap_or_else(|| Err(format!("cannot open {}", path.display())))
    }

    fn export(&mut self, _: &Interview, format: Format, copy: Audience) -> Result<PathBuf, String> {
        self.exports.push(format);
        self.copies.push(copy);
        if let Some(why) = &self.export_fails {
            return Err(why.clone());
        }
        Ok(PathBuf::from(format!(
            "/home/jo/clients/techhire-acme-ltd-2026-11-23.{}",
            format.extension()
        )))
    }
}

/// Presses a key as the run loop does: the key table, then `step` with the host.
pub fn key(app: &mut App, host: &mut FakeHost, code: KeyCode) {
    key_with(app, host, code, KeyModifiers::NONE);
}

pub fn key_with(app: &mut App, host: &mut FakeHost, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = action_for(app.context(), KeyEvent::new(code, modifiers)) {
        step(app, host, action);
    }
}

/// Types text one key at a time (`\n` as Enter).
pub fn type_text(app: &mut App, host: &mut FakeHost, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        key(app, host, code);
    }
}

/// Pastes text, as a terminal with bracketed paste sends it.
pub fn paste(app: &mut App, host: &mut FakeHost, text: &str) {
    if let Some(action) = paste_action(app.context(), text.to_string()) {
        step(app, host, action);
    }
}

/// The saved sessions the start screen lists in these tests.
pub fn saved_sessions() -> Vec<Listed> {
    let listed = |client: &str, updated: &str, progress: &str, outcome: Option<&str>| Listed {
        path: PathBuf::from(format!(
            "/data/sessions/{}.json",
            client.to_lowercase().replace(' ', "-")
        )),
        client: client.into(),
        updated: Timestamp::parse(updated),
        progress: progress.into(),
        outcome: outcome.map(String::from),
        problem: None,
    };
    vec![
        listed(
            "Acme Ltd",
            "2026-11-23T09:47:00Z",
            "4 answered, 3 to 6 to go",
            None,
        ),
        listed(
            "Beta GmbH",
            "2026-11-22T16:05:00Z",
            "finished",
            Some("Hire a CTO"),
        ),
        listed(
            "(no name) k3f9x2",
            "2026-11-20T11:30:00Z",
            "1 answered, 7 to 10 to go",
            None,
        ),
        Listed {
            path: PathBuf::from("/data/sessions/broken.json"),
            client: "broken.json".into(),
            updated: None,
            progress: String::new(),
            outcome: None,
            problem: Some(
                "ends early, at line 12, column 3: it looks cut off (truncated), perhaps by a \
                 failed copy or download; it was left as it is. Use another copy of it"
                    .into(),
            ),
        },
    ]
}

/// A new interview at the start screen, with the saved sessions above.
pub fn at_start(width: u16, height: u16) -> App {
    at_start_with(saved_sessions(), width, height)
}

/// A new interview at the start screen, with these saved sessions.
pub fn at_start_with(saved: Vec<Listed>, width: u16, height: u16) -> App {
    App::begin(
        Start {
            interview: Interview::new(tree()),
            notes: BTreeMap::new(),
            private: BTreeSet::new(),
            interview_note: None,
            client: None,
            notice: Vec::new(),
            room: None,
            choose: Some(Choose {
                client: String::new(),
                consultant: String::new(),
                saved,
                time: crate::commands::opening::minute,
            }),
        },
        Theme::named(ThemeName::Dark),
        width,
        height,
    )
}

/// Acme's session as resuming gives it: the first `answered` of the cio answers, a note, and
/// what the notice says after a change of question tree.
pub fn acme(answered: usize) -> Start {
    let tree = tree();
    let file = answers("cio");
    let mut interview = Interview::new(tree.clone());
    for _ in 0..answered {
        let Some(q) = interview.current() else { break };
        let id = &tree.question(q).id;
        let choice = file
            .iter()
            .find(|(question, _)| question == id)
            .and_then(|(_, c)| tree.choice_index(q, c))
            .expect("an answer");
        interview.answer(choice).expect("answered");
    }
    let notes = BTreeMap::from([(
        "focus".to_string(),
        "Board wants an AI plan by Q3; the CFO is wary of big platform bets.".to_string(),
    )]);
    Start {
        interview,
        notes,
        private: BTreeSet::new(),
        interview_note: None,
        client: Some("Acme Ltd".into()),
        notice: vec![
            format!(
                "Resuming session 4twg7g for Acme Ltd, last saved 2026-11-23 09:47 UTC: \
                 {answered} answered."
            ),
            "The questions have changed since this session was saved: it was saved on \
             version 1.0.0 of the questions and this is version 1.1.0."
                .into(),
            "3 answers still fit and are kept. One answer no longer fits and was set aside; \
             nothing was matched to a different question or choice, and the set-aside answers \
             stay in the session file under \"dropped\":"
                .into(),
            "  - budget: \"Over $50 million\" (the question was removed)".into(),
            "The interview asks again wherever an answer is now missing.".into(),
        ],
        choose: None,
        room: None,
    }
}
