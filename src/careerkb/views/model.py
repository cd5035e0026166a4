"""The shape every view returns: its blocks, and the records it shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerkb.views.content import Block

#: A record a view shows, by collection and id: for the sources page and the coverage check.
Shown = tuple[str, str]


@dataclass(frozen=True)
class View:
    """Content ready for any renderer, and the records it shows."""

    blocks: tuple[Block, ...]
    shows: frozenset[Shown] = field(default_factory=frozenset)


def shown(collection: str, *ids: str) -> frozenset[Shown]:
    return frozenset((collection, record_id) for record_id in ids)
