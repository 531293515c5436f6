//! The command line, as clap definitions only: what can be typed, and the help that explains it.
//! `main.rs` decides what each command does.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// The command line of `techhire`.
#[derive(Debug, Parser)]
#[command(
    name = "techhire",
    version,
    about = "Decide which technology leader to hire: a CIO, a CTO, both, or one leader for both roles",
    long_about = "Decide which technology leader to hire: a CIO, a CTO, both, or one leader for both roles.\n\n\
        With no command, techhire runs the interview: a handful of questions about the company, \
        then a recommendation with the reasons behind it and what would change it.",
    after_help = "Exit codes: 0 done; 1 the tree or answers have problems, or the interview stopped \
        before the end; 2 usage, a file that cannot be read, or no terminal for the full-screen interview."
)]
pub struct Cli {
    /// Question tree to use instead of the built-in one (see docs/questions-format.md).
    #[arg(long, value_name = "FILE", global = true)]
    pub questions: Option<PathBuf>,

    /// Ask the questions line by line: for screen readers, pipes and dumb terminals.
    #[arg(long)]
    pub plain: bool,

    /// Colours of the full-screen interview.
    #[arg(long, value_enum, default_value_t = Theme::Dark)]
    pub theme: Theme,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do instead of the interview.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a question tree and list every problem with file:line:column.
    Validate {
        /// The tree to check (default: --questions, or the built-in tree).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// `text` for people, `json` for editors and scripts.
        #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
        format: ValidateFormat,
    },
    /// Give the recommendation for answers written in a file, without asking.
    Run {
        /// TOML file mapping question ids to choice ids, e.g. `size = "small_private"`.
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// `text` for the terminal, `markdown` for email and documents, `json` for programs.
        #[arg(long, value_enum, default_value_t = RunFormat::Text)]
        format: RunFormat,
    },
    /// Draw the whole flow of a tree: every question, every choice, and the outcomes.
    Graph {
        /// The tree to draw (default: --questions, or the built-in tree).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// `mermaid` (renders in GitHub and many editors) or `dot` (Graphviz).
        #[arg(long, value_enum, default_value_t = GraphFormat::Mermaid)]
        format: GraphFormat,
    },
}

/// Colours of the full-screen interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    Dark,
    Light,
    /// Without colour.
    Mono,
}

/// How `validate` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
}

/// How `run` reports the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RunFormat {
    Text,
    Json,
    Markdown,
}

/// The graph language `graph` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Mermaid,
    Dot,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn questions_is_accepted_after_a_subcommand() {
        let cli = Cli::try_parse_from([
            "techhire",
            "run",
            "--answers",
            "a.toml",
            "--questions",
            "q.toml",
        ])
        .map_err(|e| e.to_string());
        assert!(
            matches!(
                cli,
                Ok(Cli {
                    questions: Some(_),
                    ..
                })
            ),
            "{cli:?}"
        );
    }
}
