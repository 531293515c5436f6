//! What the session command-line tests share: the binary pointed at a temporary sessions
//! folder, answers by id, and the numbers that type them in plain mode.

use std::path::Path;
use std::sync::Arc;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use techhire::session::{Session, Timestamp, TreeStamp};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::{Interview, Tree};

/// The answers of `tests/answers/cio.toml` and `both.toml`, in the order asked.
pub const CIO: &[(&str, &str)] = &[
    ("looking_for", "run_core"),
    ("focus", "internal"),
    ("value_line", "bottom_line"),
    ("business", "b2b_behind"),
    ("internal_estate", "moderate"),
    ("size", "midsize"),
    ("ownership", "private"),
    ("existing_leaders", "none_open"),
    ("security_owner", "new_leader"),
];

pub const BOTH: &[(&str, &str)] = &[
    ("looking_for", "enable_scale"),
    ("focus", "both_equal"),
    ("digital_vs_tech", "both_ends"),
    ("value_line", "both_lines"),
    ("business", "tech_product"),
    ("product_team", "inhouse_large"),
    ("internal_estate", "large"),
    ("size", "over_5b"),
    ("ownership", "public"),
    ("existing_leaders", "none_open"),
    ("security_owner", "product_security"),
];

/// The built-in question tree, loaded.
pub fn shipped_tree() -> Arc<Tree> {
    Arc::new(
        load_str(EMBEDDED_NAME, EMBEDDED)
            .expect("built-in tree")
            .tree,
    )
}

/// The binary with its sessions folder in `data`, no config file (`data`/config is the
/// config folder, empty unless a test writes one), telling the time in UTC (tests that are
/// about time zones set `TZ` again).
pub fn techhire(data: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("techhire");
    cmd.env("TECHHIRE_DATA_DIR", data);
    cmd.env("XDG_CONFIG_HOME", data.join("config"));
    cmd.env_remove("TECHHIRE_CONFIG");
    cmd.env("TZ", "UTC");
    cmd
}

/// Runs techhire with `args`, its data in `data`, which must succeed; returns what it printed,
/// trimmed (an id, for `workshop new` and `invite`).
pub fn succeeds(data: &Path, args: &[&str]) -> String {
    let out = techhire(data).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The numbers to type in plain mode for answers given as (question id, choice id).
pub fn typed(answers: &[(&str, &str)]) -> String {
    let tree = load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree;
    answers
        .iter()
        .map(|(q, c)| {
            let q = tree.question_index(q).unwrap();
            format!("{}\n", tree.choice_index(q, c).unwrap() + 1)
        })
        .collect()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `count` sessions in `data`/sessions, "Client 0000" the most recent, then one an hour older
/// each.
pub fn many_sessions(data: &Path, count: usize) {
    let folder = data.join("sessions");
    std::fs::create_dir_all(&folder).expect("a sessions folder");
    let tree = shipped_tree();
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let interview = Interview::new(tree);
    let newest = Timestamp::now().unix();
    for i in 0..count {
        let mut session = Session::new(
            stamp.clone(),
            Some(format!("Client {i:04}")),
            None,
            &interview,
        );
        session.id = format!("s{i:04}");
        session.updated = Timestamp::from_unix(newest - 3600 * i as i64).expect("a time");
        let json = serde_json::to_vec(&session).expect("a session as JSON");
        std::fs::write(folder.join(format!("s{i:04}.json")), json).expect("a session file");
    }
}
