//! The full-screen interview wired to sessions: the host the TUI asks to save answers, notes and
//! names, to open a saved session from the start screen (exactly as `techhire resume` does,
//! dropping the new session if nothing was given in it), and to write reports to the current
//! folder.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use techhire::Interview;
use techhire::config::Config;
use techhire::session::{
    Audience, Check, Listing, PreparedSave, Saved, SessionError, Store, Summary, Unreadable,
};

use crate::commands::opening::{self, Ending, Opened, minute};
use crate::commands::{Failure, USAGE};
use crate::commands::{config, report};
use crate::tui;
use techhire::report::Format;

/// Runs the full-screen interview on an opened session, new or resumed. A new session in the
/// sessions folder starts at the start screen. The session may be another one by the end, if
/// the user resumed one; `opened` is then that one.
pub fn run(
    opened: &mut Opened,
    questions: Option<&Path>,
    theme: Option<tui::ThemeName>,
    config: &Config,
) -> Result<Ending, Failure> {
    // A new interview in the sessions folder opens on the start screen.
    let new_here = opened.fresh && opened.in_store;
    let (choose, check) = if new_here {
        let (choose, check) = choose(opened);
        (Some(choose), check)
    } else {
        (None, None)
    };
    let start = start(opened, choose);
    let beside = opened.beside.clone();
    // A new session in the folder has an id no workshop names yet: no need to read the
    // folder's 10,000 files for workshops before the first frame.
    let reports_wait = if new_here {
        None
    } else {
        report::not_offered(opened.save.path(), opened.save.session())
    };
    let mut host = SessionHost::new(opened, questions, config);
    host.check = check;
    host.arm();
    let report_folder = config::report_folder(config)
        .ok()
        .map(|(folder, _)| folder.display().to_string());
    let options = tui::TuiOptions {
        theme,
        report_folder,
        beside,
        reports_wait,
    };
    let (ending, interview) = tui::run(start, options, &mut host)
        .map_err(|e| Failure::new(USAGE, format!("techhire: {e}")))?;
    let finished = interview.is_finished();
    host.opened.interview = interview;
    Ok(match ending {
        tui::Ending::Interrupted => Ending::Interrupted,
        tui::Ending::Quit if finished => Ending::Finished,
        tui::Ending::Quit => Ending::Unfinished,
    })
}

/// The TUI's view of an opened session.
pub(crate) fn start(opened: &Opened, choose: Option<tui::Choose>) -> tui::Start {
    let session = opened.save.session();
    tui::Start {
        interview: opened.interview.clone(),
        notes: session.note_texts(),
        private: session
            .notes
            .iter()
            .filter(|(_, note)| note.private)
            .map(|(id, _)| id.clone())
            .collect(),
        interview_note: session
            .interview_note
            .as_ref()
            .map(|note| (note.text.clone(), note.private)),
        client: session.client.clone(),
        notice: opened.notice.clone(),
        choose,
        room: None,
    }
}

/// The start screen: the names already given, and every other session in the folder as its
/// index has them, with the check of the files to make right after the first frame.
fn choose(opened: &Opened) -> (tui::Choose, Option<Check>) {
    let session = opened.save.session();
    let (saved, check) = match Store::open_default().and_then(|store| store.glance()) {
        Ok(glance) => (saved(glance.listing, opened.save.path()), glance.check),
        Err(e) => (unlisted(&e), None),
    };
    let choose = tui::Choose {
        client: session.client.clone().unwrap_or_default(),
        consultant: session.consultant.clone().unwrap_or_default(),
        saved,
        time: minute,
    };
    (choose, check)
}

/// The sessions of a listing as the start screen shows them, but `current` (the new one),
/// then the files that are not readable sessions.
fn saved(listing: Listing, current: &Path) -> Vec<tui::Listed> {
    listing
        .sessions
        .into_iter()
        // Both are the folder's path joined with a file name: their bytes differ when they do
        // (comparing them as paths walks their components, 10,000 times at start).
        .filter(|s| s.path.as_os_str() != current.as_os_str())
        .map(listed)
        .chain(listing.unreadable.iter().map(unreadable))
        .collect()
}

/// The start screen's list when the sessions folder cannot be read: why.
fn unlisted(e: &SessionError) -> Vec<tui::Listed> {
    vec![tui::Listed {
        path: Store::default_folder().unwrap_or_default(),
        client: "The sessions folder".into(),
        updated: None,
        progress: String::new(),
        outcome: None,
        problem: Some(format!("could not be read: {e}")),
    }]
}

fn listed(summary: Summary) -> tui::Listed {
    let progress = summary.progress_text();
    tui::Listed {
        client: summary
            .client
            .unwrap_or_else(|| format!("(no name) {}", summary.id)),
        path: summary.path,
        updated: Some(summary.updated),
        progress,
        outcome: summary.outcome,
        problem: None,
    }
}

/// A file that is not a readable session: its name, and what is wrong with it (the error
/// names the file first; the list shows the name once).
fn unreadable(bad: &Unreadable) -> tui::Listed {
    let message = bad.error.to_string();
    let full = bad.path.display().to_string();
    let problem = message
        .strip_prefix(&full)
        .map(|rest| rest.trim_start().to_string())
        .unwrap_or_else(|| format!("could not be read: {message}"));
    tui::Listed {
        path: bad.path.clone(),
        client: bad
            .path
            .file_name()
            .map_or(full.clone(), |n| n.to_string_lossy().into_owned()),
        updated: None,
        progress: String::new(),
        outcome: None,
        problem: Some(problem),
    }
}

