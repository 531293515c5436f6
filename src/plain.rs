//! Plain mode: the interview line by line, for screen readers, pipes and dumb terminals. Each
//! question is printed with numbered choices; a number answers, `b` goes back, `n` takes a
//! note, `p` makes it private, `?` explains the question, `q` stops. At the result, `e` writes
//! the report and `n` takes a note on the whole interview. Every change is saved in the
//! session at once. It reads and writes through generic streams so tests can drive it.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use techhire::Interview;
use techhire::report::{self, ReportInput};
use techhire::session::{Audience, Autosave, Saved};
use techhire::text::{self, terminal_safe, terminal_safe_multiline};
use techhire::tree::Tree;

mod export;

pub use export::Reports;

/// Longest input line kept; the rest of a longer line is read and dropped, so a stream
/// without newlines cannot fill memory.
const MAX_LINE_BYTES: usize = 1024;

/// The longest note kept from plain mode; further lines are read and left out, so a stream
/// that never sends an empty line cannot fill memory.
const MAX_NOTE_BYTES: usize = 64 * 1024;

/// Said once, first, to a workshop respondent: plain mode cannot hide anything on a shared
/// screen, so blindness rests on answering alone; the facts are not theirs to answer.
const WORKSHOP_RESPONDENT: &str = "You are answering for yourself in a stakeholder workshop. A shared screen cannot be blind: answer on your own, one respondent at a time, with nobody else watching, and do not show your answers to anyone until the consultant reveals everyone's. The company's facts were answered once for everyone, so only your views are asked.";

const AGREEING_TOGETHER: &str = "The room answers this interview together, to agree what this hire is for; its result is the agreed recommendation. Under each question, how each person answered it in the latest round. The company's facts were answered once for everyone, so only the views are asked.";

/// What plain mode works on: the interview, the session it saves to after every change, and
/// what to tell the user before the first question.
pub struct Live<'a> {
    pub interview: &'a mut Interview,
    pub save: &'a mut Autosave,
    /// Paragraphs to show first (a resumed session, a changed tree); empty for a new one.
    pub notice: &'a [String],
}

/// How a plain interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every question on the path was answered and the result shown.
    Finished,
    /// The user typed `q`.
    Quit,
    /// Standard input ended before the last question.
    InputEnded,
}

/// How plain mode talks.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Wrap text at this many columns; 0: one line per paragraph, best for screen readers.
    pub width: usize,
    /// Ask for the client's and consultant's names first (a new session without them, and a
    /// person at the keyboard).
    pub ask_names: bool,
    /// Where reports written at the result go, and the firm they are by.
    pub reports: Reports<'a>,
    /// For the interview a workshop's room answers together: how each person answered in the
    /// latest round, shown under each question.
    pub beside: Option<&'a techhire::workshop::Beside>,
    /// Why writing the report is not offered, when it is not (a workshop respondent's session
    /// before the reveal): `e` is left out at the result.
    pub reports_wait: Option<&'a str>,
}

/// What a note is on.
#[derive(Debug, Clone, Copy)]
enum NoteOn<'a> {
    Question(&'a str),
    /// The interview as a whole, from the result.
    Interview,
}

