"""The handbook served under a sub-path, as Read the Docs serves it (``/en/latest/``).

Every page must load its styles, scripts and images from there, its links must stay inside the
sub-path, and the 404 page, served for any missing address at any depth, must work too.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import _QuietHandler, build_handbook

if TYPE_CHECKING:
    from playwright.sync_api import Page, Response


PREFIX = "/en/latest/"


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook built as Read the Docs builds it, for an address with a path."""
    env = {**os.environ, "CAREERKB_BASEURL": f"https://careerkb.example.org{PREFIX}"}
    env.pop("READTHEDOCS_CANONICAL_URL", None)
    return build_handbook(tmp_path_factory.mktemp("hosted-site"), env)


class _SubPathHandler(_QuietHandler):
    """Serves the site under ``prefix``; anything missing gets 404.html with status 404."""

    def __init__(self, *args: Any, prefix: str, site: Path, **kwargs: Any) -> None:
        self.prefix = prefix
        self.site = site
        super().__init__(*args, directory=str(site), **kwargs)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(self.site / "no such file")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_FOUND:
            super().send_error(code, message, explain)
            return
        body = (self.site / "404.html").read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def hosted_url(hosted_site: Path) -> Iterator[str]:
    prefix = PREFIX
    handler = functools.partial(_SubPathHandler, prefix=prefix, site=hosted_site)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    server.shutdown()
    server.server_close()


def _visit(page: Page, url: str) -> tuple[Response | None, list[str]]:
    """Open a page; every request besides the page itself that failed or did not answer 2xx/3xx."""
    problems: list[str] = []
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))

    def check(response: Response) -> None:
        if response.url != url and response.status >= 400:
            problems.append(f"{response.status}: {response.url}")

    page.on("response", check)
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    return response, problems


def test_the_404_page_starts_its_links_from_the_sub_path(hosted_site: Path) -> None:
    page = (hosted_site / "404.html").read_text(encoding="utf-8")
    addresses = re.findall(r'\b(?:href|src)="([^"]+)"', page)
    relative = [a for a in addresses if not a.startswith((PREFIX, "#", "https:", "http:", "mailto:"))]
    assert relative == []
    assert f'href="{PREFIX}glossary.html"' in page


@pytest.mark.parametrize(
    "path", ["", "index.html", "roles/ai-engineer.html", "glossary.html", "compare/index.html"]
)
def test_pages_load_every_asset_under_the_sub_path(page: Page, hosted_url: str, path: str) -> None:
    response, problems = _visit(page, hosted_url + path)
    assert response is not None
    assert response.status == 200
    assert problems == []
    # The theme's stylesheet applied: the header is laid out as a flex bar, not plain text.
    assert page.locator(".bd-header").evaluate("el => getComputedStyle(el).display") == "flex"


@pytest.mark.parametrize("path", ["missing.html", "some/missing/deep/page.html", "roles/gone/"])
def test_a_missing_address_at_any_depth_shows_a_working_404_page(
    page: Page, hosted_url: str, path: str
) -> None:
    response, problems = _visit(page, hosted_url + path)
    assert response is not None
    assert response.status == 404
    assert problems == []
    assert page.locator("h1").first.inner_text().startswith("Page not found")
    assert page.locator(".bd-header").evaluate("el => getComputedStyle(el).display") == "flex"
    page.locator("article a", has_text="Glossary").first.click()
    page.wait_for_load_state()
    assert page.url == hosted_url + "glossary.html"
    assert page.locator("h1").first.inner_text().startswith("Glossary")


def test_navbar_links_stay_under_the_sub_path(page: Page, hosted_url: str) -> None:
    _visit(page, hosted_url + "roles/ai-engineer.html")
    page.locator(".bd-header .navbar-nav a", has_text="Pay").first.click()
    page.wait_for_load_state()
    assert page.url == hosted_url + "pay.html"


def test_search_finds_rag_under_the_sub_path(page: Page, hosted_url: str) -> None:
    _response, problems = _visit(page, hosted_url + "search.html?q=RAG")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=15_000)
    assert problems == []
    href = results.first.get_attribute("href") or ""
    assert href.endswith("glossary.html#term-retrieval-augmented-generation"), href
    results.first.click()
    page.wait_for_load_state()
    assert page.url == hosted_url + "glossary.html#term-retrieval-augmented-generation"
