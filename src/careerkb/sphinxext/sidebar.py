"""No empty "Section Navigation" sidebar on a page whose section has no pages under it.

pydata-sphinx-theme shows the primary sidebar with the current top-level section's pages. With
``sidebar_includehidden`` on (its default, and needed for our hidden toctrees) it assumes such a
section always has pages to list, so a single page such as Pay got a quarter of the width of
nothing. Here, a page whose top-level section includes no other page gets no sidebar parts, and
the theme then leaves the sidebar out on wide screens (on phones the same drawer still holds the
header's links).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerkb.sphinxext.store import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _parents(env: BuildEnvironment) -> dict[str, str]:
    """Each page's parent in the toctree, inverted once per build, not once per page."""
    state = build_state(env)
    if state.toctree_parents is None:
        state.toctree_parents = {
            child: parent for parent, children in env.toctree_includes.items() for child in children
        }
    return state.toctree_parents


def section_of(env: BuildEnvironment, docname: str) -> str | None:
    """The top-level section ``docname`` is in (the root's child above it), or None for the root."""
    parents = _parents(env)
    seen = {docname}
    while docname in parents and parents[docname] != env.config.root_doc:
        docname = parents[docname]
        if docname in seen:  # a toctree cycle, which Sphinx reports on its own
            return None
        seen.add(docname)
    return docname if parents.get(docname) == env.config.root_doc else None


def _drop_empty_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    sidebars = context.get("sidebars")
    if not sidebars:
        return
    section = section_of(app.env, pagename)
    if section is None or not app.env.toctree_includes.get(section):
        # The rest (Read the Docs' ad slot) would keep an otherwise empty column on its own.
        context["sidebars"] = []


def setup_sidebar(app: Sphinx) -> None:
    app.connect("html-page-context", _drop_empty_navigation)
