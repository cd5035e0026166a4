"""The loaded knowledge base and its query API.

Look-ups are forgiving about how a person types a name: letter case, hyphens and spacing do
not matter, and a role or term can be found by id, title, abbreviation or alias.

In the examples, ``kb`` is the shipped knowledge base, ``careerkb.load()``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from careerkb.models import (
    LEVEL_ORDER,
    Comparison,
    Level,
    MarketFact,
    Measure,
    Record,
    Resource,
    Role,
    SalaryBand,
    SkillArea,
    Source,
    Term,
)
from careerkb.problems import FieldPath, Problem

if TYPE_CHECKING:
    from careerkb.yaml_reader import YamlDocument

R = TypeVar("R", bound=Record)

# Which measures say most about demand, best first: a headline shows the first one a role has.
HEADLINE_MEASURES: tuple[Measure, ...] = (
    "posting-growth",
    "openings-per-candidate",
    "title-growth-rank",
    "posting-volume",
    "switch-time",
    "demand-breadth",
    "pay-comparison",
    "title-age",
)


_SEPARATORS = re.compile(r"[\s_-]+")


def normalize(name: str) -> str:
    """The form names are compared in.

    >>> normalize("  LLM-as-Judge ")
    'llm as judge'
    >>> normalize("Retrieval_Augmented   generation") == normalize("retrieval-augmented generation")
    True
    """
    return _SEPARATORS.sub(" ", name.casefold()).strip()


@dataclass(frozen=True)
class Origin:
    """Where a record was read: its file and its place in that file."""

    document: YamlDocument
    path: FieldPath

    @property
    def line(self) -> int:
        return self.document.line_of(self.path)

    def problem(self, field: FieldPath, message: str) -> Problem:
        """A problem at ``field`` of this record (a path relative to the record)."""
        full = (*self.path, *field)
        return Problem.at(self.document.path, self.document.line_of(full), full, message)


class UnknownRecordError(LookupError):
    """No record answers to the name; ``suggestions`` holds close matches for a did-you-mean."""

    def __init__(self, kind: str, key: str, suggestions: list[str]) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = suggestions
        hint = f"; did you mean {' or '.join(map(repr, suggestions))}?" if suggestions else ""
        super().__init__(f"no {kind} named {key!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


def closest(word: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """The choices nearest to ``word``, keeping only those about as near as the best one.

    >>> closest("ml enginer", ["ml engineer", "ai engineer", "prompt engineer"])
    ['ml engineer']
    """
    scored = sorted(
        ((difflib.SequenceMatcher(None, word, choice).ratio(), choice) for choice in choices),
        key=lambda pair: (-pair[0], pair[1]),
    )
    if not scored or scored[0][0] < 0.6:
        return []
    best = scored[0][0]
    return [choice for score, choice in scored[:limit] if score >= best - 0.05]


@dataclass(frozen=True)
class NameIndex(Generic[R]):
    """Records of one kind by every normalised name they answer to."""

    kind: str
    by_name: Mapping[str, tuple[R, ...]]
    spelled: Mapping[str, str] = field(repr=False)

    @classmethod
    def of(cls, kind: str, records: Iterable[R], names: Callable[[R], Iterable[str]]) -> NameIndex[R]:
        by_name: dict[str, list[R]] = {}
        spelled: dict[str, str] = {}
        for record in records:
            keys = {normalize(name): name for name in names(record)}
            for key, name in keys.items():
                by_name.setdefault(key, []).append(record)
                spelled.setdefault(key, name)
        return cls(kind, {key: tuple(found) for key, found in by_name.items()}, spelled)

    def find(self, key: str) -> R | None:
        """The record answering to ``key``, or None."""
        found = self.by_name.get(normalize(key))
        return found[0] if found else None

    def get(self, key: str) -> R:
        found = self.find(key)
        if found is None:
            raise UnknownRecordError(self.kind, key, self.suggest(key))
        return found

    def suggest(self, key: str) -> list[str]:
        """Names that contain ``key`` or are spelled close to it, for a did-you-mean."""
        needle = normalize(key)
        containing = sorted(name for name in self.by_name if needle and needle in name)
        near = containing[:3] if containing else closest(needle, self.by_name)
        return [self.spelled[name] for name in near]

    def collisions(self) -> Iterator[tuple[str, tuple[R, ...]]]:
        """Names that more than one record answers to."""
        return ((self.spelled[key], found) for key, found in self.by_name.items() if len(found) > 1)


def role_names(role: Role) -> Iterable[str]:
    yield from (role.id, role.title, *(alias.name for alias in role.aliases))
    if role.abbreviation:
        yield role.abbreviation


def term_names(term: Term) -> Iterable[str]:
    yield from (term.id, term.term, *term.aliases)
    if term.abbreviation:
        yield term.abbreviation


Entries = Mapping[str, tuple[tuple[Record, Origin], ...]]


@dataclass(frozen=True)
class KnowledgeBase:
    """Every record of the careerkb data, with look-ups. Build it with :func:`careerkb.load`."""

    entries: Entries = field(repr=False)
    roles_index: NameIndex[Role] = field(repr=False)
    terms_index: NameIndex[Term] = field(repr=False)
    sources_index: NameIndex[Source] = field(repr=False)

    @classmethod
    def build(cls, records: Mapping[str, Iterable[tuple[Record, Origin]]]) -> KnowledgeBase:
        entries = {name: tuple(found) for name, found in records.items()}
        roles = [cast("Role", record) for record, _ in entries.get("roles", ())]
        terms = [cast("Term", record) for record, _ in entries.get("glossary", ())]
        sources = [cast("Source", record) for record, _ in entries.get("sources", ())]
        return cls(
            entries=entries,
            roles_index=NameIndex.of("role", roles, role_names),
            terms_index=NameIndex.of("term", terms, term_names),
            sources_index=NameIndex.of("source", sources, lambda source: [source.id]),
        )

    def _all(self, collection: str, kind: type[R]) -> tuple[R, ...]:
        return tuple(cast("R", record) for record, _ in self.entries.get(collection, ()))

    @property
    def sources(self) -> tuple[Source, ...]:
        return self._all("sources", Source)

    @property
    def roles(self) -> tuple[Role, ...]:
        return self._all("roles", Role)

    @property
    def glossary(self) -> tuple[Term, ...]:
        return self._all("glossary", Term)

    @property
    def skills(self) -> tuple[SkillArea, ...]:
        return self._all("skills", SkillArea)

    @property
    def comparisons(self) -> tuple[Comparison, ...]:
        return self._all("comparisons", Comparison)

    def role(self, key: str) -> Role:
        """A role by id, title, abbreviation or alias, in any letter case.

        >>> kb.role("AI Agent Engineer").id
        'agentic-ai-developer'
        >>> kb.role("ml engineer") is kb.role("MLE")
        True
        >>> kb.role("ML Enginer")
        Traceback (most recent call last):
        ...
        careerkb.knowledge.UnknownRecordError: no role named 'ML Enginer'; did you mean 'ML Engineer'?
        """
        return self.roles_index.get(key)

    def term(self, key: str) -> Term:
        """A glossary term by id, name, abbreviation or alias, in any letter case.

        >>> kb.term("rag") is kb.term("Retrieval-Augmented Generation") is kb.term("RAG")
        True
        """
        return self.terms_index.get(key)

    def source(self, key: str) -> Source:
        """A source by id.

        >>> kb.source("crlabs-builders").publisher
        'CR Labs'
        """
        return self.sources_index.get(key)

    def salary_bands(
        self,
        *,
        role: str | None = None,
        source: str | None = None,
        level: Level | None = None,
    ) -> list[SalaryBand]:
        """Pay bands, filtered, ordered by role, source and level.

        >>> [band.level for band in kb.salary_bands(role="MLE", source="crlabs-builders")]
        ['entry', 'senior', 'frontier-lab', 'median']
        >>> band = kb.salary_bands(role="ai-engineer", level="mid")[0]
        >>> band.low, band.high, band.currency
        (140000, 210000, 'USD')
        """
        role_id = self.role(role).id if role else None
        source_id = self.source(source).id if source else None
        bands = [
            band
            for band in self._all("salary_bands", SalaryBand)
            if (role_id is None or band.role == role_id)
            and (source_id is None or band.source == source_id)
            and (level is None or band.level == level)
        ]
        return sorted(bands, key=lambda b: (b.role, b.source, LEVEL_ORDER.index(b.level)))

    def entry_pay(self, role: str) -> SalaryBand | None:
        """The entry-level band for a role from its most recent source, for pay at a glance.

        >>> band = kb.entry_pay("agentic-ai-developer")
        >>> band.low, band.high, band.source
        (140000, 185000, 'crlabs-builders')
        """
        entries = self.salary_bands(role=role, level="entry")
        entries.sort(key=lambda band: (-band.as_of.date.toordinal(), band.source))
        return entries[0] if entries else None

    def market_facts(self, *, role: str | None = None, measure: Measure | None = None) -> list[MarketFact]:
        """Market and demand facts, filtered by role and by what they measure.

        >>> fact = kb.market_facts(role="mle", measure="openings-per-candidate")[0]
        >>> fact.figure.value, fact.figure.unit
        (3.5, 'openings')
        """
        role_id = self.role(role).id if role else None
        return [
            fact
            for fact in self._all("market_facts", MarketFact)
            if (role_id is None or role_id in fact.roles) and (measure is None or fact.measure == measure)
        ]

    def headline_fact(self, role: str) -> MarketFact | None:
        """The market figure that best sums up demand for a role, for pay-at-a-glance views.

        >>> kb.headline_fact("agentic-ai-developer").id
        'agent-engineering-posting-growth'
        """
        figures = [fact for fact in self.market_facts(role=role) if fact.figure is not None]
        if not figures:
            return None
        return min(figures, key=lambda fact: HEADLINE_MEASURES.index(fact.measure))

    def market_fact(self, fact_id: str) -> MarketFact:
        """A market fact by id."""
        for fact in self._all("market_facts", MarketFact):
            if fact.id == fact_id:
                return fact
        ids = [fact.id for fact in self._all("market_facts", MarketFact)]
        raise UnknownRecordError("market fact", fact_id, closest(fact_id, ids))

    def resources(self, *, role: str | None = None) -> list[Resource]:
        """Learning resources, in the source's suggested order first, then by name.

        >>> [r.id for r in kb.resources(role="mle")][:4]
        ['fast-ai', 'full-stack-deep-learning', 'stanford-cs229', 'made-with-ml']
        """
        role_id = self.role(role).id if role else None
        chosen = [r for r in self._all("resources", Resource) if role_id is None or role_id in r.roles]
        # A stable sort: resources at the same step keep the order the data file gives them.
        return sorted(chosen, key=lambda r: (r.order is None, r.order or 0))

    def comparison(self, first: str, second: str) -> Comparison | None:
        """How a source draws the line between two roles, if one does."""
        pair = {self.role(first).id, self.role(second).id}
        return next((c for c in self.comparisons if set(c.roles) == pair), None)

    def search_terms(self, text: str) -> list[Term]:
        """Terms whose name starts with ``text``, then those containing it, then definitions.

        >>> [term.id for term in kb.search_terms("lang")][:2]
        ['langchain', 'langgraph']
        """
        needle = normalize(text)
        if not needle:
            return []
        ranked: dict[str, tuple[int, str, Term]] = {}
        for term in self.glossary:
            names = [normalize(name) for name in term_names(term)]
            if any(name.startswith(needle) for name in names):
                rank = 0
            elif any(needle in name for name in names):
                rank = 1
            elif needle in normalize(term.definition):
                rank = 2
            else:
                continue
            ranked[term.id] = (rank, term.term.casefold(), term)
        return [term for _, _, term in sorted(ranked.values(), key=lambda item: item[:2])]

    def origin(self, collection: str, record_id: str) -> Origin:
        """Where a record was read, for messages that point contributors at it."""
        for record, origin in self.entries.get(collection, ()):
            if getattr(record, "id", None) == record_id:
                return origin
        raise UnknownRecordError(collection, record_id, [])

    def counts(self) -> dict[str, int]:
        """How many records of each kind there are."""
        return {name: len(found) for name, found in self.entries.items()}
