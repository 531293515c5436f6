//! Writing the report from plain mode's result: which format (and whether it is the
//! consultant's copy, with private notes) asked on one line, the file named for the client and
//! the date in the reports folder, and its full path said.

use std::io::{self, BufRead, Write};
use std::path::Path;

use techhire::config::Firm;
use techhire::session::Audience;
use techhire::text::terminal_safe;

use super::{Live, read_line};
use crate::commands::report;
use techhire::report::Format;

/// Where reports go and whose firm they carry.
#[derive(Debug, Clone, Copy)]
pub struct Reports<'a> {
    pub folder: &'a Path,
    pub firm: &'a Firm,
}

/// The formats offered, numbered as typed: every report format, the client's first.
const FORMATS: [Format; Format::ALL.len()] = Format::ALL;

/// Asks which report to write and writes it; false when input ended.
pub(super) fn ask(
    opened: &Live<'_>,
    input: &mut impl BufRead,
    output: &mut impl Write,
    width: usize,
    reports: Reports,
) -> io::Result<bool> {
    let wrap = |text: &str| techhire::text::wrap(text, width, "", "");
    let list: Vec<String> = FORMATS
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{} {} ({})", i + 1, f.name(), f.purpose()))
        .collect();
    let private = if opened.save.session().has_private_notes() {
        " Add c for the consultant's copy, with your private notes (1c)."
    } else {
        ""
    };
    let says = format!(
        "Which report? {}. It goes in {}, named for the client and the date.{private}",
        list.join(", "),
        reports.folder.display()
    );
    write!(output, "{}", wrap(&terminal_safe(&says)))?;
    write!(output, "Report (1-{}, Enter for HTML): ", FORMATS.len())?;
    output.flush()?;
    let Some(line) = read_line(input)? else {
        return Ok(false);
    };
    let typed = line.trim().to_ascii_lowercase();
    let (number, copy) = match typed.strip_suffix('c') {
        Some(number) => (number.trim(), Audience::Consultant),
        None => (typed.as_str(), Audience::Client),
    };
    let choice = match number {
        "" => Some(0),
        n => n
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=FORMATS.len()).contains(n))
            .map(|n| n - 1),
    };
    let Some(choice) = choice else {
        let says = format!(
            "No report written: type a number from 1 to {}, then e at the result to try again.",
            FORMATS.len()
        );
        write!(output, "{}", wrap(&says))?;
        return Ok(true);
    };
    let format = FORMATS[choice];
    let name = format.name();
    let written = report::export(
        (opened.save.session(), opened.save.path()),
        opened.interview,
        format,
        copy,
        reports.firm,
        reports.folder,
    );
    let whose = match copy {
        Audience::Client => "",
        Audience::Consultant => " consultant's copy of the",
    };
    let says = match written {
        Ok(path) => format!("Wrote the{whose} {name} report to {}", path.display()),
        Err(why) => format!("Could not write the report: {why}"),
    };
    write!(output, "{}", wrap(&terminal_safe(&says)))?;
    Ok(true)
}