/// Runs the interview over `input` and `output`, saving the session after every change, and
/// prints the result at the end.
pub fn run(
    opened: &mut Live<'_>,
    input: &mut impl BufRead,
    output: &mut impl Write,
    options: Options,
) -> io::Result<Ending> {
    let reports = options.reports;
    let tree = Arc::clone(opened.interview.tree());
    let width = options.width;
    let wrap = |text: &str, first: &str, rest: &str| text::wrap(text, width, first, rest);
    writeln!(output, "{}", terminal_safe(&tree.meta().title))?;
    for paragraph in opened.notice {
        let text = match paragraph.strip_prefix("  - ") {
            Some(item) => wrap(item, "  - ", "    "),
            None => wrap(paragraph, "", ""),
        };
        write!(output, "{text}")?;
    }
    if options.beside.is_some() {
        write!(output, "{}", wrap(AGREEING_TOGETHER, "", ""))?;
    } else if opened.save.session().workshop.is_some() {
        write!(output, "{}", wrap(WORKSHOP_RESPONDENT, "", ""))?;
    }
    write!(
        output,
        "{}",
        wrap(
            "Type the number of your answer and press Enter. b goes back, n adds a note, p makes it private (for you, never in the client's report) or for the client again, ? explains why a question matters, q stops; your answers are saved as you go.",
            "",
            ""
        )
    )?;
    let session = opened.save.session();
    // Asks for the client's name when none was given, and for the consultant's too when the
    // command line and the config file gave none.
    if options.ask_names && session.client.is_none() {
        let ask_consultant = session.consultant.is_none();
        writeln!(output)?;
        let Some(client) = ask(
            input,
            output,
            "Who is this interview for? Type the client's name, or press Enter to skip: ",
        )?
        else {
            return input_ended(output, width);
        };
        let consultant = if ask_consultant {
            let Some(consultant) = ask(
                input,
                output,
                "And your name, as the consultant? (Enter to skip): ",
            )?
            else {
                return input_ended(output, width);
            };
            Some(consultant)
        } else {
            None
        };
        let given = |name: &Option<String>| name.as_deref().is_some_and(|n| !n.trim().is_empty());
        if !client.trim().is_empty() || given(&consultant) {
            let saved = opened.save.set_names(Some(&client), consultant.as_deref());
            say_saved(saved, opened, output, width)?;
        }
    }
    let mut show = true;
    loop {
        let Some(question) = opened.interview.current() else {
            let wait = options.reports_wait;
            match result(opened, input, output, width, show, (reports, wait))? {
                AtResult::Done => return Ok(Ending::Finished),
                AtResult::Back => show = true,
                AtResult::Again => show = false,
            }
            continue;
        };
        let interview = &opened.interview;
        let q = tree.question(question);
        let count = q.choices.len();
        let selected = interview.selected();
        if show {
            writeln!(output)?;
            writeln!(
                output,
                "Question {} ({})",
                interview.number(),
                left(interview.left_from(question))
            )?;
            write!(output, "{}", wrap(&terminal_safe(&q.prompt), "", ""))?;
            for (i, choice) in q.choices.iter().enumerate() {
                let mark = match selected {
                    Some(s) if s == i && interview.is_offered() => " (your answer last round)",
                    Some(s) if s == i => " (your answer)",
                    _ => "",
                };
                let number = format!("  {}. ", i + 1);
                let indent = " ".repeat(number.len());
                let label = format!("{}{mark}", terminal_safe(&choice.label));
                write!(output, "{}", wrap(&label, &number, &indent))?;
                if let Some(detail) = &choice.detail {
                    write!(output, "{}", wrap(&terminal_safe(detail), &indent, &indent))?;
                }
            }
            if let Some(beside) = options.beside {
                show_beside(beside, &tree, question, output, width)?;
            }
            if let Some(note) = opened.save.session().note(&q.id) {
                let private = opened.save.session().note_is_private(&q.id);
                show_note(note, private, output, width)?;
            }
        }
        show = true;
        let keep = selected.map_or(String::new(), |s| format!(", Enter keeps {}", s + 1));
        write!(output, "Your answer (1-{count}{keep}, b, n, p, ?, q): ")?;
        output.flush()?;
        let Some(line) = read_line(input)? else {
            return input_ended(output, width);
        };
        match line.trim() {
            "" if opened.interview.is_offered() => {
                // Kept from the round before: given again now.
                if let Some(kept) = selected {
                    let _ = opened.interview.answer(kept);
                    let saved = opened.save.record(opened.interview);
                    say_saved(saved, opened, output, width)?;
                }
            }
            "" if selected.is_some() => {
                opened.interview.forward();
            }
            "b" | "B" | "back" => {
                if !opened.interview.back() {
                    let says = "This is the first question; there is nothing before it.";
                    write!(output, "{}", wrap(says, "", ""))?;
                    show = false;
                }
            }
            "n" | "N" | "note" => {
                let id = q.id.clone();
                if !note(opened, NoteOn::Question(&id), input, output, width)? {
                    return input_ended(output, width);
                }
                show = false;
            }
            "p" | "P" | "private" => {
                let id = q.id.clone();
                toggle_private(opened, &id, output, width)?;
                show = false;
            }
            "?" | "h" | "help" => {
                explain(&tree, question, output, width)?;
                show = false;
            }
            "q" | "Q" | "quit" => {
                let says = "Stopped before the end, so there is no result yet.";
                write!(output, "{}", wrap(says, "", ""))?;
                return Ok(Ending::Quit);
            }
            typed => match typed.parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => {
                    // The index is in range, so the interview accepts it.
                    let _ = opened.interview.answer(n - 1);
                    let saved = opened.save.record(opened.interview);
                    say_saved(saved, opened, output, width)?;
                }
                _ => {
                    let hint = format!(
                        "Please type a number from 1 to {count}, or b to go back, n for a note, p to make it private or for the client, ? for why this matters, q to stop."
                    );
                    write!(output, "{}", wrap(&hint, "", ""))?;
                    show = false;
                }
            },
        }
    }
}

