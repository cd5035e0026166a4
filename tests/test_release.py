"""The release as a user receives it: the sdist and wheel built from a clean copy of the
repository, and the wheel installed into a fresh virtual environment and used from a folder
outside the repository, by the command line and by another project's Sphinx build.

Everything slow (building, creating the environment, installing, the Sphinx build) happens once,
in the module-scoped ``release`` fixture; the tests only read what it recorded.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pytest

from tests.test_outside_project import write_outside_project

REPO = Path(__file__).resolve().parent.parent

# Path parts that must never reach a distribution.
NEVER_SHIPPED = {"_build", ".venv", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache"}

# Prints what the installed package says about itself, as JSON, from inside the fresh environment.
INTROSPECT = """\
import json, importlib.metadata, careerkb
print(json.dumps({
    "metadata_version": importlib.metadata.version("careerkb"),
    "dunder_version": careerkb.__version__,
    "module_file": careerkb.__file__,
    "data_dir": str(careerkb.default_data_dir()),
}))
"""


@dataclass
class Release:
    wheel: Path
    sdist: Path
    venv_python: Path
    outside: Path
    shipped_files: list[str]
    """The repository's files, as ``git ls-files`` lists them (tracked, and new but not ignored)."""
    introspection: dict[str, str]
    runs: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def wheel_names(self) -> list[str]:
        with zipfile.ZipFile(self.wheel) as archive:
            return archive.namelist()

    def sdist_names(self) -> list[str]:
        """The sdist's members, without the leading ``careerkb-<version>/`` folder."""
        with tarfile.open(self.sdist) as archive:
            return [str(PurePosixPath(*PurePosixPath(m.name).parts[1:])) for m in archive.getmembers()]


