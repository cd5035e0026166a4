"""The glossary, A to Z: every term with its other names, its roles and related terms.

Up to :attr:`~careerkb.views.context.Context.glossary_split_at` terms, the glossary is one page.
Above it, the terms go to pages of a letter or a few letters each (a glossary directive with
``:letters:``), and the glossary page keeps only the A-Z bar, for the pages' addresses and the
filter: one page of thousands of terms is slow to build, to edit and to load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerkb.knowledge import letter_key, term_names
from careerkb.views.content import Labelled, Paragraph, TermLink, joined
from careerkb.views.context import ViewProblem
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from collections.abc import Sequence

    from careerkb.models import Term
    from careerkb.views.content import Block
    from careerkb.views.context import Context


def letter_anchor(letter: str) -> str:
    return f"glossary-{letter.lower()}" if letter.isalpha() else "glossary-other"


def term_anchor(term: Term) -> str:
    """The HTML id of a term: stable, because it comes from the record's id."""
    return f"term-{term.id}"


@dataclass(frozen=True)
class TermEntry:
    term_id: str
    name: str
    #: The other names links may use (its abbreviation and aliases).
    other_names: tuple[str, ...]
    anchor: str
    definition: tuple[Block, ...]


@dataclass(frozen=True)
class LetterGroup:
    letter: str
    anchor: str
    entries: tuple[TermEntry, ...]


@dataclass(frozen=True)
class Glossary(View):
    """Terms to show, by letter: the whole glossary, or the letters of one page of it."""

    groups: tuple[LetterGroup, ...] = ()


@dataclass(frozen=True)
class GlossaryIndex(View):
    """The glossary page of a glossary too large for one page, whose terms are on pages of
    letters: what it shows of them (the A-Z bar, the filter) is known once every page is read."""


_LETTER = r"(#|[^\W\d_])"
_PART = re.compile(rf"{_LETTER}(?:\s*-\s*{_LETTER})?")


@dataclass(frozen=True)
class Letters:
    """Which letters a page of the glossary shows, as ``:letters:`` gives them: ``A-C``,
    ``#, A``, ``X-Z``.

    >>> letters = Letters.parse("#, a-C")
    >>> [letter for letter in ("#", "A", "B", "D") if letters.includes(letter)], str(letters)
    (['#', 'A', 'B'], '#, A-C')
    >>> Letters.parse("C-A")
    Traceback (most recent call last):
    ...
    careerkb.views.context.ViewProblem: :letters: 'C-A' runs backwards; write 'A-C'
    """

    #: (first, last) of each range; a single letter is a range of one.
    ranges: tuple[tuple[str, str], ...]

    @classmethod
    def parse(cls, text: str) -> Letters:
        ranges = []
        for part in (part.strip() for part in text.split(",")):
            found = _PART.fullmatch(part)
            if found is None:
                example = "write, for example, 'A-C' or '#, A'"
                raise ViewProblem(f":letters: {part!r} is not a letter or a range of letters; {example}")
            first, last = found.group(1).upper(), (found.group(2) or found.group(1)).upper()
            if letter_key(last) < letter_key(first):
                raise ViewProblem(f":letters: {part!r} runs backwards; write '{last}-{first}'")
            ranges.append((first, last))
        return cls(tuple(ranges))

    @classmethod
    def spanning(cls, letters: Sequence[str]) -> Letters:
        """The range from the first of ``letters`` to the last, as a page of them names it.

        >>> str(Letters.spanning(["#", "A", "B"])), str(Letters.spanning(["Q"]))
        ('#-B', 'Q')
        """
        return cls(((letters[0], letters[-1]),))

    def includes(self, letter: str) -> bool:
        key = letter_key(letter)
        return any(letter_key(first) <= key <= letter_key(last) for first, last in self.ranges)

    def __str__(self) -> str:
        return ", ".join(first if first == last else f"{first}-{last}" for first, last in self.ranges)


def letter_pages(counts: Sequence[tuple[str, int]], most: int) -> list[tuple[str, ...]]:
    """Consecutive letters in as few pages as hold at most ``most`` terms each (a letter with more
    has a page of its own), balanced so that the largest page is as small as it can be.

    >>> letter_pages([("A", 5), ("B", 1), ("C", 4), ("D", 2)], 6)
    [('A', 'B'), ('C', 'D')]
    >>> letter_pages([("A", 3), ("B", 3), ("C", 3), ("D", 3), ("E", 3)], 12)  # not 12 and 3
    [('A', 'B', 'C'), ('D', 'E')]
    >>> letter_pages([("A", 9), ("B", 1)], 4)  # a letter is never split
    [('A',), ('B',)]
    """
    if not counts:
        return []

    def packed(limit: int) -> list[tuple[str, ...]]:
        pages: list[list[str]] = [[]]
        held = 0
        for letter, count in counts:
            if pages[-1] and held + count > limit:
                pages.append([])
                held = 0
            pages[-1].append(letter)
            held += count
        return [tuple(page) for page in pages]

    # Packing greedily under a limit makes the fewest pages that limit allows; the smallest limit
    # that makes no more pages than ``most`` does balances them.
    wanted = len(packed(most))
    low, high = max(count for _, count in counts), sum(count for _, count in counts)
    while low < high:
        middle = (low + high) // 2
        if len(packed(middle)) <= wanted:
            high = middle
        else:
            low = middle + 1
    return packed(low)


def glossary(context: Context, letters: Letters | None = None) -> Glossary | GlossaryIndex:
    """Every term in alphabetical order, grouped by letter; above ``context.glossary_split_at``
    terms, the glossary page's index, or the terms of ``letters`` for a letter page."""
    kb = context.kb
    size = kb.glossary_size()
    split = size > context.glossary_split_at
    if letters is None and split:
        return GlossaryIndex(())
    if letters is not None and not split:
        raise ViewProblem(
            f":letters: {letters} makes a page of the glossary, but its {size} terms fit on one page "
            f"(careerkb_glossary_split_at is {context.glossary_split_at}), so the page without "
            ":letters: shows them all; remove this page or lower the setting"
        )
    chosen = [letter for letter in kb.glossary_letters() if letters is None or letters.includes(letter)]
    if letters is not None and not chosen:
        raise ViewProblem(f"no term is filed under :letters: {letters}", empty=True)
    groups = []
    ids: list[str] = []
    for letter in chosen:
        terms = kb.terms_filed_under(letter)
        ids += (term.id for term in terms)
        entries = tuple(term_entry(context, term) for term in terms)
        groups.append(LetterGroup(letter, letter_anchor(letter), entries))
    return Glossary((), shown("glossary", *ids), groups=tuple(groups))


def term_entry(context: Context, term: Term) -> TermEntry:
    kb = context.kb
    body: list[Block] = [Paragraph((term.definition,))]
    other_names = [name for name in (term.abbreviation, *term.aliases) if name]
    if other_names:
        body.append(Labelled("Also known as", joined(other_names), classes=("careerkb-term-aliases",)))
    if term.roles:
        roles = [context.role_link(role) for role in term.roles]
        body.append(Labelled("Roles", joined(roles), classes=("careerkb-term-roles",)))
    if term.see_also:
        # By name only: a page showing a term must not be read again when a related term's
        # definition changes, which on a split glossary is often another page's.
        links = [TermLink(kb.term_name(other), warn=True) for other in term.see_also]
        body.append(Labelled("See also", joined(links), classes=("careerkb-term-see-also",)))
    names = tuple(name for name in dict.fromkeys(term_names(term)) if name not in {term.term, term.id})
    return TermEntry(term.id, term.term, names, term_anchor(term), tuple(body))
