//! `techhire workshop room`: a workshop run in one room, full screen, passing the keyboard.
//! The room answers the company's facts together, then each person answers their views in an
//! ordinary session of their own (saved after every answer, locked while open, resumable),
//! never seeing anyone else's; the answers are revealed when the last person finishes, or
//! early when the consultant confirms it. This file is the room's host: the TUI asks it to
//! open and close each person's session, and it keeps the workshop file true.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use techhire::session::{Saved, SessionFile, Store, Timestamp, TreeStamp};
use techhire::text::terminal_safe;
use techhire::workshop::{self, Facts, Reveal, Status, Workshop, facts_step, status_of};
use techhire::{Interview, Tree};

use super::compare::reveal_of;
use super::{name_and_role, open};
use crate::cli;
use crate::commands::full_screen::{self, SessionHost};
use crate::commands::opening::{self, Names, Opened, failure, stamp};
use crate::commands::{Failure, PROBLEMS, USAGE, config, interview, load_tree, note_warnings};
use crate::commands::{program, quiet};
use crate::tui::{self, Room, RoomNews, RoomRequest, Seat, Stage};
use techhire::config::Config;

/// The room command: a new workshop with `people`, or the saved one `which`.
pub(super) fn run(
    questions: Option<&Path>,
    which: Option<&str>,
    client: Option<String>,
    people: &[String],
    theme: Option<cli::Theme>,
) -> Result<ExitCode, Failure> {
    let config = config::load()?;
    // What is wrong with the command line is said first; then the room needs a terminal.
    let (opened, created) = match which {
        Some(which) => {
            let opened = open(questions, which, true)?;
            needs_a_terminal()?;
            (opened, true)
        }
        // No people named: they are typed on the set-up screen, and nothing is written before.
        None if people.is_empty() => {
            needs_a_terminal()?;
            (unwritten(questions, client, &config)?, false)
        }
        None => {
            two_or_more(people)?;
            needs_a_terminal()?;
            let mut opened = unwritten(questions, client, &config)?;
            create(&mut opened, people)?;
            (opened, true)
        }
    };
    let mut host = RoomHost {
        folder: opened.folder().to_path_buf(),
        path: opened.path,
        _held: opened.held,
        workshop: opened.workshop,
        tree: opened.tree,
        stamp: opened.stamp,
        questions,
        config: &config,
        turn: None,
        draft: None,
        facts_fixed: false,
        created,
    };
    let start = host.begin()?;
    host.arm();
    let report_folder = config::report_folder(&config)
        .ok()
        .map(|(folder, _)| folder.display().to_string());
    let options = tui::TuiOptions {
        theme: interview::theme(theme, &config),
        report_folder,
        ..tui::TuiOptions::default()
    };
    let result = tui::run(start, options, &mut host);
    // Whoever was answering: their session saved and let go.
    if let Some(mut turn) = host.turn.take() {
        turn.save.retry();
    }
    let (ending, _) = result.map_err(|e| Failure::new(USAGE, format!("techhire: {e}")))?;
    if !quiet() {
        println!("{}", host.farewell());
    }
    Ok(match ending {
        tui::Ending::Interrupted => ExitCode::from(130),
        tui::Ending::Quit if host.workshop.is_revealed() => ExitCode::SUCCESS,
        tui::Ending::Quit => ExitCode::from(PROBLEMS),
    })
}

/// The room is full screen: it needs a terminal to pass round.
fn needs_a_terminal() -> Result<(), Failure> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(Failure::new(
            USAGE,
            format!(
                "The workshop room is full screen and needs a terminal, but standard input or \
                 output is not one. To run a workshop without one, give each person a session \
                 of their own: `{} workshop invite ID --name NAME`.",
                program::name()
            ),
        ));
    }
    Ok(())
}

/// A workshop is two or more people.
fn two_or_more(people: &[String]) -> Result<(), Failure> {
    if people.len() >= 2 {
        return Ok(());
    }
    Err(Failure::new(
        USAGE,
        format!(
            "a workshop needs two or more people; name each with --person, in the order they \
             answer, e.g. {me} workshop room --client \"Acme Ltd\" --person \"Ana (CEO)\" \
             --person \"Ben (CFO)\"",
            me = program::name()
        ),
    ))
}

