"""Backlinks: each glossary entry lists the pages that mention the term, and each role's profile
lists the glossary terms its page uses.

Mentions are collected from every page's ``{term}`` links as it is read, kept per page in the
domain, and written into placeholders when pages are resolved, once every page is known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.links import page_links, uri_from
from careerkb.sphinxext.nodes import catalogue_list
from careerkb.sphinxext.render import joined, labelled
from careerkb.sphinxext.store import build_state, knowledge

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from careerkb.models import Term


class _backlinks(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """Either placeholder: one walk of a page finds both kinds (the glossary page is large)."""


class mentioned_on(_backlinks, catalogue_list):  # noqa: N801
    """Placeholder in a glossary entry for the pages that mention ``term_id``."""


class terms_used(_backlinks):  # noqa: N801
    """Placeholder in a role's profile for the glossary terms its page links to."""


def _pages_mentioning(env: BuildEnvironment) -> dict[str, set[str]]:
    """Term id -> the pages that link to it: the per-page mentions inverted once per build, not
    scanned again for every glossary entry (terms x pages). Mentions change only while pages are
    read, so the index is dropped when reading ends and built on first use after."""
    state = build_state(env)
    if state.pages_by_term is None:
        state.pages_by_term = careerkb_domain(env).pages_mentioning()
    return state.pages_by_term


def _forget_mentions(app: Sphinx, env: BuildEnvironment) -> None:
    build_state(env).pages_by_term = None


def _collect_mentions(app: Sphinx, doctree: nodes.document) -> None:
    kb = knowledge(app.env)
    if kb is None:
        return
    found: set[str] = set()
    for xref in doctree.findall(addnodes.pending_xref):
        if xref.get("refdomain") == "std" and xref.get("reftype") == "term":
            term_id = kb.term_id(xref["reftarget"])
            if term_id is not None:
                found.add(term_id)
    if found:
        careerkb_domain(app.env).mentions[app.env.current_document.docname] = found


def _fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(_backlinks))
    if not placeholders:
        return
    _fill_mentioned_on(app, [node for node in placeholders if isinstance(node, mentioned_on)], docname)
    _fill_terms_used(app, [node for node in placeholders if isinstance(node, terms_used)], docname)


def _fill_mentioned_on(app: Sphinx, placeholders: list[mentioned_on], docname: str) -> None:
    if not placeholders:
        return
    pages_mentioning = _pages_mentioning(app.env)
    for placeholder in placeholders:
        pages = pages_mentioning.get(placeholder["term_id"], set()) - {docname}
        if pages:
            links = page_links(app, docname, pages)
            placeholder.replace_self(labelled("Mentioned on", *links, classes=["careerkb-term-mentions"]))
        else:
            placeholder.replace_self([])


def _fill_terms_used(app: Sphinx, placeholders: list[terms_used], docname: str) -> None:
    kb = knowledge(app.env)
    if not placeholders or kb is None:
        return
    std_objects = app.env.domains.standard_domain.objects
    links: list[nodes.Node] = []
    mentioned = careerkb_domain(app.env).mentions.get(docname, set())
    for term in sorted((kb.term(term_id) for term_id in mentioned), key=_by_name):
        found = std_objects.get(("term", term.term))
        if found is not None:
            uri = uri_from(app.builder, docname, found[0], found[1])
            links.append(nodes.reference(term.term, term.term, refuri=uri, internal=True))
    for placeholder in placeholders:
        if links:
            copies = [link.deepcopy() for link in links]
            used = labelled("Terms on this page", *joined(copies), classes=["careerkb-terms-used"])
            placeholder.replace_self(used)
        else:
            placeholder.replace_self([])


def _by_name(term: Term) -> str:
    return term.term.casefold()


def setup_backlinks(app: Sphinx) -> None:
    app.add_node(mentioned_on)
    app.add_node(terms_used)
    app.connect("doctree-read", _collect_mentions)
    app.connect("env-updated", _forget_mentions)
    app.connect("doctree-resolved", _fill)
