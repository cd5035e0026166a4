"""The "which path fits you?" chooser: ticking one role's reasons names that role first.

Which reasons belong to which role is read from the page's own JSON, never written here, so the
tests follow the data.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

BUTTON = "Show my match"


@pytest.fixture
def errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions on the page; each test ends by expecting none."""
    found: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.append(f"{message.text} ({message.location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def _open(page: Page, base_url: str) -> dict[str, Any]:
    page.goto(f"{base_url}/chooser.html")
    page.locator("form.careerkb-chooser-form").wait_for()
    data: dict[str, Any] = json.loads(page.locator("#careerkb-chooser-data").text_content() or "")
    return data


def _reasons(data: dict[str, Any], role: str) -> list[str]:
    return [criterion["text"] for criterion in data["criteria"] if criterion["role"] == role]


def _target_role(data: dict[str, Any]) -> str:
    """The role with the most reasons; on a tie, the last in the data, so order alone can't win."""
    order = list(dict.fromkeys(criterion["role"] for criterion in data["criteria"]))
    return max(reversed(order), key=lambda role: len(_reasons(data, role)))


def test_ticking_one_roles_reasons_names_that_role_first(
    page: Page, base_url: str, errors: list[str]
) -> None:
    data = _open(page, base_url)
    role = _target_role(data)
    reasons = _reasons(data, role)
    assert len(reasons) >= 2, "the shipped data should give the target role several reasons"
    # One reason of another role as well, from the role listed first, so the ranking must count.
    other = next(c for c in data["criteria"] if c["role"] != role)
    for text in [other["text"], *reasons]:
        page.get_by_label(text, exact=True).check()
    page.get_by_role("button", name=BUTTON).click()

    result = page.locator(".careerkb-chooser-result")
    best = result.locator(".careerkb-chooser-best .careerkb-chooser-role")
    assert best.inner_text() == data["roles"][role]["title"]
    assert result.locator(".careerkb-chooser-role").first.inner_text() == data["roles"][role]["title"]
    assert best.get_attribute("href") == data["roles"][role]["url"]
    count = result.locator(".careerkb-chooser-count").inner_text()
    assert count == f"You ticked {len(reasons)} of the {len(reasons)} reasons that point here."
    others = result.locator(".careerkb-chooser-others li").all_inner_texts()
    assert others[0].startswith(data["roles"][other["role"]]["title"])
    assert result.get_attribute("aria-live") == "polite"
    assert errors == []

    # The link leads to the role's page (which may log errors of its own, such as a favicon).
    best.click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith(data["roles"][role]["url"].split("#")[0])


def test_with_nothing_ticked_the_result_asks_for_a_tick(page: Page, base_url: str, errors: list[str]) -> None:
    data = _open(page, base_url)
    page.get_by_role("button", name=BUTTON).click()
    prompt = page.locator(".careerkb-chooser-result .careerkb-chooser-prompt")
    assert "Tick at least one" in prompt.inner_text()
    assert page.locator(".careerkb-chooser-result .careerkb-chooser-best").count() == 0
    # Every criterion is a labelled checkbox.
    assert page.get_by_role("checkbox").count() == len(data["criteria"])
    assert errors == []


def test_the_chooser_works_from_the_keyboard(page: Page, base_url: str, errors: list[str]) -> None:
    data = _open(page, base_url)
    role = _target_role(data)
    first = page.get_by_label(_reasons(data, role)[0], exact=True)
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    page.keyboard.press("Enter")  # submits the form, as the button would
    best = page.locator(".careerkb-chooser-best .careerkb-chooser-role")
    assert best.inner_text() == data["roles"][role]["title"]
    page.get_by_role("button", name=BUTTON).focus()
    page.keyboard.press("Space")
    assert best.inner_text() == data["roles"][role]["title"]
    assert errors == []


def test_the_form_fits_a_narrow_phone_screen(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/chooser.html")
    form = page.locator("form.careerkb-chooser-form")
    form.wait_for()
    box = form.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 375
    assert form.evaluate("element => element.scrollWidth <= element.clientWidth")
    context.close()


def test_without_javascript_the_table_is_all_there_is(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/chooser.html")
    data = json.loads(page.locator("#careerkb-chooser-data").text_content() or "")
    rows = page.locator("table.careerkb-chooser-table tbody tr")
    assert rows.count() == len(data["criteria"])
    assert page.locator("form.careerkb-chooser-form").count() == 0
    context.close()
