"""Trial build of the site with Zensical, compared page by page with MkDocs (not a CI gate).

    python3 bench/zensical_trial.py --zensical /tmp/zensical/bin/zensical [--report out.md]

Copies the project to a temp dir, adapts mkdocs.yml only where Zensical refuses it (each
adaptation is reported), builds with both engines in child processes (wall time and peak
memory of each), then reports what Zensical leaves out: pages, files, generated parts
(schedule cards, topic index, note headers), Jinja left unrendered, files it publishes that
MkDocs does not (such as the theme overrides folder).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "data", "docs", "hooks")
TODAY = "2014-01-10"

# Markers of what our hooks and macros generate, by page: (page, CSS selector, description).
GENERATED = [
    ("jadwal/index.html", "div.kda-pertemuan", "meeting cards on the schedule (macro jadwal)"),
    ("topik/index.html", "div.kda-topik", "topics on the topic index (macro pokok_bahasan)"),
    ("index.html", "div.admonition", "next meeting on the home page (macro pertemuan_berikutnya)"),
    ("tor/index.html", "#jadwal ~ ol a", "the 19 topics in the TOR (macro pokok_bahasan_tor)"),
    ("pertemuan/02-perlindungan-anak/index.html", "div.kda-kepala", "note header from the data (hook)"),
    ("materi/masalah-anak/index.html", "div.kda-kepala", "material header from the data (hook)"),
]

# What Zensical does not accept in our mkdocs.yml, and how the trial adapts it.
ADAPTATIONS = [
    (re.compile(r"      force_render_paths: \|\n(?:        .*\n)+"), "",
     "macros: Zensical rejects force_render_paths (removed for the trial)"),
]

MEASURE = """
import resource, subprocess, sys, time, json
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({"seconds": time.perf_counter() - start, "returncode": result.returncode,
                  "peak_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "output": (result.stdout + result.stderr)[-3000:]}))
"""


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, destination / part)
    return destination


def measured(command: list[str], cwd: Path) -> dict:
    env = dict(os.environ, KDA_TODAY=TODAY, NO_MKDOCS_2_WARNING="1")
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=cwd, env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def adapt_config(project: Path) -> list[str]:
    config = project / "mkdocs.yml"
    text, notes = config.read_text(encoding="utf-8"), []
    for pattern, replacement, note in ADAPTATIONS:
        if pattern.search(text):
            text = pattern.sub(replacement, text)
            notes.append(note)
    config.write_text(text, encoding="utf-8")
    return notes


THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/")


def files_of(site: Path) -> set[str]:
    """The built files, without the theme's bundled scripts and styles (each engine ships its own)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith(THEME_ASSETS)}


def compare(mkdocs_site: Path, zensical_site: Path) -> dict:
    ours, theirs = files_of(mkdocs_site), files_of(zensical_site)
    pages = sorted(p for p in ours if p.endswith(".html"))
    report = {
        "missing_files": sorted(ours - theirs),
        "extra_files": sorted(theirs - ours),
        "generated": [],
        "unrendered_jinja": [],
    }
    for page, selector, what in GENERATED:
        def count(site):
            return len(BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml").select(selector)) \
                    if (site / page).exists() else 0
        report["generated"].append({"page": page, "what": what, "mkdocs": count(mkdocs_site), "zensical": count(zensical_site)})
    for page in pages:
        path = zensical_site / page
        if path.exists():
            article = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article")
            if article and re.search(r"\{\{|\{%", article.get_text()):
                report["unrendered_jinja"].append(page)
    return report


def markdown_report(adaptations, timings, report) -> str:
    lines = ["# Zensical trial", "", "## Changes Zensical needed in mkdocs.yml", ""]
    lines += [f"- {note}" for note in adaptations] or ["- (none)"]
    lines += ["", "## Time and memory", "", "| engine | result | seconds | peak memory (MiB) |", "| --- | --- | --- | --- |"]
    for engine, t in timings.items():
        lines.append(f"| {engine} | {'built' if t['returncode'] == 0 else 'failed'} | {t['seconds']:.2f} | {t['peak_kib'] / 1024:.0f} |")
    lines += ["", "## Parts generated by hooks and macros", "", "| page | part | MkDocs | Zensical |", "| --- | --- | --- | --- |"]
    for g in report["generated"]:
        lines.append(f"| {g['page']} | {g['what']} | {g['mkdocs']} | {g['zensical']} |")
    lines += ["", "## Files Zensical does not produce (theme assets aside)", ""]
    lines += [f"- {f}" for f in report["missing_files"]] or ["- (none)"]
    lines += ["", "## Files Zensical publishes that MkDocs does not", ""]
    lines += [f"- {f}" for f in report["extra_files"]] or ["- (none)"]
    lines += ["", "## Pages with Jinja left unrendered", ""]
    lines += [f"- {p}" for p in report["unrendered_jinja"]] or ["- (none)"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zensical", default=shutil.which("zensical") or "zensical", help="path to the zensical command")
    parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        mk = copy_project(tmp / "mkdocs")
        zs = copy_project(tmp / "zensical")
        adaptations = adapt_config(zs)
        timings = {
            "MkDocs": measured([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(mk / "site")], mk),
            "Zensical": measured([args.zensical, "build", "-f", "mkdocs.yml"], zs),
        }
        for engine, t in timings.items():
            if t["returncode"] != 0:
                print(f"{engine} failed:\n{t['output']}", file=sys.stderr)
        report = compare(mk / "site", zs / "site")
    text = markdown_report(adaptations, timings, report)
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
