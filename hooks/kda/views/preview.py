"""What a shared link shows: Open Graph and Twitter facts of a page, and its preview card.

Works for any page: the home page, section pages, meeting notes (facts from the data) and
Material blog posts (og:type article). The tags themselves are written by the theme override
(`docs/.overrides/partials/kda_meta.html`) from the `LinkPreview` built here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from markupsafe import Markup

from kda.compat.material import is_post
from kda.model.schema import Kelompok, Pertemuan
from kda.outputs.cards import HEIGHT, WIDTH, Card, card_path
from kda.views.render import Renderer, jam, tanggal

LOCALE = "id_ID"


@dataclass(frozen=True)
class LinkPreview:
    title: str
    description: str
    url: str
    type: str  # "website" or "article"
    image: str  # absolute URL of the preview card
    image_path: str  # the card's path inside the site
    image_alt: str
    card: Card
    site_name: str
    published: str | None = None  # ISO date, for articles
    locale: str = LOCALE
    image_width: int = WIDTH
    image_height: int = HEIGHT


def page_preview(page, config, renderer: Renderer, cards: dict[str, Card]) -> LinkPreview:
    """The page's preview facts; its card is registered in `cards` to be published after the build."""
    nomor = renderer.pages.meeting_of_note(page.file.src_uri)
    meeting = renderer.data.meeting(nomor) if nomor is not None else None
    meta = page_meta(page, config, renderer.data.kelompok, meeting, is_post(page))
    cards[meta.image_path] = meta.card
    return meta


def plain_title(page) -> str:
    """The page's title as text: MkDocs takes it from the first heading as HTML (character
    references kept, e.g. from a data value's `&amp;`), fine in the theme's HTML, wrong in a
    preview card, a share message or a feed reader."""
    return Markup(page.title or "").striptags()


def page_meta(page, config, kelompok: Kelompok, meeting: Pertemuan | None, is_post: bool) -> LinkPreview:
    site_url = config["site_url"]
    # The page's own title (front matter), not its shorter navigation label; the home page
    # is shared under the site's name.
    title = str((page.meta or {}).get("title") or plain_title(page) or config["site_name"])
    if page.is_homepage:
        title = config["site_name"]
    card = Card(
        site_name=config["site_name"],
        title=title,
        details=meeting_details(meeting, kelompok) if meeting else (),
        footer=_address(site_url),
    )
    path = card_path(card_slug(page.url), card)
    return LinkPreview(
        title=title,
        description=_description(page, config, meeting, kelompok),
        url=page.canonical_url or urljoin(site_url, page.url),
        type="article" if (is_post or meeting) else "website",
        image=urljoin(site_url, path),
        image_path=path,
        image_alt=f"{title} · {config['site_name']}",
        card=card,
        site_name=config["site_name"],
        published=_published(page) if is_post else None,
    )


def meeting_details(m: Pertemuan, kelompok: Kelompok) -> tuple[str, ...]:
    """The recorded date and place of a meeting, in Indonesian (nothing invented)."""
    details = []
    if m.tanggal:
        when = tanggal(m.tanggal)
        if m.mulai:
            when += f", {jam(m.mulai)}" + (f"–{jam(m.selesai)}" if m.selesai else "") + f" {kelompok.singkatan_zona}"
        details.append(when)
    if m.tempat:
        details.append(m.tempat)
    return tuple(details)


def card_slug(url: str) -> str:
    """'pertemuan/02-perlindungan-anak/' -> 'pertemuan-02-perlindungan-anak'; home -> 'beranda'."""
    slug = re.sub(r"[^a-z0-9]+", "-", url.lower().removesuffix(".html")).strip("-")
    return slug or "beranda"


def _description(page, config, meeting: Pertemuan | None, kelompok: Kelompok) -> str:
    own = (page.meta or {}).get("description")
    if own:
        return str(own)
    if meeting:
        facts = ", ".join(meeting_details(meeting, kelompok))
        theme = f": {meeting.tema}" if meeting.tema else ""
        return f"Catatan {meeting.label.lower() if meeting.nomor else 'pertemuan pendahuluan'}{theme}" + (
            f" ({facts})." if facts else ".") + f" {kelompok.nama_pendek}."
    return config["site_description"] or config["site_name"]


def _published(page) -> str | None:
    created = getattr(getattr(page, "config", None), "date", None)
    created = getattr(created, "created", None)
    return created.date().isoformat() if created else None


def _address(site_url: str) -> str:
    return re.sub(r"^https?://", "", site_url).rstrip("/")
