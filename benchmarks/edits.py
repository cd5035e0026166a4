"""Single edits a contributor makes, applied to a generated project: for the benchmark's
incremental builds and for the test that an incremental build equals a clean one.

A project is a folder with ``data/`` (benchmarks/scaled.py) and ``docs/`` (benchmarks/handbook.py).
Each edit picks its target with the given random generator, changes one record or one page the
way a person would (the file is saved whole, as an editor does) and returns what it did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import yaml

import careerkb
from benchmarks.scaled import dump_yaml
from careerkb.models import LEVEL_ORDER

if TYPE_CHECKING:
    import random
    from pathlib import Path

Edit = Callable[["Path", "random.Random", int], str]


def _change(path: Path, collection: str, change: Callable[[list[dict[str, Any]]], str]) -> str:
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    done = change(document[collection])
    dump_yaml(document, path)
    return done


def _role_file(project: Path, rng: random.Random) -> Path:
    return rng.choice(sorted((project / "data" / "roles").glob("*.yaml")))


def _role_page(project: Path, rng: random.Random) -> Path:
    pages = (project / "docs" / "roles").glob("*.md")
    return rng.choice(sorted(page for page in pages if page.stem != "index"))


def edit_term(project: Path, rng: random.Random, number: int) -> str:
    """Reword one glossary term's definition."""
    return _reword(project, rng, number, "glossary", "definition")


def edit_band(project: Path, rng: random.Random, number: int) -> str:
    """Raise one role's entry pay band: it shows on the role's page, the directory, comparisons."""
    kb = careerkb.load(project / "data")
    entry_bands = [band for role in kb.roles if (band := kb.entry_pay(role.id)) is not None]
    band = rng.choice(entry_bands)

    def change(bands: list[dict[str, Any]]) -> str:
        record = next(record for record in bands if record["id"] == band.id)
        figure = "low" if record.get("low") is not None else "point"
        record[figure] += 1000 * number
        if record.get("high") is not None and record["high"] < record[figure]:
            record["high"] = record[figure]
        return f"raised the band {band.id}"

    return _change(project / "data" / "salary_bands.yaml", "salary_bands", change)


def add_band(project: Path, rng: random.Random, number: int) -> str:
    """Add a pay band to a role: pages listing the role's bands must show it."""

    def change(bands: list[dict[str, Any]]) -> str:
        # At a level the role lacks for that source: a table has one cell per role and level.
        for model in rng.sample(bands, len(bands)):
            taken = {
                b["level"] for b in bands if (b["role"], b["source"]) == (model["role"], model["source"])
            }
            free = [level for level in LEVEL_ORDER if level not in taken]
            if free:
                break
        else:
            raise ValueError("every role has a band at every level")
        added = {key: value for key, value in model.items() if key not in {"years", "high", "point"}}
        added.update(
            id=f"{model['id']}-added-{number}",
            level=free[0],
            level_label=f"Added in run {number}",
            low=500000 + number,
            open_high=True,
        )
        bands.append(added)
        return f"added the band {added['id']}"

    return _change(project / "data" / "salary_bands.yaml", "salary_bands", change)


def edit_role_summary(project: Path, rng: random.Random, number: int) -> str:
    """Reword one role's one-line summary."""

    def change(roles: list[dict[str, Any]]) -> str:
        roles[0]["summary"] += f" Edited in run {number}."
        return f"reworded the summary of {roles[0]['id']}"

    return _change(_role_file(project, rng), "roles", change)


def rename_role(project: Path, rng: random.Random, number: int) -> str:
    """Retitle one role: every link to it shows the new title."""

    def change(roles: list[dict[str, Any]]) -> str:
        roles[0]["title"] += f" (run {number})"
        return f"retitled {roles[0]['id']}"

    return _change(_role_file(project, rng), "roles", change)


def _reword(project: Path, rng: random.Random, number: int, collection: str, field: str) -> str:
    """Add a sentence to one ``field`` of a record of ``collection`` (in ``<collection>.yaml``)."""

    def change(records: list[dict[str, Any]]) -> str:
        record = rng.choice(records)
        record[field] += f" Edited in run {number}."
        return f"reworded the {field} of {record['id']}"

    return _change(project / "data" / f"{collection}.yaml", collection, change)


def edit_source(project: Path, rng: random.Random, number: int) -> str:
    """Reword one source's account of what it covers: shown where the source is described."""
    return _reword(project, rng, number, "sources", "covers")


def edit_resource(project: Path, rng: random.Random, number: int) -> str:
    """Reword one learning resource's description: it shows on the learning paths it is in."""
    return _reword(project, rng, number, "resources", "description")


def edit_market_fact(project: Path, rng: random.Random, number: int) -> str:
    """Change one market fact's figure: it shows on its roles' pages and the market page."""

    def change(facts: list[dict[str, Any]]) -> str:
        fact = rng.choice([fact for fact in facts if fact.get("figure")])
        figure = fact["figure"]
        for bound in ("value", "low", "high"):  # a single figure, or both ends of a range
            if figure.get(bound) is not None:
                figure[bound] += number
        return f"changed the figure of {fact['id']}"

    return _change(project / "data" / "market_facts.yaml", "market_facts", change)


def edit_occupation(project: Path, rng: random.Random, number: int) -> str:
    """Raise one official occupation's median pay: never past its 90th percentile."""

    def change(occupations: list[dict[str, Any]]) -> str:
        occupation = rng.choice(occupations)
        occupation["median_pay"] = min(occupation["median_pay"] + 10 * number, occupation["p90"])
        return f"raised the median pay of {occupation['id']}"

    return _change(project / "data" / "occupations.yaml", "occupations", change)


def edit_page(project: Path, rng: random.Random, number: int) -> str:
    """Add a sentence to one role page."""
    page = _role_page(project, rng)
    with page.open("a", encoding="utf-8") as text:
        text.write(f"\nA sentence added in run {number}.\n")
    return f"added a sentence to {page.name}"


def link_term_from_page(project: Path, rng: random.Random, number: int) -> str:
    """Link a glossary term from one role page: the term's 'Mentioned on' list must follow."""
    kb = careerkb.load(project / "data")
    term = rng.choice(kb.glossary)
    page = _role_page(project, rng)
    with page.open("a", encoding="utf-8") as text:
        text.write(f"\nRun {number} also mentions {{term}}`{term.term}`.\n")
    return f"linked {term.id} from {page.name}"


#: The edits the benchmark times: one record of each kind a contributor edits most, and a page.
TIMED: tuple[Edit, ...] = (
    edit_term,
    edit_band,
    edit_role_summary,
    edit_source,
    edit_resource,
    edit_market_fact,
    edit_occupation,
    edit_page,
)
#: Every kind of edit, for the test that incremental builds are never stale.
ALL: tuple[Edit, ...] = (
    edit_term,
    edit_band,
    add_band,
    edit_role_summary,
    rename_role,
    edit_source,
    edit_resource,
    edit_market_fact,
    edit_occupation,
    edit_page,
    link_term_from_page,
)
