#!/usr/bin/env python3
"""Makes the README's pictures from the real program: assets/question.png, assets/result.png,
the printed report's pages, assets/report-page-N.png, a workshop's compare screen,
assets/compare.png, and the first page of a workshop's report, assets/workshop-report-page-1.png.

Runs target/release/techhire in tmux (with its sessions in a scratch folder), types the keys a
user would, captures the screen with its colours (tmux capture-pane -e), turns the cells into
HTML and photographs that with headless Chromium. The report is the one `run --answers` prints
to PDF on A4 for a client, with the consultant's name and firm (from a scratch config file),
each page at 60 dpi. Run from the project root after `cargo build --release`; needs tmux,
chromium, poppler's pdftoppm and pyte (`pip install pyte`). `docs/screenshots.py compare` makes
only assets/compare.png, `docs/screenshots.py workshop-report` only the workshop report's page.
"""

import glob
import html
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyte

COLUMNS, ROWS = 120, 32
COMPARE_ROWS = 40  # room for the compare screen's panel under the grid
CELL_W, CELL_H = 9, 19  # pixels per cell at the font size below
# The terminal palette: a calm dark one, as a consultant's laptop might have.
NAMED = {
    "black": "#1c1f26", "red": "#e06c75", "green": "#98c379", "brown": "#e5c07b",
    "blue": "#61afef", "magenta": "#c678dd", "cyan": "#56b6c2", "white": "#d7dae0",
}
BACKGROUND, FOREGROUND = "#1c1f26", "#d7dae0"


def xterm_256(index):
    """The RGB of a 256-colour palette entry above 15."""
    if index >= 232:
        level = 8 + (index - 232) * 10
        return f"#{level:02x}{level:02x}{level:02x}"
    index -= 16
    steps = [0, 95, 135, 175, 215, 255]
    r, g, b = steps[index // 36], steps[(index // 6) % 6], steps[index % 6]
    return f"#{r:02x}{g:02x}{b:02x}"


def colour(value, default):
    if value == "default":
        return default
    if value in NAMED:
        return NAMED[value]
    if len(value) == 6:  # pyte gives 256-colour and RGB entries as hex
        return "#" + value
    return default


def tmux(*args):
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def capture(session, keys):
    for key in keys:
        tmux("send-keys", "-t", session, key)
        time.sleep(0.15)
    time.sleep(0.3)
    return tmux("capture-pane", "-e", "-p", "-t", session)


def to_html(ansi, rows=ROWS):
    screen = pyte.Screen(COLUMNS, rows)
    stream = pyte.Stream(screen)
    # Rows end in newlines; one after the last row would scroll the first away.
    stream.feed(ansi.removesuffix("\n").replace("\n", "\r\n"))
    lines = []
    for y in range(rows):
        line = screen.buffer[y]
        cells = []
        for x in range(COLUMNS):
            cell = line[x]
            fg, bg = colour(cell.fg, FOREGROUND), colour(cell.bg, BACKGROUND)
            if cell.reverse:
                fg, bg = bg, fg
            style = f"color:{fg};background:{bg}"
            if cell.bold:
                style += ";font-weight:bold"
            cells.append(f'<span style="{style}">{html.escape(cell.data or " ")}</span>')
        lines.append(f'<div class="row">{"".join(cells)}</div>')
    return f"""<!doctype html><meta charset="utf-8"><style>
body {{ margin: 0; background: {BACKGROUND}; }}
.screen {{ padding: 14px 16px; font: 15px/{CELL_H}px 'DejaVu Sans Mono', monospace; }}
.row {{ height: {CELL_H}px; white-space: pre; }}
.row span {{ display: inline-block; width: {CELL_W}px; text-align: center; }}
</style><div class="screen">{"".join(lines)}</div>"""


def photograph(page, png, rows=ROWS):
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as f:
        f.write(page)
    width, height = COLUMNS * CELL_W + 32, rows * CELL_H + 28
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--no-first-run", "--hide-scrollbars",
         f"--window-size={width},{height}", f"--screenshot={os.path.abspath(png)}",
         f"file://{f.name}"],
        check=True, capture_output=True,
    )
    os.unlink(f.name)


def printed_report():
    """The report a board receives, printed on A4: the longest interview (thirteen answers, a
    tie between adding a CTO beside the CIO and widening the CIO's remit), prepared by Jo Smith
    of Northwind Advisory; one PNG per page."""
    folder = tempfile.mkdtemp(prefix="techhire-report-")
    try:
        config = os.path.join(folder, "config.toml")
        with open(config, "w") as f:
            f.write('firm = "Northwind Advisory"\n')
        pdf = os.path.join(folder, "report.pdf")
        env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG")}
        env.update(TECHHIRE_CONFIG=config, LC_PAPER="en_GB.UTF-8")
        subprocess.run(
            [os.path.abspath("target/release/techhire"), "run",
             "--answers", "tests/answers/longest.toml", "--client", "Globex Corporation",
             "--consultant", "Jo Smith", "--format", "pdf", "-o", pdf],
            check=True, env=env,
        )
        subprocess.run(["pdftoppm", "-r", "60", "-png", pdf, os.path.join(folder, "page")],
                       check=True)
        for old in glob.glob("assets/report-page-*.png"):
            os.unlink(old)
        pages = sorted(glob.glob(os.path.join(folder, "page-*.png")),
                       key=lambda p: int(p.rsplit("-", 1)[1].removesuffix(".png")))
        for n, page in enumerate(pages, 1):
            shutil.move(page, f"assets/report-page-{n}.png")
        return len(pages)
    finally:
        subprocess.run(["rm", "-rf", folder])


