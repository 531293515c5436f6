//! `workshop run --facts FILE --answers A --answers B ...`: several leaders' answers combined
//! without asking, for scripts and tests: the facts file once, each person's views over it,
//! then the library's combined result as text or JSON; with `--save`, kept as a workshop with a
//! session per person.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use techhire::session::Store;
use techhire::text::{json_output, terminal_safe};
use techhire::workshop::{self, Combined, Facts, Person};

use super::{fix, read};
use crate::cli::{WorkshopFormat, WorkshopRunArgs};
use crate::commands::opening::{failure, stamp};
use crate::commands::{
    Failure, PROBLEMS, USAGE, load_tree, note_warnings, print_out, program, quiet, terminal_width,
};

pub(super) fn run(questions: Option<&Path>, args: &WorkshopRunArgs) -> Result<ExitCode, Failure> {
    let people = named(&args.answers)?;
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
    let stamp = stamp(&loaded, questions);
    let tree = Arc::new(loaded.tree);
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
        let (name, role) = super::name_and_role(label);
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
