//! `techhire completions SHELL`: a completion script for bash, zsh, fish, PowerShell or elvish,
//! written by clap_complete from the same definitions the command line is parsed with, so it
//! always knows every subcommand and flag.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::commands::{Failure, print_out};

/// The completions command.
pub fn run(shell: Shell) -> Result<ExitCode, Failure> {
    print_out(script(shell))
}

/// The completion script for one shell.
pub fn script(shell: Shell) -> String {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "techhire", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}
