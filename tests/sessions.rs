//! Sessions as a consultant meets them: saved after every answer, resumed with the same answers
//! and notes, listed, protected from a second instance, from bad files and from failed writes,
//! and resumed on a question tree that changed since.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use techhire::session::Session;
use techhire::session::{
    DropReason, SessionError, SessionFile, Store, Timestamp, TreeStamp, read_path,
};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::{Interview, Tree};

fn load(text: &str) -> (Arc<Tree>, TreeStamp) {
    let tree = load_str("questions.toml", text).unwrap().tree;
    let stamp = TreeStamp::new(&tree, "questions.toml", text.as_bytes());
    (Arc::new(tree), stamp)
}

fn embedded() -> (Arc<Tree>, TreeStamp) {
    let tree = load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree;
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    (Arc::new(tree), stamp)
}

fn answers_file(name: &str) -> BTreeMap<String, String> {
    let text = fs::read_to_string(format!("tests/answers/{name}.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

/// Answers from an answers file until the interview ends or `limit` answers are given, saving
/// after each as the front ends do.
fn answer(file: &mut SessionFile, interview: &mut Interview, name: &str, limit: usize) {
    let answers = answers_file(name);
    for _ in 0..limit {
        let Some(q) = interview.current() else { break };
        let id = &interview.tree().question(q).id;
        interview.answer_id(&answers[id]).unwrap();
        file.record(interview).unwrap();
    }
}

fn ids(interview: &Interview) -> Vec<(String, String)> {
    let tree = interview.tree();
    interview
        .all_answers()
        .iter()
        .map(|s| {
            let q = tree.question(s.question);
            (q.id.clone(), q.choices[s.choice].id.clone())
        })
        .collect()
}

#[test]
fn a_session_quit_half_way_resumes_with_every_answer_and_note() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("sessions"));
    let (tree, stamp) = embedded();
    let mut interview = Interview::new(tree.clone());
    let session = Session::new(
        stamp.clone(),
        Some("Acme".into()),
        Some("Jo".into()),
        &interview,
    );
    let mut file = store.create(session).unwrap();
    answer(&mut file, &mut interview, "both", 5);
    file.set_note("focus", "They said \"both\", twice.\nSecond line.", false)
        .unwrap();
    let path = file.path().to_path_buf();
    let before = ids(&interview);
    drop(file);

    let mut file = SessionFile::open(&path).unwrap();
    assert_eq!(file.session().client.as_deref(), Some("Acme"));
    let resumed = file.session_mut().reconcile(tree.clone(), stamp);
    assert!(!resumed.tree_changed);
    assert!(resumed.dropped.is_empty());
    let mut interview = resumed.interview;
    assert_eq!(ids(&interview), before);
    assert_eq!(interview.progress().answered, 5);
    assert_eq!(
        file.session().note("focus"),
        Some("They said \"both\", twice.\nSecond line.")
    );

    answer(&mut file, &mut interview, "both", usize::MAX);
    let saved = read_path(&path).unwrap();
    let result = saved.result.unwrap();
    assert_eq!(result.outcome, "both");
    assert_eq!(result.label, "Have both a CIO and a CTO");
    assert_eq!(saved.answers.len(), answers_file("both").len());
}

#[test]
fn a_prepared_note_changes_nothing_until_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("sessions"));
    let (tree, stamp) = embedded();
    let mut interview = Interview::new(tree);
    let session = Session::new(stamp, Some("Acme".into()), None, &interview);
    let mut file = store.create(session).unwrap();
    answer(&mut file, &mut interview, "cio", 2);
    let path = file.path().to_path_buf();
    let saved = fs::read(&path).unwrap();

    let prepared = file.prepare_note(Some("looking_for"), "Half a thought", false);
    assert_eq!(fs::read(&path).unwrap(), saved, "preparing writes nothing");
    assert_eq!(
        file.session().note("looking_for"),
        None,
        "nor changes the session"
    );

    prepared.write().unwrap();
    let written = read_path(&path).unwrap();
    assert_eq!(written.note("looking_for"), Some("Half a thought"));
    assert_eq!(
        written.answers,
        file.session().answers,
        "the answers are as saved"
    );
}

