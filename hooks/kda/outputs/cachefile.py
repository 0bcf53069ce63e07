"""Writing into the build caches so that two builds of one checkout can run at once.

Every cache under `.cache/` is shared by all the builds of a checkout (`mkdocs serve` while
`mkdocs build` runs, two CI jobs, parallel tests). A file is therefore never written in place,
nor through a temporary file with a fixed name (two builds writing `<key>.tmp` at the same time
replace each other's file, and the second `replace` finds none): each writer gets a temporary
file of its own in the cache folder (`tempfile`), and `os.replace` moves it over the target in
one step, so a reader sees either no file or a whole one. The standard library has no single
call for this, hence these few lines. No MkDocs import.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def temporary_path(folder: Path, prefix: str, suffix: str) -> Iterator[Path]:
    """A new empty file in `folder` with a name no other writer has; removed when the block ends."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    os.close(handle)
    path = Path(name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A fresh path beside `target` to write to; moved over `target` when the block ends without error.

    For writers that need a file name (Pillow's `save`, Chromium's `--print-to-pdf`)."""
    with temporary_path(target.parent, f".{target.name}.", ".tmp") as partial:
        yield partial
        os.replace(partial, target)


def write_atomic(target: Path, content: bytes | str) -> None:
    """Write `content` (text is written as UTF-8) to `target` in one step."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with atomic_path(target) as partial:
        partial.write_bytes(data)
