"""Checks for the pre-commit hooks in .pre-commit-config.yaml, with nothing to download.

    python scripts/check_text_files.py FILE...          fix trailing whitespace and file endings
    python scripts/check_text_files.py --yaml FILE...   check that each YAML file parses

Either way, the exit status is 1 when a file had a problem (and, without ``--yaml``, was fixed),
so the commit stops and the fixed files can be reviewed and added again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def fix_whitespace(path: Path) -> str | None:
    """Strip trailing whitespace and end the file with exactly one newline; say what changed."""
    raw = path.read_bytes()
    if b"\0" in raw:
        return None  # binary
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = text.splitlines(keepends=True)
    stripped = [line.rstrip() + ("\r\n" if line.endswith("\r\n") else "\n") for line in lines]
    fixed = "".join(stripped).rstrip("\r\n")
    fixed = fixed + ("\r\n" if text.endswith("\r\n") else "\n") if fixed else ""
    if fixed == text:
        return None
    path.write_text(fixed, encoding="utf-8", newline="")
    whitespace = any(line.rstrip("\r\n") != line.rstrip() for line in lines)
    return "trailing whitespace" if whitespace else "file ending"


def check_yaml(path: Path) -> str | None:
    """The parser's message when the file is not valid YAML."""
    import yaml

    try:
        with path.open(encoding="utf-8") as stream:
            for _document in yaml.safe_load_all(stream):
                pass
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return " ".join(str(error).split())
    return None


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--yaml", action="store_true", help="check that each file parses as YAML")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    check = check_yaml if args.yaml else fix_whitespace
    status = 0
    for path in args.files:
        problem = check(path)
        if problem:
            verb = "is not valid YAML" if args.yaml else "fixed"
            print(f"{path}: {verb}: {problem}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
