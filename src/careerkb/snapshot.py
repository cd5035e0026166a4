"""What the look-up commands print, kept so that they answer without loading the data.

``careerkb role``, ``term``, ``roles``, ``compare``, ``tiers`` and ``occupation`` spend most of a
cold start importing pydantic and the models to unpickle the cached knowledge base
(:mod:`careerkb.cache`). Once a look-up has loaded the data, it records what the look-ups print,
plain and ``--json``, and the names each record answers to: every term, role, tier, occupation
and list at once, and each comparison of two roles when it is first asked (there are too many
pairs to draw up front). The next look-up reads that snapshot, :mod:`marshal` files in a folder
beside the cached knowledge base named by the same key (any edit of the data or of careerkb's
code misses it), and prints the answer with the standard library alone.

What is kept is what the command *did*, not the bytes it wrote, so the answer still fits the
terminal it is printed on: each wrapped line is wrapped again by the command's own ``_say``, and
each table is kept as its cells and as rich drew it. A drawn table is used only where rich would
see the same terminal (the same sizes, the same settings); elsewhere rich draws it again from the
cells, which needs rich but still not the models. Anything the snapshot does not hold (a partial
term, a misspelt role, an error) is answered by the command as before.

Standard library only at import: the fast path must not pay for what it avoids.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path

from careerkb import cache
from careerkb.folders import data_files, default_data_dir
from careerkb.names import normalize

TYPE_CHECKING = False  # not typing's, whose import costs more than the rest of the fast path
if TYPE_CHECKING:
    import argparse
    import types
    from collections.abc import Callable, Sequence
    from typing import Any, TypeAlias

    from careerkb.knowledge import KnowledgeBase, NameIndex

    #: What a look-up was asked: argparse's reading of it, or :func:`plain_arguments`.
    Arguments: TypeAlias = argparse.Namespace | types.SimpleNamespace
    Event: TypeAlias = tuple[Any, ...]
    """``("raw", text)``, ``("say", text, bold, hang)`` or ``("table", cells, {terminal: drawn})``."""

#: Each look-up's positional arguments, by the names the command line gives them.
_POSITIONALS = {
    "term": ("query",),
    "role": ("id",),
    "occupation": ("key",),
    "compare": ("first", "second"),
    "tiers": (),
    "roles": (),
}
#: The commands answered from the snapshot.
COMMANDS = frozenset(_POSITIONALS)
#: Bump when what is kept changes shape.
FORMAT = 1
#: Everything rich reads from the environment to decide how to draw a table.
_RICH_SETTINGS = (
    "COLUMNS",
    "LINES",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "TERM",
    "COLORTERM",
    "DATABRICKS_RUNTIME_VERSION",
)
# The code the printed answers depend on beyond the top-level modules the cache key covers.
_VIEWS = Path(__file__).parent / "views"


# --- answering ------------------------------------------------------------------------------


def plain_arguments(argv: Sequence[str]) -> Arguments | None:
    """``argv`` read as the command's parser would read it, when it is a look-up written plainly:
    its positional arguments, ``--json``, ``--data DIR``, and ``--tier TIER`` for ``roles``.
    None for anything else (``--help``, ``--data=DIR``, an abbreviated option, a mistake), which
    the parser then reads. Building that parser imports argparse, gettext, locale and shutil: a
    quarter of what a look-up answered from the snapshot costs."""
    if not argv or argv[0] not in _POSITIONALS:
        return None
    command, rest = argv[0], list(argv[1:])
    values: dict[str, Any] = {"command": command, "data": None, "json": False}
    # The options that take a value, each with what the parser makes of it.
    with_values: dict[str, Callable[[str], Any]] = {"--data": Path}
    if command == "roles":
        values["tier"] = None
        with_values["--tier"] = str
    positionals = []
    while rest:
        word = rest.pop(0)
        if word == "--json":
            values["json"] = True
        elif word in with_values and rest and not rest[0].startswith("-"):
            values[word.removeprefix("--")] = with_values[word](rest.pop(0))
        elif word.startswith("-"):
            return None
        else:
            positionals.append(word)
    names = _POSITIONALS[command]
    if len(positionals) != len(names):
        return None
    values.update(zip(names, positionals, strict=True))
    import types  # loaded already, as the interpreter starts; argparse is not

    return types.SimpleNamespace(**values)


def replay(args: Arguments) -> bool:
    """Print the answer to ``args`` from the snapshot; False when it holds none."""
    folder = _folder(args)
    if folder is None:
        return False
    try:
        names = marshal.loads((folder / "names").read_bytes())
        events = marshal.loads((folder / _file_name(_question(args, names))).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):  # not recorded, or not yet
        return False
    try:
        _play(events)
    except BrokenPipeError:  # e.g. `careerkb roles | head`: quietly, as the command itself
        return True
    return True


def _question(args: Arguments, names: dict[str, dict[str, str]]) -> tuple[Any, ...] | None:
    """The key of the answer to ``args``: the command, the records it names, and --json."""

    def named(kind: str, name: str) -> str | None:
        return names[kind].get(normalize(name))

    match args.command:
        case "term":
            return ("term", named("term", args.query), args.json)
        case "role":
            return ("role", named("role", args.id), args.json)
        case "occupation":
            return ("occupation", named("occupation", args.key), args.json)
        case "tiers":
            return ("tiers", args.json)
        case "roles":
            tier = named("tier", args.tier) if args.tier else ""
            return ("roles", tier, args.json)
        case "compare":
            first, second = named("role", args.first), named("role", args.second)
            return ("compare", first, second, args.json) if first != second else None
    return None


def _file_name(question: tuple[Any, ...] | None) -> str:
    if question is None or None in question:
        raise ValueError("the snapshot holds no answer to this question")
    return cache.digest(repr(question), size=12)


def _play(events: Sequence[Event]) -> None:
    from careerkb import cli  # standard library only at import, as this module

    for event in events:
        match event:
            case ("raw", text):
                sys.stdout.write(text)
            case ("say", text, bold, hang):
                cli._say(text, bold=bold, hang=hang)
            case ("table", cells, drawn):
                known = drawn.get(_terminal())
                if known is None:
                    cli._print_table(*cells[:3], no_wrap=cells[3], show_lines=cells[4])
                else:
                    sys.stdout.write(known)


def _terminal() -> tuple[Any, ...]:
    """What rich sees of the terminal: its settings, and which streams are terminals of what size."""

    def size(descriptor: int) -> tuple[int, int] | None:
        try:
            return tuple(os.get_terminal_size(descriptor))  # type: ignore[return-value]
        except (OSError, ValueError):
            return None

    streams = tuple((os.isatty(fd), size(fd)) for fd in (0, 1, 2))
    settings = tuple(os.environ.get(name) for name in _RICH_SETTINGS)
    return (settings, streams, sys.stdout.isatty(), sys.stdout.encoding)


# --- the folder -----------------------------------------------------------------------------


def _folder(args: Arguments) -> Path | None:
    """The snapshot's folder for the data ``args`` names, as the data and the code are now."""
    if args.command not in COMMANDS:
        return None
    data = args.data if args.data is not None else default_data_dir()
    entry = cache.entry(data)
    if entry is None or not data.is_dir():
        return None
    key = cache.key(data, [*sorted(_VIEWS.glob("*.py")), *data_files(data)])
    if key is None:
        return None
    stamp = cache.digest(f"{key} {FORMAT} {_libraries()}", size=10)
    return entry.with_name(f"{entry.stem}.snapshot") / stamp


