"""Every directive and role, built by Sphinx from tests/roots/test-directives on the minimal data.

Snapshots: the resolved doctree of each page (pseudo-XML) and the HTML of its body are kept in
tests/snapshots/. After a deliberate change, regenerate them with
``CAREERKB_UPDATE_SNAPSHOTS=1 make test`` and review the diff like any other change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import (
    FIXTURES,
    build,
    clean_build_of,
    directives_project,
    output_tree,
    pages_read,
    pages_written,
    warnings_of,
    write_project,
)

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

MINIMAL = {"careerkb_data_dir": str(FIXTURES / "minimal")}
SNAPSHOTS = Path(__file__).parent / "snapshots" / "directives"
PAGES = [
    "roles/builder",
    "roles/user",
    "directory",
    "tiers",
    "compare",
    "pay",
    "chart",
    "market",
    "paths",
    "sources",
    "glossary",
    "links",
]


def _check_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("CAREERKB_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"no snapshot {path}; run with CAREERKB_UPDATE_SNAPSHOTS=1 and review it")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"


def _body_html(page: str) -> str:
    match = re.search(r"<section.*</section>", page, re.DOTALL)
    assert match, "no page body found"
    return match.group(0) + "\n"


@pytest.mark.sphinx("html", testroot="directives", confoverrides=MINIMAL)
def test_every_directive_builds_without_warnings_and_matches_its_snapshots(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    for page in PAGES:
        doctree = app.env.get_and_resolve_doctree(page, app.builder)
        xml = doctree.pformat().replace(str(app.srcdir), "<srcdir>")
        _check_snapshot(f"{page.replace('/', '-')}.xml", xml)
        html = (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")
        _check_snapshot(f"{page.replace('/', '-')}.html", _body_html(html))


@pytest.mark.sphinx("html", testroot="directives", confoverrides=MINIMAL)
def test_links_resolve_to_the_profile_and_the_sources_page(app: SphinxTestApp) -> None:
    app.build()
    links = (Path(app.outdir) / "links.html").read_text(encoding="utf-8")
    assert 'href="roles/builder.html#role-builder"' in links
    assert 'href="sources.html#source-guide"' in links
    assert ">Model Builder<" in links  # an implicit role link shows the role's title
    assert ">builders<" in links  # an explicit one keeps its text


@pytest.mark.sphinx("html", testroot="directives", confoverrides=MINIMAL)
def test_the_sources_page_lists_the_pages_that_cite_each_source(app: SphinxTestApp) -> None:
    app.build()
    sources = (Path(app.outdir) / "sources.html").read_text(encoding="utf-8")
    cited = re.search(r'<p class="careerkb-cited-by">(.*?)</p>', sources, re.DOTALL)
    assert cited is not None
    # In the order of the pages' titles: Chart, Compare, Directory, Links, Market, Model Builder, ...
    assert re.findall(r'href="([^"]+)"', cited.group(1)) == [
        "chart.html",
        "compare.html",
        "directory.html",
        "links.html",
        "market.html",
        "roles/builder.html",
        "roles/user.html",
        "paths.html",
        "pay.html",
        "tiers.html",
    ]


@pytest.mark.sphinx("text", testroot="directives", confoverrides=MINIMAL)
def test_the_text_builder_renders_every_page(app: SphinxTestApp) -> None:
    app.build()
    pay = " ".join((Path(app.outdir) / "pay.txt").read_text(encoding="utf-8").split())
    assert "| Entry | $90K–$135K | — | Example Press, mid-2026 |" in pay
    assert "| Senior | — | $220K and up | Example Press, mid-2026 |" in pay


BAD_PAGE = """\
# Mistakes

```{careerkb:role-profile} buildr
```

```{careerkb:quick-facts}
```

```{careerkb:salary-table}
:level: juniour
```

```{careerkb:salary-table}
:role: user
:level: entry
```

```{careerkb:market-facts}
:measure: growth
```

```{careerkb:career-ladder} user
```

```{careerkb:compare} builder MB
```

```{careerkb:roles-directory} everything
```

