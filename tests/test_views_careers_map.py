"""The careers map's views, called without Sphinx: tiers, official statistics, choosing, staged
learning paths and pay exactly as stated.

The data is the minimal set plus one file with a second tier, a role linked to an official
occupation, a background, a route, a plan and bands that exercise every pay shape.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import careerkb
from careerkb.views import Context, ViewProblem
from careerkb.views.content import plain_text
from careerkb.views.model import View
from careerkb.views.requests import VIEWS, Request
from tests.conftest import FIXTURES, minimal_data_with

CAREERS = """\
sources:
  - id: survey
    title: A Survey
    publisher: Survey House
    as_of: "2026"
    region: United States
    covers: Pay and openings.
tiers:
  - id: guarding
    name: Guarding
    order: 2
    summary: Keeping models safe.
    description: The work of attacking and measuring models.
    sources: [guide]
roles:
  - id: tester
    title: Model Tester
    tier: guarding
    summary: Tests models.
    description: Finds where models fail.
    postings: {source: guide, as_of: mid-2026, text: Posts ask for people who break things.}
    backgrounds: {source: guide, as_of: mid-2026, items: [Quality assurance]}
    learning_path:
      source: guide
      as_of: mid-2026
      steps:
        - {stage: applied-course, text: Take the testing course., resources: [testing-course]}
        - {stage: portfolio-project, text: Break one open model and write it up.}
        - {stage: break-in, text: Apply with the write-up.}
    occupations:
      - {occupation: testers, relation: nearest-parent, reason: Testers check software works.}
    sources: [guide]
resources:
  - id: testing-course
    name: Testing Models
    provider: Example School
    kind: course
    cost: free
    roles: [tester]
    url: https://example.org/testing
    description: How to test a model.
    source: guide
    as_of: mid-2026
occupations:
  - id: testers
    soc: 15-1253
    title: Software Testers
    summary: They check that software works.
    median_pay: 100000
    pay_as_of: "2024-05"
    p10: 60000
    p90: 160000
    entry_education: Bachelor's degree
    outlook:
      period: {start: "2024", end: "2034"}
      jobs: 201700
      growth_percent: 10
    group_outlook:
      group: Developers and testers
      period: {start: "2024", end: "2034"}
      jobs: 1895500
      growth_percent: 15
      descriptor: Much faster than average
      openings_per_year: 129200
    source: guide
    as_of: mid-2026
market_facts:
  - {id: tester-ratio-guide, roles: [tester], measure: openings-per-candidate, source: guide,
     as_of: mid-2026, statement: Few testers., figure: {value: 3, unit: openings}}
  - {id: tester-ratio-survey, roles: [tester, builder], measure: openings-per-candidate, source: survey,
     as_of: "2026", statement: Fewer testers still., figure: {low: 4, high: 6, unit: openings},
     hedges: [directional]}
  - {id: tester-ratio-words, roles: [tester], measure: openings-per-candidate, source: survey,
     as_of: "2026", statement: Several openings for each tester.}
  - {id: builders-earn-more, roles: [builder, tester], measure: pay-comparison, source: survey,
     as_of: "2026", statement: Builders earn more than testers.,
     pay_order: {first: builder, relation: above, second: tester}}
backgrounds:
  - id: qa
    name: QA
    description: People who test software.
    roles: [tester]
    why: The same instincts, pointed at models.
    source: guide
    as_of: mid-2026
routes:
  - id: portfolio
    name: Self-taught
    description: Things you built and can show.
    opens: [user]
    opens_with_portfolio: [tester]
    source: guide
    as_of: mid-2026
plans:
  - id: plan
    title: Three steps
    steps:
      - {name: Look, text: Read posts.}
      - {name: Build, text: Make one thing.}
    source: guide
    as_of: mid-2026
