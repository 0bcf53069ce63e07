"""The meetings as their templates read them: small view objects, not the model.

Each meeting comes with what the model says of it on the build date (its status, whether it is
today or the next one), its note, its journal record, and the topics, materials and people it
names, resolved. Computed here, so the templates (the macros of docs/.templates/_bantu.md.j2, the
schedule, the notes' headers, the home page, the members' journals) only lay them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from kda.model.agenda import Agenda
from kda.model.journal import Journal, MeetingRecord, MemberJournal
from kda.model.kinds import Status
from kda.model.schema import Anggota, Pertemuan, PokokBahasan
from kda.views.materials import MaterialLink, material_link
from kda.views.missing import missing_facts
from kda.views.pages import PageMap


@dataclass(frozen=True)
class Name:
    """A person a meeting names: a member (linked on the members page) or an outside name as written."""

    nama: str
    member: str | None  # the member's id (the anchor on the members page); None for an outside name


@dataclass(frozen=True)
class People:
    present: tuple[Name, ...]  # the members present, when their names were recorded
    facilitators: tuple[Name, ...]
    speakers: tuple[Name, ...]  # narasumber: resource persons


@dataclass(frozen=True)
class MeetingView:
    """One meeting as of the build date. Its own fields (`tanggal`, `tema`, `label`, `anchor`...)
    are read through the view, so a template writes `m.tanggal` and `m.status` alike."""

    pertemuan: Pertemuan
    status: Status
    is_today: bool  # dated the build date (and not cancelled)
    is_next: bool  # the next meeting (Agenda.next_meeting)
    note: str | None  # its note's page, None while it has none
    record: MeetingRecord  # what the learning journal recorded
    topics: tuple[PokokBahasan, ...]  # its pokok_bahasan, resolved
    materials: tuple[MaterialLink, ...]  # its materi, resolved, each with its page
    people: People

    def __getattr__(self, name: str):
        # Called only for a name the view lacks: the meeting's own field. Private and special
        # names are not passed on (copy and pickle look them up before the fields exist).
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.pertemuan, name)

    def missing(self, with_journal: bool = False) -> list[tuple[str, list[str]]]:
        """What its header leaves out (views/missing.py); with the journal's gaps on its note."""
        return missing_facts(self.pertemuan, self.status, self.record if with_journal else None)


@dataclass(frozen=True)
class MeetingViews:
    """The view of every meeting of one build, made once and looked up by number."""

    agenda: Agenda
    pages: PageMap
    journal: Journal

    def of(self, meeting: Pertemuan) -> MeetingView:
        return self._by_number[meeting.nomor]

    def each(self, meetings: Iterable[Pertemuan]) -> tuple[MeetingView, ...]:
        return tuple(self.of(m) for m in meetings)

    def maybe(self, meeting: Pertemuan | None) -> MeetingView | None:
        return None if meeting is None else self.of(meeting)

    @cached_property
    def _by_number(self) -> dict[int, MeetingView]:
        return {m.nomor: self._view(m) for m in self.agenda.data.pertemuan}

    @cached_property
    def _members(self) -> dict[str, Anggota]:
        return {p.id: p for p in self.agenda.data.members()}

    def _view(self, meeting: Pertemuan) -> MeetingView:
        data, agenda = self.agenda.data, self.agenda
        return MeetingView(
            pertemuan=meeting, status=agenda.status(meeting), is_today=agenda.is_today(meeting),
            is_next=meeting == agenda.next_meeting(), note=self.pages.note(meeting.nomor),
            record=self.journal.record(meeting), topics=tuple(data.topic(t) for t in meeting.pokok_bahasan),
            materials=tuple(material_link(data, self.pages, m) for m in meeting.materi), people=self._people(meeting))

    def _people(self, meeting: Pertemuan) -> People:
        present = meeting.kehadiran.anggota if meeting.kehadiran else ()
        return People(self._names(present), self._names(meeting.fasilitator), self._names(meeting.narasumber))

    def _names(self, people: Iterable[str]) -> tuple[Name, ...]:
        """A member's id becomes the member's name; any other text is an outside name as written."""
        return tuple(Name(self._members[p].nama, p) if p in self._members else Name(p, None) for p in people)

    # --- the lists the pages show ---------------------------------------------------------

    def with_notes(self) -> tuple[MeetingView, ...]:
        """Meetings that have a note, newest first (undated ones by number)."""
        views = (v for v in self._by_number.values() if v.note)
        return tuple(sorted(views, key=lambda v: v.nomor, reverse=True))

    def latest_notes(self, count: int) -> tuple[MeetingView, ...]:
        """The notes of the latest meetings held as of the build date (a note written ahead waits)."""
        return tuple(v for v in self.with_notes() if v.status == Status.SELESAI)[:count]

    def member(self, person_id: str) -> MemberJournal:
        """One member's journal (the meetings attended and facilitated), each meeting as its view."""
        journal = self.journal.member(person_id)
        return replace(journal, hadir=self.each(journal.hadir), memfasilitasi=self.each(journal.memfasilitasi))

    def members(self) -> tuple[MemberJournal, ...]:
        return tuple(self.member(p.id) for p in self.agenda.data.members())


@dataclass(frozen=True)
class HomeCard:
    """The home page's meeting card: the next meeting, else the last one held."""

    next_meeting: MeetingView | None
    last_held: MeetingView | None
    next_unscheduled: MeetingView | None  # the first not dated yet: where the schedule link points


def home_card(views: MeetingViews) -> HomeCard:
    agenda = views.agenda
    return HomeCard(views.maybe(agenda.next_meeting()), views.maybe(agenda.last_held()),
                    views.maybe(agenda.next_unscheduled()))
