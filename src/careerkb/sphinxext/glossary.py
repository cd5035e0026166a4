"""The glossary, rendered from the data as real Sphinx glossary terms.

Each term is registered with Sphinx's standard domain under its name, abbreviation and aliases,
so ``{term}`` links, the general index and intersphinx work as for a hand-written glossary.
Links that still do not resolve (another letter case, hyphens for spaces) are matched against
the data's own forgiving look-up before Sphinx gives up on them.

For the page's filter (``careerkb-glossary.js``) the directive also writes every term's names in
a :class:`glossary_names` node, which the HTML writer turns into
``<script type="application/json" id="careerkb-glossary-names">``: the "Also known as" line is
prose for readers, and a name may itself hold a comma. Other builders skip it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.util.nodes import make_refnode

from careerkb.sphinxext.backlinks import mentioned_on
from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.render import blocks
from careerkb.sphinxext.script_data import add_script_data_node
from careerkb.sphinxext.store import knowledge
from careerkb.views import requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from careerkb.views import Context
    from careerkb.views.glossary import TermEntry

#: The id of the script element the JavaScript reads; one glossary per page.
NAMES_ELEMENT_ID = "careerkb-glossary-names"


class glossary_names(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """Every term's names for the script: ``by_anchor`` maps a term's anchor to its name, then its
    abbreviation and aliases."""


class GlossaryDirective(CareerkbDirective):
    """Render every glossary term of the data, in alphabetical order."""

    option_spec: ClassVar[OptionSpec] = {}
    view = staticmethod(requests.glossary)

    def render(self, context: Context) -> list[nodes.Node]:
        view = requests.glossary(context, self.request())
        self.shows(view)
        # An A-Z bar, then one group per letter: a plain, complete list that needs no script.
        letters = nodes.paragraph(classes=["careerkb-az"])
        letters["ids"].append("glossary-letters")
        body: list[nodes.Node] = [letters]
        names: dict[str, list[str]] = {}
        for index, group in enumerate(view.groups):
            if index:
                letters += nodes.Text(" ")
            letters += nodes.reference(
                group.letter, group.letter, refid=group.anchor, classes=["careerkb-az-letter"]
            )
            body.append(
                nodes.rubric(group.letter, group.letter, ids=[group.anchor], classes=["careerkb-az-heading"])
            )
            entries = nodes.definition_list(classes=["glossary", "careerkb-glossary"])
            for entry in group.entries:
                entries += self._entry(entry)
                names[entry.anchor] = [entry.name, *entry.other_names]
            listing = addnodes.glossary(sorted=True)
            listing += entries
            body.append(listing)
        body.append(glossary_names(by_anchor=names))
        return body

    def _entry(self, entry: TermEntry) -> nodes.definition_list_item:
        source, line = self.get_source_info()
        heading = make_glossary_term(
            self.env, [nodes.Text(entry.name)], None, source, line, entry.anchor, self.state.document
        )
        self.state.document.note_explicit_target(heading)
        std = self.env.domains.standard_domain
        for name in entry.other_names:
            std.note_object("term", name, entry.anchor, location=heading)
        definition = nodes.definition()
        definition += blocks(entry.definition)
        definition += mentioned_on(term_id=entry.term_id)
        item = nodes.definition_list_item()
        item += heading
        item += definition
        return item


def _resolve_by_any_name(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    """Resolve a ``{term}`` link Sphinx could not, through the data's forgiving look-up."""
    if node.get("refdomain") != "std" or node.get("reftype") != "term":
        return None
    kb = knowledge(env)
    term = kb.terms_index.find(node["reftarget"]) if kb is not None else None
    found = env.domains.standard_domain.objects.get(("term", term.term)) if term is not None else None
    if found is None:
        return None  # reported, if at all, by careerkb.sphinxext.links.report_missing
    docname, anchor = found
    return make_refnode(app.builder, node["refdoc"], docname, anchor, contnode)


def setup_glossary(app: Sphinx) -> None:
    add_script_data_node(app, glossary_names, NAMES_ELEMENT_ID, lambda node: node["by_anchor"])
    app.add_directive_to_domain("careerkb", "glossary", GlossaryDirective)
    app.connect("missing-reference", _resolve_by_any_name)
