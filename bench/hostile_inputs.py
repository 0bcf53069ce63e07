"""Time and memory of `mkdocs build --strict` on hostile inputs, each in a copy of a project.

    python3 bench/hostile_inputs.py                         this checkout
    python3 bench/hostile_inputs.py --source /work/main     another checkout (e.g. before a fix)
    python3 bench/hostile_inputs.py --cases alias-bomb-data,image-165mp --timeout 60 --memory-gb 2

Each case copies the project (mkdocs.yml, data/, docs/, hooks/) of `--source`, makes one hostile
edit, and builds it in a subprocess limited to `--memory-gb` of address space and `--timeout`
seconds (so a build that would take 20 GB or several minutes is stopped, and says so). It prints
the outcome (refused with an Indonesian message, a traceback, out of memory, stopped), the wall
time and the peak memory (RSS, from /usr/bin/time or getrusage). Then it times the identifier
scan alone on a 300,000-character line. Prints figures; asserts nothing. PDF printing is off.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "data", "docs", "hooks")
ARTICLE = "docs/artikel/posts/2014-01-05-uji.md"
NOTE = "docs/pertemuan/02-perlindungan-anak.md"


def bomb(levels: int, width: int = 9, indent: str = "") -> str:
    lines = [f"{indent}a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"{indent}a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def member_page(project: Path, text: str) -> None:
    folder = project / "docs" / "uji"
    folder.mkdir(exist_ok=True)
    (folder / "halaman.md").write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /uji/*.md\n"),
                      encoding="utf-8")


def alias_bomb_data(project: Path) -> None:
    """About 5.7 KB: ten levels of ten aliases in one meeting's entry of data/pertemuan.yml."""
    with open(project / "data" / "pertemuan.yml", "a", encoding="utf-8") as meetings:
        meetings.write("\n- nomor: 16\n" + bomb(10, 10, "  "))


def alias_bomb_front_matter(project: Path) -> None:
    member_page(project, "---\n" + bomb(7) + "title: Uji\n---\n\nIsi.\n")


def long_line(project: Path) -> None:
    member_page(project, "# Uji\n\n" + "a" * 300_000 + "\n")


def nested_brackets(project: Path) -> None:
    """40 KB of nested brackets (200 lines) in a post's opening, which the blog converts again for every list page."""
    (project / ARTICLE).write_text(
        "---\ntitle: Uji\ndate: 2014-01-05\nauthors: [tim]\ncategories: [Catatan Belajar]\n---\n\n"
        + ("[" * 200 + "\n") * 100 + ("]" * 200 + "\n") * 100 + "\n<!-- more -->\n\nIsi.\n", encoding="utf-8")


def unclosed_cdata(project: Path) -> None:
    member_page(project, "# Uji\n\n" + ("<![CDATA[" * 500 + "\n") * 10)


def image_165mp(project: Path) -> None:
    Image.new("1", (12_845, 12_845)).save(project / "docs" / "pertemuan" / "besar.png")
    note = project / NOTE
    note.write_text(note.read_text(encoding="utf-8") + "\n![Besar](besar.png)\n", encoding="utf-8")


def nested_divs(project: Path) -> None:
    member_page(project, "<div markdown>\n\n" * 300 + "x\n\n" + "</div>\n\n" * 300)


def nested_list(project: Path) -> None:
    member_page(project, "- " * 700 + "x\n")  # a list in a list, 700 deep, on one line


def control_character(project: Path) -> None:
    """In the front matter of a meeting note (a page whose front matter the project checks)."""
    note = project / NOTE
    note.write_text('---\ntitle: "Catatan\x01"\n---\n\n' + note.read_text(encoding="utf-8"), encoding="utf-8")


CASES: dict[str, Callable[[Path], None]] = {
    "alias-bomb-data": alias_bomb_data,
    "alias-bomb-front-matter": alias_bomb_front_matter,
    "line-300000": long_line,
    "brackets-40kb-excerpt": nested_brackets,
    "cdata-45kb": unclosed_cdata,
    "image-165mp": image_165mp,
    "div-markdown-300": nested_divs,
    "list-700": nested_list,
    "control-character": control_character,
}


def copy(source: Path, destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / part, destination / part)
    return destination


def build(project: Path, timeout: float, memory_gb: float) -> tuple[str, float, float]:
    env = dict(os.environ, KDA_TANPA_PDF="1", KDA_TODAY="2014-01-10", SOURCE_DATE_EPOCH="1389312000",
               NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project / "hooks"))
    limit = int(memory_gb * 2**30)
    time_tool = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
               "-d", str(project / "site")]
    if time_tool:
        command = [time_tool, "-f", "MAXRSS_KB=%M", *command]
    start = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout,
                                preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
    except subprocess.TimeoutExpired:
        return f"stopped after {timeout:.0f} s", time.perf_counter() - start, float("nan")
    seconds = time.perf_counter() - start
    output = result.stdout + result.stderr
    rss = next((int(line.split("=")[1]) / 1024 for line in output.splitlines() if line.startswith("MAXRSS_KB=")),
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    if "MemoryError" in output or "Cannot allocate memory" in output:
        outcome = f"out of memory (limit {memory_gb:g} GB)"
    elif "Traceback" in output:
        last = [line for line in output.splitlines()
                if line.strip() and not line.startswith(("MAXRSS", "Command exited"))][-1:]
        outcome = "traceback: " + (last[0][:70] if last else "")
    elif result.returncode == 0:
        outcome = "built (not refused)"
    else:
        message = next((line.strip() for line in output.splitlines() if line.strip().startswith("- ")), "")
        outcome = "refused: " + message[2:100]
    return outcome, seconds, rss


SCAN = """
import sys, time
from kda.checks import privacy
for name, text in (("letters", "a" * 300_000), ("digits and spaces", "0 8" * 100_000), ("a@", "a@" * 150_000)):
    start = time.perf_counter()
    privacy.scan([(1, text)], ())
    print(f"  identifier scan, 300,000-character line of {name}: {time.perf_counter() - start:.2f} s", flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=HERE, help="the checkout to copy (default: this one)")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--memory-gb", type=float, default=3)
    parser.add_argument("--no-scan", action="store_true", help="skip the identifier-scan timing")
    args = parser.parse_args()
    source = args.source.resolve()
    print(f"source: {source}; limits: {args.timeout:.0f} s, {args.memory_gb:g} GB per build")
    print(f"{'case':26} {'seconds':>8} {'peak MB':>8}  outcome")
    with tempfile.TemporaryDirectory(prefix="kda-hostile-") as folder:
        baseline = copy(source, Path(folder) / "baseline")
        outcome, seconds, rss = build(baseline, args.timeout, args.memory_gb)
        print(f"{'(unchanged project)':26} {seconds:8.1f} {rss:8.0f}  {outcome}", flush=True)
        for name in args.cases.split(","):
            project = copy(source, Path(folder) / name)
            CASES[name](project)
            outcome, seconds, rss = build(project, args.timeout, args.memory_gb)
            print(f"{name:26} {seconds:8.1f} {rss:8.0f}  {outcome}", flush=True)
    if not args.no_scan:
        env = dict(os.environ, PYTHONPATH=str(source / "hooks"))
        try:
            subprocess.run([sys.executable, "-c", SCAN], env=env, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"  identifier scan: stopped after {args.timeout:.0f} s")


if __name__ == "__main__":
    main()
