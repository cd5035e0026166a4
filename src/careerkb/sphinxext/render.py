"""Views into docutils nodes: the one place the extension turns view content into a doctree.

Everything here returns neutral docutils and Sphinx nodes, never HTML, so every builder can
render them. Links become pending cross-references, resolved when a page is written from the
data and pages of that build (see :mod:`careerkb.sphinxext.dependencies`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx import addnodes

from careerkb.views.content import (
    Box,
    BulletList,
    Citation,
    Code,
    Labelled,
    LocalLink,
    Paragraph,
    Pay,
    RoleLink,
    Rubric,
    SourceLink,
    Strong,
    Styled,
    Table,
    TermLink,
    WebLink,
    is_blocks,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from careerkb.views.content import Block, Cell, Inline, Span


def blocks(content: Iterable[Block]) -> list[nodes.Node]:
    """Nodes for a view's blocks."""
    return [block(item) for item in content]


def block(item: Block) -> nodes.Element:
    match item:
        case Paragraph(spans=spans, classes=classes):
            return paragraph(*inline(spans), classes=classes)
        case Labelled(label=label, spans=spans, classes=classes):
            return labelled(label, *inline(spans), classes=classes)
        case Rubric(title=title, classes=classes):
            return nodes.rubric(title, title, classes=list(classes))
        case BulletList(items=items, enumerated=enumerated, classes=classes):
            return _list(items, enumerated, classes)
        case Table(headers=headers, rows=rows, title=title, classes=classes):
            return _table(headers, rows, title, classes)
        case Box(title=title, blocks=content, classes=classes):
            box = nodes.topic(classes=list(classes))
            box += nodes.title(title, title)
            box += blocks(content)
            return box


def inline(spans: Inline) -> list[nodes.Node]:
    """Nodes for inline content."""
    return [span(part) for part in spans]


def span(part: Span) -> nodes.Node:
    match part:
        case str():
            return nodes.Text(part)
        case Citation():
            return citation(part)
        case Pay(text=text, approximate=approximate, open_high=open_high):
            classes = ["careerkb-pay"]
            if approximate:
                classes.append("careerkb-approximate")
            if open_high:
                classes.append("careerkb-open-ended")
            return nodes.inline(text, text, classes=classes)
        case RoleLink():
            return role_link(part)
        case TermLink(name=name, warn=warn):
            return term_link(name, quiet=not warn)
        case SourceLink(source_id=source_id, title=title):
            return source_ref(source_id, title)
        case WebLink(url=url, text=text):
            return nodes.reference(text or url, text or url, refuri=url)
        case Code(text=text):
            return nodes.literal(text, text)
        case LocalLink(anchor=anchor, content=content):
            link = nodes.reference("", "", refid=anchor, internal=True)
            link += span(content)
            return link
        case Strong(content=RoleLink() as link, classes=classes):
            return nodes.strong("", "", role_link(link), classes=list(classes))
        case Strong(content=str() as text, classes=classes):
            return nodes.strong(text, text, classes=list(classes))
        case Styled(text=text, classes=classes):
            return nodes.inline(text, text, classes=list(classes))
    raise TypeError(f"no node for {part!r}")


#: What a citation adds when its figure has aged.
STALE_NOTE = "may be out of date"


def citation(cite: Citation) -> nodes.inline:
    """'CR Labs, The Builders, mid-2026', linked to the source's entry, flagged when the figure has aged."""
    link = nodes.inline(classes=["careerkb-cite"])
    link += source_ref(cite.source_id, cite.text)
    if cite.stale:
        link += nodes.Text(", ")
        link += nodes.strong(STALE_NOTE, STALE_NOTE, classes=["careerkb-stale"])
    return link


def paragraph(*parts: str | nodes.Node, classes: Sequence[str] = ()) -> nodes.paragraph:
    node = nodes.paragraph(classes=list(classes))
    for part in parts:
        node += nodes.Text(part) if isinstance(part, str) else part
    return node


def labelled(label: str, *parts: str | nodes.Node, classes: Sequence[str] = ()) -> nodes.paragraph:
    """'Label: parts', the label in bold."""
    return paragraph(nodes.strong(f"{label}:", f"{label}:"), " ", *parts, classes=classes)


def joined(parts: Iterable[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for index, part in enumerate(parts):
        if index:
            result.append(nodes.Text(separator))
        result.append(part)
    return result


def _list(items: Iterable[Cell], enumerated: bool, classes: Sequence[str]) -> nodes.Element:
    listing: nodes.Element = (
        nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".") if enumerated else nodes.bullet_list()
    )
    listing["classes"] += list(classes)
    for item in items:
        entry = nodes.list_item()
        entry += _cell_body(item)
        listing += entry
    return listing


def _table(
    headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str | None, classes: Sequence[str]
) -> nodes.table:
    """A table with a header row, whose first column names its rows."""
    node = nodes.table(classes=["careerkb-table", *classes])
    if title:
        node += nodes.title(title, title)
    head = nodes.thead()
    head += _row([(header,) for header in headers])
    body = nodes.tbody()
    for cells in rows:
        body += _row(cells)
    group = nodes.tgroup(cols=len(headers))
    for index, width in enumerate(_column_widths(head, body)):
        group += nodes.colspec(colwidth=width, stub=index < 1)
    group += head
    group += body
    node += group
    return node


def _column_widths(*parts: nodes.Element) -> list[int]:
    """Widths in characters, which the text builder uses as they are and HTML as proportions."""
    widths: list[int] = []
    for part in parts:
        for row in part.findall(nodes.row):
            for index, entry in enumerate(row.children):
                longest = max((len(line) for line in entry.astext().splitlines()), default=0)
                if index == len(widths):
                    widths.append(0)
                widths[index] = max(widths[index], min(max(longest, 6), 36))
    return widths


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += _cell_body(cell)
        row += entry
    return row


def _cell_body(cell: Cell) -> list[nodes.Node]:
    if is_blocks(cell):
        return blocks(cell)
    return [paragraph(*inline(cast("Inline", cell)))]


def source_ref(source_id: str, label: str) -> addnodes.pending_xref:
    """``label``, linked to the source's entry on the sources page when there is one.

    Links the extension makes itself do not warn (``refwarn``): a project without a sources page
    gets text.
    """
    return addnodes.pending_xref(
        "",
        nodes.inline(label, label, classes=["careerkb-citation"]),
        refdomain="careerkb",
        reftype="source",
        reftarget=source_id,
        refexplicit=True,
        refwarn=False,
    )


def role_link(link: RoleLink) -> addnodes.pending_xref:
    """The role's title, linked to its profile when a page has one (quietly plain text if not).

    The title is filled in again when the page is written, from the data of that build: a
    retitled role then only re-writes the pages linking to it (see dependencies.py).
    """
    return addnodes.pending_xref(
        "",
        nodes.inline(link.title, link.title, classes=["careerkb-role-link"]),
        refdomain="careerkb",
        reftype="role",
        reftarget=link.role_id,
        refexplicit=False,
        refwarn=False,
    )


def term_link(name: str, *, quiet: bool = False) -> addnodes.pending_xref:
    """A ``{term}`` reference, as the std domain's own role makes it."""
    return addnodes.pending_xref(
        "",
        nodes.inline(name, name, classes=["xref", "std", "std-term"]),
        refdomain="std",
        reftype="term",
        reftarget=name,
        refexplicit=True,
        refwarn=not quiet,
    )
