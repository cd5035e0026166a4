"""What a new reader meets with the keyboard, on a phone and in the dark theme (issue 14).

Every focus stop shows a visible indicator; a linked card takes the focus before the links inside
it, and a citation in its footer opens the citation; wide tables say they scroll and keep their
first column in view; term previews near the bottom of the window open upward; pages without
sub-pages have no primary sidebar.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import serve
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# What the focused element shows: its own outline or box shadow, or, for a linked card's title,
# the card's (the ring goes round the whole card); and its size.
FOCUS_STOP = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const ring = (style) =>
    (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) ||
    (style.boxShadow && style.boxShadow !== "none");
  const rect = element.getBoundingClientRect();
  return {
    name: element.tagName + " " + (element.textContent || element.getAttribute("aria-label") || "")
      .trim().slice(0, 40),
    ring: ring(getComputedStyle(element)) ||
      (element.matches(".careerkb-card-link") && ring(getComputedStyle(element.closest(".sd-card")))),
    size: rect.width * rect.height,
    key: element.tagName + (element.getAttribute("href") || "") + (element.id || "") + element.className,
  };
}"""


def _choose_theme(page: Page, theme: str) -> None:
    page.add_init_script(
        f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}');"
    )


def _tab_through(page: Page, stops: int) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STOP)
        if stop is None:
            break
        seen.append(stop)
    return seen


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("address", ["index.html", "glossary.html"])
def test_every_focus_stop_shows_a_visible_indicator(
    page: Page, base_url: str, address: str, theme: str
) -> None:
    _choose_theme(page, theme)
    page.goto(f"{base_url}/{address}")
    stops = _tab_through(page, 80)
    assert len(stops) >= 30, stops  # the header, the cards or the A-Z bar, the page's links
    invisible = [stop["name"] for stop in stops if not stop["ring"] or stop["size"] < 4]
    assert invisible == []


