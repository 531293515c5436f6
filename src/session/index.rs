//! The summary index: `.index.json` in the sessions folder keeps, for each session file, what a
//! listing shows of it (its [`Summary`]) and the file's stamp (size, change times, inode) as
//! it was when the file was read. A listing looks at every `.json` file's stamp (one `stat`,
//! no reading) and reads again only the files whose stamp differs, so 10,000 sessions list in
//! milliseconds instead of a third of a second.
//!
//! The files stay the truth. The index is a cache: rebuilt from the files when it is missing,
//! damaged, from another version, or stale, rewritten only when it changed, and never needed:
//! a folder where it cannot be written lists as before, only slower. Nothing has to keep it up
//! to date: saving, deleting, renaming or copying a session file changes what the next listing
//! sees. Files that are not readable sessions are not kept in it; they are read again each
//! time, so what is wrong with them is always said as it is now.

use std::collections::HashMap;
use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::summary::{Listing, Summary, Unreadable};
use super::{ProgressSnapshot, Timestamp};
use super::{SessionError, WORKSHOP_SUFFIX, read_path};
use crate::files::{Existing, WriteOptions, open_regular, write_atomic};

/// The index's name in the sessions folder: hidden, so listings skip it, and not a session's
/// name (those are `<id>.json`, and an id cannot start with a dot).
pub const INDEX_NAME: &str = ".index.json";

/// What the index's `format` says, and the version this build writes and reads; any other is
/// rebuilt. Version 2 writes each entry as an array and each tree title and outcome once:
/// less than half of version 1's size, and faster to read.
const FORMAT: &str = "techhire-session-index";
const VERSION: u32 = 2;

/// An index bigger than this is not read (it is rebuilt): 100,000 sessions take about 15 MiB.
const MAX_INDEX_BYTES: u64 = 64 * 1024 * 1024;

/// An index bigger than this (about 1,700 sessions) is read on a thread of its own, and the
/// start screen's check of the files runs on another while its first frame is drawn.
const PARALLEL_FROM: u64 = 256 * 1024;

/// A file changed this close to the index's own last write may have changed again within the
/// same tick of the file system's clock (a few milliseconds on Linux, two seconds on FAT)
/// without its stamp showing it; such files are read again until they are older.
const RACY_NANOS: i64 = 2_000_000_000;

/// The index on disk: the trees' titles and the outcomes (id and headline) its entries name,
/// each once, and the entries newest first, each naming its tree and outcome by their place in
/// those lists. `S` is `String` as read and `&str` as saved.
#[derive(Serialize, Deserialize)]
struct Document<S> {
    format: S,
    version: u32,
    trees: Vec<S>,
    outcomes: Vec<(S, S)>,
    files: Vec<Row<S>>,
}

/// An [`Entry`] on disk: name, stamp, id, client, consultant, created, updated, tree (its
/// place in `trees`), progress (answered, fewest and most left), outcome (its place in
/// `outcomes`), as an array.
#[derive(Serialize, Deserialize)]
struct Row<S>(
    S,
    Stamp,
    S,
    Option<S>,
    Option<S>,
    i64,
    i64,
    usize,
    (usize, u32, u32),
    Option<usize>,
);

impl Document<String> {
    /// The entries, or nothing when one names a tree or an outcome the lists lack.
    fn entries(self) -> Option<Vec<Entry>> {
        let Document {
            trees,
            outcomes,
            files,
            ..
        } = self;
        files
            .into_iter()
            .map(|row| {
                let Row(name, stamp, id, client, consultant, created, updated, tree, p, outcome) =
                    row;
                Some(Entry {
                    name,
                    stamp,
                    id,
                    client,
                    consultant,
                    created,
                    updated,
                    tree: trees.get(tree)?.clone(),
                    progress: ProgressSnapshot {
                        answered: p.0,
                        fewest_left: p.1,
                        most_left: p.2,
                    },
                    outcome: match outcome {
                        Some(i) => Some(outcomes.get(i)?.clone()),
                        None => None,
                    },
                })
            })
            .collect()
    }
}