/// A new workshop, not written yet, with a fresh id, where its file will go in the sessions
/// folder.
fn unwritten(
    questions: Option<&Path>,
    client: Option<String>,
    config: &Config,
) -> Result<super::Opened, Failure> {
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
    let stamp = stamp(&loaded, questions);
    let made = Workshop::new(stamp.clone(), client, config.consultant.clone());
    let store = Store::open_default().map_err(|e| failure(&e))?;
    Ok(super::Opened {
        held: None,
        path: made.path_in(store.folder()),
        workshop: made,
        tree: Arc::new(loaded.tree),
        stamp,
    })
}

/// Adds the people to the new workshop and writes its file, held for the room.
fn create(opened: &mut super::Opened, people: &[String]) -> Result<(), Failure> {
    let now = Timestamp::now();
    for person in people {
        let (name, role) = name_and_role(person.clone());
        opened
            .workshop
            .add_respondent(&name, role.as_deref(), now)
            .map_err(|e| Failure::new(USAGE, terminal_safe(&e.to_string()).into_owned()))?;
    }
    let folder = opened.folder().to_path_buf();
    std::fs::create_dir_all(&folder)
        .map_err(|e| Failure::new(USAGE, format!("{}: {e}", folder.display())))?;
    workshop::create(&opened.path, &opened.workshop)
        .map_err(|e| Failure::new(USAGE, e.to_string()))?;
    opened.held = Some(workshop::hold(&opened.path).map_err(|e| failure(&e))?);
    Ok(())
}

/// The room's files: the workshop, and the session of whoever is answering.
struct RoomHost<'a> {
    path: PathBuf,
    folder: PathBuf,
    /// Held while the room is open: nothing else changes the workshop meanwhile.
    _held: Option<workshop::Held>,
    workshop: Workshop,
    tree: Arc<Tree>,
    stamp: TreeStamp,
    questions: Option<&'a Path>,
    config: &'a Config,
    /// The person answering, their session open (and locked).
    turn: Option<Opened>,
    /// The note they are writing, ready to be saved by a signal.
    draft: Option<Arc<techhire::session::PreparedSave>>,
    /// The respondents' sessions are written: the facts can no longer change.
    facts_fixed: bool,
    /// The workshop file is written (false while the set-up screen is shown).
    created: bool,
}

