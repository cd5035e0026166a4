"""What the site search will find on each page: its sections and glossary terms, as text.

When a page is read, each of its sections becomes one entry (its title, the titles above it,
its headings and its own text, without the text of its subsections) and each glossary term
becomes one (its names and its definition), kept per page with the environment so that an
incremental build re-collects only the pages it re-reads. The glossary's terms are entries of
their own, so their text is left out of the glossary page's section: otherwise that one
section would hold every definition and match every query.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from careerkb.search.index import Entry, Field, Kind, build_index
from careerkb.search.synonyms import synonym_groups
from careerkb.sphinxext.directives.chooser import script_json
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.glossary import glossary_names
from careerkb.sphinxext.links import site_uri
from careerkb.sphinxext.store import knowledge

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from careerkb.knowledge import KnowledgeBase

#: The index, as a script that sets ``window.careerkbSearchIndex``: a script loads from
#: ``file://`` and under any sub-path, where fetching a JSON file would not.
INDEX_FILE = "careerkb-search-index.js"


@dataclass(frozen=True)
class PageEntry:
    """An entry as read from its page: the anchor on the page, not yet an address."""

    anchor: str  # "" for the page's own title section
    trail: tuple[str, ...]
    kind: Kind
    fields: tuple[tuple[Field, str], ...]

    def entry(self, builder: Builder, docname: str) -> Entry:
        url = site_uri(builder, docname, self.anchor or None)
        return Entry(url, self.trail, self.kind, dict(self.fields))


def page_entries(doctree: nodes.document) -> list[PageEntry]:
    """Every section and glossary term of a read page, in document order."""
    names = _glossary_names(doctree)
    found: list[PageEntry] = []
    for section in doctree.findall(nodes.section):
        trail = _trail(section)
        top = not isinstance(section.parent, nodes.section)
        anchor = "" if top else section["ids"][0]
        headings: list[str] = []
        body: list[str] = []
        for child in section.children:
            if isinstance(child, (nodes.title, nodes.section)):
                continue
            if isinstance(child, addnodes.glossary) or child.next_node(addnodes.glossary) is not None:
                found += _terms(child, trail, names)
                continue
            headings += (rubric.astext() for rubric in child.findall(nodes.rubric))
            body.append(child.astext())
        fields: list[tuple[Field, str]] = [("title", trail[-1])]
        if headings:
            fields.append(("heading", " ".join(headings)))
        fields.append(("body", " ".join(body)))
        found.append(PageEntry(anchor, trail, "section", tuple(fields)))
    return found


def _trail(section: nodes.section) -> tuple[str, ...]:
    titles = []
    node: nodes.Node | None = section
    while isinstance(node, nodes.section):
        titles.append(node[0].astext())
        node = node.parent
    return tuple(reversed(titles))


def _glossary_names(doctree: nodes.document) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for node in doctree.findall(glossary_names):
        names.update(node["by_anchor"])
    return names


def _terms(container: nodes.Node, trail: tuple[str, ...], names: dict[str, list[str]]) -> list[PageEntry]:
    found = []
    for item in container.findall(nodes.definition_list_item):
        term = item.next_node(nodes.term)
        definition = item.next_node(nodes.definition)
        if term is None or definition is None or not term["ids"]:
            continue
        anchor = term["ids"][0]
        name = term.astext()
        all_names = " ".join(names.get(anchor, [name]))
        fields: tuple[tuple[Field, str], ...] = (("name", all_names), ("body", definition.astext()))
        found.append(PageEntry(anchor, (*trail, name), "term", fields))
    return found


def site_entries(app: Sphinx, kb: KnowledgeBase) -> list[Entry]:
    """Every page's entries with their addresses, and one entry per role profile."""
    domain = careerkb_domain(app.env)
    entries = [
        page_entry.entry(app.builder, docname)
        for docname, page_entries in sorted(domain.search_entries.items())
        if docname in app.env.all_docs
        for page_entry in page_entries
    ]
    for (objtype, record_id), target in sorted(domain.objects.items()):
        if objtype == "role":
            role = kb.role(record_id)
            names = " ".join([role.title, *(alias.name for alias in role.aliases)])
            fields: dict[Field, str] = {"name": names, "body": f"{role.summary} {role.description}"}
            url = site_uri(app.builder, target.docname, target.anchor)
            entries.append(Entry(url, (role.title,), "role", fields))
    return entries


def _write_index(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    kb = knowledge(app.env)
    if kb is None:
        return
    index = build_index(site_entries(app, kb), synonym_groups(kb))
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    script = f"window.careerkbSearchIndex = {script_json(index)};\n"
    (static / INDEX_FILE).write_text(script, encoding="utf-8")


def _collect(app: Sphinx, doctree: nodes.document) -> None:
    careerkb_domain(app.env).search_entries[app.env.current_document.docname] = page_entries(doctree)


def setup_site_search(app: Sphinx) -> None:
    app.connect("doctree-read", _collect)
    app.connect("build-finished", _write_index)