impl<'a> Document<&'a str> {
    /// The index of `entries`, ready to save.
    fn of(entries: &'a [Entry]) -> Document<&'a str> {
        let mut trees = Places::default();
        let mut outcomes = Places::default();
        let files = entries
            .iter()
            .map(|e| {
                let outcome = e
                    .outcome
                    .as_ref()
                    .map(|(id, headline)| outcomes.place((id.as_str(), headline.as_str())));
                Row(
                    e.name.as_str(),
                    e.stamp,
                    e.id.as_str(),
                    e.client.as_deref(),
                    e.consultant.as_deref(),
                    e.created,
                    e.updated,
                    trees.place(e.tree.as_str()),
                    (
                        e.progress.answered,
                        e.progress.fewest_left,
                        e.progress.most_left,
                    ),
                    outcome,
                )
            })
            .collect();
        Document {
            format: FORMAT,
            version: VERSION,
            trees: trees.list,
            outcomes: outcomes.list,
            files,
        }
    }
}

/// Values listed once each, in the order first met, with their places.
struct Places<T> {
    list: Vec<T>,
    place: HashMap<T, usize, foldhash::fast::RandomState>,
}

impl<T> Default for Places<T> {
    fn default() -> Self {
        Places {
            list: Vec::new(),
            place: HashMap::default(),
        }
    }
}

impl<T: Copy + Eq + std::hash::Hash> Places<T> {
    fn place(&mut self, value: T) -> usize {
        *self.place.entry(value).or_insert_with(|| {
            self.list.push(value);
            self.list.len() - 1
        })
    }
}

/// One session file: its name in the folder, its stamp when read, and its [`Summary`] but
/// the path (the folder's and the name). Times are seconds since the epoch, which read back
/// faster than text; the index is kept newest first, the order listings show.
struct Entry {
    name: String,
    stamp: Stamp,
    id: String,
    client: Option<String>,
    consultant: Option<String>,
    created: i64,
    updated: i64,
    tree: String,
    progress: ProgressSnapshot,
    /// The recommended outcome's id and headline, once finished.
    outcome: Option<(String, String)>,
}

impl Entry {
    fn of(name: String, stamp: Stamp, summary: Summary) -> Entry {
        Entry {
            name,
            stamp,
            id: summary.id,
            client: summary.client,
            consultant: summary.consultant,
            created: summary.created.unix(),
            updated: summary.updated.unix(),
            tree: summary.tree_title,
            progress: summary.progress,
            outcome: summary.outcome_id.zip(summary.outcome),
        }
    }

    /// The summary, or nothing when a time is out of range (an index written by hand).
    fn summary(self, folder: &Path) -> Option<Summary> {
        let path = folder.join(&self.name);
        self.summary_at(path)
    }

    /// [`Entry::summary`] for the file `name` (the entry's, taken from it).
    fn summary_named(self, folder: &Path, name: &str) -> Option<Summary> {
        self.summary_at(folder.join(name))
    }

    fn summary_at(self, path: PathBuf) -> Option<Summary> {
        let (outcome_id, outcome) = self.outcome.unzip();
        Some(Summary {
            path,
            id: self.id,
            client: self.client,
            consultant: self.consultant,
            created: Timestamp::from_unix(self.created)?,
            updated: Timestamp::from_unix(self.updated)?,
            tree_title: self.tree,
            progress: self.progress,
            outcome,
            outcome_id,
        })
    }

