"""Check the front matter (the YAML header between two `---` lines) of the pages writers edit.

MkDocs and Material are forgiving here: a header that is not valid YAML is silently shown
as body text, and a misspelled key (`author:`, `categoris:`) is silently ignored. Writers
are social workers, not programmers, so every page they write is checked before the build
renders it, and every problem of every file is reported at once, in Indonesian, naming the
file, the line, the field, what was wrong and how to fix it.

Two kinds of page, and every page is one of them (notes, materials, the writing guides, the blog's
index, a page in a new folder, the maintainers' macro pages too: a pull request may edit any):
- articles (`artikel/posts/*.md`): Material's blog keys plus `pokok_bahasan`, with the
  relations (authors, topics, categories) checked against the data;
- every other page: only `title`, `description`, `hide` and `tanggapan`.
Only keys the site uses are accepted: Material also reads `links` (rendered as raw HTML in the
sidebar, URLs unchecked), `template` with `location` (a redirect that follows any scheme),
`icon`, `status`, `subtitle`, `author` (written raw into `<meta>`)... none of which this site
uses, so each is refused with the list of allowed keys. Every text value is plain text in one line
with no `<`, `>`, `"`, character reference or Markdown sign, because the theme writes `title`,
`description` and tags into `<head>`, attributes and the navigation without escaping.
Other checks of the same files (e.g. content safety) can reuse `read_front_matter`.

Pure Python: no MkDocs objects (only its front-matter pattern, so that what counts as a
header here is exactly what MkDocs reads as one).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal

from mkdocs.utils.meta import YAML_RE, get_data
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from kda.model.datafile import DataFile, DataFileError, parse_data_text
from kda.model.fields import Slug, parse_date
from kda.model.messages import describe_error, found_text
from kda.paths import BLOG_INDEX, POSTS_DIR
from kda.problems import Problems

POST_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
POST_NAME_EXAMPLE = "2014-01-20-hak-anak.md"
EXCERPT_SEPARATOR = "<!-- more -->"  # the blog's post_excerpt_separator; the blog requires it

# Words a writer is likely to type instead of the real key (Indonesian, or English singular).
KEY_HINTS = {
    "judul": "title", "deskripsi": "description", "ringkasan": "description", "tanggal": "date",
    "penulis": "authors", "author": "authors", "kategori": "categories", "category": "categories",
    "tag": "tags", "label": "tags", "topik": "pokok_bahasan", "topic": "pokok_bahasan",
    "topics": "pokok_bahasan", "pokok-bahasan": "pokok_bahasan", "draf": "draft",
}


# --- field types -----------------------------------------------------------------------

_MARKUP = re.compile(r'[<>"*`\[\]\r\n]|^#|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);')
PLAIN_TEXT = _MARKUP  # also tested by the writers' forms (views/writing.py) before a file is made


def _plain(value: str) -> str:
    # Titles, descriptions and tags end up in <title>, <meta content="...">, the navigation, the
    # feed and link previews, written without escaping: only plain text is allowed.
    if _MARKUP.search(value.strip()):
        raise PydanticCustomError(
            "kda_plain", "harus teks biasa dalam satu baris, tanpa tanda < > \" (pakai “ ” atau ' untuk kutipan), "
            "tanpa kode &...; dan tanpa tanda Markdown (*, `, [ ], # di awal)")
    return value.strip()


# A post's date goes into the feed as an RFC 822 date in Asia/Jakarta: a year like 0001 gives the
# zone's historical offset (+07:07:12), which no feed reader accepts, and the site's articles
# start in 2013. The range is wide; a date outside it is a typing mistake.
POST_YEARS = (2000, 2099)


def _post_date(value: Any) -> Any:
    # One date only: the feed reads `date` as it is, and Material's {created, updated} form
    # would leave the feed without dates.
    if value is None:
        raise PydanticCustomError("kda_date", "wajib diisi dengan tanggal berformat TTTT-BB-HH")
    if isinstance(value, dict):
        raise PydanticCustomError("kda_date", "tulis satu tanggal saja, berformat TTTT-BB-HH")
    date = parse_date(value)
    if not POST_YEARS[0] <= date.year <= POST_YEARS[1]:
        raise PydanticCustomError(
            "kda_date", f"harus tanggal terbit tulisan antara tahun {POST_YEARS[0]} dan {POST_YEARS[1]}")
    return date


def _yaml_bool(value: Any) -> Any:
    # Material reads these keys itself and accepts only a YAML true/false: "true" in quotes,
    # yes or 1 would pass pydantic and then stop the build with Material's English error.
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        raise PydanticCustomError("kda_bool", "tulis true atau false tanpa tanda kutip")
    if not isinstance(value, bool):
        raise PydanticCustomError("kda_bool", "harus true atau false")
    return value


def _yaml_int(value: Any) -> Any:
    # Likewise Material's `readtime`: a whole number, not "5" in quotes.
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("kda_int", "harus bilangan bulat tanpa tanda kutip")
    return value


PlainText = Annotated[str, Field(min_length=1), AfterValidator(_plain)]
PostDate = Annotated[dt.date, BeforeValidator(_post_date)]
YamlBool = Annotated[bool, BeforeValidator(_yaml_bool)]
YamlInt = Annotated[int, BeforeValidator(_yaml_int)]
Label = PlainText  # a category or tag: shown in the navigation and the tags index
Hidden = Literal["navigation", "toc", "footer", "path", "tags", "feedback"]  # what Material's `hide` knows


class ArticleMeta(BaseModel):
    """The keys an article may have. Unknown keys are reported before this model runs."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    title: PlainText = Field(examples=['"Mengapa kami berdiskusi"'])
    description: PlainText | None = Field(default=None, examples=['"Satu kalimat tentang isi tulisan."'])
    date: PostDate = Field(examples=["2014-01-20"])
    authors: list[Slug] = Field(min_length=1, examples=["[tim]"])
    categories: list[Label] = Field(default_factory=list, examples=["[Tentang Kelompok]"])
    tags: list[Label] = Field(default_factory=list, examples=["[PKSA, kluster]"])
    pokok_bahasan: list[Slug] = Field(default_factory=list, examples=["[sistem-perlindungan-anak]"])
    draft: YamlBool = Field(default=False, examples=["true"])
    pin: YamlBool = Field(default=False, examples=["true"])
    readtime: YamlInt | None = Field(default=None, ge=1, examples=["5"])
    tanggapan: bool | None = Field(default=None, examples=["false"])  # reader responses on/off (kda.views.responses)


