"""Every page of the handbook in Chromium: no console errors or failed requests, no sideways
scrolling on a 375 px phone, dark mode, and an axe-core accessibility audit in both themes.

Screenshots of the main views are saved under test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts" / "screenshots"
# axe-core rules we accept a finding of, each with the reason. Any other finding, of any impact
# (minor to critical), fails the audit.
TOLERATED: dict[str, str] = {}


@pytest.fixture(scope="module")
def pages(site: Path) -> list[str]:
    found = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if not path.relative_to(site).parts[0].startswith(("_", "."))
    )
    assert len(found) > 20
    return found


def test_no_console_errors_or_failed_requests_on_any_page(
    page: Page, base_url: str, pages: list[str]
) -> None:
    problems: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith((base_url, "data:", "blob:")) else None
        ),
    )
    # A request cut short because the test went on to the next page (Chromium asks for the
    # favicon late, sometimes after the network fell quiet) is not the site's fault; a file
    # that is missing answers 404, which is caught below.
    page.on(
        "requestfailed",
        lambda request: (
            problems.append(f"failed ({request.failure}): {request.url}")
            if request.failure != "net::ERR_ABORTED"
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"HTTP {response.status}: {response.url}") if response.status >= 400 else None
        ),
    )
    for name in pages:
        page.goto(f"{base_url}/{name}", wait_until="networkidle")
    assert problems == [], problems
    assert outside == [], "the handbook must load nothing from another host"


def test_no_page_scrolls_sideways_on_a_375_px_phone(
    browser: Browser, base_url: str, pages: list[str]
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    page = context.new_page()
    too_wide = []
    for name in pages:
        page.goto(f"{base_url}/{name}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide.append(f"{name}: {width}px")
    context.close()
    assert too_wide == []


def test_the_theme_menu_switches_to_dark_mode_and_back(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/index.html")
    assert page.evaluate("document.documentElement.dataset.theme") == "light"  # Chromium's default

    def choose(mode: str) -> None:
        page.locator("button.theme-switch-button:visible").click()
        page.locator(f"button.theme-change-button[data-mode={mode}]:visible").click()

    choose("dark")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"  # the choice is kept
    choose("light")
    assert page.evaluate("document.documentElement.dataset.theme") == "light"


def _audit(page: Page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {len(violation['nodes'])} element(s)"
        for violation in results.response["violations"]
        if violation["id"] not in TOLERATED
    ]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(page: Page, base_url: str, pages: list[str], theme: str) -> None:
    page.add_init_script(
        f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}');"
    )
    failures = {}
    for name in pages:
        page.goto(f"{base_url}/{name}")
        assert page.evaluate("document.documentElement.dataset.theme") == theme
        found = _audit(page)
        if found:
            failures[name] = found
    assert failures == {}


def test_screenshots_of_the_main_views(page: Page, base_url: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    views = {
        "home": "index.html",
        "role": "roles/machine-learning-engineer.html",
        "glossary-filtered": "glossary.html?filter=agent",
        "pay-chart": "pay.html",
        "chooser": "chooser.html",
    }
    for name, address in views.items():
        page.goto(f"{base_url}/{address}")
        if name == "pay-chart":
            page.locator("figure.careerkb-chart").first.scroll_into_view_if_needed()
        target = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(target), full_page=name != "pay-chart")
        assert target.stat().st_size > 10_000