    /// Newest first, then by id: the listing's order.
    fn order(&self, other: &Entry) -> std::cmp::Ordering {
        other
            .updated
            .cmp(&self.updated)
            .then_with(|| self.id.cmp(&other.id))
    }
}

/// What tells a file changed without reading it: its size, modification and change times (in
/// nanoseconds since the epoch) and inode. The inode changes with every save (saving replaces
/// the file by rename), the change time with any write, rename or `touch`, even one that puts
/// the modification time back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp(u64, i64, i64, u64);

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let nanos = |s: i64, ns: i64| s.saturating_mul(1_000_000_000).saturating_add(ns);
            Stamp(
                metadata.len(),
                nanos(metadata.mtime(), metadata.mtime_nsec()),
                nanos(metadata.ctime(), metadata.ctime_nsec()),
                metadata.ino(),
            )
        }
        #[cfg(not(unix))]
        {
            let modified = metadata
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
            Stamp(metadata.len(), modified, modified, 0)
        }
    }

    /// The later of the two times.
    fn latest(self) -> i64 {
        self.1.max(self.2)
    }
}

/// Lists a folder of sessions through its index (see the module's documentation), and saves
/// the index again when it changed. A folder that does not exist yet holds no sessions.
pub(crate) fn list(folder: &Path) -> Result<Listing, SessionError> {
    list_as_of(folder, now())
}

/// Now, in nanoseconds since the epoch.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// [`list`] at a given moment (nanoseconds since the epoch): files changed within
/// [`RACY_NANOS`] of it are listed but not kept in the index yet, since they may change again
/// unseen (a session just created, a save a moment ago); changes to them alone do not rewrite
/// the index.
fn list_as_of(folder: &Path, now: i64) -> Result<Listing, SessionError> {
    let Some(entries) = open(folder)? else {
        return Ok(Listing::default());
    };
    let index_path = folder.join(INDEX_NAME);
    let index = fs::metadata(&index_path).ok();
    // A big index is read on a thread of its own while the files' stamps are taken (on two
    // more): at 10,000 sessions, reading the index takes about as long as half the stamps.
    let (scan, (known, written)) = std::thread::scope(|scope| {
        let loading = index
            .as_ref()
            .filter(|m| m.len() > PARALLEL_FROM)
            .map(|m| scope.spawn(|| load(&index_path, m)));
        let scan = scan(entries, Threads::Two);
        let loaded = match (loading, &index) {
            (Some(thread), _) => thread.join().unwrap_or_default(),
            (None, Some(metadata)) => load(&index_path, metadata),
            (None, None) => Default::default(),
        };
        (scan, loaded)
    });
    Ok(settle(folder, scan, known, written, now))
}

/// The folder's entries; nothing when the folder does not exist yet.
fn open(folder: &Path) -> Result<Option<fs::ReadDir>, SessionError> {
    match fs::read_dir(folder) {
        Ok(entries) => Ok(Some(entries)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SessionError::Read {
            file: folder.display().to_string(),
            source,
        }),
    }
}

/// The listing of the files as `scan` found them, reading only those the index (`known`,
/// written at `written`) does not have as they are now, and saving the index again when it
/// changed.
fn settle(folder: &Path, scan: Scan, known: Vec<Entry>, written: i64, now: i64) -> Listing {
    let Scan {
        mut files,
        odd,
        workshops,
    } = scan;
    let mut listing = Listing {
        workshops,
        ..Listing::default()
    };
    // Not a name any session is saved under (not Unicode): read to say what it is.
    for path in odd {
        match read_path(&path) {
            Ok(session) => listing.sessions.push(Summary::of(path, session)),
            Err(error) => listing.unreadable.push(Unreadable { path, error }),
        }
    }
    let mut kept = Vec::with_capacity(files.len());
    let mut changed = false;
    for entry in known {
        let same = files.get(&entry.name).copied().flatten() == Some(entry.stamp);
        if same && entry.stamp.latest().saturating_add(RACY_NANOS) < written {
            files.remove(&entry.name);
            kept.push(entry);
        } else {
            // Gone, changed, or too new to trust: read again below if still there, and
            // dropped from the index.
            changed = true;
        }
    }
    let mut unknown: Vec<(String, Option<Stamp>)> = files.into_iter().collect();
    unknown.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, stamp) in unknown {
        let path = folder.join(&name);
        let settled = stamp.filter(|s| s.latest().saturating_add(RACY_NANOS) < now);
        match (read_path(&path), settled) {
            (Ok(session), Some(stamp)) => {
                changed = true;
                kept.push(Entry::of(name, stamp, Summary::of(path, session)));
            }
            (Ok(session), None) => listing.sessions.push(Summary::of(path, session)),
            (Err(error), _) => listing.unreadable.push(Unreadable { path, error }),
        }
    }
    // Already in order when nothing changed: one pass.
    kept.sort_by(Entry::order);
    if changed {
        save(&folder.join(INDEX_NAME), &kept);
    }
    let unsettled = std::mem::take(&mut listing.sessions);
    listing.sessions = summaries(folder, kept);
    if !unsettled.is_empty() {
        listing.sessions.extend(unsettled);
        listing
            .sessions
            .sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    }
    listing.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    listing
}

