"""A deterministic synthetic copy of the site, N times larger, for benchmarks.

    python3 bench/synthetic.py /tmp/kda-n10 --n 10        # writes a project copy, prints its size

`generate(dest, n)` copies the project (mkdocs.yml, data/, docs/, hooks/) to `dest` and adds
N *units* of invented content beside the real content. One unit is one cycle of the TOR:

- 16 meetings (dates a week apart, time, place, theme, topics, materials, attendance), each held
  one with a meeting note `docs/pertemuan/NN-slug.md`;
- 19 topics (`pokok_bahasan.yml`), 5 materials (`materi.yml` + `docs/materi/<id>.md`);
- 11 members (`anggota.yml`; `jumlah_anggota` in `kelompok.yml` grows with them);
- 10 articles (`docs/artikel/posts/YYYY-MM-DD-slug.md`: authors, categories, tags, topic ids,
  Indonesian prose with headings and lists), 2 of them with a small PNG drawn with Pillow.

The same (n, seed) always gives byte-identical files. Everything is invented, so it is only
ever written to a temporary copy, never into the project's own `data/` or `docs/`. The text
avoids what the content checks refuse (no numbers that look like phones or ID numbers, no
addresses), so the copy builds with `--strict`.

Other benchmarks can import it: `from synthetic import generate` (with `bench/` on sys.path).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

from kda.tooling.project import copy_project

ROOT = Path(__file__).resolve().parent.parent
SEED = 2013
UNIT = {"meetings": 16, "topics": 19, "materials": 5, "members": 11, "articles": 10, "images": 2}
FIRST_DAY = dt.date(2014, 2, 6)  # the first synthetic meeting: after the real schedule's dates
CATEGORIES = ("Tentang Kelompok", "Catatan Belajar", "Pengalaman Lapangan", "Kebijakan dan Program", "Merawat Diri")
CLUSTERS = ("anak-terlantar-jalanan", "adk", "ampk", "abh", "anak-balita")
PLACES = ("FKPS", "PSAA Muhammadiyah Bandung", "Aula Dinas Sosial", "Balai Rehabilitasi Sosial", "Ruang rapat LKSA")
TAGS = ("PKSA", "kluster", "ABH", "ADK", "AMPK", "anak balita", "anak jalanan", "pengasuhan", "rujukan",
        "asesmen", "supervisi", "kebijakan", "SAKTI PEKSOS", "keluarga", "komunitas")
FIRST_NAMES = ("Ani", "Budi", "Citra", "Dedi", "Euis", "Fajar", "Gita", "Hendra", "Intan", "Joko", "Kurnia",
               "Lina", "Maman", "Nia", "Oki", "Putri", "Rina", "Sigit", "Tuti", "Ujang", "Wati", "Yusuf")
LAST_NAMES = ("Suryana", "Hidayat", "Rahmawati", "Kusnadi", "Permana", "Lestari", "Nugraha", "Sari", "Wijaya",
              "Setiawan", "Handayani", "Gunawan")
ROLES = ("koordinator", "notulis", "bendahara", None, None, None)
TOPIC_WORDS = (
    ("Pengasuhan berbasis keluarga", "Peran keluarga sebagai pengasuh utama anak dan dukungan yang dibutuhkannya."),
    ("Asesmen kebutuhan anak", "Cara menggali kebutuhan anak dan keluarganya sebelum menyusun rencana."),
    ("Manajemen kasus", "Langkah-langkah menangani kasus dari penerimaan sampai terminasi."),
    ("Rujukan antarlembaga", "Bekerja sama dengan lembaga lain agar anak mendapat layanan yang tepat."),
    ("Diversi bagi anak", "Penyelesaian perkara anak di luar peradilan pidana."),
    ("Anak dengan disabilitas", "Hak dan layanan bagi anak dengan kecacatan serta keluarganya."),
    ("Anak jalanan", "Pendekatan penjangkauan dan pendampingan anak yang hidup di jalan."),
    ("Perawatan diri pekerja sosial", "Menjaga kesehatan jiwa dan raga pendamping dalam pekerjaan yang berat."),
    ("Etika pekerjaan sosial", "Nilai, prinsip dan kode etik dalam praktik sehari-hari."),
    ("Dokumentasi kasus", "Mencatat perkembangan kasus dengan rapi dan menjaga kerahasiaan."),
    ("Supervisi praktik", "Belajar dari pengalaman bersama pendamping yang lebih berpengalaman."),
    ("Pemberdayaan komunitas", "Melibatkan warga sekitar dalam perlindungan anak."),
    ("Kebijakan PKSA", "Program Kesejahteraan Sosial Anak, sasaran dan bantuannya."),
    ("Anak balita terlantar", "Perlindungan dan pengasuhan anak usia dini yang kehilangan pengasuh."),
    ("Konseling anak", "Teknik berbicara dengan anak sesuai usia dan keadaannya."),
    ("Kekerasan terhadap anak", "Mengenali tanda kekerasan dan cara melapor serta menanganinya."),
    ("Reunifikasi keluarga", "Mengembalikan anak ke keluarganya dengan persiapan yang matang."),
    ("Kerja sama dengan sekolah", "Menjaga anak tetap bersekolah dan didukung gurunya."),
    ("Evaluasi program", "Menilai apakah layanan yang diberikan benar-benar membantu anak."),
)
SENTENCES = (
    "Dalam pertemuan ini kami membahas pengalaman mendampingi anak dan keluarganya di lapangan.",
    "Setiap pekerja sosial menceritakan satu kasus yang sedang ditangani, tanpa menyebut nama anak.",
    "Kami sepakat bahwa kepentingan terbaik anak harus menjadi dasar setiap keputusan.",
    "Pendampingan tidak bisa dikerjakan sendirian; kerja sama antarkluster sangat dibutuhkan.",
    "Beberapa anggota merasa kewalahan karena jumlah kasus yang terus bertambah.",
    "Fasilitator mengingatkan pentingnya mencatat setiap langkah pendampingan dengan rapi.",
    "Diskusi berlangsung hangat dan setiap anggota mendapat kesempatan berbicara.",
    "Kami belajar bahwa asesmen yang teliti membuat rencana intervensi lebih tepat sasaran.",
    "Keluarga adalah tempat terbaik bagi anak, selama keluarga itu aman dan mendukung.",
    "Lembaga kesejahteraan sosial anak menjadi pilihan terakhir, bukan yang pertama.",
    "Anak yang berhadapan dengan hukum berhak didampingi sejak awal proses.",
    "Diversi memberi kesempatan kepada anak untuk memperbaiki diri tanpa dipenjara.",
    "Anak dengan kecacatan sering tidak terlihat dalam pendataan di tingkat kelurahan.",
    "Kami menyusun daftar lembaga rujukan yang bisa dihubungi bila ada kasus darurat.",
    "Pekerja sosial juga perlu merawat dirinya agar tetap mampu menolong orang lain.",
    "Supervisi rutin membantu kami melihat kasus dari sudut pandang yang berbeda.",
    "Kerahasiaan identitas anak dijaga dalam setiap catatan dan tulisan kelompok.",
    "Materi yang dibagikan dibaca bersama lalu dikaitkan dengan praktik sehari-hari.",
    "Hasil diskusi akan dibawa ke pertemuan berikutnya untuk dibahas lebih dalam.",
    "Kami mencatat pertanyaan yang belum terjawab agar bisa ditanyakan kepada narasumber.",
    "Orang tua perlu dilibatkan sejak awal agar perubahan bertahan lama.",
    "Sekolah dan guru dapat menjadi mitra penting dalam memantau keadaan anak.",
    "Program bantuan sosial hanya berhasil bila disertai pendampingan yang sungguh-sungguh.",
    "Tokoh masyarakat membantu kami menjangkau keluarga yang sulit ditemui.",
    "Setiap anggota diminta menuliskan satu pelajaran penting dari sesi hari ini.",
)
HEADINGS = ("Yang kami bahas", "Pelajaran dari lapangan", "Pertanyaan yang tersisa", "Langkah berikutnya",
            "Catatan untuk anggota", "Apa kata peserta")
ARTICLE_TITLES = ("Belajar dari pendampingan", "Cerita dari lapangan", "Catatan tentang", "Mengenal lebih dekat",
                  "Refleksi tentang", "Tantangan dalam", "Pengalaman menangani")


@dataclass(frozen=True)
class Size:
    """What one generated copy holds (totals, real content included)."""

    n: int
    meetings: int
    notes: int
    topics: int
    materials: int
    members: int
    articles: int
    images: int
    pages: int  # Markdown pages under docs/ (the blog adds its index, archive and category pages)
    today: str  # the KDA_TODAY to build it with: every article published, the last meetings scheduled


def generate(dest: Path, n: int, seed: int = SEED, root: Path = ROOT) -> Size:
    """Copy the project into `dest` (a new folder) and add `n` units of synthetic content."""
    if n < 1:
        raise ValueError("n must be at least 1")
    dest = copy_project(Path(dest), content=None, root=root)
    rng = random.Random(f"{seed}:{n}")
    data, docs = dest / "data", dest / "docs"
    real = {name: _load(data / f"{name}.yml") for name in ("pertemuan", "pokok_bahasan", "materi", "anggota")}

    topics = _topics(rng, n, len(real["pokok_bahasan"]))
    materials = _materials(rng, n)
    members = _members(rng, n)
    meetings = _meetings(rng, n, len(real["pertemuan"]), topics, materials, members)
    last_meeting = max(m["tanggal"] for m in meetings)
    today = last_meeting - dt.timedelta(days=7 * 3)  # the last three meetings are still to come
    articles = _articles(rng, n, members, topics, today)

    _dump(data / "pokok_bahasan.yml", real["pokok_bahasan"] + topics)
    _dump(data / "materi.yml", real["materi"] + materials)
    _dump(data / "anggota.yml", real["anggota"] + members)
    _dump(data / "pertemuan.yml", real["pertemuan"] + meetings)
    group = _load(data / "kelompok.yml")
    group["jumlah_anggota"] = max(group["jumlah_anggota"], len([p for p in real["anggota"] + members
                                                                   if p["jenis"] == "anggota"]))
    _dump(data / "kelompok.yml", group)

    for material in materials:
        _write(docs / "materi" / f"{material['id']}.md", _material_page(rng, material))
    notes = 0
    for meeting in meetings:
        if meeting["tanggal"] <= today:
            _write(docs / "pertemuan" / _note_name(meeting), _note_page(rng, meeting))
            notes += 1
    images = 0
    for index, article in enumerate(articles):
        image = None
        if index % UNIT["articles"] < UNIT["images"]:
            image = f"{article['slug']}.png"
            _write_png(docs / "artikel" / "posts" / image, rng)
            images += 1
        _write(docs / "artikel" / "posts" / f"{article['date']}-{article['slug']}.md",
               _article_page(rng, article, image))

    pages = sum(1 for _ in docs.rglob("*.md") if ".templates" not in _.parts and ".overrides" not in _.parts)
    return Size(n=n, meetings=len(real["pertemuan"]) + len(meetings), notes=notes,
                topics=len(real["pokok_bahasan"]) + len(topics), materials=len(real["materi"]) + len(materials),
                members=len(members), articles=len(articles) + 1, images=images, pages=pages,
                today=today.isoformat())


# --- data ---------------------------------------------------------------------------------

def _topics(rng: random.Random, n: int, first_nomor: int) -> list[dict]:
    topics = []
    for unit in range(n):
        for _index, (title, summary) in enumerate(TOPIC_WORDS[:UNIT["topics"]]):
            topics.append({"id": f"{_slug(title)}-{unit + 1}", "nomor": first_nomor + len(topics) + 1,
                           "judul": f"{title} (siklus {unit + 1})", "ringkasan": summary})
    return topics


def _materials(rng: random.Random, n: int) -> list[dict]:
    materials = []
    for unit in range(n):
        for index in range(UNIT["materials"]):
            title, summary = TOPIC_WORDS[(unit * UNIT["materials"] + index) % len(TOPIC_WORDS)]
            materials.append({"id": f"bahan-{unit + 1}-{index + 1}", "judul": f"Bahan bacaan: {title}",
                              "jenis": rng.choice(("materi", "dokumen")), "ringkasan": summary})
    return materials


def _members(rng: random.Random, n: int) -> list[dict]:
    members = []
    for number in range(n * UNIT["members"]):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        person = {"id": f"{_slug(first)}-{number + 1}", "nama": f"{first} {last[0]}.", "jenis": "anggota",
                  "kluster": CLUSTERS[number % len(CLUSTERS)],
                  "bio": "Pekerja sosial pendamping anak di Kota Bandung."}
        role = rng.choice(ROLES)
        if role:
            person["peran"] = role
        members.append(person)
    return members


def _meetings(rng, n, first_nomor, topics, materials, members) -> list[dict]:
    meetings = []
    for index in range(n * UNIT["meetings"]):
        unit = index // UNIT["meetings"]
        topic = topics[unit * UNIT["topics"] + index % UNIT["meetings"]]
        start = rng.choice(("09.00", "13.00", "13.30"))
        meeting = {
            "nomor": first_nomor + index,
            "tanggal": FIRST_DAY + dt.timedelta(days=7 * index),
            "mulai": start,
            "selesai": {"09.00": "11.30", "13.00": "16.00", "13.30": "16.00"}[start],
            "tempat": rng.choice(PLACES),
            "tema": topic["judul"],
            "pokok_bahasan": [topic["id"]],
            "materi": [materials[unit * UNIT["materials"] + index % UNIT["materials"]]["id"]],
            "kehadiran": rng.randint(7, 11),
            "fasilitator": [members[unit * UNIT["members"] + rng.randrange(UNIT["members"])]["id"]],
        }
        meetings.append(meeting)
    return meetings


def _articles(rng, n, members, topics, today: dt.date) -> list[dict]:
    count = n * UNIT["articles"]
    span = (today - dt.date(2014, 1, 20)).days
    articles = []
    for index in range(count):
        day = dt.date(2014, 1, 20) + dt.timedelta(days=span * index // count)
        topic = rng.choice(topics)
        title = f"{rng.choice(ARTICLE_TITLES)} {topic['judul'].split(' (')[0].lower()}"
        articles.append({
            "slug": f"{_slug(title)}-{index + 1}",
            "date": day.isoformat(),
            "title": f"{title} ({index + 1})",
            "authors": [rng.choice(members)["id"]] if rng.random() < 0.8 else ["tim"],
            "categories": [rng.choice(CATEGORIES)],
            "tags": sorted(rng.sample(TAGS, 2)),
            "pokok_bahasan": [topic["id"]],
            "description": rng.choice(SENTENCES),
        })
    return articles


# --- pages ------------------------------------------------------------------------------------

def _paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(rng.sample(SENTENCES, sentences))


def _body(rng: random.Random, sections: int) -> str:
    parts = []
    for heading in rng.sample(HEADINGS, sections):
        parts.append(f"## {heading}\n\n{_paragraph(rng, rng.randint(3, 6))}")
        if rng.random() < 0.5:
            parts.append("\n".join(f"- {s[0].lower()}{s[1:-1]}," for s in rng.sample(SENTENCES, 3)))
    return "\n\n".join(parts)


def _material_page(rng, material: dict) -> str:
    return f"{material['ringkasan']}\n\n{_paragraph(rng, 3)}\n"


def _note_name(meeting: dict) -> str:
    return f"{meeting['nomor']:02d}-{_slug(meeting['tema'].split(' (')[0])}.md"


def _note_page(rng, meeting: dict) -> str:
    return f"{_paragraph(rng, 3)}\n\n{_body(rng, rng.randint(2, 4))}\n"


def _article_page(rng, article: dict, image: str | None) -> str:
    head = {k: article[k] for k in ("title", "description", "date", "authors", "categories", "tags", "pokok_bahasan")}
    head["date"] = dt.date.fromisoformat(article["date"])  # a YAML date, not a quoted string
    front = yaml.safe_dump(head, allow_unicode=True, sort_keys=False)
    picture = f"\n\n![Papan tulis diskusi kelompok]({image})\n" if image else ""
    return (f"---\n{front}---\n\n{_paragraph(rng, 3)}\n\n<!-- more -->\n{picture}\n"
            f"{_body(rng, rng.randint(2, 4))}\n")


def _write_png(path: Path, rng: random.Random) -> None:
    """A small drawing (a 'whiteboard' of coloured blocks): writers' images go through the build's resizing."""
    image = Image.new("RGB", (640, 400), (245, 245, 240))
    pen = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(600), rng.randrange(360)
        pen.rectangle((x, y, x + rng.randint(20, 200), y + rng.randint(10, 60)),
                      fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")


# --- files --------------------------------------------------------------------------------------

def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _load(path: Path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _dump(path: Path, value) -> None:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=120)
    path.write_text("# Synthetic copy for benchmarks (bench/synthetic.py): invented content.\n" + text,
                    encoding="utf-8")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="a new folder for the copy")
    parser.add_argument("--n", type=int, default=1, help="how many units of content (default 1)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if args.dest.exists() and any(args.dest.iterdir()):
        parser.error(f"{args.dest} is not empty")
    print(generate(args.dest, args.n, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
