"""The search index: entries weighted by field, postings per stem, the same bytes every build."""

from __future__ import annotations

import json

import pytest

from careerkb.search.index import FIELD_WEIGHTS, Entry, build_index, compact_entries, encode_postings, weights

RAG = Entry(
    "glossary.html#term-rag",
    ("Glossary", "Retrieval-Augmented Generation"),
    "term",
    {"name": "Retrieval-Augmented Generation RAG", "body": "Fetching documents for the model."},
)
PAY = Entry(
    "pay.html#entry-pay",
    ("Pay", "Entry pay"),
    "section",
    {"title": "Entry pay", "heading": "Bands", "body": "Entry pay for a machine learning engineer."},
)


def test_a_word_counts_by_the_field_it_is_in() -> None:
    counted = weights(PAY)
    assert counted["pay"] == FIELD_WEIGHTS["title"] + FIELD_WEIGHTS["body"]
    assert counted["band"] == FIELD_WEIGHTS["heading"]
    assert counted["engineer"] == FIELD_WEIGHTS["body"]
    assert FIELD_WEIGHTS["name"] > FIELD_WEIGHTS["title"] > FIELD_WEIGHTS["heading"] > FIELD_WEIGHTS["body"]


def test_stop_words_are_not_indexed() -> None:
    index = build_index([PAY], ())
    assert "for" not in index["postings"]
    assert "a" not in index["postings"]


def test_postings_list_each_entry_with_its_weight() -> None:
    index = build_index([PAY, RAG], ())
    urls = [entry[0] for entry in index["entries"]]
    assert index["entries"][0] == [
        "glossary.html#term-rag",
        ["Glossary", "Retrieval-Augmented Generation"],
        "term",
        1.0,
    ]
    assert urls == ["glossary.html#term-rag", "pay.html#entry-pay"]  # sorted, whatever the input order
    assert index["postings"]["rag"] == [0, FIELD_WEIGHTS["name"]]
    assert index["postings"]["model"] == [0, 1]
    assert index["postings"]["pay"] == [1, FIELD_WEIGHTS["title"] + FIELD_WEIGHTS["body"]]
    assert index["lengths"] == [sum(weights(RAG).values()), sum(weights(PAY).values())]


def test_the_index_carries_the_rules_and_synonyms_the_query_side_needs() -> None:
    index = build_index([PAY], (("pay", "salary"),))
    assert index["synonyms"] == [["pay", "salary"]]
    assert "how" in index["rules"]["stop_words"]
    assert ["ies", "y", 2] in index["rules"]["suffixes"]


def test_the_same_entries_give_the_same_index_in_any_order() -> None:
    first = json.dumps(build_index([PAY, RAG], ()), sort_keys=True)
    assert json.dumps(build_index([RAG, PAY], ()), sort_keys=True) == first


def test_two_entries_leading_to_one_place_are_refused() -> None:
    with pytest.raises(ValueError, match=r"pay\.html#entry-pay"):
        build_index([PAY, PAY], ())


def test_postings_are_written_as_distances_and_weights_in_five_bit_digits() -> None:
    # Entry 2 with weight 9: distance 2, doubled, plus one as a weight follows: 5, then 9.
    # Entry 40 with weight 1: distance 38, doubled, 76, and no weight; 76 needs two digits,
    # 12 (with the "more follows" flag: 32 + 12) then 2.
    assert encode_postings([2, 9, 40, 1]) == "F" + "J" + "sC"
    assert encode_postings([]) == ""


def test_compact_entries_say_each_page_once_and_link_each_trail_to_its_parent() -> None:
    pay_page = Entry("pay.html#pay", ("Pay",), "section", {"title": "Pay"})
    glossary = Entry("glossary.html#glossary", ("Glossary",), "section", {"title": "Glossary"})
    index = build_index([PAY, RAG, pay_page, glossary], ())
    # In address order: glossary.html#glossary, glossary.html#term-rag, pay.html#entry-pay, pay.html#pay
    compact = compact_entries(index["entries"])
    assert compact["pages"] == [["glossary.html", 1.0], ["pay.html", 1.0]]
    assert compact["entries"] == [
        [0, "", -1, "Glossary", "s"],  # the anchor is the title's slug: left out
        [0, "term-rag", 0, "Retrieval-Augmented Generation", "t"],
        [1, "", 3, "Entry pay", "s"],  # its parent, "Pay", comes after it
        [1, "", -1, "Pay", "s"],
    ]


def test_an_entry_whose_parent_section_is_missing_is_refused() -> None:
    with pytest.raises(ValueError, match=r"pay\.html#entry-pay has no entry for the titles above it"):
        compact_entries(build_index([PAY], ())["entries"])
