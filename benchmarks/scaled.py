"""The shipped data scaled by a factor, for the build benchmark: seeded and deterministic.

Scaling copies the real records, so text lengths and the shape of every record stay realistic.
Copy 0 keeps the real ids and names; copy ``c`` suffixes every id with ``-cNNN`` and every name
with `` N``, and renames the references between records to match. Sources and the search's
synonyms are shared by all copies (a bigger handbook cites the same guides more often, and its
words mean the same). Each copy keeps a seeded sample of ``TERMS_PER_COPY`` glossary terms,
so 100x is 1,300 roles in 500 tiers and 6,000 terms.

>>> data = scaled_collections(2)
>>> [len(data[name]) for name in ("tiers", "roles", "occupations", "glossary")]
[10, 26, 14, 120]
>>> data == scaled_collections(2)
True
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

from careerkb.loader import data_files, default_data_dir

TERMS_PER_COPY = 60
#: Collections every copy shares: the same guides are cited, the same words mean the same.
SHARED = ("sources", "synonyms")
#: Fields that name roles or terms: renamed with the copy's suffix.
REFERENCE_LISTS = ("roles", "related_roles", "see_also", "opens", "opens_with_portfolio")
REFERENCE_KEYS = ("by_role", "sides")
#: Fields that name one record (a band's role, a role's tier): renamed with the copy's suffix.
REFERENCE_FIELDS = ("role", "tier")
#: Fields that must be unique across the data: suffixed with the copy's number.
NAME_FIELDS = ("title", "term", "abbreviation")

Raw = dict[str, Any]


def real_collections(data_dir: Path | None = None) -> dict[str, list[Raw]]:
    """The shipped records as plain YAML values, collection by collection."""
    collections: dict[str, list[Raw]] = {}
    for path in data_files(data_dir or default_data_dir()):
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for name, records in document.items():
            collections.setdefault(name, []).extend(records)
    return collections


def scaled_collections(
    factor: int, *, seed: int = 2026, data_dir: Path | None = None
) -> dict[str, list[Raw]]:
    """``factor`` copies of every collection but sources, with TERMS_PER_COPY terms a copy."""
    if factor < 1:
        raise ValueError(f"the factor must be 1 or more, got {factor}")
    real = real_collections(data_dir)
    rng = random.Random(seed)
    scaled: dict[str, list[Raw]] = {name: real[name] for name in SHARED if name in real}
    for copy in range(factor):
        terms = rng.sample(real["glossary"], min(TERMS_PER_COPY, len(real["glossary"])))
        kept_terms = {term["id"] for term in terms}
        for name, records in real.items():
            if name in SHARED:
                continue
            chosen = terms if name == "glossary" else records
            scaled.setdefault(name, []).extend(_copy(record, copy, kept_terms) for record in chosen)
    return scaled


def _copy(record: Raw, copy: int, kept_terms: set[str]) -> Raw:
    def rename(record_id: str) -> str:
        return f"{record_id}-c{copy:03d}" if copy else record_id

    def suffix(name: str) -> str:
        return f"{name} {copy}" if copy else name

    result = dict(record)
    result["id"] = rename(record["id"])
    for field in REFERENCE_FIELDS:
        if field in record:
            result[field] = rename(record[field])
    if "occupations" in record:
        result["occupations"] = [
            {**link, "occupation": rename(link["occupation"])} for link in record["occupations"]
        ]
    if "learning_path" in record:
        steps = record["learning_path"]["steps"]
        result["learning_path"] = {
            **record["learning_path"],
            "steps": [
                {**step, "resources": [rename(r) for r in step.get("resources", [])]} for step in steps
            ],
        }
    if "pay_order" in record:
        order = record["pay_order"]
        result["pay_order"] = {**order, "first": rename(order["first"]), "second": rename(order["second"])}
    if "dimensions" in record:
        result["dimensions"] = [
            {**row, "by_role": {rename(key): value for key, value in row["by_role"].items()}}
            for row in record["dimensions"]
        ]
    for field in REFERENCE_LISTS:
        if field in record:
            kept = [ref for ref in record[field] if field != "see_also" or ref in kept_terms]
            result[field] = [rename(ref) for ref in kept]
    for field in REFERENCE_KEYS:
        if field in record:
            result[field] = {rename(key): value for key, value in record[field].items()}
    for field in NAME_FIELDS:
        if record.get(field):
            result[field] = suffix(record[field])
    if "aliases" in record:
        result["aliases"] = [
            {**alias, "name": suffix(alias["name"])} if isinstance(alias, dict) else suffix(alias)
            for alias in record["aliases"]
        ]
    return result


def write_scaled_data(factor: int, out: Path, *, seed: int = 2026) -> Path:
    """Write the scaled data in the shipped layout: one file per role, one per other collection."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "roles").mkdir(exist_ok=True)
    for name, records in scaled_collections(factor, seed=seed).items():
        if name == "roles":
            for role in records:
                dump_yaml({"roles": [role]}, out / "roles" / f"{role['id']}.yaml")
        else:
            dump_yaml({name: records}, out / f"{name}.yaml")
    return out


class _Dumper(yaml.CSafeDumper):
    # Copies share nested values; careerkb refuses YAML anchors, so write each one out.
    def ignore_aliases(self, data: object) -> bool:
        return True


def dump_yaml(document: Raw, path: Path) -> None:
    text = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("factor", type=int, help="how many copies of the shipped data")
    parser.add_argument("out", type=Path, help="the folder to write the data files into")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    write_scaled_data(args.factor, args.out, seed=args.seed)


if __name__ == "__main__":
    main()
