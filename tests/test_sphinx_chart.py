"""The salary chart, built from tests/roots/test-chart on the minimal data set."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from careerkb.sphinxext.directives.chart import IMAGE_FOLDER
from tests.conftest import FIXTURES, warnings_of, write_project

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

MINIMAL = {"careerkb_data_dir": str(FIXTURES / "minimal")}

SUMMARY = (
    "Pay bands by level for Model Builder and Model User, from Example Press (mid-2026): "
    "Entry: Model Builder $90K–$135K; Senior: Model User $220K and up."
)


def charts(app: SphinxTestApp) -> list[Path]:
    return sorted((Path(app.outdir) / "_images" / IMAGE_FOLDER).glob("*.svg"))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.sphinx("html", testroot="chart", confoverrides=MINIMAL)
def test_the_html_page_shows_the_chart_as_an_svg_file(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    svg, narrow = charts(app)  # one drawing, in its wide layout and its layout for phones
    assert narrow.name == svg.name.replace("salary-chart-", "salary-chart-narrow-")
    for drawn in (svg, narrow):
        assert drawn.read_bytes().startswith(b"<?xml")
        assert b"<svg" in drawn.read_bytes()

    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    [figure] = re.findall(r'<figure class="careerkb-chart">.*?</figure>', page, re.DOTALL)
    [(src, alt)] = re.findall(r'<img src="([^"]+)" alt="([^"]+)"', figure)
    assert not src.startswith("/")
    assert (Path(app.outdir) / posixpath.normpath(src)).resolve() == svg.resolve()
    assert alt == SUMMARY
    assert "Model Builder" in alt
    assert "Model User" in alt
    assert "$90K–$135K" in alt
    assert "$220K and up" in alt
    [(media, srcset)] = re.findall(r'<source media="([^"]+)" srcset="([^"]+)" />', figure)
    assert "max-width" in media
    assert (Path(app.outdir) / posixpath.normpath(srcset)).resolve() == narrow.resolve()
    [caption] = re.findall(r"<figcaption>(.*?)</figcaption>", figure, re.DOTALL)
    assert "Pay by level" in caption
    assert "Model Builder" not in caption  # the table below holds the figures; the caption need not


@pytest.mark.sphinx("html", testroot="chart", confoverrides=MINIMAL)
def test_the_figures_follow_the_chart_as_a_table(app: SphinxTestApp) -> None:
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    after = page[page.index("</figure>") :]
    assert 'class="careerkb-table careerkb-chart-table' in after
    table = after[: after.index("</table>")]
    text = flat(re.sub(r"<[^>]+>", " ", table))
    assert "Level Role Pay Source" in text
    assert "Entry Model Builder $90K–$135K Example Press, mid-2026" in text
    assert "Senior Model User $220K and up Example Press, mid-2026" in text


@pytest.mark.sphinx("text", testroot="chart", confoverrides=MINIMAL)
def test_text_output_has_the_text_alternative_and_the_table(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "svg" not in text
    assert flat(SUMMARY) in flat(text)
    assert "Pay by level" in text
    rows = [flat(line.replace("|", " ")) for line in text.splitlines()]
    assert "Level Role Pay Source" in rows
    assert "Entry Model Builder $90K–$135K Example Press, mid-2026" in rows
    assert "Senior Model User $220K and up Example Press, mid-2026" in rows


def _clean_build_chart(make_app: type[SphinxTestApp], project: Path) -> list[tuple[str, bytes]]:
    """Build the chart page in a new project folder; the chart files' names and bytes."""
    project.mkdir()
    page = (Path(__file__).parent / "roots" / "test-chart" / "index.md").read_text(encoding="utf-8")
    write_project(project, page)
    app = make_app("html", srcdir=project, confoverrides=MINIMAL, freshenv=True)
    app.build()
    assert warnings_of(app) == []
    drawn = [(svg.name, svg.read_bytes()) for svg in charts(app)]
    app.cleanup()  # unregister the extension's nodes, so the next build starts afresh
    assert len(drawn) == 2
    return drawn


def test_two_clean_builds_draw_byte_identical_charts(
    make_app: type[SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKB_CACHE_DIR", "off")  # both builds really draw
    first = _clean_build_chart(make_app, tmp_path / "first")
    second = _clean_build_chart(make_app, tmp_path / "second")
    assert first == second


def test_a_chart_drawn_once_comes_from_the_cache_in_the_next_project(
    make_app: type[SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKB_CACHE_DIR", str(tmp_path / "cache"))
    drawn = _clean_build_chart(make_app, tmp_path / "first")

    def refuse(data: object, **layout: object) -> bytes:
        raise AssertionError("the chart was drawn again: the cache did not answer")

    monkeypatch.setattr("careerkb.drawing.draw", refuse)
    assert _clean_build_chart(make_app, tmp_path / "second") == drawn


def test_the_same_chart_twice_is_one_file(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    chart = "```{careerkb:salary-chart}\n:role: builder\n```\n"
    write_project(tmp_path, f"# Pay\n\n{chart}\n## Again\n\n{chart}")
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    assert warnings_of(app) == []
    assert len(charts(app)) == 2  # its wide layout and its layout for phones
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert page.count('<figure class="careerkb-chart">') == 2


def test_an_unknown_role_warns_at_its_line_with_a_suggestion(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    write_project(tmp_path, "# Pay\n\n```{careerkb:salary-chart}\n:role: builder, usr\n```\n")
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    assert warnings_of(app) == [
        f"{tmp_path}/index.md:3: WARNING: careerkb:salary-chart: no role named 'usr'; "
        "did you mean 'user'? [careerkb.unknown_id]"
    ]
    assert charts(app) == []


def test_a_filter_that_matches_nothing_warns(
    make_app: type[SphinxTestApp], tmp_path: Path, data_dir: Path
) -> None:
    # Model User's only band goes, so a chart of Model User has nothing to draw.
    bands = data_dir / "salary_bands.yaml"
    kept = bands.read_text(encoding="utf-8").split("  - id: user-senior")[0]
    bands.write_text(kept, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    write_project(site, "# Pay\n\n```{careerkb:salary-chart}\n:role: user\n:source: guide\n```\n")
    app = make_app("html", srcdir=site, confoverrides={"careerkb_data_dir": str(data_dir)})
    app.build()
    assert warnings_of(app) == [
        f"{site}/index.md:3: WARNING: careerkb:salary-chart: the filter role Model User "
        "with source 'guide' matches no salary bands [careerkb.empty]"
    ]
    assert charts(app) == []
