"""What a reader reads in the views' sentences: figures that read right whichever way they went,
say what they count, are not repeated or put in the wrong role's column, and sources a reader can
check. Plain calls on the minimal data with a second source and a few more records."""

from __future__ import annotations

import pytest

import careerkb
from careerkb.views import Context
from careerkb.views.compare import compare
from careerkb.views.content import BulletList, Rubric, Table, WebLink, is_blocks, plain_text
from careerkb.views.figures import inline_change, inline_figure
from careerkb.views.market import market_facts
from careerkb.views.pay import chart_summary, salary_table
from careerkb.views.roles import learning_path, quick_facts
from careerkb.views.sources import how_to_check
from tests.conftest import minimal_data_with

ADDED = """\
sources:
  - {id: survey, title: A Survey, publisher: Other Press, as_of: "2026", covers: Builders' pay.}
market_facts:
  - {id: builder-growth, roles: [builder], measure: posting-growth, statement: Postings rose.,
     figure: {value: 340, unit: percent, counts: growth in new postings}, source: guide, as_of: mid-2026}
  - {id: user-decline, roles: [user], measure: posting-growth, statement: Postings fell.,
     figure: {value: -30, unit: percent, approximate: true, counts: change in postings},
     source: guide, as_of: mid-2026}
  - {id: builder-ratio, roles: [builder], measure: openings-per-candidate, statement: Far more jobs.,
     figure: {value: 8, unit: openings, counts: openings per qualified person, approximate: true},
     source: survey, as_of: "2026"}
  - {id: both-wanted, roles: [builder, user], measure: demand-read, statement: Both are wanted.,
     source: guide, as_of: mid-2026}
  - {id: builder-pay-edge, roles: [builder, user], measure: pay-comparison,
     statement: Builders earn more., pay_order: {first: builder, relation: above, second: user},
     source: guide, as_of: mid-2026}
salary_bands:
  - {id: builder-senior, role: builder, source: guide, as_of: mid-2026, level: senior,
     level_label: Senior, low: 150000, high: 200000}
  - {id: user-entry, role: user, source: guide, as_of: mid-2026, level: entry, level_label: Entry,
     low: 90000, high: 135000}
  - {id: builder-junior, role: builder, source: survey, as_of: "2026", level: entry,
     level_label: Junior, low: 130000, high: 170000}
resources:
  - {id: course-a, name: Course A, provider: P, kind: course, cost: free, roles: [user], order: 1,
     description: First of three., source: guide, as_of: mid-2026}
  - {id: course-b, name: Course B, provider: P, kind: course, cost: free, roles: [user], order: 1,
     description: Second of three., source: guide, as_of: mid-2026}
  - {id: course-c, name: Course C, provider: P, kind: course, cost: free, roles: [user], order: 1,
     description: Third of three., source: guide, as_of: mid-2026}
  - {id: project-d, name: Project D, provider: Self-directed, kind: project, cost: free,
     roles: [user], order: 2, description: Then build., source: guide, as_of: mid-2026}
  - {id: cohort-e, name: Cohort E, provider: P, kind: cohort, cost: varies, roles: [user],
     url: "https://example.org/cohort", description: If you want a deadline., source: guide,
     as_of: mid-2026}
"""


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Context:
    return Context(careerkb.load(minimal_data_with(tmp_path_factory.mktemp("reader") / "data", ADDED)))


def _lines(context: Context, role: str) -> list[str]:
    (listing,) = market_facts(context, [context.kb.role(role)]).blocks
    assert isinstance(listing, BulletList)
    return [plain_text(item) for item in listing.items]


@pytest.mark.parametrize(
    ("record", "kind", "figure", "change"),
    [
        ("builder-growth", "rise", "340%", "grew by 340%"),
        ("user-decline", "fall, approximate", "down ~30%", "fell by ~30%"),
        ("builder-ratio", "ratio", "~8 openings", None),
        ("user-senior", "open-ended band", "$220K and up", None),
        ("both-wanted", "qualitative", "Both are wanted.", None),
    ],
)
def test_each_kind_of_figure_reads_right_in_a_sentence(
    context: Context, record: str, kind: str, figure: str, change: str | None
) -> None:
    assert inline_figure(context, record).value == figure, kind
    phrase = inline_change(context, record)
    if change is None:
        # A verb cannot be put before what is not a change: the page gets a warning instead.
        assert phrase.problem is not None
        assert "is not a change" in phrase.problem or "states no figure" in phrase.problem
    else:
        assert (phrase.value, phrase.problem) == (change, None)
    # Never a verb joined to a sign, whatever the figure.
    assert " by down" not in f"moved {phrase.value}"


