"""The views' answers to requests they cannot serve: each a ViewProblem naming what is wrong.

Views need no Sphinx, so these are plain function calls on the minimal data (or a copy of it
with one change); the Sphinx tests show the same problems reported as located warnings.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import careerkb
from careerkb.views import Context, ViewProblem
from careerkb.views.compare import compared_roles
from careerkb.views.figures import inline_figure
from careerkb.views.requests import VIEWS, Request
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def context() -> Context:
    return Context(careerkb.load(FIXTURES / "minimal"))


def _context_with(tmp_path: Path, added: str) -> Context:
    """The minimal data with one more data file, holding ``added``."""
    shutil.copytree(FIXTURES / "minimal", tmp_path / "data")
    (tmp_path / "data" / "added.yaml").write_text(added, encoding="utf-8")
    return Context(careerkb.load(tmp_path / "data"))


@pytest.mark.parametrize(
    ("directive", "request_", "message", "empty"),
    [
        ("salary-table", Request(options={"role": " , "}), "the :role: option is empty", False),
        ("salary-chart", Request(options={"source": " "}), "the :source: option is empty", False),
        ("salary-table", Request(options={"level": "entry, juniour"}), "unknown level 'juniour'", False),
        (
            "salary-table",
            Request(options={"role": "user", "level": "entry"}),
            "matches no salary bands",
            True,
        ),
        ("market-facts", Request(options={"measure": "growth"}), "unknown measure 'growth'", False),
        ("career-ladder", Request("user"), "no career ladder for 'user'", True),
        ("learning-path", Request("user"), "no learning resources for 'user'", True),
        ("interview-loop", Request("user"), "no interview loop for 'user'", True),
        ("choose-if", Request("user"), "no criteria for choosing", True),
        ("quick-facts", Request(), "needs an argument", False),
    ],
)
def test_a_request_the_data_cannot_serve_is_a_view_problem(
    context: Context, directive: str, request_: Request, message: str, empty: bool
) -> None:
    with pytest.raises(ViewProblem, match=message) as raised:
        VIEWS[directive](context, request_)
    assert raised.value.empty is empty


def test_compare_needs_two_different_roles(context: Context) -> None:
    with pytest.raises(ViewProblem, match="needs two or more different roles, got 'builder MB'"):
        compared_roles(context, "builder MB")
    with pytest.raises(ViewProblem, match="needs two or more different roles"):
        compared_roles(context, "builder")


def test_a_chart_refuses_bands_in_two_currencies(tmp_path: Path) -> None:
    context = _context_with(
        tmp_path,
        "salary_bands:\n"
        "  - {id: user-uk, role: user, source: guide, as_of: mid-2026, level: mid, level_label: Mid,\n"
        "     low: 60000, high: 80000, currency: GBP}\n",
    )
    with pytest.raises(ViewProblem, match=r"the bands mix currencies \(GBP, USD\)"):
        VIEWS["salary-chart"](context, Request())
    # One role's bands, in one currency, still chart.
    assert VIEWS["salary-chart"](context, Request(options={"role": "builder"})).shows


def test_an_inline_figure_of_a_fact_without_a_figure_stands_in_its_statement(tmp_path: Path) -> None:
    context = _context_with(
        tmp_path,
        "market_facts:\n  - {id: user-breadth, roles: [user], measure: demand-breadth,\n"
        "     statement: Wanted everywhere., source: guide, as_of: mid-2026}\n",
    )
    figure = inline_figure(context, "user-breadth")
    assert figure.value == "Wanted everywhere."
    assert figure.problem == "market fact 'user-breadth' states no figure; quote its statement instead"
    assert inline_figure(context, "builder-shortage").problem is None
