"""The theme's search finds glossary terms and roles by any of their names, and lists them first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page


def _results(page: Page, base_url: str, query: str) -> list[str]:
    page.goto(f"{base_url}/search.html?q={query}")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=15_000)
    return [href for href in (link.get_attribute("href") for link in results.all()) if href]


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("RAG", "glossary.html#term-retrieval-augmented-generation"),
        ("rag", "glossary.html#term-retrieval-augmented-generation"),
        ("LoRA", "glossary.html#term-lora"),
        ("vector database", "glossary.html#term-vector-database"),
        ("Machine Learning Engineer", "roles/machine-learning-engineer.html#role-machine-learning-engineer"),
        ("AI Agent Engineer", "roles/agentic-ai-developer.html#role-agentic-ai-developer"),
    ],
)
def test_a_term_or_role_name_is_the_first_result(page: Page, base_url: str, query: str, target: str) -> None:
    hrefs = _results(page, base_url, query)
    assert hrefs[0].endswith(target), hrefs[:5]