def _libraries() -> str:
    """Where rich and pydantic live and when they were installed: an upgrade misses the snapshot.

    Found by looking along the import path, as importing them (or importlib.util) would cost
    what the snapshot saves.
    """
    stamps = []
    for name in ("rich", "pydantic"):
        for place in sys.path:
            try:
                stamps.append(f"{place}/{name} {Path(place, name, '__init__.py').stat().st_mtime_ns}")
                break
            except OSError:
                continue
    return " ".join(stamps)


def refresh(args: argparse.Namespace, status: int) -> None:
    """After a look-up the snapshot could not answer: record the snapshot if it is missing or
    stale, and this look-up's answer if the snapshot does not hold it (a comparison)."""
    folder = _folder(args)
    if folder is None or status != 0:
        return
    from careerkb.loader import load

    kb = load(args.data)
    try:
        if not (folder / "names").exists():
            _write_snapshot(folder, kb)
        names = marshal.loads((folder / "names").read_bytes())
        name = _file_name(_question(args, names))
        if not (folder / name).exists():
            with _Recording(kb) as recording:
                _write_aside(folder / name, marshal.dumps(recording.ask(args)))
    except (OSError, ValueError):  # a snapshot only ever saves time
        return


def _write_snapshot(folder: Path, kb: KnowledgeBase) -> None:
    """Record the snapshot into a folder of its own, then move it into place whole."""
    names, answers = record(kb)
    aside = folder.with_name(f".{folder.name}.{os.getpid()}.part")
    aside.mkdir(parents=True, exist_ok=True)
    (aside / "names").write_bytes(marshal.dumps(names))
    for question, events in answers.items():
        (aside / _file_name(question)).write_bytes(marshal.dumps(events))
    import shutil

    for stale in folder.parent.iterdir():  # the snapshots of this data folder as it was before
        if stale.name != aside.name:
            shutil.rmtree(stale, ignore_errors=True)
    try:
        aside.rename(folder)
    except OSError:  # another command put the same snapshot in place first
        shutil.rmtree(aside, ignore_errors=True)


