"""The look-up commands answered from the snapshot (careerkb.snapshot) print exactly what they
print from the data, without importing pydantic, YAML or rich, nor, for a look-up written
plainly, what the argument parser and hashlib bring (argparse, shutil, OpenSSL).

Each command runs in a fresh process three ways: with an empty cache (it answers from the data
and records the snapshot, or, for a comparison, that answer), again with the same cache (from the
snapshot), and with the cache off (from the data, recording nothing). Every process reports which
of the heavy libraries and slow-to-import modules it imported.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerkb import cli, snapshot

HEAVY = ("pydantic", "yaml", "rich")
#: Each a good part of a look-up's cold start, which the snapshot's fast path does without.
SLOW_TO_IMPORT = ("argparse", "shutil", "_hashlib", "unicodedata")
# Runs the command as the entry point does, then says which heavy libraries it imported.
RUN_AND_REPORT = f"""\
import os, sys
from careerkb.cli import main
status = main(sys.argv[1:])
with open(os.environ["REPORT"], "w") as report:
    report.write(",".join(name for name in {HEAVY + SLOW_TO_IMPORT!r} if name in sys.modules))
sys.exit(status)
"""


@dataclass(frozen=True)
class Run:
    status: int
    stdout: str
    stderr: str
    imported: list[str]


def _run(
    args: tuple[str, ...], cache: Path | str, tmp_path: Path, columns: str = "80", cwd: Path | None = None
) -> Run:
    report = tmp_path / "imported.txt"
    env = {**os.environ, "CAREERKB_CACHE_DIR": str(cache), "COLUMNS": columns, "REPORT": str(report)}
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_REPORT, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    imported = report.read_text(encoding="utf-8")
    return Run(result.returncode, result.stdout, result.stderr, imported.split(",") if imported else [])


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache holding the snapshot of the shipped data, recorded by a first look-up."""
    folder = tmp_path_factory.mktemp("cache")
    first = _run(("term", "rag"), folder, tmp_path_factory.mktemp("first"))
    assert first.status == 0, first.stderr
    assert "pydantic" in first.imported  # it answered from the data
    return folder


LOOK_UPS = [
    ("term", "rag"),
    ("term", "Retrieval-Augmented Generation", "--json"),
    ("role", "mle"),
    ("role", "ML engineer", "--json"),
    ("roles",),
    ("roles", "--json"),
    ("roles", "--tier", "Safety and red-teaming"),
    ("roles", "--tier", "safety", "--json"),
    ("tiers",),
    ("tiers", "--json"),
    ("occupation", "15-2051"),
    ("occupation", "Data Scientists", "--json"),
    ("compare", "mle", "ai-engineer"),
    ("compare", "MLE", "research-scientist", "--json"),
]


@pytest.mark.parametrize("args", LOOK_UPS, ids=" ".join)
def test_a_look_up_prints_the_same_from_the_snapshot_without_the_models(
    args: tuple[str, ...], cache: Path, tmp_path: Path
) -> None:
    from_data = _run(args, "off", tmp_path)
    assert from_data.status == 0, from_data.stderr
    assert from_data.stdout.strip()
    assert "pydantic" in from_data.imported  # with the cache off there is no snapshot either
    first = _run(args, cache, tmp_path)  # a comparison is recorded here, the rest were already
    from_snapshot = _run(args, cache, tmp_path)
    assert from_snapshot.imported == []
    assert from_snapshot == Run(0, from_data.stdout, "", [])
    assert (first.status, first.stdout, first.stderr) == (0, from_data.stdout, "")
    if "--json" in args:
        json.loads(from_snapshot.stdout)


def test_a_table_for_another_terminal_is_drawn_again_by_rich_but_without_the_models(
    cache: Path, tmp_path: Path
) -> None:
    # The snapshot holds the tables as drawn 80 columns wide; at 123 rich draws them again.
    from_snapshot = _run(("roles",), cache, tmp_path, columns="123")
    assert from_snapshot.imported == ["rich"]
    from_data = _run(("roles",), "off", tmp_path, columns="123")
    assert from_snapshot.stdout == from_data.stdout
    assert max(len(line) for line in from_data.stdout.splitlines()) > 80


@pytest.mark.parametrize("args", [("term", "rag", "--js"), ("roles", "--tier=safety")], ids=" ".join)
def test_a_look_up_written_otherwise_is_read_by_the_parser_and_answered_from_the_snapshot(
    args: tuple[str, ...], cache: Path, tmp_path: Path
) -> None:
    from_snapshot = _run(args, cache, tmp_path)
    assert from_snapshot.imported == ["argparse", "shutil"]  # the parser, but not the models
    assert from_snapshot == Run(0, _run(args, "off", tmp_path).stdout, "", from_snapshot.imported)


@pytest.mark.parametrize(
    "args",
    [("term", "lang"), ("role", "no-such-role"), ("compare", "mle", "MLE"), ("roles", "--tier", "nope")],
    ids=" ".join,
)
def test_what_the_snapshot_does_not_hold_is_answered_from_the_data(
    args: tuple[str, ...], cache: Path, tmp_path: Path
) -> None:
    # A partial term, an unknown name, a role with itself: the command answers as before.
    first, again = _run(args, cache, tmp_path), _run(args, cache, tmp_path)
    from_data = _run(args, "off", tmp_path)
    assert again == first
    assert (again.status, again.stdout, again.stderr) == (
        from_data.status,
        from_data.stdout,
        from_data.stderr,
    )
    assert "pydantic" in again.imported


def test_an_edit_of_the_data_misses_the_snapshot(data_dir: Path, tmp_path: Path) -> None:
    cache, args = tmp_path / "cache", ("term", "rag", "--data", "data")
    before = _run(args, cache, tmp_path, cwd=data_dir.parent)
    assert _run(args, cache, tmp_path, cwd=data_dir.parent).imported == []
    glossary = data_dir / "glossary.yaml"
    old = "Fetching documents and giving them to a model with the question."
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(old, "Looking things up first."))
    after = _run(args, cache, tmp_path, cwd=data_dir.parent)
    assert "pydantic" in after.imported
    assert "Looking things up first." in after.stdout
    assert after.stdout != before.stdout
    assert _run(args, cache, tmp_path, cwd=data_dir.parent) == Run(0, after.stdout, "", [])
    # The snapshot of the data as it was is gone, not kept beside the new one.
    assert len(list(cache.glob("*.snapshot/*"))) == 1


WORDS = ["term", "role", "roles", "tiers", "compare", "occupation", "validate", "rag", "mle", ""]
WORDS += ["--json", "--data", "data", "--tier", "safety", "--js", "--data=data", "-h", "--", "-1"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_a_plainly_written_look_up_reads_as_the_parser_reads_it(argv: list[str]) -> None:
    plain = snapshot.plain_arguments(argv)
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            parsed: argparse.Namespace | None = cli._parser().parse_args(argv)
    except SystemExit:
        parsed = None
    if plain is None:
        return  # the parser reads it, whatever it is
    assert parsed is not None, f"{argv} is read plainly but the parser refuses it"
    assert {name: getattr(parsed, name) for name in vars(plain)} == vars(plain)


def test_plain_reading_covers_every_look_up_and_nothing_else() -> None:
    assert all(snapshot.plain_arguments(list(args)) is not None for args in LOOK_UPS)
    assert snapshot.plain_arguments(["validate"]) is None
    assert snapshot.plain_arguments(["term", "rag", "--tier", "safety"]) is None  # not an option of term
    assert snapshot.plain_arguments(["compare", "mle"]) is None