impl RoomHost<'_> {
    /// Where the room stands, as the TUI opens it: how far each person has got (read from
    /// their sessions, which a kill may have saved after the workshop file), and the facts
    /// step while no session is written yet.
    fn begin(&mut self) -> Result<tui::Start, Failure> {
        let round = self.workshop.round();
        let room = move |people, stage, shown| Room {
            people,
            stage,
            round,
            beside: None,
            shown,
        };
        if !self.created {
            return Ok(tui::Start {
                interview: Interview::new(Arc::clone(&self.tree)),
                notes: Default::default(),
                private: Default::default(),
                interview_note: None,
                client: self.workshop.client.clone(),
                notice: Vec::new(),
                choose: None,
                room: Some(room(Vec::new(), Stage::Setup, None)),
            });
        }
        let now = Timestamp::now();
        for r in self.workshop.respondents.clone() {
            let file = self.session_path(&r.session);
            if !file.exists() {
                continue;
            }
            self.facts_fixed = true;
            let session = techhire::session::read_path(&file).map_err(|e| failure(&e))?;
            let status = status_of(&self.tree, &session);
            if status != r.status {
                self.workshop.set_status(&r.session, status, now);
            }
        }
        if self.workshop.all_finished() && !self.workshop.is_revealed() {
            self.workshop.reveal(now);
        }
        workshop::save(&self.path, &self.workshop)
            .map_err(|e| Failure::new(USAGE, e.to_string()))?;
        let facts = self
            .workshop
            .fact_steps(&self.tree)
            .map_err(|e| Failure::new(PROBLEMS, format!("{}: {e}", self.path.display())))?;
        let stage = match &self.workshop.reveal {
            Reveal::Revealed { .. } => Stage::Revealed { early: false },
            Reveal::RevealedEarly { .. } => Stage::Revealed { early: true },
            Reveal::Hidden if self.facts_fixed => Stage::Between,
            Reveal::Hidden => Stage::Facts,
        };
        // Revealed: the workshop's result, as the compare screens show it.
        let shown = match stage {
            Stage::Revealed { .. } => Some(Arc::new(self.reveal_now()?)),
            _ => None,
        };
        let (interview, notice) = if stage == Stage::Facts {
            let notice = vec![
                "First, the company's facts, with the whole room".to_string(),
                "The room answers these once, together: what the company sells, who builds its \
                 product, its size, the leaders in place. Everyone's answers start from them."
                    .to_string(),
                "Then the keyboard goes round: each person answers the questions of view alone, \
                 and nobody sees anyone's answers until everyone has answered."
                    .to_string(),
            ];
            (facts_step(&self.tree, &facts), notice)
        } else {
            (Interview::new(Arc::clone(&self.tree)), Vec::new())
        };
        Ok(tui::Start {
            interview,
            notes: Default::default(),
            private: Default::default(),
            interview_note: None,
            client: self.workshop.client.clone(),
            notice,
            choose: None,
            room: Some(room(self.seats(), stage, shown)),
        })
    }

    fn session_path(&self, session: &str) -> PathBuf {
        self.folder.join(format!("{session}.json"))
    }

    /// Saves the workshop, then opens one of its sessions for the room to answer full screen:
    /// the session, held, and where its interview starts.
    fn resume_in_room(&self, session: &str) -> Result<(Opened, tui::Start), String> {
        self.save()?;
        let opened = opening::resume(
            &self.session_path(session),
            self.questions,
            Names::default(),
        )
        .map_err(|f| f.message)?;
        let start = full_screen::start(&opened, None);
        Ok((opened, start))
    }

    /// Names, roles and how far each has got: all the TUI knows of the people.
    fn seats(&self) -> Vec<Seat> {
        self.workshop
            .respondents
            .iter()
            .map(|r| Seat {
                name: r.name.clone(),
                role: r.role.clone(),
                status: r.status,
            })
            .collect()
    }

    fn save(&self) -> Result<(), String> {
        workshop::save(&self.path, &self.workshop).map_err(|e| e.to_string())
    }

    /// What leaving says: where the room is kept and how to carry on, or what comes next.
    fn farewell(&self) -> String {
        let me = program::name();
        let id = &self.workshop.id;
        if !self.created {
            "Nothing was set up, so no workshop was kept.".to_string()
        } else if self.workshop.is_revealed() {
            format!(
                "The answers of workshop {id} are revealed. The combined result, and the \
                 board's report:\n  {me} workshop show {id}\n  {me} workshop report {id} -o \
                 report.pdf\nCarry on in the room (another round, or agreeing together) with:\n  \
                 {me} workshop room {id}"
            )
        } else {
            format!(
                "The room is saved as workshop {id}, in {}.\nCarry on where you stopped with:\n  \
                 {me} workshop room {id}",
                self.path.display()
            )
        }
    }

    /// Sets what a signal does: between turns, say how to carry on; in a turn, also save the
    /// note being written and let the person's session go, as the interview does.
    fn arm(&mut self) {
        let farewell = self.farewell();
        if self.with_person(|host| host.arm()).is_none() {
            tui::on_signal(Some(Box::new(move || {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{farewell}");
                let _ = out.flush();
            })));
        }
    }

    /// Runs `f` on the session of whoever is answering, as the interview's own host.
    fn with_person<T>(&mut self, f: impl FnOnce(&mut SessionHost) -> T) -> Option<T> {
        let farewell = self.farewell();
        let opened = self.turn.as_mut()?;
        let mut host = SessionHost::new(opened, self.questions, self.config);
        host.draft = self.draft.take();
        host.farewell = Some(farewell);
        let out = f(&mut host);
        self.draft = host.draft.take();
        Some(out)
    }

    /// The facts as the room has answered them so far, kept in the workshop file.
    fn record_facts(&mut self, interview: &Interview) -> Saved {
        let facts = Facts::answered_in(interview);
        let now = Timestamp::now();
        let tree = Arc::clone(&self.tree);
        self.workshop.facts.retain(|a| {
            facts
                .steps()
                .iter()
                .any(|s| tree.question(s.question).id == a.question)
        });
        for step in facts.steps() {
            let q = tree.question(step.question);
            if let Err(e) = self
                .workshop
                .set_fact(&tree, &q.id, &q.choices[step.choice].id, now)
            {
                return Saved::Failed(e.to_string());
            }
        }
        match self.save() {
            Ok(()) => Saved::Quietly,
            Err(why) => Saved::Failed(why),
        }
    }

    /// The person answering has got further: the workshop says so (answering, finished).
    fn follow_status(&mut self) -> Result<Status, String> {
        let Some(turn) = &self.turn else {
            return Err("nobody is answering".into());
        };
        let session = turn.save.session();
        let status = status_of(&self.tree, session);
        let id = session.id.clone();
        let known = self.workshop.respondents.iter().find(|r| r.session == id);
        if known.is_some_and(|r| r.status != status) {
            self.workshop.set_status(&id, status, Timestamp::now());
            self.save()?;
        }
        Ok(status)
    }

    /// Writes every respondent's session with the facts, once: from the first turn on, the
    /// facts are what everyone answers on.
    fn fix_facts(&mut self) -> Result<(), String> {
        if self.facts_fixed {
            return Ok(());
        }
        for r in &self.workshop.respondents {
            let file = self.session_path(&r.session);
            if file.exists() {
                continue;
            }
            let session = self
                .workshop
                .session_for(r, &self.tree, self.stamp.clone())
                .map_err(|e| e.to_string())?;
            SessionFile::create_at(&file, session).map_err(|e| failure(&e).message)?;
        }
        self.facts_fixed = true;
        Ok(())
    }

    /// The revealed result, as the workshop's screens show it.
    fn reveal_now(&self) -> Result<tui::Reveal, Failure> {
        reveal_of(&self.workshop, &self.tree, &self.folder).map(|(reveal, _)| reveal)
    }

    /// The interview the room answers together: started (or carried on), opened, with how
    /// each person answered in the latest round beside each question.
    fn agree(&mut self) -> Result<tui::Start, String> {
        let said = |e: &dyn std::fmt::Display| terminal_safe(&e.to_string()).into_owned();
        let shown = self.reveal_now().map_err(|f| f.message)?;
        let combined = &shown.combined;
        let beside = tui::Beside::of(combined, self.workshop.round());
        let session = self
            .workshop
            .agree(&self.tree, self.stamp.clone(), &self.folder)
            .map_err(|e| said(&e))?;
        let (opened, mut start) = self.resume_in_room(&session)?;
        start.notice = vec![
            "Agreeing together".to_string(),
            "The room now answers one interview together. Beside each question: how each \
             person answered it in the last round. Its result is the agreed recommendation; \
             everyone's own result stays as it was."
                .to_string(),
        ];
        start.room = Some(Room {
            people: self.seats(),
            stage: Stage::Agree,
            round: self.workshop.round(),
            beside: Some(Arc::new(beside)),
            shown: None,
        });
        self.turn = Some(opened);
        Ok(start)
    }

    fn news(&self) -> RoomNews {
        RoomNews {
            people: self.seats(),
            turn: None,
            revealed: None,
            begun: None,
        }
    }
}

