"""Every source: who published it, where, when its figures date from and what it covers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerkb.views.content import Labelled, Paragraph, Strong, WebLink
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from careerkb.models import Source
    from careerkb.views.content import Block
    from careerkb.views.context import Context


def source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


@dataclass(frozen=True)
class SourceEntry:
    source_id: str
    anchor: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Sources(View):
    entries: tuple[SourceEntry, ...] = ()


def sources(context: Context) -> Sources:
    found = context.kb.sources
    return Sources(
        (),
        shown("sources", *(source.id for source in found)),
        entries=tuple(source_entry(source) for source in found),
    )


def source_entry(source: Source) -> SourceEntry:
    byline = source.publisher + (f", by {source.author}" if source.author else "")
    blocks: list[Block] = [
        Paragraph((Strong(source.title),), classes=("careerkb-source-title",)),
        Labelled("Published by", (byline,)),
    ]
    if source.url:
        blocks.append(Labelled("Address", (WebLink(source.url),)))
    blocks += [
        Labelled("Figures as of", (source.as_of.label,)),
        Labelled("Region", (source.region or "not stated by the source",)),
        Labelled("Covers", (source.covers,)),
    ]
    if source.note:
        blocks.append(Labelled("Note", (source.note,)))
    blocks.append(Labelled("To check it", (how_to_check(source),), classes=("careerkb-source-check",)))
    return SourceEntry(source.id, source_anchor(source.id), tuple(blocks))


def how_to_check(source: Source) -> str:
    """What a reader can do to read the source for themselves, with or without an address."""
    if source.url:
        return (
            f"open the address above. The figures here are as of {source.as_of.label}; "
            "if the page has been updated since, its numbers may differ."
        )
    return (
        f"we know of no web address for it, so search {source.publisher}'s site, or the web, "
        f"for its title, \u201c{source.title}\u201d."
    )
