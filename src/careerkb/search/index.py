"""The search index: every page section, glossary term and role as an entry, with each entry's
weighted word counts, in a shape the browser ranks from (BM25 with field weights).

An entry is the narrowest thing a result can lead to: a section of a page ("Interviews ›
Machine Learning Engineer"), a glossary term, a role. Its words count more where they say more
about it: a term's names and a role's titles most, then the section's title, then headings,
then body text. The index keeps, per stem, which entries hold it and with what weight; what a
query needs besides (how rare a stem is, how long an entry is) follows from that.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

from careerkb.search.text import STOP_WORDS, SUFFIXES, terms

Field = Literal["name", "title", "heading", "body"]
Kind = Literal["term", "role", "section"]

#: How much a word counts in each field of an entry, against body text.
FIELD_WEIGHTS: dict[Field, int] = {"name": 8, "title": 4, "heading": 2, "body": 1}

INDEX_VERSION = 3


@dataclass(frozen=True)
class Entry:
    """One result the search can give: where it leads, what it is called, and its text."""

    url: str  # relative to the site root, with its anchor: "interviews.html#machine-learning-engineer"
    trail: tuple[str, ...]  # "Interviews", "Machine Learning Engineer"
    kind: Kind
    fields: dict[Field, str] = field(default_factory=dict)
    #: What its score is multiplied by: below 1 for pages meant for contributors, not readers.
    boost: float = 1.0


def weights(entry: Entry) -> Counter[str]:
    """Each stem of the entry with its weight: its count in each field times the field's weight.

    >>> entry = Entry("g.html#term-rag", ("Glossary", "RAG"), "term",
    ...               {"name": "RAG", "body": "Retrieval feeds the model; the model answers."})
    >>> sorted(weights(entry).items())
    [('answer', 1), ('feed', 1), ('model', 2), ('rag', 8), ('retrieval', 1)]
    """
    counted: Counter[str] = Counter()
    for name, text in entry.fields.items():
        for stem in terms(text):
            counted[stem] += FIELD_WEIGHTS[name]
    return counted


#: How much of an entry's text its excerpt may draw on, and how many entries share a text file.
EXCERPT_SOURCE_CHARACTERS = 700
TEXTS_PER_FILE = 16


def in_order(entries: list[Entry]) -> list[Entry]:
    """The entries in index order, by address; two entries may not lead to the same place."""
    ordered = sorted(entries, key=lambda entry: entry.url)
    repeated = sorted({a.url for a, b in pairwise(ordered) if a.url == b.url})
    if repeated:
        raise ValueError(f"two search entries lead to the same place: {', '.join(repeated)}")
    return ordered


def shard_of(stem: str) -> str:
    """The postings file a stem is in: its first letter, or "_" for a digit or other letter.

    >>> shard_of("salary"), shard_of("4"), shard_of("école")
    ('s', '_', '_')
    """
    first = stem[:1]
    return first if "a" <= first <= "z" else "_"


def excerpt_source(entry: Entry) -> str:
    """The text an excerpt is cut from: the entry's body, or its name when it has no body."""
    text = " ".join((entry.fields.get("body") or entry.fields.get("name") or "").split())
    return text[:EXCERPT_SOURCE_CHARACTERS]


def build_index(entries: list[Entry], synonym_groups: tuple[tuple[str, ...], ...]) -> dict[str, Any]:
    """The index as plain JSON-ready data, the same for the same entries (sorted throughout).

    ``postings`` maps a stem to a flat list ``[entry, weight, entry, weight, ...]``, entries in
    order; ``lengths`` is each entry's total weight, which BM25 compares with the average.
    """
    ordered = in_order(entries)
    postings: dict[str, list[int]] = {}
    lengths = []
    for number, entry in enumerate(ordered):
        counted = weights(entry)
        lengths.append(sum(counted.values()))
        for stem in sorted(counted):
            postings.setdefault(stem, []).extend((number, counted[stem]))
    return {
        "version": INDEX_VERSION,
        "rules": {"stop_words": sorted(STOP_WORDS), "suffixes": [list(rule) for rule in SUFFIXES]},
        "synonyms": [list(group) for group in synonym_groups],
        "entries": [[entry.url, list(entry.trail), entry.kind, entry.boost] for entry in ordered],
        "lengths": lengths,
        "postings": dict(sorted(postings.items())),
    }


