"""The golden questions for the site search hold to the built handbook.

``tests/golden/questions.yaml`` is the ground truth the search is judged against: what a reader
types, and the section that answers it. These checks need no browser. They keep the file well
formed and broad (every topic, every role page), and build the handbook once to check that every
address in it still names a real anchor, so renaming a section breaks this test, not the search
benchmark that runs later.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

import careerkb

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).parents[1]
GOLDEN = Path(__file__).parent / "golden" / "questions.yaml"

MINIMUM = 55
TOPICS = frozenset(
    {"role", "pay", "demand", "learning", "interviews", "term", "choosing", "comparison", "statistics"}
)
KEYS = frozenset({"question", "answer", "also", "topic"})
REQUIRED = frozenset({"question", "answer", "topic"})

# A built page, relative to the site's root, then the id of an element on it.
_ADDRESS = re.compile(r"(?P<page>(?:[a-z0-9-]+/)*[a-z0-9-]+\.html)#(?P<anchor>[A-Za-z0-9][\w.-]*)")
# Ids docutils numbers itself (id1, id2, ...) shift whenever a page gains a section or table.
_NUMBERED_ID = re.compile(r"id\d+")
# Folders of the built site that hold no pages.
_NOT_PAGES = frozenset({"_static", "_sources", "_images", "_downloads", ".doctrees"})


@functools.cache
def golden() -> list[dict[str, Any]]:
    loaded = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    assert isinstance(loaded, list), f"{GOLDEN.name} must be a YAML list of questions"
    assert all(isinstance(item, dict) for item in loaded), "every item must be a mapping"
    return loaded


def addresses(item: dict[str, Any]) -> Iterator[str]:
    yield item["answer"]
    yield from item.get("also", [])


class _Anchors(HTMLParser):
    """The ids a search result may point at: sections, glossary terms and role profiles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        anchor = dict(attrs).get("id")
        if not anchor:
            return
        if tag == "section" or (tag == "dt" and anchor.startswith("term-")) or anchor.startswith("role-"):
            self.ids.add(anchor)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, frozenset[str]]:
    """The handbook, built once: each page's address and the anchors on it."""
    out = tmp_path_factory.mktemp("golden-site")
    options = ["-b", "html", "-c", str(ROOT), "-q"]
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *options, str(ROOT / "docs"), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pages: dict[str, frozenset[str]] = {}
    for path in sorted(out.rglob("*.html")):
        page = path.relative_to(out)
        if page.parts[0] in _NOT_PAGES:
            continue
        parser = _Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[page.as_posix()] = frozenset(parser.ids)
    return pages


def test_every_item_has_a_question_a_topic_and_addresses() -> None:
    problems = []
    for number, item in enumerate(golden(), start=1):
        where = f"item {number} ({item.get('question')!r})"
        if unknown := set(item) - KEYS:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        if missing := REQUIRED - set(item):
            problems.append(f"{where}: missing {sorted(missing)}")
            continue
        question = item["question"]
        if not isinstance(question, str) or not question.strip() or question != question.strip():
            problems.append(f"{where}: the question must be non-empty text without outer spaces")
        if item["topic"] not in TOPICS:
            problems.append(f"{where}: topic {item['topic']!r} is not one of {sorted(TOPICS)}")
        also = item.get("also", [])
        if not isinstance(also, list):
            problems.append(f"{where}: also must be a list")
            continue
        if item["answer"] in also or len(set(also)) != len(also):
            problems.append(f"{where}: also repeats an address")
        for address in addresses(item):
            match = _ADDRESS.fullmatch(address) if isinstance(address, str) else None
            if match is None:
                problems.append(f"{where}: {address!r} is not page.html#id")
            elif _NUMBERED_ID.fullmatch(match["anchor"]):
                problems.append(f"{where}: {address!r} is a numbered id that moves as the page changes")
    assert problems == [], "\n".join(problems)


def test_no_question_is_asked_twice() -> None:
    seen: dict[str, int] = {}
    for item in golden():
        key = " ".join(item["question"].casefold().split())
        seen[key] = seen.get(key, 0) + 1
    assert [question for question, count in seen.items() if count > 1] == []


def test_the_set_is_large_enough_and_covers_every_topic() -> None:
    assert len(golden()) >= MINIMUM
    assert {item["topic"] for item in golden()} == TOPICS


def test_every_role_page_answers_some_question(site: dict[str, frozenset[str]]) -> None:
    answered = {item["answer"].partition("#")[0] for item in golden()}
    kb = careerkb.load()
    unanswered = []
    for role in kb.roles:
        # A role's profile appears on exactly one page, which is the role's page.
        pages = [page for page, anchors in site.items() if f"role-{role.id}" in anchors]
        assert len(pages) == 1, f"{role.id}: its profile is on {pages}"
        assert pages[0].startswith("roles/"), f"{role.id}: its profile is on {pages[0]}"
        if pages[0] not in answered:
            unanswered.append(pages[0])
    assert unanswered == [], "role pages that answer no question"


def test_every_address_names_an_anchor_of_the_built_site(site: dict[str, frozenset[str]]) -> None:
    missing = []
    for item in golden():
        for address in addresses(item):
            page, _, anchor = address.partition("#")
            if page not in site:
                missing.append(f"{item['question']!r}: no page {page}")
            elif anchor not in site[page]:
                missing.append(f"{item['question']!r}: no section, term or role #{anchor} on {page}")
    assert missing == [], "\n".join(missing)
