"""Every address careerkb writes lands on a page and an anchor that exist, under each HTML builder.

``html``, ``dirhtml`` and ``singlehtml`` place pages differently (``x.html``, ``x/``, and one file
where a page is the fragment ``#document-x``), so links, backlinks, the chooser's role links,
the preview data and the JSON API's addresses are all followed here, as a browser would.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import build, directives_project

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

BUILDERS = ["html", "dirhtml", "singlehtml"]


def _project(tmp_path: Path) -> Path:
    """The directives project with the chooser page of tests/roots/test-chooser added."""
    project = directives_project(tmp_path / "project")
    chooser = Path(__file__).parent / "roots" / "test-chooser" / "chooser.md"
    shutil.copy(chooser, project / "chooser.md")
    index = project / "index.md"
    toctree = index.read_text(encoding="utf-8").replace("links\n", "links\nchooser\n")
    index.write_text(toctree, encoding="utf-8")
    return project


def _ids(page: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))


def _lands(root: Path, base: Path, address: str) -> str | None:
    """Why ``address``, written in a file in folder ``base``, goes nowhere; None when it lands."""
    parts = urlsplit(unescape(address))
    if parts.scheme or parts.netloc or address.startswith(("mailto:", "javascript:")):
        return None  # not the site's
    target = (base / unquote(parts.path)).resolve() if parts.path else None
    if target is not None and target.is_dir():
        target = target / "index.html"
    if target is not None and not target.is_file():
        return f"{address}: no file {target}"
    if parts.fragment and target is not None and parts.fragment not in _ids(target):
        return f"{address}: no id {parts.fragment!r} in {target.relative_to(root)}"
    return None


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_link_on_every_page_lands(make_app: type[SphinxTestApp], tmp_path: Path, builder: str) -> None:
    out = Path(build(make_app, _project(tmp_path), buildername=builder).outdir)
    pages = [page for page in out.rglob("*.html") if "_static" not in page.parts]
    assert len(pages) > 1 if builder != "singlehtml" else pages
    # The basic theme links the index and search pages, which singlehtml does not write: Sphinx's.
    unwritten = {"genindex.html", "search.html"} if builder == "singlehtml" else set()
    broken = []
    for page in pages:
        for address in re.findall(r'\bhref="([^"]+)"', page.read_text(encoding="utf-8")):
            if address in unwritten:
                continue
            if address.startswith("#"):
                lands = address == "#" or unescape(address[1:]) in _ids(page)
                problem = None if lands else f"{address}: no id"
            else:
                problem = _lands(out, page.parent, address)
            if problem:
                broken.append(f"{page.relative_to(out)}: {problem}")
    assert broken == []


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_chooser_links_each_role_to_its_profile(
    make_app: type[SphinxTestApp], tmp_path: Path, builder: str
) -> None:
    out = Path(build(make_app, _project(tmp_path), buildername=builder).outdir)
    marker = "careerkb-chooser-data"
    page = next(path for path in out.rglob("*.html") if marker in path.read_text(encoding="utf-8"))
    found = re.search(rf'id="{marker}">(.*?)</script>', page.read_text(encoding="utf-8"), re.DOTALL)
    assert found is not None
    urls = {role["id"]: role["url"] for role in json.loads(found.group(1))["roles"]}
    assert urls, "the chooser names no role"
    for role_id, url in urls.items():
        assert url is not None, role_id
        if url.startswith("#"):
            assert url[1:] in _ids(page), url
        else:
            assert _lands(out, page.parent, url) is None


@pytest.mark.parametrize("builder", BUILDERS)
def test_preview_and_api_addresses_land_from_the_site_root(
    make_app: type[SphinxTestApp], tmp_path: Path, builder: str
) -> None:
    out = Path(build(make_app, _project(tmp_path), buildername=builder).outdir)
    script = (out / "_static" / "careerkb-previews-data.js").read_text(encoding="utf-8")
    previews = json.loads(script.removeprefix("window.careerkbPreviewData = ").removesuffix(";\n"))
    addresses = [preview["url"] for preview in previews.values()]
    assert any("term-embeddings" in address for address in addresses)
    if (out / "api" / "v1").is_dir():
        for name in ("roles", "sources", "glossary"):
            urls = json.loads((out / "api" / "v1" / f"{name}.json").read_text(encoding="utf-8"))["urls"]
            addresses += [url for url in urls.values() if url]
    assert [problem for address in addresses if (problem := _lands(out, out, address))] == []
