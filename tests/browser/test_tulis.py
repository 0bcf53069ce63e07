"""The writers' forms in a phone's browser (360 px), used as a writer would.

Each case fills "Tulis artikel" or "Tulis catatan pertemuan" and presses the button; the address
it opens is intercepted (the test never leaves 127.0.0.1), and its `filename` and `value` are
read back. The file must be what the project's scaffold writes for the same input. Then every
file, given a body, goes into one copy of the project, which is built strictly once: it must
pass and publish each article and note. The choices come from the data, so every author,
category, topic and open meeting is used at least once.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from kda.model.data import load_site_data
from kda.settings import Settings
from kda.views import scaffold
from kda.views.render import make_environment

from .conftest import PHONE, save_screenshot
from conftest import ROOT, build_site, copy_project, environment, text_of

EDITOR = "https://github.com/"
TITLES = [
    'Anak "kita": siapa yang menjaga?',
    "Kasus #3: pengasuhan di rumah",
    "Merawat diri 🌱 setelah sidang",
    "Pengalaman di Sukabumi — élan, çà, naïf",
    "  Spasi   di   mana-mana  ",
    "Garis miring \\ terbalik dan 'kutip tunggal'",
    "Pekerja sosial: «catatan» lapangan",
    "Kontrol\x01\x7f\u00a0dan\u2028spasi\ufeffaneh \ufffe",
]


@dataclass
class ArticleCase:
    title: str
    date: dt.date
    authors: list[str]
    categories: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    tags: str = ""
    description: str = ""
    draft: bool = False


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT / "data", ROOT / "docs", label_root=ROOT)


@pytest.fixture(scope="module")
def categories():
    return list(Settings.from_file(ROOT / "mkdocs.yml").categories_allowed)


@pytest.fixture(scope="module")
def phone(browser, base_url):
    """A phone whose every request is recorded; GitHub's editor answered here, never fetched, with
    "204 No Content", so the tab stays on the form: a page of another host would start a new
    renderer process, and the next case's form another (0.55 s a case for loading the form, not 0.33 s)."""
    context = browser.new_context(viewport=PHONE, base_url=base_url, has_touch=True, is_mobile=True)
    context.requests = []
    context.on("request", lambda request: context.requests.append(request.url))
    context.route(f"{EDITOR}**", lambda route: route.fulfill(status=204))
    yield context
    context.close()


