"""How names are compared: the one normal form every look-up by name uses.

Standard library only, so the look-up commands' snapshot (:mod:`careerkb.snapshot`) resolves a
name exactly as the knowledge base does without importing it.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s_-]+")


def normalize(name: str) -> str:
    """The form names are compared in.

    >>> normalize("  LLM-as-Judge ")
    'llm as judge'
    >>> normalize("Retrieval_Augmented   generation") == normalize("retrieval-augmented generation")
    True
    """
    return _SEPARATORS.sub(" ", name.casefold()).strip()
