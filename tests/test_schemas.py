"""The editor schemas for the data files: current, pointed at by every file, and as strict as the models."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from careerkb.loader import data_files
from careerkb.models import COLLECTIONS, SCHEMA_VERSION, Moment, Record
from careerkb.schemas import MODELINE, MOMENT_PATTERN, data_file_schema, schema_file_name, schema_files
from tests.conftest import RunCli

ROOT = Path(__file__).parents[1]
DATA = ROOT / "data"
SCHEMAS = ROOT / "schemas" / "data"
REGENERATE = "run `careerkb schemas` in the repository to regenerate them"


def _plain(value: Any) -> Any:
    """YAML data as JSON would hold it: dates become ISO strings, as editors see them."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _load(path: Path) -> Any:
    return _plain(yaml.safe_load(path.read_text(encoding="utf-8")))


def _validator(collection: str | None = None) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(data_file_schema(collection))


def _first_record(collection: str) -> dict[str, Any]:
    """A copy of the first shipped record of ``collection``, to break in one place."""
    for path in data_files(DATA):
        records = _load(path).get(collection)
        if records:
            return copy.deepcopy(records[0])
    raise AssertionError(f"no shipped {collection}")


# --- the committed files ----------------------------------------------------------------------------


def test_the_committed_schemas_are_current() -> None:
    fresh = schema_files()
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMAS.glob("*.schema.json")}
    assert sorted(committed) == sorted(fresh), f"schemas/data holds other files than expected: {REGENERATE}"
    stale = [name for name, text in fresh.items() if committed[name] != text]
    assert not stale, f"out of date in schemas/data: {', '.join(stale)}; {REGENERATE}"


def test_there_is_a_schema_per_collection_and_one_for_any_file() -> None:
    assert sorted(schema_files()) == sorted(
        [*(f"{name}.schema.json" for name in COLLECTIONS), "any.schema.json"]
    )


@pytest.mark.parametrize("collection", [*COLLECTIONS, None])
def test_each_schema_is_valid_draft_2020_12_with_a_title_and_description(collection: str | None) -> None:
    schema = data_file_schema(collection)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"]
    assert schema["description"]
    assert schema["additionalProperties"] is False


def test_a_collection_schema_requires_and_permits_only_its_collection() -> None:
    roles = _validator("roles")
    role = _first_record("roles")
    assert roles.is_valid({"roles": [role]})
    assert roles.is_valid({"schema_version": SCHEMA_VERSION, "roles": [role]})
    assert not roles.is_valid({"schema_version": SCHEMA_VERSION + 1, "roles": [role]})
    assert not roles.is_valid({})
    assert not roles.is_valid({"roles": [role], "glossary": []})
    assert _validator().is_valid({"roles": [role], "glossary": [_first_record("glossary")]})
    assert not _validator().is_valid({"rolez": [role]})


def test_an_unknown_collection_has_no_schema() -> None:
    with pytest.raises(KeyError, match="unknown collection 'rolez'"):
        data_file_schema("rolez")


def _models(model: type[BaseModel]) -> set[type[BaseModel]]:
    found = {model}
    for info in model.model_fields.values():
        annotations = [info.annotation]
        while annotations:
            annotation = annotations.pop()
            annotations += getattr(annotation, "__args__", ())
            if isinstance(annotation, type) and issubclass(annotation, Record) and annotation not in found:
                found |= _models(annotation)
    return found


