"""Shared by the doctests in src/: ``kb`` is the shipped knowledge base, loaded once."""

import functools
import os
import shutil
import tempfile
from typing import Any

import pytest

import careerkb

_CACHE_DIR = "CAREERKB_CACHE_DIR"


def pytest_configure(config: pytest.Config) -> None:
    # Every test, and every command it runs, caches into a folder of this run's own, never the
    # user's cache: nothing is left behind and no earlier run can answer for this one.
    os.environ[_CACHE_DIR] = tempfile.mkdtemp(prefix="careerkb-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop(_CACHE_DIR, ""), ignore_errors=True)


@pytest.fixture(autouse=True)
def _knowledge_base_for_doctests(doctest_namespace: dict[str, Any]) -> None:
    doctest_namespace["kb"] = _shipped()


@functools.cache
def _shipped() -> careerkb.KnowledgeBase:
    return careerkb.load()
