"""How careerkb's builds scale, against the plain-Sphinx twin of the same handbook. Prints a table.

For each scale (the shipped data times 1, 10 and 100: see benchmarks/scaled.py) it writes the
handbook twice (benchmarks/handbook.py): once with careerkb's directives, once as the *twin*,
every directive's output pre-rendered as static MyST and built by plain Sphinx. Then:

- full builds, careerkb and twin alternating, median of ``--runs``; careerkb's first build of
  each scale parses the data (the cache is the benchmark's own, empty at the start), the later
  ones read it from the cache (careerkb.cache), as a contributor's repeated builds do;
- a ``-j auto`` build of careerkb, compared byte for byte with the ``-j 1`` output;
- incremental rebuilds after editing one glossary term, one salary band and one role page, with
  the pages re-read, written, and actually changed;
- a clean build of the edited sources, which the incremental output must equal;
- peak memory, the saved environment's size and the output sizes;
- data load time and the command's cold start, on the shipped data (benchmarks/startup.py).

Each target of issue 6 is printed as met or missed. Run with `make bench`; `--scales 1,10` and
`--runs 1` make a quick check. Nothing here asserts: the figures are for reading.
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

TARGET_RATIO = 1.10
TARGET_INCREMENTAL_SHARE = 0.15
TARGET_LOAD_SECONDS = 0.050
#: A look-up's cold start against `python -c pass` (issue 15).
TARGET_COLD_START_RATIO = 4.0
#: Time may grow by at most this much more than the data between 10x and 100x.
LINEAR_SLACK = 1.2

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


def report(scales: list[Scale], load: float, cold_start: tuple[float, float, float]) -> list[str]:
    lines: list[str] = []
    lines.append(
        "| scale | records | pages | careerkb | twin | ratio | target ≤ 1.10x | careerkb's first build "
        "| peak MB | env MB |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    for scale in scales:
        records = sum(scale.counts.values())
        peak = max(build.peak_mb for build in scale.careerkb)
        twin_peak = max(build.peak_mb for build in scale.twin)
        lines.append(
            f"| {scale.factor}x | {records:,} | {scale.pages} | {scale.median(scale.careerkb):.2f} s "
            f"| {scale.median(scale.twin):.2f} s | {scale.ratio:.3f} "
            f"| {verdict(scale.ratio <= TARGET_RATIO)} | {scale.careerkb[0].seconds:.2f} s "
            f"| {peak:.0f} (twin {twin_peak:.0f}) | {scale.environment_mb:.1f} |"
        )
    lines.append("")
    by_factor = {scale.factor: scale for scale in scales}
    if 10 in by_factor and 100 in by_factor:
        growth = by_factor[100].median(by_factor[100].careerkb) / by_factor[10].median(by_factor[10].careerkb)
        limit = 10 * LINEAR_SLACK
        lines.append(
            f"Time from 10x to 100x data: x{growth:.1f} (linear: at most x{limit:.0f}): "
            f"{verdict(growth <= limit)}"
        )
        lines.append("")
    lines.append(
        "| scale | edit | median time | share of full build | re-read | written | pages changed "
        "| only those re-read |"
    )
    lines.append("|---|---|---|---|---|---|---|---|")
    for scale in scales:
        full = scale.median(scale.careerkb)
        for kind in dict.fromkeys(edit.kind for edit in scale.edits):
            edits = [edit for edit in scale.edits if edit.kind == kind]
            seconds = statistics.median(edit.build.seconds for edit in edits)
            read = max(len(edit.build.read) for edit in edits)
            written = max(len(edit.build.written) for edit in edits)
            changed = max(len(edit.changed_pages) for edit in edits)
            exact = all(edit.build.read == edit.changed_pages for edit in edits)
            share = seconds / full
            target = f" ({verdict(share <= TARGET_INCREMENTAL_SHARE)})" if scale.factor == 100 else ""
            lines.append(
                f"| {scale.factor}x | {kind} | {seconds:.2f} s | {share:.0%}{target} | {read} | {written} "
                f"| {changed} | {verdict(exact)} |"
            )
    lines.append("")
    lines.append("| scale | -j 1 | -j auto | identical output | no stale page after the edits |")
    lines.append("|---|---|---|---|---|")
    for scale in scales:
        assert scale.parallel is not None
        identical = verdict(scale.parallel_identical) + (
            f" ({', '.join(scale.parallel_differences[:3])})" if scale.parallel_differences else ""
        )
        stale = verdict(not scale.stale) + (f" ({', '.join(scale.stale[:3])})" if scale.stale else "")
        lines.append(
            f"| {scale.factor}x | {scale.median(scale.careerkb):.2f} s | {scale.parallel.seconds:.2f} s "
            f"| {identical} | {stale} |"
        )
    lines.append("")
    lines.append("| scale | searchindex.js | glossary page | all HTML |")
    lines.append("|---|---|---|---|")
    for scale in scales:
        sizes = " | ".join(f"{size:.2f} MB" for size in scale.sizes.values())
        lines.append(f"| {scale.factor}x | {sizes} |")
    lines.append("")
    lines.append(
        f"careerkb.load() of the shipped data: {load * 1000:.1f} ms (target ≤ 50 ms): "
        f"{verdict(load <= TARGET_LOAD_SECONDS)}"
    )
    lookup, floor, ratio = cold_start
    lines.append(
        f"`careerkb term rag` cold start: {lookup * 1000:.0f} ms, {ratio:.1f}x `python -c pass` "
        f"({floor * 1000:.0f} ms; target ≤ {TARGET_COLD_START_RATIO:.0f}x): "
        f"{verdict(ratio <= TARGET_COLD_START_RATIO)}"
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated factors (default 1,10,100)")
    parser.add_argument("--runs", type=int, default=3, help="full builds of each kind per scale (default 3)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep", type=Path, help="build here and keep the projects, instead of a temporary folder"
    )
    args = parser.parse_args()
    factors = [int(factor) for factor in args.scales.split(",")]
    with tempfile.TemporaryDirectory(prefix="careerkb-bench-") as temporary:
        work = args.keep or Path(temporary)
        # A cache of the benchmark's own: each scale's first careerkb build reads its data cold.
        os.environ["CAREERKB_CACHE_DIR"] = str(work / "data-cache")
        scales = []
        for factor in factors:
            print(f"measuring {factor}x ...", file=sys.stderr, flush=True)
            scales.append(measure_scale(factor, work, args.runs, args.seed))
    load = statistics.median(load_times())
    cold_start = cold_start_ratio()
    print(
        f"careerkb {careerkb.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
        f"medians of {args.runs} builds, {STARTUP_RUNS} loads and {ALTERNATING_RUNS} cold starts"
    )
    print("\n".join(report(scales, load, cold_start)))


if __name__ == "__main__":
    main()
