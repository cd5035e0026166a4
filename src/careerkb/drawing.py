"""Drawing the site's figures: matplotlib turns a salary chart's or the careers map's data into
a static SVG file.

The same data always gives the same bytes (fixed hash salt, glyphs as paths, a font that ships
with matplotlib), so equal charts get equal files and rebuilds change nothing. The chart is
transparent, and its text and lines are a dark grey; in the dark theme careerkb.css inverts the
picture's lightness (keeping its hues), so the ink turns light and the page shows through.
"""

from __future__ import annotations

import contextlib
import io
import textwrap
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from careerkb.views.pay import ChartData
    from careerkb.views.tiers import MapData

# Okabe and Ito's colour-blind-safe palette, keeping the four colours of middle lightness: each
# stands out at least 3:1 from a white page, and, as careerkb.css inverts the drawing in the dark
# theme, at least 4:1 from its near-black page (#14181e), worked out with CSS's filter matrices.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
# Text, axis and outlines: dark on the light theme, and light once inverted on the dark one.
GREY = "#3d4249"


@dataclass(frozen=True)
class Layout:
    """How a chart is laid out: wide for a page's column, or narrow for a phone's screen."""

    width: float  # inches; the page scales the picture to its column
    row: float  # inches per bar
    font: float  # points, for the labels and figures
    bar: float  # a bar's height, in rows
    labels_above: bool  # each bar's label on its own line above it, so the bars get the width
    ticks: int
    legend_columns: int


WIDE = Layout(width=8.0, row=0.42, font=9, bar=0.6, labels_above=False, ticks=7, legend_columns=3)
# At 4 inches (384 px) the picture is shown at about 0.85 of its size on a 390 px phone, so 10.5 pt
# (14 px) text is still about 12 px there.
NARROW = Layout(width=4.0, row=0.62, font=10.5, bar=0.42, labels_above=True, ticks=4, legend_columns=1)


def draw(data: ChartData | MapData, *, narrow: bool = False) -> bytes:
    """The figure as SVG: the same bytes for the same data, with a transparent background.

    ``narrow`` lays a salary chart out for a phone's width; the careers map has one layout, as
    it scrolls sideways on a narrow screen instead.
    """
    from careerkb.views.pay import ChartData

    if isinstance(data, ChartData):
        return _draw_chart(data, NARROW if narrow else WIDE)
    return _draw_map(data)


@contextlib.contextmanager
def _style() -> Iterator[None]:
    """The settings every figure is drawn with."""
    # Imported here, so that loading the extension stays fast; the object-oriented API draws
    # without pyplot, so no GUI backend and no global figure state are involved.
    import matplotlib

    with (
        matplotlib.rc_context(
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
        ),
        warnings.catch_warnings(),
    ):
        # A label too long for the figure (hostile or just wordy data) leaves constrained layout
        # nothing to fit; matplotlib then draws without it, which is the right fallback.
        warnings.filterwarnings("ignore", message="constrained_layout not applied", category=UserWarning)
        yield


def _svg(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=0.1)
    return buffer.getvalue()


def _draw_map(data: MapData) -> bytes:
    """The tiers as columns, in the map's order, each with its roles stacked below it."""
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    deepest = max((len(tier.roles) for tier in data.tiers), default=1)
    with _style():
        figure = Figure(figsize=(1.75 * len(data.tiers), 1.0 + 0.8 * deepest))
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, len(data.tiers))
        axes.set_ylim(-(deepest + 0.2), 1.0)
        axes.set_axis_off()
        for column, tier in enumerate(data.tiers):
            colour = PALETTE[column % len(PALETTE)]
            centre = column + 0.5
            axes.text(
                centre,
                0.55,
                textwrap.fill(tier.name, 16),
                ha="center",
                va="center",
                fontsize=11,
                fontweight="bold",
            )
            axes.plot([column + 0.08, column + 0.92], [0.2, 0.2], color=colour, linewidth=3)
            for row, title in enumerate(tier.roles, 1):
                top = -row + 0.95
                axes.add_patch(
                    FancyBboxPatch(
                        (column + 0.08, top - 0.75),
                        0.84,
                        0.75,
                        boxstyle="round,pad=0,rounding_size=0.06",
                        facecolor="none",
                        edgecolor=colour,
                        linewidth=1.6,
                    )
                )
                axes.text(
                    centre, top - 0.375, textwrap.fill(title, 17), ha="center", va="center", fontsize=9.5
                )
        return _svg(figure)


