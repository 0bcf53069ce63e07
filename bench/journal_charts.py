"""Figures for the learning journal's charts (not a CI gate): import and drawing time, and what
readers download, for the real data and for the example journal of tests/fixture_jurnal.py.

    python3 bench/journal_charts.py
"""

from __future__ import annotations

import datetime as dt
import gzip
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    started = time.perf_counter()
    from kda.model.agenda import Agenda
    from kda.model.data import load_site_data
    from kda.model.journal import Journal
    from kda.outputs.charts import build_charts, render  # matplotlib's import is most of the cost
    print(f"import charts (matplotlib): {time.perf_counter() - started:.2f} s")

    from fixture_jurnal import BUILD_DATE, make_journal_project

    with tempfile.TemporaryDirectory() as temp:
        example = make_journal_project(Path(temp) / "project")
        for label, root, today in (("real data", ROOT, dt.date(2014, 1, 10)),
                                   ("example journal", example, dt.date.fromisoformat(BUILD_DATE))):
            journal = Journal(Agenda(load_site_data(root / "data", root / "docs", label_root=root), today))
            render.cache_clear()
            started = time.perf_counter()
            charts = build_charts(journal)
            drawn = time.perf_counter() - started
            started = time.perf_counter()
            build_charts(journal)
            cached = time.perf_counter() - started
            print(f"\n{label}: drawn in {drawn:.2f} s, from the cache in {cached * 1000:.1f} ms")
            for chart in charts.values():
                raw = chart.svg.encode("utf-8")
                print(f"  {chart.path:32} {len(raw):6d} bytes, {len(gzip.compress(raw, 9)):5d} gzipped")


if __name__ == "__main__":
    main()
