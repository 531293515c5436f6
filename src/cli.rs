//! The command line, as clap definitions only: what can be typed, and the help that explains it.
//! `commands/` decides what each command does.

use std::path::PathBuf;
use std::sync::LazyLock;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use techhire::report::Format;

/// Every exit code techhire gives, and what it means: for `--help`, the man page and tests.
pub const EXIT_CODES: &[(u8, &str)] = &[
    (0, "done"),
    (
        1,
        "the question tree or answers have problems, or the interview stopped before the end",
    ),
    (
        2,
        "usage, a file that cannot be read or written, or no terminal for the full-screen interview",
    ),
    (129, "stopped by SIGHUP: the terminal went away"),
    (130, "stopped by Ctrl-C (SIGINT)"),
    (143, "stopped by SIGTERM"),
];

/// Every environment variable techhire reads, and what it does.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "TECHHIRE_DATA_DIR",
        "the folder sessions are kept in (its sessions/ subfolder), instead of your data folder",
    ),
    (
        "XDG_DATA_HOME",
        "on Linux, where your data folder is (XDG_DATA_HOME/techhire; else ~/.local/share/techhire)",
    ),
    (
        "XDG_CONFIG_HOME",
        "on Linux, where your config folder is (XDG_CONFIG_HOME/techhire; else ~/.config/techhire)",
    ),
    (
        "TECHHIRE_CONFIG",
        "the settings file (consultant, firm, logo, report folder, theme), instead of \
         config.toml in your config folder; it must exist",
    ),
    (
        "TZ",
        "the time zone times and dates are shown in (session files keep UTC); else the system's",
    ),
    (
        "TECHHIRE_BROWSER",
        "the Chromium, Chrome or Edge that prints PDF reports (a path or a command), instead of \
         the first found",
    ),
    (
        "LC_PAPER",
        "the paper a PDF report is printed on: Letter for US, Canadian and other Letter \
         locales (also read from LC_ALL and LANG), else A4",
    ),
    (
        "TECHHIRE_PLAIN",
        "set to 1: the interview runs in plain mode, line by line (--no-plain overrides)",
    ),
    (
        "ACCESSIBLE",
        "set to anything: plain mode, as for TECHHIRE_PLAIN (the convention of gum and huh)",
    ),
    ("TERM", "dumb: plain mode, as for TECHHIRE_PLAIN"),
    (
        "NO_COLOR",
        "set to anything: the full-screen interview in the mono theme",
    ),
    (
        "COLORFGBG",
        "set by some terminals; a light background picks the light theme",
    ),
];

/// The exit codes and environment, as `--help` ends.
fn after_help() -> String {
    let mut text = String::from("Exit codes:\n");
    for (code, meaning) in EXIT_CODES {
        text.push_str(&format!("  {code:<5}{meaning}\n"));
    }
    text.push_str("\nEnvironment:\n");
    for (name, meaning) in ENVIRONMENT {
        text.push_str(&format!("  {name:<19}{meaning}\n"));
    }
    text.push_str(
        "\nSessions live in your data folder; `techhire sessions` shows where. `techhire man` \
         prints the manual; `techhire schema --doc` describes the question-tree format.",
    );
    text
}

/// The command line of `techhire`.
#[derive(Debug, Parser)]
#[command(
    name = "techhire",
    version,
    about = "Decide which technology leader to hire: a CIO, a CTO, both, or one leader for both roles",
    long_about = "Decide which technology leader to hire: a CIO, a CTO, both, or one leader for both roles.\n\n\
        With no command, techhire runs the interview: a handful of questions about the company, \
        then a recommendation with the reasons behind it and what would change it.",
    after_help = after_help()
)]
pub struct Cli {
    /// Question tree to use instead of the built-in one (`techhire schema --doc` describes the
    /// format). For the interview, `resume`, `report`, `run`, `validate`, `census`, `graph` and
    /// `workshop`.
    #[arg(long, value_name = "FILE", global = true)]
    pub questions: Option<PathBuf>,

    /// Leave out what is only news: `note:` lines, where a session or report was saved, and
    /// the next step. Errors and the output asked for still show.
    #[arg(short, long, global = true)]
    pub quiet: bool,

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
    /// Ask the questions line by line: for screen readers, pipes and dumb terminals. Chosen
    /// too when TERM=dumb, TECHHIRE_PLAIN=1 or ACCESSIBLE is set.
    #[arg(long, overrides_with = "no_plain")]
    pub plain: bool,

