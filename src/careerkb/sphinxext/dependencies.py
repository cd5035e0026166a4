"""Which pages a data edit makes stale, found by recording what each page asked while it was read.

Nothing here knows what a directive shows. From ``source-read`` to ``doctree-read`` every query a
page makes of the knowledge base or of the build's inputs (:mod:`careerkb.recording`) is noted
with a fingerprint of its answer. The next build asks each recorded question again of the new
data, the date and the settings: a page is re-read exactly when one of its answers changed, and
an edit no page's answers reflect re-reads nothing.

Links are resolved when a page is written, so a page that only links to a record need not be
read again when the record's title or place changes, only written again. Each page's links are
found in its doctree; after reading, what each link shows and where it leads is fingerprinted,
and pages whose links changed are re-written (``env-updated``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from sphinx import addnodes

from careerkb.recording import active as active_recording
from careerkb.recording import fingerprint, fingerprint_of, start_recording, stop_recording
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.links import LINKS, name_index
from careerkb.sphinxext.nodes import catalogue_list, cited_figure
from careerkb.sphinxext.store import build_state, knowledge

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from careerkb.knowledge import KnowledgeBase
    from careerkb.recording import Question

#: A link a page holds: the kind of record and the name it links by.
Link = tuple[str, str]


def _start_page(app: Sphinx, docname: str, source: list[str]) -> None:
    start_recording()


def _finish_page(app: Sphinx, doctree: nodes.document) -> None:
    """Keep what the page asked; then note its links, which are not reads."""
    found = active_recording()
    stop_recording()
    docname = app.env.current_document.docname
    domain = careerkb_domain(app.env)
    if found is not None and found.answers:
        domain.reads[docname] = dict(found.answers)
    if next(doctree.findall(catalogue_list), None) is not None:
        domain.catalogue_pages.add(docname)
    links = {
        (LINKS[key], xref.get("reftarget", ""))
        for xref in doctree.findall(addnodes.pending_xref)
        if (key := (xref.get("refdomain"), xref.get("reftype"))) in LINKS
    }
    # A figure's link to its source is resolved when the page is written, as a pending one is.
    links.update(("source", figure["source"]) for figure in doctree.findall(cited_figure))
    if links:
        # Fingerprinted once every page is read (see _pages_to_rewrite): a link's target may be
        # on a page read later.
        domain.links[docname] = dict.fromkeys(links, "")


def _pages_to_reread(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Ask every page's recorded questions again; re-read the pages whose answers changed."""
    stop_recording()  # nothing before the pages are read belongs to a page
    state = build_state(env)
    if state.kb is None:
        # Nothing can be asked of data that did not load (its problems are reported). Pages read
        # now record that they had no data, and are read again once it loads.
        return []
    answerers = state.answerers()

    @functools.cache
    def ask(question: Question) -> str:
        return fingerprint_of(question, answerers)

    reads = careerkb_domain(env).reads
    return sorted(
        docname
        for docname, answers in reads.items()
        if docname not in removed and any(ask(question) != answer for question, answer in answers.items())
    )


def _pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose links now show another title or lead to another place: written again."""
    stop_recording()
    kb = knowledge(env)
    if kb is None:
        return []
    domain = careerkb_domain(env)
    show = functools.cache(functools.partial(_link_print, kb, env))
    stale: list[str] = []
    for docname, links in sorted(domain.links.items()):
        prints = {link: show(link) for link in links}
        if any(links[link] not in ("", prints[link]) for link in links):
            stale.append(docname)
        domain.links[docname] = prints
    return stale


def _link_print(kb: KnowledgeBase, env: BuildEnvironment, link: Link) -> str:
    """What a link shows (a role's or source's title; a term's id) and where it leads, as a
    fingerprint."""
    kind, target = link
    record = name_index(kb, kind).find(target)
    if record is None:
        return fingerprint(kb, None)
    if kind == "term":
        place = env.domains.standard_domain.objects.get(("term", record.term))
        return fingerprint(kb, (record.id, place))
    found = careerkb_domain(env).objects.get((kind, record.id))
    return fingerprint(kb, (record.title, (found.docname, found.anchor) if found is not None else None))


def setup_dependencies(app: Sphinx) -> None:
    app.connect("source-read", _start_page, priority=0)
    # Late, so that what other handlers of doctree-read ask is the page's too.
    app.connect("doctree-read", _finish_page, priority=900)
    app.connect("env-get-outdated", _pages_to_reread)
    app.connect("env-updated", _pages_to_rewrite)
