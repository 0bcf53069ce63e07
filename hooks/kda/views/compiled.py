"""Compiled templates kept for the life of the process, so a second build does not compile them again.

MkDocs makes a new Jinja environment for the theme at every build, and the renderer makes one for
`docs/.templates/`; each then compiles every template it loads (about 120, most of them the
theme's). `mkdocs serve` rebuilds in one process, and so do the tests' in-process builds: with
these caches a template whose file and text have not changed is compiled once.

Jinja's own `BytecodeCache` does the keying and the checking (the key is the template's name and
file, the compiled code is used only when the file's text has the same checksum); this class only
keeps the code in memory. Never on disk: compiled code read back from a file would be code that
whoever can write that file (a cache folder in a checkout) runs at build time.
One cache per kind of environment, since the same text compiles differently under other options.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in a dict, for this process only."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it again if the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)

    def __contains__(self, key: str) -> bool:
        return key in self._code


THEME = MemoryBytecodeCache()  # the theme's environment (Material and docs/.overrides/)
VIEWS = MemoryBytecodeCache()  # the renderer's environment (docs/.templates/)
