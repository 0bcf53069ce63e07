"""PDFs of whole pages (the TOR, the schedule), printed from the built site by headless Chromium.

Why Chromium and not WeasyPrint: Chromium is already on every machine that runs the tests
(the browser checks need it), so the PDF adds no dependency; and it prints the very HTML and
CSS readers' browsers show, with the print stylesheet (`docs/assets/cetak.css`), so the PDF and
a reader's own "Print" agree. WeasyPrint would add a Python package and Pango libraries and lay
the page out with its own engine, which supports less of Material's CSS. Chromium is heavy to
start (about a second), so each PDF is cached by the content of its page and stylesheets: a
rebuild with the same page does not print it again.

Offline, and blocked: Chromium opens the built file from disk (file://) and may reach no host at
all, whatever the page asks for (an image of another host in a data value, a stylesheet): every
host name resolves to nothing, IP addresses included (`--host-resolver-rules`), and every
request that would still go out goes to a proxy on a closed local port, local addresses included
(`--proxy-server`, `--proxy-bypass-list=<-loopback>`). tests/test_pdf_offline.py serves a page
that asks for files of a local server by every route and checks that none arrives.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from kda.outputs.cachefile import atomic_path, temporary_path
from kda.paths import PDF_DIR
from kda.problems import Problems
from kda.settings import CHROMIUM_VARIABLE, Environment
from kda.settings import NO_PDF_VARIABLE as SKIP_VARIABLE
from kda.tooling import chromium

# The pages printed to PDF: source page -> file name in site/unduh/.
PDF_PAGES = {
    "tor.md": "kerangka-acuan-kelompok-diskusi-bandung.pdf",
    "jadwal.md": "jadwal-kelompok-diskusi-bandung.pdf",
}
CHROMIUM_NAMES = chromium.NAMES
CHROMIUM_FLAGS = (
    *chromium.FLAGS, "--disable-extensions",
    "--disable-default-apps", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
    *chromium.NO_HOST_FLAGS,  # a page can never make the build fetch from a host
)
TIMEOUT_SECONDS = 120
# The generator tag names the engine (MkDocs or ProperDocs) and is not printed: not part of the key,
# so both engines get the very same PDF.
_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
# Chromium (Skia) writes the print time into the PDF's info dictionary, in this fixed-width form.
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}\+00'00'\)")
# The identifiers Chromium gives the elements of a tagged PDF's structure (a table's header cells,
# for the cells that refer to them): numbered from the page's DOM nodes, and now and then one apart
# from one print of the same page to the next.
_NODE_ID = re.compile(rb"\(node(\d{8})\)")
_STYLESHEET = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"')


class PdfError(Problems):
    """Why the PDFs could not be printed (one message; no heading)."""


@dataclass(frozen=True)
class PdfJob:
    page: str  # src path of the page, e.g. "tor.md"
    site_path: str  # the PDF's path in the site, e.g. "unduh/kerangka-acuan-....pdf"
    html: Path  # the built page
    target: Path  # where the PDF goes in the site
    public_url: str  # the page's public address: links in the PDF point there ("" when site_url is unset)


def register(files, config) -> tuple[PdfJob, ...]:
    """A job for each PDF page present, and a placeholder file at the PDF's place in the site,
    so that MkDocs checks the Markdown link to it like any other; on_post_build overwrites it."""
    from mkdocs.structure.files import File  # only this function needs MkDocs

    jobs = []
    for page, name in PDF_PAGES.items():
        built = files.get_file_from_path(page)
        if built is None:
            continue
        site_path = f"{PDF_DIR}/{name}"
        files.append(File.generated(config, site_path, content=b""))
        public = urljoin(config.site_url, built.url) if config.site_url else ""
        jobs.append(PdfJob(page, site_path, Path(built.abs_dest_path), Path(config.site_dir) / site_path, public))
    return tuple(jobs)


def find_chromium(configured: str | None = None) -> str:
    """Chromium: where KDA_CHROMIUM says (`configured`), or on the PATH."""
    candidates = [configured] if configured else [shutil.which(name) for name in CHROMIUM_NAMES]
    found = next((c for c in candidates if c and Path(c).is_file()), None)
    if not found:
        raise PdfError([
            "PDF Kerangka Acuan dan Jadwal tidak dapat dibuat: program Chromium tidak ditemukan. "
            "Pasang Chromium (Debian/Ubuntu: apt-get install chromium-headless-shell, atau chromium), atau tulis lokasinya di variabel "
            f"lingkungan {CHROMIUM_VARIABLE}. Untuk pratinjau tanpa PDF, jalankan dengan {SKIP_VARIABLE}=1."
        ])
    return found


def cache_key(html: Path, site_dir: Path, public_url: str = "", epoch: int | None = None) -> str:
    """Hash of the page and every local stylesheet it links: what decides how the PDF looks."""
    text = html.read_text(encoding="utf-8")
    digest = hashlib.sha256(_GENERATOR.sub("", text).encode())
    digest.update(f"|{public_url}|{'' if epoch is None else epoch}".encode())
    for match in _STYLESHEET.finditer(text):
        href = (match[1] or match[2]).split("?")[0]
        sheet = (html.parent / href).resolve()
        if sheet.is_file() and site_dir.resolve() in sheet.parents:
            digest.update(sheet.read_bytes())
    return digest.hexdigest()[:32]


def make_pdfs(jobs: list[PdfJob], site_dir: Path, cache_dir: Path, environment: Environment | None = None) -> None:
    """Print each job's page to its target, from the cache when the page has not changed."""
    environment = environment or Environment.read()
    chromium = None
    cache_dir.mkdir(parents=True, exist_ok=True)
    for job in jobs:
        cached = cache_dir / f"{cache_key(job.html, site_dir, job.public_url, environment.source_date_epoch)}.pdf"
        if not cached.is_file():
            chromium = chromium or find_chromium(environment.chromium)
            _print(chromium, job, cached, environment.source_date_epoch)
        job.target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, job.target)


