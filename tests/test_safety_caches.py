"""Two builds of one checkout at once share `.cache/`: no cache write may trip over another.

Each writer of a cache (preview cards, content images, gallery photos, journal charts, PDFs)
is run by several processes at once on the same key, with the cached file removed before each
round so that every round writes; then two real `mkdocs build` of one copy run side by side
with an empty cache. Before the caches wrote through unique temporary files, processes wrote
the same `<key>.tmp` and one of them failed to move it.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from conftest import BUILD_DATE, SOURCE_DATE_EPOCH, copy_project

WORKERS = 4
ROUNDS = 20


def _rounds(task, start) -> None:
    try:
        for number in range(ROUNDS):
            start.wait(timeout=60)  # every process writes the same new key at the same moment
            task(number)
    except BaseException:
        start.abort()  # the other processes stop waiting for this one
        raise


def hammer(task, cache: Path) -> None:
    """Run `task(round)` in WORKERS processes at once, each round on a key no earlier round wrote."""
    context = multiprocessing.get_context("fork")
    start = context.Barrier(WORKERS)
    workers = [context.Process(target=_rounds, args=(task, start)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(240)
    assert [w.exitcode for w in workers] == [0] * WORKERS, "a writer failed while another wrote the same key"
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")], "a temporary file was left behind"


def _source(folder: Path, number: int, suffix: str) -> Path:
    """The same image in every process (so the same cache key), different in every round."""
    path = folder / f"{os.getpid()}-{number}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64 + number, 48), "teal").save(path)
    return path


def test_preview_cards_can_be_written_by_two_builds_at_once(tmp_path):
    from kda.outputs import cards

    def task(number):
        card = cards.Card("Kelompok Diskusi Bandung", f"Uji tulis bersamaan {number}")
        cards.publish(card, tmp_path / f"site-{os.getpid()}" / "card.png", tmp_path / "pratinjau")

    hammer(task, tmp_path / "pratinjau")


def test_gallery_photos_can_be_written_by_two_builds_at_once(tmp_path):
    from kda.outputs import photo

    def task(number):
        photo.process(_source(tmp_path / "asli", number, ".jpg"), tmp_path / "foto")

    hammer(task, tmp_path / "foto")


def test_content_images_can_be_written_by_two_builds_at_once(tmp_path):
    from kda.outputs import images

    def task(number):
        source = _source(tmp_path / "asli", number, ".png")
        if hasattr(images, "clean_copy"):
            images.clean_copy(source, tmp_path / "gambar")
        else:  # the optimiser before every image was re-encoded in on_files
            images.optimise(source, tmp_path / f"site-{os.getpid()}" / f"{number}.png", tmp_path / "gambar")

    hammer(task, tmp_path / "gambar")


def test_journal_charts_can_be_written_by_two_builds_at_once(tmp_path):
    from kda.outputs import charts

    def task(number):
        charts.cached_render(charts.AttendanceSpec((("1", number % 12),), 7, 11 + number), tmp_path / "grafik")

    hammer(task, tmp_path / "grafik")


def test_pdfs_can_be_printed_by_two_builds_at_once(tmp_path):
    """With a stand-in for Chromium that writes a PDF where it is told to (no browser needed)."""
    from kda.outputs import pdf

    fake = tmp_path / "chromium"
    fake.write_text(
        "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) "
        "printf '%%PDF-1.4 uji' > \"${a#--print-to-pdf=}\";; esac; done\n", encoding="utf-8")
    fake.chmod(0o755)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body><p>Uji</p></body></html>", encoding="utf-8")
    job = pdf.PdfJob("index.md", "unduh/uji.pdf", site / "index.html", site / "unduh" / "uji.pdf", "")
    cache = tmp_path / "pdf"
    cache.mkdir()

    hammer(lambda number: pdf._print(str(fake), job, cache / f"{number}.pdf", None), cache)
    assert {p.read_bytes() for p in cache.iterdir()} == {b"%PDF-1.4 uji"}
    assert [p.name for p in site.iterdir()] == ["index.html"]


def _build(project: Path, site: Path) -> subprocess.Popen:
    env = dict(os.environ, KDA_TODAY=BUILD_DATE, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, NO_MKDOCS_2_WARNING="1",
               KDA_TANPA_PDF="1")
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.build
def test_two_builds_of_one_checkout_at_once_both_succeed(tmp_path):
    project = copy_project(tmp_path / "project")
    image = project / "docs" / "pertemuan" / "papan.png"
    Image.linear_gradient("L").resize((900, 300)).convert("RGB").save(image)
    note = project / "docs" / "pertemuan" / "02-perlindungan-anak.md"
    note.write_text(note.read_text(encoding="utf-8") + "\n![Papan tulis](papan.png)\n", encoding="utf-8")
    builds = [_build(project, tmp_path / f"site-{n}") for n in (1, 2)]
    outputs = [b.communicate(timeout=300)[0] for b in builds]
    assert [b.returncode for b in builds] == [0, 0], outputs
    assert "Traceback" not in "".join(outputs)
    for n in (1, 2):
        assert (tmp_path / f"site-{n}" / "pertemuan" / "papan.png").is_file()
    assert not list((project / ".cache").rglob("*.tmp"))
