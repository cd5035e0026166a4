"""Nodes the extension's placeholders share."""

from __future__ import annotations

from docutils import nodes


class catalogue_list(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """A placeholder filled when its page is written, from what every page shows or links (the
    pages citing a source, the pages mentioning a term). A page holding one is written again
    whenever that changes (see careerkb.sphinxext.domain); nothing needs to declare it."""


class cited_figure(nodes.inline):  # noqa: N801
    """A figure and its citation in two text children, the value and ' (source, date)', with the
    source's id and whether the figure is stale as attributes.

    A page may hold thousands, and every transform and writer walks every node: the HTML writer
    makes the value's span and the source's link from this one node (see figures.py), and other
    builders get the usual nodes back before links are resolved. Anything else that only reads
    the text sees an inline.
    """
