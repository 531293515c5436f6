#!/usr/bin/env python3
"""Writes src/startup.order: the functions a start of techhire runs, which the release build
lays out side by side (src/build.rs) so that starting maps less of the binary.

It builds the release binary with a link map (where each function landed), runs it under
valgrind's callgrind in a pseudo-terminal through what people do first, maps every address run
to the function around it, and writes their names. Run it from the project root after a change
of compiler, of Cargo.lock or of the release profile (the names it writes are theirs), or when
the start runs new code; then compare peak memory (docs/performance.md, "Memory: the order of
the code"):

    python3 benches/startup-order.py

Needs valgrind, and Linux x86-64 with rust-lld (the default linker since Rust 1.90).

The runs: the start screen over 20 saved sessions, then the shipped interview answered to its
result and scrolled; the two-question tree of benches/pty/ through the start screen to its
review; a session of its own with --session, new and then resumed; `techhire resume` of a
saved session part-way; and `techhire sessions`.
"""
import bisect
import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "techhire")
ORDER = os.path.join(ROOT, "src", "startup.order")
TWO = os.path.join(ROOT, "benches", "pty", "two-questions.toml")

ENTER, DOWN, PAGE_DOWN, CTRL_C = b"\r", b"\x1b[B", b"\x1b[6~", b"\x03"


def build(map_path, order):
    env = dict(os.environ, TECHHIRE_LINK_MAP=map_path, TECHHIRE_LINK_ORDER=order)
    subprocess.run(["cargo", "build", "--release", "--bin", "techhire"], cwd=ROOT, env=env,
                   check=True)
    if not os.path.exists(map_path):
        sys.exit("no link map was written: this build does not link with rust-lld "
                 "(see src/build.rs), so the order would not be used either")


def sections(map_path):
    """Each function's place: (start, end, symbol), sorted, from lld's map."""
    line = re.compile(r"^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s+\S.*:\(\.text\.(\S+)\)$")
    found = []
    with open(map_path, errors="replace") as f:
        for text in f:
            m = line.match(text.rstrip("\n"))
            if m and int(m.group(2), 16) > 0:
                start = int(m.group(1), 16)
                found.append((start, start + int(m.group(2), 16), m.group(3)))
    found.sort()
    return found


def settle(fd, quiet=0.6, limit=30.0):
    """Reads what the program writes until it has been quiet for `quiet` seconds."""
    deadline = time.monotonic() + limit
    last = time.monotonic()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                if not os.read(fd, 65536):
                    return False
            except OSError:
                return False
            last = time.monotonic()
        elif time.monotonic() - last > quiet:
            return True
    return True