def workshop_report_page():
    """The first page of the worked example's workshop report (three leaders whose own results
    are a CTO, a CIO and one combined leader), kept with `workshop run --save` and printed with
    `workshop report --format pdf` on A4, prepared by Jo Smith of Northwind Advisory, at 60 dpi."""
    folder = tempfile.mkdtemp(prefix="techhire-workshop-report-")
    try:
        config = os.path.join(folder, "config.toml")
        with open(config, "w") as f:
            f.write('consultant = "Jo Smith"\nfirm = "Northwind Advisory"\n')
        env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG")}
        env.update(TECHHIRE_CONFIG=config, TECHHIRE_DATA_DIR=folder, LC_PAPER="en_GB.UTF-8")
        w = "tests/answers/workshop"
        techhire = os.path.abspath("target/release/techhire")
        subprocess.run(
            [techhire, "-q", "workshop", "run", "--save", "--client", "Globex Corporation",
             "--facts", f"{w}/facts.toml", "--answers", f"Ana (CEO)={w}/ana-ceo.toml",
             "--answers", f"Ben (CFO)={w}/ben-cfo.toml", "--answers", f"Cai (COO)={w}/cai-coo.toml"],
            check=True, env=env, capture_output=True,
        )
        (workshop,) = glob.glob(os.path.join(folder, "sessions", "*.workshop.json"))
        pdf = os.path.join(folder, "workshop.pdf")
        subprocess.run([techhire, "-q", "workshop", "report", workshop, "-o", pdf],
                       check=True, env=env)
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile",
                        pdf, "assets/workshop-report-page-1"], check=True)
    finally:
        subprocess.run(["rm", "-rf", folder])


def compare_screen():
    """A four-person workshop (the worked example's CEO, CFO and COO, and a board member) kept
    with `workshop run --save`, opened with `workshop compare`: the questions x people grid,
    furthest apart first, the panel below it (the screen is COMPARE_ROWS tall), the question
    about cybersecurity highlighted."""
    session = "techhire-shots-compare"
    data = tempfile.mkdtemp(prefix="techhire-shots-")
    w = "tests/answers/workshop"
    env = dict(os.environ, TECHHIRE_DATA_DIR=data)
    subprocess.run(
        [os.path.abspath("target/release/techhire"), "-q", "workshop", "run", "--save",
         "--client", "Acme Ltd", "--facts", f"{w}/facts.toml",
         "--answers", f"Ana (CEO)={w}/ana-ceo.toml", "--answers", f"Ben (CFO)={w}/ben-cfo.toml",
         "--answers", f"Cai (COO)={w}/cai-coo.toml", "--answers", f"Dee (Board)={w}/dee-board.toml"],
        check=True, env=env, capture_output=True,
    )
    (workshop,) = glob.glob(os.path.join(data, "sessions", "*.workshop.json"))
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    tmux("new-session", "-d", "-s", session, "-x", str(COLUMNS), "-y", str(COMPARE_ROWS),
         "-c", data, "env", "-u", "NO_COLOR", "TERM=xterm-256color",
         f"TECHHIRE_DATA_DIR={data}", os.path.abspath("target/release/techhire"),
         "workshop", "compare", workshop)
    time.sleep(0.5)
    try:
        return capture(session, ["c", "Down", "Down"])
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        subprocess.run(["rm", "-rf", data])


def main():
    if sys.argv[1:] == ["workshop-report"]:
        workshop_report_page()
        print("wrote assets/workshop-report-page-1.png")
        return 0
    if sys.argv[1:] == ["compare"]:
        # Only the compare screen: `python3 docs/screenshots.py compare`.
        photograph(to_html(compare_screen(), COMPARE_ROWS), "assets/compare.png", COMPARE_ROWS)
        print("wrote assets/compare.png")
        return 0
    session = "techhire-shots"
    data = tempfile.mkdtemp(prefix="techhire-shots-")
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    tmux("new-session", "-d", "-s", session, "-x", str(COLUMNS), "-y", str(ROWS),
         "-c", data, "env", "-u", "NO_COLOR", "TERM=xterm-256color",
         f"TECHHIRE_DATA_DIR={data}", os.path.abspath("target/release/techhire"))
    time.sleep(0.5)
    try:
        # The start screen: the client's and the consultant's names, then the interview.
        capture(session, ["Northwind Software", "Tab", "Jo Smith", "Enter"])
        # A software company: building products, for customers, judged on revenue; a note on
        # the fourth question, and the highlight on the answer about to be given.
        question = capture(session, [
            "5", "2", "2", "n", "Sells a SaaS platform to mid-sized retailers; 120 engineers.",
            "C-s", "Down",
        ])
        # Through to the recommendation (a sizeable engineering team, a light internal estate, a
        # private company well under $5 billion, no technology leader yet, product security),
        # then the result screen.
        result = capture(session, ["1", "1", "1", "2", "1", "2", "4", "Enter"])
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        subprocess.run(["rm", "-rf", data])
    os.makedirs("assets", exist_ok=True)
    photograph(to_html(question), "assets/question.png")
    photograph(to_html(result), "assets/result.png")
    photograph(to_html(compare_screen(), COMPARE_ROWS), "assets/compare.png", COMPARE_ROWS)
    pages = printed_report()
    workshop_report_page()
    print(f"wrote assets/question.png, assets/result.png, assets/compare.png, {pages} "
          "report pages and the workshop report's first page")


if __name__ == "__main__":
    sys.exit(main())
