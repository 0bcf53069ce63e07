"""The writers' commands answer in Indonesian: scripts/artikel_baru.py's help and its argument errors
(argparse writes its own in English), and scripts/periksa.py's line when all is well."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "artikel_baru.py"
# What argparse would print in English (Python 3.11-3.13).
ENGLISH = ("usage", "error", "the following arguments are required", "show this help message", "positional arguments",
           "options:", "expected one argument", "unrecognized arguments", "ambiguous option", "ignored explicit")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60, cwd=ROOT)


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text.lower()]


@pytest.mark.parametrize("option", ["--help", "-h", "--bantuan"])
def test_the_help_is_indonesian(option):
    result = run(option)
    assert result.returncode == 0
    assert result.stdout.startswith("Cara memakai: artikel_baru.py --penulis ID")
    for part in ("yang wajib diisi:", "pilihan lain:", "tampilkan bantuan ini, lalu selesai",
                 'Contoh: python3 scripts/artikel_baru.py "Judul tulisan" --penulis tim'):
        assert part in result.stdout
    assert english_in(result.stdout + result.stderr) == []


@pytest.mark.parametrize(("args", "reason"), [
    ((), "belum diisi: judul, --penulis"),
    (("Judul",), "belum diisi: --penulis"),
    (("Judul", "--penulis"), "--penulis harus diikuti satu nilai"),
    (("Judul", "--penulis", "tim", "--kategori"), "--kategori harus diikuti satu nilai"),
    (("Judul", "--penulis", "tim", "--lain"), "pilihan yang tidak dikenal: --lain"),
    (("Judul", "--penulis", "tim", "--terbit=ya"), "--terbit tidak menerima nilai (tertulis 'ya')"),
    (("Judul", "--p", "tim"), "pilihan --p kurang lengkap; bisa berarti --penulis, --pokok-bahasan"),
])
def test_a_wrong_command_is_explained_in_indonesian(args, reason):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (f"Perintah belum lengkap atau keliru: {reason}.\n"
                             'Contoh: python3 scripts/artikel_baru.py "Judul tulisan" --penulis tim\n'
                             "Semua pilihan: python3 scripts/artikel_baru.py --bantuan\n")
    assert english_in(result.stderr) == []


def test_an_argparse_message_the_table_does_not_know_is_never_shown_in_english():
    sys.path.insert(0, str(ROOT / "scripts"))
    import artikel_baru

    assert artikel_baru.in_indonesian("argument --x: some new English message") == ""
    with pytest.raises(SystemExit) as stopped:
        artikel_baru.Parser(prog="artikel_baru.py").error("some new English message")
    assert stopped.value.code == 2


def test_periksa_says_all_is_well_in_indonesian():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "periksa.py"), "docs/kerahasiaan.md"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "Semua baik: 1 berkas diperiksa, tidak ada masalah.\n"
