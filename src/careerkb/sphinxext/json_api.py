"""The static JSON API: the export, one file per collection, published next to the HTML.

When an HTML build finishes, ``<outdir>/api/v1/`` gets an ``index.json``, one file per
collection holding its records exactly as :func:`careerkb.export.export_document` gives them,
and ``schema.json``, the export's JSON Schema. The files for roles, sources and glossary terms
also carry ``urls``, the site-relative address of the page and anchor describing each record,
beside the records rather than inside them, so the records still match the export schema.

The files hold no timestamps and are written in a fixed order: the same data and pages give
the same bytes. ``careerkb_json_api = False`` in conf.py turns it off.

A collection's file is made again only when its records or their addresses changed: each
file's fingerprint (its records' digests and its addresses) is kept beside the doctrees, so
an edit of one market fact re-exports the market facts alone, not the 27,000 records of a
large handbook.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from careerkb import __version__
from careerkb.cache import digest
from careerkb.export import export_collection, export_schema
from careerkb.models import COLLECTIONS, SCHEMA_VERSION
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.links import site_uri
from careerkb.sphinxext.store import knowledge

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from careerkb.knowledge import KnowledgeBase

logger = logging.getLogger(__name__)

API_DIR = Path("api", "v1")
INDEX_FILE = "index.json"
SCHEMA_FILE = "schema.json"
#: In the doctree folder: the fingerprint of each collection's file as last written.
FINGERPRINTS_FILE = "careerkb-json-api.json"

# The collections whose records have a page of their own, and how to find it.
URL_COLLECTIONS = ("sources", "roles", "glossary")

Urls = dict[str, str | None]


def to_json(data: Any) -> str:
    """JSON as the API publishes it: indented, UTF-8 text as is, keys in the order given."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def api_files(export: Mapping[str, Any], urls: Mapping[str, Urls]) -> dict[str, str]:
    """Every file of the API, by file name, given the export and each record's page address.

    >>> from careerkb.export import export_document
    >>> files = api_files(export_document(kb), {"roles": {}})
    >>> sorted(files)[:3]
    ['backgrounds.json', 'comparisons.json', 'glossary.json']
    >>> json.loads(files["index.json"])["collections"]["salary_bands"]
    'salary_bands.json'
    """
    files = {INDEX_FILE: index_file()}
    for name in COLLECTIONS:
        files[f"{name}.json"] = collection_file(name, export[name], urls.get(name))
    files[SCHEMA_FILE] = to_json(export_schema())
    return files


def index_file() -> str:
    return to_json(
        {
            "schema_version": SCHEMA_VERSION,
            "generator": f"careerkb {__version__}",
            "collections": {name: f"{name}.json" for name in COLLECTIONS},
            "schema": SCHEMA_FILE,
        }
    )


def collection_file(name: str, records: list[dict[str, Any]], urls: Urls | None) -> str:
    content: dict[str, Any] = {"schema_version": SCHEMA_VERSION, name: records}
    if urls is not None:
        content["urls"] = dict(urls)
    return to_json(content)


def page_urls(kb: KnowledgeBase, env: BuildEnvironment, builder: StandaloneHTMLBuilder) -> dict[str, Urls]:
    """For roles, sources and terms: record id -> the page and anchor describing it, or None."""
    objects = careerkb_domain(env).objects
    terms = env.domains.standard_domain.objects

    def url(found: tuple[str, str] | None) -> str | None:
        if found is None:
            return None
        docname, anchor = found
        return site_uri(builder, docname, anchor)

    def records(collection: str) -> list[Any]:
        return [record for record, _ in kb.entries[collection]]  # in the export's order

    return {
        "sources": {r.id: url(objects.get(("source", r.id))) for r in records("sources")},
        "roles": {r.id: url(objects.get(("role", r.id))) for r in records("roles")},
        "glossary": {r.id: url(terms.get(("term", r.term))) for r in records("glossary")},
    }


def _fingerprint(kb: KnowledgeBase, name: str, urls: Urls | None) -> str:
    prints = [kb.digest_of(record) for record, _ in kb.entries[name]]
    return digest(json.dumps([SCHEMA_VERSION, prints, urls], sort_keys=False), size=16)


def _write_api(app: Sphinx, exception: Exception | None) -> None:
    builder = app.builder
    if exception is not None or not app.config.careerkb_json_api:
        return
    # Only a website: not the text builders, nor HTML meant for a help viewer or an e-book.
    if builder.format != "html" or not isinstance(builder, StandaloneHTMLBuilder) or builder.embedded:
        return
    kb = knowledge(app.env)
    if kb is None:
        return  # the data did not load, and that is already a warning
    urls = page_urls(kb, app.env, builder)
    folder = Path(app.outdir, API_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    kept = Path(app.doctreedir, FINGERPRINTS_FILE)
    written = _read_fingerprints(kept)
    prints: dict[str, str] = {}
    files = {INDEX_FILE: index_file(), SCHEMA_FILE: to_json(export_schema())}
    for name in COLLECTIONS:
        file = f"{name}.json"
        prints[file] = _fingerprint(kb, name, urls.get(name))
        if written.get(file) != prints[file] or not (folder / file).is_file():
            files[file] = collection_file(name, export_collection(kb, name), urls.get(name))
    for name, text in files.items():
        path = folder / name
        data = text.encode("utf-8")
        # Unchanged files keep their time stamps, so a rebuild does not look like a new release.
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
    kept.write_text(json.dumps(prints, indent=1) + "\n", encoding="utf-8")
    logger.info("careerkb: wrote the JSON API to %s", folder)


def _read_fingerprints(path: Path) -> dict[str, str]:
    """The fingerprints of the files as last written; none when unreadable, so all are made."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def setup_json_api(app: Sphinx) -> None:
    app.connect("build-finished", _write_api)