def test_tab_reaches_a_home_page_card_with_a_ring_round_the_whole_card(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/index.html")
    card_link = page.locator(".sd-card a.sd-stretched-link").first
    for _ in range(60):
        page.keyboard.press("Tab")
        if card_link.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first card")
    assert card_link.inner_text() == "Research"  # the card's title is its link
    card = page.locator(".sd-card").first
    assert card.evaluate("card => getComputedStyle(card).outlineStyle") == "solid"
    assert card.evaluate("card => parseFloat(getComputedStyle(card).outlineWidth)") >= 2
    # Drawn outside the card, so nothing the card clips can hide it.
    assert card.evaluate("card => parseFloat(getComputedStyle(card).outlineOffset)") >= 0
    box = card.bounding_box()
    assert box is not None
    assert box["height"] > 100


# --- a card with a citation in its footer ---------------------------------------------------------

CARD_PAGE = """# Cards

::::{grid} 1 1 2 2
:gutter: 3

:::{grid-item-card} Builder pay
:link: other
:link-type: doc
What builders earn.

```{card-footer}
Entry pay {careerkb:figure}`builder-entry`
```
:::
::::

```{toctree}
:hidden:

other
sources
```
"""


@pytest.fixture(scope="module")
def card_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site whose linked card has a citation in its footer, served on 127.0.0.1."""
    import shutil

    source = tmp_path_factory.mktemp("card-source")
    shutil.copytree(FIXTURES / "minimal", source / "data")
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "careerkb.sphinxext"]\n'
        'html_theme = "pydata_sphinx_theme"\ncareerkb_data_dir = "data"\n'
        'myst_enable_extensions = ["colon_fence"]\ncareerkb_require_all_rendered = False\n',
        encoding="utf-8",
    )
    (source / "index.md").write_text(CARD_PAGE, encoding="utf-8")
    (source / "other.md").write_text("# Other\n\nThe card's page.\n", encoding="utf-8")
    (source / "sources.md").write_text("# Sources\n\n```{careerkb:sources}\n```\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("card-site")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(source), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with serve(out) as address:
        yield address


def test_a_citation_in_a_card_footer_opens_the_citation_not_the_card(page: Page, card_site: str) -> None:
    page.goto(f"{card_site}/index.html")
    citation = page.locator(".sd-card-footer a").first
    assert "sources" not in page.url
    with page.expect_navigation():
        citation.click()
    assert "#source-" in page.url, page.url
    page.goto(f"{card_site}/index.html")
    # Anywhere else on the card opens the card: the stretched link lies over the card's text.
    text = page.locator(".sd-card-body p").first.bounding_box()
    assert text is not None
    with page.expect_navigation():
        page.mouse.click(text["x"] + text["width"] / 2, text["y"] + text["height"] / 2)
    assert page.url.endswith("/other.html")


def test_tab_reaches_the_card_before_the_citation_in_its_footer(page: Page, card_site: str) -> None:
    page.goto(f"{card_site}/index.html")
    order = []
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.closest('.sd-card') && document.activeElement.href")
        if href:
            order.append(href.rsplit("/", 1)[-1])
    assert order[0] == "other.html"
    assert any("#source-" in href for href in order[1:]), order


# --- phones ---------------------------------------------------------------------------------------


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    yield context.new_page()
    context.close()


def test_a_wide_comparison_table_says_it_scrolls_and_keeps_its_first_column(
    phone: Page, base_url: str
) -> None:
    phone.goto(f"{base_url}/compare/mle-vs-ai-engineer.html")
    container = phone.locator(".pst-scrollable-table-container").first
    assert container.evaluate("box => box.scrollWidth > box.clientWidth")
    hint = phone.locator(".careerkb-scroll-hint").first
    assert hint.is_visible()
    assert "Scroll sideways" in hint.inner_text()
    first_cell = container.locator("tbody tr:first-child > :first-child")
    second_cell = container.locator("tbody tr:first-child > :nth-child(2)")
    before, second_before = first_cell.bounding_box(), second_cell.bounding_box()
    scrolled = container.evaluate("box => { box.scrollLeft = box.scrollWidth; return box.scrollLeft; }")
    after, second_after = first_cell.bounding_box(), second_cell.bounding_box()
    assert before is not None
    assert after is not None
    assert second_before is not None
    assert second_after is not None
    assert scrolled > 20
    assert abs(after["x"] - before["x"]) <= 1  # the first column stayed where it was ...
    assert abs((second_before["x"] - second_after["x"]) - scrolled) <= 1  # ... and the rest moved


def test_table_captions_wrap_within_the_screen(phone: Page, base_url: str) -> None:
    phone.goto(f"{base_url}/pay.html")
    captions = phone.locator(".pst-scrollable-table-container caption .caption-text")
    assert captions.count() > 3
    cut = captions.evaluate_all(
        "spans => spans.filter(span => span.getBoundingClientRect().right > innerWidth)"
        ".map(span => span.textContent)"
    )
    assert cut == []


def test_a_chart_caption_is_its_title_not_the_table_again(phone: Page, base_url: str) -> None:
    phone.goto(f"{base_url}/pay.html")
    caption = phone.locator("figure.careerkb-chart figcaption").first
    assert len(caption.inner_text()) < 120
    title = phone.locator("figure.careerkb-chart .careerkb-chart-title").first
    assert title.evaluate("title => getComputedStyle(title).display") == "block"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_charts_follow_the_theme(page: Page, base_url: str, theme: str) -> None:
    _choose_theme(page, theme)
    page.goto(f"{base_url}/pay.html")
    image = page.locator("img.careerkb-chart-image").first
    background = image.evaluate("image => getComputedStyle(image.closest('figure')).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent")
    inverted = "invert(1)" in image.evaluate("image => getComputedStyle(image).filter")
    assert inverted == (theme == "dark")


# --- previews and sidebars --------------------------------------------------------------------------


def _preview_of_a_link(page: Page, scroll: str) -> tuple[dict[str, float], dict[str, float]]:
    """Where the preview of the page's first RAG link opens, and where the link is, once
    ``scroll`` (a function of the link) has scrolled the window."""
    link = page.locator('article a[href$="glossary.html#term-retrieval-augmented-generation"]').first
    link.evaluate(scroll)
    link.hover()
    preview = page.locator("#careerkb-preview")
    preview.wait_for(state="visible")
    box, anchor = preview.bounding_box(), link.bounding_box()
    assert box is not None
    assert anchor is not None
    return dict(box), dict(anchor)


def test_a_preview_near_the_bottom_of_the_window_opens_upward(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/index.html")
    # The link a few pixels above the window's bottom edge.
    box, anchor = _preview_of_a_link(
        page, "link => window.scrollBy(0, link.getBoundingClientRect().bottom - innerHeight + 8)"
    )
    assert box["y"] + box["height"] <= anchor["y"]  # above the link
    assert box["y"] >= 0  # and wholly inside the window


def test_a_preview_with_room_below_still_opens_downward(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/index.html")
    box, anchor = _preview_of_a_link(
        page, "link => window.scrollBy(0, link.getBoundingClientRect().top - 100)"
    )
    assert box["y"] >= anchor["y"] + anchor["height"]


@pytest.mark.parametrize(
    ("address", "has_sidebar"),
    [
        ("pay.html", False),
        ("glossary.html", False),
        ("chooser.html", False),
        ("roles/machine-learning-engineer.html", True),
        ("compare/mle-vs-ai-engineer.html", True),
    ],
)
def test_only_pages_with_a_section_to_navigate_show_the_primary_sidebar(
    page: Page, base_url: str, address: str, has_sidebar: bool
) -> None:
    page.goto(f"{base_url}/{address}")
    sidebar = page.locator("#pst-primary-sidebar")
    assert sidebar.is_visible() == has_sidebar
    if has_sidebar:
        assert page.locator("#pst-primary-sidebar nav.bd-docs-nav li").count() > 1


# --- finding the chooser ----------------------------------------------------------------------------

READER_PAGES = [
    "interviews.html",
    "choosing.html",
    "chooser.html",
    "glossary.html",
    "official-statistics.html",
    "sources.html",
]


def test_the_more_menu_lists_reader_pages_first_and_contributor_pages_under_one_entry(
    page: Page, base_url: str
) -> None:
    page.goto(f"{base_url}/pay.html")
    menu = page.locator("#pst-nav-more-links a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert menu == [*READER_PAGES, "contributing.html"]
    page.goto(f"{base_url}/contributing.html")
    grouped = page.locator("#pst-primary-sidebar nav.bd-docs-nav a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert {"reuse.html", "reference.html", "performance.html"} <= set(grouped)


def test_the_choosing_page_links_the_chooser_before_its_first_section(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/index.html")
    page.locator(".sd-card", has_text="Not sure which role fits?").locator("a.careerkb-card-link").click()
    page.wait_for_url("**/choosing.html")
    intro = page.locator("article section > p").evaluate_all(
        """paragraphs => paragraphs
          .filter(p => !p.closest("section section"))
          .flatMap(p => [...p.querySelectorAll("a")].map(a => a.getAttribute("href")))"""
    )
    assert "chooser.html" in intro
