"""Two Sphinx source trees of the same handbook, for the build benchmark.

:func:`write_careerkb_handbook` writes MyST pages that render a knowledge base through careerkb's
directives and roles. :func:`write_twin_handbook` writes its *twin*: the same pages, titles and
prose, with every directive's output typed out as static MyST (tables, lists, bold labels,
rubrics and Sphinx's own ``{glossary}``), built by plain Sphinx with the same theme and
extensions minus careerkb. The twin is the floor: what a hand-written handbook with the same
visible text, tables and links costs to build. It mirrors what careerkb shows, not its CSS
classes, scripts, JSON API, link previews or search entries.

Both trees come from one plan: a list of pages, each a sequence of blocks that are either prose
or a careerkb directive. The careerkb writer prints the directives; the twin writer renders each
as careerkb would, and works out from the plan which pages mention each term and cite each
source, as careerkb works them out from the pages it has read.

    python -m benchmarks.handbook OUT [--data DIR]   # writes OUT/careerkb and OUT/twin
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import string
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import careerkb
from careerkb.format import band_label, citation, figure_label, level_label
from careerkb.integrity import references
from careerkb.loader import default_data_dir
from careerkb.models import LEVEL_ORDER
from careerkb.sphinxext.freshness import DEFAULT_MAX_AGE_DAYS

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from careerkb.knowledge import Entries, KnowledgeBase, NameIndex
    from careerkb.models import (
        Cited,
        Comparison,
        MarketFact,
        Resource,
        Role,
        SalaryBand,
        SkillArea,
        Source,
        Term,
    )

R = TypeVar("R")

PROJECT = "careerkb"
INDEX, ROLES, COMPARE, MARKET, GLOSSARY, SOURCES = (
    "index",
    "roles/index",
    "compare/index",
    "market",
    "glossary",
    "sources",
)
#: The settings of the real handbook's conf.py that shape an offline build and its cost.
HTML_THEME_OPTIONS = {
    "navigation_with_keys": False,
    "show_prev_next": False,
    "navbar_align": "left",
    "header_links_before_dropdown": 6,
    "icon_links": [],
}

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
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
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
    lines += [f":{key}: {value}" for key, value in options]
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


# --- the data, looked up once -----------------------------------------------------------------


@dataclass(frozen=True)
class Data:
    """The knowledge base with the queries the writers repeat, each answered once.

    ``KnowledgeBase`` scans every record on each query, so at 100x data writing the pages took
    most of a minute. The answers are the same: grouped in the order the knowledge base gives.
    """

    kb: KnowledgeBase
    roles: tuple[Role, ...]
    glossary: tuple[Term, ...]
    sources: tuple[Source, ...]
    skills_by_role: dict[str, list[SkillArea]]
    comparisons: tuple[Comparison, ...]
    all_facts: list[MarketFact]
    bands_by_role: dict[str, list[SalaryBand]]
    facts_by_role: dict[str, list[MarketFact]]
    resources_by_role: dict[str, list[Resource]]
    entry_by_role: dict[str, SalaryBand | None]
    headline_by_role: dict[str, MarketFact | None]
    terms_by_role: dict[str, list[Term]]
    bands_by_id: dict[str, SalaryBand]

    @classmethod
    def of(cls, kb: KnowledgeBase) -> Data:
        roles, glossary, bands, facts = kb.roles, kb.glossary, kb.salary_bands(), kb.market_facts()
        return cls(
            kb,
            roles,
            glossary,
            kb.sources,
            _group(kb.skills, lambda area: area.by_role),
            kb.comparisons,
            facts,
            _group(bands, lambda band: [band.role]),
            _group(facts, lambda fact: fact.roles),
            _group(kb.resources(), lambda resource: resource.roles),
            {role.id: kb.entry_pay(role.id) for role in roles},
            {role.id: kb.headline_fact(role.id) for role in roles},
            _group(glossary, lambda term: term.roles),
            {band.id: band for band in bands},
        )

    @property
    def entries(self) -> Entries:
        return self.kb.entries

    @property
    def terms_index(self) -> NameIndex[Term]:
        return self.kb.terms_index

    def role(self, key: str) -> Role:
        return self.kb.role(key)

    def term(self, key: str) -> Term:
        return self.kb.term(key)

    def source(self, key: str) -> Source:
        return self.kb.source(key)

    def comparison(self, first: str, second: str) -> Comparison | None:
        return self.kb.comparison(first, second)

    def salary_bands(self, *, role: str) -> list[SalaryBand]:
        return self.bands_by_role.get(self.role(role).id, [])

    def market_facts(self, *, role: str) -> list[MarketFact]:
        return self.facts_by_role.get(self.role(role).id, [])

    def resources(self, *, role: str) -> list[Resource]:
        return self.resources_by_role.get(self.role(role).id, [])

    def entry_pay(self, role: str) -> SalaryBand | None:
        return self.entry_by_role[role]

    def headline_fact(self, role: str) -> MarketFact | None:
        return self.headline_by_role[role]


def _group(records: Iterable[R], keys: Callable[[R], Iterable[str]]) -> dict[str, list[R]]:
    """Records by each key they name, in their given order."""
    grouped: dict[str, list[R]] = {}
    for record in records:
        for key in keys(record):
            grouped.setdefault(key, []).append(record)
    return grouped


# --- the plan both trees share ----------------------------------------------------------------


@dataclass(frozen=True)
class Directive:
    """A careerkb directive on a page: ``careerkb:<name>``, its argument and its options."""

    name: str
    argument: str = ""
    options: tuple[tuple[str, str], ...] = ()

    def option(self, key: str) -> str | None:
        return dict(self.options).get(key)

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


def plan(kb: Data) -> list[Page]:
    """Every page of the handbook, in the same order in both trees."""
    return [
        _index_page(kb),
        _roles_page(kb),
        *(_role_page(kb, role) for role in kb.roles),
        _compare_page(kb),
        *(_comparison_page(kb, comparison) for comparison in kb.comparisons),
        Page(
            MARKET,
            "Market and demand",
            (_intro("Every demand figure the sources give."), Directive("market-facts")),
        ),
        Page(GLOSSARY, "Glossary", (_intro("Every term the handbook uses, A to Z."), Directive("glossary"))),
        Page(SOURCES, "Sources", (_intro("The documents every figure comes from."), Directive("sources"))),
    ]


def _intro(text: str) -> Prose:
    return Prose.of(md(text))


def _index_page(kb: Data) -> Page:
    intro = (
        f"This handbook covers {len(kb.roles)} AI roles: what each one does, what it pays, how much "
        f"demand there is and how to get in. It compares {len(kb.comparisons)} pairs of roles, defines "
        f"{len(kb.glossary)} terms and cites {len(kb.sources)} sources for every figure."
    )
    entries = [ROLES, COMPARE, MARKET, GLOSSARY, SOURCES]
    return Page(INDEX, f"The {PROJECT} handbook", (Prose.of(md(intro), toctree(entries)),))


def _roles_page(kb: Data) -> Page:
    intro = _intro("Every role side by side: its status, entry pay and demand, each with its source.")
    hidden = Prose.of(toctree((role.id for role in kb.roles), hidden=True))
    return Page(ROLES, "Roles", (intro, Directive("roles-directory"), hidden))


def _role_page(kb: Data, role: Role) -> Page:
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
    if kb.resources(role=role.id):
        blocks.append(Directive("learning-path", role.id))
    # The profile shows neither the interview loop nor the career ladder: they have their own.
    if role.interview_loop is not None:
        blocks.append(Directive("interview-loop", role.id))
    if role.career_ladder is not None:
        blocks.append(Directive("career-ladder", role.id))
    return Page(f"roles/{role.id}", role.title, tuple(blocks))


def _role_prose(kb: Data, role: Role) -> Prose:
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


def prose_terms(kb: Data, role: Role) -> list[Term]:
    """Three terms for a role's prose: its own first, by id, then the glossary's first ones."""
    own = sorted(kb.terms_by_role.get(role.id, []), key=lambda term: term.id)
    chosen = {term.id for term in own[:3]}
    fallback = (term for term in kb.glossary if term.id not in chosen)
    return [*own[:3], *islice(fallback, 3 - len(chosen))]


def _compare_page(kb: Data) -> Page:
    intro = _intro("Pairs of roles side by side, on everything the sources cover.")
    return Page(COMPARE, "Compare roles", (intro, Prose.of(toctree(c.id for c in kb.comparisons))))


def _comparison_page(kb: Data, comparison: Comparison) -> Page:
    title = " vs ".join(kb.role(role_id).title for role_id in comparison.roles)
    return Page(f"compare/{comparison.id}", title, (Directive("compare", " ".join(comparison.roles)),))


# --- what each directive selects and shows, as careerkb selects it ----------------------------


def _roles_option(kb: Data, use: Directive) -> list[Role]:
    value = use.option("role")
    return list(kb.roles) if value is None else [kb.role(key.strip()) for key in value.split(",")]


def salary_bands_of(kb: Data, use: Directive) -> list[SalaryBand]:
    return [band for role in _roles_option(kb, use) for band in kb.salary_bands(role=role.id)]


def market_facts_of(kb: Data, use: Directive) -> list[MarketFact]:
    chosen = {id(fact) for role in _roles_option(kb, use) for fact in kb.market_facts(role=role.id)}
    return [fact for fact in kb.all_facts if id(fact) in chosen]


def compared_roles(kb: Data, use: Directive) -> list[Role]:
    return [kb.role(key) for key in use.argument.split()]


def compared_skills(kb: Data, roles: list[Role]) -> list[SkillArea]:
    first = kb.skills_by_role.get(roles[0].id, [])
    return [area for area in first if all(role.id in area.by_role for role in roles)]


def _headline(kb: Data, role: Role) -> MarketFact | None:
    fact = kb.headline_fact(role.id)
    return fact if fact is not None and fact.figure is not None else None


def _at_a_glance(kb: Data, role: Role) -> set[Key]:
    """A role with its entry pay and headline demand figure, as the quick facts show it."""
    shown = {("roles", role.id)}
    band, fact = kb.entry_pay(role.id), _headline(kb, role)
    shown |= {("salary_bands", band.id)} if band else set()
    return shown | ({("market_facts", fact.id)} if fact else set())


def shown_by(kb: Data, use: Directive) -> set[Key]:
    """The records a directive shows: careerkb's 'renders', which decide where a source is cited."""
    match use.name:
        case "quick-facts":
            return _at_a_glance(kb, kb.role(use.argument))
        case "role-profile" | "interview-loop" | "career-ladder":
            return {("roles", kb.role(use.argument).id)}
        case "roles-directory":
            return set().union(*(_at_a_glance(kb, role) for role in kb.roles))
        case "salary-table":
            return {("salary_bands", band.id) for band in salary_bands_of(kb, use)}
        case "market-facts":
            return {("market_facts", fact.id) for fact in market_facts_of(kb, use)}
        case "learning-path":
            return {("resources", resource.id) for resource in kb.resources(role=use.argument)}
        case "compare":
            return _compare_shows(kb, compared_roles(kb, use))
        case "glossary":
            return {("glossary", term.id) for term in kb.glossary}
        case "sources":
            return {("sources", source.id) for source in kb.sources}
    raise ValueError(f"unknown directive careerkb:{use.name}")


