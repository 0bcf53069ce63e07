"""Build speed and scale: our site against bare Material, on the same Markdown, in one run.

    python3 bench/build_speed.py                       # N = 1, 10, 100; writes bench/results/
    python3 bench/build_speed.py --sizes 1 10 --repeat 5 --repeat-large 2
    python3 bench/build_speed.py --only setup          # the install command's time and size

For each N, `bench/synthetic.py` writes a copy of the project with N units of invented content
(in a temp folder), and the same Markdown is built two ways, alternating A and B:

- A, ours: the project's own mkdocs.yml (hooks, macros, checks, blog, feed, calendar, cards,
  charts, galleries, PDFs), as `mkdocs build --strict`;
- B, bare Material: the same docs/, theme settings, Markdown extensions, navigation and
  Material's own plugins (search, blog, tags), with no hooks, macros, feed, redirects,
  lightbox or theme overrides.

The first build of each copy (caches cold) is timed on its own; then the pairs run with warm
caches (`.cache/` of the copy: preview cards, charts' images, PDFs, resized images), which is
what a writer's second `mkdocs build` and CI with a restored cache see. Every build is a fresh
process (GNU `/usr/bin/time`, Debian package `time`, gives its peak memory). Then, at one size: the cost of each of our
stages (one build under cProfile), a no-change rebuild, and the edit-one-article rebuild in
`mkdocs serve`.

Prints the figures, writes `bench/results/build_speed.md` (the table bench/README.md shows) and
`bench/results/build_speed.json` (for comparison over time). A benchmark, not a test: it
checks the targets and says which are missed, it never fails a build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pstats
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ROOT, generate

RESULTS = ROOT / "bench" / "results"
README = ROOT / "bench" / "README.md"
README_MARKERS = ("<!-- build_speed: start (written by bench/build_speed.py) -->", "<!-- build_speed: end -->")
BASELINE_CONFIG = "mkdocs-material-alone.yml"
TARGETS = {"ratio": 1.25, "growth": 11.0, "real_site_s": 5.0, "memory_mb": 500}

# Our stages, as the functions that do them (module file, function): cumulative time under cProfile.
STAGES = {
    "data validation (model/data.py)": [("model/data.py", "load_site_data")],
    "front matter (checks/frontmatter.py)": [("views/blog.py", "check_writers_pages")],
    "content safety (checks/guard.py)": [("checks/guard.py", "configure"), ("checks/guard.py", "check_sources"),
                                  ("checks/guard.py", "check_files"), ("checks/guard.py", "check_rendered")],
    "macros (pages that run them)": [("plugin.py", "on_page_markdown", "mkdocs_macros")],
    "notes/articles headers, footers, share (wiring/events.py)": [("wiring/events.py", "on_page_markdown"), ("views/share.py", "share_block")],
    "feed (mkdocs-rss-plugin)": [("plugin.py", "on_page_content", "mkdocs_rss_plugin"),
                                 ("plugin.py", "on_post_build", "mkdocs_rss_plugin")],
    "calendar, QR, robots (wiring/generated.py)": [("wiring/generated.py", "generated_files")],
    "preview cards: facts (views/preview.py)": [("views/preview.py", "page_preview")],
    "preview cards: drawing/copying (outputs/cards.py)": [("outputs/cards.py", "publish_all")],
    "journal charts (outputs/charts.py)": [("outputs/charts.py", "build_charts")],
    "galleries (outputs/media.py)": [("outputs/media.py", "prepare"), ("outputs/media.py", "publish"), ("views/render.py", "gallery")],
    "PDFs (outputs/pdf.py)": [("outputs/pdf.py", "register"), ("outputs/pdf.py", "make_pdfs")],
    "content images (outputs/images.py)": [("wiring/files.py", "clean_images")],
    "redirect pages (views/redirects.py)": [("views/redirects.py", "rewrite_redirect_pages")],
    "author profiles (views/blog.py)": [("views/blog.py", "profile_files")],
    "reader responses (views/responses.py)": [("views/responses.py", "view")],
    "search index (search.py, Pagefind)": [("outputs/search.py", "write_index")],
}


# --- one build -----------------------------------------------------------------------------

def env_for(today: str, **extra) -> dict:
    return dict(os.environ, KDA_TODAY=today, SOURCE_DATE_EPOCH="1389312000", NO_MKDOCS_2_WARNING="1", **extra)


def timed_build(project: Path, config: str, today: str, strict: bool) -> dict:
    """One `mkdocs build` in a fresh process: wall seconds and peak memory (MB)."""
    site = project / ("site-" + Path(config).stem)
    command = ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "mkdocs", "build", "-q",
               "-f", str(project / config), "-d", str(site)] + (["--strict"] if strict else [])
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, env=env_for(today), capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"build failed ({config}):\n{done.stderr[-3000:]}")
    last = done.stderr.strip().splitlines()[-1].split()
    return {"s": round(wall, 3), "mb": round(int(last[1]) / 1024, 1)}


def pages_built(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html")) + (1 if (site / "404.html").exists() else 0)


# --- the baseline --------------------------------------------------------------------------------

def write_baseline(project: Path) -> None:
    """mkdocs.yml with Material alone: same Markdown, theme, extensions, navigation; Material's plugins only."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for key in ("hooks", "extra_javascript"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["extra"] = {}
    plugins: list = ["search"]  # Material's own search, as a new Material site has it (ours may be another)
    for plugin in config["plugins"]:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "tags":
            plugins.append(plugin)
        elif name == "blog":
            blog = dict(plugin["blog"], authors_file="{blog}/.authors-material.yml")
            plugins.append({"blog": blog})
    config["plugins"] = plugins
    config["validation"] = {"omitted_files": "info", "not_found": "info", "absolute_links": "info",
                            "unrecognized_links": "info", "anchors": "info"}  # our generated files are absent
    config["strict"] = False
    (project / BASELINE_CONFIG).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    people = yaml.safe_load((project / "data" / "anggota.yml").read_text(encoding="utf-8"))
    authors = {"authors": {p["id"]: {"name": p["nama"], "description": p.get("peran") or p["jenis"],
                                     "avatar": "https://example.invalid/a.png"} for p in people}}
    (project / "docs" / "artikel" / ".authors-material.yml").write_text(
        yaml.safe_dump(authors, allow_unicode=True), encoding="utf-8")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold !ENV and !!python tags; none matter here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


