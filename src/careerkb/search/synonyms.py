"""Which words and phrases the search treats as one.

Three kinds of record say so: the data's synonym groups (``data/search/synonyms.yaml``: salary,
pay, compensation), each glossary term's name, abbreviation and aliases (RAG is
retrieval-augmented generation), and each role's title and aliases (MLE is a machine learning
engineer). Groups that share a phrase are one group, so a term named in a synonym group brings
its abbreviation along.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from careerkb.knowledge import KnowledgeBase

_SEPARATORS = re.compile(r"[\s_\-\u2010-\u2015]+")


def normalize(phrase: str) -> str:
    """A phrase as the search compares it: case folded, hyphens and runs of spaces as one space.

    >>> normalize("  Retrieval-Augmented   Generation ")
    'retrieval augmented generation'
    """
    return _SEPARATORS.sub(" ", phrase.casefold()).strip()


def synonym_groups(kb: KnowledgeBase) -> tuple[tuple[str, ...], ...]:
    """Every group of two or more phrases that mean the same, each sorted, in sorted order.

    >>> groups = synonym_groups(kb)
    >>> next(group for group in groups if "salary" in group)
    ('compensation', 'earnings', 'income', 'paid', 'pay', 'salary', 'wage')
    >>> next(group for group in groups if "rag" in group)
    ('rag', 'retrieval', 'retrieval augmented generation')
    """
    named: list[Iterable[str]] = [group.words for group in kb.synonyms]
    named += ([term.term, *filter(None, [term.abbreviation]), *term.aliases] for term in kb.glossary)
    named += ([role.title, *(alias.name for alias in role.aliases)] for role in kb.roles)
    return _merged(named)


def _merged(named: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    """Groups joined wherever they share a phrase (a union-find over the phrases)."""
    parent: dict[str, str] = {}

    def root(phrase: str) -> str:
        while parent[phrase] != phrase:
            parent[phrase] = parent[parent[phrase]]  # halve the path: later look-ups are short
            phrase = parent[phrase]
        return phrase

    for phrases in named:
        normalized = [normalize(phrase) for phrase in phrases]
        for phrase in normalized:
            parent.setdefault(phrase, phrase)
        for phrase in normalized[1:]:
            parent[root(phrase)] = root(normalized[0])
    groups: dict[str, set[str]] = {}
    for phrase in parent:
        groups.setdefault(root(phrase), set()).add(phrase)
    return tuple(sorted(tuple(sorted(group)) for group in groups.values() if len(group) > 1))
