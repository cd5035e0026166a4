"""```{careerkb:chooser}```: "which path fits you?", from the sources' "choose this if you..." lists.

Without JavaScript it is a table, one row per criterion with the role it points to and its source,
followed by the lines the sources draw between the roles. For the script (``careerkb-chooser.js``)
it also carries the same criteria as JSON, in a :class:`chooser_data` node that the HTML writer
turns into ``<script type="application/json" id="careerkb-chooser-data">``; other builders skip
it. The links to the role pages in that JSON are filled in when the page's references are
resolved, exactly as the table's links are.

Nothing here names a role or an answer: every word of the chooser comes from the data.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any, ClassVar, TypedDict

from docutils import nodes
from sphinx.util.nodes import make_refnode

from careerkb.format import citation
from careerkb.sphinxext.directives.base import CareerkbDirective, DirectiveProblem
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.render import Cell, bullet_list, cited, paragraph, role_link, source_link, table
from careerkb.sphinxext.warnings import Subtype

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec
    from sphinx.writers.html5 import HTML5Translator

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Comparison

#: The id of the script element the JavaScript reads; one chooser per page.
DATA_ELEMENT_ID = "careerkb-chooser-data"


class RoleData(TypedDict):
    title: str
    url: str | None  # relative to the page; None when no page describes the role
    summary: str


class Criterion(TypedDict):
    id: str
    text: str
    role: str
    source: str  # the citation as people read it: 'CR Labs, mid-2026'


class ChooserData(TypedDict):
    roles: dict[str, RoleData]
    criteria: list[Criterion]


class chooser_data(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """The chooser's data for the script: ``data``, a :class:`ChooserData` as a JSON string."""


def criterion_id(role_id: str, source_id: str, text: str) -> str:
    """An id that stays the same while the criterion does, whatever moves around it.

    >>> criterion_id("builder", "guide", "You like maths")
    'builder-8cb23ea5'
    """
    digest = hashlib.sha256(f"{source_id}\n{text}".encode()).hexdigest()[:8]
    return f"{role_id}-{digest}"


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` appears literally.

    The escapes mean the same characters to a JSON parser, so the data reads back unchanged.

    >>> data = {"text": "</script><script>alert(1)</script> & more"}
    >>> print(script_json(data))
    {"text": "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 more"}
    >>> json.loads(script_json(data)) == data
    True
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class ChooserDirective(CareerkbDirective):
    """Every role's criteria as one list to tick through, with the lines between the roles."""

    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        if any(True for _ in self.state.document.findall(chooser_data)):
            raise DirectiveProblem("a page can hold only one chooser")
        roles = [role for role in kb.roles if role.choose_if]
        if not roles:
            raise DirectiveProblem("the sources give no criteria for choosing a role", Subtype.EMPTY)

        data: ChooserData = {"roles": {}, "criteria": []}
        rows: list[list[Cell]] = []
        for role in roles:
            self.shows("roles", role)
            data["roles"][role.id] = {"title": role.title, "url": None, "summary": role.summary}
            for criteria in role.choose_if:
                source = citation(kb.source(criteria.source), criteria.as_of.label)
                for text in criteria.items:
                    data["criteria"].append(
                        {
                            "id": criterion_id(role.id, criteria.source, text),
                            "text": text,
                            "role": role.id,
                            "source": source,
                        }
                    )
                    rows.append([text, role_link(role), source_link(kb, criteria)])

        node = chooser_data(data=json.dumps(data, ensure_ascii=False, sort_keys=True))
        self.set_source_info(node)
        container = nodes.container(classes=["careerkb-chooser"])
        container += node
        container += table(
            ["If this sounds like you", "Look at", "Source"],
            rows,
            classes=["careerkb-chooser-table"],
            title="What points to each role",
        )
        container += self._boundaries(kb, {role.id for role in roles})
        return [container]

    def _boundaries(self, kb: KnowledgeBase, role_ids: set[str]) -> list[nodes.Node]:
        """The sources' lines between the roles: a headline, then each side."""
        comparisons = [c for c in kb.comparisons if role_ids & set(c.roles)]
        if not comparisons:
            return []
        items: list[Cell] = []
        for comparison in comparisons:
            self.shows("comparisons", comparison)
            items.append(
                [
                    paragraph(nodes.strong(comparison.headline, comparison.headline), *cited(kb, comparison)),
                    bullet_list(_sides(kb, comparison), classes=["careerkb-chooser-sides"]),
                ]
            )
        return [
            paragraph(
                nodes.strong("Where the sources draw the lines", "Where the sources draw the lines"),
                classes=["careerkb-chooser-lines-title"],
            ),
            bullet_list(items, classes=["careerkb-chooser-lines"]),
        ]


def _sides(kb: KnowledgeBase, comparison: Comparison) -> list[Cell]:
    sides: list[Cell] = []
    for role_id in comparison.roles:
        role = kb.role(role_id)
        sides.append([role_link(role), nodes.Text(f": {comparison.sides[role_id]}")])
    return sides


# --- links and writing ---------------------------------------------------------------------------


def _fill_urls(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Link each role to its page, as seen from this page, once the domain knows every page."""
    if app.builder.format != "html":
        return
    domain = careerkb_domain(app.env)
    for node in doctree.findall(chooser_data):
        data: ChooserData = json.loads(node["data"])
        for role_id, role in data["roles"].items():
            target = domain.objects.get(("role", role_id))
            if target is None:
                continue
            reference = make_refnode(app.builder, docname, target.docname, target.anchor, nodes.Text(""))
            role["url"] = reference.get("refuri") or f"#{reference['refid']}"
        node["data"] = json.dumps(data, ensure_ascii=False, sort_keys=True)


def visit_chooser_html(self: HTML5Translator, node: chooser_data) -> None:
    data = script_json(json.loads(node["data"]))
    self.body.append(f'<script type="application/json" id="{DATA_ELEMENT_ID}">{data}</script>\n')
    raise nodes.SkipNode


def skip_chooser(self: Any, node: chooser_data) -> None:
    """Other builders show the table only: the data is for the script."""
    raise nodes.SkipNode


def depart_chooser(self: Any, node: chooser_data) -> None:
    pass


def setup_chooser(app: Sphinx) -> None:
    app.add_node(
        chooser_data,
        html=(visit_chooser_html, depart_chooser),
        text=(skip_chooser, depart_chooser),
        latex=(skip_chooser, depart_chooser),
        man=(skip_chooser, depart_chooser),
        texinfo=(skip_chooser, depart_chooser),
    )
    app.add_directive_to_domain("careerkb", "chooser", ChooserDirective)
    app.connect("doctree-resolved", _fill_urls)
