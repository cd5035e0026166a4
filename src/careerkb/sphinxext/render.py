"""Small builders of docutils nodes that every directive shares: tables, lists, citations, links.

They return neutral docutils and Sphinx nodes, never HTML, so every builder can render them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from careerkb.format import band_label, citation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Cited, Role, SalaryBand

Cell = str | nodes.Node | Sequence[nodes.Node]


def text(value: str) -> nodes.Text:
    return nodes.Text(value)


def paragraph(*parts: str | nodes.Node, classes: Sequence[str] = ()) -> nodes.paragraph:
    node = nodes.paragraph(classes=list(classes))
    for part in parts:
        node += nodes.Text(part) if isinstance(part, str) else part
    return node


def labelled(label: str, *parts: str | nodes.Node, classes: Sequence[str] = ()) -> nodes.paragraph:
    """'Label: parts', the label in bold."""
    return paragraph(nodes.strong(f"{label}:", f"{label}:"), " ", *parts, classes=classes)


def joined(parts: Iterable[str | nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for index, part in enumerate(parts):
        if index:
            result.append(nodes.Text(separator))
        result.append(nodes.Text(part) if isinstance(part, str) else part)
    return result


def bullet_list(
    items: Iterable[Cell], classes: Sequence[str] = (), enumerated: bool = False
) -> nodes.Element:
    listing: nodes.Element = (
        nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".") if enumerated else nodes.bullet_list()
    )
    listing["classes"] += list(classes)
    for item in items:
        entry = nodes.list_item()
        entry += _as_body(item)
        listing += entry
    return listing


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    classes: Sequence[str] = (),
    title: str | None = None,
    stub_columns: int = 1,
) -> nodes.table:
    """A table with a header row; each cell is text, a node or a list of nodes."""
    node = nodes.table(classes=["careerkb-table", *classes])
    if title:
        node += nodes.title(title, title)
    head = nodes.thead()
    head += _row(headers)
    body = nodes.tbody()
    for cells in rows:
        body += _row(cells)
    group = nodes.tgroup(cols=len(headers))
    for index, width in enumerate(_column_widths(head, body)):
        group += nodes.colspec(colwidth=width, stub=index < stub_columns)
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
        entry += _as_body(cell)
        row += entry
    return row


def _as_body(cell: Cell) -> list[nodes.Node]:
    if isinstance(cell, str):
        return [nodes.paragraph(cell, cell)]
    if isinstance(cell, nodes.Node):
        return [cell] if isinstance(cell, nodes.Body) else [paragraph(cell)]
    if all(isinstance(part, nodes.Body) for part in cell):
        return list(cell)
    return [paragraph(*cell)]


def source_ref(source_id: str, label: str) -> addnodes.pending_xref:
    """``label``, linked to the source's entry on the sources page when there is one.

    Links the extension makes itself are quiet: a project without a sources page gets text.
    """
    return addnodes.pending_xref(
        "",
        nodes.inline(label, label, classes=["careerkb-citation"]),
        refdomain="careerkb",
        reftype="source",
        reftarget=source_id,
        refexplicit=True,
        careerkb_quiet=True,
    )


def source_link(kb: KnowledgeBase, record: Cited) -> nodes.inline:
    """'CR Labs, mid-2026', linked to the source's entry, and flagged when the figure has aged."""
    from careerkb.sphinxext.freshness import is_stale

    link = nodes.inline(classes=["careerkb-cite"])
    link += source_ref(record.source, citation(kb.source(record.source), record.as_of.label))
    if is_stale(record):
        note = "may be out of date"
        link += nodes.Text(", ")
        link += nodes.strong(note, note, classes=["careerkb-stale"])
    return link


def cited(kb: KnowledgeBase, record: Cited) -> list[nodes.Node]:
    """' (CR Labs, mid-2026)' with the citation linked."""
    return [nodes.Text(" ("), source_link(kb, record), nodes.Text(")")]


def role_link(role: Role) -> addnodes.pending_xref:
    """The role's title, linked to its profile when a page has one (quietly plain text if not).

    The title is filled in again when the page is written, from the data of that build: a
    retitled role then only re-writes the pages linking to it (see dependencies.py).
    """
    return addnodes.pending_xref(
        "",
        nodes.inline(role.title, role.title, classes=["careerkb-role-link"]),
        refdomain="careerkb",
        reftype="role",
        reftarget=role.id,
        refexplicit=False,
        careerkb_quiet=True,
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
        careerkb_quiet=quiet,
    )


def term_or_text(kb: KnowledgeBase, name: str) -> nodes.Node:
    """A glossary link when the name is a known term (text if the project has no glossary)."""
    if kb.term_id(name) is None:
        return nodes.Text(name)
    return term_link(name, quiet=True)


def pay_cell(band: SalaryBand) -> nodes.inline:
    label = band_label(band)
    classes = ["careerkb-pay"]
    if band.approximate:
        classes.append("careerkb-approximate")
    if band.open_high:
        classes.append("careerkb-open-ended")
    return nodes.inline(label, label, classes=classes)


def page_links(app: Sphinx, fromdoc: str, pages: Iterable[str]) -> list[nodes.Node]:
    """Links to ``pages`` from ``fromdoc``, in the order of the pages' titles, comma-separated."""
    titles = {page: app.env.titles[page].astext() if page in app.env.titles else page for page in pages}
    links = [
        nodes.reference(
            titles[page], titles[page], refuri=app.builder.get_relative_uri(fromdoc, page), internal=True
        )
        for page in sorted(titles, key=lambda page: (titles[page].casefold(), page))
    ]
    return joined(links)
