"""A built site served on 127.0.0.1 (any free port), for the browser tests and the benchmarks."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files, logs nothing (the test output stays readable)."""

    def log_message(self, *args):
        pass


@contextmanager
def served(directory: Path, handler: type[http.server.BaseHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve `directory` while the block runs; yields its address, ending in "/"."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
