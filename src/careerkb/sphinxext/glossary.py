"""The glossary, rendered from the data as real Sphinx glossary terms.

Each term is registered with Sphinx's standard domain under its name, abbreviation and aliases,
so ``{term}`` links, the general index and intersphinx work as for a hand-written glossary.
Links that still do not resolve (another letter case, hyphens for spaces) are matched against
the data's own forgiving look-up before Sphinx gives up on them.

For the page's filter (``careerkb-glossary.js``) the directive also writes every term's names in
a :class:`glossary_names` node, which the HTML writer turns into
``<script type="application/json" id="careerkb-glossary-names">``: the "Also known as" line is
prose for readers, and a name may itself hold a comma. Other builders skip it.

A glossary of more than ``careerkb_glossary_split_at`` terms is split: pages with
``:letters: A-C`` show the terms of their letters, and the page without the option keeps the
A-Z bar. Which page shows which letters is known only once every page is read, so the bars are
placeholders (:class:`letter_bar`), filled when a page is written, and every glossary page is
written again when the letters move. The filter and links to a term's old address on the
glossary page read the previews' data, which has every term's names and address.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.util.nodes import make_refnode

from careerkb.knowledge import letter_key
from careerkb.sphinxext.backlinks import mentioned_on
from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.links import uri_from
from careerkb.sphinxext.render import blocks
from careerkb.sphinxext.script_data import add_script_data_node
from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn
from careerkb.views import requests
from careerkb.views.glossary import GlossaryIndex, Letters, letter_anchor, letter_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from careerkb.views import Context
    from careerkb.views.glossary import Glossary, TermEntry

#: The id of the script element the JavaScript reads; one glossary per page.
NAMES_ELEMENT_ID = "careerkb-glossary-names"


class glossary_names(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """Every term's names for the script: ``by_anchor`` maps a term's anchor to its name, then its
    abbreviation and aliases."""


class letter_bar(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for the A-Z bar of a split glossary, linking each letter on the page that
    shows it; filled when the page is written (:func:`_fill_letter_bars`)."""


class GlossaryDirective(CareerkbDirective):
    """Render every glossary term of the data, in alphabetical order; or, for a glossary too
    large for one page, the terms of some letters (``:letters: A-C``) or the A-Z bar alone."""

    option_spec: ClassVar[OptionSpec] = {"letters": directives.unchanged}
    view = staticmethod(requests.glossary)

    def render(self, context: Context) -> list[nodes.Node]:
        view = requests.glossary(context, self.request())
        self.shows(view)
        if isinstance(view, GlossaryIndex):
            self._note_page(())
            return [self._bar()]
        if "letters" in self.options:
            self._note_page(tuple(group.letter for group in view.groups))
            return [self._bar(), *self._groups(view)]
        # An A-Z bar, then one group per letter: a plain, complete list that needs no script.
        links = [_letter_link(group.letter, refid=group.anchor) for group in view.groups]
        letters = _letter_links(["careerkb-az"], links)
        entries = [entry for group in view.groups for entry in group.entries]
        names = {entry.anchor: [entry.name, *entry.other_names] for entry in entries}
        return [letters, *self._groups(view), glossary_names(by_anchor=names)]

    def _note_page(self, letters: tuple[str, ...]) -> None:
        careerkb_domain(self.env).glossary_pages[self.env.docname] = (letters, self.lineno)

    def _bar(self) -> letter_bar:
        # The filter finds its place by this id, and the script takes its cue from the class.
        return letter_bar(ids=["glossary-letters"], classes=["careerkb-az", "careerkb-az-pages"])

    def _groups(self, view: Glossary) -> list[nodes.Node]:
        body: list[nodes.Node] = []
        for group in view.groups:
            body.append(
                nodes.rubric(group.letter, group.letter, ids=[group.anchor], classes=["careerkb-az-heading"])
            )
            entries = nodes.definition_list(classes=["glossary", "careerkb-glossary"])
            for entry in group.entries:
                entries += self._entry(entry)
            listing = addnodes.glossary(sorted=True)
            listing += entries
            body.append(listing)
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