    /// The full-screen interview, even where TERM=dumb, TECHHIRE_PLAIN or ACCESSIBLE would
    /// choose plain mode.
    #[arg(long, overrides_with = "plain")]
    pub no_plain: bool,

    /// Colours of the full-screen interview. Without it: mono when NO_COLOR is set, light when
    /// the terminal says its background is light (COLORFGBG), else dark.
    #[arg(long, value_enum, conflicts_with = "plain")]
    pub theme: Option<Theme>,

    /// Who the interview is for: shown in `techhire sessions` and on the report.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,

    /// Who runs the interview: shown on the report.
    #[arg(long, value_name = "NAME")]
    pub consultant: Option<String>,

    /// Keep no session: a plain interview that leaves nothing behind (reports you write at
    /// the end are still written).
    #[arg(long)]
    pub no_save: bool,
}

impl InterviewArgs {
    /// These, with anything not given here taken from `outer` (given before the command).
    pub fn or(self, outer: InterviewArgs) -> InterviewArgs {
        InterviewArgs {
            // Given after the command, either flag wins over the one before it.
            plain: self.plain || (outer.plain && !self.no_plain),
            no_plain: self.no_plain || (outer.no_plain && !self.plain),
            theme: self.theme.or(outer.theme),
            client: self.client.or(outer.client),
            consultant: self.consultant.or(outer.consultant),
            no_save: self.no_save || outer.no_save,
        }
    }

    /// True when a flag that only the interview uses was given.
    pub fn any(&self) -> bool {
        self.plain
            || self.no_plain
            || self.theme.is_some()
            || self.client.is_some()
            || self.consultant.is_some()
            || self.no_save
    }
}

/// What to do instead of the interview.
///
/// Deferred, as are the nested commands: a command's arguments are built only when it is the
/// one given, so the interview (no command) builds no other parser before its first frame.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
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
    Run(RunArgs),
    /// Several leaders' answers combined: each one's own result, whether they agree, and the
    /// questions to settle first.
    Workshop {
        #[command(subcommand)]
        action: WorkshopAction,
    },
    /// List your saved sessions: client, when last changed, progress and outcome.
    Sessions {
        #[command(subcommand)]
        action: Option<SessionsAction>,
        /// `text` for people, `json` for programs [default: text].
        #[arg(long, value_enum)]
        format: Option<SessionsFormat>,
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
        #[command(flatten)]
        write: ReportOutput,
        /// The consultant's copy: include private notes, marked, under a heading saying it is
        /// not for the client. Without it, private notes are left out.
        #[arg(long)]
        private_notes: bool,
    },
    /// Show where your settings file is and what it holds: your name, your firm's name and
    /// logo for reports, the folder reports go to, the theme.
    Config {
        /// Print only the file's path, e.g. to open it: $EDITOR "$(techhire config --path)".
        #[arg(long)]
        path: bool,
    },
    /// Walk every path through a tree and count what it recommends: paths per outcome, ties
    /// and close calls, outcomes never recommended, how often each rule holds, each question's
    /// swing, and failing examples.
    Census {
        /// The tree to count (default: --questions, or the built-in tree).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// `text` for people, `json` for scripts (a versioned layout, "format": "techhire-census").
        #[arg(long, value_enum, default_value_t = CensusFormat::Text)]
        format: CensusFormat,
        /// Count every path when there are at most this many; past it, count them all only if
        /// they fold in less work than the sample, else walk a random sample.
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
    /// Print the JSON Schema of the question-tree format, for editors; or, with --doc, the
    /// format's reference.
    Schema {
        /// The reference for people (Markdown): every table and field, with an example.
        #[arg(long)]
        doc: bool,
    },
    /// Print a completion script for a shell (`techhire completions --help` says where each
    /// shell looks for it).
    #[command(long_about = COMPLETIONS_HELP)]
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff), every command with its options, the exit codes and the
    /// environment: `techhire man | man -l -`.
    #[command(long_about = MAN_HELP)]
    Man,
    /// Print the version, as --version does.
    Version,
}