class PageMeta(BaseModel):
    """The keys every page that is not an article may have (notes, materials, guides, macro pages)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    title: PlainText | None = Field(default=None, examples=['"Catatan pertemuan 2"'])
    description: PlainText | None = Field(default=None, examples=['"Satu kalimat tentang isi halaman."'])
    hide: list[Hidden] = Field(default_factory=list, examples=["[toc]"])
    tanggapan: bool | None = Field(default=None, examples=["true"])  # reader responses on/off (kda.views.responses)


# --- results -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rules:
    """What an article may refer to, from the data and the blog's configuration."""

    authors: tuple[str, ...]
    topics: tuple[str, ...]
    categories: tuple[str, ...]
    authors_label: str = "data/anggota.yml"
    topics_label: str = "data/pokok_bahasan.yml"
    categories_label: str = "mkdocs.yml (categories_allowed)"


@dataclass(frozen=True)
class Article:
    """A valid article, as the site needs it (src_uri relative to docs/)."""

    src_uri: str
    title: str
    date: dt.date
    authors: tuple[str, ...]
    categories: tuple[str, ...]
    topics: tuple[str, ...]
    draft: bool

    def published(self, today: dt.date) -> bool:
        """Drafts are never published; a post dated after `today` not yet."""
        return not self.draft and self.date <= today


class FrontMatterError(Problems):
    heading = "Kepala (front matter) halaman tidak sah ({count} masalah). Perbaiki lalu bangun ulang situs:"


# --- reading ---------------------------------------------------------------------------------

