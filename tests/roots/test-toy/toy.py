"""``{toy-tagline} ROLE``: a role's title, its one-line summary and its entry pay, if any."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from careerkb.format import band_label
from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.views import Context


@dataclass(frozen=True)
class Tagline:
    title: str
    summary: str
    entry_pay: str | None


def tagline(context: Context, key: str) -> Tagline:
    """The view: what the directive shows, read from the knowledge base."""
    role = context.kb.role(key)
    band = context.kb.entry_pay(role.id)
    return Tagline(role.title, role.summary, band_label(band) if band else None)


class TaglineDirective(CareerkbDirective):
    argument = "a role id"
    example = "builder"
    option_spec: ClassVar[dict[str, Any]] = {}

    def render(self, context: Context) -> list[nodes.Node]:
        view = tagline(context, self.arguments[0])
        text = f"{view.title}: {view.summary}" + (f" Entry pay {view.entry_pay}." if view.entry_pay else "")
        return [nodes.paragraph(text, text, classes=["toy-tagline"])]


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("toy-tagline", TaglineDirective)
    return {"parallel_read_safe": True}
