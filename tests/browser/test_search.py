"""The site search: careerkb's index answers on search.html, ranked by section, with excerpts,
synonyms and a clear word when nothing matches; hostile queries change nothing on the page."""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

import careerkb
from careerkb.search.index import encode_postings
from careerkb.search.text import stem, words

if TYPE_CHECKING:
    from playwright.sync_api import Page

GOLDEN = yaml.safe_load((Path(__file__).parents[1] / "golden" / "questions.yaml").read_text(encoding="utf-8"))
CONTRIBUTOR_PAGES = ("contributing.html", "reference.html", "api.html", "json-api.html", "performance.html")


def _search(page: Page, base_url: str, query: str) -> list[str]:
    """The result addresses for ``query``, in order, once the summary line is written."""
    page.goto(f"{base_url}/search.html?q={urllib.parse.quote(query)}")
    page.locator("#search-results .search-summary").wait_for(timeout=15_000)
    links = page.locator("#search-results ul.search li > a").all()
    return [(link.get_attribute("href") or "").removeprefix("./") for link in links]


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("RAG", "glossary.html#term-retrieval-augmented-generation"),
        ("rag", "glossary.html#term-retrieval-augmented-generation"),
        ("LoRA", "glossary.html#term-lora"),
        ("vector database", "glossary.html#term-vector-database"),
        ("Machine Learning Engineer", "roles/machine-learning-engineer.html#role-machine-learning-engineer"),
        ("AI Agent Engineer", "roles/agentic-ai-developer.html#role-agentic-ai-developer"),
    ],
)
def test_a_term_or_role_name_is_the_first_result(page: Page, base_url: str, query: str, target: str) -> None:
    hrefs = _search(page, base_url, query)
    assert hrefs[0] == target, hrefs[:5]


def _ranked(page: Page, base_url: str, query: str) -> list[str]:
    """The addresses the ranking gives for ``query``, all of them, in order."""
    if not page.url.startswith(f"{base_url}/search.html"):
        page.goto(f"{base_url}/search.html")
    page.wait_for_function("typeof window.careerkbSearchRanked === 'function'")
    ranked = page.evaluate("query => window.careerkbSearchRanked(query)", query)
    return [result["url"] for result in ranked["results"]]


@pytest.mark.parametrize(
    ("query", "target"),
    [
        # A plural meets the role's name: phrases are matched by their stems.
        ("ai red teamers", "roles/ai-red-teamer.html#role-ai-red-teamer"),
        ("research scientists", "roles/research-scientist.html#role-research-scientist"),
        # Stop words around a name leave it a name.
        ("what is an evals specialist", "roles/evals-specialist.html#role-evals-specialist"),
    ],
)
def test_a_name_said_in_other_words_is_still_the_first_result(
    page: Page, base_url: str, query: str, target: str
) -> None:
    results = _ranked(page, base_url, query)
    assert results[0] == target, results[:5]


def test_a_section_whose_titles_say_the_query_leads(page: Page, base_url: str) -> None:
    # "AI Red Teamer › Pay" says both concepts in its titles; pages that only repeat the words
    # in their text come after it.
    results = _ranked(page, base_url, "red teamer pay")
    assert results[0] == "roles/ai-red-teamer.html#pay", results[:5]


def test_a_query_naming_a_term_finds_it_whatever_else_it_asks(page: Page, base_url: str) -> None:
    # "llm" is not in the term's text, and a two-word query needs both words: a name is the
    # exception, so the term is among the results, after the sections holding both words.
    results = _ranked(page, base_url, "jailbreaking an llm")
    assert "glossary.html#term-jailbreak" in results, results
    assert all(
        not url.startswith("glossary.html")
        for url in results[: results.index("glossary.html#term-jailbreak")]
    )


def test_a_phrase_as_typed_wins_over_one_with_the_same_stems(page: Page, base_url: str) -> None:
    # "AI Agent Engineer" is the role's alias; "AI agent engineering" a glossary term's.
    results = _ranked(page, base_url, "ai agent engineering")
    assert results[0] == "glossary.html#term-agentic-engineering", results[:5]


def test_results_are_grouped_by_page_with_its_best_sections_together(page: Page, base_url: str) -> None:
    hrefs = _search(page, base_url, "machine learning engineer pay")
    pages = [href.split("#")[0] for href in hrefs]
    # Each page's results are together among the first of them: no page comes back later
    # in the list's head once another page has started.
    head = pages[:12]
    seen: list[str] = []
    for name in head:
        if seen and name != seen[-1]:
            assert name not in seen, head
        if not seen or name != seen[-1]:
            seen.append(name)
    items = page.locator("#search-results ul.search li")
    followers = [i for i in range(1, len(head)) if pages[i] == pages[i - 1]]
    assert followers, head  # the query finds more than one section of some page
    for index in followers:
        assert "careerkb-same-page" in (items.nth(index).get_attribute("class") or "")
    assert "careerkb-same-page" not in (items.nth(0).get_attribute("class") or "")


