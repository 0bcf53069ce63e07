"""A synthetic copy of the project with N extra articles, for size benchmarks only.

Deterministic (a fixed seed): the same N gives the same text, so figures compare across runs.
The words come from the real TOR, so the vocabulary and word lengths are Indonesian. The
copy is written to a temporary folder; nothing here touches docs/ or data/.

    python3 bench/synthetic_site.py 1000   # prints the folder of the copy
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from kda.tooling.project import copy_project

SEED = 20131222  # the TOR's date
FOLDER = "sintetis"  # docs/sintetis/NNNN.md in the copy


def vocabulary() -> list[str]:
    text = (ROOT / "docs" / "tor.md").read_text(encoding="utf-8")
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)]


def article(number: int, words: list[str], rng: random.Random) -> str:
    def sentence() -> str:
        chosen = rng.choices(words, k=rng.randint(8, 20))
        return " ".join(chosen).capitalize() + "."

    title = " ".join(rng.choices(words, k=4)).capitalize()
    parts = [f"# Artikel {number:04d}: {title}", ""]
    for _ in range(5):
        parts += [f"## {' '.join(rng.choices(words, k=3)).capitalize()}", ""]
        for _ in range(3):
            parts += [" ".join(sentence() for _ in range(rng.randint(3, 6))), ""]
    return "\n".join(parts)


def make_synthetic_project(destination: Path, articles: int = 1000) -> Path:
    project = copy_project(destination, content=None)
    rng = random.Random(SEED)
    words = vocabulary()
    folder = project / "docs" / FOLDER
    folder.mkdir()
    for number in range(1, articles + 1):
        (folder / f"{number:04d}.md").write_text(article(number, words, rng), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "not_in_nav: |\n" in text, "mkdocs.yml: not_in_nav block expected"
    config.write_text(text.replace("not_in_nav: |\n", f"not_in_nav: |\n  /{FOLDER}/*.md\n"), encoding="utf-8")
    return project


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(make_synthetic_project(Path(tempfile.mkdtemp(prefix="kda-sintetis-")), count))
