#!/usr/bin/env bash
# Fuzzes techhire's readers of untrusted files with AFL++ (through cargo-afl, on the stable
# toolchain) for a bounded time each, and fails if any input crashed or hung one of them.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 60, small enough for CI); TARGETs default to all of them.
# A longer run, e.g. an hour each: tests/fuzz/run.sh 3600
# Installs what is missing: a C compiler and make (with apt-get, as root), cargo-afl, AFL++.
# Runs with no standard input (CI=true is fine); AFL++ output goes to tests/fuzz/target/afl/.
set -euo pipefail

cd "$(dirname "$0")"
fuzz_dir=$(pwd)
root=$(cd ../.. && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(tree session answers workshop)
fi
case $seconds in
    '' | *[!0-9]*)
        echo "run.sh: SECONDS must be a whole number, not '$seconds'" >&2
        exit 2
        ;;
esac

# 1. A C compiler and make (AFL++ builds its runtime with them), cargo-afl, and AFL++ built
#    for this toolchain.
if ! command -v cc >/dev/null || ! command -v make >/dev/null; then
    if command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
        echo "== installing a C compiler and make"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential >/dev/null
    else
        echo "run.sh: AFL++ needs a C compiler (cc) and make; install them first" >&2
        exit 1
    fi
fi
if ! cargo afl --version >/dev/null 2>&1; then
    echo "== installing cargo-afl"
    cargo install cargo-afl --locked
fi
if ! config=$(cargo afl config --build 2>&1); then
    if ! grep -q "already built" <<<"$config"; then
        echo "$config" >&2
        echo "run.sh: could not build AFL++ (it needs gcc and make)" >&2
        exit 1
    fi
fi

# 2. The instrumented targets.
echo "== building the fuzz targets"
cargo afl build --release --quiet

# 3. Seed corpora: the shipped tree, answers files and fixtures, and real session files.
work=$fuzz_dir/target/afl
rm -rf "$work"
mkdir -p "$work"
seed() { # seed TARGET FILE...
    mkdir -p "$work/$1/in"
    local target=$1
    shift
    for file in "$@"; do
        [ -f "$file" ] || continue
        # AFL++ refuses seeds over 1 MB; none of ours comes near.
        cp "$file" "$work/$target/in/$(echo "${file#"$root"/}" | tr '/' '_')"
    done
}
shopt -s nullglob globstar
seed tree "$root/questions.toml" "$fuzz_dir"/seeds/tree/*.toml "$root"/tests/fixtures/*/*.toml
mkdir -p "$work/session/in"
./target/release/seeds "$work/session/in"
seed session "$root"/tests/fixtures/**/*.json
seed answers "$root"/tests/answers/*.toml "$root"/tests/fixtures/**/answers/*.toml
seed workshop "$root"/tests/fixtures/workshops/*.json

# 4. Fuzz each target for the time given.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
# Shared CI machines: do not insist on a core of our own.
export AFL_NO_AFFINITY=1
failed=0
for target in "${targets[@]}"; do
    if [ ! -x "./target/release/$target" ]; then
        echo "run.sh: there is no fuzz target '$target' (tests/fuzz/src/bin/$target.rs)" >&2
        exit 2
    fi
    echo "== fuzzing $target for ${seconds}s"
    out=$work/$target/out
    # -t: an input taking over 2 s is a hang; -m: over 2 GB of memory is a crash.
    cargo afl fuzz -V "$seconds" -t 2000 -m 2048 -x "dict/$target.dict" \
        -i "$work/$target/in" -o "$out" -- "./target/release/$target" >"$work/$target/log" 2>&1 || {
        tail -n 30 "$work/$target/log" >&2
        echo "run.sh: afl-fuzz failed on $target; its log is $work/$target/log" >&2
        exit 1
    }
    stats=$out/default/fuzzer_stats
    field() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
    echo "   $(field execs_done) executions, $(field execs_per_sec)/s, $(field corpus_count) inputs" \
        "in the corpus, $(field saved_crashes) crashes, $(field saved_hangs) hangs"
    shown=0
    for input in "$out"/default/crashes/id:* "$out"/default/hangs/id:*; do
        failed=1
        shown=$((shown + 1))
        # The first few in full, so a CI log is enough to reproduce them.
        [ "$shown" -le 3 ] || continue
        echo "!! $target: ${input#"$fuzz_dir"/}" >&2
        echo "   reproduce: (cd tests/fuzz && cargo afl build --release &&" \
            "./target/release/$target < '${input#"$fuzz_dir"/}')" >&2
        (./target/release/"$target" <"$input") 2>&1 | grep -A1 "panicked at" | sed 's/^/   /' >&2 || true
        echo "   the input, base64 (decode with base64 -d):" >&2
        head -c 4096 "$input" | base64 >&2
    done
    if [ "$shown" -gt 3 ]; then
        echo "!! $target: $((shown - 3)) more in $out/default/{crashes,hangs}" >&2
    fi
done

if [ "$failed" -ne 0 ]; then
    echo "run.sh: fuzzing found inputs that crash or hang techhire (above). Fix the code, and add" \
        "each input as a test under tests/fixtures/regressions/." >&2
    exit 1
fi
echo "== fuzzing found no crash and no hang"
