"""Incremental builds through recorded questions: a page is read again exactly when an answer it
got changed, whoever wrote the directive that asked, and the result equals a clean build.

tests/roots/test-toy holds a directive written as a project of its own would write one: a view
function and a node step on careerkb's base class, with no dependency code at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tests.conftest import (
    build,
    clean_build_of,
    directives_project,
    edit_file,
    html_pages,
    output_tree,
    pages_read,
    pages_written,
    warnings_of,
)

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def _toy(tmp_path: Path, name: str = "toy") -> Path:
    return directives_project(tmp_path / name, root="toy")


def _assert_equals_clean(
    make_app: type[SphinxTestApp], rebuild: SphinxTestApp, project: Path, target: Path, **kwargs: object
) -> None:
    clean = clean_build_of(make_app, project, target, **kwargs)
    assert output_tree(Path(rebuild.outdir)) == output_tree(clean)


def test_a_new_directive_is_reread_when_what_it_showed_changes(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _toy(tmp_path)
    build(make_app, project)
    edit_file(project / "data" / "roles.yaml", "summary: Builds models.", "summary: Trains and ships models.")
    rebuild = build(make_app, project)
    assert pages_read(rebuild) == {"builder"}
    assert "Model Builder: Trains and ships models." in (Path(rebuild.outdir) / "builder.html").read_text()
    _assert_equals_clean(make_app, rebuild, project, tmp_path / "clean")


def test_an_answer_that_did_not_change_rereads_nothing(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    # The Model User has no entry band, so its senior band is not part of any answer the toy
    # got: the early cut-off of query-based builds. The entry band of the builder is.
    project = _toy(tmp_path)
    build(make_app, project)
    bands = project / "data" / "salary_bands.yaml"
    edit_file(bands, "low: 220000", "low: 230000")
    assert pages_read(build(make_app, project)) == set()
    edit_file(bands, "low: 90000", "low: 95000")
    rebuild = build(make_app, project)
    assert pages_read(rebuild) == {"builder"}
    _assert_equals_clean(make_app, rebuild, project, tmp_path / "clean")


def test_a_record_named_before_it_existed_is_shown_once_it_does(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _toy(tmp_path)
    first = build(make_app, project)
    assert any("no role named 'newcomer'" in line for line in warnings_of(first))
    with (project / "data" / "roles.yaml").open("a", encoding="utf-8") as roles:
        roles.write(
            "  - id: newcomer\n    title: Newcomer\n"
            "    tier: making\n"
            "    status: {value: emerging, source: guide, as_of: mid-2026}\n"
            "    summary: Just arrived.\n    description: New here.\n    sources: [guide]\n"
        )
    rebuild = build(make_app, project)
    # Only the page that asked for the newcomer; the others asked about roles that did not change.
    assert pages_read(rebuild) == {"newcomer"}
    assert "Newcomer: Just arrived." in (Path(rebuild.outdir) / "newcomer.html").read_text()
    _assert_equals_clean(make_app, rebuild, project, tmp_path / "clean")


def test_a_data_edit_no_page_shows_rereads_no_page(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    # Comments, layout and key order are not content: every record reads back the same.
    project = directives_project(tmp_path / "project")
    build(make_app, project)
    bands = project / "data" / "salary_bands.yaml"
    edit_file(
        bands,
        "    level: entry\n    level_label: Entry\n",
        "    level_label: Entry   # as printed\n    level: entry\n",
    )
    rebuild = build(make_app, project)
    assert pages_read(rebuild) == set()
    assert pages_written(rebuild) == set()


def test_moving_the_clock_past_the_cutoff_rereads_exactly_the_pages_with_old_figures(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = directives_project(tmp_path / "project")
    # One figure two years older than the rest; the default age allowed is 730 days.
    edit_file(
        project / "data" / "salary_bands.yaml",
        "as_of: mid-2026\n    level: senior",
        "as_of: 2024\n    level: senior",
    )
    before = build(make_app, project, confoverrides={"careerkb_today": "2025-06-01"})
    assert warnings_of(before) == []
    old_pages = html_pages(Path(before.outdir))

    later = {"careerkb_today": "2026-12-01"}  # 2024-01-01 is now more than 730 days ago
    rebuild = build(make_app, project, confoverrides=later)
    new_pages = html_pages(Path(rebuild.outdir))
    changed = {name.removesuffix(".html") for name in new_pages if new_pages[name] != old_pages[name]}
    reread = pages_read(rebuild)
    assert reread, "the clock moved past a figure's cut-off, yet no page was read again"
    assert "roles/builder" not in reread  # it shows none of the Model User's pay
    assert reread == {page for page in changed if page.count("/") < 2} - {"index"}
    assert "may be out of date" in (Path(rebuild.outdir) / "pay.html").read_text(encoding="utf-8")
    _assert_equals_clean(make_app, rebuild, project, tmp_path / "clean", confoverrides=later)


def test_a_role_whose_profile_moves_rewrites_the_pages_linking_to_it(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = directives_project(tmp_path / "project")
    build(make_app, project)
    profile = project / "roles" / "builder.md"
    (project / "roles" / "maker.md").write_text(profile.read_text(encoding="utf-8"), encoding="utf-8")
    profile.write_text("# Model Builder\n\nMoved to the maker page.\n", encoding="utf-8")
    # Last in the toctree, next to the links page: Sphinx itself does not re-write the pages
    # whose previous or next page changed.
    edit_file(project / "index.md", "links\n", "links\nroles/maker\n")
    rebuild = build(make_app, project)
    links = (Path(rebuild.outdir) / "links.html").read_text(encoding="utf-8")
    assert 'href="roles/maker.html#role-builder"' in links
    assert "links" not in pages_read(rebuild)  # its text is unchanged: written again, not read
    _assert_equals_clean(make_app, rebuild, project, tmp_path / "clean")


# One visible edit of each kind of record; the project shows every directive and role.
VISIBLE_EDITS = [
    ("roles.yaml", "summary: Builds models.", "summary: Trains and ships models."),
    ("roles.yaml", "title: Model User", "title: Model Integrator Pro"),
    ("glossary.yaml", "definition: Lists of numbers", "definition: Long lists of numbers"),
    ("facts.yaml", "statement: Openings outnumber builders.", "statement: Openings far outnumber builders."),
    ("salary_bands.yaml", "low: 220000", "low: 230000"),
    ("facts.yaml", "description: The basics.", "description: The very basics."),
    (
        "facts.yaml",
        "by_role: {builder: A lot., user: A little.}",
        "by_role: {builder: Plenty., user: A little.}",
    ),
    (
        "facts.yaml",
        "sides: {builder: Trains it., user: Uses it.}",
        "sides: {builder: Trains it., user: Calls it.}",
    ),
    ("sources.yaml", "covers: Two roles, their pay and their terms.", "covers: Two roles and their pay."),
    ("sources.yaml", "publisher: Example Press", "publisher: Example Books"),
]


def test_each_kind_of_edit_rereads_the_pages_it_changes_and_equals_a_clean_build(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = directives_project(tmp_path / "project")
    chooser = Path(__file__).parent / "roots" / "test-chooser" / "chooser.md"
    (project / "chooser.md").write_text(chooser.read_text(encoding="utf-8"), encoding="utf-8")
    edit_file(project / "index.md", "links\n", "links\nchooser\n")
    before = html_pages(Path(build(make_app, project).outdir))
    wasted: dict[str, set[str]] = {}
    for number, (file, old, new) in enumerate(VISIBLE_EDITS):
        edit_file(project / "data" / file, old, new)
        rebuild = build(make_app, project)
        after = html_pages(Path(rebuild.outdir))
        # The pages of the project whose HTML changed (not Sphinx's index and search pages).
        changed = {
            name.removesuffix(".html")
            for name in after
            if name.endswith(".html") and after[name] != before.get(name)
        } - {"genindex", "search"}
        assert changed, f"{new!r} changed no page"
        assert changed <= pages_written(rebuild)
        if pages_read(rebuild) - changed:
            wasted[new] = pages_read(rebuild) - changed
        _assert_equals_clean(make_app, rebuild, project, tmp_path / f"clean-{number}")
        before = after
    # Answers are whole records: the paths page's ladder and choose-if views read the roles
    # themselves, so a role edit they do not show still re-reads it. A retitled role re-reads its
    # profile page for the index entry, which the general index shows. Nothing else is read for
    # nothing.
    assert wasted == {
        "summary: Trains and ships models.": {"paths"},
        "title: Model Integrator Pro": {"paths", "roles/user"},
    }