def _compare_shows(kb: Data, roles: list[Role]) -> set[Key]:
    shown = {("roles", role.id) for role in roles}
    comparison = kb.comparison(roles[0].id, roles[1].id) if len(roles) == 2 else None
    shown |= {("comparisons", comparison.id)} if comparison else set()
    shown |= {("skills", area.id) for area in compared_skills(kb, roles)}
    for role in roles:
        shown |= {("market_facts", fact.id) for fact in kb.market_facts(role=role.id)}
        shown |= {("salary_bands", band.id) for band in kb.salary_bands(role=role.id)}
    return shown


def toolkit_terms(kb: Data, role: Role) -> dict[str, Term]:
    """The tools in a role's toolkit that are glossary terms, which the profile links."""
    found = {tool: kb.terms_index.find(tool) for tool in role.toolkit}
    return {tool: term for tool, term in found.items() if term is not None}


def terms_linked(kb: Data, block: Block) -> set[str]:
    """The ids of the terms a block links to: careerkb's 'mentions' of a page."""
    if isinstance(block, Prose):
        return set(block.terms)
    if block.name == "role-profile":
        return {term.id for term in toolkit_terms(kb, kb.role(block.argument)).values()}
    if block.name == "glossary":
        return {other for term in kb.glossary for other in term.see_also}
    return set()