def read_front_matter(text: str, label: str, required: bool = False) -> tuple[DataFile | None, list[str]]:
    """The front matter of a page's text as a DataFile (with line numbers), and any problems.

    No header gives (None, []) unless `required`. A header that is not a valid YAML mapping is
    a problem (MkDocs would silently publish it as body text).
    """
    text = text.lstrip("\ufeff")
    match = YAML_RE.match(text)
    if match is None:
        if text.startswith("---"):
            return None, [f"{label}, baris 1: kepala halaman dibuka dengan '---' tetapi tidak ditutup. "
                          "Tambahkan satu baris '---' sesudah baris kepala yang terakhir."]
        if required:
            return None, [f"{label}, baris 1: tulisan harus diawali kepala (front matter) di antara dua baris '---', "
                          "berisi title, date dan authors. Salin contoh dari Panduan Menulis, "
                          "atau buat tulisan baru dengan scripts/artikel_baru.py."]
        return None, []
    try:
        data = parse_data_text(match.group(1), PurePosixPath(label), label, first_line=2)
    except DataFileError as error:
        hint = (" Bila sebuah nilai berisi tanda titik dua (:) atau diawali tanda khusus, "
                "apit nilainya dengan tanda kutip, misalnya title: \"Hak anak: apa itu?\".")
        return None, [p.replace("berkas tidak sah", "kepala halaman tidak sah") + (hint if "di sekitar" in p else "")
                      for p in error.problems]
    if not isinstance(data.content, dict):
        return None, [f"{label}, baris 2: kepala halaman harus berupa baris-baris nama: nilai, "
                      "misalnya title: Judul tulisan; tertulis " + found_text(data.content) + "."]
    return data, []


# --- checking --------------------------------------------------------------------------------

def is_article(src_uri: str) -> bool:
    return src_uri.startswith(POSTS_DIR + "/") and src_uri.endswith(".md")


def check_article(src_uri: str, text: str, rules: Rules, docs_label: str = "docs") -> tuple[Article | None, list[str]]:
    """Validate one article; return it (None when invalid) and every problem found."""
    label = f"{docs_label}/{src_uri}"
    problems = _check_post_name(src_uri, label)
    data, read_problems = read_front_matter(text, label, required=True)
    if data is None:
        return None, problems + read_problems
    problems += _unknown_keys(data, ArticleMeta)
    meta, meta_problems = _validate(data, ArticleMeta)
    problems += meta_problems + _check_relations(data, rules)
    problems += _check_date_as_mkdocs_reads_it(data, text)
    if EXCERPT_SEPARATOR not in text:
        problems.append(f"{label}: baris {EXCERPT_SEPARATOR} belum ada. Tulis baris itu sesudah paragraf pembuka: "
                        "pembuka tampil di daftar tulisan, sisanya sesudah pembaca membuka tulisan.")
    if problems or meta is None:
        return None, problems
    return Article(src_uri, meta.title, meta.date, tuple(meta.authors), tuple(meta.categories),
                   tuple(meta.pokok_bahasan), meta.draft), []


def check_page(src_uri: str, text: str, docs_label: str = "docs") -> list[str]:
    """Validate the front matter of a page that is not an article (it may have none)."""
    label = f"{docs_label}/{src_uri}"
    data, problems = read_front_matter(text, label)
    if data is None:
        return problems
    return _unknown_keys(data, PageMeta) + _validate(data, PageMeta)[1]


def check_pages(pages: dict[str, str], rules: Rules, docs_label: str = "docs") -> list[Article]:
    """Check the front matter of every page in `pages` (src_uri -> text): articles as articles,
    every other page (whoever writes it) with the keys of `PageMeta`.

    Return the valid articles; raise FrontMatterError listing every problem of every file.
    """
    articles, problems = pages_problems(pages, rules, docs_label)
    if problems:
        raise FrontMatterError([p for found in problems.values() for p in found])
    return articles


def pages_problems(pages: dict[str, str], rules: Rules, docs_label: str = "docs") -> tuple[list[Article], dict[str, list[str]]]:
    """The valid articles, and the problems of each page that has any (src_uri -> messages)."""
    articles, problems = [], {}
    for src_uri, text in sorted(pages.items()):
        if is_article(src_uri):
            article, found = check_article(src_uri, text, rules, docs_label)
            articles += [article] if article else []
        elif src_uri.startswith("artikel/") and src_uri != BLOG_INDEX:
            found = [f"{docs_label}/{src_uri}: tulisan anggota harus berada langsung di folder "
                     f"{docs_label}/{POSTS_DIR}/. Pindahkan berkasnya ke sana, dengan nama berbentuk "
                     f"TTTT-BB-HH-judul-singkat.md, misalnya {POST_NAME_EXAMPLE}."]
        else:
            found = check_page(src_uri, text, docs_label)
        if found:
            problems[src_uri] = found
    return articles, problems


