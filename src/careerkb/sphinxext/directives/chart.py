"""```{careerkb:salary-chart}```: pay bands as a horizontal bar chart, with the same figures as a table.

The directive only describes the chart: plain data in a :class:`salary_chart` node, with a file
name made from a hash of that data. The HTML writer draws it with matplotlib, once per distinct
chart, into ``_images/careerkb/`` as a static SVG file; equal charts get equal names and
byte-identical files, so parallel writers never clash and rebuilds change nothing. Every other
builder shows the chart's text alternative instead. Either way the figures follow as a table,
so no reader depends on the picture.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import secrets
from functools import cache
from html import escape
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypedDict, cast

from docutils import nodes
from docutils.parsers.rst import directives

from careerkb.format import CURRENCY_SIGNS, band_label, citation, level_label
from careerkb.models import LEVEL_ORDER
from careerkb.sphinxext.directives.base import CareerkbDirective, DirectiveProblem
from careerkb.sphinxext.render import Cell, pay_cell, role_link, source_link, table
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from collections.abc import Iterable

    from matplotlib.axes import Axes
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec
    from sphinx.writers.html5 import HTML5Translator

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Role, SalaryBand, Source

#: Bump when the drawing changes, so every chart gets a new file name.
CHART_VERSION = 2
#: The charts' folder inside the HTML builder's image folder.
IMAGE_FOLDER = "careerkb"
DEFAULT_CAPTION = "Pay bands by level"

# Okabe and Ito's colour-blind-safe palette, keeping the four colours of middle lightness: each
# stands out at least 3:1 from both a white and a near-black page, for light and dark themes.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
# Text, axis and outlines: mid-grey reads on light and dark backgrounds alike.
GREY = "#808080"


class Bar(TypedDict):
    """One row of the chart: a band, as plain data the writer can draw without the data set."""

    label: str  # the row's label: level, role and (when there are several) source
    level: str
    colour: int  # index into PALETTE, by role
    low: int | None
    high: int | None
    point: int | None
    open_high: bool
    approximate: bool
    text: str  # the band as people read it, from band_label


class Chart(TypedDict):
    version: int
    sign: str  # the currency sign of the axis
    axis: str  # what the axis measures
    roles: list[tuple[str, int]]  # (role title, index into PALETTE), for the legend
    bars: list[Bar]


class salary_chart(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """A chart: ``filename`` (the SVG's name), ``chart`` (its data as JSON), ``alt`` and ``caption``.

    Its child is the text alternative as a paragraph, which non-HTML builders show in its place.
    """


class SalaryChartDirective(CareerkbDirective):
    """Pay bands filtered by role and source, drawn from low to high with open tops and medians."""

    option_spec: ClassVar[OptionSpec] = {
        "role": directives.unchanged,
        "source": directives.unchanged,
        "caption": directives.unchanged,
    }

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        roles = list({role.id: role for role in self.roles_option(kb)}.values())
        source = self._source_option(kb)
        bands = [
            band
            for role in roles
            for band in kb.salary_bands(role=role.id, source=source.id if source else None)
        ]
        if not bands:
            raise DirectiveProblem(f"{self._filter(roles, source)} matches no salary bands", Subtype.EMPTY)
        position = {role.id: index for index, role in enumerate(roles)}
        bands.sort(key=lambda band: (LEVEL_ORDER.index(band.level), position[band.role], band.source))
        shown = [role for role in roles if any(band.role == role.id for band in bands)]
        currencies = sorted({band.currency for band in bands})
        if len(currencies) > 1:
            raise DirectiveProblem(
                f"the bands mix currencies ({', '.join(currencies)}), which cannot share an axis; "
                "choose one with :source:"
            )
        for band in bands:
            self.shows("salary_bands", band)  # and so its role's title and its source's name

        chart = _chart(kb, shown, bands, currencies[0])
        alt = summary(kb, shown, bands)
        caption = (self.options.get("caption") or "").strip()
        data = json.dumps(chart, sort_keys=True, ensure_ascii=False)

        node = salary_chart(
            filename=_filename(data), chart=data, alt=alt, caption=caption, classes=["careerkb-chart"]
        )
        self.set_source_info(node)
        text = nodes.paragraph(classes=["careerkb-chart-text"])
        if caption:
            text += nodes.strong(caption, caption)
            text += nodes.Text(" ")
        text += nodes.Text(alt)
        node += text

        rows: list[list[Cell]] = [
            [level_label(band), role_link(kb.role(band.role)), pay_cell(band), source_link(kb, band)]
            for band in bands
        ]
        figures = table(
            ["Level", "Role", "Pay", "Source"],
            rows,
            classes=["careerkb-chart-table"],
            title=caption or DEFAULT_CAPTION,
        )
        return [node, figures]

    def _source_option(self, kb: KnowledgeBase) -> Source | None:
        if "source" not in self.options:
            return None
        key = (self.options["source"] or "").strip()
        if not key:
            raise DirectiveProblem("the :source: option is empty; name a source id")
        return kb.source(key)

    def _filter(self, roles: list[Role], source: Source | None) -> str:
        parts = []
        if "role" in self.options:
            parts.append(f"role {_and(role.title for role in roles)}")
        if source is not None:
            parts.append(f"source {source.id!r}")
        return f"the filter {' with '.join(parts)}" if parts else "the data"


# --- what the chart shows -------------------------------------------------------------------------


def _and(items: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    words = list(items)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _source_names(kb: KnowledgeBase, bands: list[SalaryBand]) -> dict[str, str]:
    """A short name for each source: its publisher, or publisher and date when two share one."""
    publishers = {band.source: kb.source(band.source).publisher for band in bands}
    if len(set(publishers.values())) == len(publishers):
        return publishers
    return {band.source: citation(kb.source(band.source), band.as_of.label) for band in bands}


def _short(text: str, limit: int = 40) -> str:
    """Axis labels stay short enough to draw; the table beside the chart has the full text.

    >>> _short("Machine Learning Engineer"), _short("x" * 50, 10)
    ('Machine Learning Engineer', 'xxxxxxxxx…')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chart(kb: KnowledgeBase, roles: list[Role], bands: list[SalaryBand], currency: str) -> Chart:
    # A role keeps its colour in every chart of the site: colours follow the catalogue's order.
    colour = {role.id: index for index, role in enumerate(kb.roles)}
    names = _source_names(kb, bands)
    several_sources = len(names) > 1
    bars: list[Bar] = []
    for band in bands:
        label = f"{_short(band.level_label)} · {_short(kb.role(band.role).title)}"
        if several_sources:
            label += f" · {_short(names[band.source])}"
        bars.append(
            {
                "label": label,
                "level": band.level,
                "colour": colour[band.role],
                "low": band.low,
                "high": band.high,
                "point": band.point,
                "open_high": band.open_high or (band.point is None and band.high is None),
                "approximate": band.approximate,
                "text": band_label(band),
            }
        )
    kinds = {band.compensation for band in bands}
    axis = {"total": "Total compensation", "base": "Base pay"}.get(kinds.pop()) if len(kinds) == 1 else None
    return {
        "version": CHART_VERSION,
        "sign": CURRENCY_SIGNS.get(currency, f"{currency} "),
        "axis": axis or "Pay (total or base, as each source states it)",
        "roles": [(_short(role.title), colour[role.id]) for role in roles],
        "bars": bars,
    }


def summary(kb: KnowledgeBase, roles: list[Role], bands: list[SalaryBand]) -> str:
    """The chart in a sentence or two: its text alternative and visible caption.

    'Pay bands by level for Model Builder and Model User, from Example Press (mid-2026):
    Entry: Model Builder $90K–$135K; Senior: Model User $220K and up.'
    """
    groups: dict[tuple[str, str], list[SalaryBand]] = {}
    for band in bands:
        groups.setdefault((band.source, band.as_of.label), []).append(band)
    sources = [f"{kb.source(source).publisher} ({as_of})" for source, as_of in groups]
    head = f"Pay bands by level for {_and(role.title for role in roles)}, from {_and(sources)}"

    def figures(group: list[SalaryBand]) -> str:
        by_level: dict[str, list[SalaryBand]] = {}
        for band in group:
            by_level.setdefault(band.level, []).append(band)
        if len(roles) == 1:
            return "; ".join(f"{band.level_label} {band_label(band)}" for band in group)
        return "; ".join(
            f"{level[0].level_label}: "
            + ", ".join(f"{kb.role(band.role).title} {band_label(band)}" for band in level)
            for level in by_level.values()
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


@cache
def _renderer() -> str:
    try:
        return f"matplotlib {metadata.version('matplotlib')}"
    except metadata.PackageNotFoundError:
        return "no renderer"


def _filename(data: str) -> str:
    """A name for the chart's SVG from what it shows and what draws it."""
    digest = hashlib.sha256(f"{data}\n{_renderer()}".encode()).hexdigest()[:20]
    return f"salary-chart-{digest}.svg"


# --- drawing ---------------------------------------------------------------------------------------


def draw(chart: Chart) -> bytes:
    """The chart as SVG: the same bytes for the same chart, with a transparent background."""
    # Imported here, so that loading the extension stays fast; the object-oriented API draws
    # without pyplot, so no GUI backend and no global figure state are involved.
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    bars = chart["bars"]
    sign = chart["sign"]
    reach = max(value for bar in bars for value in (bar["low"], bar["high"], bar["point"]) if value)
    tail = reach * 0.16  # how far an open top's faded tail runs past its last stated figure
    with matplotlib.rc_context(
        {
            "svg.hashsalt": "careerkb",  # stable ids inside the file
            "svg.fonttype": "path",  # glyphs as paths: the file looks the same everywhere
            "font.family": "DejaVu Sans",  # ships with matplotlib, so every machine lays out alike
            "font.size": 10,
            "text.parse_math": False,  # '$90K–$135K' is money, not mathematics
            "text.color": GREY,
            "axes.labelcolor": GREY,
            "axes.edgecolor": GREY,
            "xtick.color": GREY,
            "ytick.color": GREY,
            "figure.facecolor": "none",
            "axes.facecolor": "none",
            "savefig.transparent": True,
            "hatch.linewidth": 1.0,
        }
    ):
        figure = Figure(figsize=(8.0, 1.6 + 0.42 * len(bars)), layout="constrained")
        axes = figure.add_subplot()
        for row, bar in enumerate(bars):
            colour = PALETTE[bar["colour"] % len(PALETTE)]
            outline: dict[str, Any] = (
                {"edgecolor": GREY, "linestyle": (0, (3, 2)), "linewidth": 1.2}
                if bar["approximate"]
                else {"linewidth": 0}
            )
            if bar["point"] is not None:
                axes.plot(
                    bar["point"], row, marker="D", markersize=9, color=colour, markeredgecolor=GREY, zorder=3
                )
                end = float(bar["point"])
            else:
                low = bar["low"] or 0
                top = bar["high"] if bar["high"] is not None else low
                if top > low:
                    axes.barh(row, top - low, left=low, height=0.6, color=colour, **outline)
                else:  # '$220K and up': a firm floor, then only the faded tail
                    axes.plot([low, low], [row - 0.3, row + 0.3], color=colour, linewidth=3, zorder=3)
                end = float(top)
                if bar["open_high"]:
                    _open_tail(axes, row, end, tail, colour, outline)
                    end += tail
            axes.annotate(
                bar["text"],
                (end, row),
                xytext=(8 if bar["point"] is not None else 5, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
                color=GREY,
            )

        for row in range(1, len(bars)):
            if bars[row]["level"] != bars[row - 1]["level"]:
                axes.axhline(row - 0.5, color=GREY, linewidth=0.6, alpha=0.5)

        def thousands(value: float, _position: int | None) -> str:
            return f"{sign}{value / 1000:,.0f}K"

        axes.xaxis.set_major_locator(MaxNLocator(nbins=7, steps=[1, 2, 2.5, 5, 10]))
        axes.xaxis.set_major_formatter(FuncFormatter(thousands))
        axes.set_xlim(0, (reach + tail) * 1.25)
        axes.set_xlabel(f"{chart['axis']} ({sign}K)")
        axes.set_yticks(range(len(bars)), labels=[bar["label"] for bar in bars])
        axes.set_ylim(len(bars) - 0.5, -0.5)  # the first band on top
        axes.tick_params(axis="y", length=0)
        axes.xaxis.grid(True, color=GREY, alpha=0.35, linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right", "left"):
            axes.spines[side].set_visible(False)

        keys: list[Any] = []
        if len(chart["roles"]) > 1:
            keys += [
                Patch(facecolor=PALETTE[index % len(PALETTE)], label=title) for title, index in chart["roles"]
            ]
        if any(bar["point"] is None and not bar["open_high"] for bar in bars):
            keys.append(Patch(facecolor=GREY, label="range, low to high"))
        if any(bar["open_high"] for bar in bars):
            keys.append(
                Patch(
                    facecolor=(0.5, 0.5, 0.5, 0.2), edgecolor=GREY, hatch="////", label="open top: no maximum"
                )
            )
        if any(bar["point"] is not None for bar in bars):
            keys.append(
                Line2D([], [], marker="D", linestyle="none", color=GREY, label="single figure (median)")
            )
        if any(bar["approximate"] for bar in bars):
            keys.append(Patch(facecolor="none", edgecolor=GREY, linestyle=(0, (3, 2)), label="~ approximate"))
        figure.legend(handles=keys, loc="outside lower center", ncols=min(len(keys), 3), frameon=False)

        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=0.1)
    return buffer.getvalue()


def _open_tail(
    axes: Axes, row: int, start: float, length: float, colour: str, outline: dict[str, Any]
) -> None:
    """A hatched extension that fades out: the band goes on, to a height no one states."""
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Rectangle

    if outline.get("linewidth"):  # approximate: the dashed outline goes round the tail as well
        axes.add_patch(Rectangle((start, row - 0.3), length, 0.6, facecolor="none", **outline))

    steps = 4
    for step in range(steps):
        alpha = 0.9 * (1 - step / steps)
        axes.add_patch(
            Rectangle(
                (start + length * step / steps, row - 0.3),
                length / steps,
                0.6,
                facecolor=to_rgba(colour, alpha * 0.3),
                edgecolor=to_rgba(colour, alpha),
                hatch="////",
                linewidth=0,
            )
        )


def write_svg(folder: Path, node: salary_chart) -> Path:
    """Draw the chart into ``folder`` unless a file of its name (hence its content) is there."""
    target = folder / str(node["filename"])
    if target.exists():
        return target
    svg = draw(cast("Chart", json.loads(node["chart"])))
    folder.mkdir(parents=True, exist_ok=True)
    # Written aside and moved into place, so a reader (or a parallel writer) never sees half a file.
    aside = folder / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    aside.write_bytes(svg)
    aside.replace(target)
    return target


# --- writing -------------------------------------------------------------------------------------


def visit_chart_html(self: HTML5Translator, node: salary_chart) -> None:
    builder = self.builder
    try:
        write_svg(Path(builder.outdir, builder.imagedir, IMAGE_FOLDER), node)
    except ImportError:
        warn(
            "matplotlib is not installed, so this chart shows as text; install careerkb[docs]",
            Subtype.BAD_ARGUMENT,
            node,
        )
        return  # the text alternative, the node's child, renders instead
    src = posixpath.join(builder.imgpath, IMAGE_FOLDER, node["filename"])
    alt = escape(node["alt"])
    caption = escape(node["caption"])
    title = f'<span class="careerkb-chart-title">{caption}</span> ' if caption else ""
    self.body.append(
        self.starttag(node, "figure")
        + f'<img src="{escape(src)}" alt="{alt}" class="careerkb-chart-image" loading="lazy" />\n'
        + f"<figcaption>{title}{alt}</figcaption>\n</figure>\n"
    )
    raise nodes.SkipNode


def visit_chart_text(self: Any, node: salary_chart) -> None:
    """Other builders show the node's child, the text alternative, in place of the image."""


def depart_chart(self: Any, node: salary_chart) -> None:
    pass


def setup_chart(app: Sphinx) -> None:
    app.add_node(
        salary_chart,
        html=(visit_chart_html, depart_chart),
        text=(visit_chart_text, depart_chart),
        latex=(visit_chart_text, depart_chart),
        man=(visit_chart_text, depart_chart),
        texinfo=(visit_chart_text, depart_chart),
    )
    app.add_directive_to_domain("careerkb", "salary-chart", SalaryChartDirective)