/// What was typed at the result.
enum AtResult {
    /// Finished: Enter, `q`, or the end of input.
    Done,
    /// Back to the last question, to change an answer.
    Back,
    /// Something else: ask again.
    Again,
}

/// Shows the result (unless it was just shown) and asks what next: finish, write the report,
/// a note on the whole interview, or back to change an answer.
fn result(
    opened: &mut Live<'_>,
    input: &mut impl BufRead,
    output: &mut impl Write,
    width: usize,
    show: bool,
    (reports, wait): (Reports, Option<&str>),
) -> io::Result<AtResult> {
    if show {
        let Some(recommendation) = opened.interview.result() else {
            return Ok(AtResult::Done);
        };
        let session = opened.save.session();
        // On screen, for whoever took the notes: private ones too, marked.
        let notes = session.report_notes(Audience::Consultant);
        let interview_note = session.report_interview_note(Audience::Consultant);
        let date = session.result.as_ref().map(|r| r.finished.to_string());
        let report = ReportInput {
            tree: opened.interview.tree(),
            interview: opened.interview,
            recommendation: &recommendation,
            client: session.client.as_deref(),
            consultant: session.consultant.as_deref(),
            date: date.as_deref(),
            notes: &notes,
            interview_note: interview_note.as_deref(),
            private_notes: false,
            firm: None,
        };
        writeln!(output)?;
        write!(output, "{}", report::text::render(&report, width))?;
        writeln!(output)?;
    }
    if show {
        let choices = match wait {
            // A workshop respondent's report waits for the reveal: not offered.
            Some(why) => format!(
                "Enter finishes; n adds a note on the whole interview, b goes back to change an answer. {why}"
            ),
            None => "Enter finishes; e writes the report, n adds a note on the whole interview, b goes back to change an answer.".to_string(),
        };
        write!(output, "{}", text::wrap(&choices, width, "", ""))?;
    }
    if wait.is_some() {
        write!(output, "Next (Enter, n, b): ")?;
    } else {
        write!(output, "Next (Enter, e, n, b): ")?;
    }
    output.flush()?;
    let Some(line) = read_line(input)? else {
        writeln!(output)?;
        return Ok(AtResult::Done);
    };
    Ok(match line.trim() {
        "" | "q" | "Q" | "quit" => AtResult::Done,
        "b" | "B" | "back" => {
            opened.interview.back();
            AtResult::Back
        }
        "e" | "E" | "export" if wait.is_some() => {
            write!(
                output,
                "{}",
                text::wrap(wait.unwrap_or_default(), width, "", "")
            )?;
            AtResult::Again
        }
        "e" | "E" | "export" => {
            if !export::ask(opened, input, output, width, reports)? {
                writeln!(output)?;
                return Ok(AtResult::Done);
            }
            AtResult::Again
        }
        "n" | "N" | "note" => {
            if !note(opened, NoteOn::Interview, input, output, width)? {
                return Ok(AtResult::Done);
            }
            AtResult::Again
        }
        _ => {
            let hint = if wait.is_some() {
                "Press Enter to finish, n for a note on the interview, or b to go back."
            } else {
                "Press Enter to finish, e to write the report, n for a note on the interview, or b to go back."
            };
            write!(output, "{}", text::wrap(hint, width, "", ""))?;
            AtResult::Again
        }
    })
}

