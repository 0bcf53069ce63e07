"""The writers' forms without a browser: the template cut for the page's script, file names,
the repository's editor from mkdocs.yml, per-page styles and scripts, and the built pages.
The forms themselves, in a browser at 360 px, are tests/browser/test_tulis.py."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from kda.checks.frontmatter import POST_NAME, Rules, check_article
from kda.checks.page_assets import problems as asset_problems
from kda.model.agenda import Agenda
from kda.model.data import load_site_data
from kda.model.kinds import Status
from kda.settings import Settings
from kda.views import scaffold, writing
from kda.views.pages import NOTE_NAME
from kda.views.render import make_environment

from conftest import ROOT, copy_project, run_cli_build, text_of

ENV = make_environment(ROOT / "docs" / ".templates")
TRICKY_TITLES = [
    'Anak "kita": siapa yang menjaga?',
    "Kasus #3: pengasuhan di rumah",
    "Merawat diri 🌱 setelah sidang",
    "Pengalaman pekerja sosial di Sukabumi — élan, çà, naïf",
    "  Spasi\tdan\nbaris   baru  ",
    "Tanda \\ garis miring terbalik dan 'kutip tunggal'",
    "🎉🎉",
    "Kontrol\x01\x7f\ufffe di tengah",
]


def fill(pieces, fields):
    return "".join(fields[p] if i % 2 else p for i, p in enumerate(pieces))


@pytest.mark.parametrize("title", TRICKY_TITLES)
def test_pieces_filled_as_the_script_fills_them_give_the_scaffolds_file(title):
    article = scaffold.NewArticle(title=title, date=dt.date(2014, 1, 5), authors=("tim",),
                                  description=f"Tentang: {title}", categories=("Catatan Belajar",),
                                  tags=("PKSA", "kluster: ABH", 'a "b"'), topics=("ekologi-anak",), draft=False)
    text = scaffold.render_article(ENV, article)
    assert fill(scaffold.template_pieces(ENV), scaffold.article_fields(article)) == text
    name = article.src_uri.rsplit("/", 1)[1]
    assert POST_NAME.match(name), name
    rules = Rules(("tim",), ("ekologi-anak",), ("Catatan Belajar",))
    found, problems = check_article(article.src_uri, text, rules)
    assert problems == [] and found.title == scaffold.clean_text(title)


def test_slug_folds_accents_and_keeps_the_first_words():
    assert scaffold.slug("Pengalaman pekerja sosial di Sukabumi — élan, çà, naïf", "x") == "pengalaman-pekerja-sosial-di-sukabumi-elan"
    assert scaffold.slug("Anak \"kita\": #1", "x") == "anak-kita-1"
    assert scaffold.slug("🎉🎉", scaffold.ARTICLE_FALLBACK) == "tulisan"
    assert scaffold.clean_text("  a\t\nb\u00a0\u2028c\x00\x1f\ud800 ") == "a b c"


def test_template_with_a_filtered_field_cannot_be_cut(tmp_path):
    (tmp_path / "t.md.j2").write_text("title: {{ title | upper }}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="without filters"):
        scaffold.template_pieces(make_environment(tmp_path), "t.md.j2", ("title",))


def test_note_file_names_follow_the_note_rule():
    for nomor, title, name in [(3, "Tahap perkembangan anak", "03-tahap-perkembangan-anak.md"),
                               (12, "", "12-catatan.md"), (100, "Ëkologi: anak 🌱", "100-ekologi-anak.md")]:
        note = scaffold.NewNote(nomor, title)
        assert note.src_uri == f"pertemuan/{name}" and NOTE_NAME.match(name)


def test_repository_editor_comes_from_repo_url_and_edit_uri():
    repo = writing.repository("https://github.com/contoh/situs/", "edit/utama/docs/")
    assert repo.new_file("artikel/posts") == "https://github.com/contoh/situs/new/utama/docs/artikel/posts"
    assert repo.folder("pertemuan") == "https://github.com/contoh/situs/tree/utama/docs/pertemuan"
    assert writing.repository("https://github.com/contoh/situs", "blob/main/situs/docs").docs == "situs/docs"


@pytest.mark.parametrize(("repo_url", "edit_uri", "expected"), [
    ("https://gitlab.com/contoh/situs", "edit/main/docs/", "repo_url harus alamat repositori GitHub"),
    ("https://github.com/contoh/situs", "", "edit_uri harus berbentuk edit/CABANG/FOLDER-DOCS/"),
    (None, "https://github.com/contoh/situs/edit/main/docs/", "edit_uri harus berbentuk"),
])
def test_an_editor_the_forms_cannot_open_is_refused_in_indonesian(repo_url, edit_uri, expected):
    with pytest.raises(writing.RepositoryError, match=expected) as error:
        writing.repository(repo_url, edit_uri)
    assert str(error.value).startswith("mkdocs.yml: ")


def test_preview_address_is_under_site_urls_path():
    assert writing.preview_address("https://kelompok-diskusi-bandung.github.io/situs/") == "http://127.0.0.1:8000/situs/"
    assert writing.preview_address("https://contoh.test/") == "http://127.0.0.1:8000/"


def test_page_assets_only_on_maintainer_pages_and_only_existing_css_and_js():
    existing = {"tulis.md", "kerahasiaan.md", "assets/kda-tulis.js", "assets/gambar.png"}
    is_maintainer = {"tulis.md"}.__contains__
    assert asset_problems({"aset_halaman": {"tulis.md": ["assets/kda-tulis.js"]}}, is_maintainer, existing) == []
    found = asset_problems({"aset_halaman": {
        "kerahasiaan.md": ["assets/kda-tulis.js"], "tulis.md": ["assets/gambar.png", "assets/hilang.js"],
        "hilang.md": [], "tulis-catatan.md": "assets/kda-tulis.js"}}, is_maintainer, existing)
    assert any("kerahasiaan.md: hanya halaman pengurus" in p for p in found)
    assert any("assets/gambar.png: hanya berkas .css dan .js" in p for p in found)
    assert any("berkas docs/assets/hilang.js tidak ada" in p for p in found)
    assert any("halaman docs/hilang.md tidak ada" in p for p in found)
    assert any("tulis-catatan.md: tulis daftar berkas di dalam [ ]" in p for p in found)
    assert asset_problems({"aset_halaman": ["tulis.md"]}, is_maintainer, existing)[0].startswith("mkdocs.yml, extra.aset_halaman: ")


@pytest.mark.build
def test_a_script_for_a_members_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  aset_halaman:\n", "  aset_halaman:\n    kerahasiaan.md: [assets/kda-tulis.js]\n", 1),
                      encoding="utf-8")
    result = run_cli_build(project)
    assert result.returncode != 0
    assert ("mkdocs.yml, extra.aset_halaman, kerahasiaan.md: hanya halaman pengurus (force_render_paths) yang boleh "
            "memuat skrip dan gaya sendiri") in result.stderr
    assert "Traceback" not in result.stderr


def site_url() -> str:
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["site_url"]


# --- the built site -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data", ROOT / "docs", label_root=ROOT)


def test_article_form_offers_every_author_category_and_topic_of_the_data(page, data):
    form = page("tulis/").select_one("form#kda-tulis-artikel[hidden]")
    values = lambda name: [i["value"] for i in form.select(f'input[name="{name}"]')]  # noqa: E731
    assert values("authors") == [p.id for p in data.anggota]
    assert values("categories") == list(Settings.from_file(ROOT / "mkdocs.yml").categories_allowed)
    assert values("topics") == [t.id for t in data.pokok_bahasan]
    settings = json.loads(form["data-kda-tulis"])
    assert settings["pieces"] == scaffold.template_pieces(ENV)
    assert settings["editor"].endswith("/new/main/docs/artikel/posts")


def test_note_form_offers_the_meetings_without_a_note(page, data):
    from conftest import BUILD_DATE

    agenda = Agenda(data, dt.date.fromisoformat(BUILD_DATE))
    with_note = {int(p.name.split("-")[0]) for p in (ROOT / "docs/pertemuan").glob("[0-9]*.md")}
    expected = [f"{m.nomor:02d}" for m in data.pertemuan if m.nomor not in with_note and agenda.status(m) != Status.BATAL]
    options = page("tulis-catatan/").select("form#kda-tulis-catatan select[name=meeting] option")
    assert [o["value"] for o in options] == expected
    assert sum(o.has_attr("selected") for o in options) == (1 if expected else 0)


def test_forms_say_what_to_do_without_javascript(page):
    for url, folder in (("tulis/", "artikel/posts"), ("tulis-catatan/", "pertemuan")):
        article = page(url).select_one("article")
        assert "langkah tanpa formulir" in text_of(article.select_one("noscript"))
        steps = article.find(id="tanpa-formulir").find_next("ol")
        assert steps.select_one(f'a[href$="/new/main/docs/{folder}"]'), url


def test_form_script_and_styles_load_only_where_they_are_used(page):
    for url in ("tulis/", "tulis-catatan/"):
        assert page(url).select_one('script[src$="assets/kda-tulis.js"]'), url
        assert page(url).select_one('link[href$="assets/kda-tulis.css"]'), url
    assert page("panduan-menulis/").select_one('link[href$="assets/kda-tulis.css"]')
    for url in ("", "jadwal/", "panduan-menulis/", "artikel/"):
        assert not page(url).select_one('script[src*="kda-tulis"]'), url


def test_writers_find_the_form_from_the_articles_the_guide_and_each_article(page):
    assert page("artikel/").select_one('.md-content a[href="../tulis/"]')
    assert page("panduan-menulis/").select_one('.md-content a[href="../tulis/"]')
    assert page("panduan-menulis/").select_one('article a[href="../tulis-catatan/"]')
    assert page("pertemuan/").select_one('article a[href="../tulis-catatan/"]')
    assert page("artikel/2013-12-22-mengapa-kami-berdiskusi/").select_one('.md-content a[href="../../tulis/"]')


def test_guide_puts_the_privacy_rules_first_and_its_examples_in_lists(page):
    guide = page("panduan-menulis/").select_one("article")
    assert text_of(guide.find("h2")) == "Yang tidak boleh pernah diterbitkan"
    assert not guide.find("table")  # on a phone a table squeezes code letter by letter: lists instead
    examples = [text_of(c) for c in guide.select(".kda-contoh pre")]
    assert len(examples) == 2 and "<!-- more -->" in examples[0] and "## Yang dibahas" in examples[1]
    assert writing.preview_address(site_url()) in text_of(guide)
    assert re.search(r"python3 -m venv \.venv", text_of(guide))
    assert "NO_MKDOCS_2_WARNING=1" in text_of(guide)


# --- set-up on a fresh laptop -------------------------------------------------------------------

def test_local_check_outside_the_virtual_environment_says_how_to_fix_it():
    """pre-commit runs `python3` from PATH; a Python without the site's packages (-I -S: no
    site-packages, no PYTHONPATH) gets the Indonesian instruction, not a traceback."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-I", "-S", str(ROOT / "scripts/periksa.py"), "--semua"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Aktifkan dulu .venv di terminal ini (. .venv/bin/activate" in result.stderr
    assert "Traceback" not in result.stderr
