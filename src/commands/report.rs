//! `techhire report SESSION`: the report of a finished session, with its client, consultant,
//! date and notes, to standard output or to a file that is written whole and never replaced
//! unless asked; and the full-screen interview's export, which names the file itself.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use techhire::config::Firm;
use techhire::export::{ExportError, file_stem, write_new, write_report};
use techhire::report::{Format, ReportInput};
use techhire::session::{Audience, Session, read_path};
use techhire::text::terminal_safe;
use techhire::workshop;
use techhire::{Interview, Recommendation};

use crate::cli::ReportOutput;
use crate::commands::config;
use crate::commands::opening::{SessionTree, dropped_lines, failure, find, stamp, tree_for};
use crate::commands::{Failure, PROBLEMS, USAGE, note_warnings, print_out, program, quiet};

/// The `report` command. Reading the session changes nothing in it: a changed question tree is
/// reconciled in memory only, and said.
pub fn run(
    what: &str,
    questions: Option<&Path>,
    write: &ReportOutput,
    copy: Audience,
) -> Result<ExitCode, Failure> {
    let (output, force) = (write.output.as_deref(), write.force);
    let format = format_for(write.format.map(|f| f.0), output)?;
    let config = config::load()?;
    let path = find(what)?;
    let mut session = read_path(&path).map_err(|e| failure(&e))?;
    hidden_in_a_workshop(&path, &session).map_err(|why| Failure::new(PROBLEMS, why))?;
    let saved_on = session.tree.clone();
    let SessionTree {
        loaded,
        file: tree_file,
        missing,
    } = tree_for(&session, questions)?;
    note_warnings(&loaded.warnings);
    if let Some(missing) = missing.filter(|_| !quiet()) {
        eprintln!("note: {missing}");
    }
    let stamp = stamp(&loaded, tree_file.as_deref());
    let reconciled = session.reconcile(Arc::new(loaded.tree), stamp);
    let name = what_to_call(what, session.client.as_deref());
    if (reconciled.tree_changed || !reconciled.dropped.is_empty()) && !quiet() {
        let mut said = if reconciled.tree_changed {
            format!(
                "note: the questions have changed since {name} was saved (version {} then, {} \
                 now); the report uses them as they are now.",
                terminal_safe(&saved_on.version),
                terminal_safe(&session.tree.version)
            )
        } else {
            format!(
                "note: {name} names questions or choices the question tree does not have, \
                 though it is the tree it was saved on (was the session file edited?); the \
                 report leaves them out."
            )
        };
        for line in dropped_lines(&reconciled.dropped, "set aside: ") {
            said.push_str(&format!("\n{line}"));
        }
        eprintln!("{said}");
    }
    let interview = &reconciled.interview;
    let Some(recommendation) = interview.result() else {
        let p = interview.progress();
        let left = if p.fewest_left == p.most_left {
            count(p.most_left, "question")
        } else {
            format!("{} to {} questions", p.fewest_left, p.most_left)
        };
        return Err(Failure::new(
            PROBLEMS,
            format!(
                "{name} is not finished: {left} still to answer ({} answered so far), so there \
                 is no result to report yet. Carry on with `{me} resume {}`, then write \
                 the report.",
                count(p.answered as u32, "question"),
                terminal_safe(what),
                me = program::name(),
            ),
        ));
    };
    not_for_the_terminal(format, output)?;
    let bytes = render(
        &session,
        interview,
        &recommendation,
        format,
        copy,
        &config.firm,
        80,
    )?;
    deliver(&bytes, format, output, force, &name)
}

/// Refuses to print a PDF to a terminal: it needs a file (`-o report.pdf`).
pub fn not_for_the_terminal(format: Format, output: Option<&Path>) -> Result<(), Failure> {
    if output.is_some() || format.is_text() || !std::io::stdout().is_terminal() {
        return Ok(());
    }
    Err(Failure::new(
        USAGE,
        format!(
            "a {} is not for the terminal: write it to a file with -o report.{}",
            format.name(),
            format.extension()
        ),
    ))
}

