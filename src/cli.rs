//! The command line, as clap definitions only: what can be typed, and the help that explains it.
//! `commands/` decides what each command does.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
        before the end; 2 usage, a file that cannot be read or written, or no terminal for the full-screen interview.\n\n\
        Sessions live in your data folder (TECHHIRE_DATA_DIR/sessions when that is set); `techhire sessions` shows where."
)]
pub struct Cli {
    /// Question tree to use instead of the built-in one (see docs/questions-format.md).
    #[arg(long, value_name = "FILE", global = true)]
    pub questions: Option<PathBuf>,

    #[command(flatten)]
    pub interview: InterviewArgs,

    /// Save the interview in this file, after every answer; if the file exists, carry on with
    /// it. Without it, a new session in your sessions folder (`techhire sessions` lists them).
    #[arg(long, value_name = "PATH")]
    pub session: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How the interview runs and whom it is for: given before a command they apply to the
/// interview, and to `resume` given before or after it.
#[derive(Debug, Clone, Default, Args)]
pub struct InterviewArgs {
    /// Ask the questions line by line: for screen readers, pipes and dumb terminals.
    #[arg(long)]
    pub plain: bool,

    /// Colours of the full-screen interview [default: dark].
    #[arg(long, value_enum)]
    pub theme: Option<Theme>,

    /// Who the interview is for: shown in `techhire sessions` and on the report.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,

    /// Who runs the interview: shown on the report.
    #[arg(long, value_name = "NAME")]
    pub consultant: Option<String>,
}

impl InterviewArgs {
    /// These, with anything not given here taken from `outer` (given before the command).
    pub fn or(self, outer: InterviewArgs) -> InterviewArgs {
        InterviewArgs {
            plain: self.plain || outer.plain,
            theme: self.theme.or(outer.theme),
            client: self.client.or(outer.client),
            consultant: self.consultant.or(outer.consultant),
        }
    }

    /// True when a flag that only the interview uses was given.
    pub fn any(&self) -> bool {
        self.plain || self.theme.is_some() || self.client.is_some() || self.consultant.is_some()
    }
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
        /// TOML file mapping question ids to choice ids, e.g. `size = "midsize"`.
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// `text` for the terminal, `markdown` for email and documents, `json` for programs.
        #[arg(long, value_enum, default_value_t = RunFormat::Text)]
        format: RunFormat,
    },
    /// List your saved sessions: client, when last changed, progress and outcome.
    Sessions {
        /// `text` for people, `json` for programs.
        #[arg(long, value_enum, default_value_t = SessionsFormat::Text)]
        format: SessionsFormat,
    },
    /// Carry on with a saved session where it stopped (default: the most recently changed
    /// unfinished one).
    Resume {
        /// A session id from `techhire sessions`, or the path of a session file.
        #[arg(value_name = "ID|PATH")]
        which: Option<String>,
        #[command(flatten)]
        interview: InterviewArgs,
    },
    /// Write the report of a finished session, for the client to keep.
    Report {
        /// A session id from `techhire sessions`, or the path of a session file.
        #[arg(value_name = "SESSION")]
        which: String,
        /// Default: from the -o file's extension (.md, .html, .json, .txt), else markdown.
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the -o file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Walk every path through a tree and count what it recommends: paths per outcome, ties
    /// and close calls, outcomes never recommended, how often each rule holds, each question's
    /// swing, and failing examples (see docs/census.md).
    Census {
        /// The tree to count (default: --questions, or the built-in tree).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// `text` for people, `json` for scripts (docs/census.md).
        #[arg(long, value_enum, default_value_t = CensusFormat::Text)]
        format: CensusFormat,
        /// Walk every path when there are at most this many; past it, walk a random sample.
        #[arg(long, value_name = "PATHS", default_value_t = techhire::census::DEFAULT_LIMIT)]
        limit: u64,
        /// How many paths a sample walks.
        #[arg(long, value_name = "PATHS", default_value_t = techhire::census::DEFAULT_SAMPLE)]
        sample: u64,
        /// The sample's seed: the same seed walks the same sample.
        #[arg(long, value_name = "N", default_value_t = 1)]
        seed: u64,
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

/// The colours `--theme` names (the full-screen interview has its own `tui::ThemeName`; the
/// interview command turns one into the other, so the TUI knows nothing of the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    Dark,
    Light,
    Mono,
}

/// How `sessions` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SessionsFormat {
    Text,
    Json,
}

/// The document `report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Reads well in an email and in a document.
    Markdown,
    /// One self-contained, print-ready page.
    Html,
    /// Versioned, for programs (docs/report-json.md).
    Json,
    /// For the terminal.
    Text,
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

/// How `census` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CensusFormat {
    Text,
    Json,
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

    #[test]
    fn a_session_named_to_resume_or_report_is_not_the_session_flag() {
        for args in [
            &["techhire", "resume", "k3f9x2", "--client", "Acme"][..],
            &["techhire", "report", "k3f9x2", "-o", "r.html"],
            &["techhire", "--session", "s.json", "--plain"],
        ] {
            let cli = Cli::try_parse_from(args).map_err(|e| e.to_string());
            assert!(cli.is_ok(), "{args:?}: {cli:?}");
        }
    }
}
