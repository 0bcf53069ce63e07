"""The kinds and statuses the data and the model name, as enums: the code and the templates
compare with these (`Status.BATAL`, `JenisAnggota.TIM`), never with the words themselves.

Each value is the word as data/*.yml writes it or as readers see it, so an enum member prints
as that word (StrEnum) in a template, a message or a CSS class.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """A meeting's (or a topic's) status, as the model derives it; its value is the word readers see."""

    SELESAI = "selesai"
    TERJADWAL = "terjadwal"
    BELUM = "belum dijadwalkan"
    BATAL = "batal"


class JenisAnggota(StrEnum):
    """Who an entry of data/anggota.yml is (`jenis`): a member of the group, or the team writing together."""

    ANGGOTA = "anggota"
    TIM = "tim"


class JenisMateri(StrEnum):
    """What an entry of data/materi.yml is (`jenis`): a material of a meeting, or a document."""

    MATERI = "materi"
    DOKUMEN = "dokumen"
