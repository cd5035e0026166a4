"""careerkb's Sphinx extension: ``extensions = ["careerkb.sphinxext"]`` in conf.py.

Directives and roles render careerkb records into pages. Each concern has its own module, with
a ``setup_*`` function that this module's :func:`setup` calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkb import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

# Bump whenever what the extension stores in the environment changes shape.
ENV_VERSION = 1


def setup(app: Sphinx) -> ExtensionMetadata:
    from careerkb.sphinxext.figures import setup_figures
    from careerkb.sphinxext.glossary import setup_glossary
    from careerkb.sphinxext.store import setup_store

    setup_store(app)
    setup_glossary(app)
    setup_figures(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