def records_shown(kb: Data, page: Page) -> set[Key]:
    shown: set[Key] = set()
    for block in page.blocks:
        if isinstance(block, Directive):
            shown |= shown_by(kb, block)
        else:
            shown |= {("salary_bands", part.band_id) for part in block.parts if isinstance(part, Figure)}
    return shown


def renders_everything(kb: Data, pages: Iterable[Page]) -> bool:
    """Whether every record appears on some page (careerkb_require_all_rendered can be on)."""
    shown = set().union(*(records_shown(kb, page) for page in pages))
    return all(
        (collection, str(getattr(record, "id", ""))) in shown
        for collection, entries in kb.entries.items()
        for record, _ in entries
    )


# --- the careerkb tree ------------------------------------------------------------------------


def write_careerkb_handbook(knowledge: KnowledgeBase, out: Path, *, data_dir: Path | None = None) -> None:
    """The handbook as careerkb renders it; ``data_dir`` defaults to the folder the data came from."""
    kb = Data.of(knowledge)
    pages = plan(kb)
    for page in pages:
        blocks = [_careerkb_block(block) for block in page.blocks]
        _write_page(out, page, blocks)
    write_conf(
        out,
        twin=False,
        data_dir=data_dir or data_dir_of(knowledge),
        all_rendered=renders_everything(kb, pages),
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
    ]
    if not twin:
        lines.append(f"careerkb_data_dir = {str((data_dir or default_data_dir()).resolve())!r}")
        if all_rendered:
            lines.append("careerkb_require_all_rendered = True")
    out.mkdir(parents=True, exist_ok=True)
    (out / "conf.py").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the twin ---------------------------------------------------------------------------------


