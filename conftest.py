"""Shared by the doctests in src/: ``kb`` is the shipped knowledge base, loaded once."""

from typing import Any

import pytest

import careerkb


@pytest.fixture(autouse=True)
def _knowledge_base_for_doctests(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["kb"] = _shipped()


_cache: dict[str, careerkb.KnowledgeBase] = {}


def _shipped() -> careerkb.KnowledgeBase:
    if "kb" not in _cache:
        _cache["kb"] = careerkb.load()
    return _cache["kb"]
