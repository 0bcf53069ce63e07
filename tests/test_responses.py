"""Reader responses: nothing third-party on load, switch per page, contact links, settings checked."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from kda.views import responses

from contoh import EMAIL, GISCUS, NOTE, WHATSAPP

RESPONSE_NOTE = f"{NOTE}/"  # front matter tanggapan: true in the example
PLAIN_NOTE = "pertemuan/01-kerangka-acuan/"  # no front matter: meeting notes default to off


def external_sources(soup) -> list[str]:
    """Every src (and stylesheet href) that would make the browser ask another host on load."""
    urls = [tag["src"] for tag in soup.select("[src]")]
    urls += [link["href"] for link in soup.select("link[href]") if "stylesheet" in (link.get("rel") or [])]
    return [u for u in urls if urlsplit(u).scheme in ("http", "https") or u.startswith("//")]


def test_response_box_waits_for_the_reader(example_page):
    page = example_page(RESPONSE_NOTE)
    box = page.select_one("section.kda-tanggapan")
    assert box.select_one("h2").get_text(strip=True) == "Tanggapan"
    button = box.select_one("button.kda-tanggapan__tombol")
    assert button.get_text(strip=True) == "Tampilkan tanggapan"
    assert json.loads(button["data-kda-giscus"]) == GISCUS
    # Until pressed: no Giscus script or frame, and nothing on the page loads from another host.
    assert not page.select("iframe") and "giscus.app" not in str(page)
    assert external_sources(page) == []


def test_giscus_script_is_added_only_by_the_button_handler(example_page, example_site):
    page = example_page(RESPONSE_NOTE)
    assert "../../assets/tanggapan.js" in [s["src"] for s in page.select("script[src]")]
    script = (example_site / "assets/tanggapan.js").read_text(encoding="utf-8")
    assert 'addEventListener("click"' in script and "https://giscus.app/client.js" in script


def test_contact_links_for_readers_without_an_account(example_page):
    links = {a.get_text(strip=True): a["href"] for a in example_page(RESPONSE_NOTE).select(".kda-tanggapan__kontak a")}
    assert links["WhatsApp"].startswith(f"https://wa.me/{WHATSAPP}?text=Tanggapan%20untuk%20")
    assert links["e-mail"].startswith(f"mailto:{EMAIL}?subject=Tanggapan%3A%20")
    assert "Tanggapi lewat" in example_page(RESPONSE_NOTE).select_one(".kda-tanggapan__kontak").get_text(" ")


def test_meeting_notes_are_off_by_default(example_page):
    assert example_page(PLAIN_NOTE).select_one(".kda-tanggapan") is None
    assert example_page("tor/").select_one(".kda-tanggapan") is None


def test_unset_settings_show_nothing_anywhere(site):
    for path in site.rglob("*.html"):
        assert "kda-tanggapan" not in path.read_text(encoding="utf-8"), path


def test_no_page_loads_anything_from_another_host(site):
    from bs4 import BeautifulSoup

    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        assert external_sources(soup) == [], path


@pytest.mark.parametrize("meta, path, expected", [
    ({}, "artikel/posts/contoh.md", True),
    ({}, "pertemuan/02-perlindungan-anak.md", False),
    ({"tanggapan": True}, "pertemuan/02-perlindungan-anak.md", True),
    ({"tanggapan": False}, "artikel/posts/contoh.md", False),
    ({}, "tor.md", False),
    ({}, "artikel/index.md", False),  # the blog's lists: the articles' list, the authors' index
    ({}, "artikel/penulis.md", False),
])
def test_front_matter_switch_and_defaults(meta, path, expected):
    assert responses.is_on(meta, path) is expected


def test_front_matter_value_must_be_true_or_false():
    message = responses.front_matter_problem({"tanggapan": "ya"}, "docs/pertemuan/02-x.md")
    assert message == ('docs/pertemuan/02-x.md: tanggapan di kepala halaman harus true (tanggapan pembaca dibuka) '
                       'atau false (ditutup); tertulis "ya".')
    assert responses.front_matter_problem({"tanggapan": False}, "x") is None


def test_settings_are_checked_with_every_problem_listed():
    with pytest.raises(responses.ResponseConfigError) as error:
        responses.read_settings({"tanggapan": {
            "giscus": {"repo": "situs", "repo_id": "", "category": "", "category_id": ""},
            "kontak": {"whatsapp": "+62 812-0000", "email": "pengurus", "telepon": "1"},
        }})
    problems = error.value.problems
    assert any("isi keempat kolomnya" in p and "repo_id, category, category_id" in p for p in problems)
    assert any("giscus.repo: harus berbentuk pemilik/nama-repo" in p for p in problems)
    assert any('kontak.whatsapp: tulis nomor internasional dengan angka saja' in p and '"+62 812-0000"' in p for p in problems)
    assert any('kontak.email: alamat e-mail tidak sah; tertulis "pengurus"' in p for p in problems)
    assert any("kontak: kolom 'telepon' tidak dikenal" in p for p in problems)
    assert not responses.read_settings({}).any
