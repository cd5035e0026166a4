"""The inline figure roles: ``{careerkb:figure}`mle-builders-median``` renders a salary band or a
market figure from the data as text, with its source and date, so prose never types a number;
``{careerkb:change}`prompt-engineer-postings-decline``` renders a change with its verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxRole

from careerkb.knowledge import UnknownRecordError
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.links import one_fragment
from careerkb.sphinxext.nodes import cited_figure
from careerkb.sphinxext.render import STALE_NOTE, citation, source_ref
from careerkb.sphinxext.store import build_state
from careerkb.sphinxext.warnings import Subtype, warn
from careerkb.views.content import Citation
from careerkb.views.figures import InlineFigure, inline_change, inline_figure

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.util.docutils import SphinxTranslator
    from sphinx.writers.html5 import HTML5Translator

    from careerkb.views.context import Context


#: Where a page keeps the figures it has shown (see :meth:`FigureRole.shown`).
_SHOWN = "careerkb:figures-shown"
#: A page's figures: each role's view of a record, and its citation's text.
Shown = dict[tuple[type["FigureRole"], str], tuple[InlineFigure, str]]


class FigureRole(SphinxRole):
    """A figure with its citation: '~$142K (CR Labs, The Builders, mid-2026)'."""

    view: ClassVar[staticmethod[[Context, str], InlineFigure]] = staticmethod(inline_figure)

    def __call__(self, *args: Any, **kwargs: Any) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        try:
            return super().__call__(*args, **kwargs)
        finally:
            # One role serves the whole build, and the inliner it was last given holds that page's
            # doctree: kept, thousands of figures' nodes would live to the end of the build, to be
            # walked by every garbage collection of the writing and freed only at exit.
            del self.inliner

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        state = build_state(self.env)
        if state.kb is None:
            state.data.loads()  # asked, so that the page is read again once the data loads
            return [nodes.inline(self.rawtext, self.text)], []
        try:
            view, cited = self.shown(state.context(state.kb), self.text.strip())
        except UnknownRecordError as error:
            warn(str(error), Subtype.UNKNOWN_ID, self.get_location())
            return [nodes.inline(self.rawtext, self.text, classes=["careerkb-figure-missing"])], []
        if view.problem:
            warn(view.problem, Subtype.BAD_ARGUMENT, self.get_location())
        cite = view.citation
        figure = cited_figure.of(
            self.rawtext,
            view.value,
            cited,
            classes=["careerkb-figure"],
            source=cite.source_id,
            stale=cite.stale,
            refdoc=self.env.current_document.docname,
        )
        return [figure], []

    def shown(self, context: Context, record_id: str) -> tuple[InlineFigure, str]:
        """The figure's view and its citation's text, made once per page and record.

        A page may show one figure thousands of times (a long table). The first time asked the
        data what the page depends on, and the page is read whole again when an answer changes,
        so the rest may reuse what it found.
        """
        shown = cast("Shown", self.env.current_document.setdefault(_SHOWN, {}))
        key = (type(self), record_id)
        if key not in shown:
            view = type(self).view(context, record_id)
            careerkb_domain(self.env).note_render(view.collection, view.record_id)
            shown[key] = view, _cited_text(view.citation)
        return shown[key]


class ChangeRole(FigureRole):
    """A change with its verb and citation: 'fell by ~30% (CR Labs, The Builders, mid-2026)'.
    Write 'postings {careerkb:change}`id`', never 'postings grew by {careerkb:figure}`id`': the
    verb follows the figure's sign, so a correction from a rise to a fall still reads right."""

    view = staticmethod(inline_change)


def _cited_text(cite: Citation) -> str:
    """The citation's text, after the figure's value: ' (source, date[, stale note])'."""
    return f" ({cite.text}, {STALE_NOTE})" if cite.stale else f" ({cite.text})"


def _citation(figure: cited_figure, cited: str) -> Citation:
    """The figure's citation from its text ``cited`` as the read left it (smart quotes and all):
    the inverse of :func:`_cited_text`."""
    stale = bool(figure["stale"])
    text = cited.removeprefix(" (").removesuffix(")")
    return Citation(figure["source"], text.removesuffix(f", {STALE_NOTE}") if stale else text, stale)


