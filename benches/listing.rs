//! Listing a folder of 10,000 saved sessions (a consultant's few years of clients), as the
//! start screen and `techhire sessions` do: with no index (every file read, the index written),
//! with the index up to date (every file's times looked at, none read), and with an index
//! from before 100 sessions were saved again, 10 deleted and 10 added; and the start screen's
//! glance (the index alone, for its first frame) and the check of the files after it.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use techhire::Interview;
use techhire::session::{Session, Store, Timestamp, TreeStamp};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

const SESSIONS: usize = 10_000;
const INDEX: &str = ".index.json";

/// Session `i`: half of them finished, on the built-in tree, an hour apart.
fn session(i: usize, tree: &Arc<techhire::Tree>, stamp: &TreeStamp) -> Vec<u8> {
    let mut interview = Interview::new(tree.clone());
    for _ in 0..(if i.is_multiple_of(2) { 99 } else { i % 5 }) {
        if interview.is_finished() {
            break;
        }
        interview.answer(i % 2).unwrap();
    }
    let mut session = Session::new(
        stamp.clone(),
        Some(format!("Client {i}")),
        Some("Jo".into()),
        &interview,
    );
    session.id = format!("s{i:05}");
    session.updated = Timestamp::from_unix(1_780_000_000 - 3_600 * i as i64).unwrap();
    serde_json::to_vec_pretty(&session).unwrap()
}

fn write(folder: &Path, i: usize, bytes: &[u8]) {
    std::fs::write(folder.join(format!("s{i:05}.json")), bytes).unwrap();
}

fn listing(c: &mut Criterion) {
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    // On the project's disk, as a user's data directory would be.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let folder = dir.path().join("sessions");
    std::fs::create_dir(&folder).unwrap();
    let bytes: Vec<Vec<u8>> = (0..SESSIONS + 10)
        .map(|i| session(i, &tree, &stamp))
        .collect();
    for (i, b) in bytes.iter().enumerate().take(SESSIONS) {
        write(&folder, i, b);
    }
    // Files changed in the last two seconds are not trusted to the index yet.
    std::thread::sleep(Duration::from_millis(2_100));
    let store = Store::at(&folder);
    let index = folder.join(INDEX);

    c.bench_function("sessions: list 10,000, no index (cold)", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&index);
            },
            |()| store.list().unwrap(),
            BatchSize::PerIteration,
        )
    });

    store.list().unwrap();
    assert!(index.is_file());
    c.bench_function("sessions: list 10,000 with the index", |b| {
        b.iter(|| store.list().unwrap())
    });

    // The start screen: its first frame from the index alone (the files' stamps taken on
    // another thread meanwhile), then the check of the files, made right after that frame.
    c.bench_function(
        "sessions: glance at 10,000 (the index alone, for the first frame)",
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let glance = store.glance().unwrap();
                    total += start.elapsed();
                    assert_eq!(glance.listing.sessions.len(), SESSIONS);
                    let check = glance.check.expect("an index to glance at");
                    assert!(check.run(Path::new("")).unwrap().is_none());
                }
                total
            })
        },
    );
    c.bench_function(
        "sessions: glance at 10,000 and its check (nothing changed)",
        |b| {
            b.iter(|| {
                let glance = store.glance().unwrap();
                glance.check.unwrap().run(Path::new("")).unwrap()
            })
        },
    );

    // The index as it was; then 100 sessions saved again, 10 deleted, 10 new.
    let old = std::fs::read(&index).unwrap();
    for (i, b) in bytes.iter().enumerate().take(100) {
        let mut changed = b.clone();
        changed.extend_from_slice(b"\n");
        write(&folder, i, &changed);
    }
    for i in 100..110 {
        std::fs::remove_file(folder.join(format!("s{i:05}.json"))).unwrap();
    }
    for (i, b) in bytes.iter().enumerate().skip(SESSIONS) {
        write(&folder, i, b);
    }
    std::thread::sleep(Duration::from_millis(2_100));
    c.bench_function(
        "sessions: list 10,000 with a stale index (120 changed)",
        |b| {
            b.iter_batched(
                || std::fs::write(&index, &old).unwrap(),
                |()| store.list().unwrap(),
                BatchSize::PerIteration,
            )
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(10));
    targets = listing
}
criterion_main!(benches);
