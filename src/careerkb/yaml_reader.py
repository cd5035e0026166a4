"""Reading hand-edited YAML safely, keeping the line of every key.

PyYAML's loaders keep the last of two duplicate keys without a word, forget where each value
came from and read YAML 1.1 (where ``no`` is false and ``1:20`` is eighty); libyaml's composer
recurses once per level of nesting, so a file nested 100,000 deep kills the process. Here
libyaml only *parses* (its parser keeps its own stack, it never recurses) and the small builder
below turns the stream of events into plain Python values. It enforces every limit as the events
arrive: nesting depth, the number of values, one document, no anchors or aliases ("billion
laughs"), no tags that could name Python objects, no duplicate keys. Plain scalars are typed by
the YAML 1.2 core schema only: ``true``/``false``, ``null``, decimal, octal (``0o``) and hex
(``0x``) integers and floats; everything else, dates included, stays the text as written.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Any

import yaml

from careerkb.characters import describe, first_unsafe
from careerkb.problems import FieldPath, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing: the pure-Python parser is slower only
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# Far above any hand-edited file or full export; far below what would exhaust memory.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32
MAX_VALUES = 2_000_000

NO_ALIASES = "anchors and aliases (& and *) are not allowed; write the value out in full"

_YAML = "tag:yaml.org,2002:"
_CONTAINER_TAGS = {None, "!", f"{_YAML}seq", f"{_YAML}map"}
# Characters YAML refuses anywhere in a file; found first, the problem has its real line.
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")

# The YAML 1.2 core schema's plain scalars (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULL = re.compile(r"(?:~|null|Null|NULL|)")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF_NAN = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


@dataclass(frozen=True)
class YamlDocument:
    """A file's plain data and the 1-based line at which each field path starts."""

    path: Path
    data: Any
    lines: dict[FieldPath, int]

    def line_of(self, field: FieldPath) -> int:
        """The line of ``field``, or of its nearest enclosing field that has one."""
        for end in range(len(field), -1, -1):
            line = self.lines.get(field[:end])
            if line is not None:
                return line
        return 1


class _LimitError(Exception):
    """A limit was passed: reading stops at once, with this one problem."""

    def __init__(self, line: int, field: FieldPath, message: str) -> None:
        self.line, self.field, self.message = line, field, message


class _UnreadableError(ValueError):
    """A scalar that is no value careerkb takes; the message says why."""


_SKIP = object()  # stands for a value already reported, which the result leaves out


@dataclass
class _Container:
    at: FieldPath
    value: dict[str, Any] | list[Any]
    key: Any = None  # in a mapping: the key waiting for its value, or _SKIP, or None
    first_line: dict[str, int] = dataclass_field(default_factory=dict)


