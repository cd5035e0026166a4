"""careerkb: AI job roles, pay, demand, learning paths and terms, as cited, validated records.

>>> import careerkb
>>> kb = careerkb.load()
>>> kb.term("LoRA").term
'Low-Rank Adaptation'
"""

from __future__ import annotations

__version__ = "0.1.0"

# Not typing.TYPE_CHECKING: importing typing is a good part of the look-ups' fast start-up.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from careerkb.folders import default_data_dir
    from careerkb.knowledge import KnowledgeBase, UnknownRecordError
    from careerkb.loader import load, validate
    from careerkb.problems import DataError, Problem

# The public names, imported on first use: `careerkb --help` should not wait for pydantic.
_LAZY = {
    "KnowledgeBase": "careerkb.knowledge",
    "UnknownRecordError": "careerkb.knowledge",
    "default_data_dir": "careerkb.folders",
    "load": "careerkb.loader",
    "validate": "careerkb.loader",
    "DataError": "careerkb.problems",
    "Problem": "careerkb.problems",
}

__all__ = [
    "DataError",
    "KnowledgeBase",
    "Problem",
    "UnknownRecordError",
    "__version__",
    "default_data_dir",
    "load",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'careerkb' has no attribute {name!r}")
