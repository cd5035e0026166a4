"""What careerkb counts as an unsafe character, checked against Unicode's own categories."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from careerkb.characters import first_unsafe, visible
from careerkb.models import Source


def test_the_unsafe_characters_are_every_control_format_and_separator_character() -> None:
    # The list in careerkb.characters is written out (for start-up time); this keeps it whole.
    unsafe_categories = {"Cc", "Cf", "Zl", "Zp"}
    wrong = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if (first_unsafe(chr(code)) is not None)
        != (unicodedata.category(chr(code)) in unsafe_categories and chr(code) not in "\n\t")
        and unicodedata.category(chr(code)) != "Cn"  # unassigned in this Python's Unicode
    ]
    assert wrong == []


def test_visible_escapes_what_a_terminal_would_obey() -> None:
    assert visible("\x1b]0;title\x07 \x9b2J \u2066x\u2069\ttab\nline") == (
        "\\x1b]0;title\\x07 \\x9b2J \\u2066x\\u2069\ttab\nline"
    )


@pytest.mark.parametrize(
    "url", ["https://example.org/\x00", "https://example.org/\x1b[31m", "https://exa\u202emple.org"]
)
def test_a_url_with_a_control_character_is_refused_by_the_model(url: str) -> None:
    record = {"id": "guide", "title": "T", "publisher": "P", "as_of": "2025", "covers": "C.", "url": url}
    with pytest.raises(ValueError, match="without spaces or control characters"):
        Source.model_validate(record)
