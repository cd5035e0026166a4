"""Ten times the shipped data builds cleanly, and incremental builds of four times it are never stale.

The project is the benchmark's (benchmarks/scaled.py and benchmarks/handbook.py). Each seeded
edit is one a contributor makes (benchmarks/edits.py); after each, the incremental build must
equal a clean build of the same sources, file for file. Nothing here is timed: `make bench` times.
"""

from __future__ import annotations

import math
import random
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from benchmarks import edits
from benchmarks.build import differences, output_digests
from benchmarks.handbook import PART_SIZE, Directive, Prose, glossary_pages, write_careerkb_handbook
from benchmarks.scaled import write_scaled_data

import careerkb
from careerkb.views.glossary import Letters
from tests.conftest import build, pages_read, warnings_of

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

FACTOR = 10
#: The edits' project is smaller: each edit costs a clean build to compare with, and four copies
#: are enough for the roles to be split into parts, as at 10x.
EDITED_FACTOR = 4


def _scaled_project(factory: pytest.TempPathFactory, factor: int) -> Path:
    project = factory.mktemp(f"scaled-{factor}")
    kb = careerkb.load(write_scaled_data(factor, project / "data"))
    write_careerkb_handbook(kb, project / "docs")
    return project


@pytest.fixture(scope="module")
def scaled_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _scaled_project(tmp_path_factory, FACTOR)


@pytest.fixture(scope="module")
def edited_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _scaled_project(tmp_path_factory, EDITED_FACTOR)
    assert len(careerkb.load(project / "data").roles) > PART_SIZE
    return project


def test_above_the_threshold_the_handbook_has_a_page_for_each_group_of_letters() -> None:
    kb = careerkb.load()
    index, *pages = glossary_pages(kb, split_at=40)
    directives = [block for page in pages for block in page.blocks if isinstance(block, Directive)]
    chosen = [Letters.parse(dict(directive.options)["letters"]) for directive in directives]
    for letter in kb.glossary_letters():
        assert sum(letters.includes(letter) for letters in chosen) == 1, letter
    for letters in chosen:
        shown = [letter for letter in kb.glossary_letters() if letters.includes(letter)]
        assert len(shown) == 1 or sum(len(kb.terms_filed_under(letter)) for letter in shown) <= 40
    toctree = index.blocks[-1]
    assert isinstance(toctree, Prose)
    assert all(page.docname in str(toctree.parts[0]) for page in pages)
    # MyST would read the '#' of the first page's letters as a comment.
    assert ':letters: "#-' in directives[0].markdown()
    assert [page.docname for page in glossary_pages(kb)] == ["glossary"]  # 232 terms: one page


def _copy(project: Path, target: Path) -> Path:
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("_build"))
    # The handbook's conf.py names its data folder absolutely: point the copy at its own data.
    conf = target / "docs" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(str(project), str(target)), encoding="utf-8")
    return target


def _build(make_app: type[SphinxTestApp], project: Path) -> Path:
    app = build(make_app, project / "docs")
    assert warnings_of(app) == []
    return Path(app.outdir)


def test_ten_times_the_data_builds_every_record_without_a_warning(
    make_app: type[SphinxTestApp], scaled_project: Path, tmp_path: Path
) -> None:
    kb = careerkb.load(scaled_project / "data")
    assert kb.counts()["roles"] == len(careerkb.load().roles) * FACTOR
    out = _build(make_app, _copy(scaled_project, tmp_path / "project"))
    parts = sorted((out / "roles").glob("part-*.html"))
    role_pages = {path.stem for path in (out / "roles").glob("*.html")} - {"index"} - {p.stem for p in parts}
    assert role_pages == {role.id for role in kb.roles}
    # More roles than a section lists: they are split into parts, each role in exactly one.
    assert len(parts) == math.ceil(len(kb.roles) / PART_SIZE)
    # The part's own list of its roles (the sidebar lists the parts at the same level).
    listed = [
        link
        for part in parts
        for link in re.findall(
            r'<li class="toctree-l1"><a class="reference internal" href="([^"#]+)\.html"',
            part.read_text(encoding="utf-8"),
        )
        if not link.startswith("part-")
    ]
    assert sorted(listed) == sorted(role.id for role in kb.roles)
    glossary = (out / "glossary.html").read_text(encoding="utf-8")
    assert all(f'id="term-{term.id}"' in glossary for term in kb.glossary)


def test_incremental_builds_after_seeded_single_edits_equal_clean_builds(
    make_app: type[SphinxTestApp], edited_project: Path, tmp_path: Path
) -> None:
    # One project edited again and again, each edit followed by an incremental build; a clean
    # build of a copy of the same sources is the reference.
    project = _copy(edited_project, tmp_path / "incremental")
    before = output_digests(_build(make_app, project))
    stale: dict[str, list[str]] = {}
    read_for_nothing: dict[str, set[str]] = {}
    for seed, edit in enumerate(edits.ALL):  # every kind of edit, each on a seeded target
        done = edit(project, random.Random(seed), seed + 1)
        app = build(make_app, project / "docs")
        assert warnings_of(app) == []
        after = output_digests(Path(app.outdir))
        changed = {Path(name).with_suffix("").as_posix() for name in differences(before, after)}
        if pages_read(app) - changed:
            read_for_nothing[done] = pages_read(app) - changed
        clean = _build(make_app, _copy(project, tmp_path / f"clean-{seed}"))
        different = differences(after, output_digests(clean))
        if different:
            stale[done] = different
        before = after
    assert stale == {}, f"pages that differ from a clean build, after each edit: {stale}"
    # A page is read again only when what it shows changed (benchmarks/build.py times these).
    assert read_for_nothing == {}
