"""Which pages a data edit makes stale: worked out per record, not per file.

Sphinx tracks dependencies on whole files, so a page showing one salary band would be re-read
whenever any band in the same file changed. Instead each page records the *data keys* it was
built from, and every build fingerprints each key in the new data:

- ``(collection, record id)``: one record, for a page that shows it;
- ``(collection, "role:<id>")``: every record of a collection that names a role, for a page that
  asked for "the bands of this role" (so a new band makes the page stale, not only an edit);
- ``(collection, "*")``: a whole collection, for pages that list all of it;
- ``("link", "<collection>:<id>")``: only what a link to a record shows (a role's title, a term's
  names), for pages that merely link to it;
- ``("glossary-name", <name>)``: which term answers to a name, for text that becomes a term link
  when a term has that name;
- ``ANY_DATA``: everything, for a page whose directive failed (an unknown id, an empty filter)
  until the data it asks for exists.

A changed key makes the pages that were *read* from it re-read (at ``env-get-outdated``), and the
pages that merely *link* to it re-written (at ``env-updated``): link text and targets are
resolved when a page is written, from the current data.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sphinx import addnodes

from careerkb.integrity import references
from careerkb.knowledge import normalize, role_names, term_names
from careerkb.models import Role, Source, Term
from careerkb.sphinxext.domain import DataKey, careerkb_domain
from careerkb.sphinxext.store import knowledge

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from careerkb.knowledge import KnowledgeBase, NameIndex
    from careerkb.models import Record

ANY_DATA: DataKey = ("*", "*")


def record_key(collection: str, record_id: str) -> DataKey:
    return (collection, record_id)


def role_group_key(collection: str, role_id: str) -> DataKey:
    return (collection, f"role:{role_id}")


def collection_key(collection: str) -> DataKey:
    return (collection, "*")


def link_key(collection: str, record_id: str) -> DataKey:
    return ("link", f"{collection}:{record_id}")


def term_name_key(name: str) -> DataKey:
    return ("glossary-name", normalize(name))


def keys_shown_with(collection: str, record: Record) -> set[DataKey]:
    """A record's own key and those of the records it names (a band shows its source's name)."""
    shown = {record_key(collection, str(getattr(record, "id", "")))}
    shown.update(record_key(ref.target, ref.record_id) for ref in references(record))
    return shown


def fingerprints(kb: KnowledgeBase) -> dict[DataKey, str]:
    """A digest of every data key: one pass over the records, so linear in the data."""
    prints: dict[DataKey, str] = {}
    groups: dict[DataKey, list[str]] = defaultdict(list)
    for collection, entries in kb.entries.items():
        for record, _origin in entries:
            record_id = str(getattr(record, "id", ""))
            digest = _digest(record.model_dump_json())
            prints[record_key(collection, record_id)] = digest
            # Order matters in a listing, so the group digests keep the data's order.
            groups[collection_key(collection)].append(digest)
            for role_id in dict.fromkeys(r.record_id for r in references(record) if r.target == "roles"):
                groups[role_group_key(collection, role_id)].append(digest)
            link_text = _link_text(record)
            if link_text is not None:
                prints[link_key(collection, record_id)] = _digest(json.dumps(link_text))
    for term in kb.glossary:
        for name in term_names(term):
            prints[term_name_key(name)] = term.id
    prints.update((key, _digest("".join(digests))) for key, digests in groups.items())
    prints[ANY_DATA] = _digest("".join(prints[collection_key(name)] for name in sorted(kb.entries)))
    return prints


def _link_text(record: Record) -> list[str] | None:
    """What a link to the record shows or resolves by; None for records nothing links to."""
    match record:
        case Role():
            return list(role_names(record))
        case Term():
            return list(term_names(record))
        case Source():
            return [record.title]
    return None


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _changed_keys(old: dict[DataKey, str], new: dict[DataKey, str]) -> set[DataKey]:
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


def _pages_to_reread(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Compare the data with the last build's, and re-read the pages built from what changed."""
    kb = knowledge(env.config)
    domain = careerkb_domain(env)
    if kb is None:
        # The data's problems are reported. Forget the last data, so that once they are fixed
        # every page built from data (or built while it was broken) is read again.
        domain.changed_keys.clear()
        domain.fingerprints.clear()
        return []
    new = fingerprints(kb)
    domain.changed_keys.clear()
    domain.changed_keys.update(_changed_keys(domain.fingerprints, new))
    domain.fingerprints.clear()
    domain.fingerprints.update(new)
    return [doc for doc in _pages_using(domain.reads, domain.changed_keys) if doc not in removed]


def _pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages that link to a record whose title or names changed: their links are re-resolved."""
    domain = careerkb_domain(env)
    return _pages_using(domain.links, domain.changed_keys)


def _pages_using(uses: dict[str, set[DataKey]], changed: Iterable[object]) -> list[str]:
    changed = set(changed)
    if not changed:
        return []
    return sorted(docname for docname, keys in uses.items() if not keys.isdisjoint(changed))


def _collect_links(app: Sphinx, doctree: nodes.document) -> None:
    """Note the records each page links to, by the link text they resolve to at write time."""
    kb = knowledge(app.config)
    if kb is None:
        return
    linked = set(_linked_records(kb, doctree))
    if linked:
        careerkb_domain(app.env).links[app.env.current_document.docname] = linked


def _linked_records(kb: KnowledgeBase, doctree: nodes.document) -> Iterator[DataKey]:
    # A link to a record that does not exist yet waits on the whole collection, so that adding
    # the record resolves it.
    indexes: dict[tuple[str, str], tuple[str, NameIndex[Any]]] = {
        ("careerkb", "role"): ("roles", kb.roles_index),
        ("careerkb", "source"): ("sources", kb.sources_index),
        ("std", "term"): ("glossary", kb.terms_index),
    }
    for xref in doctree.findall(addnodes.pending_xref):
        found = indexes.get((xref.get("refdomain"), xref.get("reftype")))
        if found is None:
            continue
        collection, index = found
        record = index.find(xref.get("reftarget", ""))
        yield collection_key(collection) if record is None else link_key(collection, record.id)


def setup_dependencies(app: Sphinx) -> None:
    app.connect("env-get-outdated", _pages_to_reread)
    app.connect("doctree-read", _collect_links)
    app.connect("env-updated", _pages_to_rewrite)
