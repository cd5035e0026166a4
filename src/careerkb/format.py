"""Figures as people read them: '$142K', '~$90K–$135K', '$220K and up', '~30%'.

The CLI and the Sphinx extension both render figures through these functions, so a band reads
the same in a terminal and on the site.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from careerkb.models import Figure, SalaryBand, Years

CURRENCY_SIGNS = {"USD": "$", "CAD": "CA$", "EUR": "€", "GBP": "£"}
# How each hedge a source puts on a figure reads (the keys are careerkb.models.Hedge).
HEDGE_WORDS: dict[str, str] = {
    "reportedly": "reportedly",
    "single-report": "a single report",
    "hedged": "hedged by the source",
    "survey": "from compensation surveys",
    "directional": "a rough signal",
}


def money(amount: int, currency: str = "USD") -> str:
    """A whole-unit amount in thousands or millions.

    >>> money(142000), money(1000000), money(1250000), money(795000, "EUR"), money(950)
    ('$142K', '$1M', '$1.25M', '€795K', '$950')
    """
    sign = CURRENCY_SIGNS.get(currency, f"{currency} ")
    if amount >= 1_000_000:
        return f"{sign}{amount / 1_000_000:.2f}".rstrip("0").rstrip(".") + "M"
    if amount >= 1_000:
        return f"{sign}{amount / 1_000:.1f}".rstrip("0").rstrip(".") + "K"
    return f"{sign}{amount}"


def band_label(band: SalaryBand) -> str:
    """A pay band, honest about open tops and approximations.

    >>> from careerkb.models import SalaryBand
    >>> def band(**figures):
    ...     return SalaryBand(id="x", role="r", source="s", as_of="2026", level="senior",
    ...                       level_label="Senior", **figures)
    >>> band_label(band(low=90000, high=135000, approximate=True))
    '~$90K–$135K'
    >>> band_label(band(low=220000, open_high=True))
    '$220K and up'
    >>> band_label(band(low=200000, open_high=True, approximate=True))
    '~$200K and up'
    >>> band_label(band(low=600000, high=1000000, open_high=True))
    '$600K to over $1M'
    >>> band_label(band(point=142000, approximate=True, statistic="median"))
    '~$142K'
    >>> band_label(band(low=260000, high=370000, currency="GBP"))
    '£260K–£370K'
    >>> band_label(band(qualitative="High; near seven figures at the top"))
    'High; near seven figures at the top'
    """
    if band.qualitative is not None:
        return band.qualitative
    prefix = "~" if band.approximate else ""
    if band.point is not None:
        return f"{prefix}{money(band.point, band.currency)}"
    assert band.low is not None  # the model guarantees low or point
    low = money(band.low, band.currency)
    if band.high is None:
        return f"{prefix}{low} and up"
    high = money(band.high, band.currency)
    if band.open_high:
        return f"{prefix}{low} to over {high}"
    return f"{prefix}{low}–{high}"


def pay_basis(band: SalaryBand) -> str:
    """What a band measures: which pay, and which statistic of it.

    >>> from careerkb.models import SalaryBand
    >>> def band(**figures):
    ...     return SalaryBand(id="x", role="r", source="s", as_of="2026", level="mid",
    ...                       level_label="Mid", **figures)
    >>> pay_basis(band(low=1, high=2))
    'total compensation'
    >>> pay_basis(band(point=199000, statistic="average", compensation="base"))
    'average base pay'
    >>> pay_basis(band(qualitative="Strong"))
    'pay in words'
    """
    if band.qualitative is not None:
        return "pay in words"
    pay = {"total": "total compensation", "base": "base pay", "unstated": "pay, base or total not stated"}[
        band.compensation
    ]
    return pay if band.statistic == "range" else f"{band.statistic} {pay}"


def hedge_text(hedges: Iterable[str]) -> str:
    """The source's hedges, as a reader would say them.

    >>> hedge_text(["reportedly", "single-report"])
    'reportedly; a single report'
    """
    return "; ".join(HEDGE_WORDS[hedge] for hedge in hedges)


def number(value: float) -> str:
    """
    >>> number(3.5), number(340.0), number(-30)
    ('3.5', '340', '-30')
    """
    return f"{value:g}"


def figure_label(figure: Figure) -> str:
    """A market figure with its unit, read the way a person would say it.

    >>> from careerkb.models import Figure
    >>> figure_label(Figure(value=-30, unit="percent", approximate=True))
    'down ~30%'
    >>> figure_label(Figure(value=340, unit="percent"))
    '340%'
    >>> figure_label(Figure(low=2, high=4, unit="months"))
    '2–4 months'
    >>> figure_label(Figure(value=1, unit="years", approximate=True))
    '~1 year'
    >>> figure_label(Figure(value=1, unit="rank"))
    'No. 1'
    >>> figure_label(Figure(value=2, unit="times", approximate=True))
    '~2×'
    >>> figure_label(Figure(value=90000, unit="USD", approximate=True))
    '~$90K'
    """
    prefix = "~" if figure.approximate else ""
    if figure.unit in CURRENCY_SIGNS:
        amounts = [value for value in (figure.value, figure.low, figure.high) if value is not None]
        return prefix + "–".join(money(round(value), figure.unit) for value in amounts)
    if figure.value is not None:
        if figure.unit == "rank":
            return f"No. {number(figure.value)}"
        amount = number(abs(figure.value))
        singular = figure.value == 1
    else:
        assert figure.low is not None
        assert figure.high is not None
        # A fall from -20 to -10 reads 'down 10–20%': smaller size first.
        amount = "–".join(number(end) for end in sorted((abs(figure.low), abs(figure.high))))
        singular = False
    sign = "down " if falling(figure) else ""
    if figure.unit == "percent":
        return f"{sign}{prefix}{amount}%"
    if figure.unit == "times":
        return f"{sign}{prefix}{amount}×"
    unit = figure.unit[:-1] if singular and figure.unit.endswith("s") else figure.unit
    return f"{sign}{prefix}{amount} {unit}"


def falling(figure: Figure) -> bool:
    """Whether a figure is a fall: a negative value, or a range below zero."""
    ends = [value for value in (figure.value, figure.low, figure.high) if value is not None]
    return all(value < 0 for value in ends)


#: Units whose figures can be read as a change: '340%' grew, '~2×' multiplied.
CHANGE_UNITS = frozenset({"percent", "times"})


def change_phrase(figure: Figure) -> str | None:
    """A change as a verb phrase, so prose never puts a verb before a sign ('grew by down 30%').

    None when the figure is not a change, such as a salary or a count of openings.

    >>> from careerkb.models import Figure
    >>> change_phrase(Figure(value=340, unit="percent"))
    'grew by 340%'
    >>> change_phrase(Figure(value=-30, unit="percent", approximate=True))
    'fell by ~30%'
    >>> change_phrase(Figure(low=-20, high=-10, unit="percent"))
    'fell by 10–20%'
    >>> change_phrase(Figure(value=2, unit="times", approximate=True))
    'grew ~2×'
    >>> change_phrase(Figure(value=0, unit="percent"))
    'held level'
    >>> change_phrase(Figure(value=3.5, unit="openings")) is None
    True
    """
    if figure.unit not in CHANGE_UNITS:
        return None
    if figure.value == 0:
        return "held level"
    label = figure_label(figure).removeprefix("down ")
    if falling(figure):
        return f"fell by {label}" if figure.unit == "percent" else f"shrank {label}"
    return f"grew by {label}" if figure.unit == "percent" else f"grew {label}"


def counted(figure: Figure) -> str:
    """A figure with what it counts, so a bare '2 years' or '45%' never stands alone.

    >>> from careerkb.models import Figure
    >>> counted(Figure(value=3.5, unit="openings", counts="openings per qualified person", approximate=True))
    '~3.5 openings per qualified person'
    >>> counted(Figure(value=2, unit="years", counts="experience few candidates can show"))
    '2 years (experience few candidates can show)'
    >>> counted(Figure(value=-30, unit="percent", counts="change in postings"))
    'down 30% (change in postings)'
    >>> counted(Figure(value=1, unit="rank"))
    'No. 1'
    """
    label = figure_label(figure)
    if not figure.counts:
        return label
    # 'openings per qualified person' already starts with the unit: say it once.
    if figure.counts.startswith(figure.unit + " "):
        return f"{label}{figure.counts.removeprefix(figure.unit)}"
    return f"{label} ({figure.counts})"


def fact_text(figure: Figure | None, statement: str) -> str:
    """A demand fact as one line: its figure with what it counts, then the source's point;
    a fact in words alone is just its statement.

    >>> from careerkb.models import Figure
    >>> fact_text(Figure(value=340, unit="percent", counts="growth in postings"), "Postings soared.")
    '340% (growth in postings): Postings soared.'
    >>> fact_text(None, "Employers want people faster than they can find them.")
    'Employers want people faster than they can find them.'
    """
    return statement if figure is None else f"{counted(figure)}: {statement}"


def citation(publisher: str, as_of_label: str) -> str:
    """A short citation: publisher and date.

    >>> citation("CR Labs", "mid-2026")
    'CR Labs, mid-2026'
    """
    return f"{publisher}, {as_of_label}"


def years_label(years: Years) -> str:
    """Years of experience.

    >>> from careerkb.models import Years
    >>> years_label(Years(low=0, high=2)), years_label(Years(low=8))
    ('0–2 years', '8+ years')
    """
    top = f"–{years.high}" if years.high is not None else "+"
    return f"{years.low}{top} years"


def level_label(band: SalaryBand) -> str:
    """The source's own name for a band's level, with its years of experience where given."""
    return f"{band.level_label} ({years_label(band.years)})" if band.years else band.level_label
