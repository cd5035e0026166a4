"""careerkb: AI job roles, pay, demand, learning paths and terms, as cited, validated records.

>>> import careerkb
>>> kb = careerkb.load()
>>> kb.term("LoRA").term
'Low-Rank Adaptation'
"""

from careerkb.knowledge import KnowledgeBase, UnknownRecordError
from careerkb.loader import default_data_dir, load, validate
from careerkb.problems import DataError, Problem

__version__ = "0.1.0"

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
