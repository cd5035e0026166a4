from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# The test projects are built by Sphinx, not collected by pytest (their conf.py files share a name).
collect_ignore = ["roots"]

# Sphinx's own test fixtures (app, make_app), building the projects under tests/roots.
pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the minimal valid data set, as ``data/`` in the working directory."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", target)
    monkeypatch.chdir(tmp_path)
    return target


RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli() -> RunCli:
    """Run the installed ``careerkb`` entry point, as a user would."""
    executable = Path(sys.executable).parent / "careerkb"
    if not executable.exists():
        pytest.fail(f"the careerkb entry point is not installed next to {sys.executable}")

    # A wide terminal, so table cells do not wrap in the middle of the phrases tests look for.
    env = {**os.environ, "COLUMNS": "200"}

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(executable), *args],
            capture_output=True,
            text=True,
            cwd=cwd,
            env=env,
            timeout=60,
            check=False,
        )

    return run


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in ``path`` with ``new``, as a contributor's edit; ``old`` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write_project(folder: Path, page: str, conf: str = "") -> Path:
    """A one-page Sphinx project using careerkb, for tests that need their own page or data."""
    (folder / "conf.py").write_text(f'extensions = ["myst_parser", "careerkb.sphinxext"]\n{conf}')
    (folder / "index.md").write_text(page)
    return folder


def minimal_data_with(folder: Path, added: str, name: str = "added.yaml") -> Path:
    """A copy of the minimal data in ``folder`` with one more data file, holding ``added``."""
    shutil.copytree(FIXTURES / "minimal", folder)
    (folder / name).write_text(added, encoding="utf-8")
    return folder


def directives_project(folder: Path, conf: str = "", root: str = "directives") -> Path:
    """A writable copy of tests/roots/test-<root> reading the minimal data, with ``conf`` added."""
    shutil.copytree(Path(__file__).parent / "roots" / f"test-{root}", folder)
    shutil.copytree(FIXTURES / "minimal", folder / "data")
    with (folder / "conf.py").open("a", encoding="utf-8") as config:
        config.write(f'careerkb_data_dir = "data"\n{conf}')
    return folder


def build(make_app: Any, srcdir: Path, buildername: str = "html", **kwargs: Any) -> Any:
    """Build ``srcdir`` with a fresh app and release it, so a later build of the same project is
    incremental, as a contributor's next ``make docs`` is."""
    app = make_app(buildername, srcdir=srcdir, **kwargs)
    app.build()
    app.cleanup()
    return app


def warnings_of(app: Any) -> list[str]:
    """The warnings a test build printed, one a line, without terminal colours."""
    from sphinx.util.console import strip_escape_sequences

    return strip_escape_sequences(app.warning.getvalue()).splitlines()


def html_pages(folder: Path) -> dict[str, bytes]:
    """Every page, plus what the extension writes when the build finishes (previews, JSON API)."""
    written = [
        *folder.rglob("*.html"),
        *folder.glob("_static/careerkb-previews-data.js"),
        *folder.glob("api/v1/*"),
    ]
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(written)}


def output_tree(folder: Path) -> dict[str, bytes]:
    """Every file of a build's output but Sphinx's records of the build itself (see NOT_SERVED)."""
    from benchmarks.build import output_files

    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in output_files(folder)}


def clean_build_of(make_app: Any, project: Path, target: Path, **kwargs: Any) -> Path:
    """The output of a clean build of a copy of ``project``: what an incremental build must equal."""
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("_build"))
    return Path(build(make_app, target, **kwargs).outdir)


def pages_read(app: Any) -> set[str]:
    """The pages a build read, from its status output."""
    return _pages_in_status(app, "reading sources")


def pages_written(app: Any) -> set[str]:
    """The pages a build wrote, from its status output."""
    return _pages_in_status(app, "writing output")


def _pages_in_status(app: Any, phase: str) -> set[str]:
    from sphinx.util.console import strip_escape_sequences

    status = strip_escape_sequences(app.status.getvalue())
    return set(re.findall(rf"{phase}\.\.\. \[\s*\d+%\] (\S+)", status))
