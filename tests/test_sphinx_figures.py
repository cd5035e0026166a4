"""The inline figure role, built from tests/roots/test-figures on the minimal data set."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from careerkb.sphinxext.nodes import cited_figure
from tests.conftest import (
    FIXTURES,
    build,
    clean_build_of,
    minimal_data_with,
    output_tree,
    pages_read,
    warnings_of,
    write_project,
)

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

MINIMAL = {"careerkb_data_dir": str(FIXTURES / "minimal")}


@pytest.mark.sphinx("text", testroot="figures", confoverrides=MINIMAL)
def test_figures_render_with_their_source_and_date(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    text = " ".join((Path(app.outdir) / "index.txt").read_text(encoding="utf-8").split())
    assert "Entry pay is $90K–$135K (Example Press, mid-2026); senior pay is $220K and up" in text
    assert "There are 3.5 openings (Example Press, mid-2026) per builder." in text


@pytest.mark.sphinx("html", testroot="figures", confoverrides=MINIMAL)
def test_a_figure_is_one_node_holding_its_text_and_its_source(app: SphinxTestApp) -> None:
    app.build()
    doctree = app.env.get_doctree("index")
    figures = list(doctree.findall(cited_figure))
    assert [figure.astext() for figure in figures] == [
        "$90K–$135K (Example Press, mid-2026)",
        "$220K and up (Example Press, mid-2026)",
        "3.5 openings (Example Press, mid-2026)",
    ]
    # A page may hold thousands: the value and the citation are its one text.
    assert [len(list(figure.findall())) for figure in figures] == [2, 2, 2]
    assert {figure["source"] for figure in figures} == {"guide"}


def test_the_role_keeps_no_page_alive_once_it_is_read(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    # A page of thousands of figures kept to the end of the build is walked by every garbage
    # collection meanwhile, and freed only when the process ends. Figures other tests of this
    # process still hold are not this build's: only new ones count.
    gc.collect()
    earlier = weakref.WeakSet(node for node in gc.get_objects() if isinstance(node, cited_figure))
    app = make_app("html", srcdir=_figure_project(tmp_path))
    app.build()
    assert "index" in app.env.all_docs  # read, not left from an earlier build
    gc.collect()
    assert not [node for node in gc.get_objects() if isinstance(node, cited_figure) and node not in earlier]


SOURCES_PAGE = "# Sources\n\n```{careerkb:sources}\n```\n"
CURLY = (
    'sources:\n  - {id: guide, title: A Guide, publisher: "Example\'s Press", as_of: mid-2026,\n'
    "     url: https://example.org/guide, covers: Two roles.}\n"
)


def _figure_project(folder: Path, conf: str = "", *, sources_page: bool = True) -> Path:
    shutil.copytree(FIXTURES / "minimal", folder / "data")
    (folder / "data" / "sources.yaml").write_text(CURLY, encoding="utf-8")
    page = '# Page\n\n"Entry" pay is {careerkb:figure}`builder-entry`.\n'
    if sources_page:
        page += "\n```{toctree}\nsources\n```\n"
        (folder / "sources.md").write_text(SOURCES_PAGE, encoding="utf-8")
    write_project(folder, page, f'careerkb_data_dir = "data"\n{conf}')
    return folder


@pytest.mark.parametrize(
    ("builder", "href"), [("html", "sources.html#source-guide"), ("singlehtml", "#source-guide")]
)
def test_a_figure_writes_its_value_and_a_link_to_its_source_with_smart_quotes(
    make_app: type[SphinxTestApp], tmp_path: Path, builder: str, href: str
) -> None:
    app = make_app(builder, srcdir=_figure_project(tmp_path))
    app.build()
    assert warnings_of(app) == []
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert (
        "“Entry” pay is "
        '<span class="careerkb-figure"><span class="careerkb-figure-value">$90K–$135K</span> ('
        f'<a class="reference internal" href="{href}" title="A Guide">'
        '<span class="careerkb-citation">Example’s Press, mid-2026</span></a>)</span>.'
    ) in page


def test_a_figure_on_the_page_that_describes_its_source_links_within_the_page(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _figure_project(tmp_path)
    with (project / "sources.md").open("a", encoding="utf-8") as page:
        page.write("\nEntry pay is {careerkb:figure}`builder-entry`.\n")
    app = make_app("html", srcdir=project)
    app.build()
    assert warnings_of(app) == []
    page = (Path(app.outdir) / "sources.html").read_text(encoding="utf-8")
    assert (
        '<span class="careerkb-figure-value">$90K–$135K</span> ('
        '<a class="reference internal" href="#source-guide" title="A Guide">'
    ) in page


def test_a_stale_figure_says_so_after_its_linked_source(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("html", srcdir=_figure_project(tmp_path, 'careerkb_today = "2029-06-30"\n'))
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert (
        '<span class="careerkb-figure-value">$90K–$135K</span> (<span class="careerkb-cite">'
        '<a class="reference internal" href="sources.html#source-guide" title="A Guide">'
        '<span class="careerkb-citation">Example’s Press, mid-2026</span></a>, '
        '<strong class="careerkb-stale">may be out of date</strong></span>)</span>'
    ) in page


def test_without_a_sources_page_a_figure_names_its_source_unlinked_and_quietly(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("html", srcdir=_figure_project(tmp_path, sources_page=False))
    app.build()
    assert warnings_of(app) == []  # links made from the data do not warn (careerkb.sphinxext.links)
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert (
        '<span class="careerkb-figure-value">$90K–$135K</span> ('
        '<span class="careerkb-citation">Example’s Press, mid-2026</span>)</span>.'
    ) in page


BRACKETS = """\
market_facts:
  - {id: unmeasured, roles: [builder], measure: openings-per-candidate, as_of: mid-2026, source: guide,
     statement: 'Openings "rose" (by a lot) -- fast.'}
