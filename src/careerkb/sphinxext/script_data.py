"""Data for the site's scripts, in one safe form: JSON with ``<``, ``>`` and ``&`` escaped.

Pages carry theirs in a ``<script type="application/json">`` element, which only the HTML
builder writes (:func:`add_script_data_node`; other builders show the page's own text
instead); files such as the previews and the search index wrap it in a call.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028 or U+2029
    appears literally.

    The escapes mean the same characters to a JSON parser, so the data reads back unchanged.

    >>> data = {"text": "</script><script>alert(1)</script> & more"}
    >>> print(script_json(data))
    {"text": "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 more"}
    >>> json.loads(script_json(data)) == data
    True
    >>> script_json(["line\u2028separator"])
    '["line\\\\u2028separator"]'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.translate(_SCRIPT_ESCAPES)


# '<', '>' and '&' could end the script or start markup; U+2028 and U+2029 end a line inside a
# string literal for JavaScript engines older than ES2019, and nothing shows them in the source.
_SCRIPT_ESCAPES = {ord(char): f"\\u{ord(char):04x}" for char in "<>&\u2028\u2029"}


def add_script_data_node(
    app: Sphinx, node_class: type[nodes.Element], element_id: str, data_of: Callable[[Any], Any]
) -> None:
    """Register ``node_class`` as a data element with id ``element_id``: HTML only."""

    def visit_html(self: HTML5Translator, node: nodes.Element) -> None:
        data = script_json(data_of(node))
        self.body.append(f'<script type="application/json" id="{element_id}">{data}</script>\n')
        raise nodes.SkipNode

    skipped = (_skip, _depart)
    app.add_node(
        node_class, html=(visit_html, _depart), text=skipped, latex=skipped, man=skipped, texinfo=skipped
    )


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _depart(self: Any, node: nodes.Element) -> None:
    pass
