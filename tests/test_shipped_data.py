"""The data careerkb ships: complete, cited, and traceable to its source documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import careerkb
from careerkb.format import money, number
from careerkb.integrity import references
from careerkb.models import STAGE_ORDER, Cited, Record

# The source documents sit beside the repository (../shared/sources) in the project's workspace.
SOURCE_TEXTS = Path(__file__).parents[2] / "shared" / "sources"
SOURCE_FILES = {
    "crlabs-careers-map": "careers-building-ai-1-the-ai-careers-map.md",
    "crlabs-researchers": "careers-building-ai-2-the-researchers.md",
    "crlabs-builders": "careers-building-ai-the-builders.txt",
    "crlabs-infrastructure": "careers-building-ai-4-the-infrastructure.md",
    "crlabs-defenders": "careers-building-ai-5-the-defenders.md",
    "crlabs-choosing": "careers-building-ai-6-choosing-your-path.md",
    "crlabs-learning-paths": "careers-building-ai-learning-paths.md",
    "agenticcareers-two-paths": "ai-agent-engineer-vs-ml-engineer.txt",
    "bls-data-scientists": "bls-ooh-data-scientists.txt",
    "bls-research-scientists": "bls-ooh-computer-and-information-research-scientists.txt",
    "bls-software-developers": "bls-ooh-software-developers.txt",
    "bls-information-security-analysts": "bls-ooh-information-security-analysts.txt",
    "bls-database-administrators": "bls-ooh-database-administrators.txt",
}
# Numbers the documents write out in words.
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@pytest.fixture(scope="module")
def kb() -> careerkb.KnowledgeBase:
    return careerkb.load()


@pytest.fixture(scope="module")
def source_text() -> dict[str, str]:
    if not SOURCE_TEXTS.is_dir():
        pytest.skip(f"the source documents are not at {SOURCE_TEXTS}")
    return {sid: (SOURCE_TEXTS / name).read_text(encoding="utf-8") for sid, name in SOURCE_FILES.items()}


def _cited_parts(record: Record) -> list[Cited]:
    found = [record] if isinstance(record, Cited) else []
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Record):
                found += _cited_parts(item)
    return found


def test_every_source_document_is_a_source_record_and_the_other_way_round(kb: careerkb.KnowledgeBase) -> None:
    assert {source.id for source in kb.sources} == set(SOURCE_FILES)
    if SOURCE_TEXTS.is_dir():
        documents = {path.name for path in SOURCE_TEXTS.iterdir() if path.name != "README.md"}
        assert documents == set(SOURCE_FILES.values())


@pytest.mark.parametrize(
    ("source", "count"),
    [
        # Every figure of each document's pay tables and pay paragraphs, one band each; the map
        # gives one band in words for each of its thirteen roles.
        ("crlabs-builders", 11),
        ("agenticcareers-two-paths", 8),
        ("crlabs-researchers", 7),
        ("crlabs-infrastructure", 8),
        ("crlabs-defenders", 9),
        ("crlabs-careers-map", 13),
        ("crlabs-choosing", 7),
    ],
)
def test_each_document_gives_its_pay_bands(kb: careerkb.KnowledgeBase, source: str, count: int) -> None:
    assert len(kb.salary_bands(source=source)) == count


def test_the_map_gives_every_role_its_pay_in_words(kb: careerkb.KnowledgeBase) -> None:
    in_words = {band.role for band in kb.salary_bands(source="crlabs-careers-map") if band.qualitative}
    assert in_words == {role.id for role in kb.roles}


def test_every_figure_names_a_known_source_and_an_as_of_date(kb: careerkb.KnowledgeBase) -> None:
    source_ids = {source.id for source in kb.sources}
    figures = [*kb.salary_bands(), *kb.market_facts(), *kb.occupations]
    for record in figures:
        assert record.source in source_ids, record.id
        assert record.as_of.label, record.id


def test_every_cited_part_of_every_record_names_a_known_source(kb: careerkb.KnowledgeBase) -> None:
    source_ids = {source.id for source in kb.sources}
    records = [record for entries in kb.entries.values() for record, _ in entries]
    parts = [part for record in records for part in _cited_parts(record)]
    assert len(parts) > 60
    assert {part.source for part in parts} == source_ids


def test_every_reference_resolves(kb: careerkb.KnowledgeBase) -> None:
    # load() would have refused dangling references; this shows the check saw them all.
    seen = [ref for entries in kb.entries.values() for record, _ in entries for ref in references(record)]
    assert {ref.target for ref in seen} == {
        "sources",
        "tiers",
        "roles",
        "occupations",
        "resources",
        "glossary",
    }
    assert len(seen) > 1000


def test_every_salary_figure_appears_in_its_source_document(
    kb: careerkb.KnowledgeBase, source_text: dict[str, str]
) -> None:
    checked = 0
    for band in kb.salary_bands():
        text = source_text[band.source]
        for amount in (band.low, band.high, band.point):
            if amount is not None:
                assert money(amount, band.currency) in text, (band.id, amount)
                checked += 1
    assert checked > 70


def test_every_market_figure_appears_in_its_source_document(
    kb: careerkb.KnowledgeBase, source_text: dict[str, str]
) -> None:
    for fact in kb.market_facts():
        if fact.figure is None:
            continue
        text = source_text[fact.source]
        for value in (fact.figure.value, fact.figure.low, fact.figure.high):
            if value is None:
                continue
            written = rf"\b{re.escape(number(abs(value)))}\b"
            in_words = NUMBER_WORDS.get(int(abs(value)))
            as_money = money(int(value)) if value >= 1000 else None
            assert (
                re.search(written, text)
                or (in_words and re.search(rf"\b{in_words}\b", text.lower()))
                or (as_money and as_money in text)
            ), (fact.id, value)
        if fact.forecast is not None:
            assert str(fact.forecast.year) in text, fact.id


def test_every_official_figure_appears_in_its_statistics_page(
    kb: careerkb.KnowledgeBase, source_text: dict[str, str]
) -> None:
    assert len(kb.occupations) == 7
    for job in kb.occupations:
        text = source_text[job.source]
        assert job.soc in text, job.id
        for amount in (job.median_pay, job.p10, job.p90):
            assert amount is not None
            assert f"${amount:,}" in text, (job.id, amount)
        for outlook in filter(None, (job.outlook, job.group_outlook)):
            for count in (outlook.jobs, outlook.projected_jobs, outlook.openings_per_year):
                if count is not None:
                    assert f"{count:,}" in text, (job.id, count)
            assert re.search(rf"(^|\n){re.escape(number(outlook.growth_percent))}(\n|%| percent)", text), (
                job.id
            )
            if outlook.descriptor:
                assert f"({outlook.descriptor})" in text, job.id
        assert job.entry_education in text, job.id


def test_every_role_links_to_an_official_occupation(kb: careerkb.KnowledgeBase) -> None:
    linked = {link.occupation for role in kb.roles for link in role.occupations}
    assert all(role.occupations for role in kb.roles)
    # Database administrators run databases rather than build pipelines, so no role claims them;
    # the official statistics page still sets them beside their architect colleagues.
    assert linked == {job.id for job in kb.occupations} - {"database-administrators"}


def test_every_role_belongs_to_a_tier_and_every_tier_has_roles(kb: careerkb.KnowledgeBase) -> None:
    assert {tier.id: [role.id for role in kb.tier_roles(tier.id)] for tier in kb.tiers} == {
        "research": ["applied-scientist", "research-engineer", "research-scientist"],
        "engineering": ["agentic-ai-developer", "ai-engineer", "machine-learning-engineer"],
        "infrastructure": ["data-engineer-for-ml", "ml-systems-engineer", "mlops-engineer"],
        "safety": ["ai-red-teamer", "ai-safety-researcher", "evals-specialist"],
        "application": ["prompt-engineer"],
    }


def test_every_role_has_a_four_stage_learning_path(kb: careerkb.KnowledgeBase) -> None:
    for role in kb.roles:
        assert role.learning_path is not None, role.id
        assert [step.stage for step in role.learning_path.steps] == list(STAGE_ORDER), role.id


def test_the_choosing_table_matches_backgrounds_to_the_roles_the_source_names(
    kb: careerkb.KnowledgeBase,
) -> None:
    episode_six = {b.id: b.roles for b in kb.backgrounds if b.source == "crlabs-choosing"}
    assert episode_six == {
        "research-minded": ["research-scientist", "ai-safety-researcher"],
        "strong-software-engineer": ["research-engineer", "machine-learning-engineer", "ai-engineer"],
        "systems-or-devops": ["ml-systems-engineer", "mlops-engineer"],
        "security": ["ai-red-teamer"],
        "qa-or-measurement": ["evals-specialist"],
    }


def test_statuses_only_where_a_source_gives_one(kb: careerkb.KnowledgeBase) -> None:
    assert {role.id: role.status.value for role in kb.roles if role.status} == {
        "machine-learning-engineer": "established",
        "ai-engineer": "fastest-growing",
        "agentic-ai-developer": "emerging",
        "evals-specialist": "emerging",
        "prompt-engineer": "fading",
    }


def test_ai_agent_engineer_is_an_alias_cited_to_the_guide_that_uses_it(kb: careerkb.KnowledgeBase) -> None:
    role = kb.role("AI Agent Engineer")
    assert role.id == "agentic-ai-developer"
    alias = next(alias for alias in role.aliases if alias.name == "AI Agent Engineer")
    assert alias.source == "agenticcareers-two-paths"


def test_the_ml_ladder_has_research_scientist_as_a_branch(kb: careerkb.KnowledgeBase) -> None:
    ladder = kb.role("mle").career_ladder
    assert ladder is not None
    assert [branch.title for branch in ladder.branches] == ["Research Scientist"]


@pytest.mark.parametrize(
    "name",
    [
        "RAG", "MLOps", "LoRA", "LLM-as-judge", "guardrails", "function calling", "feature store",
        "drift", "vector database", "embeddings", "chunking", "vLLM", "TensorRT", "LangChain",
        "LlamaIndex", "LangGraph", "AutoGen", "CrewAI", "PyTorch", "TensorFlow", "scikit-learn",
    ],
)  # fmt: skip
def test_the_glossary_covers_the_terms_the_sources_use(kb: careerkb.KnowledgeBase, name: str) -> None:
    assert kb.term(name).definition


def test_the_glossary_has_at_least_220_terms(kb: careerkb.KnowledgeBase) -> None:
    assert len(kb.glossary) >= 220


def test_prose_types_no_figures(kb: careerkb.KnowledgeBase) -> None:
    """Numbers belong in data fields, where they carry a source; prose would let them drift."""
    for role in kb.roles:
        for text in (role.summary, role.description, role.suits, role.education, role.break_in, *role.duties):
            assert not re.search(r"\d", text or ""), (role.id, text)
    for term in kb.glossary:
        assert not re.search(r"\d", term.definition), term.id


def test_every_market_figure_says_what_it_counts(kb: careerkb.KnowledgeBase) -> None:
    # A bare '2 years' or '45%' in a demand list leaves the reader guessing what was measured.
    bare = [fact.id for fact in kb.market_facts() if fact.figure is not None and not fact.figure.counts]
    assert bare == []


def test_a_roles_headline_demand_is_its_shortage_where_a_source_gives_one(kb: careerkb.KnowledgeBase) -> None:
    for role in kb.roles:
        shortages = kb.market_facts(role=role.id, measure="openings-per-candidate")
        headline = kb.headline_fact(role.id)
        if any(fact.figure is not None for fact in shortages):
            assert headline is not None
            assert headline.measure == "openings-per-candidate", role.id
    growth = kb.headline_fact("machine-learning-engineer")
    assert growth is not None
    assert growth.id != "ml-engineering-posting-growth"


def test_source_notes_speak_to_readers_not_about_the_record(kb: careerkb.KnowledgeBase) -> None:
    # How the record's address was made is a YAML comment; the sources page shows `note`.
    internal = ("scheme", "no page address", "gives its address")
    noted = [
        source.id for source in kb.sources if source.note and any(word in source.note for word in internal)
    ]
    assert noted == []