/// Prints a report, or writes it to `output` (never over a file unless `force`) and says so.
pub fn deliver(
    text: &[u8],
    format: Format,
    output: Option<&Path>,
    force: bool,
    name: &str,
) -> Result<ExitCode, Failure> {
    let Some(output) = output else {
        return print_out(text);
    };
    write_report(output, text, force).map_err(|e| match e {
        ExportError::Exists { .. } => Failure::new(PROBLEMS, e.to_string()),
        _ => Failure::new(USAGE, e.to_string()),
    })?;
    if quiet() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "Wrote the {} report for {name} to {}.",
        format.name(),
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The report of a finished interview, with the session's names, date and the notes `copy`
/// shows (text wrapped at `width`); or why a PDF could not be printed.
pub fn render(
    session: &Session,
    interview: &Interview,
    recommendation: &Recommendation,
    format: Format,
    copy: Audience,
    firm: &Firm,
    width: usize,
) -> Result<Vec<u8>, Failure> {
    let notes = session.report_notes(copy);
    let interview_note = session.report_interview_note(copy);
    let date = session
        .result
        .as_ref()
        .map_or(session.updated, |r| r.finished)
        .to_string();
    let input = ReportInput {
        tree: interview.tree(),
        interview,
        recommendation,
        client: session.client.as_deref(),
        consultant: session.consultant.as_deref(),
        date: Some(&date),
        notes: &notes,
        interview_note: interview_note.as_deref(),
        private_notes: copy == Audience::Consultant,
        firm: Some(firm),
    };
    format
        .render(&input, width)
        .map_err(|e| Failure::new(PROBLEMS, e.to_string()))
}

/// Writes the report of the session's finished interview into `folder` (made if need be),
/// named for the client and the date (`techhire-acme-2026-11-23.html`, the consultant's copy
/// `techhire-acme-2026-11-23-consultant-copy.html`; `-2`, `-3` rather than replacing a file),
/// and returns its full path; or says why it could not (a workshop respondent's session, `file`,
/// before the reveal).
pub fn export(
    (session, file): (&Session, &Path),
    interview: &Interview,
    format: Format,
    copy: Audience,
    firm: &Firm,
    folder: &Path,
) -> Result<PathBuf, String> {
    let Some(recommendation) = interview.result() else {
        return Err(
            "the interview is not finished yet, so there is no recommendation to report".into(),
        );
    };
    hidden_in_a_workshop(file, session)?;
    let bytes = render(session, interview, &recommendation, format, copy, firm, 80)
        .map_err(|f| f.message)?;
    std::fs::create_dir_all(folder).map_err(|e| {
        format!(
            "could not make the report folder {}: {e}; set another with report_folder in the \
             config file (`{} config` says where it is)",
            folder.display(),
            program::name()
        )
    })?;
    let date = session
        .result
        .as_ref()
        .map_or(session.updated, |r| r.finished)
        .local_date();
    let mut stem = file_stem(session.client.as_deref(), &date);
    if copy == Audience::Consultant {
        // Named so it is never sent to the client by mistake.
        stem.push_str("-consultant-copy");
    }
    write_new(folder, &stem, format.extension(), &bytes).map_err(|e| e.to_string())
}

/// The format asked for with --format, or by the output file's extension, or Markdown. An
/// extension that names no format techhire writes (`report.docx`) is refused rather than
/// filled with Markdown.
pub fn format_for(format: Option<Format>, output: Option<&Path>) -> Result<Format, Failure> {
    if let Some(format) = format {
        return Ok(format);
    }
    let Some(output) = output else {
        return Ok(Format::Markdown);
    };
    match (from_extension(output), output.extension()) {
        (Some(format), _) => Ok(format),
        (None, None) => Ok(Format::Markdown),
        (None, Some(extension)) => Err(Failure::new(
            USAGE,
            format!(
                "techhire does not write `.{}` files, so the report was not written to {}. \
                 Name the file .html, .pdf, .md, .txt or .json, or give --format html, pdf, \
                 markdown, text or json",
                terminal_safe(&extension.to_string_lossy()),
                terminal_safe(&output.display().to_string())
            ),
        )),
    }
}

/// The format a file name asks for, by its extension.
pub fn from_extension(path: &Path) -> Option<Format> {
    Format::from_extension(path.extension()?.to_str()?)
}

/// "session k3f9x2 (Acme Ltd)", or the path as given.
fn what_to_call(what: &str, client: Option<&str>) -> String {
    match client {
        Some(client) => format!(
            "session {} ({})",
            terminal_safe(what),
            terminal_safe(client)
        ),
        None => format!("session {}", terminal_safe(what)),
    }
}

fn count(n: u32, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// Why the front ends do not offer the report for a session, when they do not: a workshop
/// respondent's, before the workshop's reveal (`e` would only be refused).
pub fn not_offered(path: &Path, session: &Session) -> Option<String> {
    let folder = path.parent().unwrap_or(Path::new("."));
    workshop::waits_for(folder, session).map(|_| {
        "The report waits until the consultant reveals everyone's answers: send them your \
         session when you have finished."
            .to_string()
    })
}

/// A workshop respondent's session waits for the workshop's reveal: a report or an export
/// before it would show one person's result before the others have all answered. Says why
/// and what to do.
pub fn hidden_in_a_workshop(path: &Path, session: &Session) -> Result<(), String> {
    let folder = path.parent().unwrap_or(Path::new("."));
    match workshop::waits_for(folder, session) {
        Some(id) => Err(format!(
            "session {} is a respondent's in workshop {id}, and its answers stay hidden until \
             everyone has finished, so nothing was written. Send the session back to the \
             consultant, who joins it with `{me} workshop add` and, once everyone's answers are \
             in, shows them with `{me} workshop reveal {id}`",
            terminal_safe(&session.id),
            id = terminal_safe(&id),
            me = program::name()
        )),
        None => Ok(()),
    }
}
