"""What a figure role costs next to the text it renders: one page, a table of N rows, built as
figure roles and as the same table in plain text. Prints both build times and their ratio.

Run with `.venv/bin/python -m benchmarks.figure_roles --rows 3000`. It asserts nothing: compare
the figures between changes. The builds alternate and the medians of `--runs` (3) are compared,
because a shared machine's seconds wander by a third from one build to the next. Add
`--profile FILE` to write a cProfile of one more figure build.

Measured on the 2-CPU development machine, 3000 rows (6000 figures), medians of three:
before (a figure was 8 nodes: inline, value inline, 4 texts, pending link, citation inline)
2.60 x the text; after (one `cited_figure` node with two texts, written straight to HTML)
1.65 x (text 6.1 s, figures 10.1 s; single runs ranged 1.11 to 1.97 x).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
CONF = 'extensions = ["myst_parser", "careerkb.sphinxext"]\ncareerkb_data_dir = "data"\n'
HEAD = "# Figures\n\n| Row | Entry | Senior |\n|---|---|---|\n"
FIGURES = "| Row {i} | {{careerkb:figure}}`builder-entry` | {{careerkb:figure}}`user-senior` |\n"
TEXT = "| Row {i} | $90K–$135K (Example Press, mid-2026) | $220K and up (Example Press, mid-2026) |\n"


def project(folder: Path, row: str, rows: int) -> Path:
    folder.mkdir()
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", folder / "data")
    (folder / "conf.py").write_text(CONF, encoding="utf-8")
    (folder / "index.md").write_text(HEAD + "".join(row.format(i=i) for i in range(rows)), encoding="utf-8")
    return folder


def build_seconds(source: Path, profile: Path | None = None) -> float:
    command = [sys.executable, *(["-m", "cProfile", "-o", str(profile)] if profile else [])]
    command += ["-m", "sphinx", "-b", "html", "-q", "-E", str(source), str(source / "_build")]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3, help="builds of each, alternating; medians compared")
    parser.add_argument("--profile", type=Path, help="write a cProfile of one more figure build here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        text_source = project(Path(temp) / "text", TEXT, args.rows)
        figure_source = project(Path(temp) / "figures", FIGURES, args.rows)
        texts, figures = [], []
        for _ in range(args.runs):
            texts.append(build_seconds(text_source))
            figures.append(build_seconds(figure_source))
        if args.profile:
            build_seconds(figure_source, args.profile)
    text, figure = statistics.median(texts), statistics.median(figures)
    print(f"{args.rows} rows, {2 * args.rows} figures, median of {args.runs} builds each")
    print(f"plain text:   {text:6.1f} s  (runs: {_listed(texts)})")
    print(f"figure roles: {figure:6.1f} s  (runs: {_listed(figures)}), {figure / text:.2f} x the text")


def _listed(seconds: list[float]) -> str:
    return " ".join(f"{each:.1f}" for each in seconds)


if __name__ == "__main__":
    main()