def _texts(schema: Any) -> set[str]:
    if isinstance(schema, dict):
        return set().union(*(_texts(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_texts(value) for value in schema))
    return {schema} if isinstance(schema, str) else set()


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_description_in_the_models_reaches_the_schema(collection: str) -> None:
    """Editors show them on hover: a field's description, and a record's docstring."""
    texts = _texts(data_file_schema(collection))
    for model in _models(COLLECTIONS[collection]):
        if model.__doc__:
            assert any(text.startswith(model.__doc__.strip()) for text in texts), model.__name__
        for name, info in model.model_fields.items():
            for description in [info.description, *(getattr(m, "description", None) for m in info.metadata)]:
                if description:
                    assert description in texts, f"{model.__name__}.{name}"


# --- the data files point at their schemas and validate ----------------------------------------


@pytest.mark.parametrize("path", data_files(DATA), ids=lambda path: str(path.relative_to(DATA)))
def test_every_data_file_names_its_schema_on_the_first_line_and_validates(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").partition("\n")[0]
    assert first_line.startswith(MODELINE), f"{path} must start with '{MODELINE}<path to its schema>'"
    schema_path = (path.parent / first_line.removeprefix(MODELINE)).resolve()
    assert schema_path.parent == SCHEMAS.resolve(), f"{path} names a schema outside schemas/data"
    assert schema_path.is_file(), f"{path} names {schema_path}, which does not exist"
    document = _load(path)
    collections = [key for key in document if key != "schema_version"]
    expected = schema_file_name(collections[0] if len(collections) == 1 else None)
    assert schema_path.name == expected, f"{path} holds {collections}: point it at {expected}"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in jsonschema.Draft202012Validator(schema).iter_errors(document)
    ]
    assert not errors, errors


# --- the schemas underline what the models refuse, and accept the short forms people write ---------


def _break(collection: str, field: str, value: Any) -> dict[str, Any]:
    record = _first_record(collection)
    record[field] = value
    return record


BAD = {
    "a misspelt field in a salary band": ("salary_bands", "hihg", 135000),
    "a salary given as text": ("salary_bands", "low", "90K"),
    "a salary of zero": ("salary_bands", "point", 0),
    "a role status that is not allowed": (
        "roles",
        "status",
        {"value": "thriving", "source": "x", "as_of": 2026},
    ),
    "an as-of date in words": ("sources", "as_of", "summer 2026"),
    "an as-of month that does not exist": ("sources", "as_of", "2026-13"),
    "an as-of quarter that does not exist": ("sources", "as_of", "Q5 2026"),
    "an as-of year of two digits": ("sources", "as_of", 26),
    "an address without http": ("sources", "url", "www.example.com"),
    "an address with another scheme": ("sources", "url", "ftp://example.com/file"),
    "an id with capitals": ("glossary", "id", "Prompt-Engineering"),
    "a cost that is not allowed": ("resources", "cost", "cheap"),
}


@pytest.mark.parametrize("case", BAD.values(), ids=BAD.keys())
def test_the_schema_rejects_what_the_models_reject(case: tuple[str, str, Any]) -> None:
    collection, field, value = case
    record = _break(collection, field, value)
    with pytest.raises(ValidationError):
        COLLECTIONS[collection].model_validate(record)
    for schema in (collection, None):
        assert not _validator(schema).is_valid({collection: [record]}), f"{schema or 'any'} accepts it"


GOOD_DATES = ["mid-2026", "Mid-2026", "Q1 2026", "q4 2025", "2026", 2026, "2026-06", "2026-06-15"]


@pytest.mark.parametrize("as_of", [*GOOD_DATES, {"date": "2026-01-01", "precision": "quarter"}])
def test_the_schema_accepts_the_short_forms_of_a_date(as_of: Any) -> None:
    record = _break("salary_bands", "as_of", as_of)
    COLLECTIONS["salary_bands"].model_validate(record, context={"today": dt.date(2030, 1, 1)})
    assert _validator("salary_bands").is_valid({"salary_bands": [record]})


def test_a_yaml_date_is_accepted_once_read_as_an_editor_would() -> None:
    record = _break("sources", "as_of", yaml.safe_load("2026-03-01"))
    assert isinstance(record["as_of"], dt.date)
    assert _validator("sources").is_valid(_plain({"sources": [record]}))


def test_a_period_takes_short_forms_at_both_ends() -> None:
    fact = _first_record("market_facts")
    fact["period"] = {"start": "Q1 2025", "end": 2026}
    assert _validator("market_facts").is_valid({"market_facts": [fact]})
    fact["period"] = {"start": "Q1 2025", "end": "now"}
    assert not _validator("market_facts").is_valid({"market_facts": [fact]})


def _moment_schema_accepts(value: str) -> bool:
    moment = data_file_schema("sources")["$defs"]["Moment"]
    return jsonschema.Draft202012Validator(moment).is_valid(value)


@given(
    st.one_of(
        st.text(alphabet="0123456789-Qqmid ", max_size=11),
        st.from_regex(MOMENT_PATTERN, fullmatch=True),
    ).filter(lambda text: text == text.strip())
)
@example("2026-02-30")
@example("0000")
@example("mid-2026")
def test_the_schema_accepts_a_date_exactly_when_the_model_does(text: str) -> None:
    try:
        Moment.model_validate(text)
    except ValidationError as error:
        # The schema cannot know that February has no 30th or that there was no year 0.
        accepted = False
        impossible = "is not a real date" in str(error)
    else:
        accepted, impossible = True, False
    assert _moment_schema_accepts(text) == accepted or impossible, text


# --- the command ------------------------------------------------------------------------------------


def test_check_passes_on_the_repository(run_cli: RunCli) -> None:
    result = run_cli("schemas", "--check", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "are current" in result.stdout


def test_check_fails_on_an_edited_or_missing_schema_and_writing_repairs_it(
    run_cli: RunCli, tmp_path: Path
) -> None:
    copy_dir = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, copy_dir)
    assert run_cli("schemas", "--check", "--output", str(copy_dir)).returncode == 0
    edited = copy_dir / "roles.schema.json"
    edited.write_text(edited.read_text(encoding="utf-8").replace('"Role"', '"Rôle"'), encoding="utf-8")
    (copy_dir / "glossary.schema.json").unlink()

    result = run_cli("schemas", "--check", "--output", str(copy_dir))
    assert result.returncode == 1
    assert f"{edited}: out of date" in result.stderr
    assert f"{copy_dir / 'glossary.schema.json'}: missing" in result.stderr
    assert "careerkb schemas --output" in result.stderr
    assert "Rôle" in edited.read_text(encoding="utf-8"), "--check must not write"

    written = run_cli("schemas", "--output", str(copy_dir))
    assert written.returncode == 0, written.stderr
    assert "2 of 15 schemas" in written.stdout
    assert run_cli("schemas", "--check", "--output", str(copy_dir)).returncode == 0
    assert edited.read_text(encoding="utf-8") == (SCHEMAS / "roles.schema.json").read_text(encoding="utf-8")
