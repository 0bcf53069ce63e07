"""The schedule as iCalendar (RFC 5545): the whole feed and one file per meeting.

Made with the `icalendar` library (line folding, CRLF, escaping and the VTIMEZONE come from
it). Only meetings with a date are events; times are in the group's zone (Asia/Jakarta).
No MkDocs import: the caller passes the pages' absolute URLs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone

from kda.model.data import SiteData
from kda.model.schema import Pertemuan
from kda.paths import CALENDAR_FEED, meeting_calendar_file

FEED_PATH = CALENDAR_FEED  # the whole schedule
PRODID = "-//Kelompok Diskusi Bandung//Jadwal Pertemuan//ID"


def meeting_file(meeting: Pertemuan) -> str:
    """Path (inside the site) of one meeting's calendar file."""
    return meeting_calendar_file(meeting.anchor)


def in_calendar(meeting: Pertemuan) -> bool:
    """A meeting is an event only when its date is recorded."""
    return meeting.tanggal is not None


@dataclass(frozen=True)
class CalendarLinks:
    """Absolute URLs the events point to."""

    site_url: str
    schedule_url: str
    note_urls: dict[int, str]  # meeting number -> absolute URL of its note

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or "localhost"


def uid(meeting: Pertemuan, links: CalendarLinks) -> str:
    """Stable across builds: the meeting's number and the site's host, nothing else."""
    return f"{meeting.anchor}@{links.host}"


def feed(data: SiteData, links: CalendarLinks, stamp: dt.datetime) -> bytes:
    """All dated meetings in one calendar (what a phone subscribes to)."""
    meetings = [m for m in data.pertemuan if in_calendar(m)]
    return _calendar(data, meetings, links, stamp, name=f"Jadwal {data.kelompok.nama_pendek}")


def single(data: SiteData, meeting: Pertemuan, links: CalendarLinks, stamp: dt.datetime) -> bytes:
    """One meeting's calendar file ("Tambahkan ke kalender")."""
    return _calendar(data, [meeting], links, stamp, name=f"{meeting.label} · {data.kelompok.nama_pendek}")


def _calendar(data: SiteData, meetings: list[Pertemuan], links: CalendarLinks, stamp: dt.datetime,
              name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)  # RFC 7986
    cal.add("x-wr-calname", name)  # the same, for apps that predate RFC 7986
    cal.add("x-wr-timezone", data.kelompok.zona_waktu)
    cal.add("url", links.schedule_url)
    for meeting in meetings:
        cal.add_component(_event(data, meeting, links, stamp))
    _add_timezones(cal)
    return cal.to_ical()


def _add_timezones(cal: Calendar) -> None:
    """A VTIMEZONE for every TZID used, as `Calendar.add_missing_timezones` adds it, but built once
    per time zone: icalendar derives it from the zoneinfo data (~0.1 s each), and every meeting has
    its own calendar file (1,600 meetings took minutes)."""
    position = len(cal.timezones)
    for tzid in sorted(cal.get_missing_tzids()):
        try:
            cal.subcomponents.insert(position, _vtimezone(tzid))
        except ValueError:  # a zone icalendar does not know: left out, as add_missing_timezones does
            continue
        position += 1


@lru_cache(maxsize=8)
def _vtimezone(tzid: str) -> Timezone:
    # Shared by every calendar of the build and never modified: only serialised.
    return Timezone.from_tzid(tzid)


def _event(data: SiteData, m: Pertemuan, links: CalendarLinks, stamp: dt.datetime) -> Event:
    tz = data.kelompok.tz
    event = Event()
    event.add("uid", uid(m, links))
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    if m.mulai:
        event.add("dtstart", dt.datetime.combine(m.tanggal, m.mulai, tzinfo=tz))
        if m.selesai:
            event.add("dtend", dt.datetime.combine(m.tanggal, m.selesai, tzinfo=tz))
    else:
        # No recorded time: an all-day event on that date (no invented hours).
        event.add("dtstart", m.tanggal)
    event.add("summary", f"{m.label}: {m.tema}" if m.tema else m.label)
    if m.tempat:
        event.add("location", m.tempat)
    event.add("description", _description(data, m, links))
    event.add("url", links.note_urls.get(m.nomor) or f"{links.schedule_url}#{m.anchor}")
    event.add("status", "CANCELLED" if m.batal else "CONFIRMED")
    return event


def _description(data: SiteData, m: Pertemuan, links: CalendarLinks) -> str:
    lines = [f"{data.kelompok.nama}, {m.label}."]
    if m.tema:
        lines.append(f"Tema: {m.tema}")
    lines.append(f"Tempat: {m.tempat}" if m.tempat else "Tempat: belum ditentukan")
    if m.tempat_lain:
        lines.append(f"Disebut juga: {'; '.join(m.tempat_lain)}")
    if m.pokok_bahasan:
        topics = "; ".join(f"{data.topic(t).nomor}. {data.topic(t).judul}" for t in m.pokok_bahasan)
        inferred = " (tafsiran situs)" if "pokok_bahasan" in m.tafsiran_situs else ""  # as the pages mark it
        lines.append(f"Pokok bahasan: {topics}{inferred}")
    if m.nomor in links.note_urls:
        lines.append(f"Catatan: {links.note_urls[m.nomor]}")
    lines.append(f"Jadwal: {links.schedule_url}#{m.anchor}")
    return "\n".join(lines)
