//! The `techhire` command: parses the command line, hands it to the subcommand in
//! `commands/`, and turns a failure into a message on standard error and an exit code. Never
//! panics. Nothing imports from here.

mod cli;
mod commands;
mod plain;
mod tui;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use techhire::session::Audience;

use cli::{Cli, Command};
use commands::{Failure, USAGE};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version arrive here too, with exit code 0.
            let e = commands::usage_error::plain(e);
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(USAGE));
        }
    };
    match dispatch(cli) {
        Ok(code) => code,
        Err(failure) => {
            if !failure.message.is_empty() {
                let mut stderr = io::stderr().lock();
                let _ = write!(stderr, "{}", failure.message);
                if !failure.message.ends_with('\n') {
                    let _ = writeln!(stderr);
                }
            }
            ExitCode::from(failure.code)
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode, Failure> {
    commands::check_flags(&cli)?;
    let Cli {
        questions,
        quiet,
        interview,
        session,
        command,
    } = cli;
    commands::set_quiet(quiet);
    let tree = questions.as_deref();
    match command {
        None => commands::interview::run(&interview, tree, session.as_deref()),
        Some(Command::Validate { file, format }) => {
            let file = commands::one_tree(file, questions, "validate")?;
            commands::validate::run(file.as_deref(), format)
        }
        Some(Command::Run(args)) => commands::run::run(tree, &args),
        Some(Command::Workshop { action }) => commands::workshop::run(tree, &action, interview),
        Some(Command::Census {
            file,
            format,
            limit,
            sample,
            seed,
        }) => {
            let file = commands::one_tree(file, questions, "census")?;
            commands::census::run(file.as_deref(), format, limit, sample, seed)
        }
        Some(Command::Graph { file, format }) => {
            let file = commands::one_tree(file, questions, "graph")?;
            commands::graph::run(file.as_deref(), format)
        }
        Some(Command::Sessions { action, format }) => commands::sessions::run(action, format),
        Some(Command::Config { path }) => commands::config::run(path),
        Some(Command::Resume {
            which,
            interview: own,
        }) => commands::resume::run(which.as_deref(), &own.or(interview), tree),
        Some(Command::Report {
            which,
            write,
            private_notes,
        }) => {
            let copy = if private_notes {
                Audience::Consultant
            } else {
                Audience::Client
            };
            commands::report::run(&which, tree, &write, copy)
        }
        Some(Command::Schema { doc }) => commands::schema::run(doc),
        Some(Command::Completions { shell }) => commands::completions::run(shell),
        Some(Command::Man) => commands::man::run(),
        Some(Command::Version) => commands::version::run(),
    }
}