/// The index's entries as a listing shows them, in their order.
fn summaries(folder: &Path, entries: Vec<Entry>) -> Vec<Summary> {
    entries
        .into_iter()
        .filter_map(|entry| entry.summary(folder))
        .collect()
}

/// A listing in two steps, for a screen that should show at once: the sessions as the index
/// last saw them, without looking at any file, and then [`Check::run`], the listing as the
/// files are now, whose stamps are taken on another thread in the meantime. What the glance
/// shows may be out of date (a file saved, deleted or damaged since the index was written)
/// until the check, which the caller runs right after showing it.
pub struct Glance {
    pub listing: Listing,
    /// Nothing when the listing is already the files' (there was no index to glance at).
    pub check: Option<Check>,
}

/// The second step of a [`Glance`].
pub struct Check {
    folder: PathBuf,
    /// Each session file the glance showed, by name, with its stamp in the index.
    shown: Vec<(String, Stamp)>,
    /// When the index was written.
    written: i64,
    /// The files' stamps, taken on a thread of their own for a big folder; or here, in
    /// [`Check::run`], for a small one.
    scanning: Option<std::thread::JoinHandle<Result<Option<Scan>, SessionError>>>,
}

/// Begins a listing of `folder` in two steps (see [`Glance`]).
pub(crate) fn glance(folder: &Path) -> Result<Glance, SessionError> {
    let index_path = folder.join(INDEX_NAME);
    let loaded = fs::metadata(&index_path)
        .ok()
        .map(|metadata| (metadata.len() > PARALLEL_FROM, load(&index_path, &metadata)));
    let Some((big, (known, written))) = loaded.filter(|(_, (known, _))| !known.is_empty()) else {
        // No index to glance at (none yet, damaged, or of another version): the files it is.
        return Ok(Glance {
            listing: list(folder)?,
            check: None,
        });
    };
    let scanning = big.then(|| {
        let folder = folder.to_path_buf();
        std::thread::spawn(move || Ok(open(&folder)?.map(|e| scan(e, Threads::One))))
    });
    let mut shown = Vec::with_capacity(known.len());
    let mut sessions = Vec::with_capacity(known.len());
    for mut entry in known {
        shown.push((std::mem::take(&mut entry.name), entry.stamp));
        sessions.extend(entry.summary_named(folder, &shown[shown.len() - 1].0));
    }
    Ok(Glance {
        listing: Listing {
            sessions,
            ..Listing::default()
        },
        check: Some(Check {
            folder: folder.to_path_buf(),
            shown,
            written,
            scanning,
        }),
    })
}

