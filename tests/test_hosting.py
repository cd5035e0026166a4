"""Hosting the handbook: sitemap, canonical links, link previews, the 404 page, settings checks,
intersphinx. The 404 page comes from sphinx-notfound-page; the tests of the ecosystem's
extensions show the gaps careerkb's own code fills (see careerkb/sphinxext/hosting.py).

Built by Sphinx from tests/roots/test-directives (or a one-page project) on the minimal data.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sphinx.errors import ConfigError

from tests.conftest import FIXTURES, build, warnings_of, write_project

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

MINIMAL = {"careerkb_data_dir": str(FIXTURES / "minimal")}
BASE = "https://kb.example.org/en/latest/"
HOSTED = {**MINIMAL, "html_baseurl": BASE}
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _meta(page: str, key: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)" />', page)
    return found.group(1) if found else None


@pytest.mark.sphinx("html", testroot="directives", srcdir="hosting-hosted", confoverrides=HOSTED)
def test_the_sitemap_lists_every_page_at_its_absolute_address(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    tree = ET.parse(Path(app.outdir) / "sitemap.xml")
    assert tree.getroot().tag == f"{SITEMAP_NS}urlset"
    locs = [loc.text for loc in tree.getroot().iter(f"{SITEMAP_NS}loc")]
    expected = sorted(f"{BASE}{name}.html" for name in app.env.found_docs)
    assert locs == expected
    assert f"{BASE}roles/builder.html" in locs
    assert not list(tree.getroot().iter(f"{SITEMAP_NS}lastmod"))  # no dates: reproducible
    robots = (Path(app.outdir) / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots


@pytest.mark.sphinx("html", testroot="directives", srcdir="hosting-hosted", confoverrides=HOSTED)
def test_pages_name_their_canonical_address_and_carry_link_previews(app: SphinxTestApp) -> None:
    app.build()
    page = (Path(app.outdir) / "roles" / "builder.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}roles/builder.html" />' in page
    assert _meta(page, "og:url") == f"{BASE}roles/builder.html"
    assert _meta(page, "og:type") == "website"
    assert _meta(page, "og:site_name") == app.config.project
    assert _meta(page, "og:title")
    assert _meta(page, "twitter:card") == "summary"


@pytest.mark.sphinx("html", testroot="directives", srcdir="hosting-unhosted", confoverrides=MINIMAL)
def test_without_a_base_url_there_is_no_sitemap_and_no_canonical_link(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    assert not (Path(app.outdir) / "sitemap.xml").exists()
    assert not (Path(app.outdir) / "robots.txt").exists()
    page = (Path(app.outdir) / "links.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in page
    assert _meta(page, "og:url") is None
    assert _meta(page, "og:title")  # the other previews do not need an address


PAGE = """\
# Careful <b>here</b>

Pages may mention `<script>alert("x")</script>` & other markup; previews show it as text.

