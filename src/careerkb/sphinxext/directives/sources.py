"""```{careerkb:sources}```: every source, its details, and the pages that cite it.

Which pages cite a source is only known once every page has been read, so the directive leaves
a placeholder that is filled at ``doctree-resolved`` (the pattern of Sphinx's todolist), and the
page is re-written whenever that list changes (see the domain's ``env-updated`` handler).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.links import page_links
from careerkb.sphinxext.nodes import catalogue_list
from careerkb.sphinxext.render import blocks, labelled
from careerkb.sphinxext.store import knowledge
from careerkb.views import requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.views import Context


class cited_by(catalogue_list):  # noqa: N801 - docutils names nodes in lower case
    """Placeholder for the list of pages citing ``source_id``; replaced before writing."""


class SourcesDirective(CareerkbDirective):
    """Every source with its publisher, address, date, region and coverage, and the pages that
    cite it. Every citation on the site links here, so use it once."""

    option_spec: ClassVar[OptionSpec] = {}
    view = staticmethod(requests.sources_list)

    def render(self, context: Context) -> list[nodes.Node]:
        view = requests.sources_list(context, self.request())
        self.shows(view)
        domain = careerkb_domain(self.env)
        entries: list[nodes.Node] = []
        for source in view.entries:
            entry = nodes.container(classes=["careerkb-source"], ids=[source.anchor])
            self.state.document.note_explicit_target(entry)
            domain.note_object("source", source.source_id, source.anchor, entry)
            entry += blocks(source.blocks)
            entry += cited_by(source_id=source.source_id)
            entries.append(entry)
        return entries


def _fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(cited_by))
    if not placeholders:
        return
    kb = knowledge(app.env)
    citing = careerkb_domain(app.env).pages_citing(kb) if kb is not None else {}
    for placeholder in placeholders:
        pages = citing.get(placeholder["source_id"], set()) - {docname}
        if not pages:
            placeholder.replace_self(labelled("Cited on", "no page yet"))
            continue
        links = page_links(app, docname, pages)
        placeholder.replace_self(labelled("Cited on", *links, classes=["careerkb-cited-by"]))


def setup_sources(app: Sphinx) -> None:
    app.add_node(cited_by)
    app.add_directive_to_domain("careerkb", "sources", SourcesDirective)
    app.connect("doctree-resolved", _fill_placeholders)