def _check_date_as_mkdocs_reads_it(data: DataFile, text: str) -> list[str]:
    """A quoted date ("2014-01-20") passes as text here but the blog plugin needs a YAML date."""
    _, meta = get_data(text)
    quoted = meta.get("date")
    if isinstance(quoted, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", quoted.strip()):  # others: a format error
        return [f"{_where(data, ('date',))}: date: tulis tanggal tanpa tanda kutip, misalnya date: 2014-01-20; "
                f"tertulis {found_text(quoted)} dengan tanda kutip."]
    return []


def _check_post_name(src_uri: str, label: str) -> list[str]:
    name = src_uri[len(POSTS_DIR) + 1:]
    if POST_NAME.match(name):
        try:
            dt.date.fromisoformat(name[:10])
            return []
        except ValueError:
            pass
    folder = label[: len(label) - len(name)]
    return [f"{label}: nama berkas tulisan harus berbentuk TTTT-BB-HH-judul-singkat.md (tanggal terbit, lalu "
            f"judul singkat dengan huruf kecil, angka dan tanda minus), langsung di folder {folder}, "
            f"misalnya {POST_NAME_EXAMPLE}. Ganti nama berkasnya."]


def _unknown_keys(data: DataFile, model: type[BaseModel]) -> list[str]:
    allowed = list(model.model_fields)
    problems = []
    for key in data.content:
        if key in allowed:
            continue
        guess = KEY_HINTS.get(str(key).lower())
        guess = guess if guess in allowed else next(iter(difflib.get_close_matches(str(key), allowed, n=1)), None)
        hint = f" Mungkin maksudnya '{guess}'?" if guess else ""
        problems.append(f"{_where(data, (key,))}: '{key}' bukan nama kolom yang dikenal.{hint} "
                        f"Kolom yang boleh: {', '.join(allowed)}.")
    return problems


def _validate(data: DataFile, model: type[BaseModel]) -> tuple[BaseModel | None, list[str]]:
    try:
        return model.model_validate(data.content), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            field = ".".join(str(p) for p in error["loc"] if not isinstance(p, int)) or "(kepala)"
            detail = describe_error(error, model).rstrip(".")
            problems.append(f"{_where(data, tuple(error['loc']))}: {field}: {detail}.")
        return None, problems


def _check_relations(data: DataFile, rules: Rules) -> list[str]:
    """Authors, topics and categories that exist (read raw, so other problems hide none of these)."""
    problems = []
    checks = (
        ("authors", rules.authors, "penulis", rules.authors_label,
         "Tulis salah satu id itu; penulis baru didaftarkan pengurus di data/anggota.yml (dengan izinnya)."),
        ("pokok_bahasan", rules.topics, "pokok bahasan", rules.topics_label,
         "Tulis id pokok bahasan persis seperti di daftar itu."),
        ("categories", rules.categories, "kategori", rules.categories_label,
         "Pilih salah satu kategori itu, ditulis persis sama (huruf besar-kecilnya juga)."),
    )
    for field, known, noun, source, fix in checks:
        values = data.content.get(field)
        if not isinstance(values, list):
            continue  # a missing or mistyped list is reported by the model
        for position, value in enumerate(values):
            if not isinstance(value, str) or value in known:
                continue
            guess = _closest(value, known)
            hint = f" Mungkin maksudnya \"{guess}\"?" if guess else ""
            problems.append(f"{_where(data, (field, position))}: {field}: {noun} {found_text(value)} tidak dikenal.{hint} "
                            f"{noun.capitalize()} yang terdaftar di {source}: {', '.join(known)}. {fix}")
    return problems


def _closest(value: str, known: tuple[str, ...]) -> str | None:
    """The known value the writer probably meant, ignoring case ("catatan" -> "Catatan Belajar")."""
    lowered = {k.lower(): k for k in known}
    matches = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.5)
    prefix = [k for k in lowered if k.startswith(value.lower())]
    best = matches[0] if matches else (prefix[0] if len(prefix) == 1 else None)
    return lowered[best] if best else None


def _where(data: DataFile, path: tuple) -> str:
    line = data.line_of(path)
    return f"{data.label}, baris {line}" if line else data.label
