"""Where the data lives: the folder shipped with careerkb and the data files in a folder.

Only the standard library and :mod:`careerkb.problems`: the look-up commands find their snapshot
(:mod:`careerkb.snapshot`) from these without importing the loader and the models.
"""

from __future__ import annotations

import os
from pathlib import Path

# Not typing.TYPE_CHECKING, and Problem only when a stray file is found: careerkb.problems
# imports dataclasses, a fifth of the look-ups' cold start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from careerkb.problems import Problem

DATA_SUFFIXES = (".yaml", ".yml", ".json")


def default_data_dir() -> Path:
    """The data shipped with careerkb: inside the installed package, or the checkout's ``data/``."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def data_files(data_dir: Path) -> list[Path]:
    """The data files below ``data_dir`` in a stable order; hidden files and folders are skipped."""
    return scan(data_dir)[0]


def scan(data_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The data files below ``data_dir``, and a problem for every other file there.

    Every file is either read or reported, so a misnamed one cannot pass as valid without being
    read. Links are followed only to files inside the folder: nothing outside it is read.
    """
    root = data_dir.resolve()
    files: list[Path] = []
    problems: list[Problem] = []
    for folder, subfolders, names in os.walk(data_dir):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        here = Path(folder)
        for name in sorted(subfolders):
            if (here / name).is_symlink():
                problems.append(_problem(here / name, "a link to a folder; careerkb does not follow it"))
        for name in sorted(names):
            if name.startswith("."):
                continue
            problem = _not_a_data_file(here / name, root)
            if problem is None:
                files.append(here / name)
            else:
                problems.append(_problem(here / name, problem))
    return _each_file_once(files), problems


def _problem(path: Path, message: str) -> Problem:
    from careerkb.problems import Problem

    return Problem.at(path, 1, (), message)


def _each_file_once(files: list[Path]) -> list[Path]:
    """The files in order, a link to a file that is read anyway left out."""
    plain = {path.resolve() for path in files if not path.is_symlink()}
    return sorted(path for path in files if not (path.is_symlink() and path.resolve() in plain))


def _not_a_data_file(path: Path, root: Path) -> str | None:
    """Why ``path`` is not read as data, or None when it is a data file."""
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            return "a link to a file outside the data folder; careerkb reads only the files inside it"
    if not path.is_file():
        return "not a regular file"
    if path.suffix in DATA_SUFFIXES:
        return None
    if path.suffix.lower() in DATA_SUFFIXES:
        return f"not read: data file names end in lower case; rename it {path.stem + path.suffix.lower()!r}"
    return f"not a data file: careerkb reads {', '.join(DATA_SUFFIXES)} files; move it out of the data folder"