def _write_aside(path: Path, content: bytes) -> None:
    aside = path.with_name(f".{path.name}.{os.getpid()}.part")
    aside.write_bytes(content)
    aside.replace(path)  # a reader never sees half a file


# --- recording ------------------------------------------------------------------------------


def record(kb: KnowledgeBase) -> tuple[dict[str, dict[str, str]], dict[tuple[Any, ...], list[Event]]]:
    """The names each record answers to, and every answer about a single record or a list
    (comparisons are recorded when asked)."""
    indexes: dict[str, NameIndex[Any]] = {
        "term": kb.terms_index,
        "role": kb.roles_index,
        "tier": kb.tiers_index,
        "occupation": kb.occupations_index,
    }
    names = {
        kind: {key: str(found[0].id) for key, found in index.by_name.items()}
        for kind, index in indexes.items()
    }
    # One name each record answers to: asked by it, the command finds that very record.
    spoken = {kind: {record: key for key, record in reversed(found.items())} for kind, found in names.items()}
    asked = [["tiers"], ["roles"]]
    asked += [["roles", "--tier", name] for name in spoken["tier"].values()]
    asked += [[kind, name] for kind in ("term", "role", "occupation") for name in spoken[kind].values()]
    from careerkb.cli import _parser

    parser = _parser()
    answers = {}
    with _Recording(kb) as recording:
        for argv in asked:
            for as_json in (False, True):
                args = parser.parse_args([*argv, *(["--json"] if as_json else [])])
                question = _question(args, names)
                assert question is not None
                answers[question] = recording.ask(args)
    return names, answers


class _Recording:
    """Runs commands on ``kb`` and returns what each printed, as events (:meth:`ask`).

    While it is entered, the command's three ways of printing (``_say``, ``_print_table`` and
    plain writes to standard output) are swapped for recorders, and ``_load`` hands it ``kb``.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        from careerkb import cli

        self.cli = cli
        self.events: list[Event] = []
        self.terminal = sys.stdout
        self.print_table = cli._print_table
        self.swapped = {"_say": self.say, "_print_table": self.table, "_load": lambda args: kb}
        self.kept = {name: getattr(cli, name) for name in self.swapped}

    def __enter__(self) -> _Recording:
        for name, replacement in self.swapped.items():
            setattr(self.cli, name, replacement)
        return self

    def __exit__(self, *exception: object) -> None:
        for name, original in self.kept.items():
            setattr(self.cli, name, original)

    def ask(self, args: argparse.Namespace) -> list[Event]:
        import contextlib

        self.events = []
        with contextlib.redirect_stdout(_Writes(self.events)):
            args.handler(args)
        return self.events

    def say(self, text: str, *, bold: bool = False, hang: str = "") -> None:
        self.events.append(("say", text, bold, hang))

    def table(
        self,
        title: str | None,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        no_wrap: Sequence[str] = (),
        show_lines: bool = False,
    ) -> None:
        import contextlib

        cells = (title, list(headers), [list(row) for row in rows], list(no_wrap), show_lines)
        # Drawn for the terminal this process writes to, as the command would draw it there.
        with contextlib.redirect_stdout(self.terminal):
            console = self.cli._console()
            with console.capture() as drawn:
                self.print_table(*cells[:3], no_wrap=cells[3], show_lines=cells[4], console=console)
            self.events.append(("table", cells, {_terminal(): drawn.get()}))


class _Writes:
    """Standard output while a command is recorded: what it writes, as ``raw`` events."""

    def __init__(self, events: list[Event]) -> None:
        self.events = events

    def write(self, text: str) -> int:
        if self.events and self.events[-1][0] == "raw":
            self.events[-1] = ("raw", self.events[-1][1] + text)
        else:
            self.events.append(("raw", text))
        return len(text)

    def flush(self) -> None:
        pass