/// What to do with one saved session, instead of listing them all.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum SessionsAction {
    /// Delete a session for good (asks first, unless --yes).
    Delete {
        /// A session id from `techhire sessions`, or the path of a session file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        /// Delete without asking.
        #[arg(short, long)]
        yes: bool,
    },
    /// Give a session a memorable id, e.g. `acme-2026` (its file becomes acme-2026.json).
    Rename {
        /// A session id from `techhire sessions`, or the path of a session file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        /// The new id: letters, digits, `-` and `_`.
        #[arg(value_name = "NEW_ID")]
        new_id: String,
    },
    /// Copy a session into a new one with the same answers and notes, to explore a what-if
    /// ("what if they hire a CISO first?") without touching the record.
    Copy {
        /// A session id from `techhire sessions`, or the path of a session file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        /// The copy's client name [default: the original's].
        #[arg(long, value_name = "NAME")]
        client: Option<String>,
    },
}

/// Where each shell looks for `completions`' script, for an installed techhire's `--help`
/// (the README's section on completions says the same).
const COMPLETIONS_HELP: &str = "Print the completion script for a shell on standard output. \
    Put it once where the shell looks, then open a new shell:\n\n\
    \x20 bash        techhire completions bash > ~/.local/share/bash-completion/completions/techhire\n\
    \x20 zsh         techhire completions zsh > ~/.zfunc/_techhire\n\
    \x20             (with `fpath=(~/.zfunc $fpath)` before `compinit` in ~/.zshrc)\n\
    \x20 fish        techhire completions fish > ~/.config/fish/completions/techhire.fish\n\
    \x20 PowerShell  techhire completions powershell >> $PROFILE\n\
    \x20 elvish      techhire completions elvish >> ~/.config/elvish/rc.elv\n\n\
    Run it again after updating techhire, so new commands and options complete too.";

/// Where `man`'s page goes, for an installed techhire's `--help` (as the README says).
const MAN_HELP: &str = "Print the manual page on standard output, in roff: every command \
    with its options, the exit codes and the environment variables. Read it at once with \
    `techhire man | man -l -`, or install it beside the installed techhire, where man looks \
    because ~/.cargo/bin is on your PATH:\n\n\
    \x20 mkdir -p ~/.cargo/share/man/man1\n\
    \x20 techhire man > ~/.cargo/share/man/man1/techhire.1\n\
    \x20 man techhire";

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

/// How `report` and `workshop report` write: the format, the file, and whether to replace it.
#[derive(Debug, Clone, Args)]
pub struct ReportOutput {
    /// Default: from the -o file's extension (.html, .pdf, .md, .txt, .json), else markdown.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the -o file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The document `report` writes: one of the library's [`Format`]s, offered by clap with each
/// format's purpose as its help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportFormat(pub Format);

impl ValueEnum for ReportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        static VARIANTS: LazyLock<Vec<ReportFormat>> =
            LazyLock::new(|| Format::ALL.into_iter().map(ReportFormat).collect());
        &VARIANTS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.id()).help(self.0.purpose()))
    }
}

/// How `validate` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
}

/// `run`: answers taken elsewhere (on a call, in a workshop) made into the client's report.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// TOML file mapping question ids to choice ids, e.g. `size = "midsize"`.
    #[arg(long, value_name = "FILE")]
    pub answers: PathBuf,
    /// Default: from the -o file's extension (.md, .html, .json, .txt), else text.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Who the report is for.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// Who ran the interview [default: `consultant` in the config file].
    #[arg(long, value_name = "NAME")]
    pub consultant: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the -o file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Also keep the interview as a session, to resume, copy or report again later.
    #[arg(long)]
    pub save: bool,
}

