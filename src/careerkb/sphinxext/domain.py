"""The ``careerkb`` domain: the one place the extension keeps state in the environment.

It knows where each role's profile and each source's entry live (so links resolve), which
records each page renders (so the sources list can say which pages cite a source, and a test
can prove every record appears somewhere), which data each page was read from and links to (so
a data edit re-reads or re-writes just those pages), and which pages list what the others show
(so they are re-written when that changes). All of it is per document, cleared when a page is
re-read and merged back from parallel workers, except the last build's data fingerprints.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from careerkb.integrity import references
from careerkb.knowledge import role_names, term_names
from careerkb.sphinxext.links import name_index
from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from careerkb.knowledge import KnowledgeBase
    from careerkb.recording import Question
    from careerkb.sphinxext.site_search import PageEntry

DATA_VERSION = 8


class Target(NamedTuple):
    docname: str
    anchor: str


class CareerkbDomain(Domain):
    """Roles and sources as objects of their own, with links, search entries and inventory."""

    name = "careerkb"
    label = "careerkb"
    object_types: ClassVar[dict[str, ObjType]] = {
        "role": ObjType("job role", "role"),
        "source": ObjType("source", "source"),
        # Glossary terms again, by every name, for search only: Sphinx keeps std terms out of it.
        "term": ObjType("glossary term"),
    }
    # Role titles and source names are prose, not code: shown as plain inline text.
    roles: ClassVar[dict[str, Any]] = {
        # Written by hand, so a link that goes nowhere is a warning (refwarn).
        "role": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
        "source": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
    }
    initial_data: ClassVar[dict[str, Any]] = {
        "objects": {},  # (objtype, record id) -> Target
        "renders": {},  # docname -> {(collection, record id)}
        "catalogue_pages": set(),  # docnames that list the whole catalogue
        "mentions": {},  # docname -> {term id}: the glossary terms a page links to
        "reads": {},  # docname -> {question: answer's fingerprint}: what a page asked when read
        "links": {},  # docname -> {(kind, name): fingerprint}: what a page's links show
        "search": {},  # docname -> [PageEntry]: what the site search finds on the page
        "drawings": {},  # docname -> {SVG file name}: the drawings the page shows
        # docname -> (letters, line): a split glossary's page of those letters; () for its A-Z page
        "glossary_pages": {},
        # Not per page: what the catalogue pages' placeholders were last filled from, and which
        # glossary pages showed which letters when their A-Z bars were last filled.
        "cross_page_digest": "",
        "glossary_layout": "",
    }
    data_version = DATA_VERSION

    @property
    def objects(self) -> dict[tuple[str, str], Target]:
        return self.data["objects"]  # type: ignore[no-any-return]

    @property
    def renders(self) -> dict[str, set[tuple[str, str]]]:
        return self.data["renders"]  # type: ignore[no-any-return]

    @property
    def mentions(self) -> dict[str, set[str]]:
        return self.data["mentions"]  # type: ignore[no-any-return]

    @property
    def search_entries(self) -> dict[str, list[PageEntry]]:
        return self.data["search"]  # type: ignore[no-any-return]

    @property
    def drawings(self) -> dict[str, set[str]]:
        return self.data["drawings"]  # type: ignore[no-any-return]

    @property
    def glossary_pages(self) -> dict[str, tuple[tuple[str, ...], int]]:
        return self.data["glossary_pages"]  # type: ignore[no-any-return]

    @property
    def catalogue_pages(self) -> set[str]:
        return self.data["catalogue_pages"]  # type: ignore[no-any-return]

    @property
    def reads(self) -> dict[str, dict[Question, str]]:
        return self.data["reads"]  # type: ignore[no-any-return]

    @property
    def links(self) -> dict[str, dict[tuple[str, str], str]]:
        return self.data["links"]  # type: ignore[no-any-return]

    # --- recording, during the read phase ---------------------------------------------------

    def note_object(self, objtype: str, record_id: str, anchor: str, location: Element) -> None:
        """Record the page and anchor where a role's profile or a source's entry lives."""
        key = (objtype, record_id)
        if key in self.objects and self.objects[key].docname != self.env.current_document.docname:
            other = self.objects[key].docname
            warn(
                f"{objtype} {record_id!r} is already described on page {other!r}; links go there",
                Subtype.DUPLICATE,
                location,
            )
            return
        self.objects[key] = Target(self.env.current_document.docname, anchor)

    def note_render(self, collection: str, record_id: str) -> None:
        """Record that the current page shows a record."""
        self.renders.setdefault(self.env.current_document.docname, set()).add((collection, record_id))

    def pages_citing(self, kb: KnowledgeBase) -> dict[str, set[str]]:
        """Source id -> the pages that render the source or a record citing it."""
        cited_by_record = {
            (collection, str(getattr(record, "id", ""))): {
                ref.record_id for ref in references(record) if ref.target == "sources"
            }
            for collection, entries in kb.entries.items()
            for record, _ in entries
        }
        pages: dict[str, set[str]] = {}
        for docname, shown in self.renders.items():
            for key in shown:
                cited = cited_by_record.get(key, set())
                for source_id in cited | ({key[1]} if key[0] == "sources" else set()):
                    pages.setdefault(source_id, set()).add(docname)
        return pages

    def pages_mentioning(self) -> dict[str, set[str]]:
        """Term id -> the pages that link to the term."""
        pages: dict[str, set[str]] = {}
        for docname, terms in self.mentions.items():
            for term_id in terms:
                pages.setdefault(term_id, set()).add(docname)
        return pages

    # --- per-document bookkeeping -----------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        for key, target in list(self.objects.items()):
            if target.docname == docname:
                del self.objects[key]
        per_page_data = (self.renders, self.mentions, self.reads, self.links, self.search_entries)
        for per_page in (*per_page_data, self.drawings, self.glossary_pages):
            per_page.pop(docname, None)
        self.catalogue_pages.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key, target in otherdata["objects"].items():
            if target.docname in docnames:
                self.objects[key] = target
        for name in ("renders", "mentions", "reads", "links", "search", "drawings", "glossary_pages"):
            for docname, values in otherdata[name].items():
                if docname in docnames:
                    self.data[name][docname] = values
        self.catalogue_pages.update(doc for doc in otherdata["catalogue_pages"] if doc in docnames)

    # --- resolving links --------------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        """A link to the page describing the role or source; None when there is none, which
        :func:`report_missing` then reports (see links.py)."""
        kb = knowledge(env)
        record = None
        if kb is not None:
            record = name_index(kb, typ).find(target)
        if record is None:
            return None
        title = record.title
        if not node.get("refexplicit"):
            # The title of this build's data, even where the link goes nowhere: written, not read.
            contnode.children = []
            contnode += nodes.Text(title)
        found = self.objects.get((typ, record.id))
        if found is None:
            return None
        return make_refnode(builder, fromdocname, found.docname, found.anchor, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Roles and sources by id (for inventories), and roles and terms by name (for search).

        Priority 0 ranks an object first in search results; -1 keeps it out of search.
        """
        kb = knowledge(self.env)
        if kb is None:
            return
        for (objtype, record_id), target in sorted(self.objects.items()):
            yield record_id, record_id, objtype, target.docname, target.anchor, -1
            if objtype == "role":
                for name in dict.fromkeys(role_names(kb.role(record_id))):
                    if name != record_id:
                        yield name, name, "role", target.docname, target.anchor, 0
        std_objects = self.env.domains.standard_domain.objects
        for term in kb.glossary:
            found = std_objects.get(("term", term.term))
            if found is None:
                continue
            docname, anchor = found
            for name in dict.fromkeys(term_names(term)):
                if name != term.id:
                    yield name, name, "term", docname, anchor, 0


def careerkb_domain(env: BuildEnvironment) -> CareerkbDomain:
    domain = env.domains["careerkb"]
    assert isinstance(domain, CareerkbDomain)
    return domain


def _rewrite_catalogue_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Re-write the pages that list which pages cite or mention what, when that has changed.

    Their lists are placeholders filled when the page is written, so a re-write is enough: the
    page itself need not be read again.
    """
    domain = careerkb_domain(env)
    kb = knowledge(env)
    if kb is None or not domain.catalogue_pages:
        return []
    listed = {
        "citing": domain.pages_citing(kb),
        "mentioning": domain.pages_mentioning(),
    }
    pages = {doc for index in listed.values() for docs in index.values() for doc in docs}
    titles = {doc: env.titles[doc].astext() for doc in sorted(pages) if doc in env.titles}
    text = json.dumps([listed, titles], sort_keys=True, default=sorted)
    digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    if digest == domain.data["cross_page_digest"]:
        return []
    domain.data["cross_page_digest"] = digest
    return sorted(domain.catalogue_pages)


def setup_domain(app: Sphinx) -> None:
    app.add_domain(CareerkbDomain)
    app.connect("env-updated", _rewrite_catalogue_pages)
