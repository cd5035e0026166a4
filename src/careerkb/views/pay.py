"""Pay: the grid of roles side by side at aligned levels, the salary table, and the chart's data.

The grid has one row per source and level and one column per role, so two sources show together
where they overlap and every figure sits next to its source and date. The site's tables, the
comparison matrix and the command line all show pay through :func:`pay_grid`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerkb.format import CURRENCY_SIGNS, band_label, citation, hedge_text, level_label, pay_basis
from careerkb.models import LEVEL_ORDER
from careerkb.views.content import Cell, Paragraph, Span, Strong, Styled, Table
from careerkb.views.context import ViewProblem, pay
from careerkb.views.disagreements import same_level_name
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from careerkb.models import Level, SalaryBand, Source
    from careerkb.views.context import Context, Named

TOTAL_CAPTION = "Total compensation by level"
DEFAULT_CAPTION = "Pay by level"


def pay_grid(
    context: Context, roles: Sequence[Named], bands: Iterable[SalaryBand], *, basis: bool = True
) -> tuple[tuple[Cell, ...], ...]:
    """Rows of (level, one pay cell per role, source), ordered by source and level.

    Bands of one source at one level share a row when the source names the level alike; a
    role with two such bands shows both in its cell. With ``basis``, each cell says what it
    measures (base or total, a median or an average); hedges are always shown.
    """
    by_row: dict[tuple[str, int, str], dict[str, list[SalaryBand]]] = {}
    for band in bands:
        key = (band.source, LEVEL_ORDER.index(band.level), band.level_label)
        by_row.setdefault(key, {}).setdefault(band.role, []).append(band)
    rows: list[tuple[Cell, ...]] = []
    for key in sorted(by_row):
        found = by_row[key]
        first = next(iter(found.values()))[0]
        cells: list[Cell] = [(level_label(first),)]
        cells += [_pay_cell(found.get(role.id, []), basis=basis) for role in roles]
        cells.append((context.citation(first),))
        rows.append(tuple(cells))
    return tuple(rows)


def _pay_cell(bands: list[SalaryBand], *, basis: bool) -> Cell:
    if not bands:
        return ("—",)
    spans: list[Span] = []
    for band in bands:
        if spans:
            spans.append("; ")
        spans.append(pay(band))
        notes = [pay_basis(band)] if basis and band.qualitative is None else []
        if band.hedges:
            notes.append(hedge_text(band.hedges))
        if notes:
            spans.append(Styled(f" ({', '.join(notes)})", ("careerkb-pay-note",)))
    return tuple(spans)


def pay_table(
    context: Context, roles: Sequence[Named], bands: Sequence[SalaryBand], title: str | None = None
) -> Table:
    """Pay by level; the caption says "total compensation" only when every band is total."""
    every_total = all(band.compensation == "total" and band.statistic == "range" for band in bands)
    caption = title or (TOTAL_CAPTION if every_total else DEFAULT_CAPTION)
    headers = ("Level", *(role.title for role in roles), "Source")
    rows = pay_grid(context, roles, bands, basis=not every_total)
    return Table(headers, rows, title=caption, classes=("careerkb-salary-table",))


def salary_table(
    context: Context,
    roles: Sequence[Named],
    *,
    source: str | None = None,
    levels: Sequence[Level] | None = None,
    caption: str | None = None,
) -> View:
    """Pay bands of ``roles``, from one source or all, at some levels or all."""
    source_id = context.kb.source(source).id if source else None
    bands = [
        band
        for role in roles
        for band in context.kb.salary_bands(role=role.id, source=source_id)
        if levels is None or band.level in levels
    ]
    if not bands:
        raise ViewProblem("the filter matches no salary bands", empty=True)
    with_pay = [role for role in roles if any(band.role == role.id for band in bands)]
    table = pay_table(context, with_pay, bands, caption)
    note = level_names_note(context, bands)
    return View((table, *note), shown("salary_bands", *(band.id for band in bands)))


def level_names_note(context: Context, bands: Sequence[SalaryBand]) -> tuple[Paragraph, ...]:
    """A sentence under a pay table where sources give one career stage different names, so
    'Junior' and 'Entry' rows for one role do not read as two levels or as a contradiction."""
    names = _source_names(context, list(bands))
    by_level: dict[str, dict[str, list[str]]] = {}
    for band in bands:
        if band.level != "overall":
            labels = by_level.setdefault(band.level, {})
            if not any(same_level_name(band.level_label, label) for label in labels):
                labels[band.level_label] = []
            label = next(label for label in labels if same_level_name(band.level_label, label))
            if names[band.source] not in labels[label]:
                labels[label].append(names[band.source])
    clauses = [
        f"{level.replace('-', ' ')} level is "
        + " and ".join(f"\u201c{label}\u201d in {and_list(sources)}" for label, sources in labels.items())
        for level, labels in by_level.items()
        if len(labels) > 1
    ]
    if not clauses:
        return ()
    text = (
        f"The sources name some levels differently: {'; '.join(clauses)}. Compare the level, not the label."
    )
    return (Paragraph((text,), classes=("careerkb-source-note", "careerkb-level-names")),)


# --- the chart ------------------------------------------------------------------------------------

#: Bump when what a chart shows changes shape, so every chart gets a new file name.
CHART_VERSION = 2
CHART_CAPTION = "Pay bands by level"


@dataclass(frozen=True)
class Bar:
    """One row of the chart: a band, as plain data that can be drawn without the data set."""

    label: str  # level, role and (when there are several) source
    level: str
    colour: int  # the role's place in the catalogue: the same colour in every chart
    low: int | None
    high: int | None
    point: int | None
    open_high: bool
    approximate: bool
    text: str  # the band as people read it


@dataclass(frozen=True)
class ChartData:
    version: int
    sign: str  # the currency sign of the axis
    axis: str  # what the axis measures
    roles: tuple[tuple[str, int], ...]  # (role title, colour), for the legend
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class SalaryChart(View):
    """The chart's data, its text alternative and caption; ``blocks`` hold the same figures as a table."""

    data: ChartData | None = None
    alt: str = ""
    caption: str = ""


