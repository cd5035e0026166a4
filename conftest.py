"""Shared by the doctests in src/: ``kb`` is the shipped knowledge base, loaded once."""

import functools
from typing import Any

import pytest

import careerkb


@pytest.fixture(autouse=True)
def _knowledge_base_for_doctests(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["kb"] = _shipped()


@functools.cache
def _shipped() -> careerkb.KnowledgeBase:
    return careerkb.load()
