"""The "which path fits you?" chooser, in Chromium, on the shipped handbook.

Personas tick where they start from and get the roles the sources name for that background;
the ranking is normalised, so a role cannot win by having more reasons listed; and the result
says which answers led there and whether the sources point two ways. Which answers point to
which role is read from the page's own JSON, except the personas' roles, which are what the
sources say and so are written here.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

BUTTON = "Show my match"

# Each persona's starting point, and the roles the sources name for it: episode 6's table for
# the first five, the tier episodes for data science.
PERSONAS = {
    "backend engineer": (
        "Strong software engineer",
        {"research-engineer", "machine-learning-engineer", "ai-engineer"},
    ),
    "DevOps or SRE": ("Systems or DevOps", {"ml-systems-engineer", "mlops-engineer"}),
    "security engineer": ("Security", {"ai-red-teamer"}),
    "PhD researcher": ("PhD or research-minded", {"research-scientist", "ai-safety-researcher"}),
    "QA engineer": ("QA or measurement mindset", {"evals-specialist"}),
    "data scientist": (
        "Data science",
        {"machine-learning-engineer", "applied-scientist", "evals-specialist"},
    ),
}


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
    return [
        answer["text"]
        for answer in data["answers"]
        if answer["kind"] == "preference" and answer["points"][0]["role"] == role
    ]


def _titles(data: dict[str, Any]) -> dict[str, str]:
    return {role["id"]: role["title"] for role in data["roles"]}


def _ranking(page: Page) -> list[str]:
    """The roles of the result, best first."""
    return page.locator(".careerkb-chooser-result .careerkb-chooser-role").all_inner_texts()


def _submit(page: Page, *answers: str) -> None:
    for text in answers:
        page.get_by_label(text, exact=True).check()
    page.get_by_role("button", name=BUTTON).click()


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_roles_the_sources_name_for_its_background_in_its_top_three(
    page: Page, base_url: str, errors: list[str], persona: str
) -> None:
    background, roles = PERSONAS[persona]
    data = _open(page, base_url)
    _submit(page, background)
    titles = _titles(data)
    top_three = _ranking(page)[:3]
    assert {titles[role] for role in roles} <= set(top_three), (persona, top_three)
    advice = page.locator(".careerkb-chooser-advice").inner_text()
    assert advice == "This agrees with what the sources advise for your background."
    why = page.locator(".careerkb-chooser-why").inner_text()
    assert why.startswith(f"Because of your background ({background}: "), why
    assert errors == []


def test_a_role_cannot_win_by_having_more_reasons_listed(
    page: Page, base_url: str, errors: list[str]
) -> None:
    data = _open(page, base_url)
    titles = _titles(data)
    counts = {role: len(_reasons(data, role)) for role in titles if _reasons(data, role)}
    many = max(counts, key=lambda role: counts[role])
    few = min(counts, key=lambda role: counts[role])
    assert counts[many] >= 2 * counts[few] + 1, counts
    # More ticks for the role with many reasons, but a smaller share of them.
    ticked_many = _reasons(data, many)[: counts[few] + 1]
    _submit(page, *ticked_many, *_reasons(data, few))
    assert _ranking(page)[:2] == [titles[few], titles[many]]
    why = page.locator(".careerkb-chooser-why").inner_text()
    assert why == f"Because of {counts[few]} of the {counts[few]} reasons the sources give for it."
    assert errors == []


def test_when_background_and_preferences_part_ways_the_result_says_so(
    page: Page, base_url: str, errors: list[str]
) -> None:
    data = _open(page, base_url)
    titles = _titles(data)
    # A security background, and every reason the sources give for the ML engineer.
    _submit(page, "Security", *_reasons(data, "machine-learning-engineer"))
    advice = page.locator(".careerkb-chooser-advice").inner_text()
    assert advice == (
        f"The sources point two ways here: for your background they name {titles['ai-red-teamer']}, "
        f"while what you enjoy points most to {titles['machine-learning-engineer']}. "
        "Read both profiles before you choose."
    )
    # Both count fully, so they tie; the role two sources name for the background comes first.
    assert _ranking(page)[:2] == [titles["ai-red-teamer"], titles["machine-learning-engineer"]]
    assert "just as strongly" in page.locator(".careerkb-chooser-tie").inner_text()
    assert errors == []


def test_the_best_fit_links_to_its_profile(page: Page, base_url: str, errors: list[str]) -> None:
    data = _open(page, base_url)
    _submit(page, "Security")
    best = page.locator(".careerkb-chooser-best .careerkb-chooser-role")
    role = next(role for role in data["roles"] if role["id"] == "ai-red-teamer")
    assert best.inner_text() == role["title"]
    assert best.get_attribute("href") == role["url"]
    assert page.locator(".careerkb-chooser-result").get_attribute("aria-live") == "polite"
    assert errors == []
    best.click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith(role["url"].split("#")[0])


def test_with_nothing_ticked_the_result_asks_for_a_tick(page: Page, base_url: str, errors: list[str]) -> None:
    data = _open(page, base_url)
    page.get_by_role("button", name=BUTTON).click()
    prompt = page.locator(".careerkb-chooser-result .careerkb-chooser-prompt")
    assert "Tick at least one" in prompt.inner_text()
    assert page.locator(".careerkb-chooser-result .careerkb-chooser-best").count() == 0
    # Every answer is a labelled checkbox, backgrounds in their own group first.
    assert page.get_by_role("checkbox").count() == len(data["answers"])
    legends = page.locator(".careerkb-chooser-legend").all_inner_texts()
    assert legends == ["Where are you starting from?", "What sounds like you?"]
    assert errors == []


def test_preferences_alone_ask_for_a_background_too(page: Page, base_url: str, errors: list[str]) -> None:
    data = _open(page, base_url)
    _submit(page, _reasons(data, "machine-learning-engineer")[0])
    assert (
        page.locator(".careerkb-chooser-advice").inner_text().startswith("Tick where you are starting from")
    )
    assert errors == []


def test_the_chooser_works_from_the_keyboard(page: Page, base_url: str, errors: list[str]) -> None:
    data = _open(page, base_url)
    first = page.get_by_label("Security", exact=True)
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    page.keyboard.press("Enter")  # submits the form, as the button would
    best = page.locator(".careerkb-chooser-best .careerkb-chooser-role")
    assert best.inner_text() == _titles(data)["ai-red-teamer"]
    page.get_by_role("button", name=BUTTON).focus()
    page.keyboard.press("Space")
    assert best.inner_text() == _titles(data)["ai-red-teamer"]
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
    assert rows.count() == len(data["answers"])
    assert page.locator("form.careerkb-chooser-form").count() == 0
    context.close()
