"""Check the changed files before a commit, with the build's own checks, in Indonesian.

    python3 scripts/periksa.py FILE...     the files given (what pre-commit passes: the changed ones)
    python3 scripts/periksa.py --semua     every file

Run by pre-commit (.pre-commit-config.yaml) for writers who use git on their own computer:
fast (no site build), the same rules and the same messages as `mkdocs build --strict`,
because it calls the same functions (hooks/kda/model/data.py, hooks/kda/views/pages.py...). Only problems in
the changed files are shown; the data files refer to each other, so a change to any of them
shows every problem of data/, and a page that links to a changed page or file is shown with its
links to it. What the strict build stops for stops this first, warnings included (a meeting below
quorum). Without a build, some links are the build's alone to check (hooks/kda/checks/links.py):
those of the maintainers' macro pages and of raw HTML, and links to the anchors the build adds to a
page from the data (a note's title, the schedule's meetings). Exit status 1 when there is a problem;
otherwise one line, "Semua baik: ...".

The checks live in hooks/kda/wiring/precommit/ (checks.py says how to add one); this file is
the command: which files, and what is printed.
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec
from pathlib import Path

# pre-commit runs `python3` from PATH: outside the project's .venv that Python lacks the site's
# packages. Say how to fix it rather than show a traceback.
if find_spec("kda") is None:
    sys.exit(f"Pemeriksaan tidak bisa berjalan: Python ini ({sys.executable}) belum memuat paket situs. "
             "Aktifkan dulu .venv di terminal ini (. .venv/bin/activate; Windows: .venv\\Scripts\\Activate.ps1), "
             "lalu ulangi. Belum ada .venv? Caranya di CONTRIBUTING.md.")

from kda.checks.symlinks import symlink_problems
from kda.problems import listed
from kda.wiring.precommit.checks import KINDS, concerns, is_published_file, run_checks
from kda.wiring.precommit.project import DOCS, Project

__all__ = ["KINDS", "Project", "main", "run_checks"]  # what the tests use

ROOT = Path(__file__).resolve().parent.parent


def report(shown: list[str], hidden: int) -> str:
    lines = [listed(f"Ada {len(shown)} masalah. Perbaiki lalu commit lagi:", shown)]
    if hidden:
        lines.append(f"(Ada juga {hidden} masalah di berkas lain yang tidak diubah; "
                     "lihat semuanya dengan: python3 scripts/periksa.py --semua)")
    return "\n".join(lines)


def every_file(root: Path) -> list[str]:
    """Every file and link under data/ and docs/ (linked folders are listed, not entered)."""
    found = []
    for folder in ("data", DOCS):
        for directory, subfolders, files in os.walk(root / folder):
            found += [(Path(directory) / name).relative_to(root).as_posix() for name in subfolders + files
                      if name in files or (Path(directory) / name).is_symlink()]
    return sorted(found)


def main(argv: list[str], root: Path = ROOT) -> int:
    symlinks = symlink_problems(root)  # first, before any file is read: a link's target is no file of ours
    if symlinks:
        print(report(symlinks, 0))
        return 1
    project = Project.load(root)
    if argv == ["--semua"]:
        changed = [f"data/{p.name}" for p in sorted((root / "data").glob("*.y*ml"))]
        changed += [f"{DOCS}/{p}" for p in project.pages()]
        changed += [p.relative_to(root).as_posix() for p in sorted((root / DOCS).rglob("*")) if p.is_file()
                    and p.suffix != ".md" and is_published_file(p.relative_to(root).as_posix())
                    and not any(part.startswith(".") for part in p.relative_to(root / DOCS).parts)]
    else:
        changed = [Path(a).as_posix() for a in argv]
    problems = run_checks(project, changed)
    shown = [p for p in problems if concerns(p, changed)]
    if shown:
        print(report(shown, len(problems) - len(shown)))
        return 1
    print(all_good(sum(1 for path in changed if any(matches(path) for matches in KINDS.values())),
                   len(problems)))
    return 0


def all_good(checked: int, hidden: int) -> str:
    """The line when the changed files have no problem."""
    if not checked:
        return "Semua baik: tidak ada berkas data atau halaman yang perlu diperiksa."
    line = f"Semua baik: {checked} berkas diperiksa, tidak ada masalah."
    if hidden:
        line += (f" (Ada {hidden} masalah di berkas lain yang tidak diubah; lihat semuanya dengan: "
                 "python3 scripts/periksa.py --semua)")
    return line


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