# --- one size ---------------------------------------------------------------------------------

def measure_size(n: int, repeat: int, workdir: Path) -> dict:
    project = workdir / f"n{n}"
    size = generate(project, n)
    write_baseline(project)
    print(f"\nN={n}: {size.pages} Markdown pages ({size.notes} notes, {size.articles} articles, "
          f"{size.materials} materials, {size.topics} topics, {size.members} members)", flush=True)
    cold = timed_build(project, "mkdocs.yml", size.today, strict=True)
    cold_b = timed_build(project, BASELINE_CONFIG, size.today, strict=False)
    print(f"  cold caches: ours {cold['s']:.1f} s, Material {cold_b['s']:.1f} s", flush=True)
    ours, base, ratios = [], [], []
    for i in range(repeat):  # alternate the order too, so that a drift of the machine hits both
        order = ("A", "B") if i % 2 == 0 else ("B", "A")
        got = {}
        for which in order:
            got[which] = (timed_build(project, "mkdocs.yml", size.today, strict=True) if which == "A"
                          else timed_build(project, BASELINE_CONFIG, size.today, strict=False))
        ours.append(got["A"])
        base.append(got["B"])
        ratios.append(round(got["A"]["s"] / got["B"]["s"], 3))
        print(f"  pair {i + 1}: ours {got['A']['s']:.2f} s, Material {got['B']['s']:.2f} s, "
              f"ratio {ratios[-1]:.2f}", flush=True)
    pages_a = pages_built(project / "site-mkdocs")
    pages_b = pages_built(project / "site-mkdocs-material-alone")
    result = {"n": n, "size": size.__dict__, "pages_ours": pages_a, "pages_material": pages_b,
              "cold_ours": cold, "cold_material": cold_b,
              "ours": _summary(ours, pages_a), "material": _summary(base, pages_b),
              "ratios": ratios, "ratio_median": round(statistics.median(ratios), 3)}
    return result


def _summary(builds: list[dict], pages: int) -> dict:
    times = [b["s"] for b in builds]
    median = statistics.median(times)
    return {"runs": times, "median_s": round(median, 3), "min_s": min(times), "max_s": max(times),
            "peak_mb": max(b["mb"] for b in builds), "ms_per_page": round(1000 * median / pages, 1)}