def _git_files() -> list[str]:
    """Files git would commit from the working tree: tracked ones still present, and new files
    that are not ignored (so a release file not yet committed is included, build output never)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return sorted({name for name in listed.split("\0") if name and (REPO / name).is_file()})


def _run(
    args: list[str | Path], cwd: Path, env: dict[str, str], timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _require(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        pytest.fail(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout of careerkb to know which files belong in a release")
    if importlib.util.find_spec("build") is None:
        pytest.skip("needs the 'build' package: install the test extra (pip install -e '.[test]')")

    root = tmp_path_factory.mktemp("release")
    timings: dict[str, float] = {}
    # Nothing of this repository or its environment may leak into the user's side.
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"

    # 1. A clean copy of the repository, then the sdist and wheel built from it.
    started = time.perf_counter()
    files = _git_files()
    source = root / "source"
    for name in files:
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    dist = root / "dist"
    built = _run([sys.executable, "-m", "build", "--outdir", dist, source], cwd=root, env=env)
    _require(built, "python -m build")
    (wheel,) = dist.glob("careerkb-*.whl")
    (sdist,) = dist.glob("careerkb-*.tar.gz")
    timings["build"] = time.perf_counter() - started

    # 2. A fresh virtual environment with the wheel and its docs extra, at the tested versions.
    started = time.perf_counter()
    venv = root / "venv"
    _require(_run([sys.executable, "-m", "venv", venv], cwd=root, env=env), "python -m venv")
    python = venv / "bin" / "python"
    installed = _run(
        [python, "-m", "pip", "install", "-q", "-c", REPO / "constraints.txt", f"{wheel}[docs]"],
        cwd=root,
        env=env,
        timeout=600,
    )
    _require(installed, "pip install of the wheel")
    timings["install"] = time.perf_counter() - started

    # 3. Use it from a folder outside the repository.
    started = time.perf_counter()
    outside = root / "elsewhere"
    outside.mkdir()
    venv_env = {**env, "VIRTUAL_ENV": str(venv), "PATH": f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"}
    venv_env["COLUMNS"] = "200"
    cli = venv / "bin" / "careerkb"
    introspected = _run([python, "-c", INTROSPECT], cwd=outside, env=venv_env)
    _require(introspected, "importing careerkb in the fresh environment")
    runs = {
        "version": _run([cli, "--version"], cwd=outside, env=venv_env),
        "validate": _run([cli, "validate"], cwd=outside, env=venv_env),
        "term": _run([cli, "term", "rag", "--json"], cwd=outside, env=venv_env),
    }

    project = write_outside_project(outside)
    runs["sphinx"] = _run(
        [python, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-q", ".", "_build"],
        cwd=project,
        env=venv_env,
    )
    timings["use"] = time.perf_counter() - started

    return Release(
        wheel=wheel,
        sdist=sdist,
        venv_python=python,
        outside=outside,
        shipped_files=files,
        introspection=json.loads(introspected.stdout),
        runs=runs,
        timings=timings,
    )


# The distributions


def test_the_wheel_holds_the_package_its_data_and_its_static_files(release: Release) -> None:
    names = set(release.wheel_names())
    assert {"careerkb/__init__.py", "careerkb/py.typed", "careerkb/cli.py"} <= names
    assert {"careerkb/sphinxext/__init__.py", "careerkb/sphinxext/directives/__init__.py"} <= names

    data = {name for name in release.shipped_files if name.startswith("data/")}
    assert data, "git lists no data files"
    in_wheel = {name.removeprefix("careerkb/") for name in names if name.startswith("careerkb/data/")}
    assert in_wheel == data

    static = {
        f"careerkb/{name.removeprefix('src/careerkb/')}"
        for name in release.shipped_files
        if name.startswith("src/careerkb/sphinxext/static/") and name.endswith((".css", ".js"))
    }
    assert {"careerkb/sphinxext/static/careerkb.css", "careerkb/sphinxext/static/careerkb.js"} <= static
    assert static <= names


def test_the_wheel_holds_nothing_else(release: Release) -> None:
    for name in release.wheel_names():
        parts = PurePosixPath(name).parts
        assert parts[0] == "careerkb" or parts[0].endswith(".dist-info"), name
        assert not NEVER_SHIPPED & set(parts), name
        assert "tests" not in parts, name
        assert "docs" not in parts, name
        assert not name.endswith((".pyc", ".pyo")), name


def test_the_sdist_holds_the_sources_docs_tests_and_project_files(release: Release) -> None:
    names = set(release.sdist_names())
    folders = {PurePosixPath(name).parts[0] for name in names if "/" in name}
    assert {"src", "data", "docs", "tests", "schemas"} <= folders
    assert {"README.md", "LICENSE", "pyproject.toml"} <= names
    assert "CHANGELOG.md" in names, "list CHANGELOG.md in [tool.hatch.build.targets.sdist] include"
    # Every data file and every test fixture made it, not just the folders.
    assert {n for n in release.shipped_files if n.startswith(("data/", "tests/fixtures/"))} <= names


def test_the_sdist_holds_no_build_output(release: Release) -> None:
    for name in release.sdist_names():
        parts = set(PurePosixPath(name).parts)
        assert not NEVER_SHIPPED & parts, name
        assert not {"dist", "test-artifacts", ".hypothesis"} & parts, name
        assert not name.endswith((".pyc", ".pyo")), name


# The installed wheel, used from outside the repository


def test_the_installed_package_is_the_wheel_not_the_repository(release: Release) -> None:
    module = Path(release.introspection["module_file"])
    assert module.is_relative_to(release.venv_python.parent.parent)
    assert not module.is_relative_to(REPO)
    assert Path(release.introspection["data_dir"]).is_relative_to(module.parent)


def test_version_agrees_everywhere(release: Release) -> None:
    result = release.runs["version"]
    assert result.returncode == 0, result.stderr
    metadata_version = release.introspection["metadata_version"]
    assert result.stdout.strip() == f"careerkb {metadata_version}"
    assert release.introspection["dunder_version"] == metadata_version
    assert release.wheel.name.startswith(f"careerkb-{metadata_version}-")
    assert release.sdist.name == f"careerkb-{metadata_version}.tar.gz"


def test_validate_passes_on_the_shipped_data(release: Release) -> None:
    result = release.runs["validate"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout
    data_files = [n for n in release.shipped_files if n.startswith("data/") and n.endswith(".yaml")]
    assert f"in {len(data_files)} files" in result.stdout


def test_term_lookup_returns_json(release: Release) -> None:
    result = release.runs["term"]
    assert result.returncode == 0, result.stderr
    (term,) = json.loads(result.stdout)
    assert term["abbreviation"] == "RAG"
    assert term["term"] == "Retrieval-Augmented Generation"


def test_an_outside_sphinx_project_builds_with_the_installed_extension(release: Release) -> None:
    result = release.runs["sphinx"]
    assert result.returncode == 0, result.stdout + result.stderr
    out = release.outside / "their-docs" / "_build"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "$90K–$135K" in index
    assert 'href="builder.html#role-builder"' in index
    assert "Machine Learning Engineer" not in index
    assert (out / "_static" / "careerkb.css").is_file()
    assert (out / "_static" / "careerkb.js").is_file()