See {careerkb:role}`nobody` and {careerkb:role}`user`, and {careerkb:source}`handbook`.
"""


def test_misuse_gives_one_located_warning_each(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    write_project(tmp_path, BAD_PAGE)
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    page = f"{tmp_path}/index.md"
    assert warnings_of(app) == [
        f"{page}:3: WARNING: careerkb:role-profile: no role named 'buildr'; did you mean 'builder'? "
        "[careerkb.unknown_id]",
        f"{page}:6: WARNING: careerkb:quick-facts: needs a role id, such as 'ai-engineer' "
        "[careerkb.bad_argument]",
        f"{page}:9: WARNING: careerkb:salary-table: unknown level 'juniour'; choose from entry, mid, senior, "
        "staff, architect, frontier-lab, median, overall [careerkb.bad_argument]",
        f"{page}:13: WARNING: careerkb:salary-table: the filter matches no salary bands [careerkb.empty]",
        f"{page}:18: WARNING: careerkb:market-facts: unknown measure 'growth'; "
        "did you mean 'posting-growth'? [careerkb.bad_argument]",
        f"{page}:22: WARNING: careerkb:career-ladder: the sources give no career ladder for 'user' "
        "[careerkb.empty]",
        f"{page}:25: WARNING: careerkb:compare: needs two or more different roles, got 'builder MB' "
        "[careerkb.bad_argument]",
        f"{page}:28: WARNING: careerkb:roles-directory: takes no argument, got 'everything' "
        "[careerkb.bad_argument]",
        f"{page}:31: WARNING: no role named 'nobody' [careerkb.unknown_id]",
        f"{page}:31: WARNING: no page describes role 'user', so the link goes nowhere [careerkb.no_page]",
        f"{page}:31: WARNING: no source named 'handbook' [careerkb.unknown_id]",
    ]


def test_a_warning_subtype_can_be_suppressed(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    write_project(
        tmp_path, BAD_PAGE, 'suppress_warnings = ["careerkb.unknown_id", "careerkb.bad_argument"]\n'
    )
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    assert [line.rsplit("[", 1)[1] for line in warnings_of(app)] == [
        "careerkb.empty]",
        "careerkb.empty]",
        "careerkb.no_page]",
    ]


def _project_copy(tmp_path: Path, name: str) -> Path:
    return directives_project(tmp_path / name)


def test_a_parallel_build_equals_a_serial_one(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    serial = make_app("html", srcdir=_project_copy(tmp_path, "serial"), parallel=1)
    serial.build()
    serial.cleanup()
    parallel = make_app("html", srcdir=_project_copy(tmp_path, "parallel"), parallel=2)
    parallel.build()
    assert warnings_of(parallel) == []
    assert output_tree(Path(parallel.outdir)) == output_tree(Path(serial.outdir))


def test_an_edit_to_one_record_rereads_and_rewrites_exactly_the_pages_that_show_it(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _project_copy(tmp_path, "incremental")
    build(make_app, project)
    bands = project / "data" / "salary_bands.yaml"
    bands.write_text(bands.read_text().replace("low: 90000", "low: 95000"), encoding="utf-8")

    rebuild = build(make_app, project)
    reread, written = pages_read(rebuild), pages_written(rebuild)
    # The pages showing the builder's pay; the glossary and the sources list are untouched, as
    # which pages cite or mention what did not change.
    assert reread == {"chart", "compare", "directory", "links", "pay", "roles/builder"}
    assert written == reread | {"index"}  # Sphinx re-writes the page whose toctree lists them

    clean = clean_build_of(make_app, project, tmp_path / "clean")
    assert output_tree(Path(rebuild.outdir)) == output_tree(clean)
    assert "$95K–$135K" in (Path(rebuild.outdir) / "pay.html").read_text(encoding="utf-8")


def test_editing_a_page_rebuilds_the_sources_page_that_lists_it(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _project_copy(tmp_path, "citations")
    build(make_app, project)
    (project / "market.md").write_text("# Market\n\nNo figures here any more.\n", encoding="utf-8")
    rebuild = build(make_app, project)
    sources = (Path(rebuild.outdir) / "sources.html").read_text(encoding="utf-8")
    assert 'href="market.html"' not in sources
    assert 'href="pay.html"' in sources


def test_fixing_broken_data_rebuilds_the_pages_built_while_it_was_broken(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _project_copy(tmp_path, "broken")
    build(make_app, project)
    bands = project / "data" / "salary_bands.yaml"
    good = bands.read_text(encoding="utf-8")
    bands.write_text(good + "  - this is not a band\n", encoding="utf-8")
    with (project / "pay.md").open("a", encoding="utf-8") as page:
        page.write("\nEdited while the data was broken.\n")
    broken = build(make_app, project)
    assert any("salary_bands.yaml" in line for line in warnings_of(broken))
    bands.write_text(good, encoding="utf-8")  # exactly the last good data again
    fixed = build(make_app, project)
    clean = clean_build_of(make_app, project, tmp_path / "clean")
    assert output_tree(Path(fixed.outdir)) == output_tree(clean)


def test_sphinx_s_own_search_index_is_fed_no_page_and_an_incremental_build_equals_a_clean_one(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    # careerkb's index answers the search; Sphinx's, which the theme loads on every page, holds
    # the page names only. Fed words, it kept words no page used any more, and it dropped the
    # entries of pages an incremental build did not write again (sphinx-doc/sphinx#12599).
    project = _project_copy(tmp_path, "search")
    market = project / "market.md"
    original = market.read_text(encoding="utf-8")
    market.write_text(original + "\nQuixotic zebras graze here.\n", encoding="utf-8")
    first = build(make_app, project)
    sphinx_index = (Path(first.outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert '"terms":{}' in sphinx_index
    assert '"indexentries":{}' in sphinx_index
    assert "zebra" not in sphinx_index
    assert "zebra" in site_search_text(Path(first.outdir))
    market.write_text(original, encoding="utf-8")
    rebuild = build(make_app, project)
    assert "zebra" not in site_search_text(Path(rebuild.outdir))
    clean = clean_build_of(make_app, project, tmp_path / "clean")
    assert output_tree(Path(rebuild.outdir)) == output_tree(clean)


def site_search_text(out: Path) -> str:
    """Every file of careerkb's own search index, as one text."""
    folder = out / "_static" / "careerkb-search"
    return "".join(path.read_text(encoding="utf-8") for path in sorted(folder.iterdir()))