# --- stages, rebuilds -----------------------------------------------------------------------

def stage_costs(project: Path, today: str) -> dict:
    """One warm build under cProfile: the cumulative time of each of our stages' functions."""
    profile = project / "build.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mkdocs", "build", "-q", "--strict",
                    "-d", str(project / "site-prof")], cwd=project, env=env_for(today), check=True,
                   capture_output=True)
    stats = pstats.Stats(str(profile)).stats
    total = max(v[3] for v in stats.values())
    costs = {}
    for stage, functions in STAGES.items():
        seconds = 0.0
        for spec in functions:
            file, name = spec[0], spec[1]
            package = spec[2] if len(spec) > 2 else str(project / "hooks" / "kda")
            for (path, _line, func), value in stats.items():
                if func == name and path.endswith("/" + file) and package in path:
                    seconds += value[3]
        costs[stage] = round(seconds, 3)
    return {"profiled_total_s": round(total, 2), "stages_s": costs}


# What is expensive to make again: preview cards, resized images and photos, PDFs, charts (.json).
# The authors file and profile pages (.yml, .md) are text the build writes out each time.
EXPENSIVE = (".png", ".jpg", ".jpeg", ".webp", ".pdf", ".json", ".svg")


def no_change_rebuild(project: Path, today: str) -> dict:
    """A second build with nothing changed: its time, and whether any cached image, PDF or chart was made again."""
    caches = project / ".cache"
    before = {p: p.stat().st_mtime_ns for p in caches.rglob("*") if p.is_file()}
    build = timed_build(project, "mkdocs.yml", today, strict=True)
    after = {p: p.stat().st_mtime_ns for p in caches.rglob("*") if p.is_file()}
    remade = sorted(str(p.relative_to(project)) for p, m in after.items() if before.get(p) != m)
    expensive = [p for p in remade if p.endswith(EXPENSIVE)]
    expensive_files = sum(1 for p in after if p.suffix in EXPENSIVE)
    return {"s": build["s"], "cache_files": expensive_files, "cache_files_written": len(expensive),
            "written": expensive[:10], "text_files_written": len(remade) - len(expensive)}


def serve_edit(project: Path, today: str, timeout: float = 600) -> dict:
    """`mkdocs serve`: the time from saving one edited article to the rebuilt site (MkDocs' own figure, and wall)."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                               cwd=project, env=env_for(today), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               text=True, start_new_session=True)
    try:
        first = _wait_for(process, r"Documentation built in ([\d.]+) seconds", timeout)
        _wait_for(process, r"Serving on", timeout)
        article = sorted((project / "docs" / "artikel" / "posts").glob("*-1.md"))[0]
        time.sleep(1)
        start = time.perf_counter()
        with open(article, "a", encoding="utf-8") as f:
            f.write("\nSatu kalimat baru ditambahkan penulis.\n")
        rebuilt = _wait_for(process, r"Documentation built in ([\d.]+) seconds", timeout)
        wall = time.perf_counter() - start
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    return {"first_build_s": float(first[1]), "rebuild_s": float(rebuilt[1]), "save_to_ready_s": round(wall, 2)}


def _wait_for(process, pattern: str, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            raise RuntimeError("mkdocs serve stopped")
        match = re.search(pattern, line)
        if match:
            return match
    raise RuntimeError(f"mkdocs serve: no '{pattern}' within {timeout} s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def real_site(workdir: Path, repeat: int) -> dict:
    """The real site (the project's own content), strict, warm caches after a first build."""
    from kda.tooling.project import copy_project
    project = copy_project(workdir / "real", content=None)
    cold = timed_build(project, "mkdocs.yml", "2014-01-10", strict=True)
    warm = [timed_build(project, "mkdocs.yml", "2014-01-10", strict=True) for _ in range(repeat)]
    return {"cold_s": cold["s"], "warm": _summary(warm, pages_built(project / "site-mkdocs"))}


def setup_cost(workdir: Path) -> dict:
    """The README's install command in a fresh virtual environment: time and size (pip's cache as it is)."""
    venv = workdir / "venv"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-r", str(ROOT / "requirements.txt")],
                   check=True)
    seconds = time.perf_counter() - start
    size = sum(p.stat().st_size for p in venv.rglob("*") if p.is_file() and not p.is_symlink())
    return {"install_s": round(seconds, 1), "venv_mb": round(size / 1e6, 1)}


