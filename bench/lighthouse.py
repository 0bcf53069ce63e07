"""Lighthouse mobile scores for the home page, the schedule, a meeting note and an article (a
benchmark, not a test: Performance varies with the machine's load).

Lighthouse comes from the npm registry, pinned, installed once into .cache/lighthouse-VERSION/;
it drives Debian's full /usr/bin/chromium (CHROME_PATH; apt-get install chromium: Lighthouse
launches the browser itself, not the headless shell the tests use). 12.8.2 is the last release that runs on
Node 20 (13.x needs Node 22.19) and the first that runs every audit with Chromium 150+: 12.2.3
errored on six (largest-contentful-paint-element, lcp-lazy-loaded, layout-shifts,
non-composited-animations, prioritize-lcp-image, render-blocking-resources). An audit that
errors is reported as a failure and makes the script exit 1, never dropped.

The site is built into a temporary folder as of KDA_TODAY=2014-01-10 (or --site takes a built
one) and served on 127.0.0.1 gzip-compressed, as a static host serves it.

    python3 bench/lighthouse.py                  # prints a table; --json DIR keeps the reports
    python3 bench/lighthouse.py --site /tmp/site # an existing build
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
from kda.tooling.project import build_site
from kda.tooling.server import served as serve

LIGHTHOUSE_VERSION = "12.8.2"
CACHE = ROOT / ".cache" / f"lighthouse-{LIGHTHOUSE_VERSION}"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


@dataclass(frozen=True)
class Result:
    scores: dict[str, int]
    failing: list[str]  # audits that count in a category's score and did not pass
    errored: list[str]  # audits Lighthouse could not run: "id: message"
    version: str

    @property
    def ok(self) -> bool:
        return not self.errored and all(self.scores[c] >= TARGET[c] for c in CATEGORIES)


def lighthouse() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE),
                        "--save-exact", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return binary


def published_pages(site: Path, kind: str) -> list[str]:
    """Pages whose own preview tags say they are of this og:type ("article" for posts)."""
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                  if f'property="og:type" content="{kind}"' in p.read_text(encoding="utf-8"))


def pages(site: Path) -> list[tuple[str, str]]:
    """Home, schedule, the first meeting note, the latest article (the TOR when there is none)."""
    chosen = [("beranda", ""), ("jadwal", "jadwal/")]
    notes = sorted(p.parent.name for p in (site / "pertemuan").glob("[0-9][0-9]-*/index.html"))
    if notes:
        chosen.append(("catatan", f"pertemuan/{notes[0]}/"))
    posts = [p for p in published_pages(site, "article") if p.startswith("artikel/")]
    chosen.append(("artikel", posts[-1]) if posts else ("kerangka acuan (belum ada artikel)", "tor/"))
    return chosen


def read_report(data: dict) -> Result:
    scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    counted = {ref["id"] for c in CATEGORIES for ref in data["categories"][c]["auditRefs"] if ref.get("weight")}
    audits = data["audits"].values()
    errored = [f"{a['id']}: {a.get('errorMessage', '')[:120]}" for a in audits if a.get("scoreDisplayMode") == "error"]
    failing = [a["id"] for a in audits
               if a["id"] in counted and a.get("score") is not None and a["score"] < 1]
    return Result(scores, failing, errored, data.get("lighthouseVersion", "?"))


def audit(binary: Path, url: str, report: Path) -> Result:
    env = dict(os.environ, CHROME_PATH=CHROME)
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                   check=True, env=env, timeout=300)
    return read_report(json.loads(report.read_text(encoding="utf-8")))


def run(site: Path, reports: Path) -> bool:
    binary = lighthouse()
    reports.mkdir(parents=True, exist_ok=True)
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile (default throttling), Chromium {CHROME}; "
          f"target {'/'.join(str(TARGET[c]) for c in CATEGORIES)}")
    print(f"  {'halaman':44} {'Perf':>5} {'A11y':>5} {'BP':>5} {'SEO':>5}  audits below 100")
    all_ok = True
    with serve(site) as base_url:
        for label, path in pages(site):
            result = audit(binary, base_url + path, reports / f"{label.split()[0]}.json")
            all_ok &= result.ok
            print(f"  {label + ' /' + path:44} {result.scores['performance']:5d} {result.scores['accessibility']:5d} "
                  f"{result.scores['best-practices']:5d} {result.scores['seo']:5d}  "
                  f"{', '.join(result.failing) or '-'}{'' if result.ok else '   BELOW TARGET'}", flush=True)
            for line in result.errored:
                print(f"      ERRORED (counts as a failure): {line}")
    return all_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="keep the Lighthouse JSON reports in this folder")
    parser.add_argument("--site", type=Path, help="a built site (default: build one as of 2014-01-10)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kda-lighthouse-") as tmp:
        site = args.site or build_site(ROOT, Path(tmp) / "site")
        return 0 if run(site, args.json or Path(tmp) / "reports") else 1


if __name__ == "__main__":
    sys.exit(main())
