//! Plain mode: the interview line by line, for screen readers, pipes and dumb terminals. Each
//! question is printed with numbered choices; a number answers, `b` goes back, `n` takes a
//! note, `?` explains the question, `q` stops. Every change is saved in the session at once.
//! It reads and writes through generic streams so tests can drive it.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use techhire::Interview;
use techhire::report::{self, ReportInput};
use techhire::session::{Autosave, Saved};
use techhire::text::{self, terminal_safe, terminal_safe_multiline};
use techhire::tree::Tree;

/// Longest input line kept; the rest of a longer line is read and dropped, so a stream
/// without newlines cannot fill memory.
const MAX_LINE_BYTES: usize = 1024;

/// The longest note kept from plain mode; further lines are read and left out, so a stream
/// that never sends an empty line cannot fill memory.
const MAX_NOTE_BYTES: usize = 64 * 1024;

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
pub struct Options {
    /// Wrap text at this many columns; 0: one line per paragraph, best for screen readers.
    pub width: usize,
    /// Ask for the client's and consultant's names first (a new session without them, and a
    /// person at the keyboard).
    pub ask_names: bool,
}

/// Runs the interview over `input` and `output`, saving the session after every change, and
/// prints the result at the end.
pub fn run(
    opened: &mut Live<'_>,
    input: &mut impl BufRead,
    output: &mut impl Write,
    options: Options,
) -> io::Result<Ending> {
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
    write!(
        output,
        "{}",
        wrap(
            "Type the number of your answer and press Enter. b goes back, n adds a note, ? explains why a question matters, q stops; your answers are saved as you go.",
            "",
            ""
        )
    )?;
    let session = opened.save.session();
    if options.ask_names && session.client.is_none() && session.consultant.is_none() {
        writeln!(output)?;
        let Some(client) = ask(
            input,
            output,
            "Who is this interview for? Type the client's name, or press Enter to skip: ",
        )?
        else {
            return input_ended(output, width);
        };
        let Some(consultant) = ask(
            input,
            output,
            "And your name, as the consultant? (Enter to skip): ",
        )?
        else {
            return input_ended(output, width);
        };
        if !(client.trim().is_empty() && consultant.trim().is_empty()) {
            let saved = opened.save.set_names(Some(&client), Some(&consultant));
            say_saved(saved, opened, output, width)?;
        }
    }
    let mut show = true;
    loop {
        let Some(question) = opened.interview.current() else {
            match result(opened, input, output, width, show)? {
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
                interview.cursor() + 1,
                left(tree.remaining_from(question))
            )?;
            write!(output, "{}", wrap(&terminal_safe(&q.prompt), "", ""))?;
            for (i, choice) in q.choices.iter().enumerate() {
                let mark = if selected == Some(i) {
                    " (your answer)"
                } else {
                    ""
                };
                let number = format!("  {}. ", i + 1);
                let indent = " ".repeat(number.len());
                let label = format!("{}{mark}", terminal_safe(&choice.label));
                write!(output, "{}", wrap(&label, &number, &indent))?;
                if let Some(detail) = &choice.detail {
                    write!(output, "{}", wrap(&terminal_safe(detail), &indent, &indent))?;
                }
            }
            if let Some(note) = opened.save.session().note(&q.id) {
                show_note(note, output, width)?;
            }
        }
        show = true;
        let keep = selected.map_or(String::new(), |s| format!(", Enter keeps {}", s + 1));
        write!(output, "Your answer (1-{count}{keep}, b, n, ?, q): ")?;
        output.flush()?;
        let Some(line) = read_line(input)? else {
            return input_ended(output, width);
        };
        match line.trim() {
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
                if !note(opened, &id, input, output, width)? {
                    return input_ended(output, width);
                }
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
                        "Please type a number from 1 to {count}, or b to go back, n for a note, ? for why this matters, q to stop."
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

/// Shows the result (unless it was just shown) and asks whether to finish or go back.
fn result(
    opened: &mut Live<'_>,
    input: &mut impl BufRead,
    output: &mut impl Write,
    width: usize,
    show: bool,
) -> io::Result<AtResult> {
    if show {
        let Some(recommendation) = opened.interview.result() else {
            return Ok(AtResult::Done);
        };
        let session = opened.save.session();
        let notes = session.note_texts();
        let date = session.result.as_ref().map(|r| r.finished.to_string());
        let report = ReportInput {
            tree: opened.interview.tree(),
            interview: opened.interview,
            recommendation: &recommendation,
            client: session.client.as_deref(),
            consultant: session.consultant.as_deref(),
            date: date.as_deref(),
            notes: &notes,
        };
        writeln!(output)?;
        write!(output, "{}", report::text::render(&report, width))?;
        writeln!(output)?;
    }
    write!(output, "Enter finishes; b goes back to change an answer: ")?;
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
        _ => {
            let hint = "Press Enter to finish, or type b to go back.";
            write!(output, "{}", text::wrap(hint, width, "", ""))?;
            AtResult::Again
        }
    })
}

/// Takes a note on a question: lines until an empty one. Just Enter keeps the note as it is,
/// a single `-` removes it. False when input ended (what was typed is saved first).
fn note(
    opened: &mut Live<'_>,
    question: &str,
    input: &mut impl BufRead,
    output: &mut impl Write,
    width: usize,
) -> io::Result<bool> {
    let wrap = |text: &str| text::wrap(text, width, "", "");
    if let Some(old) = opened.save.session().note(question) {
        show_note(old, output, width)?;
        write!(output, "{}", wrap("What you type now replaces it."))?;
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
            let saved = opened.save.set_note(question, "");
            say_saved(saved, opened, output, width)?;
            "Note removed.".to_string()
        }
        _ => {
            let saved = opened.save.set_note(question, &lines.join("\n"));
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

/// A note under its question.
fn show_note(note: &str, output: &mut impl Write, width: usize) -> io::Result<()> {
    let note = terminal_safe_multiline(note);
    for (i, line) in note.lines().enumerate() {
        let first = if i == 0 {
            "  Your note: "
        } else {
            "             "
        };
        write!(
            output,
            "{}",
            text::wrap(line, width, first, "             ")
        )?;
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
