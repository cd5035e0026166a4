"""Data carrying markup and scripts, seen in a real browser: nothing runs, nothing is injected,
in the pages, the glossary filter and its highlights, the previews or the chooser."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import _QuietHandler
from tests.test_injection import _hostile_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = _hostile_project(tmp_path_factory.mktemp("hostile"))
    out = project / "_build"
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(project), str(out)], check=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_no_script_from_the_data_runs_anywhere(browser: Browser, hostile_site: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for name in ("glossary", "roles/builder", "pay", "chooser", "compare", "links"):
        page.goto(f"{hostile_site}/{name}.html")
        assert page.locator("img[src=x]").count() == 0, name
    page.goto(f"{hostile_site}/glossary.html")
    page.get_by_label("Filter the glossary").fill("script")
    assert page.locator("mark.careerkb-match").count() > 0  # the markup is matched as text
    assert page.locator("dl.careerkb-glossary img, dl.careerkb-glossary script").count() == 0
    page.locator('dd a.reference[href$="#role-user"]').first.hover()  # the summary carries markup
    preview = page.locator("#careerkb-preview")
    preview.wait_for(state="visible")
    assert "<script>" in preview.inner_text()
    assert preview.locator("script, img").count() == 0
    page.goto(f"{hostile_site}/chooser.html")
    page.locator("input[type=checkbox]").first.check()
    page.get_by_role("button", name="Show my match").click()
    assert page.locator("main img[src=x], main script:not([type])").count() == 0
    assert dialogs == []
    page.close()