/// Sessions and reports, for the TUI; in a workshop room, one person's session during their
/// turn.
pub(crate) struct SessionHost<'a> {
    opened: &'a mut Opened,
    questions: Option<&'a Path>,
    /// The firm for reports, and where they go.
    config: &'a Config,
    /// The save of the note being written, made ready for a signal.
    /// Shared with the signal handler's last act, which takes it again at every re-arming:
    /// a note can be long, and is prepared at every key.
    pub(crate) draft: Option<Arc<PreparedSave>>,
    /// What a signal's exit says instead of where the session is (a workshop room says how to
    /// open the room again).
    pub(crate) farewell: Option<String>,
    /// The start screen's check of the saved sessions' files, until made.
    check: Option<Check>,
}

/// Held while the session file is written, by the interview and by the save a signal makes
/// at the end: the two never write at once (they share a temporary file), and the signal's
/// save is the last.
static SAVING: Mutex<()> = Mutex::new(());

fn saving() -> MutexGuard<'static, ()> {
    SAVING.lock().unwrap_or_else(|e| e.into_inner())
}

impl<'a> SessionHost<'a> {
    /// The start screen's check of the saved sessions' files, when it shows a difference.
    fn check_saved(&mut self) -> Option<Vec<tui::Listed>> {
        match self.check.take()?.run(self.opened.save.path()) {
            Ok(listing) => listing.map(|listing| saved(listing, self.opened.save.path())),
            Err(e) => Some(unlisted(&e)),
        }
    }

    pub(crate) fn new(
        opened: &'a mut Opened,
        questions: Option<&'a Path>,
        config: &'a Config,
    ) -> SessionHost<'a> {
        SessionHost {
            opened,
            questions,
            config,
            draft: None,
            farewell: None,
            check: None,
        }
    }

    /// Sets what a signal (SIGTERM, SIGHUP, Ctrl-C) does after restoring the terminal: write
    /// the note being written, if any; remove the note saying who holds the session, and a
    /// new session nothing was given in yet, as leaving does (so it never stands in for a real
    /// one in `techhire resume`); and say, as leaving does, where the session is and how to
    /// carry on.
    pub(crate) fn arm(&self) {
        let opened = &self.opened;
        let draft = self.draft.clone();
        let discard = draft.is_none() && opened.left_untouched();
        let removal = opened.save.removal(discard);
        let said = if let Some(farewell) = &self.farewell {
            Some(farewell.clone())
        } else if discard {
            Some("Nothing was answered, so no session was kept.".to_string())
        } else {
            None
        };
        // Where it was saved is worked out only if a signal comes: it names the program,
        // which searches the PATH, and this is armed before the first frame.
        let (path, handle, in_store) = (
            opened.save.path().to_path_buf(),
            opened.handle(),
            opened.in_store,
        );
        tui::on_signal(Some(Box::new(move || {
            let farewell = said.unwrap_or_else(|| {
                opening::saved_where(&path, &handle, in_store, Ending::Interrupted, false)
            });
            let held = saving();
            if let Some(save) = draft {
                let _ = save.write();
            }
            removal.now();
            // Never released: the program exits next, and no save may follow this one.
            std::mem::forget(held);
            // The terminal may be gone (a hang-up): nothing to do if this cannot be written.
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{farewell}");
            let _ = out.flush();
        })));
    }
}

impl tui::Host for SessionHost<'_> {
    fn record(&mut self, interview: &Interview) -> Saved {
        let saved = {
            let _saving = saving();
            self.opened.save.record(interview)
        };
        self.arm();
        saved
    }

    fn set_names(&mut self, client: &str, consultant: &str) -> Saved {
        let saved = {
            let _saving = saving();
            self.opened.save.set_names(Some(client), Some(consultant))
        };
        self.arm();
        saved
    }

    fn set_note(&mut self, question: Option<&str>, text: &str, private: bool) -> Saved {
        let saved = {
            let _saving = saving();
            match question {
                Some(question) => self.opened.save.set_note(question, text, private),
                None => self.opened.save.set_interview_note(text, private),
            }
        };
        self.arm();
        saved
    }

    fn keep_draft(&mut self, draft: Option<&tui::Draft>) {
        // Prepared at each change (a copy of the session, cheap), written only if a signal
        // stops the program first.
        self.draft = draft.map(|draft| {
            Arc::new(self.opened.save.prepare_note(
                draft.question.as_deref(),
                &draft.text,
                draft.private,
            ))
        });
        self.arm();
    }

    fn first_frame(&mut self) -> Vec<tui::Reply> {
        let mut news = Vec::new();
        // A new session's file, written now rather than before the first frame. Under the
        // lock a signal's last act takes (and keeps): a signal either finds the file written,
        // and removes it, or stops the program before it is.
        let written = {
            let _saving = saving();
            self.opened.save.write_new()
        };
        // Armed again with the file as written (its id may have changed).
        self.arm();
        if written != Saved::Quietly {
            news.push(tui::Reply::Saved(written));
        }
        news.extend(self.check_saved().map(tui::Reply::Listed));
        news
    }

    fn resume(&mut self, path: &Path) -> Result<tui::Start, String> {
        opening::switch(self.opened, path, self.questions).map_err(|f| f.message)?;
        self.arm();
        Ok(start(self.opened, None))
    }

    fn export(
        &mut self,
        interview: &Interview,
        format: Format,
        copy: Audience,
    ) -> Result<PathBuf, String> {
        let (folder, _) = config::report_folder(self.config).map_err(|f| f.message)?;
        report::export(
            (self.opened.save.session(), self.opened.save.path()),
            interview,
            format,
            copy,
            &self.config.firm,
            &folder,
        )
    }
}