def _draw_chart(chart: ChartData, layout: Layout) -> bytes:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    bars = chart.bars
    sign = chart.sign
    reach = max(value for bar in bars for value in (bar.low, bar.high, bar.point) if value)
    tail = reach * 0.16  # how far an open top's faded tail runs past its last stated figure
    with _style():
        figure = Figure(figsize=(layout.width, 1.6 + layout.row * len(bars)), layout="constrained")
        axes = figure.add_subplot()
        # With labels above, each bar sits in the lower part of its row, under its label.
        offset = 0.2 if layout.labels_above else 0.0
        for index, bar in enumerate(bars):
            row = index + offset
            colour = PALETTE[bar.colour % len(PALETTE)]
            outline: dict[str, Any] = (
                {"edgecolor": GREY, "linestyle": (0, (3, 2)), "linewidth": 1.2}
                if bar.approximate
                else {"linewidth": 0}
            )
            if bar.point is not None:
                axes.plot(
                    bar.point, row, marker="D", markersize=9, color=colour, markeredgecolor=GREY, zorder=3
                )
                end = float(bar.point)
            else:
                low = bar.low or 0
                top = bar.high if bar.high is not None else low
                if top > low:
                    axes.barh(row, top - low, left=low, height=layout.bar, color=colour, **outline)
                else:  # '$220K and up': a firm floor, then only the faded tail
                    edges = [row - layout.bar / 2, row + layout.bar / 2]
                    axes.plot([low, low], edges, color=colour, linewidth=3, zorder=3)
                end = float(top)
                if bar.open_high:
                    _open_tail(axes, (row, layout.bar), (end, tail), colour, outline)
                    end += tail
            axes.annotate(
                bar.text,
                (end, row),
                xytext=(8 if bar.point is not None else 5, 0),
                textcoords="offset points",
                va="center",
                fontsize=layout.font,
                color=GREY,
            )

        for row in range(1, len(bars)):
            if bars[row].level != bars[row - 1].level:
                axes.axhline(row - 0.5, color=GREY, linewidth=0.6, alpha=0.5)

        def thousands(value: float, _position: int | None) -> str:
            return f"{sign}{value / 1000:,.0f}K"

        axes.xaxis.set_major_locator(MaxNLocator(nbins=layout.ticks, steps=[1, 2, 2.5, 5, 10]))
        axes.xaxis.set_major_formatter(FuncFormatter(thousands))
        axes.set_xlim(0, (reach + tail) * 1.25)
        axes.set_xlabel(f"{chart.axis} ({sign}K)")
        if layout.labels_above:
            _labels_above(axes, [bar.label for bar in bars], layout.font)
        else:
            axes.set_yticks(range(len(bars)), labels=[bar.label for bar in bars])
        axes.set_ylim(len(bars) - 0.5, -0.5)  # the first band on top
        axes.tick_params(axis="y", length=0)
        axes.tick_params(axis="both", labelsize=layout.font)
        axes.xaxis.label.set_fontsize(layout.font)
        axes.xaxis.grid(True, color=GREY, alpha=0.35, linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right", "left"):
            axes.spines[side].set_visible(False)

        keys: list[Any] = []
        if len(chart.roles) > 1:
            keys += [
                Patch(facecolor=PALETTE[index % len(PALETTE)], label=title) for title, index in chart.roles
            ]
        if any(bar.point is None and not bar.open_high for bar in bars):
            keys.append(Patch(facecolor=GREY, label="range, low to high"))
        if any(bar.open_high for bar in bars):
            keys.append(
                Patch(
                    facecolor=(0.5, 0.5, 0.5, 0.2), edgecolor=GREY, hatch="////", label="open top: no maximum"
                )
            )
        if any(bar.point is not None for bar in bars):
            keys.append(
                Line2D([], [], marker="D", linestyle="none", color=GREY, label="single figure (median)")
            )
        if any(bar.approximate for bar in bars):
            keys.append(Patch(facecolor="none", edgecolor=GREY, linestyle=(0, (3, 2)), label="~ approximate"))
        figure.legend(
            handles=keys,
            loc="outside lower center",
            ncols=min(len(keys), layout.legend_columns),
            frameon=False,
            fontsize=layout.font,
        )
        return _svg(figure)


def _labels_above(axes: Axes, labels: list[str], size: float) -> None:
    """Each row's label at the left edge, above its bar, instead of in a column of its own."""
    from matplotlib.transforms import blended_transform_factory

    axes.set_yticks([])
    at_left_edge = blended_transform_factory(axes.transAxes, axes.transData)
    for row, label in enumerate(labels):
        axes.text(0.0, row - 0.22, label, transform=at_left_edge, va="center", ha="left", fontsize=size)


def _open_tail(
    axes: Axes,
    band: tuple[float, float],
    span: tuple[float, float],
    colour: str,
    outline: dict[str, Any],
) -> None:
    """A hatched extension that fades out: the band goes on, to a height no one states.

    ``band`` is the bar's row and height, ``span`` where the tail starts and how long it runs.
    """
    (row, height), (start, length) = band, span
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Rectangle

    if outline.get("linewidth"):  # approximate: the dashed outline goes round the tail as well
        axes.add_patch(Rectangle((start, row - height / 2), length, height, facecolor="none", **outline))

    steps = 4
    for step in range(steps):
        alpha = 0.9 * (1 - step / steps)
        axes.add_patch(
            Rectangle(
                (start + length * step / steps, row - height / 2),
                length / steps,
                height,
                facecolor=to_rgba(colour, alpha * 0.3),
                edgecolor=to_rgba(colour, alpha),
                hatch="////",
                linewidth=0,
            )
        )
