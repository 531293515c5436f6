//! What a save costs: recording a finished interview and writing it atomically (temporary
//! file, fsync, rename, fsync of the folder), and reading it back. Saving happens after every
//! answer, so it must stay well under the time a person takes to press the next key. And what
//! a time shown in the user's zone costs, once per row on the start screen and in `sessions`.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use techhire::Interview;
use techhire::session::{Session, SessionFile, Timestamp, TreeStamp, read_path};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

fn save_and_read(c: &mut Criterion) {
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let mut interview = Interview::new(tree);
    while !interview.is_finished() {
        interview.answer(0).unwrap();
    }
    // On the project's disk, not a RAM-backed /tmp, so fsync costs what it costs users.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("bench.json");
    let session = Session::new(stamp, Some("Acme".into()), Some("Jo".into()), &interview);
    let mut file = SessionFile::create_at(&path, session).unwrap();
    c.bench_function("session: record and save a finished interview", |b| {
        b.iter(|| file.record(&interview).unwrap())
    });
    c.bench_function("session: read and check a finished interview", |b| {
        b.iter(|| read_path(&path).unwrap())
    });
    let moment = Timestamp::parse("2026-11-24T02:30:00Z").unwrap();
    c.bench_function("session: a time in the user's zone, to the minute", |b| {
        b.iter(|| moment.local_minute())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = save_and_read
}
criterion_main!(benches);