@dataclass
class Twin:
    """What rendering a directive statically needs: the data and the whole plan."""

    kb: Data
    pages: list[Page]
    titles: dict[str, str] = field(default_factory=dict)
    mentions: dict[str, set[str]] = field(default_factory=dict)  # term id -> pages linking it
    linked: dict[str, set[str]] = field(default_factory=dict)  # page -> ids of the terms it links
    citing: dict[str, set[str]] = field(default_factory=dict)  # source id -> pages citing it
    stale_before: dt.date = field(
        default_factory=lambda: dt.date.today() - dt.timedelta(DEFAULT_MAX_AGE_DAYS)
    )

    @classmethod
    def of(cls, kb: Data, pages: list[Page]) -> Twin:
        twin = cls(kb, pages, {page.docname: page.title for page in pages})
        records = {
            (name, str(getattr(record, "id", ""))): record
            for name, found in kb.entries.items()
            for record, _ in found
        }
        for page in pages:
            for block in page.blocks:
                for term_id in terms_linked(kb, block):
                    twin.mentions.setdefault(term_id, set()).add(page.docname)
                    twin.linked.setdefault(page.docname, set()).add(term_id)
            for key in records_shown(kb, page):
                cited = {ref.record_id for ref in references(records[key]) if ref.target == "sources"}
                for source_id in cited | ({key[1]} if key[0] == "sources" else set()):
                    twin.citing.setdefault(source_id, set()).add(page.docname)
        return twin

    def cite(self, record: Cited) -> str:
        """'CR Labs, mid-2026', linked to the source's entry, flagged when the figure has aged."""
        label = citation(self.kb.source(record.source), record.as_of.label)
        stale = ", **may be out of date**" if record.as_of.date < self.stale_before else ""
        return source_link(label, record.source) + stale

    def cited(self, record: Cited) -> str:
        return f" ({self.cite(record)})"

    def page_links(self, pages: Iterable[str]) -> str:
        """Links to pages in the order of their titles, as careerkb lists backlinks."""
        ordered = sorted(pages, key=lambda page: (self.titles[page].casefold(), page))
        return ", ".join(doc_ref(page) for page in ordered)