/// What `workshop` does.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum WorkshopAction {
    /// Combine answers files without asking: the facts once, then each person's views.
    Run(WorkshopRunArgs),
    /// Set up a workshop with the company's facts, answered once for everyone.
    New {
        /// TOML file answering the tree's fact questions, e.g. `size = "midsize"`.
        #[arg(long, value_name = "FILE")]
        facts: PathBuf,
        /// Who the workshop is for.
        #[arg(long, value_name = "NAME")]
        client: Option<String>,
    },
    /// Invite a respondent: a session of their own, the facts filled in, to answer with
    /// `resume`.
    Invite {
        /// A workshop id from `techhire sessions`, or the path of a workshop file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        /// Their name, as the result will say it.
        #[arg(long, value_name = "NAME")]
        name: String,
        /// Their role, e.g. CFO.
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Also write a copy of their session to this file, to send them.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Join a respondent's answered session, checked first; the answers are revealed once
    /// everyone has finished.
    Add {
        /// A workshop id from `techhire sessions`, or the path of a workshop file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        /// The session file the respondent answered.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Reveal the answers now; before everyone has finished only with --early, which the
    /// result then says.
    Reveal {
        /// A workshop id from `techhire sessions`, or the path of a workshop file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        /// Reveal before everyone has finished.
        #[arg(long)]
        early: bool,
    },
    /// Start the next round once the answers are revealed: each respondent gets a new
    /// session, their earlier answers offered to keep or change, hidden until all have
    /// finished; every earlier round is kept.
    Round {
        /// A workshop id from `techhire sessions`, or the path of a workshop file.
        #[arg(value_name = "ID|PATH")]
        which: String,
    },
    /// Answer one interview together, once the answers are revealed, seeing how each person
    /// answered each question; its result is the agreed recommendation. Run again to carry on.
    Agree {
        /// A workshop id from `techhire sessions`, or the path of a workshop file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        #[command(flatten)]
        interview: InterviewArgs,
    },
    /// Write the workshop report for the board, once the answers are revealed: where
    /// leadership stands, each person's result, what to settle first, the agreement grid.
    Report {
        /// A workshop id from `techhire sessions`, or the path of a workshop file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        #[command(flatten)]
        write: ReportOutput,
        /// Name people "Leader A", "Leader B"... everywhere in the report (it says how little
        /// that hides in a small group).
        #[arg(long)]
        anonymous: bool,
    },
    /// Compare a revealed workshop's answers full screen: the combined result, then each
    /// question × each person, with what would settle each question.
    Compare {
        /// A workshop id from `techhire sessions`, or the path of a workshop file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        /// Colours of the screen, as for the interview.
        #[arg(long, value_enum)]
        theme: Option<Theme>,
    },
    /// Run a workshop in one room, passing the keyboard: the company's facts with the room,
    /// then each person's views alone, unseen by the others, then the reveal. Give an ID to
    /// open a saved room where it was left.
    Room {
        /// A workshop id from `techhire sessions`, or the path of a workshop file, to carry on
        /// with; without it, a new workshop.
        #[arg(value_name = "ID|PATH")]
        which: Option<String>,
        /// Who a new workshop is for.
        #[arg(long, value_name = "NAME", conflicts_with = "which")]
        client: Option<String>,
        /// A person answering, in the order they answer; two or more. "Ben (CFO)" gives a role.
        #[arg(long = "person", value_name = "NAME (ROLE)", conflicts_with = "which")]
        people: Vec<String>,
        /// Colours of the screen, as for the interview.
        #[arg(long, value_enum)]
        theme: Option<Theme>,
    },
    /// Show a saved workshop's combined result, once its answers are revealed.
    Show {
        /// A workshop id from `techhire sessions`, or the path of a workshop file.
        #[arg(value_name = "ID|PATH")]
        which: String,
        /// `text` for people, `json` for scripts.
        #[arg(long, value_enum, default_value_t = WorkshopFormat::Text)]
        format: WorkshopFormat,
    },
}

/// The arguments of `workshop run`.
#[derive(Debug, Args)]
pub struct WorkshopRunArgs {
    /// TOML file answering the tree's fact questions once for everyone, e.g. `size = "midsize"`.
    #[arg(long, value_name = "FILE")]
    pub facts: PathBuf,
    /// One person's answers to the views; once per person, two or more. The person is named
    /// after the file (ana.toml: "ana") unless written NAME=FILE, e.g. "Ana (CEO)=ana.toml".
    #[arg(long, value_name = "[NAME=]FILE", required = true)]
    pub answers: Vec<String>,
    /// `text` for people, `json` for scripts.
    #[arg(long, value_enum, default_value_t = WorkshopFormat::Text)]
    pub format: WorkshopFormat,
    /// Name people "Leader A", "Leader B"... instead (the result says how little that hides
    /// in a small group).
    #[arg(long)]
    pub anonymous: bool,
    /// Also keep it as a workshop: a session per person, to report on or resume, and the
    /// workshop file beside them.
    #[arg(long)]
    pub save: bool,
    /// Who the workshop is for, kept with --save.
    #[arg(long, value_name = "NAME", requires = "save")]
    pub client: Option<String>,
}

/// What `workshop run` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WorkshopFormat {
    Text,
    Json,
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