@pytest.mark.sphinx("html", testroot="directives", confoverrides=MINIMAL)
def test_backlinks_between_glossary_entries_and_the_pages_that_use_them(app: SphinxTestApp) -> None:
    app.build()
    glossary = (Path(app.outdir) / "glossary.html").read_text(encoding="utf-8")
    mentions = re.search(r'<p class="careerkb-term-mentions">(.*?)</p>', glossary, re.DOTALL)
    assert mentions is not None  # Embeddings is in the Model Builder's toolkit
    assert re.findall(r'href="([^"]+)"', mentions.group(1)) == ["roles/builder.html"]
    builder = (Path(app.outdir) / "roles" / "builder.html").read_text(encoding="utf-8")
    used = re.search(r'<p class="careerkb-terms-used">(.*?)</p>', builder, re.DOTALL)
    assert used is not None
    assert re.findall(r'href="([^"]+)"', used.group(1)) == ["../glossary.html#term-embeddings"]


def test_choose_if_takes_an_optional_role(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    write_project(tmp_path, "# Choose\n\n```{careerkb:choose-if} MB\n```\n")
    app = make_app("text", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    assert warnings_of(app) == []
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "You like maths" in text
    assert "Model User" not in text


NESTED_PAGE = """\
# Nested

````{note}
```{careerkb:salary-table}
:role: nobody
```
````

```{list-table}
* - Entry pay
  - {careerkb:figure}`builder-entri`
* - Senior pay
  - {careerkb:figure}`user-senior`
```
"""


def test_directives_and_roles_inside_admonitions_and_table_cells_warn_at_their_line(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    write_project(tmp_path, NESTED_PAGE)
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    page = f"{tmp_path}/index.md"
    assert warnings_of(app) == [
        f"{page}:4: WARNING: careerkb:salary-table: no role named 'nobody' [careerkb.unknown_id]",
        f"{page}:11: WARNING: no salary band or market fact named 'builder-entri'; "
        "did you mean 'builder-entry'? [careerkb.unknown_id]",
    ]
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "$220K and up" in html  # the good cell still renders


def test_a_role_profile_twice_on_one_page_is_one_located_warning(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    page = "# Twice\n\n```{careerkb:role-profile} builder\n```\n\n```{careerkb:role-profile} builder\n```\n"
    write_project(tmp_path, page)
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    assert warnings_of(app) == [
        f"{tmp_path}/index.md:6: WARNING: careerkb:role-profile: the profile of role 'builder' is already "
        "on this page (line 3); a role's profile appears once, where links to the role lead "
        "[careerkb.duplicate]"
    ]
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert html.count('id="role-builder"') == 1