def source_label(source_id: str) -> str:
    return f"source-{source_id}"


def source_link(text: str, source_id: str) -> str:
    """``text`` linked to a source's entry with ``{ref}``, like careerkb's own citation links.

    A role cannot carry every text: Sphinx takes a '<' for the start of the target and a leading
    '!' for "no link". Such text gets a Markdown link, which MyST resolves more slowly (it asks
    every domain), so it is kept for the rare text that needs it.
    """
    if "<" in text or text.startswith(("!", "`")) or text.endswith("`"):
        return f"[{md(text)}](#{source_label(source_id)})"
    return myst_role("ref", f"{text} <{source_label(source_id)}>")


def role_link(role_id: str) -> str:
    return doc_ref(f"roles/{role_id}")


def write_twin_handbook(knowledge: KnowledgeBase, out: Path) -> None:
    """The same handbook with careerkb's output typed out as static MyST."""
    kb = Data.of(knowledge)
    pages = plan(kb)
    twin = Twin.of(kb, pages)
    for page in pages:
        _write_page(out, page, [_twin_block(twin, page, block) for block in page.blocks])
    write_conf(out, twin=True)


def _twin_block(twin: Twin, page: Page, block: Block) -> str:
    if isinstance(block, Directive):
        return "\n\n".join(RENDERERS[block.name](twin, block, page.docname))
    return "".join(_twin_figure(twin, part) if isinstance(part, Figure) else part for part in block.parts)


def _twin_figure(twin: Twin, figure: Figure) -> str:
    band = twin.kb.bands_by_id[figure.band_id]
    return md(band_label(band)) + twin.cited(band)


def _status(twin: Twin, role: Role) -> str:
    return md(role.status.value.replace("-", " ")) + twin.cited(role.status)


def _quick_facts(twin: Twin, use: Directive, docname: str) -> list[str]:
    kb, role = twin.kb, twin.kb.role(use.argument)
    lines = [labelled("In one line", md(role.summary)), labelled("Status", _status(twin, role))]
    band, fact = kb.entry_pay(role.id), _headline(kb, role)
    if band is not None:
        lines.append(labelled("Entry pay", md(band_label(band)) + " total compensation" + twin.cited(band)))
    if fact is not None and fact.figure is not None:
        demand = md(f"{figure_label(fact.figure)}: {fact.statement}")
        lines.append(labelled("Demand", demand + twin.cited(fact)))
    if role.entry_routes:
        lines.append(labelled("Ways in", "; ".join(map(md, role.entry_routes))))
    if role.related_roles:
        lines.append(labelled("Related roles", ", ".join(map(role_link, role.related_roles))))
    return [directive("topic", "Quick facts", body="\n\n".join(lines))]


def _rubric(title: str, *content: str) -> list[str]:
    return [directive("rubric", md(title)), *content]


