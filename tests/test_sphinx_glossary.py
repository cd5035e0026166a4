"""The glossary directive, built by Sphinx's own test fixtures from tests/roots/test-glossary."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.util.console import strip_escape_sequences

from careerkb.sphinxext.glossary import glossary_names
from tests.conftest import FIXTURES, warnings_of, write_project

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

MINIMAL = {"careerkb_data_dir": str(FIXTURES / "minimal")}


@pytest.mark.sphinx("html", testroot="glossary", confoverrides=MINIMAL)
def test_terms_are_real_glossary_terms(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warning.getvalue() == ""
    doctree = app.env.get_doctree("index")
    groups = list(doctree.findall(addnodes.glossary))
    terms = [[term.astext() for term in group.findall(nodes.term)] for group in groups]
    assert terms == [["Embeddings"], ["Retrieval-Augmented Generation"]]  # one group per letter
    bar = [ref for ref in doctree.findall(nodes.reference) if "careerkb-az-letter" in ref["classes"]]
    letters = [ref["refid"] for ref in bar]
    assert letters == ["glossary-e", "glossary-r"]
    objects = app.env.domains.standard_domain.objects
    assert objects[("term", "Retrieval-Augmented Generation")] == (
        "index",
        "term-retrieval-augmented-generation",
    )
    assert objects[("term", "RAG")] == ("index", "term-retrieval-augmented-generation")
    assert objects[("term", "embedding vectors")] == ("index", "term-embeddings")


@pytest.mark.sphinx("html", testroot="glossary", confoverrides=MINIMAL)
def test_links_by_any_name_or_case_resolve_to_the_term(app: SphinxTestApp) -> None:
    app.build()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="reference internal" href="(#term-[a-z-]+)"', html)
    # Five links in the prose, plus the two see-also links inside the glossary.
    assert sorted(links) == sorted(["#term-retrieval-augmented-generation"] * 5 + ["#term-embeddings"] * 2)
    assert 'id="term-retrieval-augmented-generation"' in html


NAMES = {
    "term-embeddings": ["Embeddings", "embedding vectors"],
    "term-retrieval-augmented-generation": ["Retrieval-Augmented Generation", "RAG"],
}


@pytest.mark.sphinx("html", testroot="glossary", confoverrides=MINIMAL)
def test_every_terms_names_are_written_for_the_filter(app: SphinxTestApp) -> None:
    app.build()
    (node,) = app.env.get_doctree("index").findall(glossary_names)
    assert node["by_anchor"] == NAMES
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<script type="application/json" id="careerkb-glossary-names">(.*?)</script>', html)
    assert [json.loads(data) for data in found] == [NAMES]
    # After the lists, not in them: the lists are the terms, for the filter and without scripts.
    assert html.index('id="careerkb-glossary-names"') > html.rindex("</dl>")


@pytest.mark.sphinx("text", testroot="glossary", confoverrides=MINIMAL)
def test_other_builders_leave_the_names_out(app: SphinxTestApp) -> None:
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert text.count("embedding vectors") == 1  # in "Also known as" only


@pytest.mark.sphinx("html", testroot="glossary", confoverrides=MINIMAL)
def test_the_general_index_lists_every_term(app: SphinxTestApp) -> None:
    app.build()
    genindex = (Path(app.outdir) / "genindex.html").read_text(encoding="utf-8")
    assert "Retrieval-Augmented Generation" in genindex
    assert "Embeddings" in genindex


@pytest.mark.sphinx("text", testroot="glossary", confoverrides=MINIMAL)
def test_the_text_builder_renders_definitions_and_see_also(app: SphinxTestApp) -> None:
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "Retrieval-Augmented Generation\n   Fetching documents and giving them to a model" in text
    assert "**Also known as:** RAG" in text
    assert "**See also:** *Embeddings*" in text


def test_an_unknown_term_warns_at_its_line_with_a_suggestion(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    write_project(tmp_path, "# Page\n\n```{careerkb:glossary}\n```\n\nSee {term}`embedings`.\n")
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    assert warnings_of(app) == [
        f"{tmp_path}/index.md:6: WARNING: no term named 'embedings'; did you mean 'Embeddings'? "
        "[careerkb.unknown_id]"
    ]


def test_bad_data_is_reported_at_its_file_and_line(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "glossary.yaml").write_text("glossary:\n  - id: x\n    term: X\n")
    write_project(tmp_path, "# Page\n\n```{careerkb:glossary}\n```\n", 'careerkb_data_dir = "data"\n')
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert warnings_of(app) == [
        f"{data}/glossary.yaml:2: WARNING: glossary[0].definition: required field is missing [careerkb.data]"
    ]


def test_editing_the_data_rebuilds_the_glossary_page(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    write_project(tmp_path, "# Home\n\n```{toctree}\nglossary\n```\n", 'careerkb_data_dir = "data"\n')
    (tmp_path / "glossary.md").write_text("# Glossary\n\n```{careerkb:glossary}\n```\n")
    make_app("html", srcdir=tmp_path).build()

    glossary_file = data / "glossary.yaml"
    glossary_file.write_text(glossary_file.read_text().replace("Lists of numbers", "Vectors of numbers"))
    rebuild = make_app("html", srcdir=tmp_path)
    rebuild.build()
    assert "1 changed" in strip_escape_sequences(rebuild.status.getvalue())  # type: ignore[attr-defined]
    html = (Path(rebuild.outdir) / "glossary.html").read_text(encoding="utf-8")
    assert "Vectors of numbers that place similar texts" in html