salary_bands:
  - {id: tester-words, role: tester, source: guide, as_of: mid-2026, level: overall,
     level_label: Rough pay, qualitative: Climbing fast, hedges: [hedged]}
  - {id: tester-pounds, role: tester, source: guide, as_of: mid-2026, level: senior,
     level_label: Senior, currency: GBP, low: 260000, high: 370000, hedges: [reportedly, single-report]}
  - {id: tester-survey-junior, role: tester, source: survey, as_of: "2026", level: entry,
     level_label: Junior, low: 100000, high: 120000, region: United States}
  - {id: builder-survey-entry, role: builder, source: survey, as_of: "2026", level: entry,
     level_label: Junior, low: 92000, high: 140000}
  - {id: builder-words, role: builder, source: guide, as_of: mid-2026, level: overall,
     level_label: Rough pay, qualitative: Solid}
  - {id: tester-average, role: tester, source: guide, as_of: mid-2026, level: entry,
     level_label: Entry, compensation: base, statistic: average, point: 199000}
"""


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Context:
    folder = minimal_data_with(tmp_path_factory.mktemp("careers") / "data", CAREERS, "careers.yaml")
    return Context(careerkb.load(folder))


def _text(view: View) -> str:
    return plain_text(view.blocks)


def test_tiers_come_in_the_maps_order_with_their_roles(context: Context) -> None:
    view = VIEWS["tiers"](context, Request())
    assert _text(view).splitlines() == [
        "Making | Making models and things with them. | Model Builder, Model User",
        "Guarding | Keeping models safe. | Model Tester",
    ]
    assert view.shows == {("tiers", "making"), ("tiers", "guarding")}


def test_the_map_drawing_has_the_same_tiers_and_a_text_alternative(context: Context) -> None:
    view = VIEWS["tiers"](context, Request())
    assert [(tier.name, tier.roles) for tier in view.data.tiers] == [  # type: ignore[attr-defined]
        ("Making", ("Model Builder", "Model User")),
        ("Guarding", ("Model Tester",)),
    ]
    assert view.alt == (  # type: ignore[attr-defined]
        "The careers map, tier by tier: Making: Model Builder, Model User; Guarding: Model Tester."
    )


def test_a_tier_page_lists_its_roles_with_the_rough_pay_in_words(context: Context) -> None:
    view = VIEWS["tier"](context, Request("Guarding"))
    lines = _text(view).splitlines()
    assert lines[0] == "The work of attacking and measuring models."
    assert lines[1] == "Model Tester | Tests models. | Climbing fast (Example Press, mid-2026)"
    assert ("salary_bands", "tester-words") in view.shows


def test_an_unknown_tier_is_named_with_a_suggestion(context: Context) -> None:
    with pytest.raises(careerkb.UnknownRecordError, match="no tier named 'guardng'; did you mean 'Guarding'"):
        VIEWS["tier"](context, Request("guardng"))


def test_official_statistics_say_how_near_the_occupation_is_and_what_covers_the_group(
    context: Context,
) -> None:
    view = VIEWS["official-statistics"](context, Request("tester"))
    text = _text(view)
    assert "not the survey and report figures the articles give" in text
    assert "Software Testers (SOC 15-1253) — They check that software works." in text
    assert "Median pay: $100,000 median a year (May 2024); lowest tenth under $60,000" in text
    assert "Jobs: 201,700 in 2024" in text
    assert "Projected growth: +10% from 2024 to 2034\n" in text
    assert "Reported only for the whole group, Developers and testers:" in text
    assert "Projected growth: +15% from 2024 to 2034 (Much faster than average)" in text
    assert "Openings a year: about 129,200" in text
    assert "Nearest wider occupation: Testers check software works." in text
    assert view.shows == {("roles", "tester"), ("occupations", "testers")}


def test_a_role_with_no_occupation_says_so(context: Context) -> None:
    with pytest.raises(ViewProblem, match="no official occupation is linked to 'user'") as raised:
        VIEWS["official-statistics"](context, Request("user"))
    assert raised.value.empty


def test_the_occupations_table_marks_figures_that_cover_a_group(context: Context) -> None:
    (row,) = _text(VIEWS["occupations"](context, Request())).splitlines()
    cells = row.split(" | ")
    assert cells[:5] == [
        "Software Testers",
        "15-1253",
        "$100,000 (Example Press, mid-2026)",
        "$60,000–$160,000",
        "Bachelor's degree",
    ]
    assert cells[6] == "129,200 (whole group: Developers and testers)"
    assert cells[7] == "Model Tester (nearest wider occupation)"


def test_a_staged_learning_path_numbers_each_stage_once_and_links_named_resources(context: Context) -> None:
    view = VIEWS["learning-path"](context, Request("tester"))
    assert _text(view).splitlines() == [
        "• 1. Applied course: Take the testing course.",
        "Named: Testing Models",
        "• 2. Portfolio project: Break one open model and write it up.",
        "• 3. Break-in move: Apply with the write-up.",
        "Source: Example Press, mid-2026",
    ]
    assert ("resources", "testing-course") in view.shows


def test_the_profile_marks_the_postings_text_as_our_paraphrase(context: Context) -> None:
    text = _text(VIEWS["role-profile"](context, Request("tester")))
    assert "How job posts describe it\nPosts ask for people who break things.\nOur paraphrase" in text
    assert "Where people come from\n• Quality assurance\nAs described by Example Press, mid-2026." in text


def test_quick_facts_leave_out_a_status_no_source_gives_and_name_the_pay_basis(context: Context) -> None:
    text = _text(VIEWS["quick-facts"](context, Request("tester")))
    assert "Status" not in text
    assert "Tier: Guarding" in text
    assert "Entry pay: $199K average base pay (Example Press, mid-2026)" in text


def test_pay_keeps_pounds_in_pounds_and_the_hedges_in_words(context: Context) -> None:
    text = _text(VIEWS["salary-table"](context, Request(options={"role": "tester"})))
    assert "£260K–£370K" in text
    assert "$" not in text.split("£260K")[0].splitlines()[-1]
    assert "reportedly; a single report" in text
    assert "Climbing fast" in text


def test_backgrounds_routes_and_plans(context: Context) -> None:
    assert _text(VIEWS["backgrounds"](context, Request())) == (
        "QA — People who test software. | Model Tester | The same instincts, pointed at models. "
        "(Example Press, mid-2026)"
    )
    assert _text(VIEWS["routes"](context, Request())).splitlines() == [
        "• Self-taught — Things you built and can show. (Example Press, mid-2026)",
        "Opens: Model User",
        "With a portfolio, also: Model Tester",
    ]
    assert _text(VIEWS["plan"](context, Request("plan"))).splitlines() == [
        "• Look: Read posts.",
        "• Build: Make one thing.",
        "Source: Example Press, mid-2026",
    ]
    with pytest.raises(ViewProblem, match="no plan named 'plann'; the data has plan"):
        VIEWS["plan"](context, Request("plann"))


def test_a_chart_draws_no_bar_for_a_band_in_words_but_its_table_lists_it(context: Context) -> None:
    view = VIEWS["salary-chart"](context, Request(options={"role": "builder"}))
    assert "Rough pay | Model Builder | Solid | Example Press, mid-2026" in _text(view)
    drawn = [bar.text for bar in view.data.bars]  # type: ignore[attr-defined]
    assert drawn == ["$90K–$135K", "$92K–$140K"]
    assert ("salary_bands", "builder-words") in view.shows


def test_a_chart_of_two_currencies_is_refused_even_beside_a_band_in_words(context: Context) -> None:
    with pytest.raises(ViewProblem, match=r"the bands mix currencies \(GBP, USD\)"):
        VIEWS["salary-chart"](context, Request(options={"role": "tester"}))


def test_a_band_in_words_is_neither_base_nor_total_unless_it_says(context: Context) -> None:
    (band,) = context.kb.salary_bands(role="tester", level="overall")
    assert band.compensation == "unstated"


def test_disagreements_are_found_by_comparing_the_data(context: Context) -> None:
    view = VIEWS["disagreements"](context, Request(options={"role": "tester"}))
    rows = [row.split(" | ") for row in _text(view).splitlines()]
    claim, *rows = rows
    # A claim that builders earn more, against the guide's own bands for both roles.
    assert claim == [
        "Model Builder",
        "entry pay, Model Builder against Model Tester",
        "Builders earn more than testers. (Survey House, 2026)",
        "Model Tester $199K, Model Builder $90K–$135K (Entry) (Example Press, mid-2026)",
        "the claim is a general one about the two roles; the bands are one source's figures at one "
        "level; they come from different sources",
    ]
    assert [(row[1], row[2].split(" (")[0], row[3].split(" (")[0]) for row in rows] == [
        ("entry pay", "$199K", "$100K–$120K"),
        ("openings per candidate", "3 openings", "4–6 openings"),
        ("openings per candidate", "3 openings", "Several openings for each tester."),
    ]
    pay_reasons, ratio_reasons, words_reason = (row[4] for row in rows)
    assert pay_reasons == (
        "regions differ (not stated / United States); dates differ (mid-2026 / 2026); "
        "they measure different pay (average base pay / total compensation); "
        "the sources name the level differently (Entry / Junior)"
    )
    assert ratio_reasons == (
        "one figure covers a different group of roles; dates differ (mid-2026 / 2026); "
        "a source calls its figure a rough signal"
    )
    assert words_reason == "one source gives a figure, the other only words"
    assert {("salary_bands", "tester-survey-junior"), ("market_facts", "tester-ratio-words")} <= view.shows


def test_figures_within_the_tolerance_and_differently_named_levels(context: Context) -> None:
    # $90K-$135K against $92K-$140K: within 15% at both ends, so only the level names differ;
    # a ratio of 4 to 6 (5 at its middle) against 3.5 is further apart than that.
    view = VIEWS["disagreements"](context, Request(options={"role": "builder"}))
    claim, names, ratios = _text(view).splitlines()
    assert claim.startswith("Model Builder | entry pay, Model Builder against Model Tester | ")
    assert names.endswith(
        "| entry pay | $90K–$135K (Entry) (Example Press, mid-2026) | $92K–$140K (Junior) "
        "(Survey House, 2026) | one stage, two names: Entry and Junior"
    )
    assert "| 4–6 openings (Survey House, 2026) | 3.5 openings (Example Press, mid-2026) |" in ratios


def test_a_role_the_sources_agree_on_gets_a_sentence(context: Context) -> None:
    view = VIEWS["disagreements"](context, Request(options={"role": "user"}))
    assert _text(view) == "For Model User, the sources' figures agree within the tolerance careerkb allows."


def test_backgrounds_named_alike_share_a_row_and_each_source_gives_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", folder)
    (folder / "careers.yaml").write_text(CAREERS, encoding="utf-8")
    (folder / "more.yaml").write_text(
        "backgrounds:\n"
        "  - {id: qa-survey, name: qa, description: Testers., roles: [user, tester],\n"
        "     why: Testing transfers., source: survey, as_of: '2026'}\n",
        encoding="utf-8",
    )
    view = VIEWS["backgrounds"](Context(careerkb.load(folder)), Request())
    assert _text(view) == (
        "QA — People who test software. | Model Tester, Model User | "
        "The same instincts, pointed at models. (Example Press, mid-2026)\n"
        "Testing transfers. (Survey House, 2026)"
    )
    assert {("backgrounds", "qa"), ("backgrounds", "qa-survey")} <= view.shows


def test_the_chooser_offers_backgrounds_then_preferences_with_the_roles_each_points_to(
    context: Context,
) -> None:
    view = VIEWS["chooser"](context, Request())
    answers = view.data.answers  # type: ignore[attr-defined]
    assert [(a.kind, a.text) for a in answers] == [
        ("background", "QA"),
        ("preference", "You like maths"),
    ]
    assert [(p.role_id, p.source) for p in answers[0].points] == [("tester", "Example Press, mid-2026")]
    # Roles in the map's order: the making tier, then guarding.
    assert [role.role_id for role in view.data.roles] == ["builder", "tester"]  # type: ignore[attr-defined]
    assert _text(view).splitlines()[0] == "I come from: QA | Model Tester | Example Press, mid-2026"
