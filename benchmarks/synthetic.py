"""Seeded, deterministic synthetic data for benchmarks: many glossary terms with realistic text.

>>> terms = synthetic_glossary(3, seed=1)
>>> [term["id"] for term in terms] == [term["id"] for term in synthetic_glossary(3, seed=1)]
True
"""

from __future__ import annotations

import random
from typing import Any

WORDS = (
    *("model", "agent", "data", "pipeline", "feature", "vector", "embedding", "retrieval"),
    *("prompt", "evaluation", "latency", "token", "serving", "training", "inference"),
    *("monitoring", "drift", "guardrail", "tool", "memory", "graph", "cluster", "gradient"),
    *("metric", "dataset", "schema", "endpoint", "cache", "queue", "workflow", "deployment"),
    *("experiment", "baseline"),
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic_glossary(count: int, seed: int = 2026) -> list[dict[str, Any]]:
    """``count`` glossary records in the shape of data/glossary.yaml, with unique names."""
    rng = random.Random(seed)
    terms = []
    for index in range(count):
        head = " ".join(rng.choice(WORDS) for _ in range(2)).title()
        name = f"{head} {index:05d}"
        terms.append(
            {
                "id": f"synthetic-{index:05d}",
                "term": name,
                "aliases": [f"{head.lower()} alias {index:05d}"],
                "definition": " ".join(_sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(2, 4))),
                "see_also": [f"synthetic-{(index + 1) % count:05d}"] if count > 1 else [],
            }
        )
    return terms
