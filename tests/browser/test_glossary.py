"""The glossary page in a browser: filter, count, highlight, shareable address, deep links, copy."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


def _visible_terms(page: Page) -> list[str]:
    texts = page.locator("dl.careerkb-glossary > dt:visible").all_inner_texts()
    return [text.replace("Copy link", "").strip("#¶ \n") for text in texts]


def test_the_filter_narrows_counts_highlights_and_clears(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    total = page.locator("dl.careerkb-glossary > dt").count()
    count = page.locator(".careerkb-filter-count")
    assert count.inner_text() == f"All {total} terms"

    page.get_by_label("Filter the glossary").fill("LoRA")
    shown = _visible_terms(page)
    assert "Low-Rank Adaptation" in shown
    assert 0 < len(shown) < total
    assert count.inner_text() == f"{len(shown)} of {total} terms match \u201cLoRA\u201d"
    assert page.locator("mark.careerkb-match").count() >= 1
    assert "filter=LoRA" in page.url

    page.get_by_label("Filter the glossary").fill("")
    assert len(_visible_terms(page)) == total
    assert page.locator("mark.careerkb-match").count() == 0
    assert "filter=" not in page.url


def test_a_filter_in_the_address_is_applied_on_arrival(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html?filter=vector")
    assert page.get_by_label("Filter the glossary").input_value() == "vector"
    assert "Vector database" in _visible_terms(page)
    assert "PyTorch" not in _visible_terms(page)


def test_the_filter_matches_definitions_and_aliases(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    page.get_by_label("Filter the glossary").fill("retrieval augmented")
    assert "Retrieval-Augmented Generation" in _visible_terms(page)


def test_a_deep_link_lands_on_the_term(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html#term-lora")
    term = page.locator("#term-lora")
    assert term.is_visible()
    box = term.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < page.viewport_size["height"]  # type: ignore[index]
    assert page.evaluate("window.scrollY") > 0


def test_the_copy_link_button_copies_the_terms_address(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(f"{base_url}/glossary.html")
    page.get_by_role("button", name="Copy a link to Low-Rank Adaptation").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/glossary.html#term-lora"
    context.close()


def test_the_letter_bar_jumps_to_a_letter(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    page.locator("a.careerkb-az-letter", has_text="V").click()
    assert page.url.endswith("#glossary-v")


def test_without_javascript_the_glossary_is_the_plain_complete_list(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/glossary.html?filter=LoRA")
    assert page.locator("#careerkb-glossary-filter").count() == 0
    assert (
        page.locator("dl.careerkb-glossary > dt:visible").count()
        == page.locator("dl.careerkb-glossary > dt").count()
    )
    assert page.locator("a.careerkb-az-letter").count() > 10
    context.close()
