"""The data seen from one day: each meeting's and topic's status, the next meeting, the
curriculum's progress. The day is the build date (`KDA_TODAY` or today), so the same data reads
differently on another day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from kda.model.data import SiteData
from kda.model.kinds import Status
from kda.model.schema import Pertemuan, PokokBahasan


@dataclass(frozen=True)
class Agenda:
    """The data seen from one day: statuses, the next meeting, the curriculum's progress."""

    data: SiteData
    today: dt.date

    def status(self, meeting: Pertemuan) -> Status:
        """A meeting recorded as held (`terlaksana`) is held from its day on; one whose date was lost,
        once every meeting before it is past (meetings are numbered in the order they are held).
        Before that day it is what the day saw: scheduled, or not scheduled yet."""
        if meeting.batal:
            return Status.BATAL
        if meeting.tanggal is None:
            held = meeting.terlaksana and not (self._first_ahead is not None and self._first_ahead < meeting.nomor)
            return Status.SELESAI if held else Status.BELUM
        if meeting.tanggal < self.today or (meeting.terlaksana and meeting.tanggal == self.today):
            return Status.SELESAI
        return Status.TERJADWAL

    @cached_property
    def _first_ahead(self) -> int | None:
        """The number of the first meeting, not cancelled, dated today or later."""
        return min((m.nomor for m in self.data.pertemuan if m.tanggal and m.tanggal >= self.today and not m.batal),
                   default=None)

    def next_meeting(self) -> Pertemuan | None:
        """The first meeting dated today or later and not cancelled."""
        return self._next_meeting

    @cached_property  # asked by every card and note header
    def _next_meeting(self) -> Pertemuan | None:
        upcoming = [m for m in self.data.pertemuan if self.status(m) == Status.TERJADWAL]
        return min(upcoming, key=lambda m: (m.tanggal, m.nomor), default=None)

    def is_today(self, meeting: Pertemuan) -> bool:
        return meeting.tanggal == self.today and not meeting.batal

    def last_held(self) -> Pertemuan | None:
        """The latest meeting held (by number: undated held meetings keep their place)."""
        return max(self.held(), key=lambda m: m.nomor, default=None)

    def next_unscheduled(self) -> Pertemuan | None:
        return next((m for m in self.data.pertemuan if self.status(m) == Status.BELUM), None)

    def count(self, status: Status) -> int:
        return sum(1 for m in self.data.pertemuan if self.status(m) == status)

    def held(self) -> list[Pertemuan]:
        return [m for m in self.data.pertemuan if self.status(m) == Status.SELESAI]

    def topic_status(self, topic_id: str) -> Status:
        """'selesai' when a held meeting covered it, 'terjadwal' when a scheduled one will, else 'belum dijadwalkan'."""
        statuses = {self.status(m) for m in self.data.meetings_for_topic(topic_id)}
        for status in (Status.SELESAI, Status.TERJADWAL):
            if status in statuses:
                return status
        return Status.BELUM

    def topics_covered(self) -> list[PokokBahasan]:
        return [t for t in self.data.pokok_bahasan if self.topic_status(t.id) == Status.SELESAI]

    def topics_by_status(self) -> dict[Status, list[PokokBahasan]]:
        """The topics of each status (every status a key), each list in the TOR's order."""
        grouped: dict[Status, list[PokokBahasan]] = {status: [] for status in Status}
        for topic in self.data.pokok_bahasan:
            grouped[self.topic_status(topic.id)].append(topic)
        return grouped