impl tui::Host for RoomHost<'_> {
    fn record(&mut self, interview: &Interview) -> Saved {
        let saved = match self.with_person(|host| tui::Host::record(host, interview)) {
            Some(saved) => saved,
            None if !self.created => return Saved::Quietly,
            None if !self.facts_fixed => self.record_facts(interview),
            // Between turns nothing is anyone's to save.
            None => return Saved::Quietly,
        };
        match self.follow_status() {
            Err(why) if self.turn.is_some() => Saved::Failed(why),
            _ => saved,
        }
    }

    fn set_names(&mut self, _: &str, _: &str) -> Saved {
        Saved::Quietly
    }

    fn set_note(&mut self, question: Option<&str>, text: &str, private: bool) -> Saved {
        self.with_person(|host| tui::Host::set_note(host, question, text, private))
            .unwrap_or(Saved::Quietly)
    }

    fn keep_draft(&mut self, draft: Option<&tui::Draft>) {
        self.with_person(|host| tui::Host::keep_draft(host, draft));
    }

    fn resume(&mut self, _: &Path) -> Result<tui::Start, String> {
        Err("Another session cannot be opened from a workshop room.".into())
    }

    /// Only the agreed interview's result is shown in the room, so only its report is written
    /// here; each person's waits for `report`, after the reveal.
    fn export(
        &mut self,
        interview: &Interview,
        format: techhire::report::Format,
        copy: techhire::session::Audience,
    ) -> Result<PathBuf, String> {
        let agreed = self.workshop.agreed.as_ref().map(|a| a.session.as_str());
        let open = self.turn.as_ref().map(|t| t.save.session().id.as_str());
        if agreed.is_none() || open != agreed {
            return Err("Each person's report is written with `report`, after the reveal.".into());
        }
        self.with_person(|host| tui::Host::export(host, interview, format, copy))
            .unwrap_or_else(|| Err("Nothing is open to report on.".into()))
    }

    fn room(&mut self, request: RoomRequest, interview: &Interview) -> Result<RoomNews, String> {
        let news = match request {
            RoomRequest::SetUp { client, people } => {
                if self.created {
                    return Err("The workshop is already set up.".into());
                }
                self.workshop.client = Some(client).filter(|c| !c.is_empty());
                let mut opened = super::Opened {
                    held: None,
                    path: self.path.clone(),
                    workshop: self.workshop.clone(),
                    tree: Arc::clone(&self.tree),
                    stamp: self.stamp.clone(),
                };
                create(&mut opened, &people).map_err(|f| f.message)?;
                self.workshop = opened.workshop;
                self._held = opened.held;
                self.created = true;
                let start = self.begin().map_err(|f| f.message)?;
                RoomNews {
                    begun: Some(Box::new(start)),
                    ..self.news()
                }
            }
            RoomRequest::NextRound => {
                self.workshop
                    .start_round(&self.tree, self.stamp.clone(), &self.folder)
                    .map_err(|e| terminal_safe(&e.to_string()).into_owned())?;
                self.save()?;
                let start = self.begin().map_err(|f| f.message)?;
                RoomNews {
                    begun: Some(Box::new(start)),
                    ..self.news()
                }
            }
            RoomRequest::Agree => RoomNews {
                begun: Some(Box::new(self.agree()?)),
                ..self.news()
            },
            RoomRequest::Turn(person) => {
                let session = match self.workshop.respondents.get(person) {
                    Some(r) => r.session.clone(),
                    None => return Err("There is nobody else to answer.".into()),
                };
                self.fix_facts()?;
                let (opened, mut start) = self.resume_in_room(&session)?;
                // What `resume` says about the session is for the consultant, not the person.
                start.notice.clear();
                self.turn = Some(opened);
                RoomNews {
                    turn: Some((person, Box::new(start))),
                    ..self.news()
                }
            }
            RoomRequest::EndTurn => {
                if let Some(Saved::Failed(why)) =
                    self.with_person(|host| tui::Host::record(host, interview))
                {
                    return Err(format!("Not saved, so the turn goes on: {why}"));
                }
                self.follow_status()?;
                self.turn = None;
                self.draft = None;
                if self.workshop.all_finished() {
                    self.workshop.reveal(Timestamp::now());
                    self.save()?;
                }
                self.news()
            }
            RoomRequest::Reveal { early } => {
                if !self.workshop.is_revealed() {
                    self.workshop.reveal_now(early).map_err(|e| e.to_string())?;
                    self.save()?;
                }
                let early = matches!(self.workshop.reveal, Reveal::RevealedEarly { .. });
                let shown = self.reveal_now().map_err(|f| f.message)?;
                RoomNews {
                    revealed: Some((early, Arc::new(shown))),
                    ..self.news()
                }
            }
        };
        self.arm();
        Ok(news)
    }
}
