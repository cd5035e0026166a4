"""How careerkb's builds scale, against the plain-Sphinx twin of the same handbook. Prints a table.

For each scale (the shipped data times 1, 10 and 100: see benchmarks/scaled.py) it writes the
handbook twice (benchmarks/handbook.py): once with careerkb's directives, once as the *twin*,
every directive's output pre-rendered as static MyST and built by plain Sphinx. Then:

- full builds, careerkb and twin alternating, median of ``--runs``; the data is parsed once,
  before them, into the benchmark's own cache (careerkb.cache), and every build reads it from
  there, as a contributor's repeated builds do;
- a ``-j auto`` build of careerkb, compared byte for byte with the ``-j 1`` output;
- incremental rebuilds after a single edit of each kind of record (benchmarks/edits.py: a
  glossary term, a pay band, a role, a source, a learning resource, a market fact, an official
  occupation) and of one role page, with the pages re-read, written, and actually changed;
- a clean build of the edited sources, which the incremental output must equal;
- peak memory, the saved environment's size and the output sizes;
- data load time and the command's cold start, on the shipped data (benchmarks/startup.py).

It prints one table, a row a measure, each target (issues 6, 12 and 15) marked met or missed.
Run with `make bench`; `--scales 1,10` and `--runs 1` make a quick check. Nothing here
asserts: the figures are for reading.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import careerkb
from benchmarks.edits import TIMED
from benchmarks.handbook import write_careerkb_handbook, write_twin_handbook
from benchmarks.scaled import write_scaled_data
from benchmarks.startup import ALTERNATING_RUNS, cold_start_ratio, load_times
from benchmarks.startup import RUNS as STARTUP_RUNS

#: A full build against the twin's: at 1x (issue 12), and at 10x and more (issue 15).
TARGET_RATIO_SMALL = 1.10
TARGET_RATIO = 1.0
#: A single-record edit's incremental build, as a share of a full build, at the largest scale.
TARGET_INCREMENTAL_SHARE = 0.10
#: Peak memory against the twin's, at the largest scale.
TARGET_MEMORY_RATIO = 1.2
#: A full build's time from 10x to 100x data: ten times the data, at most this many times the time.
TARGET_GROWTH = 11.0
LARGEST = 100
TARGET_LOAD = 0.050  # seconds
#: A look-up's cold start against `python -c pass` (issue 15).
TARGET_COLD_START_RATIO = 4.0

READING = re.compile(r"reading sources\.\.\. \[\s*\d+%\] (\S+)")
WRITING = re.compile(r"writing output\.\.\. \[\s*\d+%\] (\S+)")


@dataclass
class Build:
    seconds: float
    peak_mb: float
    log: str

    @property
    def read(self) -> set[str]:
        return set(READING.findall(self.log))

    @property
    def written(self) -> set[str]:
        return set(WRITING.findall(self.log))


def sphinx_build(source: Path, out: Path, *, jobs: str = "1", clean: bool = True) -> Build:
    """Build ``source`` (conf.py inside it) into ``out`` in a fresh process, as `make docs` does."""
    if clean:
        shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-n", "-W", "--keep-going", "-j", jobs]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen([*command, str(source), str(out)], stdout=log, stderr=subprocess.STDOUT)
        # wait4 reports this build's own peak memory (parallel workers included), not the benchmark's.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    if process.returncode:
        raise SystemExit(f"the build of {source} failed:\n{text[-3000:]}")
    return Build(seconds, usage.ru_maxrss / 1024, text)


#: What an HTML build writes about itself rather than for readers, left out of the comparisons:
#: - ``.doctrees``, Sphinx's cache (pickles of the environment and of every page, which hold
#:   absolute paths and the order pages were read in), kept out of the published folder by
#:   `make docs` (tests/test_publishing.py) but inside the output by default;
#: - ``.buildinfo``, a hash of the configuration: the scaled handbook's conf.py names its data
#:   folder by absolute path, so a clean copy elsewhere has another hash.
#: ``.buildinfo.bak`` is compared: Sphinx writes it when the configuration changed between two
#: builds, and then writes every page again, which an incremental build must not need.
NOT_SERVED = frozenset({".doctrees", ".buildinfo"})


def output_files(out: Path) -> list[Path]:
    """Every file a reader could be served from ``out``, generated images included."""
    return [
        path
        for path in sorted(out.rglob("*"))
        if path.is_file() and NOT_SERVED.isdisjoint(path.relative_to(out).parts)
    ]


def output_digests(out: Path) -> dict[str, str]:
    """Every file a reader could be served, by digest."""
    return {
        path.relative_to(out).as_posix(): hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        for path in output_files(out)
    }


def differences(left: dict[str, str], right: dict[str, str]) -> list[str]:
    return sorted(name for name in left.keys() | right.keys() if left.get(name) != right.get(name))


@dataclass
class Edit:
    kind: str
    build: Build
    changed_pages: set[str]


@dataclass
class Scale:
    factor: int
    counts: dict[str, int]
    pages: int
    careerkb: list[Build] = field(default_factory=list)
    twin: list[Build] = field(default_factory=list)
    parallel: Build | None = None
    parallel_identical: bool = False
    parallel_differences: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    environment_mb: float = 0.0
    sizes: dict[str, float] = field(default_factory=dict)

    def median(self, builds: list[Build]) -> float:
        return statistics.median(build.seconds for build in builds)

    @property
    def ratio(self) -> float:
        return self.median(self.careerkb) / self.median(self.twin)


# --- the run --------------------------------------------------------------------------------


def measure_scale(factor: int, work: Path, runs: int, seed: int) -> Scale:
    project = work / f"x{factor}"
    data = write_scaled_data(factor, project / "data", seed=seed)
    kb = careerkb.load(data)
    write_careerkb_handbook(kb, project / "docs")
    write_twin_handbook(kb, project / "twin")
    scale = Scale(factor, kb.counts(), pages=len(list((project / "docs").rglob("*.md"))))
    out, twin_out = project / "_build" / "careerkb", project / "_build" / "twin"
    for _ in range(runs):  # paired and alternating, so drift in the machine hits both alike
        scale.careerkb.append(sphinx_build(project / "docs", out))
        scale.twin.append(sphinx_build(project / "twin", twin_out))
    serial = output_digests(out)
    scale.environment_mb = (out / ".doctrees" / "environment.pickle").stat().st_size / 2**20
    scale.sizes = {
        "searchindex.js": (out / "searchindex.js").stat().st_size / 2**20,
        "glossary page": (out / "glossary.html").stat().st_size / 2**20,
        "all HTML": sum(page.stat().st_size for page in out.rglob("*.html")) / 2**20,
    }
    parallel_out = project / "_build" / "parallel"
    scale.parallel = sphinx_build(project / "docs", parallel_out, jobs="auto")
    scale.parallel_differences = differences(serial, output_digests(parallel_out))
    scale.parallel_identical = not scale.parallel_differences

    rng = random.Random(seed)
    for number in range(1, runs + 1):
        for edit in TIMED:
            before = output_digests(out)
            edit(project, rng, number)
            kind = (edit.__doc__ or edit.__name__).split(":")[0].rstrip(".")
            build = sphinx_build(project / "docs", out, clean=False)
            changed = differences(before, output_digests(out))
            pages = {Path(name).with_suffix("").as_posix() for name in changed if name.endswith(".html")}
            scale.edits.append(Edit(kind, build, pages))
    clean_out = project / "_build" / "clean"
    sphinx_build(project / "docs", clean_out)
    scale.stale = differences(output_digests(out), output_digests(clean_out))
    return scale


# --- the report -----------------------------------------------------------------------------


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


@dataclass(frozen=True)
class Row:
    """One line of the report: a measure at a scale, what it is held against, and its target."""

    scale: str
    measure: str
    figure: str
    against: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None  # None: no target, the figure is for reading
    notes: str = ""

    def markdown(self) -> str:
        judged = "" if self.met is None else verdict(self.met)
        cells = (self.scale, self.measure, self.figure, self.against, self.ratio, self.target, judged)
        return "| " + " | ".join((*cells, self.notes)) + " |"


def ratio_target(factor: int) -> float:
    return TARGET_RATIO_SMALL if factor == 1 else TARGET_RATIO


def scale_rows(scale: Scale) -> list[Row]:
    name = f"{scale.factor}x"
    full, twin = scale.median(scale.careerkb), scale.median(scale.twin)
    limit = ratio_target(scale.factor)
    records = sum(scale.counts.values())
    rows = [
        Row(
            name,
            "full build",
            f"{full:.2f} s",
            f"twin {twin:.2f} s",
            f"{scale.ratio:.3f}x",
            f"≤ {limit:.2f}x",
            scale.ratio <= limit,
            f"{records:,} records, {scale.pages} pages; the first build {scale.careerkb[0].seconds:.2f} s",
        )
    ]
    peak = max(build.peak_mb for build in scale.careerkb)
    twin_peak = max(build.peak_mb for build in scale.twin)
    at_largest = scale.factor == LARGEST
    rows.append(
        Row(
            name,
            "peak memory",
            f"{peak:.0f} MB",
            f"twin {twin_peak:.0f} MB",
            f"{peak / twin_peak:.2f}x",
            f"≤ {TARGET_MEMORY_RATIO:.1f}x" if at_largest else "",
            peak / twin_peak <= TARGET_MEMORY_RATIO if at_largest else None,
            f"saved environment {scale.environment_mb:.1f} MB",
        )
    )
    assert scale.parallel is not None
    rows.append(
        Row(
            name,
            "-j auto build",
            f"{scale.parallel.seconds:.2f} s",
            f"-j 1 {full:.2f} s",
            f"{scale.parallel.seconds / full:.2f}x",
            "output identical to -j 1",
            scale.parallel_identical,
            ", ".join(scale.parallel_differences[:3]),
        )
    )
    for kind in dict.fromkeys(edit.kind for edit in scale.edits):
        edits = [edit for edit in scale.edits if edit.kind == kind]
        seconds = statistics.median(edit.build.seconds for edit in edits)
        share = seconds / full
        wasted = max(len(edit.build.read - edit.changed_pages) for edit in edits)
        notes = (
            f"re-read {max(len(edit.build.read) for edit in edits)}, "
            f"written {max(len(edit.build.written) for edit in edits)}, "
            f"changed {max(len(edit.changed_pages) for edit in edits)}"
            + (f"; {wasted} re-read but unchanged" if wasted else "")
        )
        rows.append(
            Row(
                name,
                f"edit: {kind}",
                f"{seconds:.2f} s",
                "full build",
                f"{share:.1%}",
                f"≤ {TARGET_INCREMENTAL_SHARE:.0%}" if at_largest else "",
                share <= TARGET_INCREMENTAL_SHARE if at_largest else None,
                notes,
            )
        )
    rows.append(
        Row(
            name,
            "output after the edits",
            f"{len(scale.stale)} files differ",
            "a clean build",
            target="no stale file",
            met=not scale.stale,
            notes=", ".join(scale.stale[:3]),
        )
    )
    sizes = ", ".join(f"{what} {size:.2f} MB" for what, size in scale.sizes.items())
    rows.append(Row(name, "output sizes", sizes))
    return rows


def report(scales: list[Scale], load: float, cold_start: tuple[float, float, float]) -> list[str]:
    rows = [row for scale in scales for row in scale_rows(scale)]
    by_factor = {scale.factor: scale for scale in scales}
    if 10 in by_factor and LARGEST in by_factor:
        small, large = by_factor[10], by_factor[LARGEST]
        growth = large.median(large.careerkb) / small.median(small.careerkb)
        data = sum(large.counts.values()) / sum(small.counts.values())
        rows.append(
            Row(
                f"10x → {LARGEST}x",
                "full build time",
                f"x{growth:.1f}",
                f"records x{data:.1f}",
                target=f"≤ x{TARGET_GROWTH:.0f}",
                met=growth <= TARGET_GROWTH,
            )
        )
    rows.append(
        Row("1x", "careerkb.load()", f"{load * 1000:.1f} ms", target="≤ 50 ms", met=load <= TARGET_LOAD)
    )
    lookup, floor, ratio = cold_start
    rows.append(
        Row(
            "1x",
            "`careerkb term rag`, cold start",
            f"{lookup * 1000:.0f} ms",
            f"`python -c pass` {floor * 1000:.0f} ms",
            f"{ratio:.1f}x",
            f"≤ {TARGET_COLD_START_RATIO:.0f}x",
            ratio <= TARGET_COLD_START_RATIO,
        )
    )
    header = Row("scale", "measure", "figure", "against", "ratio", "target", "verdict", "notes")
    missed = [row for row in rows if row.met is False]
    summary = (
        f"{len(missed)} of {sum(row.met is not None for row in rows)} targets missed"
        if missed
        else (f"every target met ({sum(row.met is not None for row in rows)})")
    )
    return [header.markdown(), "|---" * 8 + "|", *(row.markdown() for row in rows), "", summary]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated factors (default 1,10,100)")
    parser.add_argument(
        "--runs",
        help="full builds of each kind per scale: one number for every scale, or one per scale; "
        f"default 3 below {LARGEST}x and 1 from there (a {LARGEST}x build takes minutes)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep", type=Path, help="build here and keep the projects, instead of a temporary folder"
    )
    args = parser.parse_args()
    factors = [int(factor) for factor in args.scales.split(",")]
    if args.runs is None:
        args.runs = ",".join("3" if factor < LARGEST else "1" for factor in factors)
    runs = [int(count) for count in args.runs.split(",")]
    if len(runs) == 1:
        runs *= len(factors)
    if len(runs) != len(factors) or min(runs) < 1:
        parser.error(f"--runs {args.runs}: give one count of 1 or more, or one for each of {args.scales}")
    with tempfile.TemporaryDirectory(prefix="careerkb-bench-") as temporary:
        work = args.keep or Path(temporary)
        # A cache of the benchmark's own, filled when each scale's data is first loaded.
        os.environ["CAREERKB_CACHE_DIR"] = str(work / "data-cache")
        scales = []
        for factor, count in zip(factors, runs, strict=True):
            print(f"measuring {factor}x ...", file=sys.stderr, flush=True)
            scales.append(measure_scale(factor, work, count, args.seed))
    load = statistics.median(load_times())
    cold_start = cold_start_ratio()
    print(
        f"careerkb {careerkb.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
        f"medians of {args.runs} builds a scale ({args.scales}), {STARTUP_RUNS} loads and "
        f"{ALTERNATING_RUNS} cold starts"
    )
    print("\n".join(report(scales, load, cold_start)))


if __name__ == "__main__":
    main()
