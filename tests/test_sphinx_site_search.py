"""What the site search collects from each page: sections with their trails, glossary terms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.site_search import CONTRIBUTOR_BOOST
from tests.conftest import build, directives_project, warnings_of, write_project

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

    from careerkb.sphinxext.site_search import PageEntry

PAGE = """\
# Pay

How the bands are read.

## Entry pay

What a first job pays.

```{rubric} Bands
```

The bands by level.

### Open tops

A band with no top.
"""


def _entries(app: SphinxTestApp, docname: str) -> dict[str, PageEntry]:
    return {entry.anchor: entry for entry in careerkb_domain(app.env).search_entries[docname]}


def test_each_section_is_an_entry_with_its_trail_and_its_own_text(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app = build(make_app, write_project(tmp_path, PAGE))
    assert warnings_of(app) == []
    entries = _entries(app, "index")
    assert set(entries) == {"pay", "entry-pay", "open-tops"}
    assert entries["pay"].trail == ("Pay",)
    assert entries["open-tops"].trail == ("Pay", "Entry pay", "Open tops")
    entry_pay = dict(entries["entry-pay"].fields)
    assert entry_pay["title"] == "Entry pay"
    assert entry_pay["heading"] == "Pay Bands"  # the titles above it, then its own headings
    assert "What a first job pays." in entry_pay["body"]
    assert "A band with no top." not in entry_pay["body"]  # the subsection's own entry holds it
    assert entries["open-tops"].entry(app.builder, "index").url == "index.html#open-tops"
    assert entries["pay"].entry(app.builder, "index").url == "index.html#pay"


def test_each_glossary_term_is_an_entry_with_all_its_names(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app = build(make_app, directives_project(tmp_path / "project"))
    entries = _entries(app, "glossary")
    rag = entries["term-retrieval-augmented-generation"]
    assert rag.kind == "term"
    assert rag.trail == ("Glossary", "Retrieval-Augmented Generation")
    fields = dict(rag.fields)
    assert fields["name"] == "Retrieval-Augmented Generation RAG"
    assert fields["body"].startswith("Fetching documents and giving them to a model")
    assert dict(entries["term-embeddings"].fields)["name"] == "Embeddings embedding vectors"
    # The definitions are the terms' text, not the glossary page's.
    assert "Fetching documents" not in dict(entries["glossary"].fields)["body"]


def test_a_page_read_again_replaces_its_entries(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    project = write_project(tmp_path, PAGE)
    build(make_app, project)
    (project / "index.md").write_text("# Pay\n\n## Senior pay\n\nLater.\n", encoding="utf-8")
    app = build(make_app, project)
    assert set(_entries(app, "index")) == {"pay", "senior-pay"}


def test_a_page_for_contributors_ranks_below_readers_pages(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app = build(make_app, write_project(tmp_path, "---\ncareerkb-search: contributor\n---\n" + PAGE))
    assert {entry.boost for entry in _entries(app, "index").values()} == {CONTRIBUTOR_BOOST}


def test_a_page_marked_nosearch_is_left_out_of_the_site_search_too(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    # Sphinx's field for a page its search skips; careerkb sets it on every page for Sphinx's
    # own index, so it must read the page's own value first.
    project = write_project(tmp_path, "---\nnosearch: true\n---\n" + PAGE)
    (project / "other.md").write_text("# Other\n\nSearched.\n", encoding="utf-8")
    app = build(make_app, project)
    assert _entries(app, "index") == {}
    assert set(_entries(app, "other")) == {"other"}


def test_the_text_of_links_to_records_is_left_out(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    # A link's text follows its record, and a page that only links is written again, not read
    # again, when the record is renamed: kept here, it would go stale in the index.
    page = "# Pay\n\nThe {careerkb:role}`builder` earns well; see {term}`RAG`.\n\nSecond paragraph.\n"
    app = build(make_app, directives_project(tmp_path / "project"))
    (tmp_path / "project" / "pay.md").write_text(page, encoding="utf-8")
    app = build(make_app, tmp_path / "project")
    body = dict(_entries(app, "pay")["pay"].fields)["body"]
    assert body == "The earns well; see. Second paragraph."


def test_a_hidden_doctest_is_left_out_of_its_section(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    # A hidden doctest is in the doctree as a comment, for the doctest builder: readers never
    # see it, so the search must not find it or show it in an excerpt.
    page = (
        "---\norphan: true\n---\n# Builder\n\nWhat the job is.\n\n```{doctest}\n:hide:\n\n>>> 1 + 1\n2\n```\n"
    )
    app = build(
        make_app, directives_project(tmp_path / "project", 'extensions.append("sphinx.ext.doctest")\n')
    )
    (tmp_path / "project" / "builder.md").write_text(page, encoding="utf-8")
    app = build(make_app, tmp_path / "project")
    assert warnings_of(app) == []
    assert ">>> 1 + 1" in app.env.get_doctree("builder").astext()  # kept for the doctest builder
    assert dict(_entries(app, "builder")["builder"].fields)["body"] == "What the job is."


def test_a_quick_facts_box_is_left_out_of_its_section(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    # The box sums up the sections below it; counted, it would make the top of a role's page
    # match "pay" and "demand" ahead of the sections that answer them.
    page = (
        "---\norphan: true\n---\n# Builder\n\nWhat the job is.\n\n"
        "```{careerkb:quick-facts} builder\n```\n\n## Pay\n\nThe bands.\n"
    )
    app = build(make_app, directives_project(tmp_path / "project"))
    (tmp_path / "project" / "builder.md").write_text(page, encoding="utf-8")
    app = build(make_app, tmp_path / "project")
    assert warnings_of(app) == []
    doctree = app.env.get_doctree("builder")
    assert "Quick facts" in doctree.astext()  # the box is on the page ...
    body = dict(_entries(app, "builder")["builder"].fields)["body"]
    assert body == "What the job is."  # ... and not in the search's text


def test_a_single_page_build_writes_no_site_search(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    # Under singlehtml every page is one file with no search page, and two pages' "Pay" sections
    # would be one address: the index is left out rather than refused.
    project = write_project(tmp_path, "# Roles\n\n## Pay\n\nFirst.\n\n```{toctree}\nother\n```\n")
    (project / "other.md").write_text("# Other\n\n## Pay\n\nSecond.\n", encoding="utf-8")
    app = build(make_app, project, "singlehtml")
    assert warnings_of(app) == []
    assert not (app.outdir / "_static" / "careerkb-search").exists()
    assert (app.outdir / "index.html").exists()
