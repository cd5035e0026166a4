"""What a figure role costs next to the text it renders: one page, a table of N rows, built as
figure roles and as the same table in plain text. Prints both build times and their ratio.

Run with `.venv/bin/python -m benchmarks.figure_roles --rows 4000`. It asserts nothing: compare
the figures between changes. Add `--profile FILE` to write a cProfile of the figure build.
"""

from __future__ import annotations

import argparse
import shutil
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
    parser.add_argument("--profile", type=Path, help="write a cProfile of the figure build here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        text = build_seconds(project(Path(temp) / "text", TEXT, args.rows))
        figures = build_seconds(project(Path(temp) / "figures", FIGURES, args.rows), args.profile)
    print(f"{args.rows} rows, {2 * args.rows} figures")
    print(f"plain text:   {text:6.1f} s")
    print(f"figure roles: {figures:6.1f} s  ({figures / text:.2f} x the text)")


if __name__ == "__main__":
    main()
