//! `techhire workshop run --facts FILE --answers A --answers B ...`: several leaders' answers
//! combined without asking, for scripts and tests: the facts file once, each person's views
//! over it, then the library's combined result as text or JSON; with `--save`, kept as a
//! workshop with a session per person. `techhire workshop show ID`: a saved workshop's
//! combined result, once revealed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use techhire::answers::{self, Answers, AnswersError};
use techhire::session::{SessionFile, Store};
use techhire::text::{json_output, terminal_safe};
use techhire::workshop::{self, Combined, Facts, Person, Status, Workshop, WorkshopError};

use crate::cli::{WorkshopAction, WorkshopFormat, WorkshopRunArgs};
use crate::commands::config;
use crate::commands::opening::{failure, stamp};
use crate::commands::{
    Failure, PROBLEMS, USAGE, load_tree, note_warnings, print_out, program, quiet, terminal_width,
};

/// The workshop command.
pub fn run(questions: Option<&Path>, action: &WorkshopAction) -> Result<ExitCode, Failure> {
    match action {
        WorkshopAction::Run(args) => combine(questions, args),
        WorkshopAction::Show { which, format } => show(questions, which, *format),
        WorkshopAction::New { facts, client } => new(questions, facts, client.clone()),
        WorkshopAction::Invite {
            which,
            name,
            role,
            output,
        } => invite(questions, which, name, role.as_deref(), output.as_deref()),
        WorkshopAction::Add { which, file } => add(questions, which, file),
        WorkshopAction::Reveal { which, early } => reveal(which, *early),
    }
}