impl Check {
    /// The listing as the files are now, or nothing when it is the glance's: every file the
    /// index had is there as it was, and there is no other (new, or not a readable session)
    /// but `leave_out` (the session the caller has open, which it does not list). Saves the
    /// index again when it changed.
    pub fn run(self, leave_out: &Path) -> Result<Option<Listing>, SessionError> {
        let scan = match self.scanning {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?,
            None => open(&self.folder)?.map(|e| scan(e, Threads::One)),
        };
        let Some(scan) = scan else {
            // The folder is gone, and every session with it.
            return Ok(Some(Listing::default()));
        };
        let left_out = leave_out.parent() == Some(self.folder.as_path())
            && leave_out
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| scan.files.contains_key(name));
        let same = scan.odd.is_empty()
            && scan.files.len() - usize::from(left_out) == self.shown.len()
            && self.shown.iter().all(|(name, stamp)| {
                scan.files.get(name).copied().flatten() == Some(*stamp)
                    && stamp.latest().saturating_add(RACY_NANOS) < self.written
            });
        if same {
            return Ok(None);
        }
        // Something changed: the listing as a listing makes it, from the index read again
        // (which another listing may have brought up to date meanwhile).
        let index_path = self.folder.join(INDEX_NAME);
        let (known, written) = fs::metadata(&index_path)
            .map(|metadata| load(&index_path, &metadata))
            .unwrap_or_default();
        Ok(Some(settle(&self.folder, scan, known, written, now())))
    }
}

/// The files a listing looks at, as found in the folder: each session file's stamp by name,
/// taken before any reading, so a save between the two is seen as a change next time; the
/// files under names no session has (not Unicode), to read and show as they are; and the
/// workshops' files.
struct Scan {
    files: HashMap<String, Option<Stamp>, foldhash::fast::RandomState>,
    odd: Vec<PathBuf>,
    /// The workshop files, for [`Listing::workshops`].
    workshops: Vec<PathBuf>,
}

/// How many threads take the files' stamps (one `stat` each, most of a listing's time).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Threads {
    One,
    Two,
}

/// From this many files on, two threads share the stamps (each thread costs about as much
/// as 30 of them).
const SHARED_FROM: usize = 512;

