"""How the pages a member opens most read on a 360 x 800 phone (a benchmark: prints figures).

For each page: its height in CSS px and in screens, where the first meeting card starts (the
schedule), and the smallest rendered text of the content and of the charts. The same
measurements are asserted by tests/browser/test_phone_reading.py.

    python3 bench/phone_reading.py                      # builds the real site and the full-season copy
    python3 bench/phone_reading.py --site nyata=/tmp/site --shots /tmp/shots   # an already built site
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
from browser.conftest import PHONE
from browser.measure import CHARTS, CONTENT, first_card_top, height, smallest_text
from playwright.sync_api import sync_playwright

from kda.tooling.chromium import FLAGS as CHROMIUM_FLAGS
from kda.tooling.chromium import find as find_browser
from kda.tooling.project import build_site, environment
from kda.tooling.server import served as serve

PAGES = {
    "beranda": "",
    "jadwal": "jadwal/",
    "topik": "topik/",
    "catatan-0": "pertemuan/00-pendahuluan/",
    "catatan-1": "pertemuan/01-kerangka-acuan/",
    "catatan-2": "pertemuan/02-perlindungan-anak/",
    "perjalanan": "perjalanan/",
    "istilah": "istilah/",
}


def measure(site: Path, shots: Path | None, label: str) -> list[tuple]:
    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_browser(), args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport=PHONE, base_url=base)
        tab = context.new_page()
        for name, path in PAGES.items():
            if not (site / path / "index.html").is_file():
                continue
            tab.goto(path)
            tall = height(tab)
            card = first_card_top(tab) if name == "jadwal" else None
            text = smallest_text(tab, CONTENT)
            charts = smallest_text(tab, CHARTS)
            rows.append((label, name, tall, tall / PHONE["height"], card,
                         text[0]["size"] if text else None, charts[0]["size"] if charts else None))
            if shots:
                shots.mkdir(parents=True, exist_ok=True)
                tab.screenshot(path=str(shots / f"{label}-{name}.png"), full_page=True)
        browser.close()
    return rows


def _figure(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", action="append", default=[], help="label=folder of a built site")
    parser.add_argument("--shots", type=Path, help="folder for full-page screenshots")
    args = parser.parse_args()
    sites = [tuple(s.split("=", 1)) for s in args.site]
    with tempfile.TemporaryDirectory() as tmp:
        if not sites:
            from fixture_musim import SEASON_BUILD_DATE, make_season_project

            with environment(KDA_TANPA_PDF="1"):
                sites.append(("nyata", str(build_site(ROOT, Path(tmp) / "nyata"))))
                project = make_season_project(Path(tmp) / "musim")
                sites.append(("musim", str(build_site(project, project / "site", today=SEASON_BUILD_DATE))))
        rows = [row for label, folder in sites for row in measure(Path(folder), args.shots, label)]
    print("| site | page | height (px) | screens of 800 px | first card top (px) | smallest text (px) | smallest chart text (px) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, name, tall, screens, card, text, chart in rows:
        print(f"| {label} | {name} | {tall} | {screens:.1f} | {_figure(card, 0)} | {_figure(text, 1)} | {_figure(chart, 1)} |")


if __name__ == "__main__":
    main()
