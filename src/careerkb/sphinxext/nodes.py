"""Nodes the extension's placeholders share."""

from __future__ import annotations

from docutils import nodes


class catalogue_list(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """A placeholder filled when its page is written, from what every page shows or links (the
    pages citing a source, the pages mentioning a term). A page holding one is written again
    whenever that changes (see careerkb.sphinxext.domain); nothing needs to declare it."""
