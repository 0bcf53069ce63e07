"""What a meeting's header leaves out, so the page says it once instead of a "belum" per field.

A header lists only the facts that have a value; this module names the others, grouped by
how they are missing: lost from the source ("tidak tercatat": a held meeting's date or place),
not decided yet ("belum ditentukan": an upcoming meeting's place), or not yet written into the
learning journal ("belum dicatat": attendance, facilitator, test scores of a held meeting).
The template turns the groups into one line (docs/.templates/_bantu.md.j2, `kekurangan`).
"""

from __future__ import annotations

from kda.model.journal import MeetingRecord
from kda.model.kinds import Status
from kda.model.schema import Pertemuan

NOT_RECORDED = "tidak tercatat"
NOT_DECIDED = "belum ditentukan"
NOT_YET_RECORDED = "belum dicatat"


def missing_facts(meeting: Pertemuan, status: Status, record: MeetingRecord | None = None) -> list[tuple[str, list[str]]]:
    """(how it is missing, [field names]) for each kind of gap, in the order a sentence says them.

    `record` (the journal's view of the meeting) adds the journal's gaps; the schedule's cards
    leave it out, the note's header passes it."""
    groups: dict[str, list[str]] = {}
    if status == Status.SELESAI:
        groups[NOT_RECORDED] = _absent(("tanggal", meeting.tanggal), ("tempat", meeting.tempat),
                                       ("pokok bahasan", meeting.pokok_bahasan))
        if record is not None:
            groups[NOT_YET_RECORDED] = _absent(("kehadiran", record.hadir), ("fasilitator", meeting.fasilitator),
                                               ("nilai tes", record.pre))
    elif status == Status.TERJADWAL:
        groups[NOT_DECIDED] = _absent(("tempat", meeting.tempat), ("tema", meeting.tema),
                                      ("pokok bahasan", meeting.pokok_bahasan))
    return [(state, fields) for state, fields in groups.items() if fields]


def _absent(*fields: tuple[str, object]) -> list[str]:
    """The names of the fields with no value (None, or an empty list), in their order."""
    return [name for name, value in fields if value is None or value in ([], ())]


def list_text(items: list[str]) -> str:
    """Indonesian enumeration: 'a', 'a dan b', 'a, b dan c'."""
    items = [str(i) for i in items]
    if not items:
        return ""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} dan {items[-1]}"


def runs_text(runs: list[tuple[int, int]]) -> str:
    """'3–5, 7 dan 9–15' from [(3, 5), (7, 7), (9, 15)]."""
    return list_text([str(a) if a == b else f"{a}–{b}" for a, b in runs])
