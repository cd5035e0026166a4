"""``careerkb:chooser``: a table of the sources' criteria for every builder, and for HTML the same
criteria as JSON inside a script element that no data text can break out of."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

import careerkb
from careerkb.format import citation
from tests.conftest import FIXTURES, warnings_of, write_project

MINIMAL = {"careerkb_data_dir": str(FIXTURES / "minimal")}
ROOT = Path(__file__).parent / "roots" / "test-chooser"
SCRIPT = re.compile(r'<script type="application/json" id="careerkb-chooser-data">(.*?)</script>', re.DOTALL)
HOSTILE = "You like </script><script>alert(1)</script> & <b>bold</b> claims"


def _chooser_json(html: str) -> Any:
    found = SCRIPT.findall(html)
    assert len(found) == 1, "expected exactly one chooser data element"
    return json.loads(found[0])


def _expected_criteria(data_dir: Path) -> list[tuple[str, str, str]]:
    """(text, role id, citation) for every choose_if item of the data, in the data's order."""
    kb = careerkb.load(data_dir)
    return [
        (text, role.id, citation(kb.source(criteria.source).publisher, criteria.as_of.label))
        for role in kb.roles
        for criteria in role.choose_if
        for text in criteria.items
    ]


@pytest.mark.sphinx("html", testroot="chooser", confoverrides=MINIMAL)
def test_the_html_has_the_table_and_the_data_for_the_script(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    html = (Path(app.outdir) / "chooser.html").read_text(encoding="utf-8")

    table = re.search(r'<table class="[^"]*careerkb-chooser-table.*?</table>', html, re.DOTALL)
    assert table is not None
    rows = re.findall(r"<tr.*?</tr>", table.group(0), re.DOTALL)
    expected = _expected_criteria(FIXTURES / "minimal")
    assert expected == [("You like maths", "builder", "Example Press, mid-2026")]
    assert len(rows) == 1 + len(expected)  # the header row, then one row per criterion
    for (text, _role, source), row in zip(expected, rows[1:], strict=True):
        assert text in row
        assert 'href="roles/builder.html#role-builder"' in row
        assert ">Model Builder<" in row
        assert source in row
    # The lines between the roles follow, from comparisons.yaml.
    assert "Building a model, or building with one" in html
    assert "Trains it." in html
    assert "Uses it." in html

    data = _chooser_json(html)
    assert [(a["text"], a["kind"]) for a in data["answers"]] == [
        (text, "preference") for text, _, _ in expected
    ]
    assert [[(p["role"], p["source"]) for p in a["points"]] for a in data["answers"]] == [
        [(role, source)] for _, role, source in expected
    ]
    assert len({a["id"] for a in data["answers"]}) == len(expected)
    assert data["roles"] == [
        {
            "id": "builder",
            "title": "Model Builder",
            "url": "roles/builder.html#role-builder",
            "summary": "Builds models.",
        }
    ]
    # The chooser's data appears on its own page only.
    assert "careerkb-chooser-data" not in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="chooser", confoverrides=MINIMAL)
def test_the_criterion_ids_are_stable_across_builds(
    app: SphinxTestApp, make_app: Any, tmp_path: Path
) -> None:
    app.build()
    first = _chooser_json((Path(app.outdir) / "chooser.html").read_text(encoding="utf-8"))
    again = make_app("html", srcdir=_project(tmp_path), confoverrides=MINIMAL)
    again.build()
    second = _chooser_json((Path(again.outdir) / "chooser.html").read_text(encoding="utf-8"))
    assert [a["id"] for a in first["answers"]] == [a["id"] for a in second["answers"]]


@pytest.mark.sphinx("text", testroot="chooser", confoverrides=MINIMAL)
def test_the_text_builder_shows_the_table_and_no_json(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    text = (Path(app.outdir) / "chooser.txt").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    assert "| You like maths | Model Builder | Example Press, mid-2026 |" in flat
    assert "Building a model, or building with one" in flat
    assert "careerkb-chooser-data" not in text
    assert '"answers"' not in text
    assert "{" not in text


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project)
    return project