Second paragraph, not part of the preview.
"""


def test_the_preview_description_is_the_first_paragraph_escaped(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = write_project(tmp_path, PAGE, f"careerkb_data_dir = {str(FIXTURES / 'minimal')!r}\n")
    app = make_app("html", srcdir=project)
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    description = _meta(page, "og:description")
    assert description == (
        "Pages may mention &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; other markup; "
        "previews show it as text."
    )
    assert _meta(page, "twitter:description") == description
    assert "<script>alert" not in page
    assert _meta(page, "og:title") == "Careful &lt;b&gt;here&lt;/b&gt;"


def test_a_long_first_paragraph_is_cut_to_200_characters(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    long = " ".join(["word"] * 100)
    project = write_project(
        tmp_path, f"# Long\n\n{long}\n", f"careerkb_data_dir = {str(FIXTURES / 'minimal')!r}\n"
    )
    app = make_app("html", srcdir=project)
    app.build()
    description = _meta((Path(app.outdir) / "index.html").read_text(encoding="utf-8"), "og:description")
    assert description is not None
    assert len(description) <= 200
    assert description.endswith("word…")


NOT_FOUND = "---\norphan: true\n---\n# Not found\n\nTry the {doc}`front page <index>`.\n"


def _not_found_project(folder: Path, extensions: str) -> Path:
    conf = f"extensions = {extensions}\nnotfound_urls_prefix = '/en/latest/'\n"
    conf += f"careerkb_data_dir = {str(FIXTURES / 'minimal')!r}\n"
    (folder / "conf.py").write_text(conf, encoding="utf-8")
    (folder / "index.md").write_text("# Home\n\n```{toctree}\n```\n", encoding="utf-8")
    (folder / "404.md").write_text(NOT_FOUND, encoding="utf-8")
    return folder


def test_the_404_page_links_from_the_sites_root_path(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    project = _not_found_project(tmp_path, '["myst_parser", "notfound.extension", "careerkb.sphinxext"]')
    app = make_app("html", srcdir=project, confoverrides={"html_baseurl": BASE})
    app.build()
    assert warnings_of(app) == []
    page = (Path(app.outdir) / "404.html").read_text(encoding="utf-8")
    assert 'href="/en/latest/_static/' in page  # sphinx-notfound-page's part
    assert 'href="/en/latest/index.html"' in page  # careerkb's: the page's own links
    assert "404.html" not in (Path(app.outdir) / "sitemap.xml").read_text(encoding="utf-8")
    # Other pages keep their relative links.
    assert 'href="_static/' in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")


def test_sphinx_notfound_page_alone_leaves_the_pages_own_links_relative(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    # The gap careerkb fills (hosting.py): when this fails, sphinx-notfound-page roots them itself.
    app = make_app("html", srcdir=_not_found_project(tmp_path, '["myst_parser", "notfound.extension"]'))
    app.build()
    page = (Path(app.outdir) / "404.html").read_text(encoding="utf-8")
    assert 'href="/en/latest/_static/' in page
    assert 'href="index.html"' in page


def test_sphinxext_opengraph_runs_words_into_inline_code_and_leads_with_the_title(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    # Why careerkb writes its own link previews (hosting.py): when this fails, it may not need to.
    (tmp_path / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinxext.opengraph"]\nogp_site_url = "{BASE}"\n'
        'ogp_social_cards = {"enable": False}\n',
        encoding="utf-8",
    )
    (tmp_path / "index.md").write_text(PAGE, encoding="utf-8")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    description = _meta((Path(app.outdir) / "index.html").read_text(encoding="utf-8"), "og:description")
    assert description is not None
    assert description.startswith("Careful here")
    assert "mention&lt;script&gt;" in description


@pytest.mark.filterwarnings("ignore::sphinx.deprecation.RemovedInSphinx11Warning")  # one more gap
def test_sphinx_sitemap_forgets_the_pages_an_incremental_build_does_not_write(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    # Why careerkb writes its own sitemap (hosting.py): when this fails, sphinx-sitemap may do.
    (tmp_path / "conf.py").write_text(
        f'extensions = ["sphinx_sitemap"]\nhtml_baseurl = "{BASE}"\nsitemap_url_scheme = "{{link}}"\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   a\n   b\n", encoding="utf-8")
    (tmp_path / "a.rst").write_text("A\n=\n\nText.\n", encoding="utf-8")
    (tmp_path / "b.rst").write_text("B\n=\n\nText.\n", encoding="utf-8")
    sitemap = Path(build(make_app, tmp_path).outdir) / "sitemap.xml"
    assert f"{BASE}a.html" in sitemap.read_text(encoding="utf-8")
    (tmp_path / "b.rst").write_text("B\n=\n\nOther text.\n", encoding="utf-8")
    build(make_app, tmp_path)
    assert f"{BASE}a.html" not in sitemap.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("conf", "message"),
    [
        (
            "careerkb_data_dir = 'no-such-data'\n",
            r"careerkb_data_dir = 'no-such-data' in conf\.py: no such folder \(resolved to .*no-such-data\)",
        ),
        (
            "careerkb_max_age_days = -1\n",
            r"careerkb_max_age_days = -1 in conf\.py: give a whole number of days",
        ),
        ("careerkb_max_age_days = True\n", r"careerkb_max_age_days = True in conf\.py"),
        (
            "careerkb_today = '2026-02-30'\n",
            r"careerkb_today = '2026-02-30' in conf\.py: give a date as 'YYYY-MM-DD'",
        ),
        ("careerkb_today = 20261201\n", r"careerkb_today = 20261201 in conf\.py: give a date"),
        ("careerkb_json_api = 'yes'\n", r"careerkb_json_api = 'yes' in conf\.py: give True or False"),
        (
            "careerkb_glossary_split_at = -5\n",
            r"careerkb_glossary_split_at = -5 in conf\.py: give a whole number of terms, 1 or more",
        ),
        (
            "careerkb_glossary_split_at = '500'\n",
            r"careerkb_glossary_split_at = '500' in conf\.py: give a whole",
        ),
        (
            "careerkb_glossary_split_at = 2.5\n",
            r"careerkb_glossary_split_at = 2\.5 in conf\.py: give a whole",
        ),
        (
            "careerkb_require_all_rendered = 1\n",
            r"careerkb_require_all_rendered = 1 in conf\.py: give True or False",
        ),
    ],
)
def test_a_wrong_setting_stops_the_build_with_a_clear_message(
    make_app: type[SphinxTestApp], tmp_path: Path, conf: str, message: str
) -> None:
    project = write_project(tmp_path, "# Home\n", conf)
    with pytest.raises(ConfigError, match=message):
        make_app("html", srcdir=project)


def test_zero_turns_the_age_check_off_and_is_accepted(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    conf = f"careerkb_data_dir = {str(FIXTURES / 'minimal')!r}\ncareerkb_max_age_days = 0\n"
    app = make_app("html", srcdir=write_project(tmp_path, "# Home\n", conf))
    app.build()
    assert warnings_of(app) == []


OUTSIDE = """\
# Our team

