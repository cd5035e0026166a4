"""The data careerkb ships: complete, cited, and traceable to its source documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import careerkb
from careerkb.format import money, number
from careerkb.integrity import references
from careerkb.models import Cited, Record

# The source documents sit beside the repository (../shared/sources) in the project's workspace.
SOURCE_TEXTS = Path(__file__).parents[2] / "shared" / "sources"
SOURCE_FILES = {
    "crlabs-builders": "careers-building-ai-the-builders.txt",
    "agenticcareers-two-paths": "ai-agent-engineer-vs-ml-engineer.txt",
}


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


def test_every_figure_names_a_known_source_and_an_as_of_date(kb: careerkb.KnowledgeBase) -> None:
    source_ids = {source.id for source in kb.sources}
    figures = [*kb.salary_bands(), *kb.market_facts()]
    # The two documents' pay tables hold 11 and 8 bands.
    assert len(kb.salary_bands(source="crlabs-builders")) == 11
    assert len(kb.salary_bands(source="agenticcareers-two-paths")) == 8
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
    assert {ref.target for ref in seen} == {"sources", "roles", "glossary"}
    assert len(seen) > 300


def test_every_salary_figure_appears_in_its_source_document(
    kb: careerkb.KnowledgeBase, source_text: dict[str, str]
) -> None:
    for band in kb.salary_bands():
        text = source_text[band.source]
        for amount in (band.low, band.high, band.point):
            if amount is not None:
                assert money(amount, band.currency) in text, (band.id, amount)


def test_every_market_figure_appears_in_its_source_document(
    kb: careerkb.KnowledgeBase, source_text: dict[str, str]
) -> None:
    words = {2: "two", 4: "four", 1: "one"}
    for fact in kb.market_facts():
        if fact.figure is None:
            continue
        text = source_text[fact.source]
        for value in (fact.figure.value, fact.figure.low, fact.figure.high):
            if value is None:
                continue
            written = rf"\b{re.escape(number(abs(value)))}\b"
            in_words = words.get(int(abs(value)))
            assert re.search(written, text) or (in_words and in_words in text.lower()), (fact.id, value)


def test_the_four_roles_and_their_statuses(kb: careerkb.KnowledgeBase) -> None:
    assert {role.id: role.status.value for role in kb.roles} == {
        "machine-learning-engineer": "established",
        "ai-engineer": "fastest-growing",
        "agentic-ai-developer": "emerging",
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


def test_the_glossary_has_at_least_sixty_terms(kb: careerkb.KnowledgeBase) -> None:
    assert len(kb.glossary) >= 60


def test_prose_types_no_figures(kb: careerkb.KnowledgeBase) -> None:
    """Numbers belong in data fields, where they carry a source; prose would let them drift."""
    for role in kb.roles:
        for text in (role.summary, role.description, role.suits, role.education, role.break_in, *role.duties):
            assert not re.search(r"\d", text or ""), (role.id, text)
    for term in kb.glossary:
        assert not re.search(r"\d", term.definition), term.id