class _Builder:
    """Plain values from parser events, one event at a time, with every limit checked as it comes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Problem] = []
        self.stack: list[_Container] = []
        self.values = 0
        self.documents = 0
        self.result: Any = None

    def build(self, events: Iterable[yaml.Event]) -> Any:
        for event in events:
            self.take(event)
        return self.result

    def take(self, event: yaml.Event) -> None:
        line = _line(event)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _LimitError(line, (), NO_ALIASES)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _LimitError(line, (), "holds more than one YAML document (---)")
        elif isinstance(event, yaml.ScalarEvent):
            self.place(event, self.scalar(event, self.next_field(line)))
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            self.open(event, line)
        elif isinstance(event, yaml.CollectionEndEvent):
            finished = self.stack.pop()
            self.place(event, finished.value, container=finished.at)

    def next_field(self, line: int) -> FieldPath:
        """The field the next value fills, checked against the limits before it is built."""
        self.values += 1
        if self.values > MAX_VALUES:
            raise _LimitError(line, (), f"holds more than {MAX_VALUES:,} values")
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            field_path: FieldPath = (*top.at, len(top.value))
        elif top.key is None or top.key is _SKIP:
            field_path = top.at  # a key: reported at its mapping
        else:
            field_path = (*top.at, top.key)
        if len(field_path) > MAX_DEPTH:
            raise _LimitError(line, field_path, f"nested more than {MAX_DEPTH} levels deep")
        return field_path

    def open(self, event: yaml.CollectionStartEvent, line: int) -> None:
        field_path = self.next_field(line)
        if event.tag not in _CONTAINER_TAGS:
            raise _LimitError(line, field_path, f"the tag {event.tag!r} is not allowed in careerkb data")
        self.lines.setdefault(field_path, line)
        value: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Container(field_path, value))

    def scalar(self, event: yaml.ScalarEvent, field_path: FieldPath) -> Any:
        try:
            value = _scalar_value(event)
        except _UnreadableError as problem:
            self.problem(event, field_path, str(problem))
            return _SKIP
        if isinstance(value, str):
            unsafe = first_unsafe(value)
            if unsafe is not None:
                what = "a key" if self.expects_key() else "the text"
                self.problem(event, field_path, _unsafe_message(what, *unsafe))
                return _SKIP
        return value

    def expects_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None

    def place(self, event: yaml.Event, value: Any, container: FieldPath | None = None) -> None:
        """Put a finished value where it belongs: the document, a list, or a mapping's key or value."""
        if not self.stack:
            self.result = None if value is _SKIP else value
            return
        top = self.stack[-1]
        if isinstance(top.value, list):
            self.lines.setdefault((*top.at, len(top.value)), _line(event))
            top.value.append(None if value is _SKIP else value)
        elif top.key is None:
            top.key = self.key(event, top, value, is_container=container is not None)
        else:
            if top.key is not _SKIP:
                top.value[top.key] = None if value is _SKIP else value
            top.key = None

    def key(self, event: yaml.Event, mapping: _Container, key: Any, *, is_container: bool) -> Any:
        line = _line(event)
        if is_container or not isinstance(key, str):
            if key is not _SKIP:
                self.problems.append(Problem.at(self.path, line, mapping.at, "keys must be plain text"))
            return _SKIP
        if key in mapping.first_line:
            first = mapping.first_line[key]
            message = f"duplicate key {key!r} (first given on line {first})"
            self.problems.append(Problem.at(self.path, line, (*mapping.at, key), message))
            return _SKIP
        mapping.first_line[key] = line
        self.lines[(*mapping.at, key)] = line
        return key

    def problem(self, event: yaml.Event, field_path: FieldPath, message: str) -> None:
        self.problems.append(Problem.at(self.path, _line(event), field_path, message))


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    text = event.value
    if event.tag is None:
        return _plain_value(text) if event.implicit[0] else text
    if event.tag in {"!", f"{_YAML}str"}:
        return text
    kind = event.tag.removeprefix(_YAML)
    if kind in {"int", "float", "bool", "null"}:
        value = _plain_value(text)
        if _kind_of(value) == kind or (kind == "float" and _kind_of(value) == "int"):
            return float(value) if kind == "float" else value
        raise _UnreadableError(f"{text!r} is not a valid {kind}")
    raise _UnreadableError(f"the tag {event.tag!r} is not allowed in careerkb data")


def _kind_of(value: Any) -> str:
    return {bool: "bool", int: "int", float: "float", type(None): "null"}.get(type(value), "str")


def _plain_value(text: str) -> Any:
    """A plain scalar as the YAML 1.2 core schema types it; numbers must be finite."""
    if _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    try:
        if _INT.fullmatch(text):
            return int(text)
        if _OCT.fullmatch(text):
            return int(text[2:], 8)
        if _HEX.fullmatch(text):
            return int(text[2:], 16)
    except ValueError:  # Python refuses to convert integers of thousands of digits
        raise _UnreadableError(f"the number {text[:20]}... has too many digits") from None
    if _FLOAT.fullmatch(text):
        number = float(text)
        if math.isfinite(number):
            return number
    elif not _INF_NAN.fullmatch(text):
        return text
    # Not-a-number and infinity are numbers in YAML but not in JSON, nor figures a source gives.
    raise _UnreadableError(f"{text!r} is not a finite number; figures must be real numbers")


def _unsafe_message(what: str, index: int, name: str) -> str:
    return (
        f"{what} holds the invisible or control character {name} at position {index + 1}; "
        "delete it or write what it stands for"
    )


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one YAML file. Returns the document, or None and the problems that stopped it."""

    def fail(line: int, message: str, field_path: FieldPath = ()) -> tuple[None, list[Problem]]:
        return None, [Problem.at(path, line, field_path, message)]

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return fail(1, f"the file is {size:,} bytes; data files may be at most {MAX_FILE_BYTES:,}")
        raw = path.read_bytes()
    except OSError as exc:
        return fail(1, f"cannot read the file: {exc.strerror}")
    if raw.startswith(b"\xef\xbb\xbf"):
        return fail(1, "starts with a byte-order mark (BOM); save the file as UTF-8 without one")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return fail(line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
    not_printable = _NOT_PRINTABLE.search(text)
    if not_printable is not None:
        line = text.count("\n", 0, not_printable.start()) + 1
        column = not_printable.start() - (text.rfind("\n", 0, not_printable.start()) + 1) + 1
        name = describe(not_printable.group())
        return fail(line, f"holds the control character {name} at column {column}; data files hold text only")
    builder = _Builder(path)
    try:
        data = builder.build(yaml.parse(text, Loader=_Loader))
    except _LimitError as stop:
        return fail(stop.line, stop.message, stop.field)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return fail(line, f"not valid YAML: {exc.problem or exc.context}")
    except yaml.YAMLError as exc:
        return fail(1, f"not valid YAML: {exc}")
    if builder.problems:
        return None, builder.problems
    return YamlDocument(path, data, builder.lines), []
