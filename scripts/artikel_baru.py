#!/usr/bin/env python3
"""Create a new members' article with correct front matter.

    python3 scripts/artikel_baru.py "Judul tulisan" --penulis tim

Writes docs/artikel/posts/TTTT-BB-HH-judul-singkat.md (today's date in Asia/Jakarta, or
--tanggal, or KDA_TODAY), as a draft, after checking the author, categories and topics
against the data with the same checks the build runs. Messages are in Indonesian: the
people who run this are the group's writers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

# The project's checks (pydantic, Markdown, Jinja) are imported in main(), after the arguments are
# read: the help and an argument error answer at once (0.03 s of CPU instead of 0.4 s).

ROOT = Path(__file__).resolve().parent.parent



EXAMPLE = 'python3 scripts/artikel_baru.py "Judul tulisan" --penulis tim'

# argparse's own messages are English (Python 3.11-3.13 write them so): each as a writer reads it.
ERRORS = (
    (r"the following arguments are required: (.+)", "belum diisi: {0}"),
    (r"unrecognized arguments: (.+)", "pilihan yang tidak dikenal: {0}"),
    (r"ambiguous option: (\S+) could match (.+)", "pilihan {0} kurang lengkap; bisa berarti {1}"),
    (r"one of the arguments (.+) is required", "salah satu harus diisi: {0}"),
    (r"argument (.+?): expected one argument", "{0} harus diikuti satu nilai"),
    (r"argument (.+?): expected at most one argument", "{0} hanya menerima satu nilai"),
    (r"argument (.+?): expected at least one argument", "{0} harus diikuti paling sedikit satu nilai"),
    (r"argument (.+?): ignored explicit argument (.+)", "{0} tidak menerima nilai (tertulis {1})"),
    (r"argument (.+?): not allowed with argument (.+)", "{0} tidak boleh dipakai bersama {1}"),
    (r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)", "{0}: {1} tidak dikenal; pilih salah satu dari {2}"),
    (r"argument (.+?): invalid \S+ value: (.+)", "{0}: nilai {1} tidak sah"),
)


def in_indonesian(message: str) -> str:
    """One of argparse's error messages, in Indonesian ("" for one this table does not know)."""
    for pattern, text in ERRORS:
        match = re.fullmatch(pattern, message)
        if match:
            return text.format(*match.groups())
    return ""


class HelpInIndonesian(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Cara memakai: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse, in Indonesian: its usage line, its help and its errors (argparse writes them in English)."""

    def __init__(self, **options):
        super().__init__(add_help=False, formatter_class=HelpInIndonesian, **options)

    def error(self, message: str):
        reason = in_indonesian(message)
        self.exit(2, f"Perintah belum lengkap atau keliru{': ' + reason if reason else ''}.\n"
                     f"Contoh: {EXAMPLE}\n"
                     "Semua pilihan: python3 scripts/artikel_baru.py --bantuan\n")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = Parser(
        prog="artikel_baru.py",
        description="Membuat berkas tulisan baru di docs/artikel/posts/ dengan kepala (front matter) yang benar.",
        epilog=f"Contoh: {EXAMPLE}",
    )
    required = parser.add_argument_group("yang wajib diisi")
    required.add_argument("judul", help='judul tulisan, dalam tanda kutip, misalnya "Mengenal kluster ABH"')
    required.add_argument("--penulis", action="append", required=True, metavar="ID",
                          help="id penulis di data/anggota.yml, misalnya tim (boleh diulang untuk beberapa penulis)")
    optional = parser.add_argument_group("pilihan lain")
    optional.add_argument("--tanggal", metavar="TTTT-BB-HH", help="tanggal terbit (bawaan: hari ini)")
    optional.add_argument("--deskripsi", default="", help="satu kalimat tentang isi tulisan")
    optional.add_argument("--kategori", action="append", default=[], help="kategori (boleh diulang)")
    optional.add_argument("--pokok-bahasan", action="append", default=[], metavar="ID",
                          help="id pokok bahasan di data/pokok_bahasan.yml (boleh diulang)")
    optional.add_argument("--tag", action="append", default=[], help="kata kunci bebas, misalnya PKSA (boleh diulang)")
    optional.add_argument("--terbit", action="store_true", help="langsung terbit (draft: false); bawaan: draf")
    optional.add_argument("-h", "--bantuan", "--help", action="help", help="tampilkan bantuan ini, lalu selesai")
    return parser.parse_args(argv)


def today(tz) -> dt.date:
    from kda.settings import Environment

    return Environment.read().today or dt.datetime.now(tz).date()


OPTIONS = {"title": "judul", "description": "--deskripsi", "date": "--tanggal", "authors": "--penulis",
           "categories": "--kategori", "tags": "--tag", "pokok_bahasan": "--pokok-bahasan"}


def in_terms_of_options(problem: str, label: str) -> str:
    """A build message about the new file, reworded to name the command's option instead."""
    match = re.match(re.escape(label) + r"(?:, baris \d+)?: (\w+): ", problem)
    if match and match[1] in OPTIONS:
        return f"{OPTIONS[match[1]]}: " + problem[match.end():]
    return problem.replace(label, "tulisan baru")


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from kda.checks.frontmatter import Rules, check_article
    from kda.model.data import DataError, load_site_data
    from kda.settings import Settings
    from kda.views.render import make_environment
    from kda.views.scaffold import NewArticle, render_article

    try:
        data = load_site_data(root / "data", root / "docs", label_root=root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        date = dt.date.fromisoformat(args.tanggal) if args.tanggal else today(data.kelompok.tz)
    except ValueError:
        print(f'--tanggal harus berformat TTTT-BB-HH, misalnya 2014-01-20; tertulis "{args.tanggal}".', file=sys.stderr)
        return 1
    article = NewArticle(
        title=args.judul.strip(), date=date, authors=tuple(args.penulis), description=args.deskripsi.strip(),
        categories=tuple(args.kategori), tags=tuple(args.tag), topics=tuple(args.pokok_bahasan), draft=not args.terbit,
    )
    text = render_article(make_environment(root / "docs" / ".templates"), article)
    rules = Rules(tuple(p.id for p in data.anggota), tuple(t.id for t in data.pokok_bahasan), Settings.of_project(root).categories_allowed)
    _, problems = check_article(article.src_uri, text, rules)
    if problems:
        print("Tulisan belum dibuat; perbaiki pilihan perintahnya:", file=sys.stderr)
        for problem in problems:
            print("  - " + in_terms_of_options(problem, f"docs/{article.src_uri}"), file=sys.stderr)
        return 1
    path = root / "docs" / article.src_uri
    if path.exists():
        print(f"docs/{article.src_uri} sudah ada; tulisan lama tidak ditimpa. Pakai judul atau tanggal lain.",
              file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    status = "langsung terbit" if not article.draft else "masih draf: ubah draft: true menjadi draft: false bila sudah siap terbit"
    print(f"Tulisan baru dibuat: docs/{article.src_uri} ({status}).\n"
          "Buka berkas itu, tulis isinya, lalu lihat hasilnya dengan:\n"
          "  NO_MKDOCS_2_WARNING=1 KDA_TANPA_PDF=1 .venv/bin/mkdocs serve\n"
          "lalu buka di peramban alamat yang ditulisnya sesudah \"Serving on\" (cara lengkapnya: Panduan Menulis).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
