"""Reading hand-edited YAML safely, keeping the line of every key.

PyYAML's ``safe_load`` keeps the last of two duplicate keys without a word and forgets where
each value came from. Here libyaml only *composes* the document into nodes (which carry their
marks); the small conversion below turns nodes into plain Python values while refusing
duplicate keys, non-standard tags (which could name Python objects) and runaway nesting.
Anchors and aliases are refused even earlier, from the parser's events, which also defuses
"billion laughs" files before anything is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from careerkb.problems import FieldPath, Problem

if TYPE_CHECKING:
    from pathlib import Path

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing: the pure-Python loader is slower only
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# Far above any hand-edited file or full export; far below what would exhaust memory.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SEQUENCE_TAG = "tag:yaml.org,2002:seq"
_MAPPING_TAG = "tag:yaml.org,2002:map"


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


class _Converter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Problem] = []
        self._constructor = yaml.SafeLoader("")

    def problem(self, node: yaml.Node, field: FieldPath, message: str) -> None:
        self.problems.append(Problem.at(self.path, node.start_mark.line + 1, field, message))

    def convert(self, node: yaml.Node, field: FieldPath) -> Any:
        self.lines.setdefault(field, node.start_mark.line + 1)
        if len(field) > MAX_DEPTH:
            self.problem(node, field, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, yaml.MappingNode) and node.tag == _MAPPING_TAG:
            return self._mapping(node, field)
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQUENCE_TAG:
            return [self.convert(item, (*field, i)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            try:
                return self._constructor.construct_object(node)
            except yaml.constructor.ConstructorError as exc:
                self.problem(node, field, f"cannot read value: {exc.problem}")
                return None
        self.problem(node, field, f"the tag {node.tag!r} is not allowed in careerkb data")
        return None

    def _mapping(self, node: yaml.MappingNode, field: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:str"):
                self.problem(key_node, field, "keys must be plain text")
                continue
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in result:
                self.problem(
                    key_node,
                    (*field, key),
                    f"duplicate key {key!r} (first given on line {first_line[key]})",
                )
                continue
            first_line[key] = line
            self.lines[(*field, key)] = line
            result[key] = self.convert(value_node, (*field, key))
        return result


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one YAML file. Returns the document, or None and the problems that stopped it."""

    def fail(line: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem.at(path, line, (), message)]

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
    try:
        # Refused before anything is built: an alias can multiply a small file into billions of
        # values ("billion laughs"), and hand-edited data never needs one.
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event.start_mark else 1
                return fail(
                    line, "anchors and aliases (& and *) are not allowed; write the value out in full"
                )
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return fail(line, f"not valid YAML: {exc.problem or exc.context}")
    except yaml.YAMLError as exc:
        return fail(1, f"not valid YAML: {exc}")
    if len(nodes) > 1:
        return fail(nodes[1].start_mark.line + 1, "holds more than one YAML document (---)")
    if not nodes:
        return YamlDocument(path, None, {}), []
    converter = _Converter(path)
    data = converter.convert(nodes[0], ())
    if converter.problems:
        return None, converter.problems
    return YamlDocument(path, data, converter.lines), []