def article_cases(data, categories) -> list[ArticleCase]:
    """Every author, category and topic at least once, with tricky titles; then all at once, a draft, emoji only."""
    people, topics = [p.id for p in data.anggota], [t.id for t in data.pokok_bahasan]
    start = dt.date(2013, 1, 1)
    per_case = 4  # topics chosen together in one case: each topic still once at least, in fewer forms
    count = max(len(people), len(categories), -(-len(topics) // per_case), len(TITLES))
    cases = [ArticleCase(title=f"{TITLES[i % len(TITLES)]} {i}", date=start + dt.timedelta(days=i),
                         authors=[people[i % len(people)]], categories=[categories[i % len(categories)]],
                         topics=topics[i * per_case:(i + 1) * per_case] or [topics[i % len(topics)]],
                         tags=["PKSA, kluster: ABH", ' "kutip", satu', ""][i % 3],
                         description=["", 'Satu kalimat: tentang "anak" #1.', "Deskripsi é 🌱"][i % 3])
             for i in range(count)]
    later = start + dt.timedelta(days=count)
    cases.append(ArticleCase("Semua pilihan sekaligus", later, people, categories, topics, tags="a, b, c"))
    cases.append(ArticleCase("Masih draf dari ponsel", later + dt.timedelta(days=1), people[:1], draft=True))
    cases.append(ArticleCase("🎉🌱", later + dt.timedelta(days=2), people[:1]))
    return cases


# Ticks exactly the boxes of `name` whose value is chosen, as a tap does: the box changes, and the
# form hears "input" and "change".
CHOOSE = """([name, chosen]) => {
  for (const box of document.querySelectorAll(`input[name="${name}"]`)) {
    const wanted = chosen.includes(box.value);
    if (box.checked !== wanted) {
      box.checked = wanted;
      box.dispatchEvent(new Event("input", {bubbles: true}));
      box.dispatchEvent(new Event("change", {bubbles: true}));
    }
  }
}"""


@pytest.fixture(scope="module")
def form_tab(phone):
    """One tab of the phone for the cases that each load a form anew (a new tab each cost 0.5 s more)."""
    tab = phone.new_page()
    yield tab
    tab.close()


def open_form(context, path: str, tab=None):
    """The form at `path`, in a new tab or loaded again in `tab` (the next case of a parametrized
    test: a new tab for each case took three times as long)."""
    tab = tab or context.new_page()
    tab.goto(path)
    tab.wait_for_selector("form[data-kda-tulis]:not([hidden])")
    return tab


def fill_article(tab, case: ArticleCase) -> None:
    tab.fill("#kda-tulis-judul", case.title)
    tab.fill("#kda-tulis-deskripsi", case.description)
    tab.fill("#kda-tulis-tag", case.tags)
    tab.fill("#kda-tulis-tanggal", case.date.isoformat())
    if case.topics:
        tab.click("form summary:has-text('Pokok bahasan')")
    for name, chosen in (("authors", case.authors), ("categories", case.categories), ("topics", case.topics)):
        tab.evaluate(CHOOSE, [name, list(chosen)])  # one call for the whole list (a click per box took minutes)
    tab.locator('input[name="draft"]').set_checked(case.draft)


def press_and_read(tab) -> tuple[str, str, str]:
    """Press the button; the editor's address it opens: (path, filename, value)."""
    with tab.expect_request(f"{EDITOR}**") as opened:
        tab.click("form button[type=submit]")
    address = urlparse(opened.value.url)
    query = parse_qs(address.query, strict_parsing=True)
    assert set(query) == {"filename", "value"} and len(query["filename"]) == len(query["value"]) == 1
    return address.path, query["filename"][0], query["value"][0]


def expected_article(tab, case: ArticleCase, data, categories) -> scaffold.NewArticle:
    """What scripts/artikel_baru.py writes for what the fields hold (the browser drops line breaks in a text field)."""
    def in_order(known, chosen):
        return tuple(k for k in known if k in chosen)

    tags = tuple(t for t in tab.input_value("#kda-tulis-tag").split(",") if scaffold.clean_text(t))
    return scaffold.NewArticle(
        title=tab.input_value("#kda-tulis-judul"), date=case.date,
        authors=in_order([p.id for p in data.anggota], case.authors),
        description=tab.input_value("#kda-tulis-deskripsi"), categories=in_order(categories, case.categories),
        tags=tags, topics=in_order([t.id for t in data.pokok_bahasan], case.topics), draft=case.draft)


def with_body(text: str, body: str) -> str:
    """The writer's text in place of the template's placeholder body (after the front matter)."""
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[:end] + "\n" + body


@pytest.fixture(scope="module")
def written(phone, base_url, data, categories, tmp_path_factory):
    """Every case through the forms; the files they open, in one copy of the project, built once."""
    env = make_environment(ROOT / "docs" / ".templates")
    project = copy_project(tmp_path_factory.mktemp("tulis") / "project", content=None)  # the real site's form: its data
    articles, notes = [], []
    # One form of each kind, filled again for every case (a load each cost 0.3 s): each case sets
    # every field, and empties the note's title first, so that it follows the chosen meeting again
    # as on a form just opened; the editor's answer (204) leaves the tab on the form.
    start = len(phone.requests)
    tab = open_form(phone, "tulis/")
    for case in article_cases(data, categories):
        fill_article(tab, case)
        expected = expected_article(tab, case, data, categories)
        before = phone.requests[start:]  # this case's requests, up to the button
        path, name, value = press_and_read(tab)
        start = len(phone.requests)
        articles.append((case, name, value, expected, path, before))
        (project / "docs/artikel/posts" / name).write_text(
            with_body(value, f"Pembuka tulisan uji.\n\n<!-- more -->\n\n## Isi\n\nIsi tulisan uji: {scaffold.clean_text(case.title)}\n"),
            encoding="utf-8")
    options = open_form(phone, "tulis-catatan/", tab).locator("select[name=meeting] option")
    meetings = [(options.nth(i).get_attribute("value"), options.nth(i).get_attribute("data-kda-judul"))
                for i in range(options.count())]
    for index, (prefix, theme) in enumerate(meetings):
        tab.fill("#kda-tulis-judul-singkat", "")
        tab.select_option("select[name=meeting]", prefix)
        title = None if index % 3 == 0 and theme else ["Ekologi anak: keluarga & lingkungan 🌱", "", "Pengasuhan é"][index % 3]
        if title is not None:
            tab.fill("#kda-tulis-judul-singkat", title)
        typed = tab.input_value("#kda-tulis-judul-singkat")
        path, name, value = press_and_read(tab)
        notes.append((prefix, typed, name, value, path, theme if title is None else None))
        (project / "docs/pertemuan" / name).write_text(value + "\nCatatan uji dari formulir.\n", encoding="utf-8")
    tab.close()
    with environment(KDA_TANPA_PDF="1"):
        site = build_site(project, project / "site")
    return {"articles": articles, "notes": notes, "site": site, "project": project, "env": env}


def test_every_author_category_and_topic_is_chosen_once_at_least(written, data, categories):
    chosen = lambda attribute: {v for case, *_ in written["articles"] for v in getattr(case, attribute)}  # noqa: E731
    assert chosen("authors") == {p.id for p in data.anggota}
    assert chosen("categories") == set(categories)
    assert chosen("topics") == {t.id for t in data.pokok_bahasan}


def test_article_form_writes_what_the_scaffold_writes(written):
    for case, name, value, expected, path, _ in written["articles"]:
        assert path.endswith("/new/main/docs/artikel/posts"), path
        assert name == expected.src_uri.rsplit("/", 1)[1], case.title
        assert value == scaffold.render_article(written["env"], expected), case.title


def test_nothing_leaves_the_site_before_the_button(written, base_url):
    assert written["articles"][0][-1], "the form's own requests were not recorded"
    for case, _, _, _, _, before in written["articles"]:
        assert all(url.startswith(base_url) for url in before), case.title


def test_every_article_from_the_form_builds_and_is_published(written):
    site = written["site"]
    for case, name, _, expected, _, _ in written["articles"]:
        built = site / "artikel" / name[:-3] / "index.html"
        if case.draft:
            assert not built.exists()
            continue
        page = BeautifulSoup(built.read_text(encoding="utf-8"), "lxml")
        assert text_of(page.find("h1")) == scaffold.clean_text(expected.title)
        assert "Isi tulisan uji" in text_of(page.select_one(".md-content"))


def test_every_note_from_the_form_builds_under_its_meeting(written):
    notes = written["notes"]
    assert notes, "the note form offers no meeting"
    for prefix, typed, name, value, path, _ in notes:
        assert path.endswith("/new/main/docs/pertemuan")
        assert name == scaffold.NewNote(int(prefix), typed).src_uri.rsplit("/", 1)[1]
        assert value == scaffold.render_note(written["env"])
        page = BeautifulSoup((written["site"] / "pertemuan" / name[:-3] / "index.html").read_text(encoding="utf-8"), "lxml")
        assert text_of(page.find("h1")).startswith(f"Pertemuan {int(prefix)}")
        assert "Catatan uji dari formulir." in text_of(page.select_one(".md-content"))


def test_note_title_starts_as_the_meetings_theme(written):
    """When the data records a theme and the note-taker types nothing, the file is named after the theme."""
    for prefix, typed, name, _, _, theme in written["notes"]:
        if theme:
            assert typed == theme and name == f"{prefix}-{scaffold.slug(theme, scaffold.NOTE_FALLBACK)}.md"


def test_the_scaffold_command_writes_the_same_file(written, tmp_path):
    """scripts/artikel_baru.py itself, for the case with every choice."""
    case, name, value, *_ = next(a for a in written["articles"] if a[0].title == "Semua pilihan sekaligus")
    project = copy_project(tmp_path / "project", content=None)  # the real data, as the form's
    (project / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts/artikel_baru.py", project / "scripts/artikel_baru.py")
    args = [case.title, "--tanggal", case.date.isoformat(), "--terbit"]
    for option, values in (("--penulis", case.authors), ("--kategori", case.categories),
                           ("--pokok-bahasan", case.topics), ("--tag", case.tags.split(", "))):
        for v in values:
            args += [option, v]
    result = subprocess.run([sys.executable, str(project / "scripts/artikel_baru.py"), *args],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (project / "docs/artikel/posts" / name).read_text(encoding="utf-8") == value


def test_date_starts_as_today_in_the_groups_time_zone(phone, data):
    zone = ZoneInfo(data.kelompok.zona_waktu)
    before = dt.datetime.now(zone).date()
    tab = open_form(phone, "tulis/")
    shown = tab.input_value("#kda-tulis-tanggal")
    tab.close()
    assert shown in {before.isoformat(), dt.datetime.now(zone).date().isoformat()}


@pytest.mark.parametrize(("fields", "message"), [
    ({"#kda-tulis-judul": ""}, "title wajib"),
    ({"#kda-tulis-judul": "# Judul dengan pagar di awal"}, "title polos"),
    ({"#kda-tulis-judul": "Judul [draf]"}, "title polos"),
    ({"#kda-tulis-judul": "Anak &amp; keluarga"}, "title tanpa-kode"),
    ({"#kda-tulis-judul": "Judul <b>tebal</b>"}, "title polos"),
    ({"#kda-tulis-judul": "Judul", "#kda-tulis-deskripsi": "Deskripsi *tebal*"}, "description polos"),
    ({"#kda-tulis-judul": "Judul", "#kda-tulis-tag": "PKSA, <i>kluster</i>"}, "tags tanpa-kode"),
    ({"#kda-tulis-judul": "Judul", "authors": []}, "authors wajib"),
])
def test_a_title_the_build_would_refuse_is_told_before_anything_opens(phone, form_tab, fields, message):
    tab = open_form(phone, "tulis/", form_tab)
    tab.locator('input[name="authors"]').first.set_checked(True)  # one author chosen (preselected when only one)
    for selector, text in fields.items():
        if selector == "authors":
            for box in tab.locator('input[name="authors"]').all():
                box.set_checked(False)
        else:
            tab.fill(selector, text)
    opened = []
    record = lambda request: opened.append(request.url) if request.url.startswith(EDITOR) else None  # noqa: E731
    tab.on("request", record)
    try:
        tab.click("form button[type=submit]")
        tab.wait_for_timeout(200)
    finally:
        tab.remove_listener("request", record)
    shown = tab.locator(f'[data-kda-galat="{message}"]')
    assert shown.is_visible() and not opened
    field_name = message.split()[0]
    control = tab.locator(f'form [name="{field_name}"]').first
    assert control.get_attribute("aria-invalid") == "true"
    assert shown.get_attribute("id") in control.get_attribute("aria-describedby").split()
    assert tab.evaluate("() => document.activeElement.name") == field_name
    widths = tab.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1]


@pytest.mark.parametrize("path", ["tulis/", "tulis-catatan/"])
def test_without_javascript_the_page_says_what_to_do(browser, base_url, path):
    context = browser.new_context(viewport=PHONE, base_url=base_url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(path)
    form_visible = tab.locator("form[data-kda-tulis]").is_visible()
    notice = tab.locator("article .kda-tulis__tanpa-js")
    notice_text = notice.inner_text() if notice.count() else ""
    steps = tab.locator("#tanpa-formulir ~ ol").first.inner_text()
    link = tab.locator('#tanpa-formulir ~ ol a[href^="https://github.com/"]').first.get_attribute("href")
    context.close()
    assert not form_visible
    assert "JavaScript" in notice_text and "langkah tanpa formulir" in notice_text
    assert "nama berkas" in steps and "/new/main/docs/" in link


def test_forms_on_a_phone_fit_and_pass_axe_with_messages_shown(phone, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for path, name in (("tulis/", "tulis-artikel-galat"), ("tulis-catatan/", "tulis-catatan-isi")):
        tab = open_form(phone, path)
        tab.click("form summary:has-text('Lihat isi awal berkas')")
        if path == "tulis/":  # every message of the form at once: empty title, no author, bad description
            tab.locator('input[name="authors"]').first.set_checked(False)
            tab.fill("#kda-tulis-deskripsi", "<b>tebal</b> dan *miring*")
            tab.click("form button[type=submit]")
        widths = tab.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        save_screenshot(tab, artifacts / f"{name}-ponsel.png", full_page=True)
        violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in axe.run(tab).response["violations"] if v["impact"] in {"serious", "critical"}]
        tab.close()
        assert widths[0] <= widths[1], (path, widths)
        assert not violations, (path, violations)


def test_writing_guide_reads_on_a_phone(phone):
    """Privacy rules first; the examples wrap instead of scrolling sideways; field names are never split."""
    tab = phone.new_page()
    tab.goto("panduan-menulis/")
    measured = tab.evaluate("""() => ({
        page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
        firstSection: document.querySelector('article h2').textContent.replace('¶', '').trim(),
        examples: [...document.querySelectorAll('.kda-contoh pre > code')].map(c => [c.scrollWidth, c.clientWidth]),
        split: [...document.querySelectorAll('article li > code:first-child')]
            .filter(c => c.parentNode.firstChild === c)  // the lists of fields and of messages
            .filter(c => !c.textContent.includes(' ') && c.getClientRects().length > 1).map(c => c.textContent),
        listed: document.querySelectorAll('article li > code:first-child').length,
    })""")
    tab.close()
    assert measured["page"][0] <= measured["page"][1]
    assert measured["firstSection"] == "Yang tidak boleh pernah diterbitkan"
    assert len(measured["examples"]) == 2 and all(scroll <= client for scroll, client in measured["examples"])
    assert measured["listed"] >= 8 and not measured["split"], measured["split"]
