//! What a key costs in the note editor, in a note at the 64 KiB limit and in a short one: the
//! editor's own work (insert, the rows the screen shows, the cursor's place) and the save made
//! ready at each change in case a signal stops the program. The first must not grow with the
//! note; the second is one serialization of the session.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use techhire::Interview;
use techhire::session::{Session, SessionFile, TreeStamp};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

// The editor lives in the binary; it needs only the library and the Unicode crates.
#[path = "../src/tui"]
mod tui {
    #[allow(dead_code)]
    pub mod editor;
}

use tui::editor::Editor;

/// The columns a note wraps at in a 100-column terminal.
const WIDTH: usize = 74;

/// Prose of `bytes` bytes in paragraphs, as a consultant's notes are.
fn prose(bytes: usize) -> String {
    let sentence = "The board wants a plan for AI by the third quarter; the CFO is wary of big \
                    platform bets and asks who would own the vendors. ";
    let mut text = String::new();
    while text.len() + sentence.len() < bytes {
        text.push_str(sentence);
        if text.len() % 1500 < sentence.len() {
            text.push('\n');
        }
    }
    text
}

/// One key typed (and one deleted, to keep the size) where the cursor is, with what the screen
/// asks after each: the rows and the cursor's place.
fn key(editor: &mut Editor) {
    editor.insert("x");
    black_box(editor.rows(WIDTH));
    black_box(editor.cursor_at(WIDTH));
    editor.delete_back();
    black_box(editor.rows(WIDTH));
    black_box(editor.cursor_at(WIDTH));
}

fn keys(c: &mut Criterion) {
    for (name, bytes) in [("1 KiB", 1024), ("64 KiB", 64 * 1024 - 200)] {
        let mut at_end = Editor::new(&prose(bytes), true, 64 * 1024);
        at_end.rows(WIDTH);
        c.bench_function(&format!("note: a key at the end of a {name} note"), |b| {
            b.iter(|| key(&mut at_end))
        });
        let mut in_middle = Editor::new(&prose(bytes), true, 64 * 1024);
        for _ in 0..bytes / 2 {
            in_middle.left();
        }
        in_middle.rows(WIDTH);
        c.bench_function(
            &format!("note: a key in the middle of a {name} note"),
            |b| b.iter(|| key(&mut in_middle)),
        );
    }
}

fn prepared_save(c: &mut Criterion) {
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let interview = Interview::new(tree.clone());
    let question = tree.question(interview.current().unwrap()).id.clone();
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let session = Session::new(stamp, Some("Acme".into()), None, &interview);
    let file = SessionFile::create_at(&dir.path().join("bench.json"), session).unwrap();
    for (name, bytes) in [("1 KiB", 1024), ("64 KiB", 64 * 1024 - 200)] {
        let text = prose(bytes);
        c.bench_function(
            &format!("note: the save made ready at a key, {name} note"),
            |b| b.iter(|| file.prepare_note(Some(&question), &text, false)),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = keys, prepared_save
}
criterion_main!(benches);