/// `workshop new`: the workshop file, in the sessions folder, with its facts.
fn new(
    questions: Option<&Path>,
    facts: &Path,
    client: Option<String>,
) -> Result<ExitCode, Failure> {
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
    let stamp = stamp(&loaded, questions);
    let facts = Facts::from_answers(&loaded.tree, &read(facts)?).map_err(|p| {
        Failure::new(
            PROBLEMS,
            format!("{}Fix the file, then run again.\n", p.render()),
        )
    })?;
    let consultant = config::load()?.consultant;
    let made = Workshop::with_facts(&loaded.tree, stamp, client, consultant, &facts)
        .map_err(|e| Failure::new(PROBLEMS, e.to_string()))?;
    let store = Store::open_default().map_err(|e| failure(&e))?;
    std::fs::create_dir_all(store.folder())
        .map_err(|e| Failure::new(USAGE, format!("{}: {e}", store.folder().display())))?;
    let path = made.path_in(store.folder());
    workshop::create(&path, &made).map_err(|e| Failure::new(USAGE, e.to_string()))?;
    println!("{}", made.id);
    if !quiet() {
        eprintln!(
            "Workshop {id} set up in {}, with {} facts. Invite each respondent with \
             `{me} workshop invite {id} --name NAME --role ROLE`.",
            path.display(),
            made.facts.len(),
            id = made.id,
            me = program::name()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A saved workshop, its file, and the tree it was set up on.
struct Opened {
    /// Held from before it was read until the command ends, when it changes the workshop.
    _held: Option<workshop::Held>,
    path: PathBuf,
    workshop: Workshop,
    tree: Arc<techhire::Tree>,
    stamp: techhire::session::TreeStamp,
}

impl Opened {
    fn folder(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    fn save(&self) -> Result<(), Failure> {
        workshop::save(&self.path, &self.workshop).map_err(|e| Failure::new(USAGE, e.to_string()))
    }
}

/// Reads a workshop (held first when `to_change`) and loads the tree, which must be the
/// edition it was set up on.
fn open(questions: Option<&Path>, which: &str, to_change: bool) -> Result<Opened, Failure> {
    let path = find(which)?;
    let held = hold_if(&path, to_change)?;
    let saved = read_workshop(&path)?;
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
    let stamp = stamp(&loaded, questions);
    if stamp.sha256 != saved.tree.sha256 {
        return Err(Failure::new(
            PROBLEMS,
            format!(
                "{} was set up on another edition of the question tree ({} {}); give that tree \
                 with --questions",
                path.display(),
                terminal_safe(&saved.tree.title),
                terminal_safe(&saved.tree.version)
            ),
        ));
    }
    Ok(Opened {
        _held: held,
        path,
        workshop: saved,
        tree: Arc::new(loaded.tree),
        stamp,
    })
}

/// `workshop invite`: a respondent added, their session written beside the workshop (and a
/// copy to send them).
fn invite(
    questions: Option<&Path>,
    which: &str,
    name: &str,
    role: Option<&str>,
    output: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let mut opened = open(questions, which, true)?;
    let folder = opened.folder().to_path_buf();
    let respondent = opened
        .workshop
        .invite(&opened.tree, opened.stamp.clone(), &folder, name, role)
        .map_err(|e| Failure::new(PROBLEMS, terminal_safe(&e.to_string())))?;
    opened.save()?;
    let session_path = folder.join(format!("{}.json", respondent.session));
    if let Some(output) = output {
        let session = techhire::session::read_path(&session_path).map_err(|e| failure(&e))?;
        SessionFile::create_at(output, session).map_err(|e| failure(&e))?;
    }
    println!("{}", respondent.session);
    if !quiet() {
        let me = program::name();
        let file = output.unwrap_or(&session_path).display().to_string();
        eprintln!(
            "{} is invited, with session {}: they answer it with `{me} resume {file}`, and \
             `{me} workshop add {} {file}` joins it when it comes back.",
            terminal_safe(&respondent.name),
            respondent.session,
            opened.workshop.id
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `workshop add`: a respondent's answered session checked and joined.
fn add(questions: Option<&Path>, which: &str, file: &Path) -> Result<ExitCode, Failure> {
    let mut opened = open(questions, which, true)?;
    let session = techhire::session::read_path(file).map_err(|e| failure(&e))?;
    let folder = opened.folder().to_path_buf();
    let status = opened
        .workshop
        .join(&opened.tree, &folder, session.clone())
        .map_err(|e| Failure::new(PROBLEMS, terminal_safe(&e.to_string())))?;
    opened.save()?;
    if !quiet() {
        let w = &opened.workshop;
        let name = w
            .respondents
            .iter()
            .find(|r| r.session == session.id)
            .map_or_else(String::new, |r| terminal_safe(&r.name).into_owned());
        let finished = w
            .respondents
            .iter()
            .filter(|r| r.status == Status::Finished)
            .count();
        let how = match status {
            Status::Finished => "finished",
            Status::Answering => "not finished yet",
            Status::Invited => "not started yet",
        };
        let next = if w.is_revealed() {
            format!(
                "everyone has finished, so the answers are revealed: `{} workshop show {}`",
                program::name(),
                w.id
            )
        } else {
            format!(
                "{finished} of {} finished; the answers stay hidden until everyone has",
                w.respondents.len()
            )
        };
        eprintln!("{name}'s session is joined ({how}); {next}.");
    }
    Ok(ExitCode::SUCCESS)
}

/// Holds the workshop file against another techhire changing it at the same time.
fn hold_if(path: &Path, to_change: bool) -> Result<Option<workshop::Held>, Failure> {
    if !to_change || !path.is_file() {
        // A path that is not a file is refused, with its reason, when it is read.
        return Ok(None);
    }
    workshop::hold(path).map(Some).map_err(|e| failure(&e))
}

/// Reads a workshop file; one that cannot be read at all is a usage error, like a session's.
fn read_workshop(path: &Path) -> Result<Workshop, Failure> {
    workshop::read_path(path).map_err(|e| match e {
        WorkshopError::Read { .. } => Failure::new(
            USAGE,
            format!("{e}; `{} sessions` lists the workshops", program::name()),
        ),
        other => Failure::new(PROBLEMS, other.to_string()),
    })
}

/// `workshop reveal`: the answers shown, early only when asked.
fn reveal(which: &str, early: bool) -> Result<ExitCode, Failure> {
    let path = find(which)?;
    let _held = hold_if(&path, true)?;
    let mut saved = read_workshop(&path)?;
    if saved.is_revealed() {
        return Err(Failure::new(
            PROBLEMS,
            format!("workshop {} is already revealed", saved.id),
        ));
    }
    saved.reveal_now(early).map_err(|e| {
        let waiting: Vec<String> = saved
            .respondents
            .iter()
            .filter(|r| r.status != Status::Finished)
            .map(|r| terminal_safe(&r.name).into_owned())
            .collect();
        Failure::new(
            PROBLEMS,
            format!(
                "{e}: {} not finished. To reveal now, which the result will say, add --early",
                techhire::outcome::told::and_list(&waiting)
            ),
        )
    })?;
    workshop::save(&path, &saved).map_err(|e| Failure::new(USAGE, e.to_string()))?;
    if !quiet() {
        eprintln!(
            "The answers of workshop {id} are revealed: `{} workshop show {id}`.",
            program::name(),
            id = saved.id
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A saved workshop's combined result, from its respondents' sessions beside it.
fn show(
    questions: Option<&Path>,
    which: &str,
    format: WorkshopFormat,
) -> Result<ExitCode, Failure> {
    let opened = open(questions, which, false)?;
    let (saved, tree, folder) = (&opened.workshop, &opened.tree, opened.folder());
    let (sessions, unreadable) = saved.sessions_in(folder);
    if !quiet() {
        for e in &unreadable {
            eprintln!("note: {}", terminal_safe(&e.to_string()));
        }
    }
    let revealed = saved
        .combine(tree, &sessions)
        .map_err(|e| Failure::new(PROBLEMS, terminal_safe(&e.to_string())))?;
    let left_out: Vec<String> = revealed
        .left_out
        .iter()
        .map(|r| terminal_safe(&r.name).into_owned())
        .collect();
    let note = (!left_out.is_empty()).then(|| {
        format!(
            "Revealed early: {} had not finished, so {} answers are not in.",
            techhire::outcome::told::and_list(&left_out),
            if left_out.len() == 1 {
                "their"
            } else {
                "those"
            }
        )
    });
    match format {
        WorkshopFormat::Text => {
            let mut text = String::new();
            if let Some(note) = &note {
                text.push_str(&techhire::text::wrap(note, terminal_width(), "", ""));
                text.push('\n');
            }
            text.push_str(&workshop::text::render(
                &revealed.combined,
                terminal_width(),
            ));
            print_out(text)
        }
        WorkshopFormat::Json => {
            if let Some(note) = note.filter(|_| !quiet()) {
                eprintln!("note: {note}");
            }
            print_out(json_output(&workshop::json::document(&revealed.combined)))
        }
    }
}

/// A workshop's file: the path given, or `<id>.workshop.json` in the sessions folder.
fn find(which: &str) -> Result<PathBuf, Failure> {
    let as_path = Path::new(which);
    if as_path.is_file() || !techhire::session::is_valid_id(which) {
        return Ok(as_path.to_path_buf());
    }
    let store = Store::open_default().map_err(|e| failure(&e))?;
    Ok(store
        .folder()
        .join(format!("{which}{}", techhire::session::WORKSHOP_SUFFIX)))
}

fn combine(questions: Option<&Path>, args: &WorkshopRunArgs) -> Result<ExitCode, Failure> {
    let people = named(&args.answers)?;
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
    let stamp = stamp(&loaded, questions);
    let tree = Arc::new(loaded.tree);
    let fix = |problems: &answers::Problems| {
        Failure::new(
            PROBLEMS,
            format!("{}Fix the file, then run again.\n", problems.render()),
        )
    };
    let facts = Facts::from_answers(&tree, &read(&args.facts)?).map_err(|p| fix(&p))?;
    let mut given = Vec::with_capacity(people.len());
    for (name, role, path) in people {
        let applied = facts.apply(&tree, &read(&path)?).map_err(|p| fix(&p))?;
        if !applied.warnings.is_empty() {
            eprint!("{}", applied.warnings.render());
        }
        given.push(Person {
            name,
            role,
            interview: applied.interview,
        });
    }
    let kept = args.save.then(|| given.clone());
    let combined = if args.anonymous {
        Combined::anonymous(&tree, given)
    } else {
        Combined::new(&tree, given)
    }
    .map_err(|e| Failure::new(PROBLEMS, terminal_safe(&e.to_string())))?;
    let code = match args.format {
        WorkshopFormat::Text => print_out(workshop::text::render(&combined, terminal_width())),
        WorkshopFormat::Json => print_out(json_output(&workshop::json::document(&combined))),
    }?;
    if let Some(people) = kept {
        let store = Store::open_default().map_err(|e| failure(&e))?;
        let (kept, path) =
            workshop::keep(&store, &tree, stamp, args.client.clone(), &facts, &people)
                .map_err(|e| Failure::new(USAGE, e.to_string()))?;
        if !quiet() {
            let me = program::name();
            let first = &kept.respondents[0];
            eprintln!(
                "Kept as workshop {}, in {}, with a session for each person; `{me} report {}` \
                 writes {}'s own report.",
                kept.id,
                path.display(),
                first.session,
                terminal_safe(&first.name)
            );
        }
    }
    Ok(code)
}

/// Reads an answers file, or says why not.
fn read(path: &Path) -> Result<Answers, Failure> {
    answers::load_path(path).map_err(|e| match e {
        AnswersError::Io { .. } => Failure::new(USAGE, e.to_string()),
        AnswersError::Invalid(problems) => Failure::new(
            PROBLEMS,
            format!("{}Fix the file, then run again.\n", problems.render()),
        ),
        other => Failure::new(PROBLEMS, other.to_string()),
    })
}

/// Each `--answers` as (name, role, file): `NAME=FILE` names the person ("Ana (CEO)" gives a
/// role), a bare file is named after itself. Two or more people, each named once.
fn named(given: &[String]) -> Result<Vec<(String, Option<String>, PathBuf)>, Failure> {
    if given.len() < 2 {
        return Err(Failure::new(
            USAGE,
            format!(
                "a workshop combines two or more people's answers, and one was given; give \
                 --answers once per person, or use `{} run --answers FILE` for one",
                crate::commands::program::name()
            ),
        ));
    }
    let mut people: Vec<(String, Option<String>, PathBuf)> = Vec::new();
    for arg in given {
        let (label, path) = match arg.split_once('=') {
            Some((name, file)) if !name.trim().is_empty() && !Path::new(arg).exists() => {
                (name.trim().to_string(), PathBuf::from(file))
            }
            _ => {
                let path = PathBuf::from(arg);
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| arg.clone());
                (stem, path)
            }
        };
        let (name, role) = match label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
            Some((name, role)) if !name.trim().is_empty() => {
                (name.trim().to_string(), Some(role.trim().to_string()))
            }
            _ => (label, None),
        };
        if people
            .iter()
            .any(|(n, ..)| n.to_lowercase() == name.to_lowercase())
        {
            return Err(Failure::new(
                USAGE,
                format!(
                    "two people are called {}; name each one with NAME=FILE, e.g. \
                     --answers \"Ana (CEO)=ana.toml\"",
                    terminal_safe(&name)
                ),
            ));
        }
        people.push((name, role, path));
    }
    Ok(people)
}
