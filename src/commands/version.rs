//! `techhire version`: the version, as `--version` gives it; people type both.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::commands::{Failure, print_out};

/// The version command.
pub fn run() -> Result<ExitCode, Failure> {
    print_out(Cli::command().render_version())
}