#[test]
fn answers_kept_aside_off_the_path_are_saved_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, stamp) = embedded();
    let mut interview = Interview::new(tree.clone());
    let mut file = SessionFile::create_at(
        &dir.path().join("s.json"),
        Session::new(stamp.clone(), None, None, &interview),
    )
    .unwrap();
    answer(&mut file, &mut interview, "both", usize::MAX);
    // "focus: internal" skips digital_vs_tech, so its answer falls off the path.
    let focus = tree.question_index("focus").unwrap();
    let internal = tree.choice_index(focus, "internal").unwrap();
    interview.change(focus, internal).unwrap();
    file.record(&interview).unwrap();
    assert_eq!(interview.kept().len(), 1);
    let saved = read_path(file.path()).unwrap();
    assert!(
        saved
            .answers
            .iter()
            .any(|a| a.question == "digital_vs_tech")
    );

    let mut again = saved.clone();
    let resumed = again.reconcile(tree.clone(), stamp);
    assert_eq!(ids(&resumed.interview), ids(&interview));
    assert_eq!(resumed.interview.kept(), interview.kept());
}

#[test]
fn a_changed_tree_keeps_what_fits_and_lists_the_rest_without_guessing() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, stamp) = embedded();
    let mut interview = Interview::new(tree.clone());
    let path = dir.path().join("s.json");
    let mut file =
        SessionFile::create_at(&path, Session::new(stamp, None, None, &interview)).unwrap();
    answer(&mut file, &mut interview, "both", usize::MAX);
    file.set_note("security_owner", "CISO reports to the CFO today", true)
        .unwrap();
    drop(file);

    // The next edition renames a choice of `size` and the question `security_owner` (and the
    // tree's own examples follow).
    let edited = EMBEDDED
        .replace("\"over_5b\"", "\"well_over_5b\"")
        .replace("\"security_owner\"", "\"security_lead\"")
        .replace("security_owner = ", "security_lead = ");
    let (new_tree, new_stamp) = load(&edited);
    let mut file = SessionFile::open(&path).unwrap();
    let resumed = file.resume(new_tree.clone(), new_stamp.clone()).unwrap();
    // Saved at once on the new edition, so a crash now cannot bring the old answers back.
    let on_disk = read_path(&path).unwrap();
    assert_eq!(on_disk.dropped.len(), 2);
    assert_eq!(on_disk.tree.sha256, new_stamp.sha256);
    assert!(resumed.tree_changed);
    let dropped: Vec<(String, Option<String>, DropReason, bool)> = resumed
        .dropped
        .iter()
        .map(|d| {
            (
                d.question.clone(),
                d.choice.clone(),
                d.reason,
                d.note.is_some(),
            )
        })
        .collect();
    assert_eq!(
        dropped,
        [
            (
                "size".into(),
                Some("over_5b".into()),
                DropReason::ChoiceGone,
                false
            ),
            (
                "security_owner".into(),
                Some("product_security".into()),
                DropReason::QuestionGone,
                true
            ),
        ]
    );
    assert!(!resumed.dropped[0].describe().contains("well_over_5b"));
    assert!(
        resumed.dropped[0]
            .describe()
            .contains("`over_5b` is no longer offered")
    );
    // Nothing was mapped onto the renamed question or choice: the interview waits at `size`.
    let interview = resumed.interview;
    let size = new_tree.question_index("size").unwrap();
    assert_eq!(interview.current(), Some(size));
    assert_eq!(interview.answer_of(size), None);
    assert_eq!(
        interview.answer_of(new_tree.question_index("security_lead").unwrap()),
        None
    );
    assert_eq!(interview.progress().answered, 7);
    assert!(!interview.is_finished());

    // Saved, the session is on the new edition, and keeps what was dropped for the record.
    file.record(&interview).unwrap();
    drop(file);
    let saved = read_path(&path).unwrap();
    assert_eq!(saved.tree.sha256, new_stamp.sha256);
    assert_eq!(saved.dropped.len(), 2);
    assert_eq!(
        saved.dropped[1].note.as_deref(),
        Some("CISO reports to the CFO today")
    );
    assert!(
        saved.result.is_none(),
        "the result waits for the new answers"
    );
    let mut again = saved;
    let resumed = again.reconcile(new_tree, new_stamp);
    assert!(!resumed.tree_changed);
    assert!(resumed.dropped.is_empty());
}

