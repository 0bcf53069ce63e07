"""Reproducible output: two builds of the same sources, on the same "today" (KDA_TODAY) and
SOURCE_DATE_EPOCH, are byte-identical, whatever the folder they are built in and the
interpreter's hash seed (which changes set and dict-of-set iteration order)."""

from __future__ import annotations

import datetime as dt
import difflib
import gzip
import os
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import SOURCE_DATE_EPOCH, copy_project, environment, run_cli_build


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def first_difference(name: str, one: bytes, other: bytes) -> str:
    try:
        lines = difflib.unified_diff(one.decode().splitlines(), other.decode().splitlines(), lineterm="", n=1)
        return "\n".join(list(lines)[:20])
    except UnicodeDecodeError:
        return f"{name}: binary files differ"


def test_two_builds_of_the_same_sources_are_byte_identical(site, tmp_path):
    # The session build ran in this process; this one runs in a fresh interpreter, with
    # another hash seed, from a copy of the sources in another folder.
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    project = copy_project(tmp_path / "another" / "checkout", content=None, warm=False)  # the same sources: the real ones
    with environment(PYTHONHASHSEED=seed):
        result = run_cli_build(project, pdf=True)  # the PDFs too, as the session build has them
    assert result.returncode == 0, result.stderr

    first, second = files_of(site), files_of(project / "site")
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == [], "\n\n".join(first_difference(n, first[n], second[n]) for n in different[:3])


def test_sitemap_dates_come_from_source_date_epoch(site):
    date = dt.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), dt.UTC).date().isoformat()
    sitemap = BeautifulSoup((site / "sitemap.xml").read_bytes(), "xml")
    dates = {node.text.strip() for node in sitemap.find_all("lastmod")}
    assert dates == {date}
    with gzip.open(site / "sitemap.xml.gz") as packed:
        assert packed.read() == (site / "sitemap.xml").read_bytes()
    # The gzip header records a modification time: it is SOURCE_DATE_EPOCH too.
    assert int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little") == int(SOURCE_DATE_EPOCH)
