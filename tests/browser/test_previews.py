"""Term and role previews: on hover, on keyboard focus, closed by Escape; excerpts in search."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

RAG_LINK = 'a[href$="glossary.html#term-retrieval-augmented-generation"]'


def test_hovering_a_term_link_shows_its_short_definition(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/index.html")
    link = page.locator(f"article {RAG_LINK}").first
    link.hover()
    preview = page.locator("#careerkb-preview")
    preview.wait_for(state="visible")
    assert preview.locator("strong").inner_text() == "Retrieval-Augmented Generation (RAG)"
    assert preview.locator("p").inner_text().endswith(".")
    more = preview.locator("a").get_attribute("href") or ""
    assert more.endswith("glossary.html#term-retrieval-augmented-generation")
    assert link.get_attribute("aria-describedby") == "careerkb-preview"


def test_focusing_a_link_with_the_keyboard_shows_the_preview_and_escape_closes_it(
    page: Page, base_url: str
) -> None:
    page.goto(f"{base_url}/index.html")
    link = page.locator(f"article {RAG_LINK}").first
    link.focus()
    preview = page.locator("#careerkb-preview")
    preview.wait_for(state="visible")
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    assert link.get_attribute("aria-describedby") is None


def test_role_links_preview_the_role_summary(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/roles/index.html")
    role_link = 'article a[href$="machine-learning-engineer.html#role-machine-learning-engineer"]'
    page.locator(role_link).first.hover()
    preview = page.locator("#careerkb-preview")
    preview.wait_for(state="visible")
    assert preview.locator("strong").inner_text() == "Machine Learning Engineer"
    assert preview.locator("a").inner_text() == "Read the profile"


def test_search_results_for_a_term_carry_an_excerpt(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/search.html?q=LoRA")
    first = page.locator("#search-results ul.search li").first
    first.locator(".careerkb-excerpt").wait_for(timeout=15_000)
    assert first.locator("a").get_attribute("href").endswith("glossary.html#term-lora")
    assert len(first.locator(".careerkb-excerpt").inner_text()) > 20


# The last element of the page Tab reaches before the preview, which is appended to the body.
LAST_STOP_BEFORE_PREVIEW = """() => {
  const preview = document.getElementById("careerkb-preview");
  const stops = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
    .filter((element) => !preview.contains(element) && element.tabIndex >= 0 &&
      element.getClientRects().length > 0 &&
      (element.compareDocumentPosition(preview) & Node.DOCUMENT_POSITION_FOLLOWING));
  stops.at(-1).focus();
}"""


def test_tab_never_lands_in_an_open_preview(page: Page, base_url: str) -> None:
    # The preview's own link leads where the term link does, and the preview closes once focus
    # leaves the term: a keyboard user who tabbed into it would land on a link that vanishes.
    page.goto(f"{base_url}/index.html")
    page.locator(f"article {RAG_LINK}").first.hover()
    preview = page.locator("#careerkb-preview")
    preview.wait_for(state="visible")
    preview.hover()  # holds the preview open while the keyboard moves on
    page.evaluate(LAST_STOP_BEFORE_PREVIEW)
    page.keyboard.press("Tab")
    assert preview.is_visible()
    assert page.evaluate("() => !!document.activeElement.closest('#careerkb-preview')") is False