#[test]
fn listing_shows_each_session_newest_first_and_reports_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let (tree, stamp) = embedded();
    let mut first = Interview::new(tree.clone());
    let mut a = store
        .create(Session::new(
            stamp.clone(),
            Some("Acme".into()),
            None,
            &first,
        ))
        .unwrap();
    answer(&mut a, &mut first, "cio", usize::MAX);
    a.session_mut().updated = Timestamp::parse("2026-01-01T09:00:00Z").unwrap();
    a.save().unwrap();
    let mut second = Interview::new(tree.clone());
    let mut b = store
        .create(Session::new(stamp, Some("Globex".into()), None, &second))
        .unwrap();
    answer(&mut b, &mut second, "cto", 3);
    fs::write(
        dir.path().join("broken.json"),
        "{\"format\": \"techhire-ses",
    )
    .unwrap();
    fs::write(dir.path().join("notes.txt"), "not a session").unwrap();

    let listing = store.list().unwrap();
    let rows: Vec<(Option<&str>, String, Option<&str>)> = listing
        .sessions
        .iter()
        .map(|s| (s.client.as_deref(), s.progress_text(), s.outcome.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("Globex"), "3 answered, 5 to 9 to go".to_string(), None),
            (Some("Acme"), "finished".to_string(), Some("Hire a CIO")),
        ]
    );
    assert_eq!(listing.unreadable.len(), 1);
    let error = listing.unreadable[0].error.to_string();
    assert!(error.contains("broken.json ends early"), "{error}");
    // Lock files of the two open sessions and no temporary files are listed.
    assert!(
        dir.path()
            .join(format!("{}.json.lock", b.session().id))
            .exists()
    );
    assert_eq!(store.find(&b.session().id).unwrap(), b.path());
    assert!(matches!(
        store.find("nosuch"),
        Err(SessionError::NotFound { .. })
    ));
}

#[test]
fn a_folder_that_does_not_exist_yet_lists_no_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let listing = Store::at(dir.path().join("none")).list().unwrap();
    assert!(listing.sessions.is_empty() && listing.unreadable.is_empty());
}

#[test]
fn a_second_instance_cannot_open_a_session_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, stamp) = embedded();
    let path = dir.path().join("s.json");
    let first = SessionFile::create_at(
        &path,
        Session::new(stamp, None, None, &Interview::new(tree)),
    )
    .unwrap();
    let error = SessionFile::open(&path).unwrap_err().to_string();
    assert!(
        error.contains("s.json is open in another techhire"),
        "{error}"
    );
    assert!(error.contains("process"), "{error}");
    drop(first);
    assert!(SessionFile::open(&path).is_ok());
}

#[test]
fn bad_files_get_a_clear_error_and_are_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, stamp) = embedded();
    let mut interview = Interview::new(tree.clone());
    let good = dir.path().join("good.json");
    let mut file =
        SessionFile::create_at(&good, Session::new(stamp, None, None, &interview)).unwrap();
    answer(&mut file, &mut interview, "cto", usize::MAX);
    drop(file);
    let session = fs::read(&good).unwrap();

    let future = String::from_utf8(session.clone()).unwrap().replacen(
        &format!("\"version\": {}", techhire::session::VERSION),
        &format!("\"version\": {}", techhire::session::VERSION + 1),
        1,
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.json", vec![], "is empty"),
        (
            "cut.json",
            session[..session.len() / 2].to_vec(),
            "ends early",
        ),
        (
            "other.json",
            b"{\"name\": \"my-app\", \"version\": \"1.0\"}".to_vec(),
            "another program",
        ),
        (
            "questions.json",
            EMBEDDED.as_bytes().to_vec(),
            "looks like a question tree",
        ),
        ("future.json", future.into_bytes(), "newer techhire"),
        (
            "binary.json",
            vec![0x89, b'P', b'N', b'G', 0, 0xff],
            "not text",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let error = SessionFile::open(&path).unwrap_err().to_string();
        assert!(error.contains(name), "{error}");
        assert!(error.contains(expected), "{name}: {error}");
        assert!(error.contains("left as it is"), "{name}: {error}");
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name} was changed");
    }
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // Sparse: takes no disk space, but says it is 17 MiB.
    fs::File::create(&path)
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let error = read_path(&path).unwrap_err().to_string();
    assert!(error.contains("huge.json is 17825792 bytes"), "{error}");
}