/// Makes the note on a question private, or for the client again, and says which.
fn toggle_private(
    opened: &mut Live<'_>,
    question: &str,
    output: &mut impl Write,
    width: usize,
) -> io::Result<()> {
    let session = opened.save.session();
    let Some(text) = session.note(question).map(str::to_string) else {
        let says = "There is no note on this question yet; n writes one, then p makes it private.";
        return write!(output, "{}", text::wrap(says, width, "", ""));
    };
    let private = !session.note_is_private(question);
    let saved = opened.save.set_note(question, &text, private);
    say_saved(saved, opened, output, width)?;
    let says = if private {
        "The note is now private: for you only, never in the client's report."
    } else {
        "The note is now for the client: it goes in the report."
    };
    write!(output, "{}", text::wrap(says, width, "", ""))
}

/// Takes a note on a question or on the interview: lines until an empty one. Just Enter
/// keeps the note as it is, a single `-` removes it; a note keeps whether it is private. False
/// when input ended (what was typed is saved first).
fn note(
    opened: &mut Live<'_>,
    on: NoteOn,
    input: &mut impl BufRead,
    output: &mut impl Write,
    width: usize,
) -> io::Result<bool> {
    let wrap = |text: &str| text::wrap(text, width, "", "");
    let session = opened.save.session();
    let (old, private) = match on {
        NoteOn::Question(q) => (session.note(q), session.note_is_private(q)),
        NoteOn::Interview => (
            session.interview_note.as_ref().map(|n| n.text.as_str()),
            session.interview_note.as_ref().is_some_and(|n| n.private),
        ),
    };
    if let Some(old) = old {
        show_note(old, private, output, width)?;
        write!(output, "{}", wrap("What you type now replaces it."))?;
    } else if let NoteOn::Interview = on {
        write!(
            output,
            "{}",
            wrap(
                "A note on the interview as a whole goes in the report, after the notes on the answers."
            )
        )?;
    }
    write!(
        output,
        "{}",
        wrap(
            "Type your note and press Enter; more lines are fine, and an empty line ends the note. Enter alone keeps the note as it is; a single - removes it."
        )
    )?;
    let mut lines: Vec<String> = Vec::new();
    let mut size = 0;
    let mut ended = false;
    loop {
        write!(output, "Note: ")?;
        output.flush()?;
        let Some(line) = read_line(input)? else {
            writeln!(output)?;
            ended = true;
            break;
        };
        let line = line.trim_end().to_string();
        if line.is_empty() {
            break;
        }
        size += line.len() + 1;
        if size <= MAX_NOTE_BYTES {
            lines.push(line);
        }
    }
    let says = match lines.as_slice() {
        [] => "Note unchanged.".to_string(),
        [only] if only.trim() == "-" => {
            let saved = save_note(opened, on, "", false);
            say_saved(saved, opened, output, width)?;
            "Note removed.".to_string()
        }
        _ => {
            let saved = save_note(opened, on, &lines.join("\n"), private);
            say_saved(saved, opened, output, width)?;
            if size > MAX_NOTE_BYTES {
                format!("Note saved, cut at {} KiB.", MAX_NOTE_BYTES / 1024)
            } else {
                "Note saved.".to_string()
            }
        }
    };
    write!(output, "{}", wrap(&says))?;
    Ok(!ended)
}

fn save_note(opened: &mut Live<'_>, on: NoteOn, text: &str, private: bool) -> Saved {
    match on {
        NoteOn::Question(q) => opened.save.set_note(q, text, private),
        NoteOn::Interview => opened.save.set_interview_note(text, private),
    }
}

