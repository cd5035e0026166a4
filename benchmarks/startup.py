"""How long loading the data and starting the command take. Prints a report; asserts nothing.

Run with `make bench`, or alone with `python -m benchmarks.startup`. Start-up times are
wall-clock medians over fresh processes, so they include Python's own start; the look-up's cold
start is also given as a ratio to `python -c pass`, the two run alternately so that a busy
machine slows both alike (issue 15's target: at most 4x).
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import timeit
from pathlib import Path

import careerkb

BIN = Path(sys.executable).parent
RUNS = 15
#: Fresh processes of each command in the alternating comparison.
ALTERNATING_RUNS = 9
LOOKUP = [str(BIN / "careerkb"), "term", "rag"]
FLOOR = [sys.executable, "-c", "pass"]


def median_ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:7.1f} ms"


def process_times(command: list[str], runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        timer = timeit.default_timer()
        subprocess.run(command, check=True, capture_output=True)
        times.append(timeit.default_timer() - timer)
    return times


def cold_start_ratio(command: list[str] = LOOKUP) -> tuple[float, float, float]:
    """``command``'s median start and the floor's (``python -c pass``), run alternately after
    one run that fills careerkb's caches, and their ratio."""
    compile_careerkb()
    subprocess.run(command, check=True, capture_output=True)
    times: dict[str, list[float]] = {"command": [], "floor": []}
    for _ in range(ALTERNATING_RUNS):
        times["command"] += process_times(command, runs=1)
        times["floor"] += process_times(FLOOR, runs=1)
    command_time, floor = statistics.median(times["command"]), statistics.median(times["floor"])
    return command_time, floor, command_time / floor


def load_times() -> list[float]:
    """Loading the shipped data in a warm process, RUNS times."""
    return timeit.repeat(careerkb.load, number=1, repeat=RUNS)


def compile_careerkb() -> None:
    """Write careerkb's bytecode, as installing a package does. An editable install leaves that
    to the first import, which PYTHONDONTWRITEBYTECODE (set on some machines, this one
    included) turns off: every fresh process would compile the edited modules again."""
    compileall.compile_dir(Path(careerkb.__file__).parent, quiet=1)


def main() -> None:
    compile_careerkb()
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
    lookup, floor, ratio = cold_start_ratio()
    print(
        f"{'careerkb term rag / python -c pass':40} {ratio:7.1f} x   ({lookup * 1000:.1f} ms / "
        f"{floor * 1000:.1f} ms, medians of {ALTERNATING_RUNS} alternating runs)"
    )


if __name__ == "__main__":
    main()
