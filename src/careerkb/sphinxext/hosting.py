"""What a hosted handbook needs beyond its pages: a sitemap, link previews and a 404 page.

* ``sitemap.xml`` and ``robots.txt``: when ``html_baseurl`` is set, an HTML build writes the
  absolute address of every page, sorted and without dates, so the same pages give the same
  bytes. Without a base URL there is no address to give, and neither file is written.
* Open Graph and Twitter card ``<meta>`` tags on every page: its title, the site's name, the
  page's first paragraph as plain text and, with ``html_baseurl``, its canonical address.
* The 404 page comes from sphinx-notfound-page (enabled in the handbook's conf.py), which makes
  the theme's addresses on it absolute (``/en/latest/_static/...``), so it works at any depth.
  It leaves the links in the page's own text relative, so "Glossary" on
  ``/en/latest/roles/gone/`` would lead to ``/en/latest/roles/gone/glossary.html``: careerkb
  makes those absolute the same way.

The sitemap and the previews are careerkb's own because the ecosystem's extensions cannot give
what careerkb promises. sphinx-sitemap 2.9 gathers the pages as they are written, so after an
incremental build its sitemap lists only the pages written again; it lists them in the order
they were written, which parallel builds vary; it warns, failing a ``-W`` build, wherever no
base URL is set, as in every local build; and it calls Sphinx's deprecated
``BuildEnvironment.app``. sphinxext-opengraph 0.13 starts the description with the page's
title and runs the words around inline code together ("mention<script>"). The tests in
``tests/test_hosting.py`` show these gaps; when one of them fails, the gap has closed and
careerkb's own code can go.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: The page a host serves for a missing address (sphinx-notfound-page's default name).
NOT_FOUND_PAGE = "404"
SITEMAP_FILE = "sitemap.xml"
ROBOTS_FILE = "robots.txt"
DESCRIPTION_LIMIT = 200
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _is_website(app: Sphinx) -> bool:
    builder = app.builder
    return builder.format == "html" and isinstance(builder, StandaloneHTMLBuilder) and not builder.embedded


def _base_url(app: Sphinx) -> str:
    """``html_baseurl`` ending in a slash, or "" when it is not set."""
    base = str(app.config.html_baseurl or "")
    return base if not base or base.endswith("/") else base + "/"


def root_path(base_url: str) -> str:
    """The site's root path on its host: ``/en/latest/`` for ``https://x.org/en/latest/``.

    >>> root_path("https://example.org/en/latest")
    '/en/latest/'
    >>> root_path("")
    '/'
    """
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def sitemap(urls: list[str]) -> str:
    """A sitemap listing the given addresses, sorted, with no dates (reproducible).

    >>> print(sitemap(["https://x.org/b.html", "https://x.org/a.html?q=1&r=2"]))
    <?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://x.org/a.html?q=1&amp;r=2</loc></url>
      <url><loc>https://x.org/b.html</loc></url>
    </urlset>
    <BLANKLINE>
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NAMESPACE}">']
    lines += [f"  <url><loc>{xml_escape(url)}</loc></url>" for url in sorted(set(urls))]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


def _write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not _is_website(app):
        return
    base = _base_url(app)
    if not base:
        return
    builder = app.builder
    docnames = sorted(name for name in app.env.found_docs if name != NOT_FOUND_PAGE)
    urls = [base + builder.get_target_uri(name) for name in docnames]
    outdir = Path(app.outdir)
    _write_if_changed(outdir / SITEMAP_FILE, sitemap(urls))
    _write_if_changed(outdir / ROBOTS_FILE, f"User-agent: *\nAllow: /\n\nSitemap: {base}{SITEMAP_FILE}\n")
    logger.info("careerkb: wrote %s with %d pages", SITEMAP_FILE, len(urls))


def plain_summary(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Text on one line, cut at a word boundary to at most ``limit`` characters.

    >>> plain_summary("One  two\\nthree", limit=9)
    'One two…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def first_paragraph(doctree: nodes.document) -> str:
    """The plain text of the page's first paragraph of body text, or ""."""
    for paragraph in doctree.findall(nodes.paragraph):
        # Skip text that is not the page's own prose: sidebars, admonitions, tables, cards.
        if any(
            isinstance(parent, (nodes.Admonition, nodes.table, nodes.sidebar))
            for parent in _parents(paragraph)
        ):
            continue
        text = paragraph.astext().strip()
        if text:
            return text
    return ""


def _parents(node: nodes.Node) -> list[nodes.Node]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def _meta(attribute: str, key: str, value: str) -> str:
    return f'<meta {attribute}="{key}" content="{html.escape(value, quote=True)}" />\n'


def _add_meta_tags(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if not _is_website(app):
        return
    tags = []
    if pagename in app.env.titles:
        title = app.env.titles[pagename].astext()
    else:
        title = re.sub(r"<[^>]*>", "", str(context.get("title") or ""))
        title = html.unescape(title)
    description = plain_summary(first_paragraph(doctree)) if doctree is not None else ""
    tags.append(_meta("property", "og:title", title))
    tags.append(_meta("property", "og:type", "website"))
    tags.append(_meta("property", "og:site_name", str(app.config.project)))
    if description:
        tags.append(_meta("property", "og:description", description))
    if context.get("pageurl") and pagename != NOT_FOUND_PAGE:
        tags.append(_meta("property", "og:url", str(context["pageurl"])))
    tags.append(_meta("name", "twitter:card", "summary"))
    tags.append(_meta("name", "twitter:title", title))
    existing = str(context.get("metatags") or "")
    if description:
        tags.append(_meta("name", "twitter:description", description))
        if 'name="description"' not in existing:  # a page's own description wins
            tags.append(_meta("name", "description", description))
    context["metatags"] = "".join(tags) + existing


def _root_404_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The 404 page's own links, from the site's root path as sphinx-notfound-page roots the rest."""
    if docname != getattr(app.config, "notfound_pagename", None) or not _is_website(app):
        return
    prefix = app.config.notfound_urls_prefix or "/"
    for reference in doctree.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if uri and not urlsplit(uri).scheme and not uri.startswith(("/", "#")):
            reference["refuri"] = prefix + uri  # the 404 page sits at the root: uri is from there


def setup_hosting(app: Sphinx) -> None:
    app.connect("html-page-context", _add_meta_tags)
    app.connect("build-finished", _write_sitemap)
    app.connect("doctree-resolved", _root_404_links)
