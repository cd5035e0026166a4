"""The JSON export: its schema, its shape, and that it loads back unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import careerkb
from careerkb.export import ExportDocument, export_document, export_json, export_schema, export_schema_json
from careerkb.knowledge import KnowledgeBase
from careerkb.models import COLLECTIONS, SCHEMA_VERSION, Figure
from tests.conftest import RunCli

SCHEMA_FILE = Path(__file__).parents[1] / "schemas" / "export.schema.json"


@pytest.fixture(scope="module")
def shipped_export() -> dict[str, Any]:
    return export_document(careerkb.load())


def test_the_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == export_schema_json(), (
        "schemas/export.schema.json is out of date: run `careerkb schema > schemas/export.schema.json`"
    )


def test_the_export_of_the_shipped_data_validates_against_the_schema(shipped_export: dict[str, Any]) -> None:
    jsonschema.validate(shipped_export, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_the_schema_rejects_a_salary_given_as_text(shipped_export: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(shipped_export))
    broken["salary_bands"][0]["low"] = "90K"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, export_schema())


def test_every_collection_is_a_list_of_objects_with_an_id(shipped_export: dict[str, Any]) -> None:
    assert shipped_export["schema_version"] == SCHEMA_VERSION == 2
    assert set(shipped_export) == {"schema_version", *COLLECTIONS}
    assert set(ExportDocument.model_fields) == {"schema_version", *COLLECTIONS}
    for collection in COLLECTIONS:
        assert shipped_export[collection], collection
        assert all(isinstance(record["id"], str) for record in shipped_export[collection])


def test_salary_figures_are_integers(shipped_export: dict[str, Any]) -> None:
    for band in shipped_export["salary_bands"]:
        for key in ("low", "high", "point"):
            assert band[key] is None or type(band[key]) is int, (band["id"], key)


def test_an_export_loads_back_into_the_same_knowledge_base(tmp_path: Path, run_cli: RunCli) -> None:
    folder = tmp_path / "from-export"
    folder.mkdir()
    result = run_cli("export", "--output", str(folder / "careerkb.json"))
    assert result.returncode == 0, result.stderr
    reloaded = careerkb.load(folder)
    assert export_document(reloaded) == export_document(careerkb.load())


def _refuse_constant(name: str) -> None:
    raise AssertionError(f"the export holds {name}, which is not JSON")


def test_the_export_round_trip_is_strict_json(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("export", "--output", str(tmp_path / "careerkb.json"))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "careerkb.json").read_text(encoding="utf-8")
    document = json.loads(text, parse_constant=_refuse_constant)
    assert export_document(careerkb.load(tmp_path)) == document
    assert "never NaN or Infinity" in export_schema()["description"]


def test_a_non_finite_number_cannot_reach_the_export() -> None:
    # Validation refuses it; a record built around validation still does not become 'NaN'.
    with pytest.raises(ValueError, match="finite number"):
        Figure.model_validate({"value": float("nan"), "unit": "percent"})
    kb = careerkb.load()
    fact, origin = next((f, o) for f, o in kb.entries["market_facts"] if f.figure is not None)
    broken = fact.model_copy(update={"figure": Figure.model_construct(value=float("nan"), unit="percent")})
    entries = {**kb.entries, "market_facts": ((broken, origin),)}
    with pytest.raises(ValueError, match="not JSON compliant"):
        export_json(KnowledgeBase.build(entries))
