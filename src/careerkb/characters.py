"""Characters that do not show: controls, invisible and bidirectional marks.

A terminal obeys control characters (``\\x1b[31m`` recolours it, an OSC sequence retitles the
window); bidirectional overrides reorder what a reader sees; zero-width characters make two
different ids look the same. The data reader refuses them in text (:func:`first_unsafe`) and
everything the command line prints from data shows them escaped (:func:`visible`), as ``git``
and ``ls`` do.
"""

from __future__ import annotations

import re

# Controls (Unicode category Cc: C0, DEL, C1) other than tab and newline; every format character
# (Cf: zero-width, joiners, the byte-order mark, bidirectional embeddings, overrides and isolates,
# soft hyphen, tags); the line and paragraph separators (Zl, Zp). Listed from Unicode 14, so the
# check costs no start-up time.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_UNSAFE_OR_LAYOUT = re.compile(f"{_UNSAFE.pattern}|[\n\t]")


def _pattern(allow_layout: bool) -> re.Pattern[str]:
    return _UNSAFE if allow_layout else _UNSAFE_OR_LAYOUT


def first_unsafe(text: str, *, allow_layout: bool = True) -> tuple[int, str] | None:
    """The index and name of the first character that must not be in data text, or None.

    Newlines and tabs are layout and pass unless ``allow_layout`` is off.

    >>> first_unsafe("Builder\\u200b")
    (7, 'U+200B ZERO WIDTH SPACE')
    >>> first_unsafe("two\\nlines") is None
    True
    >>> first_unsafe("two\\nlines", allow_layout=False)
    (3, 'U+000A LINE FEED')
    """
    found = _pattern(allow_layout).search(text)
    if found is None:
        return None
    return found.start(), describe(found.group())


def describe(char: str) -> str:
    """A character's code point and name, e.g. 'U+001B ESCAPE'."""
    # Here, not above: loading its tables costs the look-ups' cold start a tenth, and only
    # error messages name characters.
    import unicodedata

    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "control character")
    return f"U+{ord(char):04X} {name}"


def visible(text: str) -> str:
    """``text`` with every unsafe character written as an escape; newlines and tabs stay.

    >>> visible("\\x1b[31mred\\x1b[0m \\u202eevil")
    '\\\\x1b[31mred\\\\x1b[0m \\\\u202eevil'
    >>> visible("two\\nlines")
    'two\\nlines'
    """
    return _UNSAFE.sub(_escape, text)


def json_visible(json_text: str) -> str:
    """JSON text with unsafe characters as ``\\uXXXX`` escapes, which JSON reads back the same.

    Only strings can hold such characters, so every replacement lands inside one.

    >>> json_visible('"a\\u202eb"')
    '"a\\\\u202eb"'
    """
    return _UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", json_text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# unicodedata has no names for the controls.
_CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
    0x9B: "CONTROL SEQUENCE INTRODUCER",
    0x9D: "OPERATING SYSTEM COMMAND",
}
