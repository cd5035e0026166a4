"""The handbook itself: it builds clean, its {doctest} blocks hold the prose to the data, and
every record in data/ appears on at least one page."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from tests.test_publishing import make_docs_command, sphinx_arguments

ROOT = Path(__file__).parents[1]


def _sphinx(builder: str, out: Path) -> subprocess.CompletedProcess[str]:
    options = ["-b", builder, "-c", str(ROOT), "-W", "--keep-going", "-n", "-q"]
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *options, str(ROOT / "docs"), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_doctest_builder_passes_every_example_in_the_handbook(tmp_path: Path) -> None:
    result = _sphinx("doctest", tmp_path)
    report = (tmp_path / "output.txt").read_text(encoding="utf-8")
    assert result.returncode == 0, result.stderr + report
    assert "0 failures in tests" in report
    tests_run = int(next(line.split()[0] for line in report.splitlines() if line.strip().endswith(" tests")))
    assert tests_run > 0


def _make_docs(build: Path) -> subprocess.CompletedProcess[str]:
    """`make docs`'s own Sphinx command, with its ``_build`` folder moved to ``build``."""
    command = make_docs_command()
    moved = [
        str(build / part.removeprefix("_build/")) if part.startswith("_build/") else part for part in command
    ]
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *moved[1:], "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_handbook_builds_clean_and_shows_every_record_and_publishes_no_pickle(tmp_path: Path) -> None:
    import careerkb
    from careerkb.sphinxext.coverage import NOT_CONTENT

    result = _make_docs(tmp_path)
    assert result.returncode == 0, result.stderr
    arguments = sphinx_arguments(make_docs_command())
    site = tmp_path / Path(arguments.outputdir).relative_to("_build")
    published = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    assert "index.html" in published
    assert [name for name in published if name.endswith(".pickle") or ".doctrees" in name] == []
    doctrees = tmp_path / Path(arguments.doctreedir).relative_to("_build")
    with (doctrees / "environment.pickle").open("rb") as stored:
        env = pickle.load(stored)
    shown = set().union(*env.domaindata["careerkb"]["renders"].values())
    kb = careerkb.load()
    missing = [
        f"{collection}: {record.id}"  # type: ignore[attr-defined]
        for collection, entries in kb.entries.items()
        if collection not in NOT_CONTENT  # the search's synonyms: no page lists them
        for record, _ in entries
        if (collection, record.id) not in shown  # type: ignore[attr-defined]
    ]
    assert missing == [], "records no page shows"
    # What readers see: no doctest prompts, no MyST markup printed as text. Only the pages for
    # contributors and reusers show markup on purpose, as examples.
    for_contributors = {"api.html", "contributing.html", "reference.html", "reuse.html"}
    shown_markup = [
        page.relative_to(site).as_posix()
        for page in site.rglob("*.html")
        if page.relative_to(site).as_posix() not in for_contributors
        and any(
            mark in page.read_text(encoding="utf-8") for mark in ("&gt;&gt;&gt;", "{term}`", "{careerkb:")
        )
    ]
    assert shown_markup == []


def test_the_handbooks_doctests_are_hidden_from_readers() -> None:
    """The checks that hold prose to the data run in the doctest builder, not on the page."""
    shown = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if line.strip() == "```{doctest}" and ":hide:" not in lines[number + 1 : number + 4]:
                shown.append(f"{page.relative_to(ROOT)}:{number + 1}")
    assert shown == []


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        result = _sphinx("html", out)
        assert result.returncode == 0, result.stderr

    def files(root: Path) -> dict[str, bytes]:
        # The doctrees are Sphinx's cache (pickles), not output; everything else must match.
        return {
            path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file() and ".doctrees" not in path.relative_to(root).parts
        }

    built = files(first)
    assert len(built) > 50
    differing = [name for name, content in files(second).items() if built.get(name) != content]
    assert differing == []
    assert set(files(second)) == set(built)


def test_a_comparison_page_is_titled_with_its_roles_titles_and_heads_every_part() -> None:
    """One name per role: the page title matches the comparison table's, and the table sits in a
    section of its own, so "On this page" lists it."""
    import careerkb

    kb = careerkb.load()
    pages = sorted(page for page in (ROOT / "docs" / "compare").glob("*.md") if page.name != "index.md")
    assert pages
    for page in pages:
        lines = page.read_text(encoding="utf-8").splitlines()
        (directive,) = [line for line in lines if line.startswith("```{careerkb:compare}")]
        titles = [kb.role(key).title for key in directive.split("}", 1)[1].split()]
        assert lines[0] == "# " + " vs ".join(titles), page.name
        before = lines[: lines.index(directive)]
        assert any(line.startswith("## ") for line in before), page.name