def salary_chart(
    context: Context,
    roles: Sequence[Named],
    *,
    source: Source | None = None,
    by_role: bool = False,
    caption: str = "",
) -> SalaryChart:
    """Pay bands of ``roles`` (named by the reader when ``by_role``), from one source or all."""
    kb = context.kb
    roles = list({role.id: role for role in roles}.values())
    bands = [
        band for role in roles for band in kb.salary_bands(role=role.id, source=source.id if source else None)
    ]
    if not bands:
        raise ViewProblem(f"{_filter(roles, source, by_role)} matches no salary bands", empty=True)
    position = {role.id: index for index, role in enumerate(roles)}
    bands.sort(key=lambda band: (LEVEL_ORDER.index(band.level), position[band.role], band.source))
    with_pay = [role for role in roles if any(band.role == role.id for band in bands)]
    rows = tuple(
        ((level_label(band),), (context.role_link(band.role),), (pay(band),), (context.citation(band),))
        for band in bands
    )
    table = Table(
        ("Level", "Role", "Pay", "Source"),
        rows,
        title=caption or CHART_CAPTION,
        classes=("careerkb-chart-table",),
    )
    # A band in words has no bar to draw: the table under the chart lists it with the rest.
    drawn = [band for band in bands if band.qualitative is None]
    if not drawn:
        raise ViewProblem(
            f"{_filter(roles, source, by_role)} has only bands given in words; show them as a table"
        )
    currencies = sorted({band.currency for band in drawn})
    if len(currencies) > 1:
        raise ViewProblem(
            f"the bands mix currencies ({', '.join(currencies)}), which cannot share an axis; "
            "choose one with :source:"
        )
    drawn_roles = [role for role in with_pay if any(band.role == role.id for band in drawn)]
    return SalaryChart(
        (table,),
        shown("salary_bands", *(band.id for band in bands)),
        data=_chart(context, drawn_roles, drawn, currencies[0]),
        alt=chart_summary(context, with_pay, bands),
        caption=caption,
    )


def chart_text(chart: SalaryChart) -> Paragraph:
    """What builders without pictures show in the chart's place: caption and text alternative."""
    lead = (Strong(chart.caption), " ") if chart.caption else ()
    return Paragraph((*lead, chart.alt), classes=("careerkb-chart-text",))


def _filter(roles: list[Named], source: Source | None, by_role: bool) -> str:
    parts = []
    if by_role:
        parts.append(f"role {and_list(role.title for role in roles)}")
    if source is not None:
        parts.append(f"source {source.id!r}")
    return f"the filter {' with '.join(parts)}" if parts else "the data"


