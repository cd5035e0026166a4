"""Facts carry over from the source documents; sentences do not.

No run of twelve words from any source document may appear in the data or the handbook's
pages. Words are compared without case, punctuation or MyST markup, so reformatting a copied
sentence does not hide it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SOURCE_TEXTS = ROOT.parent / "shared" / "sources"
RUN = 12

# Addresses (facts, not prose), MyST roles ({term}`...`) and link targets (<page>).
_MARKUP = re.compile(r"https?://\S+|\{[\w:-]+\}|<[^<>\n]*>")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, without punctuation or markup.

    >>> words("The {term}`RAG <retrieval-augmented-generation>` app's *first* step.")
    ['the', 'rag', 'app’s', 'first', 'step']
    """
    return [word.replace("'", "’") for word in _WORD.findall(_MARKUP.sub(" ", text.casefold()))]


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def copied_runs(text: str, source_runs: set[tuple[str, ...]]) -> list[tuple[int, str]]:
    """Each line of ``text`` where a run from the sources starts, with the run."""
    found = []
    tokens: list[tuple[int, str]] = [
        (number, word) for number, line in enumerate(text.splitlines(), 1) for word in words(line)
    ]
    for i in range(len(tokens) - RUN + 1):
        run = tuple(word for _, word in tokens[i : i + RUN])
        if run in source_runs:
            found.append((tokens[i][0], " ".join(run)))
    return found


@pytest.fixture(scope="module")
def source_runs() -> set[tuple[str, ...]]:
    if not SOURCE_TEXTS.is_dir():
        pytest.skip(f"the source documents are not at {SOURCE_TEXTS}")
    documents = [path for path in SOURCE_TEXTS.iterdir() if path.name != "README.md"]
    assert len(documents) >= 13
    return set().union(*(runs(words(path.read_text(encoding="utf-8"))) for path in documents))


def _our_files() -> list[Path]:
    return sorted(
        path
        for folder in (ROOT / "data", ROOT / "docs")
        for path in folder.rglob("*")
        if path.suffix in {".yaml", ".yml", ".md", ".json"} and path.is_file()
    )


def test_the_check_finds_a_copied_sentence_however_it_is_marked_up(
    source_runs: set[tuple[str, ...]],
) -> None:
    copied = (
        "Intro.\nThe {term}`MLE <machine-learning-engineer>` works *close* to the model itself, "
        "training and tuning it.\nThe AI Engineer usually takes a model that already exists."
    )
    found = copied_runs(copied, source_runs)
    # The copy runs on across the line break for 22 words: each of its 11 runs is reported at
    # the line where it starts.
    assert found[0] == (2, "the mle works close to the model itself training and tuning it")
    assert len(found) == 11
    assert {line for line, _ in found} == {2}
    assert copied_runs("The MLE works near the model, training and tuning it.", source_runs) == []


@pytest.mark.parametrize("path", _our_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_run_of_twelve_words_from_a_source(path: Path, source_runs: set[tuple[str, ...]]) -> None:
    found = copied_runs(path.read_text(encoding="utf-8"), source_runs)
    assert not found, "\n".join(f"{path.relative_to(ROOT)}:{line}: {run!r}" for line, run in found)
