//! `workshop round` and `workshop agree`, once a round's answers are revealed: the next round
//! (each respondent a new session, their earlier answers offered, hidden again), or the
//! interview the room answers together, with how each person answered shown beside each
//! question. Anything out of order is refused, saying what to do first.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use techhire::text::terminal_safe;
use techhire::workshop::{Beside, ChangeError, JoinError, KeepError, Workshop};

use super::{Opened, open};
use crate::cli::InterviewArgs;
use crate::commands::interview::{Mode, front_end, names, needs_a_terminal};
use crate::commands::{Failure, PROBLEMS, USAGE, config, opening, program, quiet};

/// `workshop round`: the next round started, each respondent's new session beside the
/// workshop; prints their ids, and says how each person carries on.
pub(super) fn round(questions: Option<&Path>, which: &str) -> Result<ExitCode, Failure> {
    let mut opened = open(questions, which, true)?;
    let folder = opened.folder().to_path_buf();
    let respondents = opened
        .workshop
        .start_round(&opened.tree, opened.stamp.clone(), &folder)
        .map_err(|e| refusal(&opened.workshop, &e))?;
    opened.save()?;
    for r in &respondents {
        println!("{}", r.session);
    }
    if !quiet() {
        let w = &opened.workshop;
        let (me, id, n) = (program::name(), &w.id, w.round());
        eprintln!(
            "Round {n} of workshop {id} has started. Each person's answers from round {} are \
             offered to keep (Enter) or change, and round {} stays on record as it was; the \
             answers are hidden again until everyone has finished this round.",
            n - 1,
            n - 1
        );
        for r in &respondents {
            let file = folder.join(format!("{}.json", r.session));
            eprintln!(
                "  {}: `{me} resume {}` here, or send them {} and join it with `{me} workshop \
                 add {id} FILE`",
                terminal_safe(&r.name),
                r.session,
                file.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `workshop agree`: the agreed interview (started, or carried on), run in the front end
/// asked for, with each person's answers in the latest round beside each question.
pub(super) fn agree(
    questions: Option<&Path>,
    which: &str,
    args: &InterviewArgs,
) -> Result<ExitCode, Failure> {
    if args.no_save {
        return Err(Failure::new(
            USAGE,
            "--no-save does nothing here: the agreed interview is the workshop's, kept beside \
             it as it changes.",
        ));
    }
    let mode = Mode::of(args);
    needs_a_terminal(mode, || {
        vec![(
            format!(
                "{} workshop agree {} --plain",
                program::name(),
                crate::commands::quote(which)
            ),
            "the room answers line by line, each person's answer under every question",
        )]
    })?;
    let config = config::load()?;
    let mut opened = open(questions, which, true)?;
    let folder = opened.folder().to_path_buf();
    if !opened.workshop.is_revealed() {
        let round = opened.workshop.round();
        let e = KeepError::Change(ChangeError::NotRevealed { round });
        return Err(refusal(&opened.workshop, &e));
    }
    // What the room sees beside each question: the latest round, combined.
    let (sessions, _) = opened.workshop.sessions_in(&folder);
    let beside = match opened.workshop.combine(&opened.tree, &sessions) {
        Ok(revealed) => Arc::new(Beside::of(&revealed.combined, revealed.round)),
        Err(e) => return Err(refusal(&opened.workshop, &KeepError::Join(e))),
    };
    let id = opened
        .workshop
        .agree(&opened.tree, opened.stamp.clone(), &folder)
        .map_err(|e| refusal(&opened.workshop, &e))?;
    opened.save()?;
    let workshop_id = opened.workshop.id.clone();
    // Let go of the workshop while the room answers: `show` and the others may read it.
    let Opened { path, .. } = opened;
    let mut session = opening::resume(&folder.join(format!("{id}.json")), questions, names(args))?;
    session.beside = Some(beside);
    let ended = front_end(session, args, mode, questions, &config)?;
    if !quiet() {
        eprintln!(
            "The agreed interview is kept with workshop {workshop_id} ({}); `{} workshop show \
             {workshop_id}` gives it beside everyone's own results.",
            path.display(),
            program::name()
        );
    }
    Ok(ended)
}

/// A step out of order, or a session that could not be read or written, with what to do.
fn refusal(w: &Workshop, e: &KeepError) -> Failure {
    let me = program::name();
    let id = &w.id;
    let hint = match e {
        KeepError::Change(ChangeError::NotRevealed { .. })
        | KeepError::Join(JoinError::Hidden { .. }) => format!(
            ". `{me} workshop reveal {id}` reveals them (add --early before everyone has \
             finished; the result says so)"
        ),
        KeepError::Change(ChangeError::AlreadyAgreed(_)) => {
            format!(". `{me} workshop show {id}` gives the agreed result")
        }
        _ => String::new(),
    };
    Failure::new(
        PROBLEMS,
        format!("{}{hint}.", terminal_safe(&e.to_string())),
    )
}