"""


def test_a_figure_whose_value_and_source_hold_brackets_splits_where_its_citation_starts(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    data = minimal_data_with(tmp_path / "data", BRACKETS)
    sources = (data / "sources.yaml").read_text(encoding="utf-8")
    (data / "sources.yaml").write_text(sources.replace("Example Press", "Example (Press)"), encoding="utf-8")
    page = "# Page\n\nFirst {careerkb:figure}`unmeasured`.\n\nAgain {careerkb:figure}`unmeasured`.\n"
    app = make_app("html", srcdir=write_project(tmp_path, page, 'careerkb_data_dir = "data"\n'))
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    # Smart quotes and dashes shorten the text; the brackets stay where they were.
    figure = (
        '<span class="careerkb-figure"><span class="careerkb-figure-value">Openings “rose” (by a lot) – fast.'
        '</span> (<span class="careerkb-citation">Example (Press), mid-2026</span>)</span>'
    )
    assert page.count(figure) == 2
    # Shown twice, made once: each still warns where it stands.
    problem = "market fact 'unmeasured' states no figure; quote its statement instead [careerkb.bad_argument]"
    assert warnings_of(app) == [f"{tmp_path}/index.md:{line}: WARNING: {problem}" for line in (3, 5)]


def test_a_page_showing_a_figure_again_is_read_again_when_its_record_or_source_changes(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    # Each page makes the figure once and shows it again: what the first asked covers the page.
    project = _figure_project(tmp_path / "project")
    index = (project / "index.md").read_text(encoding="utf-8").replace("sources\n", "sources\nother\n")
    (project / "index.md").write_text(
        f"{index}\nAgain: {{careerkb:figure}}`builder-entry`.\n", encoding="utf-8"
    )
    (project / "other.md").write_text("# Other\n\nPay: {careerkb:figure}`builder-entry`.\n", encoding="utf-8")
    build(make_app, project)
    data = project / "data"
    bands = (data / "salary_bands.yaml").read_text(encoding="utf-8")
    (data / "salary_bands.yaml").write_text(bands.replace("low: 90000", "low: 95000"), encoding="utf-8")
    rebuild = build(make_app, project)
    assert pages_read(rebuild) == {"index", "other"}
    page = (Path(rebuild.outdir) / "index.html").read_text(encoding="utf-8")
    assert page.count('<span class="careerkb-figure-value">$95K–$135K</span>') == 2
    (data / "sources.yaml").write_text(CURLY.replace("Example's Press", "Other Press"), encoding="utf-8")
    rebuild = build(make_app, project)
    assert {"index", "other"} <= pages_read(rebuild)
    page = (Path(rebuild.outdir) / "index.html").read_text(encoding="utf-8")
    assert page.count('<span class="careerkb-citation">Other Press, mid-2026</span>') == 2
    clean = clean_build_of(make_app, project, tmp_path / "clean")
    assert output_tree(Path(rebuild.outdir)) == output_tree(clean)


def test_the_text_builder_writes_the_figure_and_its_citation(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("text", srcdir=_figure_project(tmp_path, 'careerkb_today = "2029-06-30"\n'))
    app.build()
    text = " ".join((Path(app.outdir) / "index.txt").read_text(encoding="utf-8").split())
    # The usual nodes, the stale note in bold; Sphinx's text builder makes no smart quotes.
    assert "pay is $90K–$135K (Example's Press, mid-2026, **may be out of date**)." in text


def test_other_writers_get_the_figure_text_and_latex_the_link(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("latex", srcdir=_figure_project(tmp_path))
    app.build()
    latex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "\\DUrole{careerkb-figure-value}{\\$90K\\textendash{}\\$135K}" in latex
    assert "\\hyperref[\\detokenize{sources:source-guide}]" in latex


def test_an_unknown_figure_warns_at_its_line_with_a_suggestion(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    write_project(tmp_path, "# Page\n\nPay: {careerkb:figure}`builder-entr`.\n")
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    assert warnings_of(app) == [
        f"{tmp_path}/index.md:3: WARNING: no salary band or market fact named 'builder-entr'; "
        "did you mean 'builder-entry'? [careerkb.unknown_id]"
    ]


CHANGES = """\
market_facts:
  - {id: builder-growth, roles: [builder], measure: posting-growth, statement: Postings rose.,
     figure: {value: 340, unit: percent}, source: guide, as_of: mid-2026}
  - {id: user-decline, roles: [user], measure: posting-growth, statement: Postings fell.,
     figure: {value: -30, unit: percent, approximate: true}, source: guide, as_of: mid-2026}
"""


def test_a_change_brings_its_own_verb_and_a_figure_that_is_no_change_warns(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "data")
    (tmp_path / "data" / "changes.yaml").write_text(CHANGES, encoding="utf-8")
    page = (
        "# Page\n\nBuilder postings {careerkb:change}`builder-growth`, user postings\n"
        "{careerkb:change}`user-decline`; openings {careerkb:change}`builder-shortage`.\n"
    )
    write_project(tmp_path, page, 'careerkb_data_dir = "data"\n')
    app = make_app("text", srcdir=tmp_path)
    app.build()
    text = " ".join((Path(app.outdir) / "index.txt").read_text(encoding="utf-8").split())
    assert (
        "Builder postings grew by 340% (Example Press, mid-2026), user postings fell by ~30% "
        "(Example Press, mid-2026); openings 3.5 openings (Example Press, mid-2026)."
    ) in text
    assert warnings_of(app) == [
        f"{tmp_path}/index.md:3: WARNING: 'builder-shortage' is not a change (a percentage or a "
        "multiple); use careerkb:figure [careerkb.bad_argument]"
    ]
