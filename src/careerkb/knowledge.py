"""The loaded knowledge base and its query API.

Look-ups are forgiving about how a person types a name: letter case, hyphens and spacing do
not matter, and a role or term can be found by id, title, abbreviation or alias.

In the examples, ``kb`` is the shipped knowledge base, ``careerkb.load()``.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Generic, NamedTuple, TypeVar, cast

from careerkb.models import (
    LEVEL_ORDER,
    Background,
    Comparison,
    Level,
    MarketFact,
    Measure,
    Occupation,
    Plan,
    Record,
    Relation,
    Resource,
    Role,
    Route,
    SalaryBand,
    SkillArea,
    Source,
    SynonymGroup,
    Term,
    Tier,
)
from careerkb.names import normalize
from careerkb.problems import FieldPath, Problem
from careerkb.recording import Answerer, ExpectedError, query, record_digest

if TYPE_CHECKING:
    from pydantic import BaseModel

    from careerkb.yaml_reader import YamlDocument

R = TypeVar("R", bound=Record)
T = TypeVar("T")

# Which measures say most about demand, best first: a headline shows the first one a role has.
# The shortage comes first because it is the figure the sources themselves lead with; pay
# comparisons and the compute share say nothing about demand for one role, so they are left out.
HEADLINE_MEASURES: tuple[Measure, ...] = (
    "openings-per-candidate",
    "posting-growth",
    "title-growth-rank",
    "posting-volume",
    "market-size",
    "switch-time",
    "demand-breadth",
    "title-age",
)


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


class UnknownRecordError(ExpectedError, LookupError):
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


def letter_of(term: Term) -> str:
    """The letter a term is filed under; '#' for names that start with a digit or a sign.

    >>> letter_of(Term(id="x", term="3D printing", definition="Printing in layers."))
    '#'
    """
    first = term.term[0].upper()
    return first if first.isalpha() else "#"


def letter_key(letter: str) -> tuple[bool, str]:
    """Where a letter comes in the glossary: '#' first, then the letters in alphabetical order.

    >>> sorted(["B", "#", "A"], key=letter_key)
    ['#', 'A', 'B']
    """
    return (letter != "#", letter)


Entries = Mapping[str, tuple[tuple[Record, Origin], ...]]


class RoleTitle(NamedTuple):
    """A role by its id and title: all a list of roles needs that shows only their names."""

    id: str
    title: str


class ResourceName(NamedTuple):
    """A learning resource by its name and address: all a list that names resources shows."""

    id: str
    name: str
    url: str | None


class OccupationLinkOf(NamedTuple):
    """One role's link to an official occupation, without the reason only the role's page gives."""

    role: str
    occupation: str
    relation: Relation


@dataclass(frozen=True)
class KnowledgeBase(Answerer):
    """Every record of the careerkb data, with look-ups. Build it with :func:`careerkb.load`.

    Every method that answers a question about the data is a :func:`~careerkb.recording.query`,
    so whoever reads the knowledge base inside a recording (a Sphinx page, for one) depends on
    exactly the answers it got. Its look-ups are built once, in ``build``: no query sorts or
    scans the whole data. ``entries`` is for whole-data passes (validation, export, coverage);
    code that shows records reads them through the queries.
    """

    answerer: ClassVar[str] = "kb"

    entries: Entries = field(repr=False)
    roles_index: NameIndex[Role] = field(repr=False)
    terms_index: NameIndex[Term] = field(repr=False)
    sources_index: NameIndex[Source] = field(repr=False)
    tiers_index: NameIndex[Tier] = field(repr=False)
    occupations_index: NameIndex[Occupation] = field(repr=False)
    indexes: Indexes = field(repr=False)

    @classmethod
    def build(cls, records: Mapping[str, Iterable[tuple[Record, Origin]]]) -> KnowledgeBase:
        entries = {name: tuple(found) for name, found in records.items()}
        indexes = Indexes.of(entries)
        return cls(
            entries=entries,
            roles_index=NameIndex.of("role", indexes.roles, role_names),
            terms_index=NameIndex.of("term", indexes.glossary, term_names),
            sources_index=NameIndex.of("source", indexes.sources, lambda source: [source.id]),
            tiers_index=NameIndex.of("tier", indexes.tiers, lambda tier: [tier.id, tier.name]),
            occupations_index=NameIndex.of(
                "occupation", indexes.occupations, lambda job: [job.id, job.soc, job.title]
            ),
            indexes=indexes,
        )

    # --- fingerprints, for careerkb.recording ---------------------------------------------

    @functools.cached_property
    def _record_digests(self) -> dict[int, str]:
        return {id(record): record_digest(record) for found in self.entries.values() for record, _ in found}

    def digest_of(self, record: BaseModel) -> str:
        """The digest of a record's content, computed once per record of this knowledge base."""
        return self._record_digests.get(id(record)) or record_digest(record)

    def __getstate__(self) -> dict[str, object]:
        # The digests are keyed by the records' identities, which a pickled copy does not keep.
        state = dict(self.__dict__)
        state.pop("_record_digests", None)
        return state

    # --- whole collections ------------------------------------------------------------------

    @property
    @query
    def sources(self) -> tuple[Source, ...]:
        return self.indexes.sources

    @property
    @query
    def roles(self) -> tuple[Role, ...]:
        return self.indexes.roles

    @property
    @query
    def glossary(self) -> tuple[Term, ...]:
        return self.indexes.glossary

    @property
    @query
    def skills(self) -> tuple[SkillArea, ...]:
        return self.indexes.skills

    @property
    @query
    def comparisons(self) -> tuple[Comparison, ...]:
        return self.indexes.comparisons

    @property
    @query
    def tiers(self) -> tuple[Tier, ...]:
        """The tiers of AI work in the map's order.

        >>> [tier.id for tier in kb.tiers]
        ['research', 'engineering', 'infrastructure', 'safety', 'application']
        """
        return self.indexes.tiers

    @property
    @query
    def occupations(self) -> tuple[Occupation, ...]:
        """The official occupations, by SOC code."""
        return self.indexes.occupations

    @property
    @query
    def backgrounds(self) -> tuple[Background, ...]:
        return self.indexes.backgrounds

    @property
    @query
    def routes(self) -> tuple[Route, ...]:
        return self.indexes.routes

    @property
    @query
    def plans(self) -> tuple[Plan, ...]:
        return self.indexes.plans

    @property
    @query
    def synonyms(self) -> tuple[SynonymGroup, ...]:
        """The everyday words the site search treats as one (salary, pay, compensation)."""
        return self.indexes.synonyms

    # --- one record by name -----------------------------------------------------------------

    @query
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

    @property
    @query
    def role_titles(self) -> tuple[RoleTitle, ...]:
        """Every role's id and title, in the data's order: a narrower answer than ``roles``,
        which changes with any edit of any role."""
        return tuple(RoleTitle(role.id, role.title) for role in self.indexes.roles)

    @query
    def role_title(self, key: str) -> RoleTitle:
        """A role's id and title, by any of its names.

        >>> kb.role_title("mle")
        RoleTitle(id='machine-learning-engineer', title='Machine Learning Engineer')
        """
        role = self.roles_index.get(key)
        return RoleTitle(role.id, role.title)

    @query
    def occupation_links(self) -> tuple[OccupationLinkOf, ...]:
        """Every role's links to official occupations, in the data's order: a narrower answer
        than ``roles`` for a page that lists which roles each occupation stands for.

        >>> [link.role for link in kb.occupation_links() if link.occupation == "data-scientists"]
        ['applied-scientist', 'evals-specialist', 'machine-learning-engineer']
        """
        return tuple(
            OccupationLinkOf(role.id, link.occupation, link.relation)
            for role in self.indexes.roles
            for link in role.occupations
        )

    @query
    def tier(self, key: str) -> Tier:
        """A tier by id or name.

        >>> kb.tier("Safety and red-teaming").id
        'safety'
        """
        return self.tiers_index.get(key)

    @query
    def tier_roles(self, tier: str) -> tuple[RoleTitle, ...]:
        """The roles of a tier, by id and title, in the data's order.

        >>> [role.id for role in kb.tier_roles("infrastructure")]
        ['data-engineer-for-ml', 'ml-systems-engineer', 'mlops-engineer']
        """
        return self.indexes.roles_by_tier.get(self.tier(tier).id, ())

    @query
    def occupation(self, key: str) -> Occupation:
        """An official occupation by id, SOC code or title.

        >>> kb.occupation("15-2051").title
        'Data Scientists'
        """
        return self.occupations_index.get(key)

    @query
    def term(self, key: str) -> Term:
        """A glossary term by id, name, abbreviation or alias, in any letter case.

        >>> kb.term("rag") is kb.term("Retrieval-Augmented Generation") is kb.term("RAG")
        True
        """
        return self.terms_index.get(key)

    @query
    def term_name(self, key: str) -> str:
        """The name a term is shown by, by any of its names: all a link to it shows, so a page
        linking to a term does not depend on the term's definition.

        >>> kb.term_name("rag")
        'Retrieval-Augmented Generation'
        """
        return self.terms_index.get(key).term

    @query
    def glossary_size(self) -> int:
        """How many terms the glossary holds: whether it fits on one page depends on it alone."""
        return len(self.indexes.glossary)

    @query
    def glossary_letters(self) -> tuple[str, ...]:
        """The letters the glossary's terms are filed under, '#' first.

        >>> kb.glossary_letters()[:4]
        ('#', 'A', 'B', 'C')
        """
        return tuple(self.indexes.glossary_by_letter)

    @query
    def terms_filed_under(self, letter: str) -> tuple[Term, ...]:
        """The terms filed under a letter (see ``letter_of``), in alphabetical order: a page
        of some letters depends on their terms only.

        >>> [term.term for term in kb.terms_filed_under("Q")]
        ['Quality assurance', 'Quantization']
        """
        return self.indexes.glossary_by_letter.get(letter, ())

    @query
    def term_id(self, name: str) -> str | None:
        """The id of the term answering to ``name``, or None: all a link to the term needs.

        >>> kb.term_id("RAG"), kb.term_id("Kubernetes"), kb.term_id("Haskell")
        ('retrieval-augmented-generation', 'kubernetes', None)
        """
        found = self.terms_index.find(name)
        return found.id if found is not None else None

    @query
    def source(self, key: str) -> Source:
        """A source by id.

        >>> kb.source("crlabs-builders").publisher
        'CR Labs'
        """
        return self.sources_index.get(key)

    @query
    def cited_as(self, key: str) -> str:
        """How a citation names a source, by its id: a short name where the data gives one,
        else the publisher.

        >>> kb.cited_as("crlabs-builders"), kb.cited_as("agenticcareers-two-paths")
        ('CR Labs, The Builders', 'AgenticCareers.co')
        """
        source = self.sources_index.get(key)
        return source.cite_as or source.publisher

    @query
    def source_title(self, key: str) -> str:
        """A source's title, by its id: all a link to the source shows.

        >>> kb.source_title("crlabs-builders")
        'Careers Building AI, Episode 3: The Builders'
        """
        return self.sources_index.get(key).title

    @query
    def figure(self, record_id: str) -> SalaryBand | MarketFact:
        """A salary band or a market fact by id: whatever an inline figure names.

        >>> kb.figure("mle-builders-median").point
        142000
        """
        found = self.indexes.figures.get(record_id)
        if found is None:
            raise UnknownRecordError(
                "salary band or market fact", record_id, closest(record_id, self.indexes.figures)
            )
        return found

    @query
    def market_fact(self, fact_id: str) -> MarketFact:
        """A market fact by id."""
        found = self.indexes.facts_by_id.get(fact_id)
        if found is None:
            raise UnknownRecordError("market fact", fact_id, closest(fact_id, self.indexes.facts_by_id))
        return found

    # --- filtered lists ---------------------------------------------------------------------

    @query
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
        bands = self.indexes.bands_by_role.get(self.role(role).id, ()) if role else self.indexes.bands
        source_id = self.source(source).id if source else None
        return [
            band
            for band in bands
            if (source_id is None or band.source == source_id) and (level is None or band.level == level)
        ]

    @query
    def entry_pay(self, role: str) -> SalaryBand | None:
        """The entry-level band for a role from its most recent source, for pay at a glance.

        >>> band = kb.entry_pay("agentic-ai-developer")
        >>> band.low, band.high, band.source
        (140000, 185000, 'crlabs-builders')
        """
        entries = self.salary_bands(role=role, level="entry")
        return min(entries, key=lambda band: (-band.as_of.date.toordinal(), band.source), default=None)

    @query
    def market_facts(self, *, role: str | None = None, measure: Measure | None = None) -> list[MarketFact]:
        """Market and demand facts, filtered by role and by what they measure.

        >>> fact = kb.market_facts(role="mle", measure="openings-per-candidate")[0]
        >>> fact.figure.value, fact.figure.unit
        (3.5, 'openings')
        """
        facts = self.indexes.facts_by_role.get(self.role(role).id, ()) if role else self.indexes.facts
        return [fact for fact in facts if measure is None or fact.measure == measure]

    @query
    def market_facts_about(self, roles: tuple[str, ...], measure: Measure | None = None) -> list[MarketFact]:
        """The facts about any of ``roles``, in the data's order: one question for a page that
        lists several roles' facts, so an edit to another role's fact leaves the page alone.

        >>> facts = kb.market_facts_about(("mle", "agentic-ai-developer"), "openings-per-candidate")
        >>> [fact.id for fact in facts][1:3]
        ['mle-choosing-openings-per-candidate', 'mle-openings-per-engineer']
        """
        wanted = dict.fromkeys(self.role(role).id for role in roles)
        lists = [self.indexes.facts_by_role.get(role, ()) for role in wanted]
        if len(lists) == 1:  # a role page's question: its own list is in the data's order
            facts: Iterable[MarketFact] = lists[0]
        else:
            # Merged by position, not by scanning every fact: a page of several roles asks this.
            about = {fact.id: fact for found in lists for fact in found}
            facts = sorted(about.values(), key=lambda fact: self.indexes.fact_positions[fact.id])
        return [fact for fact in facts if measure is None or fact.measure == measure]

    @query
    def headline_fact(self, role: str) -> MarketFact | None:
        """The market figure that best sums up demand for a role, for pay-at-a-glance views.

        >>> kb.headline_fact("agentic-ai-developer").id
        'agentic-choosing-openings-per-candidate'
        """
        figures = [
            fact
            for fact in self.market_facts(role=role)
            if fact.figure is not None and fact.measure in HEADLINE_MEASURES
        ]
        # A fact about this role alone says more about it than one shared with other roles.
        return min(
            figures, key=lambda fact: (HEADLINE_MEASURES.index(fact.measure), len(fact.roles)), default=None
        )

    @query
    def resources(self, *, role: str | None = None) -> list[Resource]:
        """Learning resources, in the source's suggested order first, then by name.

        >>> [r.id for r in kb.resources(role="mle")][:4]
        ['fast-ai', 'full-stack-deep-learning', 'stanford-cs229', 'made-with-ml']
        """
        if role:
            return list(self.indexes.resources_by_role.get(self.role(role).id, ()))
        return list(self.indexes.resources)

    @query
    def resource(self, key: str) -> Resource:
        """A learning resource by id.

        >>> kb.resource("stanford-cs336").provider
        'Stanford University'
        """
        found = self.indexes.resources_by_id.get(key)
        if found is None:
            raise UnknownRecordError("resource", key, closest(key, self.indexes.resources_by_id))
        return found

    @query
    def resource_name(self, key: str) -> ResourceName:
        """A learning resource's name and address, by id: a list naming it changes with nothing else.

        >>> kb.resource_name("fast-ai")
        ResourceName(id='fast-ai', name='fast.ai', url=None)
        """
        resource = self.resource(key)
        return ResourceName(resource.id, resource.name, resource.url)

    @query
    def comparisons_between(self, *roles: str) -> tuple[Comparison, ...]:
        """How the sources draw the lines between exactly these roles, in the data's order.

        >>> [c.id for c in kb.comparisons_between("ai-engineer", "mle")]
        ['mle-vs-ai-engineer', 'mle-vs-ai-engineer-map']
        """
        key = frozenset(self.role(role).id for role in roles)
        return self.indexes.comparisons_by_roles.get(key, ())

    @query
    def skills_shared_by(self, role: str, *others: str) -> list[SkillArea]:
        """The skill areas the sources describe for ``role`` and every one of ``others``, in the
        data's order.

        >>> [area.area for area in kb.skills_shared_by("agentic-ai-developer", "mle")][:2]
        ['Mathematics', 'Programming']
        >>> kb.skills_shared_by("agentic-ai-developer", "ai-engineer")
        []
        """
        other_ids = [self.role(other).id for other in others]
        areas = self.indexes.skills_by_role.get(self.role(role).id, ())
        return [area for area in areas if all(other in area.by_role for other in other_ids)]

    @query
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

    @query
    def counts(self) -> dict[str, int]:
        """How many records of each kind there are."""
        return {name: len(found) for name, found in self.entries.items()}

    def origin(self, collection: str, record_id: str) -> Origin:
        """Where a record was read, for messages that point contributors at it."""
        found = self.indexes.origins.get((collection, record_id))
        if found is None:
            raise UnknownRecordError(collection, record_id, [])
        return found