def and_list(items: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C'.

    >>> and_list(["A"]), and_list(["A", "B", "C"])
    ('A', 'A, B and C')
    """
    words = list(items)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _source_names(context: Context, bands: list[SalaryBand]) -> dict[str, str]:
    """A short name for each source: its publisher, or publisher and date when two share one."""
    publishers = {band.source: context.kb.cited_as(band.source) for band in bands}
    if len(set(publishers.values())) == len(publishers):
        return publishers
    return {band.source: citation(publishers[band.source], band.as_of.label) for band in bands}


def short(text: str, limit: int = 40) -> str:
    """Axis labels stay short enough to draw; the table beside the chart has the full text.

    >>> short("Machine Learning Engineer"), short("x" * 50, 10)
    ('Machine Learning Engineer', 'xxxxxxxxx…')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chart(context: Context, roles: list[Named], bands: list[SalaryBand], currency: str) -> ChartData:
    kb = context.kb
    # A role keeps its colour in every chart of the site: colours follow the catalogue's order.
    colour = {role.id: index for index, role in enumerate(kb.role_titles)}
    names = _source_names(context, bands)
    several_sources = len(names) > 1
    bars: list[Bar] = []
    for band in bands:
        label = f"{short(band.level_label)} · {short(kb.role_title(band.role).title)}"
        if several_sources:
            label += f" · {short(names[band.source])}"
        bars.append(
            Bar(
                label=label,
                level=band.level,
                colour=colour[band.role],
                low=band.low,
                high=band.high,
                point=band.point,
                open_high=band.open_high or (band.point is None and band.high is None),
                approximate=band.approximate,
                text=band_label(band),
            )
        )
    kinds = {band.compensation for band in bands}
    axis = (
        {
            "total": "Total compensation",
            "base": "Base pay",
            "unstated": "Pay (the source does not say base or total)",
        }.get(kinds.pop())
        if len(kinds) == 1
        else None
    )
    return ChartData(
        version=CHART_VERSION,
        sign=CURRENCY_SIGNS.get(currency, f"{currency} "),
        axis=axis or "Pay (total or base, as each source states it)",
        roles=tuple((short(role.title), colour[role.id]) for role in roles),
        bars=tuple(bars),
    )


def chart_summary(context: Context, roles: list[Named], bands: list[SalaryBand]) -> str:
    """The chart in a sentence or two: its text alternative and visible caption.

    'Pay bands by level for Model Builder and Model User, from Example Press (mid-2026):
    Entry: Model Builder $90K–$135K; Senior: Model User $220K and up.'
    """
    kb = context.kb
    groups: dict[tuple[str, str], list[SalaryBand]] = {}
    for band in bands:
        groups.setdefault((band.source, band.as_of.label), []).append(band)
    sources = [f"{kb.cited_as(source)} ({as_of})" for source, as_of in groups]
    head = f"Pay bands by level for {and_list(role.title for role in roles)}, from {and_list(sources)}"

    def figures(group: list[SalaryBand]) -> str:
        by_level: dict[str, list[SalaryBand]] = {}
        for band in group:
            by_level.setdefault(band.level, []).append(band)
        if len(roles) == 1:
            return "; ".join(f"{band.level_label} {band_label(band)}" for band in group)
        return "; ".join(f"{level[0].level_label}: {level_figures(level)}" for level in by_level.values())

    def level_figures(level: list[SalaryBand]) -> str:
        # Roles with one band are named together, or a repeated figure reads like a copying slip.
        by_label: dict[str, list[str]] = {}
        for band in level:
            by_label.setdefault(band_label(band), []).append(kb.role_title(band.role).title)
        return ", ".join(
            f"{titles[0]} {label}" if len(titles) == 1 else f"{and_list(titles)} {label} each"
            for label, titles in by_label.items()
        )

    if len(groups) == 1:
        text = f"{head}: {figures(bands)}."
    else:
        parts = [
            f"{source} — {figures(group)}." for source, group in zip(sources, groups.values(), strict=True)
        ]
        text = f"{head}. {' '.join(parts)}"
    notes = []
    if any(band.approximate for band in bands):
        notes.append("figures marked ~ are approximate")
    if any(band.point is not None for band in bands):
        notes.append("a single figure is a median or similar point, not a range")
    if notes:
        note = "; ".join(notes)
        text += f" {note[0].upper()}{note[1:]}."
    return text
