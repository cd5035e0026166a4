"""The YAML reader under random input: nesting, scalars and bytes of any kind.

Whatever a file holds, reading it gives a document or located problems: nothing else is raised,
and (shown in a child process, where a crash of the C parser would be a signal) the process
never dies. The examples are few and small, so the file runs in seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from careerkb.problems import Problem
from careerkb.yaml_reader import MAX_DEPTH, read_yaml

ROOT = Path(__file__).parents[1]
BOUNDED = settings(
    max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# Pieces that mean something to a YAML parser, and scalars YAML 1.1 and 1.2 type differently.
PIECES = st.sampled_from(
    [
        *("[", "]", "{", "}", ": ", ", ", "- ", "? ", "\n", "  ", "\t", "#", "---\n", "...\n"),
        *("&a ", "*a", "!!str ", "!!python/object:os.system ", "!foo ", "'", '"', "|\n", ">-\n"),
        *("no", "On", "1:20", "2026-13-45", "2026-02-30", ".nan", "-.inf", "1.0e+309", "0o17", "0x1F"),
        *("\\x1b", "\\u202e", "\\0", "\u200b", "\ufeff", "\x85", "~", "null", "9" * 5000),
    ]
)
SCALARS = st.text(max_size=12)
DOCUMENTS = st.lists(PIECES | SCALARS, max_size=40).map("".join)


@st.composite
def nested(draw: st.DrawFn) -> tuple[str, int]:
    """Flow or block collections nested to a random depth, up to far beyond the limit, with
    their flow depth (the scalar inside may hold brackets of its own, which nest nothing)."""
    depth = draw(st.integers(min_value=0, max_value=3 * MAX_DEPTH) | st.sampled_from([10_000, 100_000]))
    opening, closing = draw(st.sampled_from([("[", "]"), ("{a: ", "}"), ("- ", "")]))
    if opening == "- ":
        body = "".join(" " * level + "-\n" for level in range(min(depth, 2_000)))
        flow_depth = 0  # block nesting is limited by indentation, checked by other examples
    else:
        body = opening * depth + draw(SCALARS.map(repr)) + closing * depth
        flow_depth = depth
    return ("key: " + body if draw(st.booleans()) else body), flow_depth


def _read(content: bytes) -> list[Problem]:
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "extra.yaml"
        path.write_bytes(content)
        document, problems = read_yaml(path)
    assert (document is None) == bool(problems)
    for problem in problems:
        assert problem.line >= 1
        assert problem.message.strip()
    return problems


@BOUNDED
@given(nested())
@example(("roles: " + "{a: " * 100_000 + "}" * 100_000, 100_000))
@example(("[" * 1_000_000, 1_000_000))
def test_nesting_of_any_depth_is_read_or_refused(document: tuple[str, int]) -> None:
    text, depth = document
    problems = _read(text.encode("utf-8"))
    if depth > MAX_DEPTH:
        assert any("nested more than" in problem.message for problem in problems)


@BOUNDED
@given(DOCUMENTS)
def test_any_mix_of_yaml_pieces_and_scalars_is_read_or_refused(text: str) -> None:
    _read(text.encode("utf-8"))


@BOUNDED
@given(st.binary(max_size=600))
def test_any_bytes_are_read_or_refused(content: bytes) -> None:
    _read(content)


def run_every_property() -> None:
    """All of the above, in one process: what the child process runs."""
    test_nesting_of_any_depth_is_read_or_refused()
    test_any_mix_of_yaml_pieces_and_scalars_is_read_or_refused()
    test_any_bytes_are_read_or_refused()


def test_no_input_ends_the_process_by_a_signal(tmp_path: Path) -> None:
    # A C parser that overflows its stack kills the process with SIGSEGV: pytest in the same
    # process could not even report it, so the properties run again in a child.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.run(
        [sys.executable, "-c", "from tests.test_yaml_reader import run_every_property; run_every_property()"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
        check=False,
    )
    assert child.returncode >= 0, f"the reader died by signal {-child.returncode}"
    assert child.returncode == 0, child.stderr
