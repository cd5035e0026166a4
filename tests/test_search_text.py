"""The search's reading of text: the forms of a word meet at one stem, different words do not."""

from __future__ import annotations

import pytest

from careerkb.search.text import STOP_WORDS, stem, terms, words

#: Each tuple: forms a reader may type for one word; all must stem alike.
FAMILIES = [
    ("salary", "salaries"),
    ("interview", "interviews", "interviewing", "interviewed"),
    ("switch", "switches", "switched", "switching"),
    ("engineer", "engineers", "engineering"),
    ("scale", "scales", "scaled", "scaling"),
    ("role", "roles"),
    ("course", "courses"),
    ("apply", "applies", "applied"),
    ("study", "studies", "studying"),
    ("embedding", "embeddings", "embedded"),
    ("hire", "hiring"),
    ("model", "models", "modeling"),
    ("degree", "degrees"),
    ("run", "running", "runs"),
]

#: Words that look inflected but are not: each must keep a stem of its own.
APART = [
    ("need", "ne"),
    ("status", "stat"),
    ("analysis", "analys"),
    ("class", "cla"),
    ("string", "str"),
    ("ml", "m"),
    ("intern", "internal"),
]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family[0])
def test_the_forms_of_a_word_meet_at_one_stem(family: tuple[str, ...]) -> None:
    assert len({stem(word) for word in family}) == 1, {word: stem(word) for word in family}


@pytest.mark.parametrize(("first", "second"), APART)
def test_different_words_keep_different_stems(first: str, second: str) -> None:
    assert stem(first) != stem(second)


def test_question_words_and_stop_words_are_dropped() -> None:
    assert terms("How do I become an ML engineer?") == ["ml", "engineer"]
    assert terms("what is the") == []
    assert {"how", "what", "why", "the", "a"} <= STOP_WORDS


def test_words_keep_digits_and_names_with_plus_signs() -> None:
    assert words("GPT-4, C++ and 6.5840") == ["gpt", "4", "c++", "and", "6", "5840"]


def test_words_read_letters_beyond_ascii() -> None:
    assert words("Café Résumé naïve") == ["café", "résumé", "naïve"]
