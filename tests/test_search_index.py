"""The search index writer (kda.outputs.search) on small hand-made sites: complete, in the site only.

No MkDocs build: write_index indexes any folder of pages, so these run in the fast lane.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from kda.outputs.search import _page_count, write_index
from kda.paths import SEARCH_DIR

PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{title}</title></head>
<body><header class="md-header">Kepala situs</header><main><h1>{title}</h1>
<p>{text}</p></main></body></html>"""


def make_site(root: Path) -> Path:
    site = root / "situs"
    pages = {
        "index.html": ("Beranda", "Kelompok diskusi perlindungan anak."),
        "jadwal/index.html": ("Jadwal", "Pertemuan berikutnya membahas pengasuhan."),
        "artikel/catatan/index.html": ("Catatan", "Anak-anak dilindungi oleh hukum."),
        "404.html": ("Tidak ditemukan", "Halaman ini tidak ada."),
    }
    for path, (title, text) in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(PAGE.format(title=title, text=text), encoding="utf-8")
    return site


def fragments(site: Path) -> list[dict]:
    return [json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))
            for p in sorted((site / SEARCH_DIR / "fragment").glob("*.pf_fragment"))]


def test_every_page_is_indexed_and_the_entry_file_is_complete(tmp_path):
    site = make_site(tmp_path)
    assert write_index(site) == 3  # every index.html; 404.html is no search result
    entry = json.loads((site / SEARCH_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["id"]["page_count"] == 3  # the whole site in Indonesian, one index
    assert sorted(f["meta"]["title"] for f in fragments(site)) == ["Beranda", "Catatan", "Jadwal"]
    assert all("Kepala situs" not in f["content"] for f in fragments(site))  # the header is excluded
    for name in ("pagefind.js", "pagefind-ui.js", "wasm.id.pagefind"):
        assert (site / SEARCH_DIR / name).stat().st_size > 0


def test_the_index_is_the_same_every_time(tmp_path):
    first, second = make_site(tmp_path / "a"), make_site(tmp_path / "b")
    write_index(first), write_index(second)
    files = sorted(p.relative_to(first) for p in (first / SEARCH_DIR).rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in (second / SEARCH_DIR).rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_pagefind_settings_from_the_site_the_folder_or_the_shell_are_ignored(tmp_path, monkeypatch):
    # Pagefind reads pagefind.yml (and .json, .toml) from its working folder and PAGEFIND_*
    # variables: a file a member publishes, or the shell, must not move or reshape the index.
    site = make_site(tmp_path)
    elsewhere = tmp_path / "di-luar"
    settings = f"output_path: {elsewhere}\nglob: '404.html'\nforce_language: en\n"
    for folder in (site, tmp_path):
        (folder / "pagefind.yml").write_text(settings, encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_OUTPUT_PATH", str(elsewhere))
    monkeypatch.setenv("PAGEFIND_GLOB", "404.html")
    monkeypatch.chdir(tmp_path)  # the build's own working folder holds one too
    assert write_index(site) == 3
    assert not elsewhere.exists()
    assert json.loads((site / SEARCH_DIR / "pagefind-entry.json").read_text())["languages"].keys() == {"id"}


def test_an_unwritable_index_stops_the_build_in_indonesian(tmp_path):
    site = make_site(tmp_path)
    (site / SEARCH_DIR).write_text("bukan folder", encoding="utf-8")  # the index cannot be written
    with pytest.raises(PluginError, match=r"Indeks pencarian \(Pagefind\) gagal dibuat"):
        write_index(site)


@pytest.mark.parametrize("content", ["", "{", '{"languages": {"id": {}}}', "[]"])
def test_an_incomplete_entry_file_stops_the_build_in_indonesian(tmp_path, content):
    # What an interrupted write leaves (an empty pagefind-entry.json) is refused, never published.
    (tmp_path / SEARCH_DIR).mkdir()
    (tmp_path / SEARCH_DIR / "pagefind-entry.json").write_text(content, encoding="utf-8")
    with pytest.raises(PluginError, match=r"Indeks pencarian \(Pagefind\) tidak lengkap: .*pagefind-entry.json"):
        _page_count(tmp_path)
