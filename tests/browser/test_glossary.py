"""The glossary page in a browser: filter, ranking, count, highlight, shareable address, deep
links, copy."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


def _visible_terms(page: Page) -> list[str]:
    texts = page.locator("dl.careerkb-glossary > dt:visible").all_inner_texts()
    return [text.replace("Copy link", "").strip("#¶ \n") for text in texts]


def _names(page: Page) -> dict[str, list[str]]:
    """Each term's name, abbreviation and aliases, by the term's anchor, as the page carries them."""
    names: dict[str, list[str]] = page.evaluate(
        "JSON.parse(document.getElementById('careerkb-glossary-names').textContent)"
    )
    return names


def _definitions(page: Page) -> dict[str, str]:
    """Each term's definition (the first paragraph of its entry), by the term's anchor."""
    found: dict[str, str] = page.evaluate(
        """Object.fromEntries(Array.from(document.querySelectorAll("dl.careerkb-glossary > dt"),
            (dt) => [dt.id, dt.nextElementSibling.querySelector("p").textContent]))"""
    )
    return found


def _filter(page: Page, query: str) -> list[str]:
    page.get_by_label("Filter the glossary").fill(query)
    return page.locator("dl.careerkb-glossary > dt:visible").evaluate_all("(terms) => terms.map((t) => t.id)")


def _starts_a_word(text: str, query: str) -> bool:
    return re.search(rf"(?<![^\W_]){re.escape(query)}", text, re.IGNORECASE) is not None


def test_an_abbreviation_ranks_its_term_first(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    shown = _filter(page, "rag")
    assert shown[0] == "term-retrieval-augmented-generation"
    # Chunking comes before it in the alphabet and names "a RAG system" in its definition only.
    assert "RAG" in _definitions(page)["term-chunking"]
    assert shown.index("term-chunking") > 0
    # The matches are one ranked list: the letter sections and the A-Z bar are out of the way.
    assert page.locator("dl.careerkb-glossary:visible").count() == 1
    assert page.locator(".careerkb-az-heading:visible, #glossary-letters:visible").count() == 0


def test_a_name_prefix_ranks_before_definition_only_matches(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    names = _names(page)
    definitions = _definitions(page)
    shown = _filter(page, "retriev")

    def by_name(anchor: str) -> bool:
        return any(name.lower().startswith("retriev") for name in names[anchor])

    assert by_name(shown[0])
    assert shown[0] == "term-retrieval-augmented-generation"
    named = [anchor for anchor in shown if by_name(anchor)]
    assert shown[: len(named)] == named  # every name match before every other match
    rest = shown[len(named) :]
    assert len(rest) >= 3
    assert all(_starts_a_word(definitions[anchor], "retriev") for anchor in rest)
    # Within a rank the page's alphabetical order holds.
    texts = _visible_terms(page)[len(named) :]
    assert texts == sorted(texts, key=str.casefold)


def test_a_query_inside_another_word_matches_nothing_there(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    names = _names(page)
    definitions = _definitions(page)

    def inside_words_only(anchor: str, query: str) -> bool:
        text = " ".join([*names[anchor], definitions[anchor]])
        return query in text.lower() and not _starts_a_word(text, query)

    for query, example in (("art", "term-task-completion-rate"), ("rag", "term-training-data")):
        hidden = {anchor for anchor in names if inside_words_only(anchor, query)}
        assert example in hidden, f"the data no longer has {example} as an example for {query!r}"
        shown = _filter(page, query)
        assert shown, query
        assert hidden.isdisjoint(shown), query
        # What is marked is the query at the start of a word, never the middle of one.
        marks = page.locator("mark.careerkb-match").evaluate_all(
            """(marks) => marks.map((m) => {
                const before = m.previousSibling ? m.previousSibling.textContent : "";
                return before.slice(-1) + "|" + m.textContent;
            })"""
        )
        assert marks, query
        for mark in marks:
            before, text = mark.split("|")
            assert text.lower() == query, mark
            assert not before.isalnum(), mark


def test_clearing_the_filter_restores_the_page_exactly(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    article = page.locator("article")
    built = article.inner_html()
    order = page.locator("dl.careerkb-glossary > dt").evaluate_all("(terms) => terms.map((t) => t.id)")
    headings = page.locator(".careerkb-az-heading:visible").all_inner_texts()
    names = _names(page)
    assert order == sorted(order, key=lambda anchor: names[anchor][0].casefold())
    for query in ("rag", "retriev", "model", "art", "zzzz", "agent"):
        _filter(page, query)
    assert _filter(page, "") == order
    assert page.locator(".careerkb-az-heading:visible").all_inner_texts() == headings
    assert page.locator("#glossary-letters").is_visible()
    assert article.inner_html() == built


def test_the_count_reads_the_number_shown(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    total = page.locator("dl.careerkb-glossary > dt").count()
    count = page.locator(".careerkb-filter-count")
    for query in ("model", "rag", "retrieval augmented", "zzzz"):
        shown = len(_filter(page, query))
        verb = "matches" if shown == 1 else "match"
        assert count.inner_text() == f"{shown} of {total} terms {verb} \u201c{query}\u201d"
    assert len(_filter(page, "retrieval augmented")) == 1  # the singular is checked above
    assert len(_filter(page, "zzzz")) == 0
    _filter(page, "")
    assert count.inner_text() == f"All {total} terms"


def test_a_ranked_filter_in_the_address_and_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html?filter=rag")
    assert _visible_terms(page)[0] == "Retrieval-Augmented Generation"
    field = page.get_by_label("Filter the glossary")
    field.focus()
    page.keyboard.press("Tab")  # the best match is the next thing the keyboard reaches
    assert page.evaluate("document.activeElement.closest('dt').id") == "term-retrieval-augmented-generation"
    field.focus()
    page.keyboard.press("Escape")
    assert field.input_value() == ""
    assert "filter=" not in page.url
    assert page.locator("#glossary-letters").is_visible()


def test_a_link_to_a_term_the_filter_hides_shows_the_term(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    shown = set(_filter(page, "lora"))
    see_also = "dl.careerkb-glossary:visible .careerkb-term-see-also a"
    targets = page.locator(see_also).evaluate_all("(links) => links.map((a) => a.hash.slice(1))")
    hidden = next(target for target in targets if target not in shown)
    page.locator(f"{see_also}[href='#{hidden}']").first.click()
    assert page.get_by_label("Filter the glossary").input_value() == ""
    assert page.locator(f"#{hidden}").is_visible()
    assert page.url.endswith(f"glossary.html#{hidden}")


def test_the_filter_narrows_counts_highlights_and_clears(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    total = page.locator("dl.careerkb-glossary > dt").count()
    count = page.locator(".careerkb-filter-count")
    assert count.inner_text() == f"All {total} terms"

    page.get_by_label("Filter the glossary").fill("LoRA")
    shown = _visible_terms(page)
    assert "Low-Rank Adaptation" in shown
    assert 0 < len(shown) < total
    assert count.inner_text() == f"{len(shown)} of {total} terms match \u201cLoRA\u201d"
    assert page.locator("mark.careerkb-match").count() >= 1
    assert "filter=LoRA" in page.url

    page.get_by_label("Filter the glossary").fill("")
    assert len(_visible_terms(page)) == total
    assert page.locator("mark.careerkb-match").count() == 0
    assert "filter=" not in page.url


def test_a_filter_in_the_address_is_applied_on_arrival(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html?filter=vector")
    assert page.get_by_label("Filter the glossary").input_value() == "vector"
    assert "Vector database" in _visible_terms(page)
    assert "PyTorch" not in _visible_terms(page)


def test_the_filter_matches_definitions_and_aliases(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    page.get_by_label("Filter the glossary").fill("retrieval augmented")
    assert "Retrieval-Augmented Generation" in _visible_terms(page)


def test_a_deep_link_lands_on_the_term(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html#term-lora")
    term = page.locator("#term-lora")
    assert term.is_visible()
    box = term.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < page.viewport_size["height"]  # type: ignore[index]
    assert page.evaluate("window.scrollY") > 0


def test_the_copy_link_button_copies_the_terms_address(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.goto(f"{base_url}/glossary.html")
    page.get_by_role("button", name="Copy a link to Low-Rank Adaptation").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/glossary.html#term-lora"
    context.close()


def test_the_letter_bar_jumps_to_a_letter(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/glossary.html")
    page.locator("a.careerkb-az-letter", has_text="V").click()
    assert page.url.endswith("#glossary-v")


def test_without_javascript_the_glossary_is_the_plain_complete_list(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/glossary.html?filter=LoRA")
    assert page.locator("#careerkb-glossary-filter").count() == 0
    assert (
        page.locator("dl.careerkb-glossary > dt:visible").count()
        == page.locator("dl.careerkb-glossary > dt").count()
    )
    assert page.locator("a.careerkb-az-letter").count() > 10
    context.close()