# --- report ---------------------------------------------------------------------------------------

def growth(results: list[dict], small: int = 10, large: int = 100) -> dict | None:
    by_n = {r["n"]: r for r in results}
    if small not in by_n or large not in by_n:
        return None
    a, b = by_n[small], by_n[large]
    return {"ours": round(b["ours"]["median_s"] / a["ours"]["median_s"], 2),
            "material": round(b["material"]["median_s"] / a["material"]["median_s"], 2),
            "pages": round(b["pages_ours"] / a["pages_ours"], 2)}


def table(report: dict) -> str:
    if not report.get("sizes"):
        return ""
    lines = ["| N | pages (ours / Material) | ours: median (min–max) | Material: median (min–max) "
             "| ratio per pair | peak memory (ours / Material) | ms per page (ours / Material) | cold caches (ours / Material) |",
             "|---|---|---|---|---|---|---|---|"]
    for r in report["sizes"]:
        o, m = r["ours"], r["material"]
        lines.append(
            f"| {r['n']} | {r['pages_ours']} / {r['pages_material']} | {o['median_s']:.1f} s ({o['min_s']:.1f}–{o['max_s']:.1f}) "
            f"| {m['median_s']:.1f} s ({m['min_s']:.1f}–{m['max_s']:.1f}) | "
            f"{', '.join(f'{x:.2f}' for x in r['ratios'])} (median **{r['ratio_median']:.2f}×**) "
            f"| {o['peak_mb']:.0f} / {m['peak_mb']:.0f} MB | {o['ms_per_page']:.0f} / {m['ms_per_page']:.0f} "
            f"| {r['cold_ours']['s']:.1f} / {r['cold_material']['s']:.1f} s |")
    out = ["\n".join(lines), ""]
    g = report.get("growth")
    if g:
        out.append(f"Growth from N=10 to N=100 ({g['pages']}× the pages): ours {g['ours']}×, Material {g['material']}×.")
    if report.get("real_site"):
        rs = report["real_site"]
        out.append(f"The real site, `mkdocs build --strict`: {rs['warm']['median_s']:.1f} s with warm caches "
                   f"(min {rs['warm']['min_s']:.1f}, max {rs['warm']['max_s']:.1f}), {rs['cold_s']:.1f} s with cold caches "
                   f"(PDFs printed by Chromium included).")
    if report.get("no_change"):
        nc = report["no_change"]
        out.append(f"No-change rebuild at N={report['detail_n']}: {nc['s']:.1f} s; {nc['cache_files_written']} of the "
                   f"{nc['cache_files']} cached cards, images, PDFs and charts made again "
                   f"({nc.get('text_files_written', 0)} small text files, the authors file and profile pages, written out as every build does).")
    if report.get("serve"):
        sv = report["serve"]
        out.append(f"`mkdocs serve` at N={report['detail_n']}, one article edited: rebuilt in {sv['rebuild_s']:.1f} s "
                   f"(MkDocs' figure), {sv['save_to_ready_s']:.1f} s from saving to ready; first build {sv['first_build_s']:.1f} s.")
    if report.get("setup"):
        st = report["setup"]
        out.append(f"Set-up: `python3 -m pip install -r requirements.txt` in a fresh venv took {st['install_s']:.0f} s "
                   f"(pip's download cache as found), the venv is {st['venv_mb']:.0f} MB.")
    if report.get("stages"):
        st = report["stages"]
        out += ["", f"Our stages at N={report['detail_n']} (one warm build under cProfile, "
                    f"{st['profiled_total_s']:.1f} s in all; profiling slows every call down, compare the rows, not the sums):", "",
                "| stage | seconds |", "|---|---|"]
        out += [f"| {name} | {seconds:.2f} |" for name, seconds in st["stages_s"].items()]
    out += ["", f"Measured {report['date']} on {report['machine']}; {report['note']}"]
    return "\n".join(out) + "\n"


