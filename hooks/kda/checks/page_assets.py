"""Styles and scripts that only some maintainer pages load: `extra.aset_halaman` in mkdocs.yml.

`extra_css` and `extra_javascript` load on every page; a form's script and styles should
load only where the form is. The map names, for each page (its path under docs/), its files
under docs/; docs/.overrides/main.html links them on that page only. A member's page never
carries a script: only maintainer pages (the macros plugin's force_render_paths) may appear
here, and only `.css` and `.js` files of docs/ that exist. The files named here are the
project's own, published like `extra_css` and `extra_javascript` (guard.check_files).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

KEY = "aset_halaman"
LABEL = f"mkdocs.yml, extra.{KEY}"
SUFFIXES = (".css", ".js")


@dataclass(frozen=True)
class PageAssets:
    styles: tuple[str, ...] = ()
    scripts: tuple[str, ...] = ()


def declared(extra) -> dict:
    """The map as written (anything): checked by `problems`, read by the other functions."""
    value = (extra or {}).get(KEY) or {}
    return value if isinstance(value, dict) else {}


def own_files(extra) -> set[str]:
    return {str(path) for paths in declared(extra).values() if isinstance(paths, list) for path in paths}


def for_page(extra, src_uri: str) -> PageAssets:
    paths = [str(p) for p in declared(extra).get(src_uri) or () if isinstance(p, str)]
    return PageAssets(tuple(p for p in paths if p.endswith(".css")), tuple(p for p in paths if p.endswith(".js")))


def problems(extra, is_maintainer_page, existing: set[str]) -> list[str]:
    """Every mistake in the map, in Indonesian. `existing`: the src_uri of every file under docs/."""
    raw = (extra or {}).get(KEY)
    if raw is None:
        return []
    if not isinstance(raw, dict):
        return [f"{LABEL}: harus berupa daftar halaman: berkasnya, misalnya tulis.md: [assets/kda-tulis.js]."]
    found = []
    for page, paths in raw.items():
        where = f"{LABEL}, {page}"
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            found.append(f"{where}: tulis daftar berkas di dalam [ ], misalnya [assets/kda-tulis.js].")
            continue
        if str(page) not in existing:
            found.append(f"{where}: halaman docs/{page} tidak ada.")
        elif not is_maintainer_page(str(page)):
            found.append(f"{where}: hanya halaman pengurus (force_render_paths) yang boleh memuat skrip dan gaya sendiri; "
                         "halaman anggota tidak pernah menjalankan skrip. Hapus halaman ini dari daftar.")
        for path in paths:
            if PurePosixPath(path).suffix not in SUFFIXES:
                found.append(f"{where}: {path}: hanya berkas .css dan .js yang boleh didaftarkan di sini.")
            elif path not in existing:
                found.append(f"{where}: berkas docs/{path} tidak ada.")
    return found
