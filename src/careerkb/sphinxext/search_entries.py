"""Make an incremental build's search index the one a clean build writes.

Sphinx rebuilds ``searchindex.js`` from the pages it writes plus what it reloads from the last
index, and two things go wrong on the way. It does not reload the ``indexentries`` part, so the
entries of every page not written again (a glossary's terms, each role's index entry) vanish
from search (sphinx-doc/sphinx#12599). And a word that no page uses any more stays in the index
with no pages. careerkb promises that an incremental build equals a clean one, so just before
the index is written this puts the entries back from the previous index (stored lower-cased, as
Sphinx writes them) and drops the words without pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.search import js_index

from careerkb.sphinxext.store import build_state

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils import nodes
    from sphinx.application import Sphinx

IndexEntry = tuple[str, str, str]

#: The Sphinx versions known to drop the entries (every release since the bug was reported;
#: pyproject.toml allows no other). tests/test_search_entries.py fails when a version in this
#: range stops dropping them, or when the indexer's private attributes used here change.
NEEDS_RESTORING = (9, 0) <= sphinx.version_info[:2] < (10, 0)


def _note_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    # The pages written in this build were fed to the index afresh.
    build_state(app.env).written.add(docname)


def _previous_entries(app: Sphinx) -> dict[str, list[IndexEntry]]:
    """Each page's index entries as the last build wrote them, or nothing if unreadable."""
    builder = app.builder
    assert isinstance(builder, StandaloneHTMLBuilder)
    try:
        frozen = js_index.loads(
            Path(builder.outdir, builder.searchindex_filename).read_text(encoding="utf-8")
        )
        docnames: list[str] = frozen["docnames"]
        entries: dict[str, list[list[Any]]] = frozen.get("indexentries", {})
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    previous: dict[str, list[IndexEntry]] = {}
    for text, places in entries.items():
        for doc_index, target_id, main in places:
            previous.setdefault(docnames[doc_index], []).append((text, target_id, "main" if main else ""))
    return previous


def _restore(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """At html-collect-pages, just before the index is written: restore the unwritten pages'."""
    builder = app.builder
    indexer = getattr(builder, "indexer", None)
    written = build_state(app.env).written
    if isinstance(builder, StandaloneHTMLBuilder) and indexer is not None:
        entries: dict[str, list[IndexEntry]] = indexer._index_entries
        for docname, restored in _previous_entries(app).items():
            if docname in app.env.all_docs and docname not in written:
                entries[docname] = sorted(restored)
        # In page order, as a clean build feeds them, so the written index is the same.
        ordered = sorted(entries.items())
        entries.clear()
        entries.update(ordered)
        for words in (indexer._mapping, indexer._title_mapping):
            for word in [word for word, pages in words.items() if not pages]:
                del words[word]
    written.clear()
    yield from ()


def setup_search_entries(app: Sphinx) -> None:
    if not NEEDS_RESTORING:
        return
    app.connect("doctree-resolved", _note_written)
    app.connect("html-collect-pages", _restore)
