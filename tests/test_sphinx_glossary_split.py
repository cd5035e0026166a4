"""A glossary too large for one page, split into pages of letters: tests/roots/test-glossary-split
holds six terms, a threshold of three, a glossary page and two pages of letters."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from careerkb.sphinxext.glossary import glossary_names
from tests.conftest import (
    build,
    clean_build_of,
    edit_file,
    output_tree,
    pages_read,
    pages_written,
    warnings_of,
    write_project,
)

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-glossary-split"
TERMS = {
    "term-eighty-twenty": "a-c",
    "term-agent": "a-c",
    "term-attention": "a-c",
    "term-chunking": "a-c",
    "term-embeddings": "d-z",
    "term-retrieval-augmented-generation": "d-z",
}
BAR = [
    ("#", "a-c.html#glossary-other"),
    ("A", "a-c.html#glossary-a"),
    ("C", "a-c.html#glossary-c"),
    ("E", "d-z.html#glossary-e"),
    ("R", "d-z.html#glossary-r"),
]


def _html(app: SphinxTestApp, page: str) -> str:
    return (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")


def _bar(html: str) -> list[tuple[str, str]]:
    found = re.search(r'<p class="careerkb-az careerkb-az-pages" id="glossary-letters">(.*?)</p>', html)
    assert found is not None
    links = re.findall(
        r'<a class="careerkb-az-letter reference internal" href="([^"]*)">([^<]*)</a>', found[1]
    )
    return [(letter, href) for href, letter in links]


def _project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ROOT, tmp_path / "project"))


@pytest.mark.sphinx("html", testroot="glossary-split")
def test_above_the_threshold_every_term_is_on_exactly_one_page_of_letters(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    pages = {page: _html(app, page) for page in ("glossary", "a-c", "d-z", "links")}
    on = {anchor: [page for page, html in pages.items() if f'<dt id="{anchor}"' in html] for anchor in TERMS}
    assert on == {anchor: [page] for anchor, page in TERMS.items()}
    objects = app.env.domains.standard_domain.objects
    assert objects[("term", "RAG")] == ("d-z", "term-retrieval-augmented-generation")
    assert objects[("term", "80/20 rule")] == ("a-c", "term-eighty-twenty")
    # The glossary page keeps the bar, with nothing of a term but the filter's cue.
    assert "<dl" not in pages["glossary"]
    assert not list(app.env.get_doctree("glossary").findall(glossary_names))


@pytest.mark.sphinx("html", testroot="glossary-split")
def test_the_a_to_z_bar_links_every_letter_on_the_page_that_shows_it(app: SphinxTestApp) -> None:
    app.build()
    assert _bar(_html(app, "glossary")) == BAR
    # On a page of letters, its own letters are links within the page.
    local = [(letter, href.removeprefix("a-c.html")) for letter, href in BAR]
    assert _bar(_html(app, "a-c")) == local[:3] + BAR[3:]
    for page, html in (("a-c", _html(app, "a-c")), ("d-z", _html(app, "d-z"))):
        for letter, href in BAR:
            if href.startswith(page):
                assert f'id="{href.partition("#")[2]}"' in html, letter


@pytest.mark.sphinx("html", testroot="glossary-split")
def test_term_links_from_any_page_lead_to_the_page_of_letters(app: SphinxTestApp) -> None:
    app.build()
    links = re.findall(r'<a class="reference internal" href="([^"]*#term-[a-z-]+)"', _html(app, "links"))
    assert links == [
        "d-z.html#term-retrieval-augmented-generation",
        "d-z.html#term-embeddings",
        "a-c.html#term-chunking",
    ]
    # A "See also" crosses pages too.
    assert 'href="d-z.html#term-retrieval-augmented-generation"' in _html(app, "a-c")


@pytest.mark.sphinx("singlehtml", testroot="glossary-split")
def test_under_singlehtml_the_bar_links_are_anchors_of_the_one_page(app: SphinxTestApp) -> None:
    app.build()
    assert [href for _, href in _bar(_html(app, "index"))] == [
        f"#{href.partition('#')[2]}" for _, href in BAR
    ]


@pytest.mark.sphinx("html", testroot="glossary-split")
def test_the_previews_data_gives_the_filter_every_terms_names_and_address_escaped(app: SphinxTestApp) -> None:
    app.build()
    script = (Path(app.outdir) / "_static" / "careerkb-previews-data.js").read_text(encoding="utf-8")
    assert "</script>" not in script
    assert "<b>" not in script
    assert "&" not in script
    data = json.loads(script.removeprefix("window.careerkbPreviewData = ").removesuffix(";\n"))
    assert {anchor: entry["url"] for anchor, entry in data.items()} == {
        anchor: f"{page}.html#{anchor}" for anchor, page in TERMS.items()
    }
    assert data["term-chunking"]["names"] == ["Chunking", "</script><b>chunks & pieces"]
    assert data["term-retrieval-augmented-generation"]["names"] == ["Retrieval-Augmented Generation", "RAG"]


@pytest.mark.sphinx("text", testroot="glossary-split")
def test_other_builders_write_the_bar_as_text(app: SphinxTestApp) -> None:
    app.build()
    assert (Path(app.outdir) / "glossary.txt").read_text(encoding="utf-8").split() == [
        "Glossary",
        "********",
        *(letter for letter, _ in BAR),
    ]


def test_at_the_threshold_the_glossary_is_one_page_as_before(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    conf = f'careerkb_data_dir = "{ROOT / "data"}"\ncareerkb_glossary_split_at = 6\n'
    app = make_app(
        "html", srcdir=write_project(tmp_path, "# Glossary\n\n```{careerkb:glossary}\n```\n", conf)
    )
    app.build()
    assert warnings_of(app) == []
    doctree = app.env.get_doctree("index")
    bar = [ref["refid"] for ref in doctree.findall(nodes.reference) if "careerkb-az-letter" in ref["classes"]]
    assert bar == [href.partition("#")[2] for _, href in BAR]
    (names,) = doctree.findall(glossary_names)
    assert sorted(names["by_anchor"]) == sorted(TERMS)
    assert "careerkb-az-pages" not in _html(app, "index")


def test_pages_of_letters_below_the_threshold_say_so(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    project = _project(tmp_path)
    app = make_app("html", srcdir=project, confoverrides={"careerkb_glossary_split_at": 6})
    app.build()
    said = (
        "WARNING: careerkb:glossary: :letters: {} makes a page of the glossary, but its 6 terms fit on "
        "one page (careerkb_glossary_split_at is 6), so the page without :letters: shows them all; "
        "remove this page or lower the setting [careerkb.bad_argument]"
    )
    assert warnings_of(app) == [
        f"{project}/a-c.md:3: {said.format('#, A-C')}",
        f"{project}/d-z.md:3: {said.format('D-Z')}",
    ]
    assert len(re.findall(r'<dt id="term-', _html(app, "glossary"))) == 6


def test_letters_no_page_shows_are_named_with_the_pages_to_add(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _project(tmp_path)
    (project / "d-z.md").write_text("# Glossary: E\n\n```{careerkb:glossary}\n:letters: E\n```\n")
    app = make_app("html", srcdir=project, confoverrides={"careerkb_glossary_split_at": 1})
    app.build()
    assert warnings_of(app)[0] == (
        f"{project}/glossary.md:3: WARNING: the glossary has 6 terms, more than "
        "careerkb_glossary_split_at (1), so they are shown on pages of letters, but no page shows "
        "R: add a page with a careerkb:glossary directive and :letters: for each of R "
        "[careerkb.glossary_pages]"
    )
    # The bar leaves out the letter no page shows.
    assert [letter for letter, _ in _bar(_html(app, "glossary"))] == ["#", "A", "C", "E"]


def test_a_letter_on_two_pages_is_reported_at_the_second(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _project(tmp_path)
    (project / "d-z.md").write_text("# Glossary: C to Z\n\n```{careerkb:glossary}\n:letters: C-Z\n```\n")
    app = make_app("html", srcdir=project)
    app.build()
    said = "WARNING: the glossary's letter C is on page 'a-c' already [careerkb.glossary_pages]"
    assert f"{project}/d-z.md:3: {said}" in warnings_of(app)


@pytest.mark.parametrize(
    ("letters", "message"),
    [
        ("A-", ":letters: 'A-' is not a letter or a range of letters; write, for example, 'A-C' or '#, A'"),
        ("Z-D", ":letters: 'Z-D' runs backwards; write 'D-Z'"),
        ("X-Y", "no term is filed under :letters: X-Y [careerkb.empty]"),
        ("", "the :letters: option is empty; name the letters of this page, such as 'A-C'"),
    ],
)
def test_a_bad_letters_option_warns_at_its_page_and_line(
    make_app: type[SphinxTestApp], tmp_path: Path, letters: str, message: str
) -> None:
    project = _project(tmp_path)
    (project / "d-z.md").write_text(
        f"# Glossary: D to Z\n\n```{{careerkb:glossary}}\n:letters: {letters}\n```\n"
    )
    app = make_app("html", srcdir=project)
    app.build()
    assert any(
        warning.startswith(f"{project}/d-z.md:3: WARNING: careerkb:glossary: {message}")
        for warning in warnings_of(app)
    )


def test_a_parallel_build_equals_a_serial_one(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    serial = build(make_app, _project(tmp_path / "serial"), parallel=1)
    parallel = build(make_app, _project(tmp_path / "parallel"), parallel=2)
    assert warnings_of(parallel) == []
    assert output_tree(Path(parallel.outdir)) == output_tree(Path(serial.outdir))


def test_editing_one_term_reads_and_writes_its_page_of_letters_only(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _project(tmp_path)
    build(make_app, project)
    edit_file(project / "data" / "glossary.yaml", "Lists of numbers", "Vectors of numbers")
    rebuild = build(make_app, project)
    assert pages_read(rebuild) == {"d-z"}
    # And the page whose toctree lists it, as Sphinx writes a re-read page's parent.
    assert pages_written(rebuild) == {"d-z", "index"}
    assert "Vectors of numbers that place" in _html(rebuild, "d-z")
    clean = clean_build_of(make_app, project, tmp_path / "clean")
    assert output_tree(Path(rebuild.outdir)) == output_tree(clean)


def test_moving_a_letter_to_another_page_rewrites_the_bars_and_the_links(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _project(tmp_path)
    build(make_app, project)
    edit_file(project / "a-c.md", "#, A-C", "#, A-B")
    edit_file(project / "d-z.md", "D-Z", "C-Z")
    rebuild = build(make_app, project)
    assert pages_read(rebuild) == {"a-c", "d-z"}
    assert {"glossary", "links"} <= pages_written(rebuild)
    assert ("C", "d-z.html#glossary-c") in _bar(_html(rebuild, "glossary"))
    assert 'href="d-z.html#term-chunking"' in _html(rebuild, "links")
    clean = clean_build_of(make_app, project, tmp_path / "clean")
    assert output_tree(Path(rebuild.outdir)) == output_tree(clean)
