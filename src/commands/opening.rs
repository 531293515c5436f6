//! Opening an interview as a session, for any front end: a new one (in the sessions folder, or
//! at `--session PATH`), or a saved one resumed on the question tree as it is now, with what
//! changed said plainly; and closing it, with where it was saved and what to do next.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use techhire::Interview;
use techhire::session::{
    Autosave, Dropped, Saved, Session, SessionError, SessionFile, Store, Timestamp, TreeStamp,
};
use techhire::text::terminal_safe;
use techhire::tree::{EMBEDDED_NAME, Loaded, Tree};

use crate::commands::{
    Failure, PROBLEMS, USAGE, load_tree, note_warnings, program, quiet, quote, warnings_line,
};

/// An interview ready for a front end: where it stands, the session it saves to after every
/// change, and what to tell the user before the first question.
pub struct Opened {
    pub interview: Interview,
    pub save: Autosave,
    /// Paragraphs to show first: the session resumed, a changed question tree, answers set
    /// aside. Empty for a new session.
    pub notice: Vec<String>,
    /// Started by this run rather than resumed: a front end may ask for the client's and
    /// consultant's names when none were given.
    pub fresh: bool,
    /// The names a new session started with (from the command line or the config file), so
    /// one left with nothing else given is not kept.
    started_with: (Option<String>, Option<String>),
    /// The file is in the sessions folder, where an untouched new session is not kept (and
    /// where the full-screen interview offers the saved sessions before a new one).
    pub in_store: bool,
    /// For a workshop's agreed interview: how each person answered in the latest round, shown
    /// beside each question (`workshop agree`).
    pub beside: Option<std::sync::Arc<techhire::workshop::Beside>>,
}

/// Client and consultant names from the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Names<'a> {
    pub client: Option<&'a str>,
    pub consultant: Option<&'a str>,
}

impl Names<'_> {
    fn any(&self) -> bool {
        self.client.is_some() || self.consultant.is_some()
    }
}

/// How an interview ended, whichever front end ran it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The result was reached and shown.
    Finished,
    /// Left before the result: quit, input ended, or the reader went away.
    Unfinished,
    /// Stopped at once by Ctrl-C: exit code 130, as shells expect of an interrupt.
    Interrupted,
}

/// A session error as a failure: exit code 2, like any file that cannot be read or written.
pub fn failure(e: &SessionError) -> Failure {
    // The library's hints say `techhire ...`; the command line names the program as it was
    // run, so the hint works when pasted before `cargo install` too.
    let me = format!("`{} ", program::name());
    Failure::new(USAGE, e.to_string().replace("`techhire ", &me))
}

/// Where a new interview is saved.
#[derive(Debug, Clone, Copy)]
pub enum SaveTo<'a> {
    /// A new session in the sessions folder.
    Store,
    /// A new session in the sessions folder, its file written once the interview is showing
    /// (by [`Autosave::write_new`], or its first save): a full screen's first frame need not
    /// wait for it. A folder that cannot take it is still said at once (see
    /// [`Store::create_later`]).
    StoreLater,
    /// This file (`--session PATH`); one that exists is resumed instead.
    File(&'a Path),
    /// Nowhere (`--no-save`): the session is kept in memory only.
    Nowhere,
}

