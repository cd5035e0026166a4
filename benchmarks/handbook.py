"""Two Sphinx source trees of the same handbook, for the build benchmark.

:func:`write_careerkb_handbook` writes MyST pages that render a knowledge base through careerkb's
directives and roles. :func:`write_twin_handbook` writes its *twin*: the same pages, titles and
prose, with every directive's output typed out as static MyST (tables, lists, bold labels,
rubrics and Sphinx's own ``{glossary}``), built by plain Sphinx with the same theme and
extensions minus careerkb. The twin is the floor: what a hand-written handbook with the same
visible text, tables and links costs to build. It mirrors what careerkb shows, not its CSS
classes, scripts, JSON API, link previews or search entries.

Both trees come from one plan: a list of pages, each a sequence of blocks that are either prose
or a careerkb directive. The careerkb writer prints the directives; the twin writer asks each
directive's view (:mod:`careerkb.views.requests`), the very one careerkb renders, and writes it
out as static MyST. Which pages mention each term and cite each source, it works out from the
views' records and links, as careerkb works them out from the pages it has read.

    python -m benchmarks.handbook OUT [--data DIR]   # writes OUT/careerkb and OUT/twin
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import string
import textwrap
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, cast

import careerkb
from careerkb.clock import Clock
from careerkb.format import level_label
from careerkb.integrity import references
from careerkb.loader import default_data_dir
from careerkb.views import Context
from careerkb.views.content import (
    Box,
    BulletList,
    Citation,
    Code,
    Labelled,
    LocalLink,
    Paragraph,
    Pay,
    RoleLink,
    Rubric,
    SourceLink,
    Strong,
    Styled,
    Table,
    TermLink,
    WebLink,
    is_blocks,
)
from careerkb.views.context import DEFAULT_GLOSSARY_SPLIT_AT
from careerkb.views.figures import inline_figure
from careerkb.views.glossary import Glossary, GlossaryIndex, Letters, letter_anchor, letter_pages
from careerkb.views.requests import VIEWS, Request
from careerkb.views.roles import RoleProfile
from careerkb.views.sources import Sources, source_anchor
from careerkb.views.tiers import CareersMap

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Comparison, Role, Term, Tier
    from careerkb.views import View
    from careerkb.views.content import Block as ViewBlock
    from careerkb.views.content import Cell, Inline, Span

PROJECT = "careerkb"
INDEX, MAP, ROLES, COMPARE, MARKET, GLOSSARY, SOURCES, STATISTICS, CHOOSING = (
    "index",
    "tiers/index",
    "roles/index",
    "compare/index",
    "market",
    "glossary",
    "sources",
    "official-statistics",
    "choosing",
)
#: The settings of the real handbook's conf.py that shape an offline build and its cost.
HTML_THEME_OPTIONS = {
    "navigation_with_keys": False,
    "show_prev_next": False,
    "navbar_align": "left",
    "header_links_before_dropdown": 6,
    "icon_links": [],
    "collapse_navigation": True,
}
#: A section lists at most this many pages; a longer list is split into parts of this size.
#: The theme's sidebar lists a page's section on every page in it, so one flat list of 1,300
#: roles would cost every role page 1,300 links: the build and the site would grow with the
#: square of the data, however fast careerkb is. A large handbook groups its pages, and so
#: does this one; at 1x no section is long enough to be split.
PART_SIZE = 50

Key = tuple[str, str]  # (collection, record id)


# --- MyST text ------------------------------------------------------------------------------

# Characters that mean something inline; '|' is escaped only in table cells, where it splits.
_SPECIAL = re.compile(r"([\\`*_\[\]<>&~#:])")
_LIST_MARKER = re.compile(r"^(\d{1,9})([.)])")


def md(text: str) -> str:
    r"""``text`` as literal MyST inline text, on one line, safe at the start of a line too.

    >>> print(md("*Note*: see `x` | y"))
    \*Note\*\: see \`x\` | y
    >>> print(md("1. first"), md("- item"), md("(label)="))
    1\. first \- item \(label)=
    """
    return _line_start(_escaped(" ".join(text.split())))


def _escaped(text: str) -> str:
    """Inline text with MyST's special characters escaped, its spacing kept (one space a run)."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _line_start(escaped: str) -> str:
    """Escaped text that may start a line: nothing in it may open a block."""
    if escaped[:1] in string.punctuation and not escaped.startswith("\\"):
        escaped = "\\" + escaped  # '+', '-', '%', '(label)=', '>' and the like open blocks
    return _LIST_MARKER.sub(r"\1\\\2", escaped, count=1)


def _longest_run(text: str, char: str) -> int:
    return max((len(run) for run in re.findall(f"{re.escape(char)}+", text)), default=0)


def myst_role(name: str, content: str) -> str:
    """An inline MyST role; its content is given to Sphinx as it is, so it is not escaped."""
    fence = "`" * (_longest_run(content, "`") + 1)
    return f"{{{name}}}{fence}{content}{fence}"


def directive(name: str, argument: str = "", options: Iterable[tuple[str, str]] = (), body: str = "") -> str:
    """A fenced MyST directive, its fence longer than any run of its fence character in its body.

    The fence is of backticks, or of tildes when the argument holds a backtick (CommonMark
    allows none in a backtick fence's info string).
    """
    char = "~" if "`" in argument else "`"
    fence = char * max(3, _longest_run(body, char) + 1)
    lines = [f"{fence}{{{name}}}" + (f" {argument}" if argument else "")]
    # MyST reads an option's '#' as the start of a comment, unless the value is quoted.
    lines += [f":{key}: {json.dumps(value) if '#' in value else value}" for key, value in options]
    if body:
        lines += ["", body] if lines[1:] else [body]
    return "\n".join([*lines, fence])


def strong(markdown: str) -> str:
    return f"**{markdown}**"


def labelled(label: str, markdown: str) -> str:
    """'**Label:** rest', as careerkb's labelled paragraphs read."""
    return f"{strong(md(label + ':'))} {markdown}"


def heading(title: str) -> str:
    return f"# {md(title)}"


def bullets(items: Iterable[str], *, enumerated: bool = False) -> str:
    """A list whose items are Markdown, one block or several separated by blank lines."""
    lines = []
    for number, item in enumerate(items, start=1):
        marker = f"{number}. " if enumerated else "- "
        lines.append(marker + _hang(item, len(marker)))
    return "\n".join(lines)


def _hang(markdown: str, width: int) -> str:
    """Every line but the first indented by ``width``, to stay inside a list item."""
    first, _, rest = markdown.partition("\n")
    return first + ("\n" + textwrap.indent(rest, " " * width) if rest else "")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str = "") -> str:
    """A table of Markdown cells: a GFM table when every cell is one line, else a list-table.

    Like careerkb's tables, it has a header row and a caption when one is given.
    """
    if any("\n" in cell for row in rows for cell in row):
        return _list_table(caption, [headers, *rows])
    lines = [_gfm_row(headers), "|" + "---|" * len(headers), *map(_gfm_row, rows)]
    return directive("table", md(caption), body="\n".join(lines)) if caption else "\n".join(lines)


def _gfm_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _list_table(caption: str, rows: Sequence[Sequence[str]]) -> str:
    lines = [
        ("* - " if index == 0 else "  - ") + _hang(cell, 4) for row in rows for index, cell in enumerate(row)
    ]
    options = [("header-rows", "1"), ("stub-columns", "1")]
    return directive("list-table", md(caption), options, "\n".join(lines))


def toctree(entries: Iterable[str], *, hidden: bool = False) -> str:
    options = [("hidden", "")] if hidden else [("maxdepth", "1")]
    return directive("toctree", options=options, body="\n".join(entries))


def term_ref(label: str, target: str | None = None) -> str:
    """A ``{term}`` link, as both trees write it."""
    return myst_role("term", label if target in (None, label) else f"{label} <{target}>")


def doc_ref(docname: str) -> str:
    """A link to a page, shown with the page's title, as careerkb shows role and page links."""
    return myst_role("doc", f"/{docname}")


def join_and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


# --- the plan both trees share ----------------------------------------------------------------


@dataclass(frozen=True)
class Directive:
    """A careerkb directive on a page: ``careerkb:<name>``, its argument and its options."""

    name: str
    argument: str = ""
    options: tuple[tuple[str, str], ...] = ()

    def request(self) -> Request:
        return Request(self.argument or None, dict(self.options))

    def markdown(self) -> str:
        return directive(f"careerkb:{self.name}", self.argument, self.options)


@dataclass(frozen=True)
class Figure:
    """An inline ``{careerkb:figure}`` of a salary band: '~$142K (CR Labs, mid-2026)'."""

    band_id: str


@dataclass(frozen=True)
class Prose:
    """A block both trees share, apart from its inline figures, and the terms it links."""

    parts: tuple[str | Figure, ...]
    terms: tuple[str, ...] = ()

    @classmethod
    def of(cls, *blocks: str) -> Prose:
        return cls(("\n\n".join(blocks),))


Block = Prose | Directive


@dataclass(frozen=True)
class Page:
    docname: str
    title: str
    blocks: tuple[Block, ...]


def plan(kb: KnowledgeBase) -> list[Page]:
    """Every page of the handbook, in the same order in both trees."""
    tiers = _section("tiers", "Tiers", [tier.id for tier in kb.tiers])
    roles = _section("roles", "Roles", [role.id for role in kb.roles])
    comparisons = _section("compare", "Comparisons", [comparison.id for comparison in kb.comparisons])
    return [
        _index_page(kb),
        _map_page(tiers.entries),
        *tiers.parts,
        *(_tier_page(tier) for tier in kb.tiers),
        _roles_page(roles.entries),
        *roles.parts,
        *(_role_page(kb, role) for role in kb.roles),
        _compare_page(comparisons.entries),
        *comparisons.parts,
        *(_comparison_page(kb, comparison) for comparison in kb.comparisons),
        *_choosing_pages(kb),
        Page(
            MARKET,
            "Market and demand",
            (_intro("Every demand figure the sources give."), Directive("market-facts")),
        ),
        *glossary_pages(kb),
        Page(SOURCES, "Sources", (_intro("The documents every figure comes from."), Directive("sources"))),
    ]


def glossary_pages(kb: KnowledgeBase, split_at: int = DEFAULT_GLOSSARY_SPLIT_AT) -> list[Page]:
    """The glossary page; above ``split_at`` terms (careerkb_glossary_split_at), with a page of
    letters for each group of letters that fits, as a handbook of that size would have."""
    intro = _intro("Every term the handbook uses, A to Z.")
    if kb.glossary_size() <= split_at:
        return [Page(GLOSSARY, "Glossary", (intro, Directive("glossary")))]
    counts = [(letter, len(kb.terms_filed_under(letter))) for letter in kb.glossary_letters()]
    pages = []
    for letters in letter_pages(counts, split_at):
        shown = str(Letters.spanning(letters))
        slug = shown.replace("#", "0").lower()
        title = f"Glossary: {shown.replace('-', ' to ')}"
        pages.append(
            Page(f"{GLOSSARY}/{slug}", title, (Directive("glossary", options=(("letters", shown),)),))
        )
    listed = Prose.of(toctree((page.docname for page in pages), hidden=True))
    return [Page(GLOSSARY, "Glossary", (intro, Directive("glossary"), listed)), *pages]


@dataclass(frozen=True)
class Section:
    """What a section's index page lists, and the part pages between it and its pages."""

    entries: list[str]
    parts: list[Page]


def _section(folder: str, title: str, pages: Sequence[str]) -> Section:
    """The pages of ``folder``, split into parts of :data:`PART_SIZE` when there are more."""
    if len(pages) <= PART_SIZE:
        return Section(list(pages), [])
    parts = []
    for start in range(0, len(pages), PART_SIZE):
        members = pages[start : start + PART_SIZE]
        name = f"part-{start // PART_SIZE + 1:03d}"
        heading = f"{title} {start + 1} to {start + len(members)}"
        parts.append(Page(f"{folder}/{name}", heading, (Prose.of(toctree(members)),)))
    return Section([Path(part.docname).name for part in parts], parts)


def _intro(text: str) -> Prose:
    return Prose.of(md(text))


def _index_page(kb: KnowledgeBase) -> Page:
    intro = (
        f"This handbook covers {len(kb.roles)} AI roles: what each one does, what it pays, how much "
        f"demand there is and how to get in. It compares {len(kb.comparisons)} pairs of roles, defines "
        f"{len(kb.glossary)} terms and cites {len(kb.sources)} sources for every figure."
    )
    entries = [MAP, ROLES, COMPARE, MARKET, GLOSSARY, SOURCES]
    entries += [
        name for name in (STATISTICS, CHOOSING) if any(page.docname == name for page in _choosing_pages(kb))
    ]
    return Page(INDEX, f"The {PROJECT} handbook", (Prose.of(md(intro), toctree(entries)),))


def _map_page(entries: list[str]) -> Page:
    intro = _intro("The tiers of AI work and the roles in each.")
    # Relative to the map's own page, tiers/index.
    hidden = Prose.of(toctree(entries, hidden=True))
    return Page(MAP, "The careers map", (intro, Directive("tiers"), hidden))


def _tier_page(tier: Tier) -> Page:
    return Page(f"tiers/{tier.id}", tier.name, (Directive("tier", tier.id),))


def _choosing_pages(kb: KnowledgeBase) -> list[Page]:
    """Official statistics, and choosing (backgrounds, routes, plans), where the data has them."""
    pages = []
    if kb.occupations:
        statistics = (_intro("Official occupations beside the roles."), Directive("occupations"))
        pages.append(Page(STATISTICS, "Official statistics", statistics))
    choosing: list[Block] = [_intro("Where readers start, the ways in, and the plans.")]
    choosing += [
        Directive(name)
        for name, records in (("backgrounds", kb.backgrounds), ("routes", kb.routes))
        if records
    ]
    choosing += [Directive("plan", plan.id) for plan in kb.plans]
    if len(choosing) > 1:
        pages.append(Page(CHOOSING, "Choosing", tuple(choosing)))
    return pages


def _roles_page(entries: list[str]) -> Page:
    intro = _intro("Every role side by side: its status, entry pay and demand, each with its source.")
    hidden = Prose.of(toctree(entries, hidden=True))
    return Page(ROLES, "Roles", (intro, Directive("roles-directory"), hidden))


def _role_page(kb: KnowledgeBase, role: Role) -> Page:
    blocks: list[Block] = [
        _role_prose(kb, role),
        Directive("quick-facts", role.id),
        Directive("role-profile", role.id),
    ]
    by_role = (("role", role.id),)
    if kb.salary_bands(role=role.id):
        blocks.append(Directive("salary-table", options=by_role))
    if kb.market_facts(role=role.id):
        blocks.append(Directive("market-facts", options=by_role))
    if role.learning_path is not None or kb.resources(role=role.id):
        blocks.append(Directive("learning-path", role.id))
    if role.occupations:
        blocks.append(Directive("official-statistics", role.id))
    # The profile shows neither the interview loop nor the career ladder: they have their own.
    if role.interview_loop is not None:
        blocks.append(Directive("interview-loop", role.id))
    if role.career_ladder is not None:
        blocks.append(Directive("career-ladder", role.id))
    return Page(f"roles/{role.id}", role.title, tuple(blocks))


def _role_prose(kb: KnowledgeBase, role: Role) -> Prose:
    """The summary, a sentence linking three terms and one with a pay figure."""
    summary = md(role.summary)
    parts: list[str | Figure] = [summary if summary[-1] in ".!?" else summary + "."]
    terms = prose_terms(kb, role)
    if terms:
        links = join_and([term_ref(term.term) for term in terms])
        parts.append(f" Ideas that come up again and again in this work include {links}.")
    band = kb.entry_pay(role.id) or next(iter(kb.salary_bands(role=role.id)), None)
    if band is not None:
        parts += [
            f" One pay figure from the sources, for the {md(level_label(band))} level: ",
            Figure(band.id),
            ".",
        ]
    return Prose(tuple(parts), tuple(term.id for term in terms))


def prose_terms(kb: KnowledgeBase, role: Role) -> list[Term]:
    """Three terms for a role's prose: its own first, by id, then the glossary's first ones."""
    own = sorted((term for term in kb.glossary if role.id in term.roles), key=lambda term: term.id)
    chosen = {term.id for term in own[:3]}
    fallback = (term for term in kb.glossary if term.id not in chosen)
    return [*own[:3], *islice(fallback, 3 - len(chosen))]


def _compare_page(entries: list[str]) -> Page:
    intro = _intro("Pairs of roles side by side, on everything the sources cover.")
    return Page(COMPARE, "Compare roles", (intro, Prose.of(toctree(entries))))


def _comparison_page(kb: KnowledgeBase, comparison: Comparison) -> Page:
    title = " vs ".join(kb.role(role_id).title for role_id in comparison.roles)
    return Page(f"compare/{comparison.id}", title, (Directive("compare", " ".join(comparison.roles)),))


# --- the careerkb tree ------------------------------------------------------------------------


def write_careerkb_handbook(knowledge: KnowledgeBase, out: Path, *, data_dir: Path | None = None) -> None:
    """The handbook as careerkb renders it; ``data_dir`` defaults to the folder the data came from."""
    pages = plan(knowledge)
    for page in pages:
        blocks = [_careerkb_block(block) for block in page.blocks]
        _write_page(out, page, blocks)
    write_conf(
        out,
        twin=False,
        data_dir=data_dir or data_dir_of(knowledge),
        all_rendered=Twin.of(knowledge, pages).renders_everything(),
    )


def _careerkb_block(block: Block) -> str:
    if isinstance(block, Directive):
        return block.markdown()
    return "".join(
        myst_role("careerkb:figure", part.band_id) if isinstance(part, Figure) else part
        for part in block.parts
    )


def data_dir_of(kb: KnowledgeBase) -> Path:
    """The folder holding every data file ``kb`` was read from."""
    files = {str(origin.document.path.resolve()) for entries in kb.entries.values() for _, origin in entries}
    return Path(os.path.commonpath([str(Path(path).parent) for path in files]))


def _write_page(out: Path, page: Page, blocks: Iterable[str]) -> None:
    path = out / f"{page.docname}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join([heading(page.title), *blocks]) + "\n", encoding="utf-8")


def write_conf(out: Path, *, twin: bool, data_dir: Path | None = None, all_rendered: bool = False) -> None:
    """conf.py: the real handbook's theme and MyST settings, careerkb only outside the twin."""
    extensions = ["myst_parser", "sphinx_design"] + ([] if twin else ["careerkb.sphinxext"])
    lines = [
        f'"""The {"twin" if twin else "careerkb"} tree of the benchmark handbook (generated)."""',
        "",
        f"project = {PROJECT!r}",
        f"extensions = {extensions!r}",
        'root_doc = "index"',
        'exclude_patterns = ["_build"]',
        'myst_enable_extensions = ["colon_fence", "deflist"]',
        "nitpicky = True",
        'html_theme = "pydata_sphinx_theme"',
        f"html_title = {PROJECT!r}",
        f"html_theme_options = {HTML_THEME_OPTIONS!r}",
        'html_context = {"default_mode": "auto"}',
        "# pydata-sphinx-theme appends to templates_path: give it a list of this project's own, not",
        "# Sphinx's shared default, or each later build in one process (the tests) has a longer one,",
        "# a new configuration hash, and Sphinx writes every page again.",
        "templates_path = []",
    ]
    if not twin:
        lines.append(f"careerkb_data_dir = {str((data_dir or default_data_dir()).resolve())!r}")
        if all_rendered:
            lines.append("careerkb_require_all_rendered = True")
    out.mkdir(parents=True, exist_ok=True)
    (out / "conf.py").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the twin: every directive's view, written out as static MyST -------------------------------


@dataclass
class Twin:
    """The plan with each directive's view, and what careerkb works out across pages from them."""

    context: Context
    pages: list[Page]
    views: dict[tuple[str, int], View] = field(default_factory=dict)  # (page, block) -> its view
    titles: dict[str, str] = field(default_factory=dict)
    mentions: dict[str, set[str]] = field(default_factory=dict)  # term id -> pages linking it
    linked: dict[str, set[str]] = field(default_factory=dict)  # page -> ids of the terms it links
    citing: dict[str, set[str]] = field(default_factory=dict)  # source id -> pages citing it
    shown: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def of(cls, kb: KnowledgeBase, pages: list[Page]) -> Twin:
        # The careerkb tree counts from the day it is built, with the default age allowed.
        twin = cls(
            Context(kb, Clock(today=dt.date.today())), pages, titles={p.docname: p.title for p in pages}
        )
        records = {
            (name, str(getattr(record, "id", ""))): record
            for name, found in kb.entries.items()
            for record, _ in found
        }
        for page in pages:
            shown: set[tuple[str, str]] = set()
            terms: set[str] = set()
            for number, block in enumerate(page.blocks):
                if isinstance(block, Prose):
                    terms.update(block.terms)
                    shown.update(
                        ("salary_bands", part.band_id) for part in block.parts if isinstance(part, Figure)
                    )
                    continue
                view = twin.views[page.docname, number] = VIEWS[block.name](twin.context, block.request())
                shown |= view.shows
                terms.update(filter(None, (kb.term_id(link.name) for link in term_links(view))))
            twin.shown |= shown
            for term_id in terms:
                twin.mentions.setdefault(term_id, set()).add(page.docname)
                twin.linked.setdefault(page.docname, set()).add(term_id)
            for key in shown:
                cited = {ref.record_id for ref in references(records[key]) if ref.target == "sources"}
                for source_id in cited | ({key[1]} if key[0] == "sources" else set()):
                    twin.citing.setdefault(source_id, set()).add(page.docname)
        return twin

    def renders_everything(self) -> bool:
        """Whether every record appears on some page (careerkb_require_all_rendered can be on)."""
        return all(
            (collection, str(getattr(record, "id", ""))) in self.shown
            for collection, entries in self.context.kb.entries.items()
            for record, _ in entries
        )

    def page_links(self, pages: Iterable[str]) -> str:
        """Links to pages in the order of their titles, as careerkb lists backlinks."""
        ordered = sorted(pages, key=lambda page: (self.titles[page].casefold(), page))
        return ", ".join(doc_ref(page) for page in ordered)


def term_links(view: View) -> Iterator[TermLink]:
    """Every glossary link a view holds."""

    def cells(content: Iterable[ViewBlock]) -> Iterator[Cell]:
        for block in content:
            match block:
                case Paragraph(spans=spans) | Labelled(spans=spans):
                    yield spans
                case BulletList(items=items):
                    yield from items
                case Table(rows=rows):
                    yield from (cell for row in rows for cell in row)
                case Box(blocks=inner):
                    yield from cells(inner)

    def walk(content: Iterable[ViewBlock]) -> Iterator[TermLink]:
        for cell in cells(content):
            if is_blocks(cell):
                yield from walk(cell)
            else:
                yield from (span for span in cast("Inline", cell) if isinstance(span, TermLink))

    yield from walk(view.blocks)
    if isinstance(view, Glossary):
        for group in view.groups:
            for entry in group.entries:
                yield from walk(entry.definition)


def source_link(text: str, source_id: str) -> str:
    """``text`` linked to a source's entry with ``{ref}``, like careerkb's own citation links.

    A role cannot carry every text: Sphinx takes a '<' for the start of the target and a leading
    '!' for "no link". Such text gets a Markdown link, which MyST resolves more slowly (it asks
    every domain), so it is kept for the rare text that needs it.
    """
    if "<" in text or text.startswith(("!", "`")) or text.endswith("`"):
        return f"[{md(text)}](#{source_anchor(source_id)})"
    return myst_role("ref", f"{text} <{source_anchor(source_id)}>")


def role_link(role_id: str) -> str:
    return doc_ref(f"roles/{role_id}")


class MySTWriter:
    """View content as static MyST, as careerkb's nodes render it (without careerkb's classes)."""

    def __init__(self, twin: Twin) -> None:
        self.twin = twin

    def blocks(self, content: Iterable[ViewBlock]) -> list[str]:
        return [self.block(block) for block in content]

    def block(self, block: ViewBlock) -> str:
        match block:
            case Paragraph(spans=spans):
                return self.inline(spans)
            case Labelled(label=label, spans=spans):
                return labelled(label, self.inline(spans))
            case Rubric(title=title):
                return directive("rubric", md(title))
            case BulletList(items=items, enumerated=enumerated):
                return bullets((self.cell(item) for item in items), enumerated=enumerated)
            case Table(headers=headers, rows=rows, title=title):
                cells = [[self.cell(cell) for cell in row] for row in rows]
                return table([md(header) for header in headers], cells, title or "")
            case Box(title=title, blocks=inner):
                return directive("topic", title, body="\n\n".join(self.blocks(inner)))

    def cell(self, cell: Cell) -> str:
        if is_blocks(cell):
            return "\n\n".join(self.blocks(cell))
        return self.inline(cast("Inline", cell))

    def inline(self, spans: Inline) -> str:
        text = "".join(self.span(span) for span in spans)
        return _line_start(text) if spans and isinstance(spans[0], str) else text

    def span(self, span: Span) -> str:
        match span:
            case str():
                return _escaped(span)
            case Citation(source_id=source_id, text=text, stale=stale):
                return source_link(text, source_id) + (", **may be out of date**" if stale else "")
            case Pay(text=text) | Styled(text=text):
                return md(text)
            case RoleLink(role_id=role_id):
                return role_link(role_id)
            case TermLink(name=name):
                return term_ref(name, self.twin.context.kb.term(name).term)
            case SourceLink(source_id=source_id, title=title):
                return source_link(title, source_id)
            case WebLink(url=url, text=None):
                return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
            case WebLink(url=url, text=str() as text):
                return f"[{md(text)}](" + url.replace("(", "%28").replace(")", "%29") + ")"
            case Code(text=text) | LocalLink(content=Code(text=text)):
                return myst_role("code", text)
            case Strong(content=RoleLink(role_id=role_id)):
                return strong(role_link(role_id))
            case Strong(content=str() as text):
                return strong(md(text))
        raise TypeError(f"no MyST for {span!r}")


def write_twin_handbook(knowledge: KnowledgeBase, out: Path) -> None:
    """The same handbook with careerkb's output typed out as static MyST."""
    pages = plan(knowledge)
    twin = Twin.of(knowledge, pages)
    writer = MySTWriter(twin)
    for page in pages:
        blocks = [_twin_block(twin, writer, page, number, block) for number, block in enumerate(page.blocks)]
        _write_page(out, page, blocks)
        _write_drawings(twin, page, out)
    write_conf(out, twin=True)


def _write_drawings(twin: Twin, page: Page, out: Path) -> None:
    """The careers map, drawn once now, outside the timed build, as a static file beside its page."""
    for number, _block in enumerate(page.blocks):
        view = twin.views.get((page.docname, number))
        if isinstance(view, CareersMap):
            from careerkb.drawing import draw

            (out / page.docname).parent.mkdir(parents=True, exist_ok=True)
            (out / f"{page.docname}-map.svg").write_bytes(draw(view.data))


def _twin_block(twin: Twin, writer: MySTWriter, page: Page, number: int, block: Block) -> str:
    if isinstance(block, Prose):
        return "".join(
            _twin_figure(writer, part) if isinstance(part, Figure) else part for part in block.parts
        )
    view = twin.views[page.docname, number]
    match view:
        case CareersMap(alt=alt):
            image = f"![{md(alt)}]({Path(page.docname).name}-map.svg)"
            return "\n\n".join([image, *writer.blocks(view.blocks)])
        case RoleProfile():
            body = [directive("index", f"!single: {view.title}; job role"), *writer.blocks(view.blocks)]
            return "\n\n".join(body + _terms_on_page(twin, page.docname))
        case Glossary():
            return "\n\n".join(_glossary(twin, writer, view, page.docname))
        case GlossaryIndex():
            return _letter_bar(twin)
        case Sources():
            return "\n\n".join(_sources(twin, writer, view, page.docname))
    return "\n\n".join(writer.blocks(view.blocks))


def _twin_figure(writer: MySTWriter, figure: Figure) -> str:
    """'~$142K (CR Labs, mid-2026)', from the view of careerkb's figure role."""
    view = inline_figure(writer.twin.context, figure.band_id)
    return writer.inline((view.value, " (", view.citation, ")"))


def _terms_on_page(twin: Twin, docname: str) -> list[str]:
    """'Terms on this page', which careerkb adds at the end of a role's profile."""
    used = [twin.context.kb.term(term_id) for term_id in twin.linked.get(docname, ())]
    if not used:
        return []
    names = sorted((term.term for term in used), key=str.casefold)
    return [labelled("Terms on this page", ", ".join(map(term_ref, names)))]


def _letter_bar(twin: Twin) -> str:
    """The A–Z bar: every letter, linked to its heading on whichever page shows it."""
    letters = twin.context.kb.glossary_letters()
    return " ".join(myst_role("ref", f"{letter} <{letter_anchor(letter)}>") for letter in letters)


def _glossary(twin: Twin, writer: MySTWriter, view: Glossary, docname: str) -> list[str]:
    """An A–Z bar, then per letter a rubric and a glossary of its terms, as careerkb renders it."""
    body = [_letter_bar(twin)]
    for group in view.groups:
        body.append(f"({group.anchor})=\n" + directive("rubric", md(group.letter)))
        entries = []
        for entry in group.entries:
            blocks = writer.blocks(entry.definition)
            pages = twin.mentions.get(entry.term_id, set()) - {docname}
            if pages:
                blocks.append(labelled("Mentioned on", twin.page_links(pages)))
            entries.append(md(entry.name) + "\n" + textwrap.indent("\n\n".join(blocks), "   "))
        body.append(directive("glossary", body="\n\n".join(entries)))
    return body


def _sources(twin: Twin, writer: MySTWriter, view: Sources, docname: str) -> list[str]:
    body = []
    for entry in view.entries:
        title, *rest = writer.blocks(entry.blocks)
        pages = twin.citing.get(entry.source_id, set()) - {docname}
        cited_on = labelled("Cited on", twin.page_links(pages) if pages else "no page yet")
        body += [f"({entry.anchor})=\n{title}", *rest, cited_on]
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder to write careerkb/ and twin/ into")
    parser.add_argument("--data", type=Path, help="the data folder (default: the shipped data)")
    args = parser.parse_args()
    kb = careerkb.load(args.data)
    write_careerkb_handbook(kb, args.out / "careerkb", data_dir=args.data)
    write_twin_handbook(kb, args.out / "twin")


if __name__ == "__main__":
    main()
