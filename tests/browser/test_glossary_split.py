"""A glossary split into pages of letters, in a browser: the filter on the glossary page finds
terms on every page, and an address of a term that moved to a page of letters is sent on to it.

The site is tests/roots/test-glossary-split (six terms, split above three), built once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import serve

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Page

ROOT = Path(__file__).parents[1] / "roots" / "test-glossary-split"


@pytest.fixture(scope="module")
def split_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    source = Path(shutil.copytree(ROOT, tmp_path_factory.mktemp("split") / "source"))
    out = source.parent / "html"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", str(source), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    with serve(out) as address:
        yield address


def _results(page: Page) -> list[tuple[str, str]]:
    links = page.locator("#careerkb-glossary-results > dt > a")
    return [
        (text, href)
        for text, href in zip(
            links.all_inner_texts(),
            links.evaluate_all("(links) => links.map((link) => link.getAttribute('href'))"),
            strict=True,
        )
    ]


def test_the_filter_on_the_glossary_page_finds_terms_on_every_page(page: Page, split_url: str) -> None:
    page.goto(f"{split_url}/glossary.html")
    page.get_by_label("Filter the glossary").fill("rag")
    assert _results(page)[0] == (
        "Retrieval-Augmented Generation",
        "./d-z.html#term-retrieval-augmented-generation",
    )
    count = page.locator(".careerkb-filter-count")
    assert count.inner_text() == "1 of 6 terms matches \u201crag\u201d"
    assert page.locator("#glossary-letters").is_hidden()
    # A word of a definition on another page, highlighted in the result.
    page.get_by_label("Filter the glossary").fill("pieces")
    assert _results(page) == [("Chunking", "./a-c.html#term-chunking")]
    assert page.locator("#careerkb-glossary-results mark").all_inner_texts() == ["pieces"]
    assert "filter=pieces" in page.url
    page.get_by_label("Filter the glossary").press("Escape")
    assert page.locator("#careerkb-glossary-results").is_hidden()
    assert page.locator("#glossary-letters").is_visible()
    assert page.locator(".careerkb-filter-count").inner_text() == "All 6 terms"


def test_a_page_of_letters_filters_the_whole_glossary_and_hides_its_own_terms(
    page: Page, split_url: str
) -> None:
    page.goto(f"{split_url}/a-c.html?filter=embedding")
    assert _results(page) == [("Embeddings", "./d-z.html#term-embeddings")]
    assert page.locator("dl.careerkb-glossary:not(#careerkb-glossary-results)").first.is_hidden()


def test_an_address_of_a_term_on_another_page_is_sent_on_to_it(page: Page, split_url: str) -> None:
    page.goto(f"{split_url}/glossary.html#term-embeddings")
    page.wait_for_url("**/d-z.html#term-embeddings")
    assert page.locator("#term-embeddings").is_visible()
    page.goto(f"{split_url}/glossary.html#glossary-c")
    page.wait_for_url("**/a-c.html#glossary-c")
    # An address the glossary does not know stays where it is.
    page.goto(f"{split_url}/glossary.html#term-nothing")
    page.wait_for_timeout(300)
    assert page.url.endswith("/glossary.html#term-nothing")
