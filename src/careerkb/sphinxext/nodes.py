"""Nodes the extension's placeholders share."""

from __future__ import annotations

from docutils import nodes


class catalogue_list(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """A placeholder filled when its page is written, from what every page shows or links (the
    pages citing a source, the pages mentioning a term). A page holding one is written again
    whenever that changes (see careerkb.sphinxext.domain); nothing needs to declare it."""


class cited_figure(nodes.inline):  # noqa: N801
    """A figure and its citation as one text, the value then ' (source, date)', with the source's
    id and whether the figure is stale as attributes.

    A page may hold thousands, and every transform and writer walks every node: the HTML writer
    makes the value's span and the source's link from this one node (see figures.py), and other
    builders get the usual nodes back before links are resolved. Anything else that only reads
    the text sees an inline.
    """

    @classmethod
    def of(cls, rawtext: str, value: str, cited: str, **attributes: object) -> cited_figure:
        """The figure showing ``value`` then ``cited``; :meth:`parts` gives them back."""
        # Smart quotes may change the text's length but never a " (", so the citation starts at
        # the first one after the value's own (a statement standing in for a figure may hold some).
        brackets = value.count(" (")
        if brackets:
            attributes["value_brackets"] = brackets
        return cls(rawtext, value + cited, **attributes)

    def parts(self) -> tuple[str, str]:
        """The value and ' (source, date)', as the read left them (smart quotes and all)."""
        pieces = self.astext().split(" (", self.get("value_brackets", 0) + 1)
        return " (".join(pieces[:-1]), f" ({pieces[-1]}"
