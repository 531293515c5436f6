#!/usr/bin/env python3
"""Fills a sessions folder with N saved sessions shaped like real ones (half finished, half
part-way, names of several scripts and lengths), one hour apart, for timing the start screen
and `techhire sessions` at scale. With --spec, makes the folders of benches/pty/*.toml:
/tmp/techhire-bench-N/sessions for N = 0, 20, 1000 and 10000, techhire-bench-peers (20), and
a blank session in each of techhire-bench-q1 and techhire-bench-note.

    python3 benches/pty/make-sessions.py /tmp/techhire-10000/sessions 10000
    python3 benches/pty/make-sessions.py --spec

Session i is "NAME i", NAME the (i % 8)th of NAMES; the newest is the last, so the start
screen lists N-1 first.
"""
import json
import os
import shutil
import sys
from datetime import datetime, timedelta, timezone

QUESTIONS = ["looking_for", "focus", "value_line", "business", "product_team", "size",
             "existing_leaders", "security_owner", "vendors"]
OUTCOMES = [("cio", "Hire a CIO"), ("cto", "Hire a CTO"), ("both", "Hire both"),
            ("combined", "Hire one leader for both roles")]
NAMES = ["Acme Ltd", "Beta Corp", "Großunternehmen Nord GmbH", "株式会社テスト", "Northwind",
         "Contoso Pharmaceuticals International Holdings", "Initech", "Globex"]


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def session(i, when):
    finished = i % 2 == 0
    answered = len(QUESTIONS) if finished else i % len(QUESTIONS)
    answers = [{"question": q, "choice": "c%d" % (i % 3), "at": stamp(when)}
               for q in QUESTIONS[:answered]]
    s = {
        "format": "techhire-session",
        "version": 1,
        "id": "s%06d" % i,
        "client": "%s %d" % (NAMES[i % len(NAMES)], i),
        "consultant": "Jo",
        "created": stamp(when - timedelta(minutes=30)),
        "updated": stamp(when),
        "tree": {"title": "Which technology leader should you hire?", "version": "1.0.0",
                 "sha256": "0" * 64, "file": "questions.toml (built in)"},
        "answers": answers,
        "progress": {"answered": answered, "fewest_left": 0 if finished else 2,
                     "most_left": 0 if finished else 5},
    }
    if finished:
        oid, label = OUTCOMES[i % 4]
        s["result"] = {"outcome": oid, "label": label,
                       "scores": [{"outcome": o, "points": 4 if o == oid else 1}
                                  for o, _ in OUTCOMES],
                       "margin": 3, "close_call": False, "finished": stamp(when)}
    return s


def fill(folder, count):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    start = datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)
    for i in range(count):
        with open(os.path.join(folder, "s%06d.json" % i), "w") as f:
            json.dump(session(i, start + timedelta(hours=i)), f, indent=2)
            f.write("\n")


def blank(path):
    """A session with nothing answered on benches/pty/two-questions.toml, as techhire saves
    one: the rows given it with --session resume it, at question 1, each run."""
    import hashlib
    tree = os.path.realpath(os.path.join(os.path.dirname(__file__), "two-questions.toml"))
    with open(tree, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    now = stamp(datetime.now(timezone.utc))
    s = {"format": "techhire-session", "version": 2, "id": "bench", "created": now,
         "updated": now,
         "tree": {"title": "probe", "version": "1.0.0", "sha256": digest, "file": tree},
         "answers": [], "progress": {"answered": 0, "fewest_left": 2, "most_left": 2}}
    with open(path, "w") as f:
        json.dump(s, f, indent=2)
        f.write("\n")


def main():
    if sys.argv[1:] == ["--spec"]:
        for n in (0, 20, 1000, 10000):
            fill("/tmp/techhire-bench-%d/sessions" % n, n)
        # peers.toml's rows: 20 sessions (one more each run), and folders of their own.
        fill("/tmp/techhire-bench-peers/sessions", 20)
        for name in ("q1", "note"):
            folder = "/tmp/techhire-bench-%s" % name
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            blank(os.path.join(folder, name + ".json"))
    else:
        fill(sys.argv[1], int(sys.argv[2]))


main()
