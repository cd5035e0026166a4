"""The search-index workaround (careerkb.sphinxext.search_entries) is needed, and still works.

It touches private parts of Sphinx's indexer, so these tests fail, with a message saying what
to do, as soon as a Sphinx version in the allowed range stops dropping index entries or changes
those parts; the incremental-build tests show the workaround's effect.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.search import IndexBuilder

from careerkb.sphinxext.search_entries import NEEDS_RESTORING
from tests.conftest import build

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def test_plain_sphinx_still_drops_the_index_entries_of_pages_it_does_not_write(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    assert NEEDS_RESTORING, "this Sphinx is outside the range the workaround was made for"
    (tmp_path / "conf.py").write_text("", encoding="utf-8")
    (tmp_path / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n\n   entries\n   other\n", encoding="utf-8"
    )
    (tmp_path / "entries.rst").write_text(
        "Entries\n=======\n\n.. index:: quixotic zebra\n\nText.\n", encoding="utf-8"
    )
    other = tmp_path / "other.rst"
    other.write_text("Other\n=====\n\nFirst words.\n", encoding="utf-8")
    first = build(make_app, tmp_path)
    index = Path(first.outdir) / "searchindex.js"
    assert "quixotic zebra" in index.read_text(encoding="utf-8")
    other.write_text("Other\n=====\n\nSecond words.\n", encoding="utf-8")
    build(make_app, tmp_path)
    assert "quixotic zebra" not in index.read_text(encoding="utf-8"), (
        "Sphinx now keeps the index entries of pages it does not write again "
        "(sphinx-doc/sphinx#12599 is fixed): end NEEDS_RESTORING before this version"
    )


def test_the_indexer_parts_the_workaround_uses_are_there(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    (tmp_path / "conf.py").write_text("", encoding="utf-8")
    (tmp_path / "index.rst").write_text("Home\n====\n\nText.\n", encoding="utf-8")
    indexer = build(make_app, tmp_path).builder.indexer
    assert isinstance(indexer, IndexBuilder)
    for name in ("_index_entries", "_mapping", "_title_mapping"):
        assert isinstance(getattr(indexer, name, None), dict), f"Sphinx's IndexBuilder has no dict {name}"