@dataclass(frozen=True)
class Indexes:
    """The look-ups every query answers from, built once with the knowledge base."""

    sources: tuple[Source, ...]
    tiers: tuple[Tier, ...]
    roles: tuple[Role, ...]
    roles_by_tier: Mapping[str, tuple[RoleTitle, ...]]
    occupations: tuple[Occupation, ...]
    backgrounds: tuple[Background, ...]
    routes: tuple[Route, ...]
    plans: tuple[Plan, ...]
    glossary: tuple[Term, ...]
    #: Letter -> its terms in alphabetical order; the letters in the order of letter_key.
    glossary_by_letter: Mapping[str, tuple[Term, ...]]
    synonyms: tuple[SynonymGroup, ...]
    skills: tuple[SkillArea, ...]
    skills_by_role: Mapping[str, tuple[SkillArea, ...]]
    comparisons: tuple[Comparison, ...]
    #: Ordered by role, source and level.
    bands: tuple[SalaryBand, ...]
    bands_by_role: Mapping[str, tuple[SalaryBand, ...]]
    facts: tuple[MarketFact, ...]
    facts_by_id: Mapping[str, MarketFact]
    facts_by_role: Mapping[str, tuple[MarketFact, ...]]
    #: Fact id -> its place in the data's order.
    fact_positions: Mapping[str, int]
    figures: Mapping[str, SalaryBand | MarketFact]
    #: In the sources' suggested order first; the data's order among equals.
    resources: tuple[Resource, ...]
    resources_by_role: Mapping[str, tuple[Resource, ...]]
    resources_by_id: Mapping[str, Resource]
    comparisons_by_roles: Mapping[frozenset[str], tuple[Comparison, ...]]
    origins: Mapping[tuple[str, str], Origin]

    @classmethod
    def of(cls, entries: Entries) -> Indexes:
        def records(collection: str, kind: type[R]) -> tuple[R, ...]:
            return tuple(cast("R", record) for record, _ in entries.get(collection, ()))

        bands = tuple(
            sorted(
                records("salary_bands", SalaryBand),
                key=lambda b: (b.role, b.source, LEVEL_ORDER.index(b.level)),
            )
        )
        facts = records("market_facts", MarketFact)
        skills = records("skills", SkillArea)
        # A stable sort: resources at the same step keep the order the data file gives them.
        resources = tuple(
            sorted(records("resources", Resource), key=lambda r: (r.order is None, r.order or 0))
        )
        comparisons = records("comparisons", Comparison)
        by_roles: dict[frozenset[str], list[Comparison]] = {}
        for comparison in comparisons:
            by_roles.setdefault(frozenset(comparison.roles), []).append(comparison)
        roles = records("roles", Role)
        tiers_of = {role.id: role.tier for role in roles}
        figures: dict[str, SalaryBand | MarketFact] = {band.id: band for band in bands}
        figures.update((fact.id, fact) for fact in facts if fact.id not in figures)
        glossary = records("glossary", Term)
        alphabetical = sorted(glossary, key=lambda term: term.term.casefold())
        by_letter = _grouped(alphabetical, lambda term: [letter_of(term)])
        return cls(
            sources=records("sources", Source),
            tiers=tuple(sorted(records("tiers", Tier), key=lambda tier: tier.order)),
            roles=roles,
            roles_by_tier=_grouped(
                (RoleTitle(role.id, role.title) for role in sorted(roles, key=lambda r: r.title.casefold())),
                lambda role: [tiers_of[role.id]],
            ),
            occupations=tuple(sorted(records("occupations", Occupation), key=lambda job: job.soc)),
            backgrounds=records("backgrounds", Background),
            routes=records("routes", Route),
            plans=records("plans", Plan),
            glossary=glossary,
            glossary_by_letter={letter: by_letter[letter] for letter in sorted(by_letter, key=letter_key)},
            synonyms=records("synonyms", SynonymGroup),
            skills=skills,
            skills_by_role=_grouped(skills, lambda area: area.by_role),
            comparisons=comparisons,
            bands=bands,
            bands_by_role=_grouped(bands, lambda band: [band.role]),
            facts=facts,
            facts_by_id={fact.id: fact for fact in reversed(facts)},
            facts_by_role=_grouped(facts, lambda fact: fact.roles),
            fact_positions={fact.id: position for position, fact in enumerate(facts)},
            figures=figures,
            resources=resources,
            resources_by_role=_grouped(resources, lambda resource: resource.roles),
            resources_by_id={resource.id: resource for resource in reversed(resources)},
            comparisons_by_roles={roles: tuple(found) for roles, found in by_roles.items()},
            origins={
                (collection, str(getattr(record, "id", ""))): origin
                for collection, found in entries.items()
                for record, origin in reversed(found)
            },
        )


def _grouped(records: Iterable[T], keys: Callable[[T], Iterable[str]]) -> dict[str, tuple[T, ...]]:
    groups: dict[str, list[T]] = {}
    for record in records:
        for key in dict.fromkeys(keys(record)):
            groups.setdefault(key, []).append(record)
    return {key: tuple(found) for key, found in groups.items()}
