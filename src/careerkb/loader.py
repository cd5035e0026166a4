"""Loading the data folder: every YAML file read, every record validated, every problem kept.

A data file is a mapping from collection names (``roles``, ``salary_bands``, ...) to lists of
records, so contributors may split or group records across files as they like. Ids must be
unique per collection across all files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from careerkb import cache, integrity
from careerkb.folders import data_files as data_files
from careerkb.folders import default_data_dir as default_data_dir
from careerkb.folders import scan
from careerkb.knowledge import KnowledgeBase, Origin, closest
from careerkb.models import COLLECTIONS, SCHEMA_VERSION, SOC_PATTERN, Record
from careerkb.problems import DataError, FieldPath, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pydantic_core import ErrorDetails

    from careerkb.yaml_reader import YamlDocument


def load(data_dir: str | Path | None = None, *, today: dt.date | None = None) -> KnowledgeBase:
    """Load and check the knowledge base; raise :class:`DataError` listing every problem.

    >>> kb = load()
    >>> kb.role("mle").title
    'Machine Learning Engineer'
    """
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    if not folder.is_dir():
        raise DataError([Problem.at(folder, 1, (), "no such data folder")])
    files, problems = scan(folder)
    # A given date is a test's: it may judge the same files differently, so it skips the cache;
    # a stray file is a problem, and only valid data is cached.
    cache_key = cache.key(folder, files) if today is None and not problems else None
    cached = cache.read(folder, cache_key)
    if cached is not None:
        return cached
    # Only now: a load answered from the cache never needs the YAML reader.
    from careerkb import yaml_reader

    records: dict[str, list[tuple[Record, Origin]]] = {name: [] for name in COLLECTIONS}
    # Ids of records that failed validation still exist for the references that name them.
    invalid_ids: dict[str, set[str]] = {name: set() for name in COLLECTIONS}
    unreadable = False
    if not files:
        problems.append(Problem.at(folder, 1, (), "the data folder holds no data files"))
    # The files parsed at the last valid load: an unchanged one is not parsed again. Its
    # records are still validated, and checked against every other file's.
    code = cache.code_key() if cache_key is not None else None
    before = cache.parsed_files(folder) if code is not None else {}
    parsed: dict[str, tuple[str, YamlDocument]] = {}
    for path in files:
        file_key = cache.file_key(code, path) if code is not None else None
        kept = before.get(str(path))
        document: YamlDocument | None
        read_problems: list[Problem]
        if file_key is not None and kept is not None and kept[0] == file_key:
            document, read_problems = kept[1], []
        else:
            document, read_problems = yaml_reader.read_yaml(path)
        problems += read_problems
        if document is None:
            unreadable = True
        else:
            if file_key is not None and not read_problems:
                parsed[str(path)] = (file_key, document)
            problems += _collect(document, records, invalid_ids, today or dt.date.today())
    kb = KnowledgeBase.build(records)
    # With a file unread, any id may live in it: reference checks would only add noise.
    problems += integrity.check(kb, invalid_ids, check_references=not unreadable)
    if problems:
        raise DataError(problems)
    cache.write(folder, cache_key, kb)
    if _keys(parsed) != _keys(before):
        cache.keep_parsed_files(folder, parsed)
    return kb


def _keys(parsed: dict[str, tuple[str, YamlDocument]]) -> dict[str, str]:
    return {path: found[0] for path, found in parsed.items()}


def validate(data_dir: str | Path | None = None, *, today: dt.date | None = None) -> list[Problem]:
    """Every problem in the data folder, in file and line order; empty when it is valid."""
    try:
        load(data_dir, today=today)
    except DataError as error:
        return list(error.problems)
    return []


def _collect(
    document: YamlDocument,
    records: dict[str, list[tuple[Record, Origin]]],
    invalid_ids: dict[str, set[str]],
    today: dt.date,
) -> list[Problem]:
    data = document.data
    here = document.path
    # Records remember where they were read, not the raw values they were validated from.
    located = replace(document, data=None)
    if data is None:
        return [Problem.at(here, 1, (), f"the file is empty; start it with one of: {_names()}")]
    if not isinstance(data, dict):
        kind = type(data).__name__
        return [
            Problem.at(
                here,
                1,
                (),
                f"expected a mapping such as 'roles:' followed by a list, got a {_type_name(kind)}",
            )
        ]
    problems = []
    for collection, items in data.items():
        field: FieldPath = (collection,)
        if collection == "schema_version":  # present in exports, which load like any data file
            if items != SCHEMA_VERSION:
                message = f"this careerkb reads schema version {SCHEMA_VERSION}, not {items!r}"
                problems.append(Problem.at(here, document.line_of(field), field, message))
            continue
        model = COLLECTIONS.get(collection)
        if model is None:
            hint = _did_you_mean(collection, COLLECTIONS)
            problems.append(
                Problem.at(
                    here,
                    document.line_of(field),
                    field,
                    f"unknown collection {collection!r}{hint}; expected one of: {_names()}",
                )
            )
            continue
        if not isinstance(items, list):
            problems.append(
                Problem.at(
                    here,
                    document.line_of(field),
                    field,
                    f"expected a list of records, got a {_type_name(type(items).__name__)}",
                )
            )
            continue
        for index, item in enumerate(items):
            origin = Origin(located, (collection, index))
            try:
                record = model.model_validate(item, context={"today": today})
            except ValidationError as error:
                problems += _located(error.errors(), origin, model)
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    invalid_ids[collection].add(item["id"])
                continue
            records[collection].append((record, origin))
    return problems


def _located(errors: Iterable[ErrorDetails], origin: Origin, model: type[Record]) -> list[Problem]:
    problems = []
    for error in errors:
        # Pydantic names the union branch or validator in the location; people need only the fields.
        loc = tuple(part for part in error["loc"] if isinstance(part, int) or "[" not in part)
        problems.append(origin.problem(loc, _message(error, model)))
    return problems


def _message(error: ErrorDetails, model: type[Record]) -> str:
    kind = error["type"]
    given = error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        field = str(error["loc"][-1])
        return f"unknown field{_did_you_mean(field, _field_names(model))}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        context = error.get("ctx", {})
        return f"needs at least {context.get('min_length')} items, got {context.get('actual_length')}"
    if kind == "string_pattern_mismatch":
        if error.get("ctx", {}).get("pattern") == SOC_PATTERN:
            return f"{given!r} is not a SOC code: write two digits, a hyphen and four digits, as in '15-2051'"
        return f"{given!r} is not a valid id: use lowercase letters, digits and single hyphens"
    if kind in {"literal_error", "enum"}:
        expected = error.get("ctx", {}).get("expected", "")
        return f"{given!r} is not allowed; expected {expected}"
    if kind == "greater_than" and error.get("ctx", {}).get("gt") == 0:
        return f"must be greater than zero, got {given!r}"
    if kind == "finite_number":  # the same words as the reader's, for an unquoted .nan
        return f"{given!r} is not a finite number; figures must be real numbers"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"{error['msg'].lower()}, got {_type_name(type(given).__name__)} {given!r}"
    return str(error["msg"]).replace("Value error, ", "")


def _field_names(model: type[Record]) -> set[str]:
    names: set[str] = set()
    for field in model.model_fields:
        names.add(field)
    for submodel in _submodels(model):
        names |= set(submodel.model_fields)
    return names


def _submodels(model: type[Record]) -> Iterable[type[Record]]:
    for info in model.model_fields.values():
        for candidate in _types_in(info.annotation):
            if isinstance(candidate, type) and issubclass(candidate, Record):
                yield candidate
                yield from _submodels(candidate)


def _types_in(annotation: Any) -> Iterable[Any]:
    yield annotation
    for argument in getattr(annotation, "__args__", ()):
        yield from _types_in(argument)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    near = closest(word, choices, limit=1)
    return f" (did you mean {near[0]!r}?)" if near else ""


def _names() -> str:
    return ", ".join(COLLECTIONS)


def _type_name(python_name: str) -> str:
    return {
        "list": "list",
        "dict": "mapping",
        "str": "text",
        "int": "number",
        "float": "number",
        "bool": "true/false",
        "NoneType": "empty value",
        "date": "date",
    }.get(python_name, python_name)
