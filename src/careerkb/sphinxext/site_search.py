"""What the site search will find on each page: its sections and glossary terms, as text.

When a page is read, each of its sections becomes one entry (its title, the titles above it,
its headings and its own text, without the text of its subsections) and each glossary term
becomes one (its names and its definition), kept per page with the environment so that an
incremental build re-collects only the pages it re-reads. The glossary's terms are entries of
their own, so their text is left out of the glossary page's section: otherwise that one
section would hold every definition and match every query.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from careerkb.search.index import (
    TEXTS_PER_FILE,
    Entry,
    Field,
    Kind,
    build_index,
    compact_entries,
    encode_postings,
    excerpt_source,
    in_order,
    shard_of,
)
from careerkb.search.synonyms import synonym_groups
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.glossary import glossary_names
from careerkb.sphinxext.links import site_uri
from careerkb.sphinxext.nodes import cited_figure
from careerkb.sphinxext.script_data import script_json
from careerkb.sphinxext.store import knowledge

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from careerkb.knowledge import KnowledgeBase

#: The index's folder under ``_static``. Its files are scripts that hand their data to
#: ``careerkbSearchLoaded``: a script loads from ``file://`` and under any sub-path, where
#: fetching JSON would not. ``core.js`` holds what every query needs (entries, rules, synonyms);
#: ``postings-<letter>.js`` the postings of the stems starting with that letter, so a query
#: loads only its words' letters; ``text-<n>.js`` the text excerpts are cut from, per
#: :data:`~careerkb.search.index.TEXTS_PER_FILE` entries, loaded for the results shown.
INDEX_FOLDER = "careerkb-search"


@dataclass(frozen=True)
class PageEntry:
    """An entry as read from its page: the anchor on the page, not yet an address."""

    anchor: str
    trail: tuple[str, ...]
    kind: Kind
    fields: tuple[tuple[Field, str], ...]
    boost: float = 1.0

    def entry(self, builder: Builder, docname: str) -> Entry:
        url = site_uri(builder, docname, self.anchor)
        return Entry(url, self.trail, self.kind, dict(self.fields), self.boost)


def page_entries(doctree: nodes.document, *, boost: float = 1.0) -> list[PageEntry]:
    """Every section and glossary term of a read page, in document order."""
    names = _glossary_names(doctree)
    found: list[PageEntry] = []
    for section in doctree.findall(nodes.section):
        trail = _trail(section)
        anchor = section["ids"][0]
        # The titles above a section say what it is about: "Interviews › Machine Learning Engineer".
        headings: list[str] = list(trail[:-1])
        body: list[str] = []
        for child in section.children:
            if isinstance(child, (nodes.title, nodes.section)):
                continue
            if isinstance(child, addnodes.glossary) or child.next_node(addnodes.glossary) is not None:
                found += _terms(child, trail, names)
                continue
            headings += (text_of(rubric) for rubric in child.findall(nodes.rubric))
            if text := text_of(child):
                body.append(text)
        fields: list[tuple[Field, str]] = [("title", trail[-1])]
        if headings:
            fields.append(("heading", " ".join(headings)))
        fields.append(("body", " ".join(body)))
        found.append(PageEntry(anchor, trail, "section", tuple(fields), boost))
    return found


#: Boxes that sum up the sections below them: counted, they would make the top of a role's
#: page match every question its sections answer ("pay", "demand"), ahead of those sections.
SUMMARY_CLASSES = frozenset({"careerkb-quick-facts"})


def text_of(node: nodes.Node) -> str:
    """A node's words, without the text of its links to other records or of summary boxes.

    A link shows what it points at (a role's title, a term's name), and when that changes the
    page is written again but not read again: its link text would be stale here, and an
    incremental build's index would differ from a clean one. So links count for nothing.
    """
    parts: list[str] = []

    def walk(current: nodes.Node) -> None:
        if isinstance(current, (addnodes.pending_xref, nodes.comment)):  # a hidden doctest is a comment
            return
        if isinstance(current, nodes.Element) and SUMMARY_CLASSES.intersection(current["classes"]):
            return
        if isinstance(current, nodes.Text):
            parts.append(current.astext())
            return
        if isinstance(current, cited_figure):
            parts.append(current.parts()[0])  # its value: the citation after it is a link
            return
        for child in current.children:
            walk(child)
        if not isinstance(current, nodes.Inline):
            parts.append(" ")  # blocks are separate words: "pay." and "Next" do not join

    walk(node)
    return _tidy(" ".join("".join(parts).split()))


#: What the links leave behind in the text: "(CR Labs, 2026)" as "()", "roles: A, B" as ": , ".
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_REPEATED_COMMAS = re.compile(r"\s*,(?:\s*,)+")
_COMMA_AFTER_COLON = re.compile(r"([:;])\s*,")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")


def _tidy(text: str) -> str:
    """The text without the empty brackets and stray commas its left-out links leave.

    >>> _tidy("starts at $150K (), and Opens: , , , more")
    'starts at $150K, and Opens: more'
    """
    text = _REPEATED_COMMAS.sub(",", _EMPTY_BRACKETS.sub("", text))
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _COMMA_AFTER_COLON.sub(r"\1", text))
    return " ".join(text.split())


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
        fields: tuple[tuple[Field, str], ...] = (("name", all_names), ("body", text_of(definition)))
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


def index_files(entries: list[Entry], kb: KnowledgeBase) -> dict[str, str]:
    """Every file of the index by name, each a script handing its part to the page."""
    index = build_index(entries, synonym_groups(kb))
    postings: dict[str, dict[str, str]] = {}
    for stem, found in index.pop("postings").items():
        postings.setdefault(shard_of(stem), {})[stem] = encode_postings(found)
    index.update(compact_entries(index.pop("entries")))
    index["shards"] = sorted(postings)
    index["texts_per_file"] = TEXTS_PER_FILE
    files = {"core.js": _script("core", index)}
    files.update((f"postings-{key}.js", _script(f"postings-{key}", part)) for key, part in postings.items())
    texts = [excerpt_source(entry) for entry in in_order(entries)]
    for number, start in enumerate(range(0, len(texts), TEXTS_PER_FILE)):
        files[f"text-{number}.js"] = _script(f"text-{number}", texts[start : start + TEXTS_PER_FILE])
    return files


def _script(name: str, data: object) -> str:
    return f"careerkbSearchLoaded({script_json(name)}, {script_json(data)});\n"


def _write_index(app: Sphinx, exception: Exception | None) -> None:
    # A single-page build has no search page, and its pages' sections share one file's anchors.
    if exception is not None or app.builder.format != "html" or app.builder.name == "singlehtml":
        return
    kb = knowledge(app.env)
    if kb is None:
        return
    folder = Path(app.outdir) / "_static" / INDEX_FOLDER
    # Made afresh: a letter no stem starts with any more leaves no file behind.
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, script in index_files(site_entries(app, kb), kb).items():
        (folder / name).write_text(script, encoding="utf-8")


#: A page whose front matter says ``careerkb-search: contributor`` is for people working on
#: the handbook: its sections rank below readers' pages, so "salary" finds the Pay page before
#: the directive that draws the salary chart.
CONTRIBUTOR_BOOST = 0.3


#: Page metadata that keeps a page out of search: Sphinx's own names for it.
NOT_SEARCHED = ("nosearch", "no-search")


def _collect(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    metadata = app.env.metadata.setdefault(docname, {})
    audience = metadata.get("careerkb-search")
    boost = CONTRIBUTOR_BOOST if audience == "contributor" else 1.0
    searched = not any(name in metadata for name in NOT_SEARCHED)
    careerkb_domain(app.env).search_entries[docname] = page_entries(doctree, boost=boost) if searched else []
    # This index answers every query (careerkb-search.js takes over Search.performSearch), so
    # Sphinx's own is fed nothing: stemming every word of every page for it was a sixth of a
    # build, and the theme loads its searchindex.js on every page (5 MB at 100x).
    metadata[NOT_SEARCHED[0]] = True


def setup_site_search(app: Sphinx) -> None:
    app.connect("doctree-read", _collect)
    app.connect("build-finished", _write_index)
