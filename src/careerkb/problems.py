"""How the data layer reports what is wrong: located problems, collected rather than raised one
at a time, so a contributor sees every mistake in one run."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

FieldPath = tuple[str | int, ...]


def format_field(path: FieldPath) -> str:
    """Render a field path the way a person reads it.

    >>> format_field(("salary_bands", 3, "low"))
    'salary_bands[3].low'
    >>> format_field(())
    'file'
    """
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "file"


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it, so editors can open it."""
    try:
        # The folder resolved, not the file: a link is reported under its own name.
        relative = (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve())
    except ValueError:
        return str(path)
    return relative.as_posix() if relative.parts else path.name


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the data, with the file, line and field it sits at."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"

    @classmethod
    def at(cls, file: Path, line: int, field: FieldPath, message: str) -> Problem:
        return cls(display_path(file), line, format_field(field), message)


class DataError(Exception):
    """The data could not be loaded; ``problems`` lists every reason, in file and line order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in the careerkb data"
        super().__init__(os.linesep.join([summary, *map(str, self.problems)]))
