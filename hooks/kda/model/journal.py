"""The learning journal's figures, derived from the validated data (no MkDocs, no charts).

What the TOR asks of each session (quorum, length, pre- and post-test) seen per meeting,
per topic, per member and for the whole curriculum. Nothing is estimated: a figure that
was not recorded stays None and the pages say "belum dicatat".
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from kda.model.agenda import Agenda
from kda.model.kinds import Status
from kda.model.schema import Anggota, Pertemuan, PokokBahasan


@dataclass(frozen=True)
class MeetingRecord:
    """One meeting as the journal sees it."""

    meeting: Pertemuan
    status: Status
    hadir: int | None  # attendance count, None when not recorded
    kuorum_terpenuhi: bool | None  # None when attendance was not recorded
    durasi_menit: int | None  # actual length, None when the real times were not recorded
    terlalu_lama: bool  # longer than the TOR's maximum
    pre: float | None
    post: float | None

    @property
    def kenaikan(self) -> float | None:
        """The learning gain (post minus pre) when both tests were recorded."""
        return None if self.pre is None or self.post is None else self.post - self.pre

    @property
    def tercatat(self) -> bool:
        """Whether anything of the journal was recorded for this meeting."""
        m = self.meeting
        return any((m.kehadiran, m.fasilitator, m.narasumber, m.pre_test, m.post_test,
                    m.mulai_nyata, m.selesai_nyata, m.dijadwalkan_ulang_dari, m.keterangan_kuorum))


@dataclass(frozen=True)
class TopicScores:
    topic: PokokBahasan
    pre: float
    post: float
    pertemuan: int  # how many meetings with both tests the averages come from


@dataclass(frozen=True)
class MemberJournal:
    person: Anggota
    hadir: tuple[Pertemuan, ...]
    memfasilitasi: tuple[Pertemuan, ...]  # as facilitator or resource person


@dataclass(frozen=True)
class Summary:
    topik_dibahas: int
    topik_total: int
    topik_terjadwal: int
    pertemuan_terlaksana: int
    kehadiran_tercatat: int
    memenuhi_kuorum: int
    tidak_kuorum: int
    dengan_tes: int  # meetings with both pre- and post-test
    rata_rata_kenaikan: float | None
    terlalu_lama: int


@dataclass(frozen=True)
class Journal:
    agenda: Agenda

    @property
    def data(self):
        return self.agenda.data

    def record(self, meeting: Pertemuan) -> MeetingRecord:
        kelompok = self.data.kelompok
        hadir = meeting.kehadiran.banyak if meeting.kehadiran is not None else None
        length = meeting.durasi_nyata_menit
        return MeetingRecord(
            meeting=meeting,
            status=self.agenda.status(meeting),
            hadir=hadir,
            kuorum_terpenuhi=None if hadir is None else hadir >= kelompok.kuorum,
            durasi_menit=length,
            terlalu_lama=length is not None and length > kelompok.lama_pertemuan.paling_lama * 60,
            pre=meeting.pre_test.rata_rata if meeting.pre_test else None,
            post=meeting.post_test.rata_rata if meeting.post_test else None,
        )

    def records(self) -> list[MeetingRecord]:
        return [self.record(m) for m in self.data.pertemuan]

    def shown(self) -> list[MeetingRecord]:
        """Meetings the charts place on their axis: held, or with something recorded."""
        return [r for r in self.records() if r.status == Status.SELESAI or r.tercatat]

    def with_attendance(self) -> list[MeetingRecord]:
        return [r for r in self.records() if r.hadir is not None]

    def with_tests(self) -> list[MeetingRecord]:
        return [r for r in self.records() if r.pre is not None]

    def topic_scores(self) -> list[TopicScores]:
        """Per topic, the averages of the meetings that covered it and recorded both tests."""
        result = []
        for topic in self.data.pokok_bahasan:
            both = [self.record(m) for m in self.data.meetings_for_topic(topic.id)]
            both = [r for r in both if r.kenaikan is not None]
            if both:
                result.append(TopicScores(topic, fmean(r.pre for r in both), fmean(r.post for r in both), len(both)))
        return result

    def summary(self) -> Summary:
        records = self.records()
        attended = [r for r in records if r.hadir is not None]
        gains = [r.kenaikan for r in records if r.kenaikan is not None]
        return Summary(
            topik_dibahas=len(self.agenda.topics_covered()),
            topik_total=len(self.data.pokok_bahasan),
            topik_terjadwal=sum(1 for t in self.data.pokok_bahasan if self.agenda.topic_status(t.id) == Status.TERJADWAL),
            pertemuan_terlaksana=len(self.agenda.held()),
            kehadiran_tercatat=len(attended),
            memenuhi_kuorum=sum(1 for r in attended if r.kuorum_terpenuhi),
            tidak_kuorum=sum(1 for r in attended if not r.kuorum_terpenuhi),
            dengan_tes=len(gains),
            rata_rata_kenaikan=fmean(gains) if gains else None,
            terlalu_lama=sum(1 for r in records if r.terlalu_lama),
        )

    def member(self, person_id: str) -> MemberJournal:
        person = self.data.person(person_id)
        attended = tuple(m for m in self.data.pertemuan if m.kehadiran and person_id in m.kehadiran.anggota)
        led = tuple(m for m in self.data.pertemuan if person_id in m.fasilitator or person_id in m.narasumber)
        return MemberJournal(person, attended, led)

    def members(self) -> list[MemberJournal]:
        return [self.member(p.id) for p in self.data.members()]

    def is_member(self, name: str) -> bool:
        """Whether a facilitator or resource person is written as a member's id (else an outside name)."""
        return any(p.id == name for p in self.data.members())
