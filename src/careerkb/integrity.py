"""Checks across records: ids are unique, references resolve, names do not collide.

Each record type declares what it points at in :func:`references`; the checks then need no
knowledge of the individual models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from careerkb.knowledge import closest
from careerkb.models import (
    Background,
    Cited,
    Comparison,
    MarketFact,
    Record,
    Resource,
    Role,
    Route,
    SalaryBand,
    SkillArea,
    SynonymGroup,
    Term,
    Tier,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from careerkb.knowledge import KnowledgeBase, Origin
    from careerkb.problems import FieldPath, Problem

Target = Literal["sources", "tiers", "roles", "occupations", "resources", "glossary"]


class Reference(NamedTuple):
    field: FieldPath
    target: Target
    record_id: str


def references(record: Record) -> Iterator[Reference]:
    """Every id a record names, with the field it is named in."""
    yield from _cited_sources(record, ())
    match record:
        case Role():
            yield Reference(("tier",), "tiers", record.tier)
            yield from (Reference(("sources", i), "sources", s) for i, s in enumerate(record.sources))
            for i, link in enumerate(record.occupations):
                yield Reference(("occupations", i, "occupation"), "occupations", link.occupation)
            if record.learning_path is not None:
                for i, step in enumerate(record.learning_path.steps):
                    for j, resource in enumerate(step.resources):
                        yield Reference(("learning_path", "steps", i, "resources", j), "resources", resource)
            for i, alias in enumerate(record.aliases):
                if alias.source:
                    yield Reference(("aliases", i, "source"), "sources", alias.source)
            for i, related in enumerate(record.related_roles):
                yield Reference(("related_roles", i), "roles", related)
        case SalaryBand():
            yield Reference(("role",), "roles", record.role)
        case MarketFact() | Resource() | Comparison() | Background():
            yield from (Reference(("roles", i), "roles", r) for i, r in enumerate(record.roles))
        case Route():
            for name in ("opens", "opens_with_portfolio"):
                yield from (Reference((name, i), "roles", r) for i, r in enumerate(getattr(record, name)))
        case Tier():
            yield from (Reference(("sources", i), "sources", s) for i, s in enumerate(record.sources))
        case SkillArea():
            yield from (Reference(("by_role", r), "roles", r) for r in record.by_role)
        case Term():
            yield from (Reference(("roles", i), "roles", r) for i, r in enumerate(record.roles))
            yield from (Reference(("see_also", i), "glossary", t) for i, t in enumerate(record.see_also))
            yield from (Reference(("sources", i), "sources", s) for i, s in enumerate(record.sources))


def _cited_sources(record: Record, field: FieldPath) -> Iterator[Reference]:
    """The ``source`` of every cited part of a record, however deeply it is nested."""
    if isinstance(record, Cited):
        yield Reference((*field, "source"), "sources", record.source)
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, Record):
            yield from _cited_sources(value, (*field, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Record):
                    yield from _cited_sources(item, (*field, name, i))


_KIND_NAMES: dict[Target, str] = {
    "sources": "source",
    "tiers": "tier",
    "roles": "role",
    "occupations": "occupation",
    "resources": "resource",
    "glossary": "term",
}


def check(
    kb: KnowledgeBase,
    invalid_ids: Mapping[str, set[str]],
    *,
    check_references: bool = True,
) -> list[Problem]:
    """Every cross-record problem in the knowledge base.

    ``invalid_ids`` are the ids of records that failed validation: they exist, so a reference
    to one is not reported again.
    """
    problems = [*_duplicate_ids(kb), *_name_collisions(kb), *_repeated_synonyms(kb)]
    if check_references:
        problems += _dangling_references(kb, invalid_ids)
    return problems


def _duplicate_ids(kb: KnowledgeBase) -> Iterator[Problem]:
    for collection, entries in kb.entries.items():
        first: dict[str, Origin] = {}
        for record, origin in entries:
            record_id = getattr(record, "id", None)
            if record_id is None:
                continue
            if record_id in first:
                earlier = first[record_id]
                yield origin.problem(
                    ("id",),
                    f"duplicate id {record_id!r} in {collection} "
                    f"(first defined at {earlier.document.path.name}:{earlier.line})",
                )
            else:
                first[record_id] = origin


def _dangling_references(kb: KnowledgeBase, invalid_ids: Mapping[str, set[str]]) -> Iterator[Problem]:
    ids: dict[Target, set[str]] = {
        target: {str(getattr(record, "id", "")) for record, _ in kb.entries.get(target, ())}
        | invalid_ids[target]
        for target in _KIND_NAMES
    }
    suggest: dict[Target, Callable[[str], list[str]]] = {
        "sources": kb.sources_index.suggest,
        "roles": kb.roles_index.suggest,
        "glossary": kb.terms_index.suggest,
        "tiers": lambda key: closest(key, ids["tiers"]),
        "occupations": lambda key: closest(key, ids["occupations"]),
        "resources": lambda key: closest(key, ids["resources"]),
    }
    for entries in kb.entries.values():
        for record, origin in entries:
            own_id = getattr(record, "id", None)
            for field, target, record_id in references(record):
                kind = _KIND_NAMES[target]
                if record_id not in ids[target]:
                    hint = suggest[target](record_id)
                    extra = f"; did you mean {hint[0]!r}?" if hint else ""
                    yield origin.problem(field, f"unknown {kind} id {record_id!r}{extra}")
                elif record_id == own_id and field[0] in {"see_also", "related_roles"}:
                    yield origin.problem(field, f"a {kind} cannot refer to itself")


def _name_collisions(kb: KnowledgeBase) -> Iterator[Problem]:
    for collection, index in (("roles", kb.roles_index), ("glossary", kb.terms_index)):
        for name, records in index.collisions():
            owners = [record.id for record in records]
            if len(set(owners)) < len(owners):
                continue  # the same id twice is reported as a duplicate id
            later = records[-1]
            origin = kb.origin(collection, later.id)
            yield origin.problem(
                (),
                f"the name {name!r} of {index.kind} {later.id!r} is already used by "
                f"{', '.join(map(repr, owners[:-1]))}; names, abbreviations and aliases must be unique",
            )


def _repeated_synonyms(kb: KnowledgeBase) -> Iterator[Problem]:
    """A word in two synonym groups would join them silently; twice in one group is a slip."""
    first: dict[str, tuple[str, Origin]] = {}
    for record, origin in kb.entries.get("synonyms", ()):
        assert isinstance(record, SynonymGroup)
        for index, word in enumerate(record.words):
            key = " ".join(word.casefold().split())
            if key not in first:
                first[key] = (record.id, origin)
                continue
            group, earlier = first[key]
            where = (
                "earlier in this group"
                if group == record.id
                else f"in synonym group {group!r} ({earlier.document.path.name}:{earlier.line})"
            )
            yield origin.problem(
                ("words", index), f"the word {word!r} is already {where}; a word belongs to one group"
            )
