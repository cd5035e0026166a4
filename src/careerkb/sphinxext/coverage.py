"""Nothing lost: with ``careerkb_require_all_rendered = True``, every record must appear on some
page, and each one that does not gets a warning at its data file and line.

Runs once all pages are read (``env-check-consistency``), so it sees every page, parallel
builds included. Projects that show only part of their data leave the option off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Collections that shape how the site works rather than what a page says: the search's
#: synonyms decide what a query finds, and no reader needs them listed.
NOT_CONTENT = frozenset({"synonyms"})


def _check_every_record_is_shown(app: Sphinx, env: BuildEnvironment) -> None:
    kb = knowledge(app.env)
    if kb is None or not app.config.careerkb_require_all_rendered:
        return
    shown: set[tuple[str, str]] = set().union(*careerkb_domain(env).renders.values())
    for collection, entries in kb.entries.items():
        if collection in NOT_CONTENT:
            continue
        for record, origin in entries:
            record_id = str(getattr(record, "id", ""))
            if (collection, record_id) not in shown:
                warn(
                    f"{collection}[{record_id}] is not shown on any page; add it to a page or remove it",
                    Subtype.NOT_RENDERED,
                    f"{origin.document.path}:{origin.line}",
                )


def setup_coverage(app: Sphinx) -> None:
    app.connect("env-check-consistency", _check_every_record_is_shown)
