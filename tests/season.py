"""A season of routine edits, applied to a copy of the project, as the group would make them.

    python tests/season.py DEST     copy the project (its git-tracked files) to DEST and apply the season

CI (`.ci/run`) then runs the whole test suite inside DEST: a test that pins today's content
(a count, a status, "belum ...") fails there the day it is written, instead of the day the
organiser dates the next meeting.

Each edit below follows one row of the README's table "Where each kind of change goes" that a
writer or the organiser performs, and only what the data files' headers and the writing guide
allow. The people, figures and pictures are invented examples for this test ("Contoh"), written
only into the copy, never into data/ or docs/. To extend the season, add a function and list it
in EDITS; its docstring quotes the README row it follows, word for word (tests/test_season.py
checks that the row exists).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent

MEMBER = "rina-contoh"
NOTE = "docs/pertemuan/03-tahap-perkembangan-anak"
MATERIAL = "tahap-perkembangan-anak"  # a new material, shared at meeting 3
UPLOADED = "perlindungan-permasalahan-anak"  # an existing material whose file is finally uploaded


def date_and_record_meeting(project: Path) -> None:
    """| add or date a meeting, set its place, theme, topics, materials | `data/pertemuan.yml` (its header lists every field) |
    | record a meeting's attendance, facilitators, resource persons, test scores, real times, rescheduling | `data/pertemuan.yml` (fields listed under *Jurnal belajar* in its header) |
    """
    replace(project / "data/pertemuan.yml", "\n- nomor: 3\n", f"""
- nomor: 3
  tanggal: 2014-01-30
  mulai: "13.00"
  selesai: "16.00"
  tempat: FKPS
  tema: Tahap perkembangan anak
  pokok_bahasan: [tahap-perkembangan-anak, pre-test-post-test]
  materi: [{MATERIAL}]
  kehadiran: 8
  fasilitator: [{MEMBER}]
  narasumber: ["Dr. Narasumber Contoh"]
  pre_test: {{rata_rata: 61.5, peserta: 8}}
  post_test: {{rata_rata: 74, peserta: 8}}
  mulai_nyata: "13.10"
  selesai_nyata: "16.05"
""")
    # A meeting the group called off.
    replace(project / "data/pertemuan.yml", "\n- nomor: 4\n", "\n- nomor: 4\n  batal: true\n")


def set_test_scale(project: Path) -> None:
    """| change the group's facts (quorum, time zone, session length, test scale) | `data/kelompok.yml` |"""
    with (project / "data/kelompok.yml").open("a", encoding="utf-8") as data:
        data.write("skala_tes:\n  terendah: 0\n  tertinggi: 100\n")


def change_topic_wording(project: Path) -> None:
    """| change a topic's wording or summary | `data/pokok_bahasan.yml` |"""
    path = project / "data/pokok_bahasan.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: tahap-perkembangan-anak\n")
    summary = text.index("  ringkasan: ", start)
    end = text.index("\n", summary)
    path.write_text(text[:summary] + "  ringkasan: Tahap tumbuh kembang anak dari bayi sampai remaja, "
                    "dan artinya bagi pendampingan (ringkasan contoh)." + text[end:], encoding="utf-8")


def add_material_with_file(project: Path) -> None:
    """| add a material, or record that its file was uploaded | `data/materi.yml`, the page `docs/materi/<id>.md`, the file beside it |"""
    with (project / "data/materi.yml").open("a", encoding="utf-8") as data:
        data.write(f"""
- id: {MATERIAL}
  judul: Tahap Perkembangan Anak
  jenis: materi
  ringkasan: Materi contoh pertemuan 3 tentang tahap perkembangan anak.
  berkas: {MATERIAL}.pdf
""")
    (project / f"docs/materi/{MATERIAL}.md").write_text(
        "Materi yang dibagikan pada pertemuan 3. Berkasnya dapat diunduh di bagian atas halaman ini.\n",
        encoding="utf-8")
    pdf(project / f"docs/materi/{MATERIAL}.pdf")
    # And the file of an existing material, uploaded at last.
    replace(project / "data/materi.yml", f"\n- id: {UPLOADED}\n", f"\n- id: {UPLOADED}\n  berkas: {UPLOADED}.pdf\n")
    pdf(project / f"docs/materi/{UPLOADED}.pdf")


def add_member(project: Path) -> None:
    """| add a member or author (only with their consent; never invent people) | `data/anggota.yml` |"""
    with (project / "data/anggota.yml").open("a", encoding="utf-8") as data:
        data.write(f"""
- id: {MEMBER}
  nama: Rina Contoh
  jenis: anggota
  peran: notulis
  kluster: abh
  bio: Anggota contoh untuk uji musim rutin.
""")


