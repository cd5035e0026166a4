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
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from careerkb.knowledge import UnknownRecordError, term_names
from careerkb.loader import data_files
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.store import data_dir, knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Term


def term_anchor(term: Term) -> str:
    """The HTML id of a term: stable, because it comes from the record's id."""
    return f"term-{term.id}"


def term_link(name: str, text: str) -> addnodes.pending_xref:
    """A ``{term}`` reference, as the std domain's own role would make it."""
    return addnodes.pending_xref(
        "",
        nodes.inline(text, text, classes=["xref", "std", "std-term"]),
        refdomain="std",
        reftype="term",
        reftarget=name,
        refexplicit=True,
        refwarn=True,
    )


class GlossaryDirective(SphinxDirective):
    """Render every glossary term of the data, in alphabetical order."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        kb = knowledge(self.config)
        if kb is None:
            return []
        # Terms show role titles and other terms: any data file may change this page.
        for path in data_files(data_dir(self.config)):
            self.env.note_dependency(str(path))
        entries = nodes.definition_list(classes=["glossary", "careerkb-glossary"])
        domain = careerkb_domain(self.env)
        for term in sorted(kb.glossary, key=lambda t: t.term.casefold()):
            domain.note_render("glossary", term.id)
            entries += self._entry(kb, term)
        glossary = addnodes.glossary(sorted=True)
        glossary += entries
        return [glossary]

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
            definition += _labelled("Also known as", [nodes.Text(n) for n in other_names], "aliases")
        if term.roles:
            titles = [nodes.Text(kb.role(role).title) for role in term.roles]
            definition += _labelled("Roles", titles, "roles")
        if term.see_also:
            links = [term_link(kb.term(other).term, kb.term(other).term) for other in term.see_also]
            definition += _labelled("See also", links, "see-also")
        item = nodes.definition_list_item()
        item += heading
        item += definition
        return item


def _labelled(label: str, parts: Sequence[nodes.Node], kind: str) -> nodes.paragraph:
    paragraph = nodes.paragraph(classes=[f"careerkb-term-{kind}"])
    paragraph += nodes.strong(f"{label}:", f"{label}:")
    paragraph += nodes.Text(" ")
    for index, part in enumerate(parts):
        if index:
            paragraph += nodes.Text(", ")
        paragraph += part
    return paragraph


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