/// Whether this process can write into a folder it has made read-only (root can).
fn read_only_is_enforced(folder: &Path) -> bool {
    fs::write(folder.join(".probe"), "x").is_err()
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_keeps_the_last_save() {
    use std::os::unix::fs::PermissionsExt as _;

    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sessions");
    fs::create_dir(&folder).unwrap();
    let (tree, stamp) = embedded();
    let mut interview = Interview::new(tree.clone());
    let path = folder.join("s.json");
    let mut file =
        SessionFile::create_at(&path, Session::new(stamp, None, None, &interview)).unwrap();
    answer(&mut file, &mut interview, "cio", 3);
    let last_save = fs::read(&path).unwrap();

    fs::set_permissions(&folder, fs::Permissions::from_mode(0o500)).unwrap();
    let enforced = read_only_is_enforced(&folder);
    let error = if enforced {
        file.set_note("focus", "x", false).unwrap_err().to_string()
    } else {
        // Running as root, where permissions do not stop writes: make the folder vanish under
        // the open session instead, leaving a file where it was.
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
        fs::rename(&folder, dir.path().join("moved")).unwrap();
        fs::write(&folder, "a file where the folder was").unwrap();
        file.save().unwrap_err().to_string()
    };
    let _ = fs::set_permissions(&folder, fs::Permissions::from_mode(0o700));
    assert!(error.contains("s.json"), "{error}");
    assert!(error.contains("The last save is intact"), "{error}");
    let kept = if enforced {
        assert!(error.contains("cannot be written to"), "{error}");
        fs::read(&path).unwrap()
    } else {
        assert!(error.contains("is not a folder"), "{error}");
        fs::read(dir.path().join("moved/s.json")).unwrap()
    };
    assert_eq!(kept, last_save);
}

#[test]
fn the_documented_example_is_a_valid_session() {
    let doc = fs::read_to_string("docs/session-format.md").unwrap();
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let example = &doc.as_bytes()[start..end];
    let mut session = techhire::session::parse("docs/session-format.md", example).unwrap();
    assert_eq!(session.result.as_ref().unwrap().outcome, "both");
    let (tree, stamp) = embedded();
    let resumed = session.reconcile(tree, stamp);
    assert!(resumed.interview.is_finished());
    assert!(resumed.dropped.is_empty());
}

/// A new session in `folder` made to be written later, as the start screen makes it.
fn unwritten(folder: &Path) -> SessionFile {
    let (tree, stamp) = embedded();
    let session = Session::new(stamp, None, None, &Interview::new(tree));
    Store::at(folder).create_later(session).unwrap()
}

/// The names of every file in `folder`, hidden ones too, sorted.
fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_session_made_to_be_written_later_is_written_only_when_asked_and_then_locked() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sessions");
    fs::create_dir(&folder).unwrap();
    let mut file = unwritten(&folder);
    let id = file.session().id.clone();
    assert_eq!(file.path(), folder.join(format!("{id}.json")));
    assert_eq!(
        files_in(&folder),
        Vec::<String>::new(),
        "nothing written yet"
    );

    file.write_new().unwrap();
    assert_eq!(
        files_in(&folder),
        [format!("{id}.json"), format!("{id}.json.lock")]
    );
    assert_eq!(read_path(file.path()).unwrap().id, id);
    let note = fs::read_to_string(folder.join(format!("{id}.json.lock"))).unwrap();
    assert!(
        note.contains(&format!("process {}", std::process::id())),
        "{note}"
    );
    let error = SessionFile::open(file.path()).unwrap_err();
    assert!(matches!(error, SessionError::Locked { .. }), "{error}");
    // Written once: asking again changes nothing.
    file.write_new().unwrap();
    assert_eq!(file.session().id, id);
    drop(file);
    assert_eq!(files_in(&folder), [format!("{id}.json")]);
}

