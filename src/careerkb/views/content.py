"""The vocabulary every view is written in: a few frozen values that any renderer can turn into
its own output (docutils nodes, terminal text, JSON, static MyST).

Inline content is a tuple of spans: plain text, or a span that means something (a citation, a
pay figure, a link to a role or a term). Blocks are paragraphs, labelled lines, lists, rubrics
and tables whose cells are inline content or blocks. No span holds markup: text is text, so
whatever a data file holds reaches every output escaped by its renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias, TypeGuard, cast

if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclass(frozen=True)
class Citation:
    """A figure's source as readers see it ('CR Labs, The Builders, mid-2026'), linked to its entry."""

    source_id: str
    text: str
    #: The figure is older than the build allows: renderers add "may be out of date".
    stale: bool = False


@dataclass(frozen=True)
class Pay:
    """A pay band as readers see it ('~$90K–$135K')."""

    text: str
    approximate: bool = False
    open_high: bool = False


@dataclass(frozen=True)
class RoleLink:
    """A role's title, linked to its profile wherever a page has one."""

    role_id: str
    title: str


@dataclass(frozen=True)
class TermLink:
    """A glossary term by one of its names, linked to its entry wherever a glossary has one.

    A link the data makes is quiet: where a project has no glossary it is text. One the glossary
    itself makes (``warn``) must resolve.
    """

    name: str
    warn: bool = False


@dataclass(frozen=True)
class SourceLink:
    """A source's title, linked to its entry on the sources page."""

    source_id: str
    title: str


@dataclass(frozen=True)
class WebLink:
    """An address outside the site, shown as it is or under a name such as a course's."""

    url: str
    text: str | None = None


@dataclass(frozen=True)
class Code:
    """A name to type as it is: a directive, an option."""

    text: str


@dataclass(frozen=True)
class LocalLink:
    """A link to a place on the same page."""

    anchor: str
    content: Code


@dataclass(frozen=True)
class Strong:
    """Text in bold, or a role's link in bold: a label, or what leads its sentence."""

    content: str | RoleLink
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Styled:
    """Plain text that renderers may style: ``classes`` name what it is."""

    text: str
    classes: tuple[str, ...]


Span: TypeAlias = (
    str | Citation | Pay | RoleLink | TermLink | SourceLink | WebLink | Code | LocalLink | Strong | Styled
)
Inline: TypeAlias = tuple[Span, ...]


@dataclass(frozen=True)
class Paragraph:
    spans: Inline
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Labelled:
    """'Label: spans', the label in bold."""

    label: str
    spans: Inline
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rubric:
    """A small heading inside a block of content; not a section of the page."""

    title: str
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BulletList:
    items: tuple[Cell, ...]
    enumerated: bool = False
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str | None = None
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Box:
    """A titled box set apart from the text around it, such as a role's quick facts."""

    title: str
    blocks: tuple[Block, ...]
    classes: tuple[str, ...] = ()


Block: TypeAlias = Paragraph | Labelled | Rubric | BulletList | Table | Box
#: A table cell or a list item: inline content, or blocks of its own.
Cell: TypeAlias = Inline | tuple[Block, ...]


def cited(citation: Citation) -> Inline:
    """' (CR Labs, The Builders, mid-2026)': a citation after the text it backs."""
    return (" (", citation, ")")


def joined(parts: Iterable[Span], separator: str = ", ") -> Inline:
    """The parts with ``separator`` between them."""
    result: list[Span] = []
    for index, part in enumerate(parts):
        if index:
            result.append(separator)
        result.append(part)
    return tuple(result)


def is_blocks(cell: Cell) -> TypeGuard[tuple[Block, ...]]:
    """Whether a cell holds blocks of its own rather than inline content."""
    return bool(cell) and isinstance(cell[0], Paragraph | Labelled | Rubric | BulletList | Table | Box)


def plain_text(content: Cell) -> str:
    """What a reader reads, without links or styles: for text alternatives and terminals."""
    if is_blocks(content):
        return "\n".join(_block_text(block) for block in content)
    return "".join(_span_text(span) for span in cast("Inline", content))


def _span_text(span: Span) -> str:
    match span:
        case str():
            return span
        case Citation(text=text, stale=stale):
            return text + (", may be out of date" if stale else "")
        case RoleLink(title=text) | SourceLink(title=text) | Pay(text=text):
            return text
        case Strong(content=content) | LocalLink(content=content):
            return _span_text(content)
        case Code(text=text):
            return text
        case WebLink(url=url, text=text):
            return text or url
        case Styled(text=text) | TermLink(name=text):
            return text


def _block_text(block: Block) -> str:
    match block:
        case Paragraph(spans=spans):
            return plain_text(spans)
        case Labelled(label=label, spans=spans):
            return f"{label}: {plain_text(spans)}"
        case Rubric(title=title):
            return title
        case BulletList(items=items):
            return "\n".join(f"• {plain_text(item)}" for item in items)
        case Table(rows=rows):
            return "\n".join(" | ".join(plain_text(cell) for cell in row) for row in rows)
        case Box(title=title, blocks=blocks):
            return "\n".join([title, *(_block_text(inner) for inner in blocks)])