def write_articles(project: Path) -> None:
    """| write a members' article | from a phone: the site's *Tulis Artikel* page (`docs/tulis.md`) opens GitHub's editor on a new, valid file; on a computer: `python scripts/artikel_baru.py "Judul" --penulis tim`; either way `docs/artikel/posts/TTTT-BB-HH-judul.md`, see *Panduan Menulis* |"""
    posts = project / "docs/artikel/posts"
    for date, slug, title in (("2014-01-05", "belajar-dari-kasus", "Belajar dari kasus: catatan seorang pendamping"),
                              ("2014-01-08", "kunjungan-rumah", "Kunjungan rumah yang pertama")):
        (posts / f"{date}-{slug}.md").write_text(f"""---
title: "{title}"
description: Artikel contoh uji musim rutin, ditulis oleh seorang anggota.
date: {date}
authors:
  - {MEMBER}
categories:
  - Pengalaman Lapangan
tags:
  - pendampingan
pokok_bahasan:
  - tahap-perkembangan-anak
---

Paragraf pembuka artikel contoh, tentang [jadwal](../../jadwal.md) dan [kerangka acuan](../../tor.md).

<!-- more -->

## Yang saya pelajari

Isi artikel contoh.
""", encoding="utf-8")


def write_note_with_photos(project: Path) -> None:
    """| write the notes of a meeting | `docs/pertemuan/NN-judul-singkat.md` (NN = meeting number); its header comes from the data |
    | start the notes of a meeting from a phone | the site's *Tulis Catatan Pertemuan* page (`docs/tulis-catatan.md`); the note's sections: `docs/.templates/catatan_baru.md.j2` |
    | add photos to a meeting note (caption and consent required) | `docs/pertemuan/NN-judul/foto/` with its `galeri.yml` (see `docs/panduan-foto-tanggapan.md`) |
    """
    (project / f"{NOTE}.md").write_text("""## Yang dibahas

Pertemuan 3 membahas tahap perkembangan anak (catatan contoh).

## Materi yang dibagikan

Materi *Tahap Perkembangan Anak*. Tautannya ada di bagian atas halaman ini.
""", encoding="utf-8")
    photos = project / NOTE / "foto"
    photos.mkdir(parents=True)
    picture(photos / "papan-tulis.jpg", (1600, 1200))
    (photos / "galeri.yml").write_text("""- berkas: papan-tulis.jpg
  keterangan: Papan tulis berisi hasil diskusi (foto contoh).
  izin_publikasi: true
""", encoding="utf-8")


def explain_term(project: Path) -> None:
    """| explain a TOR term, or give the plain word search should find it by | `data/istilah.yml` (`kata_lain`); link the term in `docs/tor.md` with `{{ istilah("id") }}` |"""
    replace(project / "data/istilah.yml", "  kata_lain: [anak bermasalah dengan hukum]\n",
            "  kata_lain: [anak bermasalah dengan hukum, anak berkonflik dengan hukum]\n")


def confirm_site_text(project: Path) -> None:
    """| confirm a text the site wrote (a topic summary, a material's description, a meeting's topic) | remove `tafsiran_situs` from its entry in `data/pokok_bahasan.yml`, `data/materi.yml`, `data/pertemuan.yml` or `data/istilah.yml` |"""
    path = project / "data/materi.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: kerangka-acuan\n")
    mark = text.index("  tafsiran_situs: [ringkasan]\n", start)
    path.write_text(text[:mark] + text[mark + len("  tafsiran_situs: [ringkasan]\n"):], encoding="utf-8")


EDITS: list[Callable[[Path], None]] = [
    set_test_scale, date_and_record_meeting, change_topic_wording, add_material_with_file, add_member, write_articles,
    write_note_with_photos, explain_term, confirm_site_text,
]


def apply(project: Path) -> Path:
    """Every edit, each then committed as a change of its own (as the group's pull requests are)."""
    for edit in EDITS:
        edit(project)
        if (project / ".git").is_dir():
            git = ["git", "-c", "user.name=Musim", "-c", "user.email=musim@contoh.invalid"]
            subprocess.run([*git, "add", "-A"], cwd=project, check=True)
            subprocess.run([*git, "commit", "-q", "-m", edit.__name__.replace("_", " ")], cwd=project, check=True)
    return project


def copy_checkout(destination: Path) -> Path:
    """The files git tracks (as a clean checkout has them), with this working tree's changes."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    # A repository of its own, as a clone is (actionlint and pre-commit look for one).
    git = ["git", "-c", "user.name=Musim", "-c", "user.email=musim@contoh.invalid", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=destination, check=True)
    subprocess.run([*git, "add", "-A"], cwd=destination, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "The project before the season"], cwd=destination, check=True)
    return destination


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"season: {old!r} not found in {path}; update tests/season.py to the data's new shape")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def picture(path: Path, size: tuple[int, int]) -> None:
    """A drawn test picture (no people, no metadata)."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    ImageDraw.Draw(image).rectangle((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), fill=(30, 120, 160))
    image.save(path, "JPEG", quality=85)


def pdf(path: Path) -> None:
    """A one-page PDF drawn by Pillow: a material's file as a member would upload it."""
    image = Image.new("RGB", (595, 842), "white")
    ImageDraw.Draw(image).text((72, 72), "Materi contoh", fill="black")
    image.save(path, "PDF")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    destination = Path(argv[0]).resolve()
    if destination.exists() and any(destination.iterdir()):
        print(f"season: {destination} is not empty", file=sys.stderr)
        return 2
    apply(copy_checkout(destination))
    print(f"season: {len(EDITS)} edits applied in {destination}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
