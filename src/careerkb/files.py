"""Writing a file whole or not at all."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path


def write_atomically(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target`` through a file beside it, renamed into place when complete.

    A reader (or a parallel writer) never sees half a file, and a write that fails leaves the old
    file, or none, and no partial copy. Raises :class:`OSError` as ``open`` would.
    """
    with tempfile.NamedTemporaryFile(
        "wb", dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
    ) as stream:
        aside = Path(stream.name)
    try:
        aside.write_bytes(content)
        aside.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            aside.unlink()
        raise