def _role_profile(twin: Twin, use: Directive, docname: str) -> list[str]:
    kb, role = twin.kb, twin.kb.role(use.argument)
    body = [directive("index", f"!single: {role.title}; job role")]
    if role.aliases:
        body.append(labelled("Also called", ", ".join(md(alias.name) for alias in role.aliases)))
    body += _rubric("What they do", md(role.description))
    if role.duties:
        body.append(bullets(map(md, role.duties)))
    if role.toolkit:
        terms = toolkit_terms(kb, role)
        tools = [term_ref(tool, terms[tool].term) if tool in terms else md(tool) for tool in role.toolkit]
        body += _rubric("Toolkit", ", ".join(tools))
    for title, text in (
        ("Who it suits", role.suits),
        ("Education and training", role.education),
        ("How to break in", role.break_in),
    ):
        if text:
            body += _rubric(title, md(text))
    if role.typical_day:
        day = role.typical_day
        body += _rubric("A typical day", bullets(map(md, day.items)), f"As described by {twin.cite(day)}.")
    sources = [source_link(source.title, source.id) for source in map(kb.source, role.sources)]
    body.append(labelled("Based on", "; ".join(sources)))
    return body + _terms_on_page(twin, docname)


def _terms_on_page(twin: Twin, docname: str) -> list[str]:
    """'Terms on this page', which careerkb adds at the end of a role's profile."""
    used = [twin.kb.term(term_id) for term_id in twin.linked.get(docname, ())]
    if not used:
        return []
    names = sorted((term.term for term in used), key=str.casefold)
    return [labelled("Terms on this page", ", ".join(map(term_ref, names)))]


def _pay_rows(twin: Twin, roles: list[Role], bands: list[SalaryBand]) -> list[list[str]]:
    """One row per source and level: the level, a pay cell per role, the source."""
    by_row: dict[tuple[str, int], dict[str, SalaryBand]] = {}
    for band in bands:
        by_row.setdefault((band.source, LEVEL_ORDER.index(band.level)), {})[band.role] = band
    rows = []
    for key in sorted(by_row):
        found = by_row[key]
        first = next(iter(found.values()))
        pay = [md(band_label(found[role.id])) if role.id in found else "—" for role in roles]
        rows.append([md(level_label(first)), *pay, twin.cite(first)])
    return rows


def _salary_table(twin: Twin, use: Directive, docname: str) -> list[str]:
    bands = salary_bands_of(twin.kb, use)
    shown = [role for role in _roles_option(twin.kb, use) if any(band.role == role.id for band in bands)]
    headers = ["Level", *(md(role.title) for role in shown), "Source"]
    caption = use.option("caption") or "Total compensation by level"
    return [table(headers, _pay_rows(twin, shown, bands), caption)]


def _market_facts(twin: Twin, use: Directive, docname: str) -> list[str]:
    items = []
    for fact in market_facts_of(twin.kb, use):
        figure = f"{strong(md(figure_label(fact.figure)))} — " if fact.figure is not None else ""
        details = [f"period: {fact.period.label}"] if fact.period else []
        details += [f"data: {fact.reported_by}"] if fact.reported_by else []
        notes = "".join(f"{md(detail)}; " for detail in details)
        items.append(f"{figure}{md(fact.statement)} ({notes}{twin.cite(fact)})")
    return [bullets(items)]


def _learning_path(twin: Twin, use: Directive, docname: str) -> list[str]:
    return [bullets(_resource(twin, resource) for resource in twin.kb.resources(role=use.argument))]


def _resource(twin: Twin, resource: Resource) -> str:
    step = f"Step {resource.order}: " if resource.order else ""
    cost = {"not-stated": "not stated by the source"}.get(resource.cost, resource.cost)
    details = f"{resource.provider} · {resource.kind.replace('-', ' ')} · cost: {cost}"
    by = f" · taught by {resource.taught_by}" if resource.taught_by else ""
    heading_line = f"{strong(md(step + resource.name))} — {md(details + by)}"
    return f"{heading_line}\n\n{md(resource.description)}{twin.cited(resource)}"


