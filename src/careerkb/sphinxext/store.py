"""Everything careerkb holds for one build, in one place: :func:`build_state` is its accessor.

The state is made when the builder starts: the knowledge base (loaded, or None when the data
has problems, which are reported), the clock figures' age is counted by, and what the build's
event handlers gather for later in the same build. It hangs on the environment, so directives,
roles and handlers reach it from what Sphinx gives them and forked parallel workers inherit it,
but it is never saved with the environment: the next build makes its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from careerkb.clock import Clock
from careerkb.loader import default_data_dir, load
from careerkb.problems import DataError
from careerkb.recording import Answerer, query
from careerkb.sphinxext.warnings import Subtype, warn
from careerkb.views import Context

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from careerkb.knowledge import KnowledgeBase

_ATTRIBUTE = "careerkb_build"


@dataclass(frozen=True)
class DataStatus(Answerer):
    """Whether the data loaded: a question pages ask when they had no data to show."""

    answerer: ClassVar[str] = "data"

    loaded: bool

    @query
    def loads(self) -> bool:
        return self.loaded


@dataclass(eq=False)
class BuildState:
    kb: KnowledgeBase | None
    clock: Clock
    data: DataStatus
    #: careerkb_glossary_split_at: the most terms one page of the glossary shows.
    glossary_split_at: int
    #: The pages resolved for writing in this build (in the main process, even when parallel
    #: workers write them), for the search index.
    written: set[str] = field(default_factory=set)
    #: Term id -> the pages linking to it, inverted once after reading (see backlinks.py).
    pages_by_term: dict[str, set[str]] | None = None
    #: Page -> the page whose toctree lists it, inverted once when pages are written (sidebar.py).
    toctree_parents: dict[str, str] | None = None

    def context(self, kb: KnowledgeBase) -> Context:
        """What the views of this build read: the knowledge base, the build's clock and settings."""
        return Context(kb, self.clock, self.glossary_split_at)

    def answerers(self) -> dict[str, Answerer]:
        """Whoever answers the questions pages record, in this build (see dependencies.py)."""
        found: dict[str, Answerer] = {"clock": self.clock, "data": self.data}
        if self.kb is not None:
            found["kb"] = self.kb
        return found

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        # Saved with the environment as nothing: each build loads its own data and clock.
        return (_not_loaded, ())


def _not_loaded() -> None:
    return None


def build_state(env: BuildEnvironment) -> BuildState:
    """The state of the build ``env`` belongs to."""
    state: BuildState | None = getattr(env, _ATTRIBUTE, None)
    if state is None:
        raise RuntimeError("careerkb's build state was asked for before the builder started")
    return state


def knowledge(env: BuildEnvironment) -> KnowledgeBase | None:
    """The build's knowledge base, or None when the data did not load (already reported)."""
    return build_state(env).kb


def data_dir(config: Config) -> Path:
    """The configured data folder (made absolute at config-inited), or the shipped data."""
    configured = config.careerkb_data_dir
    return Path(configured) if configured else default_data_dir()


def _resolve_data_dir(app: Sphinx, config: Config) -> None:
    # A relative folder is read from where conf.py is, whatever the working directory.
    if config.careerkb_data_dir:
        config.careerkb_data_dir = str((Path(app.confdir) / config.careerkb_data_dir).resolve())


def _load(folder: Path) -> KnowledgeBase | None:
    try:
        return load(folder)
    except DataError as error:
        for problem in error.problems:
            warn(f"{problem.field}: {problem.message}", Subtype.DATA, f"{problem.file}:{problem.line}")
        return None


def _start(app: Sphinx) -> None:
    # A new build (or a rebuild under sphinx-autobuild) reads the data afresh.
    kb = _load(data_dir(app.config))
    fixed = app.config.careerkb_today
    today = dt.date.fromisoformat(fixed) if fixed else dt.date.today()
    clock = Clock(today=today, max_age_days=app.config.careerkb_max_age_days)
    split_at = app.config.careerkb_glossary_split_at
    setattr(app.env, _ATTRIBUTE, BuildState(kb, clock, DataStatus(kb is not None), split_at))


def setup_store(app: Sphinx) -> None:
    app.connect("config-inited", _resolve_data_dir)
    app.connect("builder-inited", _start)
