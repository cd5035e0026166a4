"""What every view reads: the knowledge base and the clock, and the spans they share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from careerkb.clock import TIMELESS, Clock
from careerkb.format import band_label, citation
from careerkb.recording import unrecorded
from careerkb.views.content import Citation, Pay, RoleLink, Span, TermLink

if TYPE_CHECKING:
    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Cited, Role, SalaryBand


#: The most terms the glossary shows on one page, unless careerkb_glossary_split_at says otherwise.
DEFAULT_GLOSSARY_SPLIT_AT = 1000


class Named(Protocol):
    """A role as a list of roles needs it: a :class:`~careerkb.models.Role` or a
    :class:`~careerkb.knowledge.RoleTitle`."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...


class ViewProblem(Exception):  # noqa: N818 - a problem report, like careerkb.Problem
    """A request a view cannot answer: a bad option, or a filter that matches nothing."""

    def __init__(self, message: str, *, empty: bool = False) -> None:
        super().__init__(message)
        #: True when the request is fine but the data has nothing for it.
        self.empty = empty


@dataclass(frozen=True)
class Context:
    """The knowledge base a view reads, the clock that says which figures have aged, and the
    most terms one page of the glossary holds."""

    kb: KnowledgeBase
    clock: Clock = TIMELESS
    glossary_split_at: int = DEFAULT_GLOSSARY_SPLIT_AT

    def citation(self, record: Cited) -> Citation:
        """'CR Labs, The Builders, mid-2026', flagged when the figure has aged."""
        text = citation(self.kb.cited_as(record.source), record.as_of.label)
        return Citation(record.source, text, self.clock.is_stale(record.as_of.date))

    def cited(self, record: Cited | None) -> tuple[Span, ...]:
        """' (CR Labs, The Builders, mid-2026)', after the text the record backs; nothing for no record."""
        return (" (", self.citation(record), ")") if record is not None else ()

    def role_link(self, role_id: str) -> RoleLink:
        """A link to a role, by its id (one the data has checked).

        Its title is read unrecorded: a page writes every link's title afresh and tracks its
        links apart from its reads, so a retitled role re-writes the pages linking to it
        rather than reading them again.
        """
        with unrecorded():
            return role_link(self.kb.role(role_id))

    def term_or_text(self, name: str) -> Span:
        """A glossary link when a term has the name, else the name as text."""
        return TermLink(name) if self.kb.term_id(name) is not None else name


def pay(band: SalaryBand) -> Pay:
    return Pay(band_label(band), approximate=band.approximate, open_high=band.open_high)


def role_link(role: Role) -> RoleLink:
    return RoleLink(role.id, role.title)


def status_text(role: Role) -> str:
    """'established', 'fading', 'emerging': the status as a reader says it."""
    return role.status.value.replace("-", " ") if role.status else "not stated by the sources"
