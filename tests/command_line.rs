//! The command line's promises kept for every command there is, at every level (tests/cli.rs
//! has each command's own): bash completes with the script techhire prints, every environment
//! variable the source reads is documented, no `--help` needs a checkout, `--questions` and the
//! interview's flags are never silently ignored, unknown options are said plainly, and hints
//! name the program as it can be typed. The commands are read from `--help` itself, so these
//! stay true as commands are added.

use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use predicates::str::contains;

fn techhire() -> Command {
    let mut cmd = cargo_bin_cmd!("techhire");
    cmd.env(
        "TECHHIRE_DATA_DIR",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("completions-data"),
    );
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let output = techhire().args(args).output().expect("techhire runs");
    assert!(output.status.success(), "techhire {args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The commands `--help` lists under "Commands:", each with the words that name it
/// (`["sessions"]`, `["sessions", "delete"]`), found through every level.
fn commands() -> Vec<Vec<String>> {
    fn below(path: &[String], found: &mut Vec<Vec<String>>) {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = stdout_of(&args);
        let Some((_, listed)) = help.split_once("Commands:\n") else {
            return;
        };
        for line in listed.lines().take_while(|l| !l.trim().is_empty()) {
            let Some(name) = line.split_whitespace().next() else {
                continue;
            };
            if name == "help" {
                continue; // clap's own: `techhire help --help` is not a thing
            }
            let mut sub = path.to_vec();
            sub.push(name.to_string());
            found.push(sub.clone());
            below(&sub, found);
        }
    }
    let mut found = Vec::new();
    below(&[], &mut found);
    assert!(
        found.iter().any(|c| c == &["sessions"]) && found.len() >= 10,
        "the commands were not found in --help: {found:?}"
    );
    found
}

#[test]
fn the_bash_script_completes_commands_and_options() {
    let Ok(bash) = which("bash") else {
        eprintln!("skipped: this test needs bash on the PATH");
        return;
    };
    let script = stdout_of(&["completions", "bash"]);
    let complete = |words: &str| {
        let probe = format!(
            "{script}\nCOMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _techhire techhire \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\""
        );
        let out = std::process::Command::new(&bash)
            .args(["--norc", "-c", &probe])
            .output()
            .expect("bash runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let words = complete("techhire se");
    assert!(words.lines().any(|w| w == "sessions"), "{words}");
    let words = complete("techhire completions ''");
    for shell in ["bash", "zsh", "fish"] {
        assert!(words.lines().any(|w| w == shell), "{words}");
    }
}

fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
        .ok_or(())
}

#[test]
fn every_variable_the_source_reads_is_documented() {
    let page = stdout_of(&["man"]);
    let environment = section(&page, "ENVIRONMENT");
    let help = stdout_of(&["--help"]);
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let (_, listed) = readme
        .split_once("with the environment variables techhire\nreads (")
        .expect("the README's list of environment variables");
    let listed = listed.split_once(')').map_or(listed, |(list, _)| list);
    for name in variables_read() {
        assert!(
            listed.contains(&format!("`{name}`")),
            "{name} is read by the source but not in the README's list of environment \
             variables (Exit codes)"
        );
        assert!(
            environment.contains(&format!("\\fB{name}\\fR")),
            "{name} is read by the source but not in the man page's ENVIRONMENT \
             (add it to cli::ENVIRONMENT)"
        );
        assert!(
            help.contains(&format!("  {name} ")),
            "{name} is not in --help"
        );
    }
}

/// The text of one `.SH` section.
fn section<'a>(page: &'a str, name: &str) -> &'a str {
    let start = page
        .find(&format!("\n.SH {name}\n"))
        .unwrap_or_else(|| panic!("no section {name}"));
    let rest = &page[start + 1..];
    let end = rest[1..].find("\n.SH ").map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

/// Every environment variable the program's source reads: the names given to `var(..)`,
/// `var_os(..)` or a closure wrapping them (`let set = |name| var(name)...`), as a string or
/// as a `const` holding one.
fn variables_read() -> Vec<String> {
    let mut sources = Vec::new();
    collect(Path::new("src"), &mut sources);
    let all: String = sources.concat();
    let mut names = Vec::new();
    for source in &sources {
        let mut calls = vec!["var(".to_string(), "var_os(".to_string()];
        for (at, _) in source.match_indices("let ") {
            let statement = &source[at + 4..];
            let statement = &statement[..statement.find(';').unwrap_or(statement.len())];
            if let Some((name, body)) = statement.split_once(" = |")
                && (body.contains("var(") || body.contains("var_os("))
            {
                calls.push(format!("{}(", name.trim()));
            }
        }
        for call in &calls {
            for (at, _) in source.match_indices(call) {
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let argument = source[at + call.len()..]
                    .split([')', ','])
                    .next()
                    .unwrap_or("")
                    .trim();
                let name = if let Some(literal) = argument.strip_prefix('"') {
                    literal.trim_end_matches('"').to_string()
                } else if argument.chars().all(|c| c.is_ascii_uppercase() || c == '_')
                    && !argument.is_empty()
                {
                    let definition = format!("const {argument}: &str = \"");
                    let Some(at) = all.find(&definition) else {
                        continue;
                    };
                    let value = &all[at + definition.len()..];
                    value[..value.find('"').unwrap_or(0)].to_string()
                } else {
                    continue; // a variable passed along (`var(name)`), not a name
                };
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    for known in ["TECHHIRE_DATA_DIR", "NO_COLOR", "TECHHIRE_PLAIN"] {
        assert!(
            names.iter().any(|n| n == known),
            "the scan missed {known}: {names:?}"
        );
    }
    names
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // The build script's variables are Cargo's and the link order's (src/build.rs), read
        // while building, never by the program.
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("src/build.rs") {
            out.push(std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

#[test]
fn help_texts_need_no_checkout() {
    for command in std::iter::once(Vec::new()).chain(commands()) {
        let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
        for help in ["-h", "--help"] {
            args.push(help);
            let text = stdout_of(&args);
            args.pop();
            for only_in_a_checkout in ["docs/", "README"] {
                assert!(
                    !text.contains(only_in_a_checkout),
                    "`techhire {} {help}` points at {only_in_a_checkout}, which an installed \
                     techhire does not have:\n{text}",
                    args.join(" ")
                );
            }
        }
    }
}

#[test]
fn an_unknown_option_is_said_plainly_with_the_real_ones() {
    techhire()
        .arg("--verbose")
        .assert()
        .code(2)
        .stderr(contains("`techhire` has no --verbose option"))
        .stderr(contains("--plain"))
        .stderr(predicates::str::contains("similar argument").not());
    techhire()
        .arg("--qestions")
        .assert()
        .code(2)
        .stderr(contains("a similar argument exists: '--questions'"));
    techhire()
        .args(["sessions", "--jsno"])
        .assert()
        .code(2)
        .stderr(contains("`techhire sessions` has no --jsno option"))
        .stderr(contains("--format"));
}

/// The words that run `command` with what it requires: a placeholder for each required
/// argument, or the first of its possible values (`completions bash`).
fn runnable(command: &[String]) -> Vec<String> {
    let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
    args.push("--help");
    let help = stdout_of(&args);
    let usage = help
        .lines()
        .find_map(|l| l.strip_prefix("Usage: "))
        .expect("a usage line");
    let mut words = command.to_vec();
    // Tokens inside [...] are optional; the rest are required.
    let mut depth = 0usize;
    for token in usage.split_whitespace().skip(1 + command.len()) {
        let required = depth == 0 && !token.starts_with('[');
        depth = (depth + token.matches('[').count()).saturating_sub(token.matches(']').count());
        if !required {
            continue;
        }
        if token == "<COMMAND>" {
            // A group whose subcommand is required (`workshop`): run its first subcommand.
            let first = help
                .split_once("Commands:\n")
                .and_then(|(_, listed)| listed.split_whitespace().next())
                .expect("a group lists its commands");
            let mut sub = command.to_vec();
            sub.push(first.to_string());
            return runnable(&sub);
        }
        if token.starts_with("--") {
            words.push(token.to_string());
        } else if let Some(name) = token.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
            let line = help
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("<{name}>")));
            let first_value = help
                .split_once(&format!("<{name}>"))
                .and_then(|(_, after)| after.split_once("[possible values: "))
                .and_then(|(_, values)| values.split([',', ']']).next())
                .filter(|_| line.is_some());
            words.push(
                first_value
                    .unwrap_or("/nonexistent/thing")
                    .trim()
                    .to_string(),
            );
        }
    }
    words
}

#[test]
fn questions_is_never_silently_ignored() {
    let tree = "/nonexistent/tree.toml";
    for command in commands() {
        let mut args = runnable(&command);
        args.extend(["--questions".to_string(), tree.to_string()]);
        let output = techhire().args(&args).output().expect("techhire runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !output.status.success() && output.stdout.is_empty(),
            "`techhire {}` ignored --questions: {output:?}",
            args.join(" ")
        );
        assert_eq!(
            output.status.code(),
            Some(2),
            "techhire {}: {stderr}",
            args.join(" ")
        );
    }
    techhire()
        .args(["sessions", "--questions", tree])
        .assert()
        .code(2)
        .stderr(contains("`techhire sessions` reads no question tree"));
    techhire()
        .args(["--questions", tree, "completions", "bash"])
        .assert()
        .code(2)
        .stderr(contains("`techhire completions` reads no question tree"));
    // A command that reads a tree reads the one given.
    techhire()
        .args(["graph", "--questions", tree])
        .assert()
        .code(2)
        .stderr(contains(tree));
}

#[test]
fn the_interviews_flags_before_another_command_are_refused() {
    for command in commands() {
        // `resume` and `workshop agree` run an interview: the flags are theirs.
        if command[0] == "resume" || command == ["workshop", "agree"] {
            continue;
        }
        for flag in [&["--plain"][..], &["--no-plain"], &["--client", "Acme"]] {
            let mut args: Vec<String> = flag.iter().map(|f| f.to_string()).collect();
            args.extend(runnable(&command));
            techhire()
                .args(&args)
                .assert()
                .code(2)
                .stdout("")
                .stderr(contains("are for the interview (and `resume`)"));
        }
    }
}

#[test]
fn hints_name_the_program_as_it_can_be_typed() {
    let binary = Path::new(env!("CARGO_BIN_EXE_techhire"));
    let folder = binary.parent().expect("the binary's folder");
    let hint = |path: &std::ffi::OsStr, cwd: &Path| {
        let output = techhire()
            .args(["resume", "--plain"])
            .env("PATH", path)
            .env(
                "TECHHIRE_DATA_DIR",
                Path::new(env!("CARGO_TARGET_TMPDIR")).join("hints-data"),
            )
            .current_dir(cwd)
            .output()
            .expect("techhire runs");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    // Installed: the shell finds this very program as `techhire`.
    let installed = hint(folder.as_os_str(), folder);
    assert!(
        installed.contains("Start one with `techhire`"),
        "{installed}"
    );
    // Not on the PATH: the path it was run as, relative to where the user is.
    let above = folder.parent().expect("a folder above");
    let run = hint(std::ffi::OsStr::new(""), above);
    let relative = binary
        .strip_prefix(above)
        .expect("under it")
        .display()
        .to_string();
    assert!(
        run.contains(&format!("Start one with `{relative}`")),
        "{run}"
    );
}

#[test]
fn hints_after_managing_sessions_name_the_program_as_run() {
    let binary = Path::new(env!("CARGO_BIN_EXE_techhire"));
    let above = binary
        .parent()
        .and_then(Path::parent)
        .expect("a folder above");
    let me = binary
        .strip_prefix(above)
        .expect("under it")
        .display()
        .to_string();
    let data = Path::new(env!("CARGO_TARGET_TMPDIR")).join("manage-hints-data");
    let _ = std::fs::remove_dir_all(&data);
    let said = |args: &[&str]| {
        let output = techhire()
            .args(args)
            .env("PATH", "")
            .env("TECHHIRE_DATA_DIR", &data)
            .env("XDG_CONFIG_HOME", "/nonexistent/techhire-tests")
            .env_remove("TECHHIRE_CONFIG")
            .current_dir(above)
            .write_stdin("")
            .output()
            .expect("techhire runs");
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    };
    let answers = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/answers/cio.toml");
    let mut hints = vec![said(&["run", "--answers", answers, "--save"])];
    hints.push(said(&["sessions", "copy", "nope"]));
    let ids = said(&["sessions", "--format", "json"]);
    let listing: serde_json::Value = serde_json::from_str(&ids).expect("JSON");
    let id = listing["sessions"][0]["id"]
        .as_str()
        .expect("the saved session");
    hints.push(said(&["sessions", "copy", id]));
    hints.push(said(&["sessions", "rename", id, "kept"]));
    hints.push(said(&["sessions", "delete", "kept"]));
    hints.push(said(&["sessions", "--format", "json", "copy", "kept"]));
    hints.push(said(&["resume", "kept", "--no-save", "--plain"]));
    for hint in hints {
        assert!(
            hint.contains(&format!("`{me} ")) && !hint.contains("`techhire "),
            "every command suggested is typed as `{me} ...`:\n{hint}"
        );
    }
}

#[test]
fn the_schema_printed_is_the_one_editors_are_pointed_at() {
    let printed = stdout_of(&["schema"]);
    let parsed: serde_json::Value = serde_json::from_str(&printed).expect("the schema is JSON");
    assert_eq!(parsed["$schema"], "http://json-schema.org/draft-07/schema#");
    let committed = std::fs::read_to_string("docs/questions.schema.json").expect("committed");
    assert_eq!(
        printed, committed,
        "`techhire schema` differs from docs/questions.schema.json, which questions.toml's \
         #:schema line names"
    );
}
