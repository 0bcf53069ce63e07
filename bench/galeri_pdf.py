"""Figures for the photo galleries and the PDFs: time and weight, cold and cached.

    python3 bench/galeri_pdf.py

Makes test photos (like tests/contoh.py: drawn by Pillow, with GPS in their EXIF) in a temp
folder, processes them cold and again from the cache, prints each output's size and weight;
then prints the TOR and schedule PDFs of a fresh build cold and from the cache. Prints
figures only; no target is asserted (the tests check behaviour, not speed).
"""

from __future__ import annotations

import gzip
import sys
import tempfile
import time
from pathlib import Path

from kda.outputs import (
    pdf,
    photo,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


from kda.tooling.project import build_site, copy_project

from contoh import photo_with_gps


def photos(work: Path) -> None:
    sources = [photo_with_gps(work / f"foto-{w}x{h}.jpg", size=(w, h), orientation=1)
               for w, h in ((4000, 3000), (3000, 4000), (1920, 1080))]
    for label in ("cold", "cached"):
        start = time.perf_counter()
        results = [photo.process(s, work / "cache") for s in sources]
        print(f"photos {label}: {len(sources)} originals in {time.perf_counter() - start:.2f} s")
    for source, result in zip(sources, results):
        print(f"  {source.name} ({source.stat().st_size / 1000:.0f} kB):", ", ".join(
            f"{name} {r.width}x{r.height} {r.path.stat().st_size / 1000:.1f} kB" for name, r in result.items()))


def pdfs(work: Path) -> None:
    project = copy_project(work / "proyek", content=None)
    for label in ("cold", "warm"):
        start = time.perf_counter()
        site = build_site(project, work / f"site-{label}")
        print(f"whole build with PDFs, {label} cache: {time.perf_counter() - start:.2f} s")
    for document in sorted((site / pdf.PDF_DIR).glob("*.pdf")):
        print(f"  {document.name}: {document.stat().st_size / 1000:.0f} kB")
    for asset in ("assets/javascripts/glightbox.min.js", "assets/stylesheets/glightbox.min.css",
                  "assets/tanggapan.js", "assets/cetak.css", "assets/galeri-tanggapan.css"):
        data = (site / asset).read_bytes()
        print(f"  {asset}: {len(data) / 1000:.1f} kB, gzip {len(gzip.compress(data)) / 1000:.1f} kB")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        photos(Path(folder))
        pdfs(Path(folder))
