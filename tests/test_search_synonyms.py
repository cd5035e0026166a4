"""The search's synonyms: the data's groups, joined with the glossary's and the roles' names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import careerkb
from careerkb.search.synonyms import normalize, synonym_groups

if TYPE_CHECKING:
    from pathlib import Path


def _with_synonyms(data_dir: Path, text: str) -> careerkb.KnowledgeBase:
    (data_dir / "synonyms.yaml").write_text(f"synonyms:\n{text}", encoding="utf-8")
    return careerkb.load(data_dir)


def test_names_abbreviations_and_aliases_of_terms_and_roles_are_groups(data_dir: Path) -> None:
    groups = synonym_groups(careerkb.load(data_dir))
    assert ("rag", "retrieval augmented generation") in groups
    assert ("embedding vectors", "embeddings") in groups
    assert ("model integrator", "model user") in groups


def test_a_data_group_naming_a_term_joins_its_names(data_dir: Path) -> None:
    kb = _with_synonyms(data_dir, "  - id: lookup\n    words: [document lookup, RAG]\n")
    groups = synonym_groups(kb)
    assert ("document lookup", "rag", "retrieval augmented generation") in groups
    assert not any(group == ("rag", "retrieval augmented generation") for group in groups)


def test_groups_sharing_no_phrase_stay_apart(data_dir: Path) -> None:
    kb = _with_synonyms(
        data_dir, "  - id: pay\n    words: [Pay, Salary]\n  - id: job\n    words: [job, position]\n"
    )
    groups = synonym_groups(kb)
    assert ("pay", "salary") in groups
    assert ("job", "position") in groups


def test_a_name_with_nothing_else_is_no_group(data_dir: Path) -> None:
    # The minimal data's "Model Builder" has no alias: a group of one would widen nothing.
    assert not any("model builder" in group for group in synonym_groups(careerkb.load(data_dir)))


def test_phrases_compare_without_case_hyphens_or_extra_spaces() -> None:
    assert normalize("Self-Taught") == normalize("self  taught") == "self taught"
    assert normalize("Pay\u2013Band") == "pay band"


def test_the_shipped_synonyms_load_and_join_the_handbooks_words() -> None:
    groups = synonym_groups(careerkb.load())
    doctorate = next(group for group in groups if "phd" in group)
    assert "doctorate" in doctorate
    pay = next(group for group in groups if "salary" in group)
    assert {"pay", "compensation"} <= set(pay)
