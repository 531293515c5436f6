//! `techhire config`: where the settings file is and what it holds; and the settings every
//! command that writes a report or starts an interview reads (a bad file stops them with its
//! file:line:column, rather than a report going out without the firm's logo).

use std::path::PathBuf;
use std::process::ExitCode;

use techhire::config::{CONFIG_VAR, Config, Location, default_report_folder};
use techhire::text::terminal_safe;

use crate::commands::{Failure, USAGE, print_out, program};

/// The settings, or the defaults when there is no config file (or no home folder to look in).
pub fn load() -> Result<Config, Failure> {
    let Some(location) = Location::find() else {
        return Ok(Config::default());
    };
    location.load().map(Option::unwrap_or_default).map_err(|e| {
        Failure::new(
            USAGE,
            format!(
                "{e}\nThe config file has a problem; fix it, or see `{} config`. Nothing was \
                 done.",
                program::name()
            ),
        )
    })
}

/// Where reports are written when no file is named, and whether the config chose it.
pub fn report_folder(config: &Config) -> Result<(PathBuf, bool), Failure> {
    if let Some(folder) = &config.report_folder {
        return Ok((folder.clone(), true));
    }
    default_report_folder().map(|f| (f, false)).ok_or_else(|| {
        Failure::new(
            USAGE,
            format!(
                "cannot find a folder for reports (no home folder is set); set report_folder \
                 in the config file (`{} config` says where it is)",
                program::name()
            ),
        )
    })
}

/// An example to start a config file from.
const EXAMPLE: &str = "\
consultant = \"Jo Smith\"
firm = \"Smith & Partners\"
logo = \"logo.svg\"            # PNG, JPEG or SVG, beside this file or ~/...
report_folder = \"~/Documents/Client reports\"
theme = \"dark\"               # dark, light or mono
";

/// The config command: with `path_only`, just the file's path (for `$EDITOR "$(techhire
/// config --path)"`).
pub fn run(path_only: bool) -> Result<ExitCode, Failure> {
    let Some(location) = Location::find() else {
        return Err(Failure::new(
            USAGE,
            format!(
                "cannot find a folder for the config file (no home folder is set); set \
                 {CONFIG_VAR} to the file you want"
            ),
        ));
    };
    let path = terminal_safe(&location.path.display().to_string()).into_owned();
    if path_only {
        return print_out(format!("{path}\n"));
    }
    let why = if location.from_env {
        format!(" (named by {CONFIG_VAR})")
    } else {
        String::new()
    };
    let config = match location.load() {
        Ok(Some(config)) => config,
        Ok(None) => {
            let (folder, _) = report_folder(&Config::default())?;
            return print_out(format!(
                "Config file: {path}{why}\nThere is no file there yet, so techhire uses its \
                 defaults: no consultant or firm on reports, reports written to {}, a theme \
                 that suits the terminal.\n\nTo set them, create that file, for example:\n\n\
                 {EXAMPLE}",
                terminal_safe(&folder.display().to_string())
            ));
        }
        Err(e) => {
            return Err(Failure::new(
                USAGE,
                format!("Config file: {path}{why}\n{e}"),
            ));
        }
    };
    let (folder, chosen) = report_folder(&config)?;
    let unset = "(not set)".to_string();
    let shown =
        |value: Option<&str>| value.map_or(unset.clone(), |v| terminal_safe(v).into_owned());
    let logo = config.firm.logo.as_ref().map(|logo| {
        format!(
            "{} ({}, {} KiB)",
            terminal_safe(&logo.path.display().to_string()),
            logo.kind.name(),
            logo.bytes.len().div_ceil(1024)
        )
    });
    let rows = [
        ("consultant", shown(config.consultant.as_deref())),
        ("firm", shown(config.firm.name.as_deref())),
        ("logo", shown(logo.as_deref())),
        (
            "report_folder",
            format!(
                "{}{}",
                terminal_safe(&folder.display().to_string()),
                if chosen { "" } else { " (the default)" }
            ),
        ),
        (
            "theme",
            config
                .theme
                .map_or("(not set: from the terminal's colours)".to_string(), |t| {
                    t.name().to_string()
                }),
        ),
    ];
    let mut text = format!("Config file: {path}{why}\n\n");
    for (key, value) in rows {
        text.push_str(&format!("  {key:<14} {value}\n"));
    }
    text.push_str(
        "\nThe firm's name and logo head every report; --consultant and --theme override \
         the file for one run.\n",
    );
    print_out(&text)
}
