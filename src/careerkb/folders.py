"""Where the data lives: the folder shipped with careerkb and the data files in a folder.

Standard library only: the look-up commands find their snapshot (:mod:`careerkb.snapshot`) from
these without importing the loader and the models.
"""

from __future__ import annotations

from pathlib import Path

DATA_SUFFIXES = (".yaml", ".yml", ".json")


def default_data_dir() -> Path:
    """The data shipped with careerkb: inside the installed package, or the checkout's ``data/``."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def data_files(data_dir: Path) -> list[Path]:
    """The data files below ``data_dir`` in a stable order; hidden files and folders are skipped."""
    return sorted(
        path
        for path in data_dir.rglob("*")
        if path.suffix in DATA_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(data_dir).parts)
    )