def test_the_search_page_without_a_query_shows_no_error(page: Page, base_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/search.html")
    page.wait_for_function("typeof window.careerkbSearchRanked === 'function'")
    page.evaluate("() => window.careerkbSearch(null)")
    assert errors == []


def test_a_question_sphinx_found_nothing_for_has_answers(page: Page, base_url: str) -> None:
    hrefs = _search(page, base_url, "do I need a PhD to be an ML engineer")
    assert any(href.startswith("roles/machine-learning-engineer.html#") for href in hrefs[:5]), hrefs[:5]


def test_a_synonym_finds_what_the_page_calls_otherwise(page: Page, base_url: str) -> None:
    # The pages say "pay"; "salary" is the reader's word (data/search/synonyms.yaml).
    hrefs = _search(page, base_url, "salary")
    assert any(href.startswith("pay.html#") for href in hrefs[:5]), hrefs[:5]


def test_pages_for_contributors_rank_below_readers_pages(page: Page, base_url: str) -> None:
    hrefs = _search(page, base_url, "salary")
    assert not hrefs[0].startswith(CONTRIBUTOR_PAGES), hrefs[:5]


def test_results_lead_to_sections_and_show_their_trail_and_an_excerpt(page: Page, base_url: str) -> None:
    _search(page, base_url, "ML engineer interview")
    first = page.locator("#search-results ul.search li").first
    assert "›" in first.locator("a").inner_text()
    first.locator("p.context mark").first.wait_for(timeout=5_000)
    assert first.locator("p.context").inner_text().strip()


def test_a_query_matching_only_some_words_is_labelled_partial(page: Page, base_url: str) -> None:
    hrefs = _search(page, base_url, "glossary zzqxv")
    assert hrefs
    assert "No page matches every word" in page.locator("#search-results .search-summary").inner_text()
    assert page.locator("#search-results .careerkb-partial").count() == len(hrefs)


def test_every_golden_question_gets_results(page: Page, base_url: str) -> None:
    empty = [item["question"] for item in GOLDEN if not _search(page, base_url, item["question"])]
    assert empty == []


@pytest.mark.parametrize(
    "query",
    [
        '"quoted words"',
        "<script>window.careerkbInjected = 1</script>",
        '<img src=x onerror="window.careerkbInjected = 1">',
        "(.*+?[ regex \\ chars",
        "🚀 emoji 🤖",
        "pay " * 500,
        "the of and to",
        "zzqxv",
    ],
    ids=["quotes", "script", "img", "regex", "emoji", "2000 characters", "only stop words", "unknown word"],
)
def test_any_query_gives_results_or_a_clear_no_results_and_injects_nothing(
    page: Page, base_url: str, query: str
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    hrefs = _search(page, base_url, query)
    summary = page.locator("#search-results .search-summary").inner_text()
    assert hrefs or "No page of the handbook matches" in summary
    assert errors == []
    assert page.evaluate("window.careerkbInjected") is None
    assert page.locator("#search-results script, #search-results img").count() == 0


def test_the_search_works_from_the_file_system(page: Page, site: Path) -> None:
    # A reader who opens the built folder without a server: the index loads as scripts.
    page.goto((site / "search.html").as_uri() + "?q=rag")
    first = page.locator("#search-results ul.search li > a").first
    first.wait_for(timeout=15_000)
    assert (first.get_attribute("href") or "").endswith("glossary.html#term-retrieval-augmented-generation")


def test_the_browser_reads_every_entrys_address_as_written(page: Page, base_url: str, site: Path) -> None:
    # The index leaves out anchors the script can rebuild from the title (careerkb.search.index.slug):
    # every address read back must be one the site really has.
    page.goto(f"{base_url}/search.html")
    page.wait_for_function("typeof window.careerkbSearchAddresses === 'function'")
    addresses = page.evaluate("() => window.careerkbSearchAddresses()")
    missing = []
    for address in addresses:
        path, _, anchor = address.partition("#")
        if f'id="{anchor}"' not in (site / path).read_text(encoding="utf-8"):
            missing.append(address)
    assert len(addresses) > 500
    assert missing == []


def test_the_browser_reads_postings_as_the_index_wrote_them(page: Page, base_url: str) -> None:
    # Distances of one digit and of several, weights of 1 (left out) and above, a long list.
    lists = {
        "short": [0, 1, 1, 8, 33, 1, 2000, 3],
        "long": [number for entry in range(0, 40_000, 37) for number in (entry, entry % 5 + 1)],
        "one": [123_456, 1],
    }
    page.goto(f"{base_url}/search.html")
    written = {stem: encode_postings(found) for stem, found in lists.items()}
    assert page.evaluate("part => window.careerkbSearchReadPostings(part)", written) == lists


def test_the_browser_stems_every_word_as_the_index_did(page: Page, base_url: str) -> None:
    vocabulary = sorted({word for term in careerkb.load().glossary for word in words(term.definition)})
    page.goto(f"{base_url}/search.html")
    in_browser = page.evaluate("words => window.careerkbSearchStems(words)", vocabulary)
    differing = {
        word: (stem(word), got) for word, got in zip(vocabulary, in_browser, strict=True) if stem(word) != got
    }
    assert len(vocabulary) > 1000
    assert differing == {}
