"""In headless Chromium: the lightbox opens the large photo, and Giscus arrives only after the button.

The page is opened from disk with every host name unresolvable, so nothing leaves the machine.
"""

from __future__ import annotations

import subprocess

import pytest
from bs4 import BeautifulSoup

from kda.tooling import chromium

from contoh import NOTE

CHROMIUM = chromium.find()
FLAGS = [*chromium.FLAGS, "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000"]
CLICKS = """<script>
window.addEventListener("load", () => setTimeout(() => {
  document.querySelector("a.glightbox").click();
  setTimeout(() => document.querySelector(".kda-tanggapan__tombol").click(), 500);
}, 300));
</script></body>"""

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")


def dom_after(example_site, script: str = "") -> BeautifulSoup:
    page = example_site / NOTE / "index.html"
    probe = page.with_name("uji-browser.html")
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", script or "</body>"), encoding="utf-8")
    try:
        result = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={example_site.parent / 'chromium-profil'}",
                                 "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=120)
    finally:
        probe.unlink()
    return BeautifulSoup(result.stdout, "lxml")


def test_nothing_of_giscus_before_the_reader_presses(example_site):
    dom = dom_after(example_site)
    assert dom.select_one(".kda-tanggapan__tombol") is not None
    assert not [s for s in dom.select("script[src]") if "giscus" in s["src"]]
    assert not dom.select("iframe") and dom.select_one(".glightbox-container") is None


def test_pressing_opens_the_lightbox_and_loads_giscus(example_site):
    dom = dom_after(example_site, CLICKS)
    lightbox = dom.select_one(".glightbox-container")
    assert lightbox is not None and lightbox["aria-hidden"] == "false"
    assert any(img["src"].endswith("foto/papan-plano-besar.jpg") for img in lightbox.select("img"))
    giscus = list(dom.select(".kda-tanggapan__wadah script[src]"))
    assert [s["src"] for s in giscus] == ["https://giscus.app/client.js"]
    assert giscus[0]["data-lang"] == "id" and giscus[0]["data-repo"] == "contoh-uji/situs-uji"
    assert dom.select_one(".kda-tanggapan__tombol") is None
