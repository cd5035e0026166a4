"""The glossary, rendered from the data as real Sphinx glossary terms.

Each term is registered with Sphinx's standard domain under its name, abbreviation and aliases,
so ``{term}`` links, the general index and intersphinx work as for a hand-written glossary.
Links that still do not resolve (another letter case, hyphens for spaces) are matched against
the data's own forgiving look-up before Sphinx gives up on them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.util.nodes import make_refnode

from careerkb.knowledge import UnknownRecordError, term_names
from careerkb.sphinxext.backlinks import mentioned_on
from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.render import joined, labelled, role_link, term_link
from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Term


def _letter(term: Term) -> str:
    first = term.term[0].upper()
    return first if first.isalpha() else "#"


def term_anchor(term: Term) -> str:
    """The HTML id of a term: stable, because it comes from the record's id."""
    return f"term-{term.id}"


class GlossaryDirective(CareerkbDirective):
    """Render every glossary term of the data, in alphabetical order."""

    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        # Entries show other terms' names (read from the data now) and the pages that mention
        # each term (filled in when the page is written).
        domain = careerkb_domain(self.env)
        domain.note_catalogue_page()
        by_letter: dict[str, list[Term]] = {}
        for term in sorted(kb.glossary, key=lambda t: t.term.casefold()):
            domain.note_render("glossary", term.id)
            by_letter.setdefault(_letter(term), []).append(term)
        # An A-Z bar, then one group per letter: a plain, complete list that needs no script.
        letters = nodes.paragraph(classes=["careerkb-az"])
        letters["ids"].append("glossary-letters")
        body: list[nodes.Node] = [letters]
        for index, (letter, terms) in enumerate(by_letter.items()):
            anchor = f"glossary-{letter.lower()}" if letter.isalpha() else "glossary-other"
            if index:
                letters += nodes.Text(" ")
            letters += nodes.reference(letter, letter, refid=anchor, classes=["careerkb-az-letter"])
            body.append(nodes.rubric(letter, letter, ids=[anchor], classes=["careerkb-az-heading"]))
            entries = nodes.definition_list(classes=["glossary", "careerkb-glossary"])
            for term in terms:
                entries += self._entry(kb, term)
            glossary = addnodes.glossary(sorted=True)
            glossary += entries
            body.append(glossary)
        return body

    def _entry(self, kb: KnowledgeBase, term: Term) -> nodes.definition_list_item:
        source, line = self.get_source_info()
        anchor = term_anchor(term)
        heading = make_glossary_term(
            self.env, [nodes.Text(term.term)], None, source, line, anchor, self.state.document
        )
        self.state.document.note_explicit_target(heading)
        std = self.env.domains.standard_domain
        for name in dict.fromkeys(term_names(term)):
            if name not in {term.term, term.id}:
                std.note_object("term", name, anchor, location=heading)

        definition = nodes.definition()
        definition += nodes.paragraph(term.definition, term.definition)
        other_names = [name for name in (term.abbreviation, *term.aliases) if name]
        if other_names:
            definition += labelled("Also known as", *joined(other_names), classes=["careerkb-term-aliases"])
        if term.roles:
            roles = [role_link(kb.role(role)) for role in term.roles]
            definition += labelled("Roles", *joined(roles), classes=["careerkb-term-roles"])
        if term.see_also:
            links = [term_link(kb.term(other).term) for other in term.see_also]
            definition += labelled("See also", *joined(links), classes=["careerkb-term-see-also"])
        definition += mentioned_on(term_id=term.id)
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
    kb = knowledge(app.config)
    if kb is None:
        return None
    target = node["reftarget"]
    try:
        term = kb.term(target)
    except UnknownRecordError as error:
        if error.suggestions:
            warn(f"{error}", Subtype.UNKNOWN_ID, node)
            return contnode  # reported here, with a suggestion; Sphinx need not report it again
        return None
    found = env.domains.standard_domain.objects.get(("term", term.term))
    if found is None:
        # A known term, but this project has no glossary page: links made by careerkb stay text.
        return contnode if node.get("careerkb_quiet") else None
    docname, anchor = found
    return make_refnode(app.builder, node["refdoc"], docname, anchor, contnode)


def setup_glossary(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "glossary", GlossaryDirective)
    app.connect("missing-reference", _resolve_by_any_name)
