//! Engine benchmarks: loading and validating the shipped tree and generated trees of 100
//! questions and of the largest size a file may have, and computing a finished interview's
//! result with what-would-change-it.
//!
//! Run with `cargo bench --bench engine`; add `-- --warm-up-time 1 --measurement-time 3` for a
//! quicker pass.

use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use techhire::Interview;
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, MAX_TREE_BYTES, load_str};

/// A tree of `n` questions shaped like a real one, only bigger: four outcomes, four choices per
/// question, forward-only edges (so no cycles), evidence with a reason on three choices in four.
/// Prose is kept short (about 545 bytes a question, so a file at the size limit holds some 960).
/// The first choice always leads to the next question,
/// so every question is reachable; the others jump ahead up to 20 questions or end the interview.
fn generated_tree(n: usize) -> String {
    // A small deterministic generator (64-bit LCG), so every run measures the same tree.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut roll = move |below: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    let outcomes = ["cio", "cto", "both", "combined"];
    let mut t = String::with_capacity(n * 320);
    t.push_str("[meta]\ntitle = \"Generated tree\"\nversion = \"1\"\nstart = \"q0\"\n\n");
    t.push_str(
        "[[sources]]\nid = \"survey\"\ntitle = \"A survey\"\npublisher = \"Someone\"\ndate = \"2025\"\n\n",
    );
    for o in outcomes {
        let _ = write!(
            t,
            "[[outcomes]]\nid = \"{o}\"\nlabel = \"Hire a {o}\"\nsummary = \"Why {o} fits.\"\n\
             owns = [\"Systems\"]\npriorities = [\"Change\"]\nprofile = \"A steady operator.\"\n\
             risks = [\"Drift\"]\nnext_steps = [\"Write the brief\"]\nsources = [\"survey\"]\n\n"
        );
    }
    for q in 0..n {
        let _ = write!(
            t,
            "[[questions]]\nid = \"q{q}\"\nprompt = \"Question {q}?\"\nhelp = \"Why it matters.\"\n\
             sources = [\"survey\"]\n"
        );
        for c in 0..4 {
            let next = if q + 1 == n {
                None
            } else if c == 0 {
                Some(q + 1)
            } else if roll(8) == 0 {
                None
            } else {
                Some((q + 1 + roll(20) as usize).min(n - 1))
            };
            let _ = write!(
                t,
                "[[questions.choices]]\nid = \"c{c}\"\nlabel = \"Answer {c}\"\n"
            );
            match next {
                Some(to) => {
                    let _ = writeln!(t, "next = \"q{to}\"");
                }
                None => t.push_str("end = true\n"),
            }
            if roll(4) != 0 {
                let a = roll(4) as usize;
                let b = (a + 1 + roll(3) as usize) % 4;
                let _ = writeln!(
                    t,
                    "evidence = {{ {} = {}, {} = {} }}\nreason = \"Points there\"",
                    outcomes[a],
                    1 + roll(3),
                    outcomes[b],
                    1 + roll(2),
                );
            }
        }
        t.push('\n');
    }
    t
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(EMBEDDED.len() as u64));
    // Dropping the loaded tree is not part of loading it, so it happens outside the timing.
    group.bench_function("shipped", |b| {
        b.iter_with_large_drop(|| load_str(EMBEDDED_NAME, black_box(EMBEDDED)))
    });
    // The largest generated tree a file may hold: as many questions as fit in the limit.
    let fits = |n: usize| generated_tree(n).len() as u64 <= MAX_TREE_BYTES;
    let largest = (100..)
        .step_by(10)
        .take_while(|&n| fits(n))
        .last()
        .unwrap_or(100);
    for n in [100, largest] {
        let text = generated_tree(n);
        assert!(
            load_str("generated", &text).is_ok(),
            "the generated tree must be valid"
        );
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("generated", n), &text, |b, text| {
            b.iter_with_large_drop(|| load_str("generated", black_box(text)))
        });
    }
    group.finish();
}

fn result(c: &mut Criterion) {
    let tree = match load_str(EMBEDDED_NAME, EMBEDDED) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("the shipped tree must load:\n{}", report.render()),
    };
    // The longest shipped path: eleven answers, each with alternatives to try.
    let answers: toml::Table = match include_str!("../tests/answers/both.toml").parse() {
        Ok(table) => table,
        Err(e) => panic!("tests/answers/both.toml must parse: {e}"),
    };
    let mut interview = Interview::new(tree);
    while let Some(question) = interview.current() {
        let id = interview.tree().question(question).id.clone();
        let choice = answers
            .get(&id)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        if let Err(e) = interview.answer_id(choice) {
            panic!("tests/answers/both.toml must answer `{id}`: {e}");
        }
    }
    assert!(interview.is_finished());
    c.bench_function("result/shipped", |b| {
        b.iter(|| black_box(&interview).result())
    });
}

criterion_group!(benches, load, result);
criterion_main!(benches);
