"""The "Bagikan" (share) block under meeting notes and articles, rendered from its template."""

from __future__ import annotations

from jinja2 import Environment

from kda.model.schema import Pertemuan
from kda.views.render import tanggal

TEMPLATE = "bagikan.html.j2"


def share_block(env: Environment, title: str, url: str, meeting: Pertemuan | None) -> str:
    """HTML to append to the page's content; a meeting's Indonesian date goes in the message."""
    date = tanggal(meeting.tanggal) if meeting and meeting.tanggal else None
    return env.get_template(TEMPLATE).render(title=title, url=url, tanggal=date)

