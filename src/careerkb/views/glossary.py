"""The glossary, A to Z: every term with its other names, its roles and related terms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerkb.knowledge import term_names
from careerkb.views.content import Labelled, Paragraph, TermLink, joined
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from careerkb.models import Term
    from careerkb.views.content import Block
    from careerkb.views.context import Context


def letter_of(term: Term) -> str:
    """The letter a term is filed under; '#' for names that start with a digit or a sign.

    >>> from careerkb.models import Term
    >>> letter_of(Term(id="x", term="3D printing", definition="Printing in layers."))
    '#'
    """
    first = term.term[0].upper()
    return first if first.isalpha() else "#"


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
    groups: tuple[LetterGroup, ...] = ()


def glossary(context: Context) -> Glossary:
    """Every term, in alphabetical order, grouped by letter."""
    groups: dict[str, list[TermEntry]] = {}
    terms = sorted(context.kb.glossary, key=lambda t: t.term.casefold())
    for term in terms:
        groups.setdefault(letter_of(term), []).append(term_entry(context, term))
    return Glossary(
        (),
        shown("glossary", *(term.id for term in terms)),
        groups=tuple(
            LetterGroup(letter, letter_anchor(letter), tuple(found)) for letter, found in groups.items()
        ),
    )


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
        links = [TermLink(kb.term(other).term, warn=True) for other in term.see_also]
        body.append(Labelled("See also", joined(links), classes=("careerkb-term-see-also",)))
    names = tuple(name for name in dict.fromkeys(term_names(term)) if name not in {term.term, term.id})
    return TermEntry(term.id, term.term, names, term_anchor(term), tuple(body))
