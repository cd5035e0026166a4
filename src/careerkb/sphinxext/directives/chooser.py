"""```{careerkb:chooser}```: "which path fits you?", from the sources' backgrounds and their
"choose this if you..." lists.

Without JavaScript it is a table, one row per answer with the roles it points to and its sources,
followed by the lines the sources draw between the roles. For the script (``careerkb-chooser.js``)
it also carries the same answers in a :class:`chooser_data` node, as the view's typed
:class:`~careerkb.views.chooser.ChooserData`, which the HTML writer turns into
``<script type="application/json" id="careerkb-chooser-data">``; other builders skip it. The
links to the role pages in that JSON are filled in when the page's references are resolved,
exactly as the table's links are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.links import uri_from
from careerkb.sphinxext.script_data import add_script_data_node
from careerkb.views import ViewProblem, requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.views import Context
    from careerkb.views.chooser import ChooserData

#: The id of the script element the JavaScript reads; one chooser per page.
DATA_ELEMENT_ID = "careerkb-chooser-data"


class chooser_data(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """The chooser's data for the script: ``data``, a :class:`~careerkb.views.chooser.ChooserData`,
    and ``urls``, each role's address from this page (set when the page is resolved)."""


def script_data(data: ChooserData, urls: dict[str, str]) -> dict[str, Any]:
    """What the script reads: the roles in the map's order (title, address from the page,
    summary) and the answers, each with the roles it points to and the source for each."""
    return {
        "roles": [
            {"id": role.role_id, "title": role.title, "url": urls.get(role.role_id), "summary": role.summary}
            for role in data.roles
        ],
        "answers": [
            {
                "id": answer.answer_id,
                "text": answer.text,
                "kind": answer.kind,
                "points": [{"role": point.role_id, "source": point.source} for point in answer.points],
            }
            for answer in data.answers
        ],
    }


class ChooserDirective(CareerkbDirective):
    """Backgrounds and every role's criteria as one list to tick through, with the lines between
    the roles; the script ranks the roles from the reader's ticks."""

    option_spec: ClassVar[OptionSpec] = {}
    view = staticmethod(requests.chooser)

    def render(self, context: Context) -> list[nodes.Node]:
        if any(True for _ in self.state.document.findall(chooser_data)):
            raise ViewProblem("a page can hold only one chooser")
        view = requests.chooser(context, self.request())
        node = chooser_data(data=view.data, urls={})
        self.set_source_info(node)
        container = nodes.container(classes=["careerkb-chooser"])
        container += node
        container += self.rendered(view)
        return [container]


# --- links and writing ---------------------------------------------------------------------------


def _fill_urls(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Link each role to its page, as seen from this page, once the domain knows every page."""
    if app.builder.format != "html":
        return
    domain = careerkb_domain(app.env)
    for node in doctree.findall(chooser_data):
        urls: dict[str, str] = {}
        for role in node["data"].roles:
            target = domain.objects.get(("role", role.role_id))
            if target is None:
                continue
            urls[role.role_id] = uri_from(app.builder, docname, target.docname, target.anchor)
        node["urls"] = urls


def setup_chooser(app: Sphinx) -> None:
    add_script_data_node(
        app, chooser_data, DATA_ELEMENT_ID, lambda node: script_data(node["data"], node["urls"])
    )
    app.add_directive_to_domain("careerkb", "chooser", ChooserDirective)
    app.connect("doctree-resolved", _fill_urls)
