"""The privacy scan on its own: what it must find, and what it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import privacy
from conftest import ROOT, copy_project, run_cli_build
from safety import SourceChecker


def findings(markdown: str, allowed: tuple[str, ...] = ()):
    checker = SourceChecker()
    return privacy.scan(privacy.text_units(checker.tokens(markdown)), allowed)


@pytest.mark.parametrize("path", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_sites_own_pages_have_no_finding(path):
    """Every page of the site, the TOR's text included, is free of false positives."""
    assert findings(path.read_text(encoding="utf-8")) == []


TOR_SOURCE = ROOT.parent / "shared" / "sumber" / "tor-kelompok-diskusi-bandung.txt"


@pytest.mark.skipif(not TOR_SOURCE.exists(), reason="the shared source is outside the repository")
def test_the_original_tor_text_has_no_finding():
    assert findings(TOR_SOURCE.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text", [
    "Jumlah anak ± 600 orang.", "Tahun 2013 dan 2014.", "UU 23 Tahun 2002 tentang Perlindungan Anak.",
    "UU No. 11 Tahun 2012, Pasal 64 ayat (2).", "Pukul 13.00–16.30 WIB.", "Anak jalanan di persimpangan.",
    "Mencari jalan keluar bersama.", "Biaya Rp 1.500.000 untuk 120 peserta.", "Nomor surat 460/1234/2013.",
    "Rentang umur 12-15 tahun, inisial R.", "Contoh `0812-3456-7890` dalam kode.",
    "```\nNIK = 3273012345670001\n```", "Kontak contoh tim@example.org.", "Versi 2.13.4 dan 1.6.1.",
    "Telepon kantor (nomor tidak dicantumkan).", "Skor 0,5 dan 0.75; nilai 05-06 Januari.", "RT dan RW setempat diajak berdiskusi.",
    "Alamat: nama jalan, gang, nomor rumah, RT/RW, kelurahan.",
])
def test_realistic_non_identifiers_pass(text):
    assert findings(text) == []


def test_an_allowed_exact_string_passes_and_nothing_else():
    text = "Hubungi sekretariat di 022-7201234 atau Jl. Contoh Raya No. 1, Bandung.\n\nAtau 0812-9999-0000."
    allowed = ("Jl. Contoh Raya No. 1, Bandung", "022-7201234")
    kinds = [f.kind for f in findings(text, allowed)]
    assert kinds == ["nomor telepon"]  # the mobile number only: the address is allowed


def test_allow_list_file_is_validated(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "privasi.yml").write_text("izinkan:\n  - teks: 022-7201234\n", encoding="utf-8")
    with pytest.raises(privacy.AllowListError) as error:
        privacy.load_allow_list(data, tmp_path)
    assert "data/privasi.yml, baris 2: setiap entri harus punya tepat dua kolom" in str(error.value)
    (data / "privasi.yml").write_text('izinkan:\n  - teks: "(022) 7201234"\n    alasan: telepon kantor dinas\n',
                                      encoding="utf-8")
    assert privacy.load_allow_list(data, tmp_path) == ("(022) 7201234",)


def test_the_projects_allow_list_loads():
    assert privacy.load_allow_list(ROOT / "data", ROOT) == ()


def test_an_allow_listed_contact_builds(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "privasi.yml").write_text(
        'izinkan:\n  - teks: "kelompok.diskusi@gmail.com"\n    alasan: surel resmi kelompok (contoh uji)\n', encoding="utf-8")
    note = project / "docs" / "pertemuan" / "02-perlindungan-anak.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nSurel kelompok: kelompok.diskusi@gmail.com\n", encoding="utf-8")
    result = run_cli_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kelompok.diskusi@gmail.com" in (project / "site" / "pertemuan" / "02-perlindungan-anak" / "index.html").read_text(encoding="utf-8")