/// Looks at every file in the folder (see [`Scan`]).
fn scan(entries: fs::ReadDir, threads: Threads) -> Scan {
    let (mut odd, mut named, mut workshops) = (Vec::new(), Vec::new(), Vec::new());
    for entry in entries.flatten() {
        match entry.file_name().into_string() {
            // Temporary files, locks and this index are hidden; other files are not `.json`.
            Ok(name) if name.starts_with('.') || !name.ends_with(".json") => {}
            // Workshops are not sessions.
            Ok(name) if name.ends_with(WORKSHOP_SUFFIX) => workshops.push(entry.path()),
            Ok(name) => named.push((name, entry)),
            Err(_) => odd.push(entry.path()),
        }
    }
    let stamp = |(name, entry): (String, fs::DirEntry)| {
        (name, entry.metadata().ok().map(|m| Stamp::of(&m)))
    };
    let mut files = HashMap::with_capacity_and_hasher(named.len(), Default::default());
    if threads == Threads::Two && named.len() >= SHARED_FROM {
        let second = named.split_off(named.len() / 2);
        std::thread::scope(|scope| {
            let other = scope.spawn(|| second.into_iter().map(stamp).collect::<Vec<_>>());
            files.extend(named.into_iter().map(stamp));
            match other.join() {
                Ok(stamps) => files.extend(stamps),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
    } else {
        files.extend(named.into_iter().map(stamp));
    }
    workshops.sort();
    Scan {
        files,
        odd,
        workshops,
    }
}

/// The index's entries, newest first, and when the index was last written (nanoseconds
/// since the epoch, by the file system's clock); nothing when it is not a regular file (a
/// pipe that would block, a device, a folder), unreadable, damaged or of another version, so
/// that every file is read.
fn load(path: &Path, metadata: &fs::Metadata) -> (Vec<Entry>, i64) {
    if metadata.len() > MAX_INDEX_BYTES {
        return Default::default();
    }
    let Ok(file) = open_regular(path) else {
        return Default::default();
    };
    // The times of the file read, not of whatever had its name a moment before.
    let written = file.metadata().map_or(0, |m| Stamp::of(&m).latest());
    let mut text = String::with_capacity(metadata.len() as usize);
    if file
        .take(MAX_INDEX_BYTES)
        .read_to_string(&mut text)
        .is_err()
    {
        return Default::default();
    }
    match serde_json::from_str::<Document<String>>(&text) {
        Ok(document) if document.format == FORMAT && document.version == VERSION => document
            .entries()
            .map(|entries| (entries, written))
            .unwrap_or_default(),
        _ => Default::default(),
    }
}

/// Saves the index with the atomic writer (never through a link, never over anything but a
/// regular file), private to its owner as the sessions are.
fn save(path: &Path, files: &[Entry]) {
    let document = Document::of(files);
    let options = WriteOptions {
        existing: Existing::Replace,
        // A cache: a power cut that loses it only costs one slower listing.
        durable: false,
        into_device: false,
        mode: 0o600,
    };
    // Not worth an error: a folder where it cannot be written lists as before, reading
    // every file.
    let _ = write_atomic(path, options, |file| {
        let mut out = std::io::BufWriter::new(file);
        serde_json::to_writer(&mut out, &document)?;
        out.flush()
    });
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;
    use std::time::{Duration, SystemTime};

    use super::*;
    use crate::Interview;
    use crate::session::{Session, Store, TreeStamp};
    use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

    /// A folder with three sessions saved as techhire saves them: one finished.
    fn folder() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("sessions"));
        let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
        let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
        for (client, answers) in [("Acme", 0), ("Beta", 2), ("Gamma", usize::MAX)] {
            let mut interview = Interview::new(tree.clone());
            for _ in 0..answers {
                if interview.is_finished() {
                    break;
                }
                interview.answer(0).unwrap();
            }
            let mut session = Session::new(stamp.clone(), Some(client.into()), None, &interview);
            session.id = client.to_lowercase();
            store.create(session).unwrap().record(&interview).unwrap();
        }
        (dir, store)
    }

    /// A listing as an hour from now: the sessions just saved count as settled.
    fn list(store: &Store) -> Listing {
        let later = SystemTime::now() + Duration::from_secs(3600);
        let nanos = later
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        list_as_of(store.folder(), nanos as i64).unwrap()
    }

    fn clients(store: &Store) -> Vec<String> {
        let mut clients: Vec<String> = (list(store).sessions)
            .into_iter()
            .map(|s| s.client.unwrap_or_default())
            .collect();
        clients.sort();
        clients
    }

    fn index_path(store: &Store) -> PathBuf {
        store.folder().join(INDEX_NAME)
    }

    /// Rewrites the index with every client renamed, and dates its last write an hour ahead
    /// so no entry counts as too new to trust: a listing that shows the new names read them
    /// from the index, not from the files.
    fn tamper(store: &Store) {
        let path = index_path(store);
        let text = fs::read_to_string(&path).unwrap();
        let text = ["Acme", "Beta", "Gamma"].iter().fold(text, |text, name| {
            text.replace(
                &format!("\"{name}\""),
                &format!("\"{name} (from the index)\""),
            )
        });
        fs::write(&path, text).unwrap();
        let later = SystemTime::now() + Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
    }

    #[test]
    fn the_first_listing_writes_the_index_and_later_ones_read_it() {
        let (_dir, store) = folder();
        assert!(!index_path(&store).exists());
        let first = list(&store);
        assert!(index_path(&store).is_file());
        assert_eq!(list(&store).sessions, first.sessions);
        tamper(&store);
        assert_eq!(
            clients(&store),
            [
                "Acme (from the index)",
                "Beta (from the index)",
                "Gamma (from the index)"
            ]
        );
    }

    #[test]
    fn sessions_saved_a_moment_ago_are_listed_but_not_kept_yet() {
        let (_dir, store) = folder();
        // As techhire's start screen does just after creating the new interview's session.
        assert_eq!(store.list().unwrap().sessions.len(), 3);
        assert!(!index_path(&store).exists());
        list(&store);
        assert!(index_path(&store).is_file());
    }

    #[test]
    fn a_session_saved_deleted_renamed_or_copied_since_is_seen() {
        let (_dir, store) = folder();
        list(&store);
        tamper(&store);
        let folder = store.folder();
        // Saved again (by rename, as techhire saves), copied, renamed, deleted.
        let mut beta = crate::session::SessionFile::open(&folder.join("beta.json")).unwrap();
        beta.session_mut().client = Some("Beta Two".into());
        beta.save().unwrap();
        drop(beta);
        fs::copy(folder.join("gamma.json"), folder.join("copy.json")).unwrap();
        fs::rename(folder.join("gamma.json"), folder.join("moved.json")).unwrap();
        fs::remove_file(folder.join("acme.json")).unwrap();
        assert_eq!(clients(&store), ["Beta Two", "Gamma", "Gamma"]);
        let paths: Vec<_> = (list(&store).sessions)
            .into_iter()
            .map(|s| s.path.file_name().unwrap().to_owned())
            .collect();
        assert!(paths.contains(&"copy.json".into()) && paths.contains(&"moved.json".into()));
    }

    #[test]
    fn a_file_changed_in_place_is_read_again() {
        let (_dir, store) = folder();
        list(&store);
        tamper(&store);
        // The same bytes written over the file: same size, same inode, but a new change time.
        let path = store.folder().join("acme.json");
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, bytes).unwrap();
        assert_eq!(
            clients(&store),
            ["Acme", "Beta (from the index)", "Gamma (from the index)"]
        );
    }

    #[test]
    fn files_changed_just_before_the_index_was_written_are_read_again() {
        let (_dir, store) = folder();
        list(&store);
        // Renamed in the index, which now looks written at the moment the files were saved.
        let path = index_path(&store);
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("\"Acme\"", "\"Stale\"");
        fs::write(&path, text).unwrap();
        assert_eq!(clients(&store), ["Acme", "Beta", "Gamma"]);
    }

    #[test]
    fn a_damaged_foreign_or_misplaced_index_is_rebuilt() {
        let (_dir, store) = folder();
        let expected = clients(&store);
        let path = index_path(&store);
        for bad in [
            "",
            "{\"format\":\"techhire-session-index\",\"version\":1,\"files\":[{",
            "{\"format\":\"techhire-session-index\",\"version\":99,\"files\":[]}",
            // Version 1, entries as objects: rebuilt in version 2.
            "{\"format\":\"techhire-session-index\",\"version\":1,\"files\":[]}",
            // An entry naming a tree the index does not list.
            "{\"format\":\"techhire-session-index\",\"version\":2,\"trees\":[],\"outcomes\":[],\
             \"files\":[[\"acme.json\",[1,2,3,4],\"acme\",null,null,0,0,0,[0,1,1],null]]}",
            "{\"format\":\"something else\",\"version\":1,\"files\":[]}",
            "\u{0}\u{1}binary",
        ] {
            fs::write(&path, bad).unwrap();
            assert_eq!(clients(&store), expected, "{bad:?}");
            assert_ne!(
                fs::read_to_string(&path).unwrap(),
                bad,
                "rebuilt after {bad:?}"
            );
        }
        // A folder in its place: listed without it, and left alone.
        fs::remove_file(&path).unwrap();
        fs::create_dir(&path).unwrap();
        assert_eq!(clients(&store), expected);
        assert!(path.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn an_index_that_is_a_fifo_neither_hangs_nor_is_replaced() {
        let (_dir, store) = folder();
        let path = index_path(&store);
        let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert_eq!(clients(&store), ["Acme", "Beta", "Gamma"]);
        use std::os::unix::fs::FileTypeExt as _;
        assert!(fs::symlink_metadata(&path).unwrap().file_type().is_fifo());
    }

    /// The clients of a listing, in its order.
    fn names(sessions: &[Summary]) -> Vec<String> {
        sessions
            .iter()
            .map(|s| s.client.clone().unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_glance_shows_the_index_and_its_check_says_nothing_while_the_files_are_as_it_says() {
        let (_dir, store) = folder();
        list(&store);
        tamper(&store);
        let glance = store.glance().unwrap();
        let mut glanced = names(&glance.listing.sessions);
        glanced.sort();
        assert_eq!(
            glanced,
            [
                "Acme (from the index)",
                "Beta (from the index)",
                "Gamma (from the index)"
            ],
            "no file read"
        );
        let check = glance.check.expect("a check to make");
        assert!(check.run(Path::new("")).unwrap().is_none());
    }

    #[test]
    fn the_check_after_a_glance_finds_a_file_changed_in_place_a_new_one_and_a_damaged_one() {
        let (_dir, store) = folder();
        list(&store);
        tamper(&store);
        let folder = store.folder();
        // The same bytes written over acme.json (a new change time), a session copied in, and
        // a file cut short.
        let acme = folder.join("acme.json");
        fs::write(&acme, fs::read(&acme).unwrap()).unwrap();
        fs::copy(folder.join("beta.json"), folder.join("copy.json")).unwrap();
        fs::write(
            folder.join("cut.json"),
            "{\"format\": \"techhire-session\",",
        )
        .unwrap();
        let glance = store.glance().unwrap();
        assert_eq!(glance.listing.sessions.len(), 3, "the index's three");
        assert!(glance.listing.unreadable.is_empty());
        let checked = glance.check.unwrap().run(Path::new("")).unwrap();
        let checked = checked.expect("the files differ from the index");
        let mut clients = names(&checked.sessions);
        clients.sort();
        assert_eq!(
            clients,
            [
                "Acme",
                "Beta",
                "Beta (from the index)",
                "Gamma (from the index)"
            ]
        );
        assert_eq!(checked.unreadable.len(), 1);
        assert!(checked.unreadable[0].error.to_string().contains("cut.json"));
    }

    #[test]
    fn the_check_leaves_out_the_session_the_caller_has_open_and_sees_one_gone() {
        let (_dir, store) = folder();
        list(&store);
        tamper(&store);
        let folder = store.folder();
        // As the start screen's own new session, created after the index was written.
        let new = folder.join("new.json");
        fs::copy(folder.join("beta.json"), &new).unwrap();
        let check = store.glance().unwrap().check.unwrap();
        assert!(check.run(&new).unwrap().is_none());
        fs::remove_file(folder.join("gamma.json")).unwrap();
        let check = store.glance().unwrap().check.unwrap();
        let checked = check.run(&new).unwrap().expect("gamma is gone");
        assert!(
            names(&checked.sessions)
                .iter()
                .all(|c| !c.starts_with("Gamma"))
        );
    }

    #[test]
    fn without_an_index_a_glance_is_the_files_already() {
        let (_dir, store) = folder();
        let glance = store.glance().unwrap();
        assert!(glance.check.is_none());
        let mut clients = names(&glance.listing.sessions);
        clients.sort();
        assert_eq!(clients, ["Acme", "Beta", "Gamma"]);
        // A folder not made yet holds nothing.
        let empty = Store::at(store.folder().join("not yet"));
        let glance = empty.glance().unwrap();
        assert!(glance.listing.sessions.is_empty() && glance.check.is_none());
    }

    #[test]
    fn unreadable_files_are_listed_every_time_with_what_is_wrong() {
        let (_dir, store) = folder();
        let folder = store.folder();
        fs::write(
            folder.join("cut.json"),
            "{\"format\": \"techhire-session\",",
        )
        .unwrap();
        fs::write(folder.join("other.json"), "{\"name\": \"a package\"}").unwrap();
        for _ in 0..2 {
            let listing = list(&store);
            assert_eq!(listing.sessions.len(), 3);
            let errors: Vec<String> = (listing.unreadable.iter())
                .map(|u| u.error.to_string())
                .collect();
            assert_eq!(errors.len(), 2, "{errors:?}");
            assert!(errors[0].contains("cut.json") && errors[0].contains("cut off"));
            assert!(errors[1].contains("other.json") && errors[1].contains("not a techhire"));
        }
        let index = fs::read_to_string(index_path(&store)).unwrap();
        assert!(!index.contains("cut.json") && !index.contains("other.json"));
    }
}
