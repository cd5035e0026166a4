"""The query API on the minimal data set, where every expected answer can be read off the fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

import careerkb
from careerkb.knowledge import UnknownRecordError


@pytest.fixture
def kb(data_dir: Path) -> careerkb.KnowledgeBase:
    return careerkb.load(data_dir)


@pytest.mark.parametrize("key", ["builder", "Model Builder", "model builder", "MB", "mb", "MODEL-BUILDER"])
def test_role_by_id_title_or_abbreviation_in_any_case(kb: careerkb.KnowledgeBase, key: str) -> None:
    assert kb.role(key).id == "builder"


def test_a_role_answers_to_its_alias(kb: careerkb.KnowledgeBase) -> None:
    assert kb.role("model integrator").id == "user"


@pytest.mark.parametrize(
    "key", ["rag", "RAG", "Retrieval-Augmented Generation", "retrieval augmented generation", " Rag "]
)
def test_term_by_id_name_or_abbreviation_in_any_case(kb: careerkb.KnowledgeBase, key: str) -> None:
    assert kb.term(key).id == "retrieval-augmented-generation"


def test_a_term_answers_to_its_alias(kb: careerkb.KnowledgeBase) -> None:
    assert kb.term("Embedding Vectors").id == "embeddings"


def test_unknown_names_raise_with_suggestions(kb: careerkb.KnowledgeBase) -> None:
    with pytest.raises(UnknownRecordError) as raised:
        kb.role("model buildr")
    assert raised.value.suggestions == ["Model Builder"]
    assert str(raised.value) == "no role named 'model buildr'; did you mean 'Model Builder'?"
    with pytest.raises(UnknownRecordError, match=r"^no term named 'quantum'$"):
        kb.term("quantum")


def test_shared_skills_of_an_unknown_role_raise_like_any_unknown_name(kb: careerkb.KnowledgeBase) -> None:
    with pytest.raises(UnknownRecordError, match=r"^no role named 'model buildr'; did you mean"):
        kb.skills_shared_by("user", "model buildr")


def test_a_partial_name_suggests_the_names_that_contain_it(kb: careerkb.KnowledgeBase) -> None:
    with pytest.raises(UnknownRecordError) as raised:
        kb.role("integrator")
    assert raised.value.suggestions == ["Model Integrator"]


def test_salary_bands_filter_by_role_source_and_level(kb: careerkb.KnowledgeBase) -> None:
    assert [band.id for band in kb.salary_bands()] == ["builder-entry", "user-senior"]
    assert [band.id for band in kb.salary_bands(role="MB")] == ["builder-entry"]
    assert [band.id for band in kb.salary_bands(level="senior")] == ["user-senior"]
    assert [band.id for band in kb.salary_bands(source="guide", role="user")] == ["user-senior"]
    assert kb.salary_bands(role="builder", level="staff") == []
    with pytest.raises(UnknownRecordError):
        kb.salary_bands(source="nowhere")


def test_salary_figures_are_whole_currency_units(kb: careerkb.KnowledgeBase) -> None:
    entry, senior = kb.salary_bands()
    assert (entry.low, entry.high, entry.open_high) == (90000, 135000, False)
    assert (senior.low, senior.high, senior.open_high) == (220000, None, True)


def test_entry_pay_is_none_for_a_role_without_an_entry_band(kb: careerkb.KnowledgeBase) -> None:
    assert kb.entry_pay("builder") is not None
    assert kb.entry_pay("user") is None


def test_search_terms_ranks_prefix_matches_before_substring_and_definition_matches(
    kb: careerkb.KnowledgeBase,
) -> None:
    assert [t.id for t in kb.search_terms("emb")] == ["embeddings"]
    # "gen" starts no name but sits inside "Retrieval-Augmented Generation".
    assert [t.id for t in kb.search_terms("gen")] == ["retrieval-augmented-generation"]
    # "numbers" is only in the embeddings definition.
    assert [t.id for t in kb.search_terms("numbers")] == ["embeddings"]
    assert kb.search_terms("   ") == []
    assert kb.search_terms("zzz") == []


def test_market_facts_resources_and_comparisons(kb: careerkb.KnowledgeBase) -> None:
    (fact,) = kb.market_facts(role="builder")
    assert fact.figure is not None
    assert (fact.figure.value, fact.figure.unit) == (3.5, "openings")
    assert kb.market_facts(role="user") == []
    assert kb.market_fact("builder-shortage") is fact
    assert [r.id for r in kb.resources(role="builder")] == ["intro-course"]
    assert [comparison.id for comparison in kb.comparisons_between("user", "MB")] == ["builder-vs-user"]
    assert kb.comparisons_between("user") == ()


def test_records_are_frozen(kb: careerkb.KnowledgeBase) -> None:
    role = kb.role("builder")
    with pytest.raises(ValueError, match="frozen"):
        role.title = "Changed"  # type: ignore[misc]


def test_origin_points_at_the_file_and_line_of_a_record(kb: careerkb.KnowledgeBase) -> None:
    origin = kb.origin("roles", "user")
    assert origin.document.path.name == "roles.yaml"
    assert origin.line == 31


def test_counts(kb: careerkb.KnowledgeBase) -> None:
    assert kb.counts() == {
        "sources": 1,
        "tiers": 1,
        "roles": 2,
        "salary_bands": 2,
        "market_facts": 1,
        "resources": 1,
        "skills": 1,
        "comparisons": 1,
        "occupations": 0,
        "backgrounds": 0,
        "routes": 0,
        "plans": 0,
        "glossary": 2,
        "synonyms": 0,
    }


def test_as_of_keeps_its_precision(kb: careerkb.KnowledgeBase) -> None:
    as_of = kb.source("guide").as_of
    assert (as_of.date.isoformat(), as_of.precision, as_of.label) == ("2026-07-01", "mid-year", "mid-2026")


def test_data_files_may_be_split_and_nested_freely(data_dir: Path) -> None:
    nested = data_dir / "more" / "terms.yml"
    nested.parent.mkdir()
    nested.write_text("glossary:\n  - {id: drift, term: Drift, definition: When live data changes.}\n")
    (data_dir / ".hidden.yaml").write_text("this would not parse: [")
    kb = careerkb.load(data_dir)
    assert kb.term("drift").definition == "When live data changes."


def test_every_measure_is_ranked_for_headlines_or_left_out_on_purpose() -> None:
    from typing import get_args

    from careerkb.knowledge import HEADLINE_MEASURES
    from careerkb.models import Measure

    # Pay comparisons, pay changes and the compute share say nothing about demand for one role.
    not_demand = {"pay-comparison", "pay-change", "compute-share", "demand-read"}
    assert sorted(HEADLINE_MEASURES) == sorted(set(get_args(Measure)) - not_demand)


def test_the_headline_fact_prefers_the_shortage_then_growth_then_other_measures(data_dir: Path) -> None:
    facts = data_dir / "facts.yaml"
    facts.write_text(
        facts.read_text().replace(
            "resources:",
            "  - {id: builder-age, roles: [builder], measure: title-age, statement: Old.,"
            " figure: {value: 9, unit: years}, source: guide, as_of: mid-2026}\n"
            "  - {id: builder-growth, roles: [builder], measure: posting-growth, statement: Growing.,"
            " figure: {value: 12, unit: percent}, source: guide, as_of: mid-2026}\n"
            "resources:",
        )
    )
    kb = careerkb.load(data_dir)
    headline = kb.headline_fact("builder")
    assert headline is not None
    assert headline.id == "builder-shortage"
    facts.write_text(facts.read_text().replace("measure: openings-per-candidate", "measure: demand-read"))
    regrown = careerkb.load(data_dir)
    assert [regrown.headline_fact(role) for role in ("builder", "user")] == [
        regrown.market_fact("builder-growth"),
        None,
    ]
