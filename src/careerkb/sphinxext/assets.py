"""The extension's static files: its stylesheet and the small script for sortable tables."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"


def _add_static_path(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))


def setup_assets(app: Sphinx) -> None:
    app.connect("config-inited", _add_static_path)
    app.add_css_file("careerkb.css")
    app.add_js_file("careerkb.js", loading_method="defer")
    app.add_js_file("careerkb-chooser.js", loading_method="defer")
    app.add_js_file("careerkb-previews.js", loading_method="defer")
    app.add_js_file("careerkb-glossary.js", loading_method="defer")
    app.add_js_file("careerkb-search.js", loading_method="defer")
