"""Every address the extension writes, made in one place and right under every HTML builder.

Sphinx's builders place pages differently: ``html`` writes ``glossary.html``, ``dirhtml`` writes
``glossary/``, and ``singlehtml`` puts every page in one file, where a page is the fragment
``#document-glossary``. An anchor on such a page is then the fragment itself: appending
``#term-rag`` to ``index.html#document-glossary`` would make an address no browser follows, so
:func:`with_anchor` lets the anchor take the fragment's place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from careerkb.knowledge import UnknownRecordError
from careerkb.sphinxext.render import joined
from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.domains import Domain

    from careerkb.knowledge import KnowledgeBase, NameIndex


def with_anchor(uri: str, anchor: str | None) -> str:
    """``uri`` pointing at ``anchor`` on its page; a fragment already there gives way.

    >>> with_anchor("../glossary.html", "term-rag"), with_anchor("index.html#document-glossary", "term-rag")
    ('../glossary.html#term-rag', 'index.html#term-rag')
    >>> with_anchor("", "term-rag"), with_anchor("glossary/", None)
    ('#term-rag', 'glossary/')
    """
    if not anchor:
        return uri
    return f"{uri.partition('#')[0]}#{anchor}"


def uri_from(builder: Builder, fromdoc: str, todoc: str, anchor: str | None = None) -> str:
    """The address of ``todoc`` (and ``anchor`` on it) as written on page ``fromdoc``."""
    return with_anchor(builder.get_relative_uri(fromdoc, todoc), anchor)


def site_uri(builder: Builder, todoc: str, anchor: str | None = None) -> str:
    """The address of ``todoc`` (and ``anchor`` on it) from the site's root folder."""
    return with_anchor(builder.get_target_uri(todoc), anchor)


class OneFileFragments(SphinxPostTransform):
    """Under ``singlehtml``, Sphinx's ``make_refnode`` (which careerkb's domain uses too) writes
    ``#document-x#anchor`` for a link to an anchor on another page (Sphinx 9 no longer repairs
    it), which no browser follows: the anchor takes the page's fragment's place, as
    :func:`with_anchor` does. Addresses made after references are resolved use :func:`uri_from`."""

    default_priority = 900  # after references are resolved
    builders = ("singlehtml",)

    def run(self, **kwargs: object) -> None:
        for node in self.document.findall(nodes.reference):
            if "refuri" in node:
                node["refuri"] = one_fragment(node["refuri"])


def one_fragment(uri: str) -> str:
    """``uri`` with the last of its fragments only, as :class:`OneFileFragments` leaves it.

    >>> one_fragment("#document-sources#source-guide"), one_fragment("sources.html#source-guide")
    ('#source-guide', 'sources.html#source-guide')
    """
    return with_anchor(uri, uri.rpartition("#")[2]) if uri.count("#") > 1 else uri


def page_reference(builder: Builder, fromdoc: str, todoc: str, text: str) -> nodes.reference:
    """A link from ``fromdoc`` to the page ``todoc``, showing ``text``."""
    return nodes.reference(text, text, refuri=uri_from(builder, fromdoc, todoc), internal=True)


def page_links(app: Sphinx, fromdoc: str, pages: Iterable[str]) -> list[nodes.Node]:
    """Links to ``pages`` from ``fromdoc``, in the order of the pages' titles, comma-separated."""
    titles = {page: app.env.titles[page].astext() if page in app.env.titles else page for page in pages}
    ordered = sorted(titles, key=lambda page: (titles[page].casefold(), page))
    return joined(page_reference(app.builder, fromdoc, page, titles[page]) for page in ordered)


LinkKind = Literal["role", "source", "term"]

#: (the domain and type of a pending cross-reference) -> the kind of record it links to.
LINKS: dict[tuple[str, str], LinkKind] = {
    ("careerkb", "role"): "role",
    ("careerkb", "source"): "source",
    ("std", "term"): "term",
}


def name_index(kb: KnowledgeBase, kind: str) -> NameIndex[Any]:
    """The look-up a link of ``kind`` resolves by (any name, any letter case)."""
    indexes: dict[str, NameIndex[Any]] = {
        "role": kb.roles_index,
        "source": kb.sources_index,
        "term": kb.terms_index,
    }
    return indexes[kind]


def report_missing(app: Sphinx, domain: Domain, node: addnodes.pending_xref) -> bool | None:
    """Say why a link to a role, source or term goes nowhere, in careerkb's words; True when
    said (or deliberately not), so that Sphinx does not say it again.

    Links the extension makes from the data do not warn (``refwarn`` is off): a project without
    a glossary or sources page shows their text. Under nitpicky mode Sphinx would warn about
    them anyway, which is why this handles them too.
    """
    kind = LINKS.get((node.get("refdomain", ""), node.get("reftype", "")))
    if kind is None:
        return None
    kb = knowledge(app.env)
    if not node.get("refwarn") or kb is None:
        return True  # made quiet on purpose, or the data did not load (already reported)
    target = node["reftarget"]
    index = name_index(kb, kind)
    record = index.find(target)
    if record is None:
        suggestions = index.suggest(target)
        if kind == "term" and not suggestions:
            return None  # Sphinx's own message for a term no glossary has is clear enough
        warn(str(UnknownRecordError(index.kind, target, suggestions)), Subtype.UNKNOWN_ID, node)
        return True
    if kind == "term":
        return None  # a known term, but this project has no glossary page: Sphinx says so
    warn(f"no page describes {kind} {record.id!r}, so the link goes nowhere", Subtype.NO_PAGE, node)
    return True


def setup_links(app: Sphinx) -> None:
    app.add_post_transform(OneFileFragments)
    app.connect("warn-missing-reference", report_missing)