def _print(chromium: str, job: PdfJob, target: Path, epoch: int | None) -> None:
    html = job.html
    # Beside the page, so its stylesheets load from disk; a name of its own and a cache file of its
    # own (cachefile.py), so that two builds printing at once never share a file.
    with (tempfile.TemporaryDirectory(prefix="kda-chromium-") as profile,
          temporary_path(html.parent, f".cetak-{html.stem}-", ".html") as printed, atomic_path(target) as partial):
        printed.write_text(_with_public_links(html.read_text(encoding="utf-8"), job.public_url), encoding="utf-8")
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                   f"--print-to-pdf={partial}", printed.resolve().as_uri()]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise PdfError([f"Chromium tidak selesai mencetak {html.name} dalam {TIMEOUT_SECONDS} detik."]) from None
        if result.returncode != 0 or not partial.is_file() or partial.stat().st_size == 0:
            detail = (result.stderr or "").strip().splitlines()[-1:] or ["(tanpa pesan)"]
            raise PdfError([f"Chromium gagal mencetak {html} menjadi PDF: {detail[0]}"])
        _fix_dates(partial, epoch)
        _fix_node_ids(partial)


def _fix_node_ids(pdf: Path) -> None:
    """Reproducible builds: the structure's identifiers numbered 1, 2, 3... in their own order, the
    same for every print of a page. In place and of the same length, as _fix_dates; in their order,
    so the ID tree (a name tree, sorted by name) stays sorted. No PDF library renumbers these."""
    data = pdf.read_bytes()
    renumbered = {old: number for number, old in enumerate(sorted(set(_NODE_ID.findall(data))), start=1)}
    pdf.write_bytes(_NODE_ID.sub(lambda m: b"(node%08d)" % renumbered[m[1]], data))


def _with_public_links(text: str, public_url: str) -> str:
    """The page with a script that, before printing, points every link at the public site (the
    browser resolves each relative href against the page's public address), so the PDF links to
    the site and does not leak the build machine's folders. Without site_url, links become text."""
    if public_url:
        fix = f"a.href = new URL(a.getAttribute('href'), {json.dumps(public_url)}).href"
    else:
        fix = "a.removeAttribute('href')"
    # Links within the site are marked so that the print stylesheet does not print their address.
    script = ("<script>document.querySelectorAll('a[href]').forEach(a => { "
              "if (/^[a-z]+:/i.test(a.getAttribute('href'))) return; a.dataset.kdaSitus = ''; " + fix + "; });</script>")
    head, _, tail = text.rpartition("</body>")
    return f"{head}{script}</body>{tail}" if head else text + script


def _fix_dates(pdf: Path, epoch: int | None) -> None:
    """Reproducible builds: with SOURCE_DATE_EPOCH set, the PDF's dates are that moment, not the
    print time. Replaced in place with text of the same length, so the byte offsets the PDF's
    cross-reference table records stay right (a PDF library would rewrite the whole file)."""
    if epoch is None:
        return
    when = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y%m%d%H%M%S")
    data = _PDF_DATE.sub(lambda m: b"/" + m[1] + b" (D:" + when.encode() + b"+00'00')", pdf.read_bytes())
    pdf.write_bytes(data)