def _interview_loop(twin: Twin, use: Directive, docname: str) -> list[str]:
    loop = twin.kb.role(use.argument).interview_loop
    assert loop is not None  # the plan uses the directive only for roles with a loop
    stages = []
    for stage in loop.stages:
        length = f" ({stage.minutes} minutes)" if stage.minutes else ""
        stages.append(f"{strong(md(stage.name + length))}: {md(stage.description)}")
    return [bullets(stages), f"Source: {twin.cite(loop)}"]


def _career_ladder(twin: Twin, use: Directive, docname: str) -> list[str]:
    ladder = twin.kb.role(use.argument).career_ladder
    assert ladder is not None  # the plan uses the directive only for roles with a ladder
    body = [bullets((md(" or ".join(step.titles)) for step in ladder.steps), enumerated=True)]
    body += [labelled(f"Branch to {branch.title}", md(branch.description)) for branch in ladder.branches]
    body += [md(ladder.note)] if ladder.note else []
    return [*body, f"Source: {twin.cite(ladder)}"]


def _roles_directory(twin: Twin, use: Directive, docname: str) -> list[str]:
    rows = []
    for role in sorted(twin.kb.roles, key=lambda r: r.title.casefold()):
        band, fact = twin.kb.entry_pay(role.id), _headline(twin.kb, role)
        pay = md(band_label(band)) + twin.cited(band) if band else "—"
        demand = "—"
        if fact is not None and fact.figure is not None:
            demand = md(f"{figure_label(fact.figure)} — {fact.statement}") + twin.cited(fact)
        rows.append([role_link(role.id), md(role.summary), _status(twin, role), pay, demand])
    return [table(["Role", "In one line", "Status", "Entry pay", "Demand"], rows)]


def _compare(twin: Twin, use: Directive, docname: str) -> list[str]:
    kb, roles = twin.kb, compared_roles(twin.kb, use)
    rows = [
        ["In one line", *(md(role.summary) for role in roles)],
        ["Status", *(_status(twin, r) for r in roles)],
    ]
    comparison = kb.comparison(roles[0].id, roles[1].id) if len(roles) == 2 else None
    if comparison is not None:
        label = md(comparison.headline) + twin.cited(comparison)
        rows.append([label, *(md(comparison.sides[role.id]) for role in roles)])
    for area in compared_skills(kb, roles):
        rows.append([md(area.area) + twin.cited(area), *(md(area.by_role[role.id]) for role in roles)])
    for aspect, cell in (
        ("Typical day", _typical_day_cell),
        ("Interview loop", _interview_cell),
        ("Demand", _demand_cell),
        ("Career ladder", _ladder_cell),
    ):
        rows.append([aspect, *(cell(twin, role) for role in roles)])
    titles = [role.title for role in roles]
    body = [
        labelled("Profiles", ", ".join(role_link(role.id) for role in roles)),
        table(["Aspect", *map(md, titles)], rows, " vs ".join(titles)),
    ]
    bands = [band for role in roles for band in kb.salary_bands(role=role.id)]
    if bands:
        body.append(table(["Level", *map(md, titles), "Source"], _pay_rows(twin, roles, bands), "Pay"))
    if comparison is not None and comparison.hybrid:
        body.append(labelled("Doing both", md(comparison.hybrid) + twin.cited(comparison)))
    return body


NOT_DESCRIBED = "Not described by the sources."


def _typical_day_cell(twin: Twin, role: Role) -> str:
    day = role.typical_day
    return f"{bullets(map(md, day.items))}\n\n{twin.cite(day)}" if day else NOT_DESCRIBED


def _interview_cell(twin: Twin, role: Role) -> str:
    loop = role.interview_loop
    if loop is None:
        return NOT_DESCRIBED
    stages = [md(stage.name + (f" ({stage.minutes} min)" if stage.minutes else "")) for stage in loop.stages]
    return f"{bullets(stages)}\n\n{twin.cite(loop)}"