#[test]
fn a_name_taken_before_the_write_gets_a_fresh_id_and_the_other_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = unwritten(dir.path());
    let taken = file.path().to_path_buf();
    fs::write(&taken, "another instance's session").unwrap();
    file.write_new().unwrap();
    assert_ne!(file.path(), taken);
    assert_eq!(
        fs::read_to_string(&taken).unwrap(),
        "another instance's session"
    );
    let id = file.session().id.clone();
    assert_eq!(file.path(), dir.path().join(format!("{id}.json")));
    assert_eq!(
        read_path(file.path()).unwrap().id,
        id,
        "the file says its id"
    );
}

#[test]
fn a_removal_made_before_the_write_removes_what_was_written_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let lock_note = |path: &Path| std::path::PathBuf::from(format!("{}.lock", path.display()));

    // Never written: what another instance put at its name stays.
    let file = unwritten(dir.path());
    let removal = file.removal(true);
    fs::write(file.path(), "another instance's session").unwrap();
    fs::write(lock_note(file.path()), "another instance").unwrap();
    removal.now();
    assert!(file.path().exists() && lock_note(file.path()).exists());

    // Written after the removal was made (a signal waiting while it is written): both go.
    let folder = dir.path().join("sessions");
    fs::create_dir(&folder).unwrap();
    let mut file = unwritten(&folder);
    let removal = file.removal(true);
    file.write_new().unwrap();
    removal.now();
    assert_eq!(files_in(&folder), Vec::<String>::new());

    // Kept (something was given): only the note saying who holds it goes.
    let mut file = unwritten(&folder);
    let removal = file.removal(false);
    file.write_new().unwrap();
    removal.now();
    assert_eq!(files_in(&folder), [format!("{}.json", file.session().id)]);
}

#[test]
fn a_session_never_written_leaves_nothing_and_its_first_save_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = unwritten(dir.path());
    file.discard().unwrap();
    assert_eq!(files_in(dir.path()), Vec::<String>::new());

    let mut file = unwritten(dir.path());
    let mut interview = Interview::new(embedded().0);
    answer(&mut file, &mut interview, "cio", 2);
    let saved = read_path(file.path()).unwrap();
    assert_eq!(saved.answers.len(), 2);
    assert_eq!(saved.id, file.session().id);
}

#[test]
fn a_note_prepared_before_the_write_is_never_written_over_another_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = unwritten(dir.path());
    let prepared = file.prepare_note(Some("focus"), "board wants AI", false);
    fs::write(file.path(), "another instance's session").unwrap();
    assert!(prepared.write().is_err());
    assert_eq!(
        fs::read_to_string(file.path()).unwrap(),
        "another instance's session"
    );

    let file = unwritten(dir.path());
    let prepared = file.prepare_note(Some("focus"), "board wants AI", false);
    prepared.write().unwrap();
    let saved = read_path(file.path()).unwrap();
    assert_eq!(saved.note("focus"), Some("board wants AI"));
}

#[test]
fn a_folder_that_cannot_take_a_new_session_is_said_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, stamp) = embedded();
    let session = Session::new(stamp, None, None, &Interview::new(tree));

    // A file where the folder should be.
    let not_a_folder = dir.path().join("sessions");
    fs::write(&not_a_folder, "a file").unwrap();
    let error = Store::at(&not_a_folder)
        .create_later(session.clone())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("could not create the session file"),
        "{error}"
    );
    assert!(
        error.contains(&not_a_folder.display().to_string()),
        "{error}"
    );

    // A read-only folder, where this process cannot write into it (root can).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let folder = dir.path().join("read-only");
        fs::create_dir(&folder).unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o500)).unwrap();
        if read_only_is_enforced(&folder) {
            let error = Store::at(&folder)
                .create_later(session)
                .unwrap_err()
                .to_string();
            assert!(error.contains("cannot be written to"), "{error}");
        }
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
    }

    // A folder not there yet is made, and nothing written in it.
    let folder = dir.path().join("new").join("sessions");
    let file = unwritten(&folder);
    assert!(folder.is_dir());
    assert_eq!(files_in(&folder), Vec::<String>::new());
    assert!(!file.path().exists());
}
