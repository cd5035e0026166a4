"""The knowledge base for a build: loaded once, shared by every directive and parallel worker.

It is kept outside the pickled environment (a module cache keyed by the data folder), so it
costs nothing to save and load the environment; forked parallel workers inherit it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from careerkb.loader import default_data_dir, load
from careerkb.problems import DataError
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from careerkb.knowledge import KnowledgeBase

# Keyed by the setting itself (made absolute at config-inited), not a Path made from it:
# directives and roles ask for the data thousands of times a build.
_loaded: dict[str | None, KnowledgeBase | None] = {}


def data_dir(config: Config) -> Path:
    """The configured data folder (made absolute at config-inited), or the shipped data."""
    configured = config.careerkb_data_dir
    return Path(configured) if configured else default_data_dir()


def _resolve_data_dir(app: Sphinx, config: Config) -> None:
    # A relative folder is read from where conf.py is, whatever the working directory.
    if config.careerkb_data_dir:
        config.careerkb_data_dir = str((Path(app.confdir) / config.careerkb_data_dir).resolve())


def knowledge(config: Config) -> KnowledgeBase | None:
    """The build's knowledge base, or None when the data did not load (already reported)."""
    setting = config.careerkb_data_dir
    if setting not in _loaded:
        _loaded[setting] = _load(data_dir(config))
    return _loaded[setting]


def _load(folder: Path) -> KnowledgeBase | None:
    try:
        return load(folder)
    except DataError as error:
        for problem in error.problems:
            warn(f"{problem.field}: {problem.message}", Subtype.DATA, f"{problem.file}:{problem.line}")
        return None


def _reload(app: Sphinx) -> None:
    # A new build (or a rebuild under sphinx-autobuild) reads the data afresh.
    _loaded.pop(app.config.careerkb_data_dir, None)
    knowledge(app.config)


def setup_store(app: Sphinx) -> None:
    app.add_config_value("careerkb_data_dir", None, "env", types=frozenset({str, type(None)}))
    app.connect("config-inited", _resolve_data_dir)
    app.connect("builder-inited", _reload)