/// A new interview on the tree from `questions` (or the built-in one), saved where `to` says.
pub fn start(questions: Option<&Path>, to: SaveTo, names: Names) -> Result<Opened, Failure> {
    let at = match to {
        SaveTo::File(path) => Some(path),
        SaveTo::Store | SaveTo::StoreLater | SaveTo::Nowhere => None,
    };
    if let Some(folder) = at.filter(|p| p.is_dir()) {
        return Err(Failure::new(
            USAGE,
            format!(
                "--session {} is a folder; give the session a file name in it, e.g. {}",
                folder.display(),
                folder.join("acme.json").display()
            ),
        ));
    }
    if let Some(path) = at.filter(|p| p.exists()) {
        return resume(path, questions, names);
    }
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
    let stamp = stamp(&loaded, questions);
    let tree = Arc::new(loaded.tree);
    let interview = Interview::new(Arc::clone(&tree));
    let session = Session::new(
        stamp,
        names.client.map(str::to_string),
        names.consultant.map(str::to_string),
        &interview,
    );
    let file = match to {
        SaveTo::File(path) => SessionFile::create_at(path, session),
        SaveTo::Store => Store::open_default().and_then(|store| store.create(session)),
        SaveTo::StoreLater => Store::open_default().and_then(|store| store.create_later(session)),
        SaveTo::Nowhere => Ok(SessionFile::in_memory(session)),
    }
    .map_err(|e| failure(&e))?;
    // The store names its files `<id>.json`: no need to compare paths to know.
    let in_store = match to {
        SaveTo::Store | SaveTo::StoreLater => true,
        SaveTo::File(_) => in_store(&file, Store::open_default().ok().as_ref()),
        SaveTo::Nowhere => false,
    };
    let started_with = (
        file.session().client.clone(),
        file.session().consultant.clone(),
    );
    Ok(Opened {
        interview,
        save: Autosave::new(file),
        notice: Vec::new(),
        fresh: true,
        started_with,
        in_store,
        beside: None,
    })
}

/// Resumes the session at `path` on the tree from `questions`, or the tree it was saved on.
/// Prints nothing: everything to say is in the notice, so a full-screen interview can resume
/// one session after another.
pub fn resume(path: &Path, questions: Option<&Path>, names: Names) -> Result<Opened, Failure> {
    let mut file = SessionFile::open(path).map_err(|e| failure(&e))?;
    // What is said about the session as it was saved, taken before it is reconciled (not a
    // copy of it: a session can hold a quarter of a million answers).
    let store = Store::open_default().ok();
    let in_store = in_store(&file, store.as_ref());
    let resumed = resumed_line(
        file.session(),
        &handle(file.session(), file.path(), in_store),
    );
    let linked = other_names(file.path());
    let saved_on = file.session().tree.version.clone();
    let SessionTree {
        loaded,
        file: tree_file,
        missing,
    } = tree_for(file.session(), questions)?;
    let warnings = warnings_line(&loaded.warnings);
    let stamp = stamp(&loaded, tree_file.as_deref());
    let reconciled = file
        .resume(Arc::new(loaded.tree), stamp)
        .map_err(|e| failure(&e))?;
    let mut save = Autosave::new(file);
    let mut notice = vec![resumed];
    if linked > 0 {
        notice.push(format!(
            "This session file has {} (a hard link): each save gives this name a new file, \
             so the other keeps the session as it was when you opened it here.",
            if linked == 1 {
                "another name".to_string()
            } else {
                format!("{linked} other names")
            }
        ));
    }
    notice.extend(warnings);
    if names.any()
        && let Saved::Failed(why) = save.set_names(names.client, names.consultant)
    {
        notice.push(format!("Could not save the names: {why}"));
    }
    notice.extend(missing);
    if reconciled.tree_changed {
        notice.extend(changed_tree(&saved_on, save.session(), &reconciled.dropped));
    } else if !reconciled.dropped.is_empty() {
        notice.extend(not_in_the_tree(&reconciled.dropped));
    }
    if reconciled.interview.is_finished() {
        notice.push("This interview is finished; its result follows.".to_string());
    }
    Ok(Opened {
        interview: reconciled.interview,
        save,
        notice,
        fresh: false,
        started_with: (None, None),
        in_store,
        beside: None,
    })
}

/// How many other names (hard links) a file has.
#[cfg(unix)]
fn other_names(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).map_or(0, |m| m.nlink().saturating_sub(1))
}

#[cfg(not(unix))]
fn other_names(_path: &Path) -> u64 {
    0
}

