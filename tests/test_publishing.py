"""What the handbook publishes: every command that builds it for readers (`make docs`, the Read the
Docs build, the Pages workflow) keeps Sphinx's doctrees, pickles of every page and of the whole
environment, outside the folder it publishes.

Sphinx puts the doctrees in ``<output>/.doctrees`` unless told otherwise (``-d``), and both hosts
publish the whole output folder. The commands are read from the files that run them and parsed
by Sphinx's own argument parser; tests/test_handbook.py builds the handbook with `make docs`'s
command and checks the published tree itself.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
from pathlib import Path, PurePosixPath

import yaml
from sphinx.cmd.build import get_parser

ROOT = Path(__file__).parents[1]


def make_docs_command() -> list[str]:
    """The Sphinx command `make docs` runs, as make prints it (without installing anything)."""
    printed = subprocess.run(
        ["make", "--dry-run", "--old-file=.venv/.installed-docs", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commands = [shlex.split(line) for line in printed.splitlines() if "sphinx-build" in line]
    assert len(commands) == 1, printed
    return commands[0]


def sphinx_arguments(command: list[str]) -> argparse.Namespace:
    """``command`` (``sphinx-build ...`` or ``python -m sphinx ...``) as Sphinx reads it."""
    program = 3 if command[1:3] == ["-m", "sphinx"] else 1
    return get_parser().parse_args(command[program:])


def _inside(path: str, folder: str) -> bool:
    return PurePosixPath(folder) in (PurePosixPath(path), *PurePosixPath(path).parents)


def _doctrees_outside(arguments: argparse.Namespace) -> bool:
    return arguments.doctreedir is not None and not _inside(arguments.doctreedir, arguments.outputdir)


def test_make_docs_writes_the_doctrees_beside_the_site() -> None:
    arguments = sphinx_arguments(make_docs_command())
    assert arguments.outputdir == "_build/html"
    assert _doctrees_outside(arguments), arguments.doctreedir


def test_the_pages_workflow_publishes_only_what_make_docs_writes_as_the_site() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "docs.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    assert [step["run"] for step in steps if "run" in step] == ["make docs"]
    uploads = [step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert [step["with"]["path"] for step in uploads] == [sphinx_arguments(make_docs_command()).outputdir]


def test_read_the_docs_writes_the_doctrees_outside_what_it_publishes() -> None:
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    builds = [shlex.split(line) for line in config["build"]["commands"] if " sphinx " in line]
    assert len(builds) == 1
    # Read the Docs publishes $READTHEDOCS_OUTPUT/html, which it places inside the checkout.
    command = [part.replace("$READTHEDOCS_OUTPUT", "_readthedocs") for part in builds[0]]
    arguments = sphinx_arguments(command)
    assert arguments.outputdir == "_readthedocs/html"
    assert _doctrees_outside(arguments), arguments.doctreedir
    assert not _inside(arguments.doctreedir, "_readthedocs")


def test_a_doctree_folder_inside_the_output_counts_as_published() -> None:
    # The check above would pass vacuously if _inside never matched.
    assert not _doctrees_outside(sphinx_arguments(["sphinx-build", "docs", "_build/html"]))
    assert not _doctrees_outside(
        sphinx_arguments(["sphinx-build", "-d", "_build/html/.doctrees", "docs", "_build/html"])
    )
    beside = ["sphinx-build", "-d", "_build/doctrees", "docs", "_build/html"]
    assert _doctrees_outside(sphinx_arguments(beside))
