"""JSON Schemas for the data files, so editors complete fields and underline mistakes as you type.

A data file maps collection names to lists of records (see :mod:`careerkb.loader`). There is one
schema per collection, for a file that holds only that collection, and ``any.schema.json`` for a
file that mixes them. The schemas are generated from :mod:`careerkb.models`, committed under
``schemas/data/`` and kept current by ``careerkb schemas --check``; each data file names its
schema on its first line::

    # yaml-language-server: $schema=../schemas/data/glossary.schema.json

A schema describes a file's shape only: the models' own checks (an as-of date in the future, a
band with a low end above its high end, ids that point nowhere) are for ``careerkb validate``.

>>> schema = data_file_schema("roles")
>>> list(schema["properties"]), schema["required"], schema["additionalProperties"]
(['schema_version', 'roles'], ['roles'], False)
>>> sorted(schema_files())[:3]
['any.schema.json', 'backgrounds.schema.json', 'comparisons.schema.json']
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from careerkb import models
from careerkb.files import write_atomically
from careerkb.models import COLLECTIONS, MOMENT_FORMS_HELP, SCHEMA_VERSION, Moment

if TYPE_CHECKING:
    from pathlib import Path

    from pydantic_core import core_schema

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ANY = "any"
SUFFIX = ".schema.json"
MODELINE = "# yaml-language-server: $schema="

# The short forms Moment accepts ('2026', 'mid-2026', 'Q1 2026', '2026-06', '2026-06-15'). JSON
# Schema patterns have no flags, so the case-insensitive 'Q' and 'mid-' are spelled out.
_MONTH = "(?:0[1-9]|1[0-2])"
_DAY = "(?:0[1-9]|[12][0-9]|3[01])"
MOMENT_PATTERN = rf"^(?:[0-9]{{4}}(?:-{_MONTH}(?:-{_DAY})?)?|[Qq][1-4] [0-9]{{4}}|[Mm][Ii][Dd]-[0-9]{{4}})$"
# What an http(s) address looks like to models.WebUrl: a scheme, a host, no white space or controls.
URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s\x00-\x1f\x7f-\x9f/?#]+[^\s\x00-\x1f\x7f-\x9f]*$"


class _EditorSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema, plus what its validators accept or refuse that it cannot see."""

    def model_schema(self, schema: core_schema.ModelSchema) -> dict[str, Any]:
        json_schema = super().model_schema(schema)
        if schema["cls"] is Moment:
            return _with_short_forms(json_schema)
        return json_schema

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> dict[str, Any]:
        json_schema = super().function_after_schema(schema)
        if schema["function"]["function"] is models._check_web_url:
            json_schema["pattern"] = URL_PATTERN
            json_schema.setdefault("description", "An http:// or https:// address.")
        return json_schema


def _with_short_forms(object_schema: dict[str, Any]) -> dict[str, Any]:
    """Moment's schema is the mapping ``{date, precision}``; people write ``mid-2026``."""
    title = object_schema.pop("title", "Moment")
    description = object_schema.pop("description", "")
    return {
        "title": title,
        "description": f"{description} Write it as {MOMENT_FORMS_HELP}, or a bare year.".strip(),
        "examples": ["mid-2026", "Q1 2026", "2026-06", "2026-06-15", 2026],
        "anyOf": [
            {
                "type": "string",
                "pattern": MOMENT_PATTERN,
                "description": f"A short form: {MOMENT_FORMS_HELP}.",
            },
            {"type": "integer", "minimum": 1900, "maximum": 2100, "description": "A year, e.g. 2026."},
            object_schema,
        ],
    }


def _collection_schema(collection: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The schema of one collection's list of records, and the definitions it refers to."""
    model = COLLECTIONS[collection]
    schema = TypeAdapter(list[model]).json_schema(  # type: ignore[valid-type]
        mode="validation", schema_generator=_EditorSchema
    )
    definitions = schema.pop("$defs", {})
    description = f"A list of {model.__name__} records."
    if model.__doc__:
        description += " " + model.__doc__.strip().splitlines()[0]
    schema = {"description": description, **schema}
    return schema, definitions


def data_file_schema(collection: str | None = None) -> dict[str, Any]:
    """The JSON Schema of a data file holding only ``collection``; of any data file when None."""
    if collection is not None and collection not in COLLECTIONS:
        raise KeyError(f"unknown collection {collection!r}; expected one of: {', '.join(COLLECTIONS)}")
    names = list(COLLECTIONS) if collection is None else [collection]
    properties: dict[str, Any] = {
        "schema_version": {
            "description": "The version of careerkb's data format this file is written for.",
            "type": "integer",
            "const": SCHEMA_VERSION,
        }
    }
    definitions: dict[str, Any] = {}
    for name in names:
        properties[name], found = _collection_schema(name)
        for key, definition in found.items():
            if definitions.setdefault(key, definition) != definition:
                raise RuntimeError(f"two different definitions are both named {key!r}")
    if collection is None:
        title = "careerkb data file"
        holds = f"any of the keys {', '.join(COLLECTIONS)}, each followed by a list of records"
    else:
        title = f"careerkb data file: {collection.replace('_', ' ')}"
        holds = f"the key {collection} followed by a list of records"
    schema: dict[str, Any] = {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": title,
        "description": (
            f"A careerkb data file (YAML) holding {holds}. Generated from careerkb.models by "
            "`careerkb schemas`; do not edit by hand. `careerkb validate` also checks what a schema "
            "cannot, such as dates in the future and ids that point nowhere."
        ),
        "type": "object",
        "properties": properties,
    }
    if collection is not None:
        schema["required"] = [collection]
    schema["additionalProperties"] = False
    schema["$defs"] = dict(sorted(definitions.items()))
    return schema


def schema_file_name(collection: str | None = None) -> str:
    """``roles.schema.json`` for the roles collection; ``any.schema.json`` for None."""
    return f"{collection or ANY}{SUFFIX}"


def schema_files() -> dict[str, str]:
    """Every schema file's name and text, as committed under ``schemas/data/``."""
    files = {}
    for collection in [*COLLECTIONS, None]:
        text = json.dumps(data_file_schema(collection), indent=2, sort_keys=False, ensure_ascii=False)
        files[schema_file_name(collection)] = text + "\n"
    return files


def stale_schema_files(folder: Path) -> list[Path]:
    """The schema files in ``folder`` that are missing or differ from freshly generated ones."""
    stale = []
    for name, text in schema_files().items():
        path = folder / name
        try:
            current = path.read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            current = None
        if current != text:
            stale.append(path)
    return stale


def write_schema_files(folder: Path) -> list[Path]:
    """Write the schema files that are missing or out of date; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    files = schema_files()
    written = []
    for path in stale_schema_files(folder):
        write_atomically(path, files[path.name].encode("utf-8"))
        written.append(path)
    return written
