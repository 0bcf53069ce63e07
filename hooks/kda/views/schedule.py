"""Which page lists each meeting: the whole schedule on one page, or split by year once it grows.

The group plans 15 meetings and one introduction, and the schedule page lists them all. A group
with many more (the benchmark's 100x copy has 1,616) would make that one page heavier than the
100 KB budget of a first view on a phone. So past ONE_PAGE_LIMIT meetings the schedule
page keeps what a reader looks for there (the meetings still to come, those not yet dated and the
RECENT_PAST most recent ones) and every dated meeting is also listed on the page of its year,
`jadwal/YYYY/`, linked from the schedule. Links to a meeting on the schedule ("lihat di jadwal")
go to the schedule page when it lists the meeting, else to its year's page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from kda.model.data import Pertemuan, SiteData
from kda.paths import SCHEDULE_PAGE, SCHEDULE_YEAR_PAGE

YEAR_PAGE = SCHEDULE_YEAR_PAGE
ONE_PAGE_LIMIT = 60  # meetings: up to four TOR cycles stay on one page (52 full cards: 57 KB raw, 3.5 KB compressed)
RECENT_PAST = 20  # past meetings the schedule page keeps once split: more than one TOR cycle


@dataclass(frozen=True)
class ScheduleLayout:
    on_schedule: tuple[Pertemuan, ...]  # listed on the schedule page, in the data's order
    years: dict[int, tuple[Pertemuan, ...]] = field(default_factory=dict)  # empty: one page
    recent: int = 0  # past meetings the schedule page keeps, once split

    @cached_property
    def _on_schedule_numbers(self) -> frozenset[int]:
        return frozenset(m.nomor for m in self.on_schedule)

    @property
    def split(self) -> bool:
        return bool(self.years)

    def page_of(self, meeting: Pertemuan) -> str:
        """The page (src path) whose card of `meeting` links lead to."""
        if meeting.nomor in self._on_schedule_numbers or meeting.tanggal is None:
            return SCHEDULE_PAGE
        return year_page(meeting.tanggal.year)

    def year_pages(self) -> dict[str, tuple[Pertemuan, ...]]:
        return {year_page(year): meetings for year, meetings in self.years.items()}


def year_page(year: int) -> str:
    return YEAR_PAGE.format(year=year)


def plan_schedule(data: SiteData, today: dt.date, limit: int = ONE_PAGE_LIMIT,
                  recent: int = RECENT_PAST) -> ScheduleLayout:
    meetings = tuple(data.pertemuan)
    if len(meetings) <= limit:
        return ScheduleLayout(meetings)
    past = sorted((m for m in meetings if m.tanggal and m.tanggal < today), key=lambda m: (m.tanggal, m.nomor))
    kept = {m.nomor for m in past[-recent:]} if recent else set()
    on_schedule = tuple(m for m in meetings if m.tanggal is None or m.tanggal >= today or m.nomor in kept)
    years: dict[int, list[Pertemuan]] = {}
    for m in meetings:
        if m.tanggal:
            years.setdefault(m.tanggal.year, []).append(m)
    return ScheduleLayout(on_schedule, {year: tuple(ms) for year, ms in sorted(years.items())}, len(kept))
