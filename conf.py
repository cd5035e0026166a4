"""Sphinx configuration for the careerkb handbook. The pages live in docs/; build with `make docs`."""

import os

from sphinx.application import Sphinx

from careerkb import __version__
from careerkb.sphinxext.hosting import root_path

project = "careerkb"
author = "The careerkb team"
copyright = "2026, the careerkb team"
release = version = __version__

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx.ext.doctest",
    "sphinx.ext.autodoc",
    # A 404 page that works at any depth of the site.
    "notfound.extension",
    "careerkb.sphinxext",
]

root_doc = "index"
# Every record in data/ must appear on some page: a record no page shows is a warning.
careerkb_require_all_rendered = True
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
nitpicky = True

html_theme = "pydata_sphinx_theme"
html_title = "careerkb"
# Everything the site needs ships with it: no web fonts, CDNs, analytics or external icon links.
html_theme_options = {
    "navigation_with_keys": False,
    "show_prev_next": False,
    "navbar_align": "left",
    "header_links_before_dropdown": 6,
    "icon_links": [],
    # The sidebar shows the open branch only, not every page of the section with its children
    # folded away: each page stays small however many pages the handbook grows (see Performance).
    "collapse_navigation": True,
}
# Without it the theme logs "invalid theme mode" on a first visit; "auto" follows the system.
html_context = {"default_mode": "auto"}
html_static_path = ["docs/_static"]
html_favicon = "docs/_static/favicon.svg"
# The site's address, known only where it is deployed: CAREERKB_BASEURL (the GitHub Pages
# workflow sets it), else the address Read the Docs gives its builds, e.g.
# "https://careerkb.readthedocs.io/en/latest/". It gives each page its <link rel="canonical">,
# the sitemap and link previews their absolute addresses, and the 404 page the root path its
# links start from. Left empty for local and pull-request builds: no canonical address is
# better than a wrong one, and the 404 page then links from "/".
html_baseurl = os.environ.get("CAREERKB_BASEURL") or os.environ.get("READTHEDOCS_CANONICAL_URL") or ""
# A host serves the 404 page for a missing address at any depth: its links start from the root.
notfound_urls_prefix = root_path(html_baseurl)

# The doctest builder checks the pages' {doctest} blocks; docstring examples shown through
# autodoc are pytest's to run (--doctest-modules), in their own module's namespace.
doctest_test_doctest_blocks = ""
doctest_global_setup = """
import careerkb
kb = careerkb.load()
"""

# --- The Python API page (docs/api.md) -------------------------------------------------------
autodoc_member_order = "bysource"
# Records are built from data files, not called: show no constructor signatures (pydantic's
# would spell out every validation constraint). Each record's fields are listed instead, below.
autodoc_class_signature = "separated"
autodoc_default_options = {"exclude-members": "model_config, __init__"}
# Type aliases are named in signatures and fields, linked to their own entry.
autodoc_type_aliases = {"Relation": "careerkb.models.Relation"}
nitpick_ignore = [
    # Standard-library types in signatures; the build is offline, so there is no intersphinx.
    ("py:class", "pathlib.Path"),
    ("py:class", "datetime.date"),
    # Records are pydantic models; pydantic's own documentation is not linked offline.
    ("py:class", "BaseModel"),
    ("py:class", "pydantic.BaseModel"),
    # Named in careerkb.models' docstring; an internal module the API page does not document.
    ("py:mod", "careerkb.integrity"),
]
nitpick_ignore_regex = [
    # Abstract types and type variables in careerkb.recording's signatures.
    ("py:class", r"collections\.abc\.\w+"),
    ("py:class", r"(careerkb\.recording\.)?[PT]"),
]


def _type_label(annotation: object) -> str:
    """A field's type as a reader would say it: no validation constraints, records by name."""
    import types
    import typing

    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_label(args[0])
    if origin is typing.Literal:
        return " | ".join(repr(arg) for arg in args)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type_label(arg) for arg in args)
    if origin in (list, tuple, dict):
        return f"{origin.__name__}[{', '.join(_type_label(arg) for arg in args)}]"
    if annotation is type(None):
        return "None"
    return getattr(annotation, "__name__", str(annotation))


def _list_record_fields(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Append a record's fields, the keys a data file uses, to its class docstring."""
    from pydantic import BaseModel

    if what != "class" or not (isinstance(obj, type) and issubclass(obj, BaseModel)):
        return
    if not obj.model_fields:
        return
    lines += ["", "Fields:", ""]
    for field_name, info in obj.model_fields.items():
        need = "required" if info.is_required() else f"default ``{info.get_default()!r}``"
        about = f": {info.description}" if info.description else ""
        lines.append(f"* ``{field_name}`` (``{_type_label(info.annotation)}``, {need}){about}")
    lines.append("")


def setup(app: Sphinx) -> None:
    app.connect("autodoc-process-docstring", _list_record_fields)
