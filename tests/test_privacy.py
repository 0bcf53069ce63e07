"""The privacy scan on its own: what it must find, and what it must leave alone."""

from __future__ import annotations

import pytest

from kda.checks import privacy
from kda.checks.safety import SourceChecker

from conftest import ROOT, copy_project, run_cli_build


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


@pytest.mark.build
def test_an_allow_listed_contact_builds(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "privasi.yml").write_text(
        'izinkan:\n  - teks: "kelompok.diskusi@gmail.com"\n    alasan: surel resmi kelompok (contoh uji)\n', encoding="utf-8")
    note = project / "docs" / "pertemuan" / "02-perlindungan-anak.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nSurel kelompok: kelompok.diskusi@gmail.com\n", encoding="utf-8")
    result = run_cli_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kelompok.diskusi@gmail.com" in (project / "site" / "pertemuan" / "02-perlindungan-anak" / "index.html").read_text(encoding="utf-8")


# --- the data files: their texts are published too (bios, places, notes on the source) -------

PHONE_BIO = "\n- id: contoh-anggota\n  nama: Contoh Anggota\n  jenis: anggota\n  bio: Hubungi saya di 0812-3456-7890.\n"


@pytest.mark.build
def test_an_identifier_in_the_data_stops_the_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    with open(project / "data" / "anggota.yml", "a", encoding="utf-8") as members:  # invented, temp copy only
        members.write(PHONE_BIO)
    line = (project / "data" / "anggota.yml").read_text(encoding="utf-8").splitlines().index(
        "  bio: Hubungi saya di 0812-3456-7890.") + 1
    result = run_cli_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f'data/anggota.yml, baris {line}: tertulis nomor telepon ("0812…90").' in output
    assert "0812-3456-7890" not in output  # masked: CI logs are public
    assert "Traceback" not in output
    assert not (project / "site" / "index.html").exists()


def test_data_findings_skip_the_allow_list_and_allowed_strings(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "kelompok.yml").write_text("kontak: kelompok.diskusi@gmail.com\ncatatan: [Jl. Contoh No. 1]\n",
                                       encoding="utf-8")
    (data / "privasi.yml").write_text(
        'izinkan:\n  - teks: "kelompok.diskusi@gmail.com"\n    alasan: surel resmi kelompok (contoh uji)\n', encoding="utf-8")
    allowed = privacy.load_allow_list(data, tmp_path)
    assert privacy.data_findings(data, tmp_path, allowed) == [
        f'data/kelompok.yml, baris 2: tertulis alamat jalan ("Jl. C"). {privacy.LAW} {privacy.FIX}']


def test_the_projects_data_has_no_finding():
    assert privacy.data_findings(ROOT / "data", ROOT, privacy.load_allow_list(ROOT / "data", ROOT)) == []
