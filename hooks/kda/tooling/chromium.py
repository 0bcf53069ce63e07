"""Headless Chromium: where it is, and the flags every run of it uses (tests, benchmarks, PDFs).

Debian's headless shell (/usr/bin/chromium-headless-shell, package chromium-headless-shell,
installed by .ci/run) when there is one, else the full /usr/bin/chromium: the same Blink, without
the desktop browser around it (its "old" headless mode), so it starts in half the time, loads a page
with 40 % less CPU and opens a browser context in a quarter of it (bench/README.md). Playwright
drives it and never downloads a browser of its own. Without the background-networking flags
Chromium keeps trying to reach Google's hosts, which a closed network refuses, many times a second.
"""

from __future__ import annotations

import shutil

# The headless shell first, then the full browser (Debian's, another distribution's, Google's).
NAMES = ("/usr/bin/chromium-headless-shell", "chromium-headless-shell", "chrome-headless-shell",
         "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Headless, quiet and with no background traffic: for every run, a test's, a benchmark's or a print.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
)
# Nothing outside the machine is reachable: no name or address resolves, and what is left goes to a
# closed port (the PDF printer, so that a page can never make the build fetch from a host).
NO_HOST_FLAGS = (
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
)


def find() -> str | None:
    """The first Chromium on this machine, or None."""
    return next((found for name in NAMES if (found := shutil.which(name))), None)