def _demand_cell(twin: Twin, role: Role) -> str:
    facts = twin.kb.market_facts(role=role.id)
    if not facts:
        return "No figures in the sources."
    items = [
        md((f"{figure_label(f.figure)}: " if f.figure else "") + f.statement) + twin.cited(f) for f in facts
    ]
    return bullets(items)


def _ladder_cell(twin: Twin, role: Role) -> str:
    ladder = role.career_ladder
    if ladder is None:
        return NOT_DESCRIBED
    return f"{md(' → '.join(' or '.join(step.titles) for step in ladder.steps))}\n\n{twin.cite(ladder)}"


def _letter(term: Term) -> str:
    first = term.term[0].upper()
    return first if first.isalpha() else "#"


def _glossary(twin: Twin, use: Directive, docname: str) -> list[str]:
    """An A–Z bar, then per letter a rubric and a glossary of its terms, as careerkb renders it."""
    by_letter: dict[str, list[Term]] = {}
    for term in sorted(twin.kb.glossary, key=lambda t: t.term.casefold()):
        by_letter.setdefault(_letter(term), []).append(term)
    anchors = {
        letter: f"glossary-{letter.lower()}" if letter.isalpha() else "glossary-other" for letter in by_letter
    }
    body = [" ".join(myst_role("ref", f"{letter} <{anchors[letter]}>") for letter in by_letter)]
    for letter, terms in by_letter.items():
        body.append(f"({anchors[letter]})=\n" + directive("rubric", md(letter)))
        entries = "\n\n".join(_glossary_entry(twin, term, docname) for term in terms)
        body.append(directive("glossary", body=entries))
    return body


def _glossary_entry(twin: Twin, term: Term, docname: str) -> str:
    blocks = [md(term.definition)]
    other_names = [name for name in (term.abbreviation, *term.aliases) if name]
    if other_names:
        blocks.append(labelled("Also known as", ", ".join(map(md, other_names))))
    if term.roles:
        blocks.append(labelled("Roles", ", ".join(map(role_link, term.roles))))
    if term.see_also:
        blocks.append(labelled("See also", ", ".join(term_ref(twin.kb.term(o).term) for o in term.see_also)))
    pages = twin.mentions.get(term.id, set()) - {docname}
    if pages:
        blocks.append(labelled("Mentioned on", twin.page_links(pages)))
    return md(term.term) + "\n" + textwrap.indent("\n\n".join(blocks), "   ")


def _sources(twin: Twin, use: Directive, docname: str) -> list[str]:
    body = []
    for source in twin.kb.sources:
        byline = source.publisher + (f", by {source.author}" if source.author else "")
        lines = [
            f"({source_label(source.id)})=\n{strong(md(source.title))}",
            labelled("Published by", md(byline)),
        ]
        if source.url:
            lines.append(labelled("Address", "<" + source.url.replace("<", "%3C").replace(">", "%3E") + ">"))
        lines.append(labelled("Figures as of", md(source.as_of.label)))
        lines.append(labelled("Region", md(source.region or "not stated by the source")))
        lines.append(labelled("Covers", md(source.covers)))
        if source.note:
            lines.append(labelled("Note", md(source.note)))
        pages = twin.citing.get(source.id, set()) - {docname}
        lines.append(labelled("Cited on", twin.page_links(pages) if pages else "no page yet"))
        body += lines
    return body


Renderer = Callable[[Twin, Directive, str], list[str]]
RENDERERS: dict[str, Renderer] = {
    "quick-facts": _quick_facts,
    "role-profile": _role_profile,
    "salary-table": _salary_table,
    "market-facts": _market_facts,
    "learning-path": _learning_path,
    "interview-loop": _interview_loop,
    "career-ladder": _career_ladder,
    "roles-directory": _roles_directory,
    "compare": _compare,
    "glossary": _glossary,
    "sources": _sources,
}


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
