//! Plain mode: the interview line by line, for screen readers, pipes and dumb terminals. Each
//! question is printed with numbered choices; a number answers, `b` goes back, `?` explains the
//! question, `q` quits. It reads and writes through generic streams so tests can drive it.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::Arc;

use techhire::Interview;
use techhire::report::{ReportInput, text};
use techhire::text::terminal_safe;
use techhire::tree::Tree;

/// Longest input line kept; the rest of a longer line is read and dropped, so a stream
/// without newlines cannot fill memory.
const MAX_LINE_BYTES: usize = 1024;

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

/// Runs the interview over `input` and `output`, wrapping text at `width` columns (0: one
/// line per paragraph, best for screen readers), and prints the result at the end.
pub fn run(
    tree: Arc<Tree>,
    input: &mut impl BufRead,
    output: &mut impl Write,
    width: usize,
) -> io::Result<Ending> {
    let mut interview = Interview::new(Arc::clone(&tree));
    let wrap = |text: &str, first: &str, rest: &str| text::wrap(text, width, first, rest);
    writeln!(output, "{}", terminal_safe(&tree.meta().title))?;
    write!(
        output,
        "{}",
        wrap(
            "Type the number of your answer and press Enter. b goes back, ? explains why a question matters, q quits.",
            "",
            ""
        )
    )?;
    let mut show_question = true;
    while let Some(question) = interview.current() {
        let q = tree.question(question);
        let count = q.choices.len();
        let selected = interview.selected();
        if show_question {
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
        }
        show_question = true;
        let keep = selected.map_or(String::new(), |s| format!(", Enter keeps {}", s + 1));
        write!(output, "Your answer (1-{count}{keep}, b, ?, q): ")?;
        output.flush()?;
        let Some(line) = read_line(input)? else {
            writeln!(output)?;
            write!(
                output,
                "{}",
                wrap(
                    "Input ended before the interview finished, so there is no result. Nothing was saved; run techhire --plain again to start over.",
                    "",
                    ""
                )
            )?;
            return Ok(Ending::InputEnded);
        };
        match line.trim() {
            "" if selected.is_some() => {
                interview.forward();
            }
            "b" | "B" | "back" => {
                if !interview.back() {
                    let says = "This is the first question; there is nothing before it.";
                    write!(output, "{}", wrap(says, "", ""))?;
                    show_question = false;
                }
            }
            "?" | "h" | "help" => {
                explain(&tree, question, output, width)?;
                show_question = false;
            }
            "q" | "Q" | "quit" => {
                let says = "Stopped before the end, so there is no result. Nothing was saved.";
                write!(output, "{}", wrap(says, "", ""))?;
                return Ok(Ending::Quit);
            }
            typed => match typed.parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => {
                    // The index is in range, so the interview accepts it.
                    let _ = interview.answer(n - 1);
                }
                _ => {
                    let hint = format!(
                        "Please type a number from 1 to {count}, or b to go back, ? for why this matters, q to quit."
                    );
                    write!(output, "{}", wrap(&hint, "", ""))?;
                    show_question = false;
                }
            },
        }
    }
    let Some(recommendation) = interview.result() else {
        // The loop ends only when no question is left, which is when the interview is done.
        return Ok(Ending::InputEnded);
    };
    let notes = BTreeMap::new();
    let report = ReportInput {
        tree: &tree,
        interview: &interview,
        recommendation: &recommendation,
        client: None,
        consultant: None,
        date: None,
        notes: &notes,
    };
    writeln!(output)?;
    write!(output, "{}", text::render(&report, width))?;
    output.flush()?;
    Ok(Ending::Finished)
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
