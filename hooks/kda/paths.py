"""Where things are: the pages the code refers to (inside docs/), the folders and files the
build publishes (inside the site), and the project's own folders. One place for every path;
the other modules import them from here.
"""

from __future__ import annotations

# --- pages and folders inside docs/ ---------------------------------------------------------
SCHEDULE_PAGE = "jadwal.md"
SCHEDULE_YEAR_PAGE = "jadwal/{year}.md"  # published at jadwal/2014/ once the schedule is split by year
NOTES_DIR = "pertemuan"  # meeting notes: pertemuan/NN-slug.md
MATERIALS_DIR = "materi"  # material pages and their files
GALLERY_DIR = "foto"  # a note's photos: pertemuan/NN-slug/foto/
BLOG_DIR = "artikel"  # members' articles (Material's blog plugin, blog_dir in mkdocs.yml)
BLOG_INDEX = "artikel/index.md"
POSTS_DIR = "artikel/posts"
AUTHORS_INDEX = "penulis.md"  # inside the blog folder; in mkdocs.yml's nav
TEMPLATES_DIR = ".templates"  # Jinja templates of the generated parts of pages
WRITER_DIRS = ("pertemuan", "materi")  # besides the articles: the other folders members write in

# --- files and folders inside the built site ------------------------------------------------
CALENDAR_FEED = "jadwal.ics"
CALENDAR_DIR = "kalender"  # one file per meeting: kalender/pertemuan-N.ics
ARTICLES_FEED = "feed_rss_created.xml"  # written by mkdocs-rss-plugin after the pages
QR_FILE = "assets/kode-qr.svg"
CARDS_DIR = "assets/pratinjau"  # link-preview cards
AVATAR_DIR = "assets/penulis"
PDF_DIR = "unduh"
CHARTS_DIR = "grafik"
SEARCH_DIR = "pagefind"  # docs/assets/kda-search.js loads pagefind/pagefind.js
# The site's own stylesheets and scripts that only some pages link (kda.views.assets decides which)
PRINT_CSS = "assets/cetak.css"  # print on A4, also how the TOR and schedule PDFs look
GALLERY_RESPONSES_CSS = "assets/galeri-tanggapan.css"  # photo galleries and the reader-response box
RESPONSES_JS = "assets/tanggapan.js"  # loads Giscus when a reader presses "Tampilkan tanggapan"
PAGE_ASSET_FILES = (PRINT_CSS, GALLERY_RESPONSES_CSS, RESPONSES_JS)

# --- the project's own folders (beside mkdocs.yml; git-ignored) -----------------------------
CACHE_DIR = ".cache/kda"  # everything later builds reuse: gallery photos, charts, PDFs, the authors file
CARDS_CACHE_DIR = ".cache/pratinjau"  # preview cards drawn by earlier builds
IMAGES_CACHE_DIR = ".cache/gambar"  # content images optimised by earlier builds


def meeting_calendar_file(anchor: str) -> str:
    """Path (inside the site) of one meeting's calendar file, e.g. kalender/pertemuan-3.ics."""
    return f"{CALENDAR_DIR}/{anchor}.ics"
