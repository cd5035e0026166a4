"""The command line under hostile input: what it prints from data cannot steer the terminal, and
output paths it cannot write end in one line and a usage status, never a traceback or half a file."""

from __future__ import annotations

from pathlib import Path

import pytest

import careerkb
import careerkb.cli
from careerkb.files import write_atomically
from careerkb.knowledge import KnowledgeBase
from tests.conftest import RunCli

RED = "\x1b[31mRed\x1b[0m"
TITLE = "\x1b]0;pwned\x07"  # an OSC sequence: sets the terminal window's title
REVERSED = "\u202eelor"


def _hostile_knowledge_base(data_dir: Path) -> KnowledgeBase:
    """The minimal data with escape sequences in names and text, as no data file may hold them."""
    kb = careerkb.load(data_dir)
    entries = {name: list(found) for name, found in kb.entries.items()}
    changes = {
        "roles": {"title": f"Builder {RED}", "summary": f"Builds {TITLE} things {REVERSED}."},
        "glossary": {"definition": f"Fetching documents {RED} for a model {TITLE}."},
    }
    for collection, update in changes.items():
        entries[collection] = [
            (record.model_copy(update=update), origin) for record, origin in entries[collection]
        ]
    return KnowledgeBase.build(entries)


@pytest.mark.parametrize(
    "args",
    [
        ("role", "builder"),
        ("roles",),
        ("term", "rag"),
        ("compare", "builder", "user"),
        ("role", "--json", "builder"),
    ],
)
def test_control_characters_from_the_data_are_printed_escaped(
    args: tuple[str, ...], data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    kb = _hostile_knowledge_base(data_dir)
    monkeypatch.setattr(careerkb.cli, "_load", lambda _args: kb)
    # No cache, so no snapshot: the look-ups must print this knowledge base, not replay the
    # shipped data's answers, nor record these into the shipped data's snapshot.
    monkeypatch.setenv("CAREERKB_CACHE_DIR", "off")
    monkeypatch.setenv("COLUMNS", "200")  # so that no table cell wraps inside an escape
    assert careerkb.cli.main(list(args)) == 0
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in out
    if "--json" in args:
        assert "\\u001b[31mRed" in out
        assert "\\u202eelor" in out
    elif args[0] == "term":
        assert "\\x1b[31mRed\\x1b[0m" in out
        assert "\\x1b]0;pwned\\x07" in out
    else:
        assert "\\x1b[31mRed\\x1b[0m" in out


def test_a_query_with_escape_sequences_is_echoed_escaped(run_cli: RunCli, data_dir: Path) -> None:
    result = run_cli("term", TITLE + REVERSED, "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 1
    assert result.stderr == "careerkb: no term named '\\x1b]0;pwned\\x07\\u202eelor'\n"


def test_validate_prints_no_escape_sequence_from_a_data_file(run_cli: RunCli, data_dir: Path) -> None:
    (data_dir / "extra.yaml").write_text('roles:\n  - "\\e[2J\\e]0;pwned\\a": x\n', encoding="utf-8")
    result = run_cli("validate", "--data", "data", cwd=data_dir.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "data/extra.yaml:2: roles[0]: a key holds the invisible or control character U+001B ESCAPE at "
        "position 1; delete it or write what it stands for"
    )
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr


# --- output paths ---------------------------------------------------------------------------------


def test_export_to_a_folder_is_a_usage_error(run_cli: RunCli, data_dir: Path) -> None:
    folder = data_dir.parent / "out"
    folder.mkdir()
    result = run_cli("export", "--data", "data", "--output", "out", cwd=data_dir.parent)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "careerkb: cannot write out: it is a folder\n"
    assert list(folder.iterdir()) == []


def test_export_into_a_missing_folder_is_a_usage_error(run_cli: RunCli, data_dir: Path) -> None:
    result = run_cli("export", "--data", "data", "--output", "missing/careerkb.json", cwd=data_dir.parent)
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr == "careerkb: cannot write missing/careerkb.json: the folder missing does not exist\n"
    )
    assert not (data_dir.parent / "missing").exists()


def test_schemas_into_a_file_is_a_usage_error(run_cli: RunCli, data_dir: Path) -> None:
    taken = data_dir.parent / "notes.txt"
    taken.write_text("mine\n", encoding="utf-8")
    for extra in ((), ("--check",)):
        result = run_cli("schemas", "--output", "notes.txt", *extra, cwd=data_dir.parent)
        assert (result.returncode, result.stdout) == (2, "")
        assert (
            result.stderr == "careerkb: cannot write the schemas into notes.txt: it is a file, not a folder\n"
        )
    assert taken.read_text(encoding="utf-8") == "mine\n"


def test_export_replaces_a_file_whole(run_cli: RunCli, data_dir: Path) -> None:
    target = data_dir.parent / "careerkb.json"
    target.write_text("old\n", encoding="utf-8")
    result = run_cli("export", "--data", "data", "--output", "careerkb.json", cwd=data_dir.parent)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith('{\n  "schema_version": 2')
    assert sorted(path.name for path in data_dir.parent.iterdir()) == ["careerkb.json", "data"]


def test_a_write_that_fails_leaves_the_old_file_and_no_partial_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "careerkb.json"
    target.write_text("old\n", encoding="utf-8")

    def fail(self: Path, other: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["careerkb.json"]
