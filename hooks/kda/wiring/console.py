"""What a writer reads in the terminal when the site is built: Indonesian from the first line to the last.

- `log`: the logger of the site's own warnings. MkDocs prints a record of its loggers as
  `WARNING -  message`; `get_plugin_logger` would put the logger's name before the message
  (`kda: data/pertemuan.yml, ...`), which tells a writer nothing. Under the `mkdocs` logger, so
  `--strict` counts each warning.
- `on_build_error`: MkDocs ends a failed build with one English line, `Aborted with 2 warnings in
  strict mode!` or `Aborted with a BuildError!`; an Indonesian line follows it, saying that the
  build stopped and what to do.
"""

from __future__ import annotations

import logging
import re

from mkdocs.exceptions import Abort, BuildError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.plugins.kda")

# mkdocs/commands/build.py (MkDocs 1.6): the message of the Abort raised after a strict build's warnings,
# "Aborted with 1 warnings, 2 errors in strict mode!", and its logger (which also reports a BuildError).
STRICT_ABORT = re.compile(r"^Aborted with (.+) in strict mode!$")
BUILD_ERROR_ABORT = "Aborted with a BuildError!"
BUILD_LOG = logging.getLogger("mkdocs.commands.build")
KINDS = {"warnings": "peringatan", "errors": "kesalahan"}

STOPPED = "Pembangunan situs dihentikan karena masalah di atas; perbaiki dulu, lalu bangun lagi."


def strict_text(counts: str) -> str:
    """The Indonesian line after "Aborted with <counts> in strict mode!"."""
    parts = [f"{number} {KINDS.get(kind, kind)}" for number, kind in re.findall(r"(\d+) (\w+)", counts)]
    found = " dan ".join(parts) or "peringatan"
    return (f"Pembangunan situs dihentikan: ada {found} di atas, dan situs hanya diterbitkan tanpa peringatan; "
            "perbaiki dulu, lalu bangun lagi.")


@event_priority(-100)  # the last of the build_error handlers: it may end the build with its own Abort
def on_build_error(error) -> None:
    """The Indonesian line after MkDocs' last one."""
    if isinstance(error, Abort):
        match = STRICT_ABORT.match(error.message)
        if match:
            error.message = f"{error.message}\n{strict_text(match[1])}"
    elif isinstance(error, BuildError):
        # What MkDocs does next (the message, then "Aborted with a BuildError!"), with the Indonesian line after it.
        BUILD_LOG.error(str(error))
        raise Abort(f"{BUILD_ERROR_ABORT}\n{STOPPED}") from None
