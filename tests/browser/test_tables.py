"""The roles directory sorts in the browser, and is a complete table without JavaScript."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


def _first_column(page: Page) -> list[str]:
    return page.locator(
        "table.careerkb-roles-directory tbody tr td:first-child, "
        "table.careerkb-roles-directory tbody tr th:first-child"
    ).all_inner_texts()


def test_the_roles_directory_sorts_by_a_column_on_click(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/roles/index.html")
    assert _first_column(page) == [
        "Agentic AI Developer",
        "AI Engineer",
        "Machine Learning Engineer",
        "Prompt Engineer",
    ]
    header = page.get_by_role("button", name="Sort by Entry pay")
    header.click()
    # Lowest entry pay first; the Prompt Engineer, with no band, goes last.
    assert _first_column(page)[-1] == "Prompt Engineer"
    assert _first_column(page)[-2] == "Agentic AI Developer"
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("Entry pay")
    header.click()
    assert page.locator("th[aria-sort=descending]").count() == 1
    assert _first_column(page)[0] == "Prompt Engineer"


def test_without_javascript_the_directory_is_a_plain_complete_table(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/roles/index.html")
    assert len(_first_column(page)) == 4
    assert page.locator("button.careerkb-sort").count() == 0
    context.close()