def test_data_text_cannot_close_the_script_element(make_app: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data_dir)
    roles = data_dir / "roles.yaml"
    original = roles.read_text(encoding="utf-8")
    hostile = original.replace("items: [You like maths]", f"items: [You like maths, {json.dumps(HOSTILE)}]")
    assert hostile != original
    roles.write_text(hostile, encoding="utf-8")

    app = make_app("html", srcdir=_project(tmp_path), confoverrides={"careerkb_data_dir": str(data_dir)})
    app.build()
    assert warnings_of(app) == []
    html = (Path(app.outdir) / "chooser.html").read_text(encoding="utf-8")

    start = html.index('<script type="application/json" id="careerkb-chooser-data">')
    end = html.index("</script>", start)
    element = html[start:end]
    assert "</script><script>" not in element
    assert "<b>" not in element
    body = element.split(">", 1)[1]
    assert "<" not in body
    assert ">" not in body
    assert "&" not in body  # '&' escaped too, so no entity can be read into it
    data = json.loads(body)
    assert [a["text"] for a in data["answers"]] == ["You like maths", HOSTILE]
    # The table shows the same text, escaped as HTML.
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_a_role_no_page_describes_has_no_url(make_app: Any, tmp_path: Path) -> None:
    write_project(tmp_path, "# Chooser\n\n```{careerkb:chooser}\n```\n")
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    assert warnings_of(app) == []
    data = _chooser_json((Path(app.outdir) / "index.html").read_text(encoding="utf-8"))
    assert [(role["id"], role["url"]) for role in data["roles"]] == [("builder", None)]
    # The table still names the role, as plain text.
    assert "Model Builder" in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")


def test_misuse_warns_at_the_directive_line(make_app: Any, tmp_path: Path) -> None:
    chooser = "```{careerkb:chooser}\n```\n"
    page = f"# Chooser\n\n```{{careerkb:chooser}} mle\n```\n\n{chooser}\n{chooser}"
    write_project(tmp_path, page)
    app = make_app("html", srcdir=tmp_path, confoverrides=MINIMAL)
    app.build()
    source = f"{tmp_path}/index.md"
    assert warnings_of(app) == [
        f"{source}:3: WARNING: careerkb:chooser: takes no argument, got 'mle' [careerkb.bad_argument]",
        f"{source}:9: WARNING: careerkb:chooser: a page can hold only one chooser [careerkb.bad_argument]",
    ]
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert len(SCRIPT.findall(html)) == 1


def test_backgrounds_that_two_sources_name_alike_are_one_answer_pointing_where_each_says(
    make_app: Any, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data_dir)
    (data_dir / "backgrounds.yaml").write_text(
        "backgrounds:\n"
        "  - {id: coders-a, name: Software engineering, description: Coders., roles: [builder],\n"
        "     why: They build., source: guide, as_of: mid-2026}\n"
        "  - {id: coders-b, name: software  Engineering, description: Coders., roles: [user, builder],\n"
        '     why: They ship., source: guide, as_of: "2026"}\n',
        encoding="utf-8",
    )
    app = make_app("html", srcdir=_project(tmp_path), confoverrides={"careerkb_data_dir": str(data_dir)})
    app.build()
    assert warnings_of(app) == []
    html = (Path(app.outdir) / "chooser.html").read_text(encoding="utf-8")
    data = _chooser_json(html)
    background = data["answers"][0]
    assert (background["id"], background["text"], background["kind"]) == (
        "background-software-engineering",
        "Software engineering",
        "background",
    )
    assert [(p["role"], p["source"]) for p in background["points"]] == [
        ("builder", "Example Press, mid-2026"),
        ("user", "Example Press, 2026"),
        ("builder", "Example Press, 2026"),
    ]
    # The map's order: both roles are in the one tier, by title.
    assert [role["id"] for role in data["roles"]] == ["builder", "user"]
    assert "I come from: Software engineering" in html