# --- the compact form the browser downloads --------------------------------------------------

#: The 64 characters a posting string is written in; each carries five bits of a number and,
#: in its upper half, a flag that more characters of the same number follow.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def varint(number: int) -> str:
    """A number in as few :data:`DIGITS` as it needs, the low five bits first.

    >>> varint(0), varint(31), varint(32), varint(33), varint(1025)
    ('A', 'f', 'gB', 'hB', 'hgB')
    """
    out = []
    while number >= 32:
        out.append(DIGITS[32 + (number & 31)])
        number >>= 5
    out.append(DIGITS[number])
    return "".join(out)


def encode_postings(found: list[int]) -> str:
    """A stem's ``[entry, weight, ...]`` list as text: each entry as its distance from the one
    before (entries are in order, so most distances are small), doubled, plus one when a weight
    other than 1 follows. Most words are in body text once, with weight 1: those cost only their
    distance.

    >>> encode_postings([3, 8, 4, 1, 40, 2])  # distances 3, 1, 36 -> heads 7, 2, 73; weights 8, -, 2
    'HICpCC'
    """
    out = []
    previous = 0
    for at in range(0, len(found), 2):
        entry, weight = found[at], found[at + 1]
        head = 2 * (entry - previous)
        out.append(varint(head) if weight == 1 else varint(head + 1) + varint(weight))
        previous = entry
    return "".join(out)


def slug(title: str) -> str:
    """The anchor a section's title usually has; the script has the same rule.

    >>> slug("The careers map's bands in words"), slug("Pay")
    ('the-careers-map-s-bands-in-words', 'pay')
    """
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def compact_entries(entries: list[list[Any]]) -> dict[str, list[Any]]:
    """The entries with what they repeat said once: each page's address and boost in
    ``pages``, and each entry as ``[page, anchor, parent, title, kind]``, where ``parent`` is
    the entry whose trail its own continues (-1 for none), ``kind`` the kind's first letter and
    ``anchor`` empty where it is the title's :func:`slug`, as most sections' anchors are.

    >>> compact = compact_entries([
    ...     ["pay.html#open-tops", ["Pay", "Open tops"], "section", 1.0],
    ...     ["pay.html#pay", ["Pay"], "section", 1.0],
    ...     ["roles/mle.html#role-mle", ["MLE"], "role", 1.0],
    ... ])
    >>> compact["pages"]
    [['pay.html', 1.0], ['roles/mle.html', 1.0]]
    >>> compact["entries"]
    [[0, '', 1, 'Open tops', 's'], [0, '', -1, 'Pay', 's'], [1, 'role-mle', -1, 'MLE', 'r']]
    """
    pages: dict[tuple[str, float], int] = {}
    page_of = [pages.setdefault((url.partition("#")[0], boost), len(pages)) for url, _, _, boost in entries]
    sections = {
        (page_of[number], tuple(trail)): number
        for number, (_, trail, kind, _) in enumerate(entries)
        if kind == "section"
    }
    compact = []
    for number, (url, trail, kind, _) in enumerate(entries):
        parent = sections.get((page_of[number], tuple(trail[:-1])), -1) if len(trail) > 1 else -1
        if parent < 0 and len(trail) > 1:
            raise ValueError(f"search entry {url} has no entry for the titles above it: {trail[:-1]}")
        anchor = url.partition("#")[2]
        compact.append(
            [page_of[number], "" if anchor == slug(trail[-1]) else anchor, parent, trail[-1], kind[0]]
        )
    return {"pages": [list(page) for page in pages], "entries": compact}