def typed(prefix, args, keys, data):
    """Runs techhire behind `prefix` (a tracer) in a 100x30 pseudo-terminal, typing `keys`."""
    command = prefix + [BINARY] + args
    env = dict(os.environ, TECHHIRE_DATA_DIR=data, TZ="UTC", TERM="xterm-256color",
               COLUMNS="100", LINES="30")
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(command[0], command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    settle(fd, quiet=1.5 if prefix[0] == "valgrind" else 0.3)
    for key in keys:
        os.write(fd, key)
        settle(fd)
    # Drain what it writes while it ends (callgrind writes its output last).
    done = (0, 0)
    for _ in range(100):
        done = os.waitpid(pid, os.WNOHANG)
        if done != (0, 0):
            break
        settle(fd, quiet=0.2, limit=1.0)
    os.close(fd)
    if done == (0, 0):
        os.waitpid(pid, 0)


def addresses(out):
    """Every instruction run in techhire's own binary, from callgrind's per-instruction
    output (addresses as linked, whatever the binary was loaded at)."""
    objects, run = {}, set()
    current = None
    with open(out, errors="replace") as f:
        for text in f:
            if text.startswith("0x"):
                if current == BINARY:
                    run.add(int(text.split(None, 1)[0], 16))
                continue
            m = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?$", text.rstrip("\n"))
            if m:
                if m.group(3):
                    objects[m.group(2)] = m.group(3)
                if m.group(1) == "ob":
                    current = objects.get(m.group(2), "")
    return run


def faults(out):
    """The addresses in techhire's binary, as linked, where a run natively took a page
    fault (`perf record -e page-faults -d`): the code valgrind's runs miss (another CPU's
    branch of a library, a moment's timing) shows up here."""
    text = subprocess.run(["perf", "script", "-i", out, "-F", "addr", "--show-mmap-events"],
                          capture_output=True, text=True, check=True).stdout
    base, found = None, set()
    for line in text.splitlines():
        if "PERF_RECORD_MMAP" in line:
            m = re.search(r"\[(0x[0-9a-f]+)\(0x[0-9a-f]+\) @ 0 .*\s(\S+)$", line)
            if m and m.group(2) == BINARY:
                base = int(m.group(1), 16)
        elif base is not None and re.fullmatch(r"\s*[0-9a-f]+", line):
            found.add(int(line, 16) - base)
    return found


def main():
    for tool in ("valgrind", "perf"):
        if shutil.which(tool) is None:
            sys.exit("%s is needed: apt-get install %s" % (tool, tool))
    work = tempfile.mkdtemp(prefix="techhire-order-")
    try:
        map_path = os.path.join(work, "techhire.map")
        data = os.path.join(work, "data")
        subprocess.run([sys.executable, os.path.join(ROOT, "benches", "pty", "make-sessions.py"),
                        os.path.join(data, "sessions"), "20"], check=True)
        q1 = os.path.join(work, "q1.json")
        runs = [
            ([], [ENTER] * 16 + [DOWN, PAGE_DOWN, CTRL_C]),
            (["--questions", TWO], [ENTER, DOWN, DOWN, DOWN, ENTER, DOWN, ENTER, CTRL_C]),
            # A new session of its own, then resumed (the note says so), as the bench does.
            (["--questions", TWO, "--session", q1], [CTRL_C]),
            (["--questions", TWO, "--session", q1], [ENTER, DOWN, CTRL_C]),
            (["resume", "s000003"], [ENTER, DOWN, ENTER, CTRL_C]),
            (["sessions"], []),
        ]

        # Every instruction the runs execute, under valgrind, in the linker's own layout.
        build(map_path, "off")
        places = sections(map_path)
        runs_of = {}
        for i, (args, keys) in enumerate(runs):
            out = os.path.join(work, "callgrind.%d" % i)
            typed(["valgrind", "--tool=callgrind", "--dump-instr=yes", "--compress-pos=no",
                   "--callgrind-out-file=" + out], args, keys, data)
            found = functions(places, addresses(out) if os.path.exists(out) else set())
            if not found:
                sys.exit("techhire %s left no trace: see %s" % (" ".join(args), work))
            print("techhire %s: %d functions" % (" ".join(args), len(found)))
            for name in found:
                runs_of[name] = runs_of.get(name, 0) + 1
        # Those every run needs first, so a start that goes less far maps less.
        names = sorted(runs_of, key=lambda name: (-runs_of[name], name))

        # Then natively, laid out in that order, until no run faults outside the list.
        for _ in range(8):
            write(names)
            build(map_path, "on")
            places = sections(map_path)
            missed = set()
            for i, (args, keys) in enumerate(runs):
                out = os.path.join(work, "perf.%d" % i)
                typed(["perf", "record", "-q", "-e", "page-faults", "-c", "1", "-d", "-o", out],
                      args, keys, data)
                missed |= functions(places, faults(out)) - set(names)
            print("faults outside the list: %d functions" % len(missed))
            if not missed:
                break
            names += sorted(missed)
        write(names)
        size = sum(end - start for start, end, name in places if name in set(names))
        print("%s: %d functions, %d KB of %d KB of code" % (
            os.path.relpath(ORDER, ROOT), len(names), size // 1000,
            sum(end - start for start, end, _ in places) // 1000))
    except BaseException:
        print("kept for a look: " + work)
        raise
    shutil.rmtree(work, ignore_errors=True)


def functions(places, found):
    """The functions (their sections' names) holding the addresses found."""
    starts = [p[0] for p in places]
    names = set()
    for address in found:
        i = bisect.bisect_right(starts, address) - 1
        if i >= 0 and places[i][0] <= address < places[i][1]:
            names.add(places[i][2])
    return names


def write(names):
    with open(ORDER, "w") as f:
        f.write("".join(name + "\n" for name in names))


if __name__ == "__main__":
    main()
