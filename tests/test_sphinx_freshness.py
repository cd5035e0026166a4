"""Freshness (aged figures are flagged) and coverage (every record is shown somewhere)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from tests.conftest import directives_project, warnings_of

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def _project(tmp_path: Path, conf: str) -> Path:
    return directives_project(tmp_path / "project", conf)


def test_data_within_the_default_age_is_fresh(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    # The minimal data is as of mid-2026: well inside two years on the date the build counts from.
    app = make_app("html", srcdir=_project(tmp_path, 'careerkb_today = "2027-06-30"\n'))
    app.build()
    assert warnings_of(app) == []
    assert "may be out of date" not in (Path(app.outdir) / "pay.html").read_text(encoding="utf-8")


def test_aged_figures_warn_at_their_record_and_say_so_on_the_page(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    # The minimal data is as of mid-2026; allowing figures one day of age makes every one stale.
    project = _project(tmp_path, 'careerkb_max_age_days = 1\ncareerkb_today = "2026-12-01"\n')
    app = make_app("html", srcdir=project)
    app.build()
    data = project / "data"
    aged = "is as of mid-2026, more than 1 days ago: check it against a newer source [careerkb.stale]"
    assert warnings_of(app) == [
        f"{data}/salary_bands.yaml:2: WARNING: salary_bands[builder-entry] {aged}",
        f"{data}/salary_bands.yaml:10: WARNING: salary_bands[user-senior] {aged}",
        f"{data}/facts.yaml:2: WARNING: market_facts[builder-shortage] {aged}",
    ]
    pay = (Path(app.outdir) / "pay.html").read_text(encoding="utf-8")
    assert pay.count('<strong class="careerkb-stale">may be out of date</strong>') == 2
    links = (Path(app.outdir) / "links.html").read_text(encoding="utf-8")
    assert "careerkb-stale" in links  # the inline figure is flagged too


def test_every_record_shown_passes_the_coverage_check(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    app = make_app("html", srcdir=_project(tmp_path, "careerkb_require_all_rendered = True\n"))
    app.build()
    assert warnings_of(app) == []


def test_search_synonyms_need_no_page(make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    project = _project(tmp_path, "careerkb_require_all_rendered = True\n")
    (project / "data" / "synonyms.yaml").write_text(
        "synonyms:\n  - {id: pay, words: [pay, salary]}\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=project)
    app.build()
    assert warnings_of(app) == []


def test_a_record_no_page_shows_is_reported_at_its_file_and_line(
    make_app: type[SphinxTestApp], tmp_path: Path
) -> None:
    project = _project(tmp_path, "careerkb_require_all_rendered = True\n")
    extra = project / "data" / "more_resources.yaml"
    extra.write_text(
        "resources:\n"
        "  - {id: forgotten-course, name: Forgotten, provider: Nobody, kind: course, cost: free,\n"
        "     roles: [user], description: Never shown., source: guide, as_of: mid-2026}\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=project)
    app.build()
    assert warnings_of(app) == [
        f"{extra}:2: WARNING: resources[forgotten-course] is not shown on any page; add it to a page or "
        "remove it [careerkb.not_rendered]"
    ]
    assert re.search("Forgotten", (Path(app.outdir) / "paths.html").read_text(encoding="utf-8")) is None