/// A note under its question: "Your note:" for the client's, "Your private note:" for one
/// kept out of the client's report.
/// How each person answered this question in the latest round, for the room answering it
/// together: "  Ana (CEO): Build technology products for our customers".
fn show_beside(
    beside: &techhire::workshop::Beside,
    tree: &Tree,
    question: usize,
    output: &mut impl Write,
    width: usize,
) -> io::Result<()> {
    let Some(answers) = beside.answers.get(&question) else {
        return Ok(());
    };
    let choices = &tree.question(question).choices;
    writeln!(
        output,
        "  How each person answered in round {}:",
        beside.round
    )?;
    for (person, answer) in beside.people.iter().zip(answers) {
        let answer = match answer.and_then(|c| choices.get(c)) {
            Some(choice) => terminal_safe(&choice.label).into_owned(),
            None => "not asked (their answers led elsewhere)".to_string(),
        };
        let line = format!("{}: {answer}", terminal_safe(person));
        write!(output, "{}", text::wrap(&line, width, "    ", "      "))?;
    }
    Ok(())
}

fn show_note(note: &str, private: bool, output: &mut impl Write, width: usize) -> io::Result<()> {
    let note = terminal_safe_multiline(note);
    let label = if private {
        "  Your private note: "
    } else {
        "  Your note: "
    };
    let indent = " ".repeat(label.len());
    for (i, line) in note.lines().enumerate() {
        let first = if i == 0 { label } else { &indent };
        write!(output, "{}", text::wrap(line, width, first, &indent))?;
    }
    Ok(())
}

/// Tells the user about a save when there is something to tell: the first failure, and the
/// save that works again after it.
fn say_saved(
    saved: Saved,
    opened: &Live<'_>,
    output: &mut impl Write,
    width: usize,
) -> io::Result<()> {
    let says = match saved {
        Saved::Quietly | Saved::StillFailing => return Ok(()),
        Saved::Again => format!(
            "Saved again: everything so far is safe in {}.",
            opened.save.path().display()
        ),
        Saved::Failed(why) => format!(
            "Could not save: {why} You can carry on: your answers are kept here, and saving is tried again after each one."
        ),
    };
    write!(
        output,
        "{}",
        text::wrap(&terminal_safe(&says), width, "", "")
    )
}

fn input_ended(output: &mut impl Write, width: usize) -> io::Result<Ending> {
    writeln!(output)?;
    let says = "Input ended before the interview finished, so there is no result yet.";
    write!(output, "{}", text::wrap(says, width, "", ""))?;
    Ok(Ending::InputEnded)
}

/// Asks a question and reads one line; `None` at the end of input.
fn ask(
    input: &mut impl BufRead,
    output: &mut impl Write,
    question: &str,
) -> io::Result<Option<String>> {
    write!(output, "{question}")?;
    output.flush()?;
    read_line(input)
}

/// Why a question matters, with its sources by title.
fn explain(tree: &Tree, question: usize, output: &mut impl Write, width: usize) -> io::Result<()> {
    let q = tree.question(question);
    let why = format!("Why this matters: {}", terminal_safe(&q.help));
    write!(output, "{}", text::wrap(&why, width, "", ""))?;
    let sources: Vec<String> = q
        .sources
        .iter()
        .filter_map(|id| tree.source(id))
        .map(|s| format!("{} ({}, {})", s.title, s.publisher, s.date))
        .collect();
    if !sources.is_empty() {
        let list = format!("Sources: {}", sources.join("; "));
        write!(
            output,
            "{}",
            text::wrap(&terminal_safe(&list), width, "", "  ")
        )?;
    }
    Ok(())
}

/// `(3 left)`, `(4 to 11 left)`, or `(last question)`, counting the current one.
fn left((fewest, most): (u32, u32)) -> String {
    match (fewest, most) {
        (1, 1) => "last question".to_string(),
        (f, m) if f == m => format!("{f} left"),
        (f, m) => format!("{f} to {m} left"),
    }
}

/// Reads one line, keeping at most [`MAX_LINE_BYTES`] of it; `None` at the end of input.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut kept = Vec::new();
    let mut read_any = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            break;
        }
        read_any = true;
        let (chunk, used, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => (&buffer[..i], i + 1, true),
            None => (buffer, buffer.len(), false),
        };
        let room = MAX_LINE_BYTES.saturating_sub(kept.len());
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
        input.consume(used);
        if done {
            break;
        }
    }
    Ok(read_any.then(|| String::from_utf8_lossy(&kept).into_owned()))
}

#[cfg(test)]
mod tests;