def test_demand_lines_say_what_each_figure_counts(context: Context) -> None:
    assert sorted(_lines(context, "builder")) == sorted(
        [
            "3.5 openings: Openings outnumber builders. (Example Press, mid-2026)",
            "340% (growth in new postings): Postings rose. (Example Press, mid-2026)",
            "~8 openings per qualified person: Far more jobs. (Other Press, 2026)",
            "Both are wanted. (Example Press, mid-2026)",
            "Builders earn more. (Example Press, mid-2026) Not borne out by every band: at senior level "
            "the Model Builder is put at $150K–$200K and the Model User at $220K and up "
            "(Example Press, mid-2026).",
        ]
    )
    assert "down ~30% (change in postings): Postings fell." in _lines(context, "user")[0]
    facts = plain_text(quick_facts(context, "user").blocks)
    assert "Demand: down ~30% (change in postings): Postings fell." in facts


def _compare(context: Context) -> tuple[Table, str]:
    view = compare(context, [context.kb.role("builder"), context.kb.role("user")])
    matrix = next(block for block in view.blocks if isinstance(block, Table) and block.title)
    return matrix, plain_text(view.blocks)


def test_a_comparison_shows_each_role_only_its_own_demand_and_shared_facts_once(context: Context) -> None:
    matrix, text = _compare(context)
    (demand,) = [row for row in matrix.rows if plain_text(row[0]) == "Demand"]
    builder, user = (plain_text(cell) for cell in demand[1:])
    assert "Postings rose." in builder
    assert "Postings fell." not in builder
    assert "Postings fell." in user
    assert "Postings rose." not in user
    # A fact about both roles is said once, under the table; a claim about pay is not demand.
    assert "Both are wanted." not in builder + user
    assert text.count("Both are wanted.") == 1
    assert "Demand, said of both roles" in text
    assert "Builders earn more." not in builder + user


def test_a_comparison_says_where_its_sources_disagree_beside_the_pay(context: Context) -> None:
    view = compare(context, [context.kb.role("builder"), context.kb.role("user")])
    headings = [block.title for block in view.blocks if isinstance(block, Rubric)]
    assert "Where the sources disagree" in headings
    tables = [block for block in view.blocks if isinstance(block, Table)]
    assert [table.title for table in tables][:2] == ["Model Builder vs Model User", "Pay"]
    disagreements = plain_text((tables[2],))
    assert "$90K–$135K (Entry)" in disagreements
    assert "$130K–$170K (Junior)" in disagreements
    assert "the sources name the level differently (Entry / Junior)" in disagreements


def test_identical_bands_are_said_once_in_a_chart_caption(context: Context) -> None:
    roles = [context.kb.role("builder"), context.kb.role("user")]
    bands = context.kb.salary_bands(source="guide")
    summary = chart_summary(context, roles, bands)
    assert "Entry: Model Builder and Model User $90K–$135K each" in summary
    assert "Model Builder $90K–$135K, Model User $90K–$135K" not in summary


def test_every_source_tells_the_reader_how_to_check_it(context: Context) -> None:
    with_address, without = context.kb.source("guide"), context.kb.source("survey")
    assert how_to_check(with_address).startswith(
        "open the address above. The figures here are as of mid-2026"
    )
    assert how_to_check(without) == (
        "we know of no web address for it, so search Other Press's site, or the web, "
        "for its title, \u201cA Survey\u201d."
    )


def test_resources_at_one_place_in_the_order_make_one_numbered_step(context: Context) -> None:
    (listing,) = learning_path(context, "user").blocks
    assert isinstance(listing, BulletList)
    texts = [plain_text(item) for item in listing.items]
    assert [text.split(" —")[0].split(",")[0].split(":")[0] for text in texts] == [
        "Step 1",
        "Step 2",
        "At any point",
    ]
    assert texts[0].startswith("Step 1, any or all of these")
    assert all(name in texts[0] for name in ("Course A", "Course B", "Course C"))
    assert texts[1].startswith("Step 2: Project D")
    # A resource the source gives an address for is a link.
    last = listing.items[2]
    assert is_blocks(last)
    spans = [span for block in last for span in getattr(block, "spans", ())]
    assert WebLink("https://example.org/cohort", "Cohort E") in spans


def test_a_pay_table_says_where_sources_name_one_level_differently(context: Context) -> None:
    roles = [context.kb.role("builder")]
    table, note = salary_table(context, roles).blocks
    assert isinstance(table, Table)
    assert plain_text((note,)) == (
        "The sources name some levels differently: entry level is \u201cEntry\u201d in Example Press "
        "and \u201cJunior\u201d in Other Press. Compare the level, not the label."
    )
    # One source, one name per level: nothing to say.
    assert len(salary_table(context, [context.kb.role("user")]).blocks) == 1
