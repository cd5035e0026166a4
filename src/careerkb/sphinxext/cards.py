"""Cards that link somewhere (sphinx-design's ``:link:``) take the keyboard focus on their title.

sphinx-design appends the card's link after the body and footer, with its text hidden: the link
has no size, so its focus ring is hard to see, and Tab reaches a citation in the footer before
the card itself. This HTML post-transform makes the card's title the link instead. The link's
``::after`` still stretches over the whole card (the theme's CSS), its focus ring is drawn round
the card, and it comes first in the tab order. Links inside the card (a footer's citation) are
lifted above the stretched link by careerkb.css, so a click on one opens it, not the card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STRETCHED = "sd-stretched-link"
#: The class careerkb.css styles the title link by.
TITLE_LINK = "careerkb-card-link"


def _has_class(node: nodes.Node, name: str) -> bool:
    return isinstance(node, nodes.Element) and name in node["classes"]


def _first(card: nodes.Element, kind: type[nodes.Element], name: str) -> nodes.Element | None:
    return next((found for found in card.findall(kind) if _has_class(found, name)), None)


def link_title(card: nodes.Element) -> bool:
    """Move ``card``'s stretched link into its title, the title's text becoming the link's text."""
    link = _first(card, nodes.reference, STRETCHED)
    title = _first(card, nodes.container, "sd-card-title")
    if link is None or title is None or any(title.findall(nodes.reference)):
        return False
    # The link's holder carries sphinx-design's "open in a new tab" mark: move it along.
    holder = link.parent
    link.children = []
    for child in list(title.children):
        title.remove(child)
        link += child
    link["classes"] = [name for name in link["classes"] if name != "sd-hide-link-text"] + [TITLE_LINK]
    holder.parent.remove(holder)
    title += holder
    return True


class CardTitleLinks(SphinxPostTransform):
    """Every linked card in an HTML page gets its link on its title."""

    # After cross-references are resolved (priority 10): the card's link is a reference by then.
    default_priority = 700
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for card in list(self.document.findall(nodes.container)):
            if _has_class(card, "sd-card"):
                link_title(card)


def setup_cards(app: Sphinx) -> None:
    app.add_post_transform(CardTitleLinks)
