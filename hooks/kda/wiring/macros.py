"""What maintainer pages may use: the site's macros (each renders a template for the page it is
called from) and the plain values they may read. `kda.checks.sandbox` hands the pages stand-ins.
"""

from __future__ import annotations

from kda.views.render import Renderer
from kda.wiring.state import STATE


def page_values(config) -> dict[str, dict[str, str]]:
    """The plain values maintainer pages may read: `situs.repo_url` and the site's other addresses."""
    return {"situs": {name: str(config[name] or "") for name in ("site_name", "site_url", "repo_url", "repo_name", "edit_uri")}}


def macros(config) -> dict:
    """The macros maintainer pages may call; each renders a template for the page it is called from.
    The pages never see these functions (kda.checks.sandbox hands them stand-ins)."""

    def view(method: str):
        def macro(page: str, *args, **kwargs) -> str:
            renderer: Renderer = config[STATE].renderer
            return getattr(renderer, method)(page, *args, **kwargs)

        macro.__name__ = method
        return macro

    return {
        "jadwal": view("schedule"),
        "pokok_bahasan": view("topic_index"),
        "pokok_bahasan_tor": view("tor_topics"),
        "pertemuan_berikutnya": view("next_meeting"),
        "catatan_terbaru": view("latest_notes"),
        "daftar_catatan": view("notes_index"),
        "daftar_materi": view("materials_index"),
        "perjalanan_belajar": view("learning_journey"),
        "daftar_anggota": view("members_index"),
        "jurnal_anggota": view("member_journal"),
        "contoh_artikel": view("new_article_example"),
        "contoh_catatan": view("new_note_example"),
        "tulis_artikel": view("article_form"),
        "tulis_catatan": view("note_form"),
        "alamat_repositori": view("repository_address"),
        "alamat_pratinjau": view("preview_address"),
        "tulisan_terbaru": view("latest_articles"),
        "daftar_panduan_menulis": view("writing_guide_lists"),
        "langganan": view("subscribe"),
        "poster": view("poster"),
        "unduh_pdf": view("pdf_link"),
        "daftar_istilah": view("glossary_index"),
        "istilah": view("glossary_term"),
    }