def _fill_letter_bars(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    bars = list(doctree.findall(letter_bar))
    if not bars:
        return
    shown_on = _pages_of_letters(careerkb_domain(app.env).glossary_pages)
    uris = {
        letter: uri_from(app.builder, docname, shown_on[letter], letter_anchor(letter))
        for letter in sorted(shown_on, key=letter_key)
    }
    for bar in bars:
        links = [_letter_link(letter, refuri=uri, internal=True) for letter, uri in uris.items()]
        bar.replace_self(_letter_links(bar["classes"], links))


def _letter_link(letter: str, **target: str | bool) -> nodes.reference:
    return nodes.reference(letter, letter, classes=["careerkb-az-letter"], **target)


def _letter_links(classes: list[str], links: list[nodes.reference]) -> nodes.paragraph:
    """The A-Z bar: the letters' links, a space apart, where the filter finds it by its id."""
    bar = nodes.paragraph(ids=["glossary-letters"], classes=classes)
    for index, link in enumerate(links):
        if index:
            bar += nodes.Text(" ")
        bar += link
    return bar


def _check_letter_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """Every letter of a split glossary on exactly one page."""
    kb = knowledge(env)
    pages = careerkb_domain(env).glossary_pages
    if kb is None or not pages:
        return
    shown_on = _pages_of_letters(pages)
    for page, (letters, line) in sorted(pages.items()):
        for letter in letters:
            if shown_on[letter] != page:
                message = f"the glossary's letter {letter} is on page {shown_on[letter]!r} already"
                warn(message, Subtype.GLOSSARY_PAGES, (page, line))
    missing = [letter for letter in kb.glossary_letters() if letter not in shown_on]
    if not missing:
        return
    counts = [(letter, len(kb.terms_filed_under(letter))) for letter in missing]
    split_at = app.config.careerkb_glossary_split_at
    ranges = ", ".join(str(Letters.spanning(page)) for page in letter_pages(counts, split_at))
    # At the glossary page, which is where a reader misses them; else at the first letter page.
    page = min(pages, key=lambda name: (bool(pages[name][0]), name))
    line = pages[page][1]
    warn(
        f"the glossary has {kb.glossary_size()} terms, more than careerkb_glossary_split_at "
        f"({split_at}), so they are shown on pages of letters, but no page shows "
        f"{', '.join(missing)}: add a page with a careerkb:glossary directive and :letters: for "
        f"each of {ranges}",
        Subtype.GLOSSARY_PAGES,
        (page, line),
    )


def _pages_of_letters(pages: dict[str, tuple[tuple[str, ...], int]]) -> dict[str, str]:
    """Letter -> the page showing it; the first page by name, where two show it (a warning)."""
    shown_on: dict[str, str] = {}
    for page, (letters, _) in sorted(pages.items()):
        for letter in letters:
            shown_on.setdefault(letter, page)
    return shown_on


def _rewrite_glossary_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page with a letter bar, written again when the letters move between pages."""
    domain = careerkb_domain(env)
    layout = repr(sorted((page, letters) for page, (letters, _) in domain.glossary_pages.items()))
    if layout == domain.data["glossary_layout"]:
        return []
    domain.data["glossary_layout"] = layout
    return sorted(domain.glossary_pages)


def setup_glossary(app: Sphinx) -> None:
    add_script_data_node(app, glossary_names, NAMES_ELEMENT_ID, lambda node: node["by_anchor"])
    app.add_node(letter_bar)
    app.connect("doctree-resolved", _fill_letter_bars)
    app.connect("env-check-consistency", _check_letter_pages)
    app.connect("env-updated", _rewrite_glossary_pages)
    app.add_directive_to_domain("careerkb", "glossary", GlossaryDirective)
    app.connect("missing-reference", _resolve_by_any_name)