/// Leaves `current` for the saved session at `path`, resumed exactly as `techhire resume`
/// resumes it. A new session nothing was given in yet is discarded, as it would be on leaving.
/// When the other session cannot be opened, `current` stays as it was and the failure says
/// why.
pub fn switch(current: &mut Opened, path: &Path, questions: Option<&Path>) -> Result<(), Failure> {
    let next = resume(path, questions, Names::default())?;
    let previous = std::mem::replace(current, next);
    if previous.left_untouched() {
        let previous_path = previous.save.path().display().to_string();
        if let Err(e) = previous.save.into_file().discard() {
            current.notice.push(format!(
                "The new session started before this one ({}) could not be removed: {e}",
                terminal_safe(&previous_path)
            ));
        }
    }
    Ok(())
}

/// Says where the session was saved and what to do next (in plain mode, with `--plain`), or
/// why it could not be saved; the exit code follows how the interview ended.
pub fn close(opened: Opened, ending: Ending, plain: bool) -> Result<ExitCode, Failure> {
    let untouched = opened.left_untouched();
    let handle = opened.handle();
    let Opened {
        interview,
        mut save,
        in_store,
        ..
    } = opened;
    // A session nothing was given in is not kept: whether it could be written does not matter.
    if !untouched {
        save.retry();
    }
    if let Some(error) = save.failure().filter(|_| !untouched) {
        return Err(Failure::new(
            USAGE,
            format!(
                "{error}\nThe answers of this interview, as an answers file (save it as \
                 answers.toml, then `{} run --answers answers.toml`), with its notes:\n{}",
                program::name(),
                answers_file(&interview, &save.session().note_texts())
            ),
        ));
    }
    let code = match ending {
        Ending::Finished => ExitCode::SUCCESS,
        Ending::Unfinished => ExitCode::from(PROBLEMS),
        Ending::Interrupted => ExitCode::from(130),
    };
    // With --quiet only a session that could not be dropped is worth saying.
    let said = if save.is_in_memory() {
        if quiet() {
            return Ok(code);
        }
        "Nothing was saved (--no-save): no session was kept.".to_string()
    } else if untouched {
        match save.into_file().discard() {
            Ok(()) if quiet() => return Ok(code),
            Ok(()) => "Nothing was answered, so no session was kept.".to_string(),
            Err(e) => e.to_string(),
        }
    } else if quiet() {
        return Ok(code);
    } else {
        let folder = save.path().parent().unwrap_or(Path::new("."));
        match (
            ending,
            techhire::workshop::waits_for(folder, save.session()),
        ) {
            // Answered in the workshop's own folder: nothing to send back.
            (Ending::Finished, Some(workshop))
                if techhire::workshop::holding(folder, &save.session().id).is_some() =>
            {
                format!(
                    "Saved in {}.\nYour answers stay hidden until everyone has finished and the \
                     consultant reveals them with:\n  {} workshop reveal {}",
                    quote(&save.path().display().to_string()),
                    program::name(),
                    quote(&workshop)
                )
            }
            (Ending::Finished, Some(workshop)) => sent_back(save.path(), &workshop),
            _ => saved_where(save.path(), &handle, in_store, ending, plain),
        }
    };
    let mut stdout = io::stdout().lock();
    let _ = writeln!(stdout, "{said}");
    let _ = stdout.flush();
    Ok(code)
}

/// Where a session was saved and what to do next, as said when an interview ends.
pub fn saved_where(
    path: &Path,
    handle: &str,
    in_store: bool,
    ending: Ending,
    plain: bool,
) -> String {
    let plain = if plain { " --plain" } else { "" };
    let path = quote(&path.display().to_string());
    let saved = if in_store {
        format!("Saved as session {handle}, in {path}.")
    } else {
        format!("Saved in {path}.")
    };
    let handle = quote(handle);
    let me = program::name();
    match ending {
        Ending::Finished => format!(
            "{saved}\nWrite the report for your client with:\n  \
             {me} report {handle} --format html -o report.html"
        ),
        Ending::Unfinished | Ending::Interrupted => {
            format!("{saved}\nCarry on where you stopped with:\n  {me} resume {handle}{plain}")
        }
    }
}

