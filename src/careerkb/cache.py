"""A cache of loaded knowledge bases, so a command answers without reading the YAML again, and
of drawn figures, so a build does not draw (or even import matplotlib) twice for the same picture.

Reading and validating the data is most of what ``careerkb term rag`` costs. A valid knowledge
base is therefore pickled into the user's cache folder, under a key made of every data file's
path and contents and of careerkb's own code: any edit to either misses the cache. Only valid
data is cached, so problems are always found by a real read.

The folder is ``$CAREERKB_CACHE_DIR``, else ``$XDG_CACHE_HOME/careerkb``, else
``~/.cache/careerkb``; ``CAREERKB_CACHE_DIR=off`` turns the cache off. A cache that cannot be read
or written is ignored: it only ever saves time, it never changes an answer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from careerkb import __version__

TYPE_CHECKING = False  # not typing's: the look-ups' snapshot reads this module on its fast path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from careerkb.knowledge import KnowledgeBase
    from careerkb.yaml_reader import YamlDocument

try:  # hashlib's own BLAKE2 without hashlib, which loads OpenSSL: a tenth of a look-up's start
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b

_CODE = Path(__file__).parent
#: Drawings kept at most; the least recently used go first. A drawing is some tens of kilobytes.
DRAWINGS_KEPT = 500


def digest(text: str, *, size: int) -> str:
    """A short hexadecimal digest of ``text``, ``size`` bytes long, to name a file by."""
    return blake2b(text.encode(), digest_size=size).hexdigest()


def cache_dir() -> Path | None:
    """Where cached knowledge bases live, or None when the cache is off."""
    configured = os.environ.get("CAREERKB_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "careerkb"


def key(folder: Path, files: Iterable[Path]) -> str | None:
    """The cache key of ``folder``'s files as they are now; None if one cannot be read.

    It hashes contents, not modification times, which a quick edit of the same length can leave
    unchanged; hashing is cheap next to parsing. Take the key *before* reading the data, so an
    edit made during the read misses the cache.
    """
    return _key_of(f"{folder.resolve()}", [*sorted(_CODE.glob("*.py")), *files])


def code_key() -> str | None:
    """A key of careerkb's own code (and Python's): what a parsed file's key starts from."""
    return _key_of("code", sorted(_CODE.glob("*.py")))


def file_key(code: str, path: Path) -> str | None:
    """The key of one data file's parse: its path and bytes, and ``code`` (:func:`code_key`)."""
    return _key_of(code, [path])


def _key_of(start: str, paths: Iterable[Path]) -> str | None:
    digest = blake2b(digest_size=20)
    digest.update(f"{__version__} {sys.version} {start}".encode())
    try:
        for path in paths:
            digest.update(f"\0{path}\0".encode())
            digest.update(path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def entry(folder: Path) -> Path | None:
    """The cache file of ``folder``'s knowledge base, or None when the cache is off."""
    root = cache_dir()
    if root is None:
        return None
    name = digest(str(folder.resolve()), size=10)
    return root / f"{name}.pickle"


def read(folder: Path, wanted: str | None) -> KnowledgeBase | None:
    """The knowledge base cached for ``folder`` under the key ``wanted``, if there is one."""
    path = entry(folder)
    if path is None or wanted is None:
        return None
    import pickle  # here, not above: the look-ups' snapshot needs this module but not pickle

    try:
        with path.open("rb") as stream:
            # Only the user's own cache folder is read, and only what write() below put there.
            # The key comes first, so a stale entry is known without unpickling its records.
            if pickle.load(stream) != wanted:
                return None
            kb = pickle.load(stream)
    except Exception:  # missing, stale or damaged: the caller reads the data instead
        return None
    return kb  # type: ignore[no-any-return]


def write(folder: Path, wanted: str | None, kb: KnowledgeBase) -> None:
    """Keep ``kb`` for the next load of ``folder``; silently skipped where that is impossible."""
    path = entry(folder)
    if path is None or wanted is None:
        return
    import pickle

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        from careerkb.files import write_atomically  # tempfile: not on the look-ups' fast path

        kept = pickle.dumps(wanted, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomically(path, kept + pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return


def parsed_files(folder: Path) -> dict[str, tuple[str, YamlDocument]]:
    """The data files of ``folder`` as last parsed: path -> (:func:`file_key`, document).

    When one file of a large data folder changes, the knowledge base misses the cache, but only
    that file need be parsed again: at 100x, parsing is most of a load, and a load is a third of
    an incremental build after a data edit.
    """
    path = _parsed_entry(folder)
    if path is None:
        return {}
    import pickle

    try:
        with path.open("rb") as stream:
            found = pickle.load(stream)  # only what keep_parsed_files() below put there
    except Exception:  # missing or damaged: every file is parsed
        return {}
    return found if isinstance(found, dict) else {}


def keep_parsed_files(folder: Path, parsed: dict[str, tuple[str, YamlDocument]]) -> None:
    """Keep the parsed files of a valid load of ``folder`` (and no others) for the next miss."""
    path = _parsed_entry(folder)
    if path is None:
        return
    import pickle

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        from careerkb.files import write_atomically

        write_atomically(path, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return


def _parsed_entry(folder: Path) -> Path | None:
    found = entry(folder)
    return found.parent / "parsed" / found.name if found is not None else None


def drawing(name: str, draw: Callable[[], bytes]) -> bytes:
    """The figure called ``name``, drawn by ``draw`` unless the cache holds it already.

    ``name`` must say everything the picture depends on (the chart names its file from a digest
    of its data and of the drawing code), so a cached file is always the picture ``draw`` would
    make. Like the knowledge-base cache, a folder that cannot be used only costs time.
    """
    root = cache_dir()
    folder = root / "drawings" if root is not None else None
    if folder is not None:
        kept = folder / name
        try:
            found = kept.read_bytes()
            os.utime(kept)  # recently used: kept longest
            return found
        except OSError:
            pass
    svg = draw()
    if folder is not None:
        _keep(folder, name, svg)
    return svg


def _keep(folder: Path, name: str, svg: bytes) -> None:

    try:
        folder.mkdir(parents=True, exist_ok=True)
        from careerkb.files import write_atomically

        write_atomically(folder / name, svg)
        kept = sorted(folder.glob("*.svg"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in kept[DRAWINGS_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
