"""Previews of terms and roles, for hover and keyboard focus on any link, and search excerpts.

The text is gathered once, when the HTML build finishes (so it is complete and correct under
parallel builds), and written as a small script of data that the page loads only when a reader
first points at a link. Nothing is fetched from anywhere but the site itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerkb.knowledge import term_names
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.links import site_uri
from careerkb.sphinxext.script_data import script_json
from careerkb.sphinxext.store import knowledge

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from careerkb.knowledge import KnowledgeBase

DATA_FILE = "careerkb-previews-data.js"


def first_sentence(text: str) -> str:
    """The opening sentence of a definition.

    >>> first_sentence("A vector of numbers. It places similar texts near each other.")
    'A vector of numbers.'
    >>> first_sentence("No full stop")
    'No full stop'
    """
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip(), re.DOTALL)
    return match.group(1) if match else text.strip()


def preview_data(app: Sphinx, kb: KnowledgeBase) -> dict[str, dict[str, Any]]:
    """Anchor id -> the title, short text and site-relative URL of what it points at; for a
    term, also its names (its name first), which the filter of a split glossary searches."""
    builder = app.builder
    data: dict[str, dict[str, Any]] = {}
    std_objects = app.env.domains.standard_domain.objects
    for term in sorted(kb.glossary, key=lambda t: t.id):
        found = std_objects.get(("term", term.term))
        if found is None:
            continue
        docname, anchor = found
        title = f"{term.term} ({term.abbreviation})" if term.abbreviation else term.term
        url = site_uri(builder, docname, anchor)
        names = list(dict.fromkeys(name for name in term_names(term) if name != term.id))
        text = first_sentence(term.definition)
        data[anchor] = {"title": title, "text": text, "url": url, "kind": "term", "names": names}
    for (objtype, record_id), target in sorted(careerkb_domain(app.env).objects.items()):
        if objtype != "role":
            continue
        role = kb.role(record_id)
        url = site_uri(builder, target.docname, target.anchor)
        data[target.anchor] = {"title": role.title, "text": role.summary, "url": url, "kind": "role"}
    return data


def script_for(data: dict[str, dict[str, Any]]) -> str:
    """The data as a script. '<', '>' and '&' are escaped, so no text can end the script early.

    >>> script_for({"x": {"text": "</script><b>"}})
    'window.careerkbPreviewData = {"x": {"text": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}};\\n'
    """
    return f"window.careerkbPreviewData = {script_json(data)};\n"


def _write_preview_data(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    kb = knowledge(app.env)
    if kb is None:
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / DATA_FILE).write_text(script_for(preview_data(app, kb)), encoding="utf-8")


def setup_previews(app: Sphinx) -> None:
    app.connect("build-finished", _write_preview_data)
