"""Property-based tests: whatever bytes a data file holds, loading never crashes; and any valid
knowledge base survives export -> load unchanged."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import careerkb
from careerkb.export import export_document
from tests.conftest import FIXTURES

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _validate_with(extra_name: str, content: bytes) -> list[careerkb.Problem]:
    with tempfile.TemporaryDirectory() as temp:
        data = Path(temp) / "data"
        shutil.copytree(FIXTURES / "minimal", data)
        (data / extra_name).write_bytes(content)
        return careerkb.validate(data)


def _assert_located(problems: list[careerkb.Problem]) -> None:
    for problem in problems:
        assert problem.line >= 1
        assert problem.file.endswith(".yaml")
        assert problem.field
        assert problem.message.strip()


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_located_problems_never_a_crash(content: bytes) -> None:
    _assert_located(_validate_with("extra.yaml", content))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@SETTINGS
@given(st.sampled_from(["roles", "salary_bands", "glossary", "sources", "market_facts"]), json_values)
def test_any_structure_under_a_collection_gives_located_problems(collection: str, value: Any) -> None:
    document = yaml.safe_dump({collection: value}, allow_unicode=True).encode("utf-8")
    _assert_located(_validate_with("extra.yaml", document))


names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Cf", "Zl", "Zp"]),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() == text and text.strip())


@st.composite
def glossaries(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(min_value=1, max_value=6))
    definitions = draw(st.lists(names, min_size=count, max_size=count))
    return [
        {"id": f"term-{index}", "term": f"Term {index}", "definition": definition, "see_also": []}
        for index, definition in enumerate(definitions)
    ]


@st.composite
def bands(draw: st.DrawFn) -> list[dict[str, Any]]:
    result = []
    for index in range(draw(st.integers(min_value=1, max_value=5))):
        low = draw(st.integers(min_value=1, max_value=5_000_000))
        high = draw(st.one_of(st.none(), st.integers(min_value=low, max_value=10_000_000)))
        result.append(
            {
                "id": f"band-{index}",
                "role": draw(st.sampled_from(["builder", "user"])),
                "source": "guide",
                "as_of": draw(st.sampled_from(["2025", "mid-2025", "Q2 2026", "2026-03", "2024-12-31"])),
                "level": draw(
                    st.sampled_from(["entry", "mid", "senior", "staff", "architect", "frontier-lab"])
                ),
                "level_label": draw(names),
                "low": low,
                "high": high,
                "open_high": high is None or draw(st.booleans()),
                "approximate": draw(st.booleans()),
            }
        )
    return result


@SETTINGS
@given(glossaries(), bands())
def test_export_then_load_gives_back_the_same_knowledge_base(
    glossary: list[dict[str, Any]], salary_bands: list[dict[str, Any]]
) -> None:
    with tempfile.TemporaryDirectory() as temp:
        data = Path(temp) / "data"
        shutil.copytree(FIXTURES / "minimal", data)
        (data / "glossary.yaml").write_text(yaml.safe_dump({"glossary": glossary}, allow_unicode=True))
        (data / "salary_bands.yaml").write_text(yaml.safe_dump({"salary_bands": salary_bands}))
        original = export_document(careerkb.load(data))

        exported = Path(temp) / "exported"
        exported.mkdir()
        (exported / "careerkb.json").write_text(json.dumps(original, ensure_ascii=False), encoding="utf-8")
        assert export_document(careerkb.load(exported)) == original
