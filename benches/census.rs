//! Census benchmarks: every path of the shipped tree (19.2M paths, its rules and examples), and
//! generated trees of 4^8 to 4^11 paths to show how the time grows with the number of paths:
//! chains whose paths meet in few states (as in a real tree: small points, so the census folds
//! them), and chains whose paths hardly ever meet (points with no pattern, so the census walks
//! each one). Throughput is in paths per second: the same figure at every size is linear
//! growth, a rising one less than linear.
//!
//! Run with `cargo bench --bench census`; add `-- --warm-up-time 1 --measurement-time 5` for a
//! quicker pass.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use techhire::census::{self, Options};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, Tree, load_str};

fn tree(name: &str, text: &str) -> Tree {
    match load_str(name, text) {
        Ok(loaded) => loaded.tree,
        Err(report) => panic!("{}", report.render()),
    }
}

/// How a generated chain gives points.
#[derive(Clone, Copy)]
enum Points {
    /// One to five points an answer, as real trees give: paths meet in few states.
    Small,
    /// Points spread over -999 to 999 with no pattern: paths hardly ever meet.
    Spread,
}

/// A chain of `k` questions with four choices each (4^k paths), evidence on every choice and a
/// rule that rules `cio` out when the first two answers are both the first choice.
fn chain(k: usize, points: Points) -> String {
    let outcomes = ["cio", "cto", "both", "combined"];
    let mut t = String::from("[meta]\ntitle = \"Chain\"\nversion = \"1\"\nstart = \"q0\"\n\n");
    for o in outcomes {
        let _ = write!(
            t,
            "[[outcomes]]\nid = \"{o}\"\nlabel = \"{o}\"\nsummary = \"s\"\nowns = []\n\
             priorities = []\nprofile = \"p\"\nrisks = []\nnext_steps = []\n\n"
        );
    }
    for q in 0..k {
        let _ = write!(
            t,
            "[[questions]]\nid = \"q{q}\"\nprompt = \"?\"\nhelp = \"h\"\n"
        );
        for c in 0..4 {
            let lead = if q + 1 == k {
                "end = true".to_string()
            } else {
                format!("next = \"q{}\"", q + 1)
            };
            let weight: i64 = match points {
                Points::Small => ((q * 7 + c * 3) % 5 + 1) as i64,
                Points::Spread => (((q * 4 + c + 1) * 7919 * 104_729) % 1999) as i64 - 999,
            };
            let _ = write!(
                t,
                "[[questions.choices]]\nid = \"c{c}\"\nlabel = \"l\"\n{lead}\nevidence = {{ {} = {weight} }}\n",
                outcomes[(q + c) % 4]
            );
        }
    }
    t.push_str(
        "\n[[rules]]\nid = \"r\"\nwhen = { q0 = \"c0\", q1 = \"c0\" }\nrule_out = [\"cio\"]\nreason = \"r\"\n",
    );
    t
}

fn census(c: &mut Criterion) {
    let mut group = c.benchmark_group("census");
    group.sample_size(10);
    let shipped = tree(EMBEDDED_NAME, EMBEDDED);
    let options = Options::default();
    let paths = census::run(&shipped, &options).map_or(0, |c| c.walked);
    group.throughput(Throughput::Elements(paths));
    group.bench_function("shipped tree, every path", |b| {
        b.iter(|| census::run(black_box(&shipped), &options))
    });
    let one_thread = Options {
        threads: 1,
        ..options
    };
    group.bench_function("shipped tree, every path, one thread", |b| {
        b.iter(|| census::run(black_box(&shipped), &one_thread))
    });
    for k in [8, 9, 10, 11] {
        let generated = tree("chain.toml", &chain(k, Points::Small));
        group.throughput(Throughput::Elements(4u64.pow(k as u32)));
        group.bench_with_input(BenchmarkId::new("4^k paths", k), &generated, |b, t| {
            b.iter(|| census::run(black_box(t), &one_thread))
        });
    }
    for k in [8, 9, 10] {
        let generated = tree("chain.toml", &chain(k, Points::Spread));
        group.throughput(Throughput::Elements(4u64.pow(k as u32)));
        group.bench_with_input(
            BenchmarkId::new("4^k paths, hardly meeting", k),
            &generated,
            |b, t| b.iter(|| census::run(black_box(t), &one_thread)),
        );
    }
    group.finish();
}

criterion_group!(benches, census);
criterion_main!(benches);
