"""The directive reference is generated from the extension, so it cannot drift from the code."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from docutils import nodes
from docutils.parsers.rst import directives

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.directives.salary_table import SalaryTableDirective
from tests.conftest import FIXTURES, warnings_of, write_project

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

MINIMAL = {"careerkb_data_dir": str(FIXTURES / "minimal")}
PAGE = "# Reference\n\n```{careerkb:directive-reference}\n```\n"
# The ids of the handbook's data that the examples use, in the test data's terms, by what the
# directive's argument names.
FIXTURE_ROLES = ("builder", "user")
FIXTURE_IDS = {
    "a role id": FIXTURE_ROLES,
    "two or more role ids": FIXTURE_ROLES,
    "a tier id": ("guarding",),
    "a plan id": ("plan",),
}


def _build(
    make_app: type[SphinxTestApp], folder: Path, page: str = PAGE, data: Path | None = None
) -> tuple[SphinxTestApp, nodes.document]:
    folder.mkdir(parents=True, exist_ok=True)
    write_project(folder, page)
    overrides = {"careerkb_data_dir": str(data)} if data else MINIMAL
    app = make_app("html", srcdir=folder, confoverrides=overrides)
    app.build()
    return app, app.env.get_and_resolve_doctree("index", app.builder)


def _sections(doctree: nodes.document) -> dict[str, nodes.section]:
    """The generated section of each directive, by directive name."""
    return {
        section["ids"][0].removeprefix("directive-"): section
        for section in doctree.findall(nodes.section)
        if "careerkb-directive" in section["classes"]
    }


def _example(section: nodes.section) -> str:
    (block,) = (node for node in section.findall(nodes.literal_block))
    assert block["language"] == "markdown"
    return block.astext()


def test_every_registered_directive_appears_with_its_argument_options_and_example(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app, doctree = _build(make_app, tmp_path)
    assert warnings_of(app) == []
    registered = app.env.domains["careerkb"].directives
    sections = _sections(doctree)
    assert list(sections) == sorted(registered)  # every directive, in order of name
    assert "directive-reference" in sections  # itself included

    for name, cls in registered.items():
        section = sections[name]
        text = section.astext()
        assert section[0].astext() == f"careerkb:{name}"
        description = section[1].astext()
        assert description not in {"", "(not described)"}, f"{name} has no docstring"
        assert "`" not in description  # markup stripped
        argument = getattr(cls, "argument", None)
        assert (f"Argument: {argument}" if argument else "Argument: none.") in text
        options = list(cls.option_spec or {})
        for option in options:
            assert f":{option}: —" in text
        if not options:
            assert "Options: none." in text

        example = _example(section)
        assert example.startswith(f"```{{careerkb:{name}}}")
        assert example.endswith("\n```")
        if issubclass(cls, CareerkbDirective) and cls.argument:
            assert example.splitlines()[0] == f"```{{careerkb:{name}}} {cls.example}"
        assert [line.split(":")[1] for line in example.splitlines() if line.startswith(":")] == options


def test_the_overview_lists_every_directive_and_inline_role_with_its_docstring(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    app, doctree = _build(make_app, tmp_path)
    (overview,) = (
        table for table in doctree.findall(nodes.table) if "careerkb-directive-reference" in table["classes"]
    )
    rows = {
        row[0].astext(): (row[1].astext(), row[2].astext())
        for row in overview.findall(nodes.row)
        if row[0].astext() != "Name"
    }
    domain = app.env.domains["careerkb"]
    expected = {f"careerkb:{name}" for name in [*domain.directives, *domain.roles]}
    assert set(rows) == expected
    assert {"careerkb:figure", "careerkb:role", "careerkb:source"} <= set(rows)
    kind, description = rows["careerkb:figure"]
    assert kind == "inline role"
    assert description.startswith("A figure with its citation")  # FigureRole's docstring
    assert all(description != "(not described)" for _kind, description in rows.values())
    # Each directive's name links to its section.
    refids = {ref["refid"] for ref in overview.findall(nodes.reference)}
    assert refids == {f"directive-{name}" for name in domain.directives}


def test_an_option_added_to_a_directive_shows_up_in_the_reference(
    make_app: type[SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = {**SalaryTableDirective.option_spec, "colour": directives.flag, "rows": directives.positive_int}
    monkeypatch.setattr(SalaryTableDirective, "option_spec", spec)
    _app, doctree = _build(make_app, tmp_path)
    section = _sections(doctree)["salary-table"]
    assert ":colour: — flag, takes no value." in section.astext()
    assert ":rows: — positive whole number." in section.astext()
    example = _example(section).splitlines()
    assert ":colour:" in example
    assert ":rows: <number>" in example


def test_the_examples_build_on_the_test_data(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    """Every example, with its ids swapped for the test data's and its placeholders left out."""
    from tests.test_views_careers_map import CAREERS

    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    # Without the band in pounds: a chart of every band would mix two currencies.
    in_one_currency = "\n".join(
        line for line in CAREERS.splitlines() if "tester-pounds" not in line and "GBP" not in line
    )
    (data / "careers.yaml").write_text(in_one_currency + "\n", encoding="utf-8")
    reference, doctree = _build(make_app, tmp_path / "reference")
    directives = app_directives(reference)
    blocks = []
    for name, section in _sections(doctree).items():
        first, *rest = _example(section).splitlines()
        head, _, argument = first.partition(" ")
        if argument:
            kind = getattr(directives[name], "argument", None)
            # Only the test data's tester is linked to an official occupation.
            fixture = ("tester",) if name == "official-statistics" else FIXTURE_IDS[kind]
            ids = [fixture[index % len(fixture)] for index, _ in enumerate(argument.split())]
            head = f"{head} {' '.join(ids)}"
        # Options are placeholders such as '<role ids>': the example must hold without them.
        kept = [line for line in rest if not re.match(r":[\w-]+: <", line)]
        assert all(not line.startswith(":") for line in kept), f"{name}: unexpected option {kept}"
        blocks.append("\n".join([head, *kept]))
    page = "# Examples\n\n" + "\n\n".join(blocks) + "\n"
    reference.cleanup()  # a second application in one test, as in test_sphinx_directives.py
    app, _doctree = _build(make_app, tmp_path / "examples", page, data)
    assert warnings_of(app) == []


def app_directives(app: SphinxTestApp) -> dict[str, type]:
    return dict(app.env.domains["careerkb"].directives)


def test_the_example_arguments_name_records_of_the_shipped_data() -> None:
    """The handbook shows each directive's ``example``: it must name real records."""
    import careerkb
    from careerkb.sphinxext.directives.reference import DirectiveReferenceDirective

    kb = careerkb.load()
    # careerkb's own: a test project's directive on the same base (tests/roots/test-toy) may be loaded.
    own = [cls for cls in CareerkbDirective.__subclasses__() if cls.__module__.startswith("careerkb.")]
    assert len(own) > 10
    plans = {plan.id for plan in kb.plans}
    look_up = {
        "a role id": kb.role,
        "two or more role ids": kb.role,
        "a tier id": kb.tier,
        "a plan id": lambda key: plans & {key},
    }
    for cls in own:
        for key in cls.example.split():
            assert look_up[str(cls.argument)](key), f"{cls.__name__}.example"
    assert DirectiveReferenceDirective.option_spec == {}
