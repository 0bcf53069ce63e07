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
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from kda.model.agenda import Agenda
from kda.model.data import SiteData
from kda.model.kinds import Status
from kda.model.schema import Pertemuan
from kda.paths import SCHEDULE_PAGE, SCHEDULE_YEAR_PAGE
from kda.views.meetings import MeetingViews

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

    @property
    def year_links(self) -> tuple[tuple[int, str], ...]:
        """(year, its page) of each year's page, in order; none while the schedule fits on one page."""
        return tuple((year, year_page(year)) for year in self.years)


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


# --- the schedule page's sections --------------------------------------------------------------

FULL_CARDS = 1  # meetings of each group shown as a full card: the next one, the latest held


def _first_cards(group: str) -> property:
    """The first FULL_CARDS meetings of a group, shown as full cards."""
    return property(lambda sections: getattr(sections, group)[:FULL_CARDS])


def _other_lines(group: str) -> property:
    """The rest of a group, one line each."""
    return property(lambda sections: getattr(sections, group)[FULL_CARDS:])


@dataclass(frozen=True)
class ScheduleSections:
    """The meetings of the schedule page in the order a reader looks for them: the next meeting
    and the latest held one as full cards, the other dated ones as one line each (their notes and
    the calendar have the details), the undated ones as a single line. So the page a member opens
    most stays about three phone screens whatever the group dates (measured in
    tests/browser/test_phone_reading.py)."""

    upcoming: tuple[Pertemuan, ...]  # dated today or later, soonest first
    past: tuple[Pertemuan, ...]  # held or cancelled, the latest first
    pending: tuple[Pertemuan, ...]  # not dated yet but with something known (theme, topics, place): a card each
    unscheduled: tuple[Pertemuan, ...]  # not dated and nothing else known: one line for all

    upcoming_full = _first_cards("upcoming")
    upcoming_rest = _other_lines("upcoming")
    past_full = _first_cards("past")
    past_rest = _other_lines("past")

    @property
    def unscheduled_runs(self) -> list[tuple[int, int]]:
        """The numbers of `unscheduled` meetings 1, 2, ... as runs, first and last: [(3, 5), (7, 7), (9, 15)]."""
        return number_runs([m.nomor for m in self.unscheduled if m.nomor])

    @property
    def introduction_unscheduled(self) -> bool:
        """Whether the introduction (number 0, named, not numbered) is among `unscheduled`."""
        return any(m.nomor == 0 for m in self.unscheduled)

    def viewed(self, view: Callable) -> ScheduleSections:
        """The same sections with each meeting replaced by its view (kda.views.meetings)."""
        return ScheduleSections(*(tuple(view(m) for m in group)
                                  for group in (self.upcoming, self.past, self.pending, self.unscheduled)))


def schedule_sections(meetings: tuple[Pertemuan, ...], agenda: Agenda) -> ScheduleSections:
    upcoming, past, pending, unscheduled = [], [], [], []
    for m in meetings:
        status = agenda.status(m)
        if status == Status.TERJADWAL:
            upcoming.append(m)
        elif status != Status.BELUM:
            past.append(m)
        elif m.tema or m.pokok_bahasan or m.materi or m.tempat:
            pending.append(m)
        else:
            unscheduled.append(m)
    return ScheduleSections(tuple(sorted(upcoming, key=lambda m: (m.tanggal, m.nomor))),
                            tuple(sorted(past, key=lambda m: m.nomor, reverse=True)),
                            tuple(pending), tuple(unscheduled))


@dataclass(frozen=True)
class ScheduleView:
    """The schedule page as its template reads it (docs/.templates/jadwal.md.j2)."""

    sections: ScheduleSections  # of kda.views.meetings.MeetingView
    counts: tuple[tuple[Status, int], ...]  # meetings of each status, in the enum's order; a status with none left out
    topics: int  # topics in the curriculum
    numbered: int  # meetings 1, 2, ...: the introduction (0) apart
    sources: tuple[Pertemuan, ...]  # meetings with a note on their source (catatan_sumber)
    years: tuple[tuple[int, str], ...]  # (year, its page) once the schedule is split by year, else empty
    recent: int  # past meetings the schedule page keeps, once split


def schedule_view(views: MeetingViews, layout: ScheduleLayout) -> ScheduleView:
    agenda, data = views.agenda, views.agenda.data
    counts = tuple((status, agenda.count(status)) for status in Status if agenda.count(status))
    return ScheduleView(schedule_sections(layout.on_schedule, agenda).viewed(views.of), counts,
                        len(data.pokok_bahasan), sum(1 for m in data.pertemuan if m.nomor),
                        tuple(m for m in data.pertemuan if m.catatan_sumber), layout.year_links, layout.recent)


def number_runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted distinct numbers (itertools' grouping by number minus position)."""
    runs = []
    for _, group in itertools.groupby(enumerate(sorted(numbers)), key=lambda pair: pair[1] - pair[0]):
        run = [n for _, n in group]
        runs.append((run[0], run[-1]))
    return runs
