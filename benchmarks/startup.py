"""How long loading the data and starting the command take. Prints a report; asserts nothing.

Run with `make bench`. Start-up times are wall-clock medians over fresh processes, so they
include Python's own start; compare them with the `python -c pass` line.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import timeit
from pathlib import Path

import careerkb

BIN = Path(sys.executable).parent
RUNS = 15


def median_ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:7.1f} ms"


def process_times(command: list[str]) -> list[float]:
    times = []
    for _ in range(RUNS):
        timer = timeit.default_timer()
        subprocess.run(command, check=True, capture_output=True)
        times.append(timeit.default_timer() - timer)
    return times


def load_times() -> list[float]:
    """Loading the shipped data in a warm process, RUNS times."""
    return timeit.repeat(careerkb.load, number=1, repeat=RUNS)


def main() -> None:
    kb = careerkb.load()
    counts = ", ".join(f"{count} {name}" for name, count in kb.counts().items())
    print(f"careerkb {careerkb.__version__}: {counts}")
    print(f"{'careerkb.load() in a warm process':40} {median_ms(load_times())}  (median of {RUNS})")
    rows = {
        "python -c pass (the floor)": [sys.executable, "-c", "pass"],
        "careerkb --help": [str(BIN / "careerkb"), "--help"],
        "careerkb term rag": [str(BIN / "careerkb"), "term", "rag"],
        "careerkb validate": [str(BIN / "careerkb"), "validate"],
    }
    for label, command in rows.items():
        print(f"{label:40} {median_ms(process_times(command))}  (median of {RUNS} fresh processes)")


if __name__ == "__main__":
    main()
