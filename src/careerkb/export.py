"""The whole knowledge base as one JSON document, and the JSON Schema that describes it.

The export is what other tools (and the site's static API) consume. It holds records exactly as
validated, so an exported document loads back into the same knowledge base.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from careerkb.characters import json_visible
from careerkb.models import (
    COLLECTIONS,
    SCHEMA_VERSION,
    Background,
    Comparison,
    MarketFact,
    Occupation,
    Plan,
    Resource,
    Role,
    Route,
    SalaryBand,
    SkillArea,
    Source,
    SynonymGroup,
    Term,
    Tier,
)

if TYPE_CHECKING:
    from careerkb.knowledge import KnowledgeBase


class ExportDocument(BaseModel):
    """careerkb's export: every collection as a list of records, each with an ``id``.

    The export is strict JSON (RFC 8259): every number is finite, never NaN or Infinity.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", title="careerkb export")

    schema_version: Literal[2]
    sources: list[Source]
    tiers: list[Tier]
    roles: list[Role]
    salary_bands: list[SalaryBand]
    market_facts: list[MarketFact]
    resources: list[Resource]
    skills: list[SkillArea]
    comparisons: list[Comparison]
    occupations: list[Occupation]
    backgrounds: list[Background]
    routes: list[Route]
    plans: list[Plan]
    glossary: list[Term]
    synonyms: list[SynonymGroup]


def export_document(kb: KnowledgeBase) -> dict[str, Any]:
    """The knowledge base as plain JSON-ready data.

    >>> doc = export_document(kb)
    >>> doc["schema_version"], sorted(doc)[:3]
    (2, ['backgrounds', 'comparisons', 'glossary'])
    >>> next(b for b in doc["salary_bands"] if b["id"] == "mle-builders-median")["point"]
    142000
    """
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for collection in COLLECTIONS:
        document[collection] = export_collection(kb, collection)
    return document


def export_collection(kb: KnowledgeBase, collection: str) -> list[dict[str, Any]]:
    """One collection of :func:`export_document`, in the data's order."""
    return [record.model_dump(mode="json") for record, _ in kb.entries[collection]]


def export_json(kb: KnowledgeBase) -> str:
    """The export as strict JSON: a non-finite number raises rather than becoming ``NaN``."""
    return json_visible(json.dumps(export_document(kb), indent=2, ensure_ascii=False, allow_nan=False)) + "\n"


def export_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`export_document`'s output."""
    schema = ExportDocument.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def export_schema_json() -> str:
    return json.dumps(export_schema(), indent=2, ensure_ascii=False) + "\n"
