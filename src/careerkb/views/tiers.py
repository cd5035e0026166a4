"""The map of AI work: five tiers, the roles in each, and each tier's own page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerkb.format import band_label
from careerkb.views.content import Cell, Paragraph, SourceLink, Table, joined
from careerkb.views.context import ViewProblem
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from careerkb.models import SalaryBand
    from careerkb.views.context import Context


@dataclass(frozen=True)
class MapTier:
    name: str
    roles: tuple[str, ...]  # the titles of its roles


@dataclass(frozen=True)
class MapData:
    """What the careers map draws: the tiers in order, each with its roles' titles."""

    tiers: tuple[MapTier, ...]


@dataclass(frozen=True)
class CareersMap(View):
    """The map's drawing and its text alternative; ``blocks`` hold the same map as a table."""

    data: MapData = MapData(())
    alt: str = ""


def tiers_overview(context: Context) -> CareersMap:
    """Every tier with what it is for and its roles: the careers map, drawn and as a table."""
    kb = context.kb
    if not kb.tiers:
        raise ViewProblem("the data holds no tiers", empty=True)
    rows: list[tuple[Cell, ...]] = []
    drawn: list[MapTier] = []
    for tier in kb.tiers:
        roles = kb.tier_roles(tier.id)
        drawn.append(MapTier(tier.name, tuple(role.title for role in roles)))
        links = [context.role_link(role.id) for role in roles]
        rows.append(((tier.name,), (tier.summary,), joined(links) or ("—",)))
    table = Table(("Tier", "What it is for", "Roles"), tuple(rows), classes=("careerkb-tiers",))
    alt = (
        "The careers map, tier by tier: "
        + "; ".join(f"{tier.name}: {', '.join(tier.roles) or 'no roles'}" for tier in drawn)
        + "."
    )
    return CareersMap(
        (table,), shown("tiers", *(tier.id for tier in kb.tiers)), data=MapData(tuple(drawn)), alt=alt
    )


def rough_pay(context: Context, role_id: str) -> SalaryBand | None:
    """The band a source gives only in words for a role at no particular level, if any."""
    bands = context.kb.salary_bands(role=role_id, level="overall")
    return next((band for band in bands if band.qualitative is not None), None)


def tier_roles(context: Context, key: str) -> View:
    """A tier's page body: what the tier is for, then its roles with the map's rough pay."""
    kb = context.kb
    tier = kb.tier(key)
    roles = kb.tier_roles(tier.id)
    if not roles:
        raise ViewProblem(f"no role belongs to the tier {tier.id!r}", empty=True)
    shows = set(shown("tiers", tier.id))
    rows: list[tuple[Cell, ...]] = []
    for named in roles:
        role = kb.role(named.id)
        shows.add(("roles", role.id))
        band = rough_pay(context, role.id)
        pay: Cell = ("—",)
        if band is not None:
            shows.add(("salary_bands", band.id))
            pay = (band_label(band), *context.cited(band))
        rows.append(((context.role_link(role.id),), (role.summary,), pay))
    sources = joined([SourceLink(source, kb.source_title(source)) for source in tier.sources], "; ")
    blocks = (
        Paragraph((tier.description,), classes=("careerkb-tier-description",)),
        Table(("Role", "In one line", "Rough pay"), tuple(rows), classes=("careerkb-tier-roles",)),
        Paragraph(("Based on ", *sources, "."), classes=("careerkb-source-note",)),
    )
    return View(blocks, frozenset(shows))