/// Where a workshop respondent's finished session was saved, and that it goes back to the
/// consultant: its report waits for the reveal, so offering `report` would only be refused.
fn sent_back(path: &Path, workshop: &str) -> String {
    let path = quote(&path.display().to_string());
    format!(
        "Saved in {path}.\nSend this file back to the consultant, who joins it with:\n  \
         {} workshop add {} {path}\nThe report waits until everyone's answers are in.",
        program::name(),
        quote(workshop)
    )
}

impl Opened {
    /// How to name the session in a command: its id when it is in the sessions folder, or its
    /// path. (A new session's id may change when its file is written: see
    /// [`techhire::session::SessionFile::write_new`].)
    pub fn handle(&self) -> String {
        handle(self.save.session(), self.save.path(), self.in_store)
    }

    /// A new session in the sessions folder with nothing given since it started: no answer,
    /// no note, no name but those it started with. It is not kept when the interview is left
    /// (by any route: Esc, Ctrl-C, a hang-up), so listings hold only real sessions.
    pub fn left_untouched(&self) -> bool {
        let session = self.save.session();
        self.fresh
            && self.in_store
            && session.answers.is_empty()
            && session.notes.is_empty()
            && session.interview_note.is_none()
            && session.dropped.is_empty()
            && (&session.client, &session.consultant)
                == (&self.started_with.0, &self.started_with.1)
    }
}

/// The question tree a saved session continues on.
pub struct SessionTree {
    pub loaded: Loaded,
    /// The file it came from; `None` for the built-in tree.
    pub file: Option<PathBuf>,
    /// Said when the tree the session was saved on is gone and the built-in one stands in.
    pub missing: Option<String>,
}

/// The tree a saved session continues on: `--questions` when given, else the tree it was
/// saved on. A tree file that is gone is said, and the built-in tree used in its place; the
/// change of tree is then reconciled like any other.
pub fn tree_for(session: &Session, questions: Option<&Path>) -> Result<SessionTree, Failure> {
    let file = questions.or_else(|| recorded_path(session));
    match file {
        Some(path) if questions.is_some() || path.is_file() => Ok(SessionTree {
            loaded: load_tree(Some(path))?,
            file: Some(path.to_path_buf()),
            missing: None,
        }),
        None => Ok(SessionTree {
            loaded: load_tree(None)?,
            file: None,
            missing: None,
        }),
        Some(path) => Ok(SessionTree {
            loaded: load_tree(None)?,
            file: None,
            missing: Some(format!(
                "This session was answered on the question tree {}, which is no longer there, \
                 so the built-in questions are used instead. If you have that tree, give it \
                 with --questions FILE.",
                techhire::text::terminal_safe(&path.display().to_string())
            )),
        }),
    }
}

/// The tree file a session names, unless it is the built-in tree.
fn recorded_path(session: &Session) -> Option<&Path> {
    (session.tree.file != EMBEDDED_NAME).then(|| Path::new(&session.tree.file))
}

/// Stamps a loaded tree, naming a file by its full path so a resume from another folder
/// finds it again. The hash is the one the loader took of the bytes it read.
pub fn stamp(loaded: &Loaded, file: Option<&Path>) -> TreeStamp {
    let Some(f) = file else {
        return TreeStamp::of(loaded, EMBEDDED_NAME);
    };
    let name = std::fs::canonicalize(f)
        .unwrap_or_else(|_| f.to_path_buf())
        .display()
        .to_string();
    TreeStamp::of(loaded, &name)
}

