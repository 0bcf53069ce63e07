"""Lighthouse mobile scores for the home page, the schedule and an article (a benchmark,
not a test: scores vary with the machine's load).

Lighthouse comes from the npm registry (pinned: 12.2.3 runs on Node 20), installed once into
.cache/lighthouse/; it drives Debian's /usr/bin/chromium (CHROME_PATH). The site is built
into a temporary folder as of KDA_TODAY=2014-01-10 and served on 127.0.0.1.

    python3 bench/lighthouse.py            # prints a table; --json DIR keeps the reports
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
from search_compare import serve

from conftest import build_site

LIGHTHOUSE_VERSION = "12.2.3"
CACHE = ROOT / ".cache" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE),
                        "--save-exact", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return binary


def article_path(site: Path) -> tuple[str, str]:
    """An article if the blog has one, else the TOR: the site's own preview tags say which
    pages are articles (the blog's lists and the Penulis page are "website")."""
    blog = site / "artikel"
    posts = sorted(p.parent for p in blog.rglob("index.html")
                   if 'property="og:type" content="article"' in p.read_text(encoding="utf-8")) if blog.is_dir() else []
    if posts:
        return "artikel", posts[-1].relative_to(site).as_posix() + "/"
    return "kerangka acuan (belum ada artikel)", "tor/"


def audit(binary: Path, url: str, report: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROME)
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                   check=True, env=env, timeout=300)
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = [a["id"] for a in data["audits"].values()
               if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "metricSavings")]
    return {**scores, "failing": failing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="keep the Lighthouse JSON reports in this folder")
    args = parser.parse_args()
    binary = lighthouse()
    with tempfile.TemporaryDirectory(prefix="kda-lighthouse-") as tmp:
        site = build_site(ROOT, Path(tmp) / "site")
        reports = args.json or Path(tmp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        article_label, article = article_path(site)
        pages = [("beranda", ""), ("jadwal", "jadwal/"), (article_label, article)]
        print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile (default throttling), Chromium {CHROME}")
        print(f"  {'halaman':36} {'Perf':>5} {'A11y':>5} {'BP':>5} {'SEO':>5}  audits below 100")
        with serve(site) as base_url:
            for label, path in pages:
                result = audit(binary, base_url + path, reports / f"{label.split()[0]}.json")
                print(f"  {label + ' /' + path:36} {result['performance']:5d} {result['accessibility']:5d} "
                      f"{result['best-practices']:5d} {result['seo']:5d}  {', '.join(result['failing']) or '-'}",
                      flush=True)


if __name__ == "__main__":
    main()
