"""The PDF printer (headless Chromium) reaches no host, whatever the printed page asks for.

A page that asks a local server for files by every route a page has (images, srcset, a
stylesheet and an @import, a CSS background, an iframe, an object, a video poster, a prefetch,
fetch, a WebSocket, by name and by address, IPv4 and IPv6) is printed as the build prints; the
server must receive nothing. The control prints the same page with Chromium's flags but the
blocking ones, and the server is reached: the test can fail.
"""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from kda.outputs import pdf

pytestmark = pytest.mark.browser


@pytest.fixture
def server():
    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # the standard library names it so
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], hits
    httpd.shutdown()
    httpd.server_close()


def greedy_page(port: int) -> str:
    here = f"http://127.0.0.1:{port}"
    return f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{here}/gaya.css"><link rel="prefetch" href="http://localhost:{port}/prefetch">
<style>@import url("{here}/impor.css"); body {{ background: url("http://localhost:{port}/latar.png"); }}</style>
</head><body><h1>Jadwal</h1>
<img src="{here}/gambar.png" alt=""><img src="http://localhost:{port}/nama.png" alt="">
<img src="http://evil.example:{port}/asing.png" alt=""><img src="http://[::1]:{port}/ipv6.png" alt="">
<img srcset="{here}/srcset.png 2x" alt=""><video poster="{here}/poster.png"></video>
<iframe src="{here}/bingkai"></iframe><object data="{here}/objek"></object>
<script>fetch("{here}/fetch"); try {{ new WebSocket("ws://127.0.0.1:{port}/ws"); }} catch (e) {{}}</script>
</body></html>"""


def print_page(tmp_path, port: int) -> None:
    """Print as the build prints (make_pdfs), into a fresh cache so Chromium really runs."""
    site = tmp_path / "site"
    html = site / "jadwal" / "index.html"
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(greedy_page(port), encoding="utf-8")
    job = pdf.PdfJob("jadwal.md", "unduh/jadwal.pdf", html, site / "unduh" / "jadwal.pdf", "")
    pdf.make_pdfs([job], site, tmp_path / "cache")
    assert job.target.read_bytes().startswith(b"%PDF")


@pytest.fixture
def chromium():
    try:
        return pdf.find_chromium()
    except pdf.PdfError:
        pytest.skip("Chromium is not installed (.ci/run installs it)")


def test_the_pdf_printer_reaches_no_host(tmp_path, server, chromium):
    port, hits = server
    print_page(tmp_path, port)
    time.sleep(0.5)  # a late request would still be counted
    assert hits == []


def test_the_same_page_reaches_the_server_without_the_blocking_flags(tmp_path, server, chromium, monkeypatch):
    port, hits = server
    blocking = ("--host-resolver-rules", "--proxy-server", "--proxy-bypass-list", "--force-webrtc")
    monkeypatch.setattr(pdf, "CHROMIUM_FLAGS", tuple(f for f in pdf.CHROMIUM_FLAGS if not f.startswith(blocking)))
    print_page(tmp_path, port)
    time.sleep(0.5)
    assert "/gambar.png" in hits and "/gaya.css" in hits
