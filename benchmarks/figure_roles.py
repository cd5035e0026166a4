"""What a figure role costs next to the text it renders: one page, a table of N rows, built as
figure roles and as the same table in plain text. Prints the build times and their ratios.

Run with `.venv/bin/python -m benchmarks.figure_roles --rows 3000`. It asserts nothing: compare
the figures between changes. The builds alternate and the medians of `--runs` (3) are compared.
Times are the build's CPU seconds (user and system), which a busy shared machine disturbs far
less than the wall clock (wall seconds are printed too). Add `--profile FILE` to write a
cProfile of one more figure build.

Two more builds give the floor a figure role cannot go below: the same table written with a
no-op role that returns the plain text (what MyST and docutils charge for any role), and with
one that returns an inline node holding that text (what any node able to carry a class costs:
every transform and writer walks it).

Measured on the 2-CPU development machine, 3000 rows (6000 figures). In wall seconds, medians
of three: when a figure was 8 nodes (inline, value inline, 4 texts, pending link, citation
inline), 2.60 x the text; as one `cited_figure` node with two texts, written straight to HTML,
1.65 x (text 6.1 s, figures 10.1 s). Now, in CPU seconds, medians of nine: one text in the node,
each figure's view made once a page, each citation's HTML written once a page, and the role no
longer holding the last page's doctree to the end of the build (which cost about 1 s here):

    plain text          5.9 s  1.00 x   (runs 4.6 to 7.4)
    no-op text role     6.8 s  1.15 x   (the floor any role pays in MyST and docutils)
    no-op inline role   6.6 s  1.12 x   (the floor any node that can carry a class pays)
    figure roles        6.9 s  1.18 x   (runs 5.9 to 8.1)

A figure now costs about what the barest node that can hold it costs; the two floors differ by
less than the noise. The machine was shared with other builds: single runs of one build ranged
over a third, and another run of seven gave 1.28 x for the figures before the doctree fix.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
CONF = 'extensions = ["myst_parser", "careerkb.sphinxext"]\ncareerkb_data_dir = "data"\n'
#: What each figure renders as.
SHOWN = {
    "builder-entry": "$90K–$135K (Example Press, mid-2026)",
    "user-senior": "$220K and up (Example Press, mid-2026)",
}
#: The floor's roles: a figure's text, as a text node or as an inline node holding it.
FLOOR_CONF = f"""
from docutils import nodes

SHOWN = {SHOWN!r}


def text_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [nodes.Text(SHOWN[text])], []


def inline_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [nodes.inline(rawtext, SHOWN[text], classes=["careerkb-figure"])], []


def setup(app):
    app.add_role("text-role", text_role)
    app.add_role("inline-role", inline_role)
"""
HEAD = "# Figures\n\n| Row | Entry | Senior |\n|---|---|---|\n"

#: Each build's name and what its table's cells hold, by figure id.
CELLS = {
    "plain text": "{shown}",
    "no-op text role": "{{text-role}}`{id}`",
    "no-op inline role": "{{inline-role}}`{id}`",
    "figure roles": "{{careerkb:figure}}`{id}`",
}


def row(cell: str, i: int) -> str:
    return (
        " | ".join([f"| Row {i}", *(cell.format(id=id_, shown=shown) for id_, shown in SHOWN.items())])
        + " |\n"
    )


def project(folder: Path, cell: str, rows: int) -> Path:
    folder.mkdir()
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", folder / "data")
    (folder / "conf.py").write_text(CONF + FLOOR_CONF, encoding="utf-8")
    (folder / "index.md").write_text(HEAD + "".join(row(cell, i) for i in range(rows)), encoding="utf-8")
    return folder


def build_seconds(source: Path, profile: Path | None = None) -> tuple[float, float]:
    """The build's CPU seconds and wall seconds."""
    command = [sys.executable, *(["-m", "cProfile", "-o", str(profile)] if profile else [])]
    command += ["-m", "sphinx", "-b", "html", "-q", "-E", str(source), str(source / "_build")]
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, check=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3, help="builds of each, alternating; medians compared")
    parser.add_argument("--profile", type=Path, help="write a cProfile of one more figure build here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        sources = {
            name: project(Path(temp) / str(n), cell, args.rows)
            for n, (name, cell) in enumerate(CELLS.items())
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in sources}
        for _ in range(args.runs):
            for name, source in sources.items():
                times[name].append(build_seconds(source))
        if args.profile:
            build_seconds(sources["figure roles"], args.profile)
    print(f"{args.rows} rows, {2 * args.rows} figures, median of {args.runs} builds each (CPU seconds)")
    text = statistics.median(cpu for cpu, _ in times["plain text"])
    for name, runs in times.items():
        cpu = statistics.median(each for each, _ in runs)
        listed = " ".join(f"{each:.1f}" for each, _ in runs)
        wall = statistics.median(each for _, each in runs)
        ratio = f"{cpu / text:.2f} x the text"
        print(f"{name + ':':19} {cpu:5.1f} s  {ratio}  (runs: {listed}; wall {wall:.1f} s)")


if __name__ == "__main__":
    main()