def targets(report: dict) -> list[str]:
    missed = []
    for r in report["sizes"]:
        if r["ratio_median"] > TARGETS["ratio"]:
            missed.append(f"N={r['n']}: ratio {r['ratio_median']:.2f} > {TARGETS['ratio']}")
        if r["n"] >= 100 and r["ours"]["peak_mb"] > TARGETS["memory_mb"]:
            missed.append(f"N={r['n']}: peak memory {r['ours']['peak_mb']:.0f} MB > {TARGETS['memory_mb']}")
    g = report.get("growth")
    if g and g["ours"] > TARGETS["growth"]:
        missed.append(f"growth N=10→100 {g['ours']}× > {TARGETS['growth']}×")
    rs = report.get("real_site")
    if rs and rs["warm"]["median_s"] > TARGETS["real_site_s"]:
        missed.append(f"real site {rs['warm']['median_s']:.1f} s > {TARGETS['real_site_s']} s")
    nc = report.get("no_change")
    if nc and nc["cache_files_written"]:
        missed.append(f"no-change rebuild wrote {nc['cache_files_written']} cached files again")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=5, help="A/B pairs per size (default 5)")
    parser.add_argument("--repeat-large", type=int, default=None, help="pairs at N>=100 (default: --repeat)")
    parser.add_argument("--detail-n", type=int, default=10, help="size for stages, no-change and serve (default 10)")
    parser.add_argument("--only", choices=["sizes", "details", "real", "setup"], action="append",
                        help="run only these parts (default: all); results merge into the existing JSON")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--note", default="")
    args = parser.parse_args(argv)
    parts = set(args.only or ["sizes", "details", "real", "setup"])
    args.out.mkdir(parents=True, exist_ok=True)
    json_path = args.out / "build_speed.json"
    report = json.loads(json_path.read_text()) if json_path.exists() and args.only else {}
    report.update({"date": dt.date.today().isoformat(),
                   "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}",
                   "note": args.note or report.get("note", "")})
    with tempfile.TemporaryDirectory(prefix="kda-speed-") as tmp:
        work = Path(tmp)
        if "sizes" in parts:
            kept = [r for r in report.get("sizes", []) if r["n"] not in args.sizes]  # other sizes of an earlier run
            for n in args.sizes:
                repeat = args.repeat_large if (n >= 100 and args.repeat_large) else args.repeat
                kept.append(measure_size(n, repeat, work))
                report["sizes"] = sorted(kept, key=lambda r: r["n"])
                report["growth"] = growth(report["sizes"])
                _save(report, args.out)
        if "details" in parts:
            report["detail_n"] = args.detail_n
            project = work / f"n{args.detail_n}"
            if not project.exists():
                size = generate(project, args.detail_n)
                timed_build(project, "mkdocs.yml", size.today, strict=True)  # warm the caches
            today = _today_of(project)
            report["no_change"] = no_change_rebuild(project, today)
            print(f"\nno-change rebuild: {report['no_change']}", flush=True)
            report["stages"] = stage_costs(project, today)
            print(f"stages: {json.dumps(report['stages'], indent=1)}", flush=True)
            report["serve"] = serve_edit(project, today)
            print(f"serve: {report['serve']}", flush=True)
            _save(report, args.out)
        if "real" in parts:
            report["real_site"] = real_site(work, args.repeat)
            print(f"\nreal site: {report['real_site']}", flush=True)
            _save(report, args.out)
        if "setup" in parts:
            report["setup"] = setup_cost(work)
            print(f"\nset-up: {report['setup']}", flush=True)
            _save(report, args.out)
    print("\n" + table(report))
    missed = targets(report)
    print("Targets missed: " + ("; ".join(missed) if missed else "none"))
    return 0


def _today_of(project: Path) -> str:
    """The KDA_TODAY of a synthetic copy: three weeks before its last meeting (see synthetic.generate)."""
    meetings = yaml.safe_load((project / "data" / "pertemuan.yml").read_text(encoding="utf-8"))
    last = max(m["tanggal"] for m in meetings if m.get("tanggal"))
    return (last - dt.timedelta(days=21)).isoformat()


def _save(report: dict, out: Path) -> None:
    (out / "build_speed.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if report.get("sizes"):
        (out / "build_speed.md").write_text(table(report), encoding="utf-8")
        if out.resolve() == RESULTS.resolve():
            update_readme(table(report))


def update_readme(text: str, readme: Path = README) -> None:
    """Put the table between the two markers of bench/README.md ("Build speed and scale"), when they are there."""
    content = readme.read_text(encoding="utf-8")
    start, end = README_MARKERS
    if start not in content or end not in content:
        return
    head, rest = content.split(start, 1)
    readme.write_text(f"{head}{start}\n\n{text}\n{end}{rest.split(end, 1)[1]}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