New to {external+careerkb:std:term}`RAG`? Read the
{external+careerkb:doc}`roles/builder` profile.

A site without careerkb's extension has no `careerkb` domain, so it links to a role's page.
"""


def test_another_site_links_to_careerkb_terms_and_roles_through_intersphinx(
    make_app: type[SphinxTestApp], tmp_path: Path, rootdir: Path
) -> None:
    shutil.copytree(rootdir / "test-directives", tmp_path / "careerkb-site")
    first = make_app("html", srcdir=tmp_path / "careerkb-site", confoverrides=MINIMAL)
    first.build()
    assert warnings_of(first) == []
    outdir = Path(first.outdir)
    assert (outdir / "objects.inv").is_file()

    project = tmp_path / "outside"
    project.mkdir()
    (project / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx", "myst_parser"]\n'
        "nitpicky = True\n"
        f"intersphinx_mapping = {{'careerkb': ({str(outdir)!r}, {str(outdir / 'objects.inv')!r})}}\n",
        encoding="utf-8",
    )
    (project / "index.md").write_text(OUTSIDE, encoding="utf-8")
    second = make_app("html", srcdir=project)
    second.build()
    # A second app in one process re-registers Sphinx's own nodes: not this test's concern.
    assert [line for line in warnings_of(second) if "is already registered" not in line] == []
    page = (Path(second.outdir) / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a class="reference external" href="([^"]+)"', page)
    assert any(href.endswith("glossary.html#term-retrieval-augmented-generation") for href in hrefs), hrefs
    assert any(href.endswith("roles/builder.html") for href in hrefs), hrefs
    assert "Model Builder" in page  # the page's title, from the inventory
    assert all(href.startswith(str(outdir)) for href in hrefs), hrefs
