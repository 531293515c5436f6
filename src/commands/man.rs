//! `techhire man`: the manual page, in roff, built by clap_mangen from the same definitions the
//! command line is parsed with: the synopsis and options, then every command (walked from
//! clap's own list, so a new one is never left out) with its options, the exit codes, the
//! environment, where sessions are kept, and where the question-tree format is described.

use std::io;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_mangen::Man;
use roff::{Roff, bold, italic, roman};

use crate::cli::{Cli, ENVIRONMENT, EXIT_CODES};
use crate::commands::{Failure, USAGE, print_out};

/// The man command.
pub fn run() -> Result<ExitCode, Failure> {
    let page = page().map_err(|e| Failure::new(USAGE, format!("cannot write the manual: {e}")))?;
    print_out(&page)
}

/// The whole manual page.
pub fn page() -> io::Result<String> {
    let mut root = Cli::command();
    root.build();
    let man = Man::new(root.clone()).manual("techhire manual");
    let mut page = Page::default();
    page.add(|w| man.render_title(w))?;
    page.add(|w| man.render_name_section(w))?;
    page.add(|w| man.render_synopsis_section(w))?;
    page.add(|w| man.render_description_section(w))?;
    page.add(|w| man.render_options_section(w))?;

    let mut commands = Roff::new();
    commands.control("SH", ["COMMANDS"]);
    page.roff(&commands);
    for command in visible(&root) {
        commands_of(&mut page, command, "techhire")?;
    }

    let mut rest = Roff::new();
    rest.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_CODES {
        rest.control("TP", [])
            .text([bold(code.to_string())])
            .text([roman(*meaning)]);
    }
    rest.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        rest.control("TP", [])
            .text([bold(*name)])
            .text([roman(*meaning)]);
    }
    rest.control("SH", ["FILES"]);
    rest.text([roman(
        "Sessions are kept in your data folder (on Linux ~/.local/share/techhire/sessions), or \
         in the sessions folder of TECHHIRE_DATA_DIR; ",
    )])
    .text([bold("techhire sessions"), roman(" says where.")]);
    rest.control("SH", ["SEE ALSO"]);
    rest.text([
        bold("techhire schema --doc"),
        roman(" prints the reference of the question-tree format; "),
        bold("techhire schema"),
        roman(" its JSON Schema, for editors; "),
        bold("techhire completions "),
        italic("SHELL"),
        roman(" a completion script."),
    ]);
    page.roff(&rest);
    page.add(|w| man.render_version_section(w))?;
    Ok(page.text)
}

/// A command and, after it, the commands under it.
fn commands_of(page: &mut Page, command: &clap::Command, parent: &str) -> io::Result<()> {
    let name = format!("{parent} {}", command.get_name());
    let mut heading = Roff::new();
    heading.control("SS", [name.as_str()]);
    let usage = command.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
    heading.text([bold(usage)]);
    let about = command
        .get_long_about()
        .or(command.get_about())
        .map(ToString::to_string)
        .unwrap_or_default();
    heading.control("PP", []).text([roman(about)]);
    page.roff(&heading);
    // Its own options only: the global ones and --help are in OPTIONS above.
    let mut own = command.clone();
    for global in root_arguments() {
        if own.get_arguments().any(|a| a.get_id() == global.as_str()) {
            own = own.mut_arg(global, |a| a.hide(true));
        }
    }
    let man = Man::new(own);
    let mut options = String::new();
    page.render(&mut options, |w| man.render_options_section(w))?;
    page.text
        .push_str(&options.replacen(".SH OPTIONS\n", "", 1));
    // `help` repeats every command under it; once is enough.
    if command.get_name() != "help" {
        for sub in visible(command) {
            commands_of(page, sub, &name)?;
        }
    }
    Ok(())
}

/// The arguments every command has from the top: `--questions`, `--quiet`, `--help`.
fn root_arguments() -> Vec<String> {
    let mut root = Cli::command();
    root.build();
    root.get_arguments()
        .filter(|a| a.is_global_set() || a.get_id() == "help")
        .map(|a| a.get_id().to_string())
        .collect()
}

/// The commands under `command` that its help lists.
fn visible(command: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    command.get_subcommands().filter(|c| !c.is_hide_set())
}

/// The page being written: roff pieces one after another, with roff's preamble (which every
/// rendering starts with) kept only once.
#[derive(Default)]
struct Page {
    text: String,
}

impl Page {
    fn add(&mut self, render: impl Fn(&mut Vec<u8>) -> io::Result<()>) -> io::Result<()> {
        let mut piece = String::new();
        self.render(&mut piece, render)?;
        self.text.push_str(&piece);
        Ok(())
    }

    fn roff(&mut self, roff: &Roff) {
        let piece = roff.render();
        let preamble = Roff::new().render();
        let piece = if self.text.is_empty() {
            piece.as_str()
        } else {
            piece.strip_prefix(&preamble).unwrap_or(&piece)
        };
        self.text.push_str(piece);
    }

    fn render(
        &self,
        into: &mut String,
        render: impl Fn(&mut Vec<u8>) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut bytes = Vec::new();
        render(&mut bytes)?;
        let piece = String::from_utf8_lossy(&bytes);
        let preamble = Roff::new().render();
        let piece = if self.text.is_empty() {
            &piece
        } else {
            piece.strip_prefix(&preamble).unwrap_or(&piece)
        };
        into.push_str(piece);
        Ok(())
    }
}
