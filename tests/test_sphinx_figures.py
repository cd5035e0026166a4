"""The inline figure role, built from tests/roots/test-figures on the minimal data set."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from tests.conftest import FIXTURES, warnings_of, write_project

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
def test_a_figure_is_an_inline_node_with_its_value_and_a_link_to_its_source(app: SphinxTestApp) -> None:
    app.build()
    doctree = app.env.get_doctree("index")
    figures = [node for node in doctree.findall(nodes.inline) if "careerkb-figure" in node["classes"]]
    assert [figure.astext() for figure in figures] == [
        "$90K–$135K (Example Press, mid-2026)",
        "$220K and up (Example Press, mid-2026)",
        "3.5 openings (Example Press, mid-2026)",
    ]
    value, opening, source, closing = figures[0].children
    assert value["classes"] == ["careerkb-figure-value"]
    assert (opening.astext(), closing.astext()) == (" (", ")")
    assert (source["reftype"], source["reftarget"]) == ("source", "guide")


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