/// Whether the session's file is `<id>.json` in the sessions folder, so `resume ID` finds it.
fn in_store(file: &SessionFile, store: Option<&Store>) -> bool {
    store.is_some_and(|store| {
        let expected = store.folder().join(format!("{}.json", file.session().id));
        same_file(&expected, file.path())
    })
}

/// The session's id when its file is in the sessions folder under its id, or its path.
fn handle(session: &Session, path: &Path, in_store: bool) -> String {
    if in_store {
        session.id.clone()
    } else {
        path.display().to_string()
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// "Resuming session k3f9x2 for Acme Ltd, last saved 2026-11-23 16:47 EST: 4 answered, ..."
fn resumed_line(session: &Session, handle: &str) -> String {
    let who = session
        .client
        .as_deref()
        .map(|c| format!(" for {}", techhire::text::terminal_safe(c)))
        .unwrap_or_default();
    let p = session.progress;
    let progress = if session.result.is_some() {
        "finished".to_string()
    } else if p.fewest_left == p.most_left {
        format!("{} answered, {} to go", p.answered, p.most_left)
    } else {
        format!(
            "{} answered, {} to {} to go",
            p.answered, p.fewest_left, p.most_left
        )
    };
    format!(
        "Resuming session {}{who}, last saved {}: {progress}.",
        techhire::text::terminal_safe(handle),
        minute(session.updated)
    )
}

/// What changed in the tree and what it means for the answers.
fn changed_tree(old: &str, after: &Session, dropped: &[Dropped]) -> Vec<String> {
    let new = &after.tree.version;
    let which = if old == new {
        format!("the question tree was edited since, though its version is still {new}")
    } else {
        format!("it was saved on version {old} of the questions and this is version {new}")
    };
    let mut said = vec![format!(
        "The questions have changed since this session was saved: {}.",
        techhire::text::terminal_safe(&which)
    )];
    let kept = after.answers.len();
    if dropped.is_empty() {
        said.push(format!(
            "Every answer still fits the questions as they are now, so all {kept} were kept."
        ));
        return said;
    }
    let answers = dropped.iter().filter(|d| d.choice.is_some()).count();
    said.push(format!(
        "{kept} answer{} still fit{} and {} kept. {} no longer fit{} and {} set aside; \
         nothing was matched to a different question or choice, and the set-aside answers \
         stay in the session file under \"dropped\":",
        if kept == 1 { "" } else { "s" },
        if kept == 1 { "s" } else { "" },
        if kept == 1 { "is" } else { "are" },
        match answers {
            0 => "Some notes".to_string(),
            1 => "One answer".to_string(),
            n => format!("{n} answers"),
        },
        if answers == 1 { "s" } else { "" },
        if answers == 1 { "was" } else { "were" },
    ));
    said.extend(dropped_lines(dropped, ""));
    said.push("The interview asks again wherever an answer is now missing.".to_string());
    said
}

/// Answers or notes the tree does not take although it is the very tree the session was
/// saved on: the file was edited, or written by something else.
fn not_in_the_tree(dropped: &[Dropped]) -> Vec<String> {
    let mut said = vec![format!(
        "This session names {} the question tree does not have, though it is the same tree \
         the session was saved on (was the session file edited?). {} set aside and kept in \
         the session file under \"dropped\":",
        if dropped.len() == 1 {
            "a question or choice"
        } else {
            "questions or choices"
        },
        if dropped.len() == 1 {
            "It was"
        } else {
            "They were"
        }
    )];
    said.extend(dropped_lines(dropped, ""));
    said.push("The interview asks again wherever an answer is now missing.".to_string());
    said
}

/// Set-aside answers listed, one a line after `label`: the first few, then how many more.
pub fn dropped_lines(dropped: &[Dropped], label: &str) -> Vec<String> {
    const SHOWN: usize = 20;
    let mut lines: Vec<String> = dropped
        .iter()
        .take(SHOWN)
        .map(|d| {
            format!(
                "  - {label}{}",
                techhire::text::terminal_safe(&d.describe())
            )
        })
        .collect();
    if dropped.len() > SHOWN {
        lines.push(format!("  - and {} more", dropped.len() - SHOWN));
    }
    lines
}

/// A time as people read it, to the minute, where they are: `2026-11-23 16:47 EST`.
pub fn minute(time: Timestamp) -> String {
    time.local_minute()
}

/// The interview's answers on its path as an answers file, its notes as comments above
/// them, for when the session cannot be saved: nothing typed is lost.
fn answers_file(
    interview: &Interview,
    notes: &std::collections::BTreeMap<String, String>,
) -> String {
    let tree: &Tree = interview.tree();
    let mut file = String::new();
    for (question, text) in notes {
        let text = techhire::text::terminal_safe_multiline(text);
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        file.push_str(&format!(
            "# Note on {}: {first}\n",
            techhire::text::terminal_safe(question)
        ));
        for line in lines {
            file.push_str(&format!("#   {line}\n"));
        }
    }
    for step in interview.path() {
        let question = tree.question(step.question);
        let choice = &question.choices[step.choice].id;
        file.push_str(&format!("{} = \"{}\"\n", question.id, choice));
    }
    file
}

/// The session file for an id or path, in the sessions folder for an id.
pub fn find(what: &str) -> Result<PathBuf, Failure> {
    let as_path = Path::new(what);
    if as_path.is_file() {
        return Ok(as_path.to_path_buf());
    }
    let looks_like_path =
        what.contains(std::path::MAIN_SEPARATOR) || what.contains('/') || what.ends_with(".json");
    if looks_like_path {
        let why = if as_path.exists() {
            "is not a file"
        } else {
            "does not exist"
        };
        return Err(Failure::new(
            USAGE,
            format!(
                "{} {why}; `{} sessions` lists your sessions",
                techhire::text::terminal_safe(what),
                program::name()
            ),
        ));
    }
    let store = Store::open_default().map_err(|e| failure(&e))?;
    store.find(what).map_err(|e| failure(&e))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use techhire::session::{Autosave, Session, Store, TreeStamp};
    use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

    use super::*;

    /// The start screen's new session, made to be written after the first frame, in `folder`.
    fn new_here(folder: &Path) -> Opened {
        let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
        let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
        let interview = Interview::new(tree);
        let session = Session::new(stamp, None, None, &interview);
        let file = Store::at(folder).create_later(session).unwrap();
        Opened {
            interview,
            save: Autosave::new(file),
            notice: Vec::new(),
            fresh: true,
            started_with: (None, None),
            in_store: true,
            beside: None,
        }
    }

    #[test]
    fn a_new_session_left_untouched_after_its_write_failed_is_simply_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("sessions");
        let mut opened = new_here(&folder);
        // The folder is replaced by a file between the first look and the write.
        std::fs::remove_dir(&folder).unwrap();
        std::fs::write(&folder, "not a folder").unwrap();
        assert!(matches!(opened.save.write_new(), Saved::Failed(_)));
        match close(opened, Ending::Unfinished, false) {
            Ok(code) => assert_eq!(code, ExitCode::from(PROBLEMS)),
            Err(failure) => panic!("{}", failure.message),
        }
        assert_eq!(std::fs::read(&folder).unwrap(), b"not a folder");
    }

    #[test]
    fn a_new_session_whose_id_changed_when_written_is_named_by_its_new_id() {
        let dir = tempfile::tempdir().unwrap();
        let mut opened = new_here(dir.path());
        let first = opened.handle();
        std::fs::write(opened.save.path(), "another instance's session").unwrap();
        assert_eq!(opened.save.write_new(), Saved::Quietly);
        let now = opened.handle();
        assert_ne!(now, first);
        assert_eq!(opened.save.path(), dir.path().join(format!("{now}.json")));
    }
}
