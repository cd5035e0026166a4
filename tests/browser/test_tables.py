"""The roles directory sorts in the browser, and is a complete table without JavaScript."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


def _first_column(page: Page) -> list[str]:
    return page.locator(
        "table.careerkb-roles-directory tbody tr td:first-child, "
        "table.careerkb-roles-directory tbody tr th:first-child"
    ).all_inner_texts()


# Tier by tier in the map's order, alphabetically within a tier.
BY_TIER = [
    "Applied Scientist",
    "Research Engineer",
    "Research Scientist",
    "Agentic AI Developer",
    "AI Engineer",
    "Machine Learning Engineer",
    "Data Engineer for ML",
    "ML Systems Engineer",
    "MLOps Engineer",
    "AI Red Teamer",
    "AI Safety / Alignment Researcher",
    "Evals Specialist",
    "Prompt Engineer",
]


def _entry_pay(page: Page) -> list[str]:
    column = ["Role", "Tier", "In one line", "Status", "Entry pay", "Demand"].index("Entry pay") + 1
    return page.locator(f"table.careerkb-roles-directory tbody tr > :nth-child({column})").all_inner_texts()


def _first_figure(text: str) -> float:
    match = re.search(r"\$([\d.]+)K", text)
    assert match, text
    return float(match[1])


def test_the_roles_directory_sorts_by_a_column_on_click(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/roles/index.html")
    assert _first_column(page) == BY_TIER
    unpaid = {
        "Applied Scientist",
        "Research Engineer",
        "Research Scientist",
        "ML Systems Engineer",
        "Prompt Engineer",
    }
    header = page.get_by_role("button", name="Sort by Entry pay")
    header.click()
    # Lowest entry pay first; roles with no entry band go last, in their earlier order.
    pays = _entry_pay(page)
    with_band = [text for text in pays if text != "—"]
    assert [_first_figure(text) for text in with_band] == sorted(_first_figure(text) for text in with_band)
    assert pays[len(with_band) :] == ["—"] * len(unpaid)
    assert set(_first_column(page)[len(with_band) :]) == unpaid
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("Entry pay")
    header.click()
    assert page.locator("th[aria-sort=descending]").count() == 1
    assert set(_first_column(page)[: len(unpaid)]) == unpaid


def test_without_javascript_the_directory_is_a_plain_complete_table(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/roles/index.html")
    assert _first_column(page) == BY_TIER
    assert page.locator("button.careerkb-sort").count() == 0
    context.close()
