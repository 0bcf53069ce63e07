"""Files the build makes from the data (not from docs/): calendars, the QR code, robots.txt.

Returned as {path inside the site: bytes}; `kda.wiring.events` adds them to MkDocs' files with
`File.generated`, so they are published like any file and pages may link to them (the links
are checked by the site's link check, kda.checks.links). Nothing is written into docs/.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from kda.outputs import calendar, qr
from kda.views.render import Renderer
from kda.views.schedule import SCHEDULE_PAGE


class SiteUrlError(Exception):
    pass


def generated_files(renderer: Renderer, site_url: str | None, page_urls: dict[str, str],
                    stamp: dt.datetime) -> dict[str, bytes]:
    """`page_urls` maps a page's src path to its URL (relative to the site)."""
    if not site_url:
        raise SiteUrlError(
            "mkdocs.yml: site_url kosong. Isi alamat publik situs di bagian atas mkdocs.yml, misalnya "
            "site_url: https://kelompok-diskusi-bandung.github.io/situs/ (dipakai untuk kalender, kode QR, "
            "pratinjau tautan dan peta situs)."
        )
    data = renderer.data
    links = calendar.CalendarLinks(
        site_url=site_url,
        schedule_url=urljoin(site_url, page_urls[SCHEDULE_PAGE]),
        note_urls={n: urljoin(site_url, page_urls[path]) for n, path in renderer.pages.notes.items()},
    )
    files = {calendar.FEED_PATH: calendar.feed(data, links, stamp)}
    for meeting in data.pertemuan:
        if calendar.in_calendar(meeting):
            files[calendar.meeting_file(meeting)] = calendar.single(data, meeting, links, stamp)
    files[qr.QR_PATH] = qr.qr_svg(site_url)
    files["robots.txt"] = renderer.env.get_template("robots.txt.j2").render(site_url=site_url).encode("utf-8")
    return files