def usual_nodes(figure: cited_figure) -> nodes.inline:
    """The nodes a figure stands for: its value's span, and its citation as a link still to resolve."""
    value, cited = figure.parts()
    cite = _citation(figure, cited)
    return nodes.inline(
        "",
        "",
        nodes.inline(value, value, classes=["careerkb-figure-value"]),
        nodes.Text(" ("),
        citation(cite) if cite.stale else source_ref(cite.source_id, cite.text),
        nodes.Text(")"),
        classes=list(figure["classes"]),
    )


def _source_link(builder: Builder, figure: cited_figure, content: nodes.Element) -> nodes.reference | None:
    """The link to the figure's source around ``content``, as the references resolver would make it;
    None when no page describes the source. On the page that describes it, the link is a ``refid``."""
    xref = addnodes.pending_xref("", content, refexplicit=True)
    env = builder.env
    link = careerkb_domain(env).resolve_xref(
        env, figure["refdoc"], builder, "source", figure["source"], xref, content
    )
    if link is not None and "refuri" in link:
        link["refuri"] = one_fragment(link["refuri"])
    return link


def _visit(translator: SphinxTranslator, figure: cited_figure) -> None:
    """Any writer: the usual nodes, their link resolved."""
    usual = usual_nodes(figure)
    usual.parent = figure.parent  # for writers that ask where a node stands
    xref = next(usual.findall(addnodes.pending_xref))
    content = cast("nodes.Element", xref[0])  # source_ref's inline
    xref.replace_self(_source_link(translator.builder, figure, content) or content)
    usual.walkabout(translator)
    raise nodes.SkipNode


def _visit_html(translator: HTML5Translator, figure: cited_figure) -> None:
    """The HTML of the usual nodes, written without making them: a page may hold thousands."""
    value, cited = figure.parts()
    written = _CITED_HTML.setdefault(translator, {})
    key = (figure["refdoc"], figure["source"], figure["stale"], cited)
    if key not in written:
        written[key] = _cited_html(translator, figure, _citation(figure, cited))
    value_html = f'<span class="careerkb-figure-value">{translator.encode(value)}</span>'
    translator.body.append(f"{translator.starttag(figure, 'span', '')}{value_html} ({written[key]})</span>")
    raise nodes.SkipNode


#: The HTML of the citations each writer has written, by page, source, staleness and text: a
#: page's figures cite a few sources, and where a source's link leads does not change while
#: pages are written.
_CITED_HTML: WeakKeyDictionary[HTML5Translator, dict[tuple[str, str, bool, str], str]] = WeakKeyDictionary()


def _cited_html(translator: HTML5Translator, figure: cited_figure, cite: Citation) -> str:
    """The citation between the figure's brackets: linked to its source, and stale noted."""
    html = f'<span class="careerkb-citation">{translator.encode(cite.text)}</span>'
    link = _source_link(translator.builder, figure, nodes.inline())
    if link is not None:
        uri = translator.attval(link["refuri"] if "refuri" in link else f"#{link['refid']}")
        title = translator.attval(link["reftitle"])
        html = f'<a class="reference internal" href="{uri}" title="{title}">{html}</a>'
    if cite.stale:
        stale = f'<strong class="careerkb-stale">{STALE_NOTE}</strong>'
        html = f'<span class="careerkb-cite">{html}, {stale}</span>'
    return html


def setup_figures(app: Sphinx) -> None:
    # A writer without a visitor here writes an inline (Sphinx's translators look a node's
    # classes up in turn): the text of the value and citation, without the link.
    visitor = (_visit, None)
    app.add_node(
        cited_figure, html=(_visit_html, None), latex=visitor, text=visitor, man=visitor, texinfo=visitor
    )
    app.add_role_to_domain("careerkb", "figure", FigureRole())
    app.add_role_to_domain("careerkb", "change", ChangeRole())
