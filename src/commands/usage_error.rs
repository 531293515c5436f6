//! clap's usage errors, made plain where its guess misleads: clap suggests any option whose
//! name is somewhat alike (`--verbose` gets "a similar argument exists: '--version'"), which
//! reads as if the two were the same thing. Here an unknown option keeps clap's suggestion only
//! when it is a likely typo, and otherwise says plainly that there is no such option and lists
//! the options the command has.

use clap::CommandFactory;
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::cli::Cli;

/// The error, with a suggestion for an unknown option only where it is a likely typo.
pub fn plain(mut error: clap::Error) -> clap::Error {
    if error.kind() != ErrorKind::UnknownArgument {
        return error;
    }
    let Some(ContextValue::String(typed)) = error.get(ContextKind::InvalidArg).cloned() else {
        return error;
    };
    if let Some(ContextValue::String(suggested)) = error.get(ContextKind::SuggestedArg)
        && likely_typo(&typed, suggested)
    {
        return error;
    }
    error.remove(ContextKind::SuggestedArg);
    let words: Vec<String> = std::env::args().skip(1).collect();
    let mut command = Cli::command();
    command.build();
    let mut found = named(&command, &words).clone();
    // clap's usage line shows the option it suggested; the command's own is the one to show.
    error.insert(
        ContextKind::Usage,
        ContextValue::StyledStr(found.render_usage()),
    );
    let tip = StyledStr::from(no_such_option(&typed, &found));
    let mut tips = match error.remove(ContextKind::Suggested) {
        Some(ContextValue::StyledStrs(tips)) => tips,
        _ => Vec::new(),
    };
    tips.insert(0, tip);
    error.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
    error
}

/// Whether `typed` is `real` mistyped: a letter or two wrong, left out, added or swapped.
fn likely_typo(typed: &str, real: &str) -> bool {
    let typed = typed
        .split('=')
        .next()
        .unwrap_or(typed)
        .trim_start_matches('-');
    let real = real
        .split(' ')
        .next()
        .unwrap_or(real)
        .trim_start_matches('-');
    let distance = strsim::osa_distance(typed, real);
    distance <= 2 && distance * 2 < typed.chars().count()
}

/// The command the words typed name: `techhire`, or the subcommand among them.
fn named<'a>(command: &'a clap::Command, words: &[String]) -> &'a clap::Command {
    let mut found = command;
    for word in words.iter().filter(|w| !w.starts_with('-')) {
        if let Some(sub) = found.find_subcommand(word) {
            found = sub;
        }
    }
    found
}

/// "`techhire sessions` has no --verbose option; its options are --format, ...".
fn no_such_option(typed: &str, found: &clap::Command) -> String {
    let name = found.get_bin_name().unwrap_or("techhire");
    let options: Vec<String> = found
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| a.get_long().map(|long| format!("--{long}")))
        .collect();
    let typed = typed.split('=').next().unwrap_or(typed);
    format!(
        "`{name}` has no {typed} option; its options are {}",
        options.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_told_apart_from_other_words() {
        assert!(likely_typo("--qestions", "--questions"));
        assert!(likely_typo("--plian", "--plain"));
        assert!(likely_typo("--client=Acme", "--client <NAME>"));
        assert!(!likely_typo("--verbose", "--version"));
        assert!(!likely_typo("--quiet", "--questions"));
        assert!(!likely_typo("-q", "--questions"));
    }

    #[test]
    fn an_unknown_option_lists_the_options_of_the_command_given() {
        let mut command = Cli::command();
        command.build();
        let words = ["sessions".to_string(), "--verbose".to_string()];
        let tip = no_such_option("--verbose", named(&command, &words));
        assert!(
            tip.starts_with("`techhire sessions` has no --verbose option"),
            "{tip}"
        );
        assert!(tip.contains("--format"), "{tip}");
        let tip = no_such_option("--verbose", named(&command, &["--verbose".to_string()]));
        assert!(
            tip.contains("--plain") && tip.contains("--questions"),
            "{tip}"
        );
    }
}
