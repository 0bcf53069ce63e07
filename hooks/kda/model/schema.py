"""The pydantic schema of the data files' entries: the group (`data/kelompok.yml`), its topics,
meetings, materials and people, each field typed (`kda.model.fields`) and checked on its own.

Rules across entries and files (unique ids, known references, the journal's rules) are checked
after validation, by `kda.model.data` and `kda.model.journal_rules`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from kda.model.fields import (
    TAFSIRAN_EXAMPLE,
    FileName,
    Jam,
    Slug,
    Strict,
    Tanggal,
    Text,
    ZoneAbbreviation,
    jam_text,
    marked_fields_have_values,
)
from kda.model.kinds import JenisAnggota, JenisMateri
from kda.paths import MATERIALS_DIR

# The five PKSA clusters named in the TOR's background, by id.
KLUSTER = {
    "anak-terlantar-jalanan": "Anak terlantar dan anak jalanan",
    "adk": "Anak dengan kecacatan (ADK)",
    "ampk": "Anak yang memerlukan perlindungan khusus (AMPK)",
    "abh": "Anak yang berhadapan dengan hukum (ABH)",
    "anak-balita": "Anak balita",
}


class LamaPertemuan(Strict):
    paling_singkat: int = Field(ge=1, le=24, examples=[2])
    paling_lama: int = Field(ge=1, le=24, examples=[3])


class SkalaTes(Strict):
    """The scale on which pre- and post-test averages are written."""

    terendah: float = Field(examples=[0])
    tertinggi: float = Field(examples=[100])

    @model_validator(mode="after")
    def _check(self) -> SkalaTes:
        if self.terendah >= self.tertinggi:
            raise ValueError("skala_tes.terendah harus lebih kecil dari skala_tes.tertinggi")
        return self


class Kelompok(Strict):
    nama: Text = Field(examples=["Kelompok Diskusi Aktif Para Pekerja Sosial Kemsos RI"])
    nama_pendek: Text = Field(examples=["Kelompok Diskusi Bandung"])
    kota: Text = Field(examples=["Bandung"])
    jumlah_anggota: int = Field(ge=1, examples=[11])
    kuorum: int = Field(ge=1, examples=[7])
    zona_waktu: Text = Field(examples=["Asia/Jakarta"])
    singkatan_zona: ZoneAbbreviation = Field(examples=["WIB"])
    lama_pertemuan: LamaPertemuan
    skala_tes: SkalaTes | None = None  # needed only once a test score is recorded

    @model_validator(mode="after")
    def _check(self) -> Kelompok:
        try:
            ZoneInfo(self.zona_waktu)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"zona_waktu \"{self.zona_waktu}\" tidak dikenal; tulis nama zona IANA, misalnya Asia/Jakarta")
        if self.kuorum > self.jumlah_anggota:
            raise ValueError(f"kuorum ({self.kuorum}) tidak boleh lebih besar dari jumlah_anggota ({self.jumlah_anggota})")
        if self.lama_pertemuan.paling_singkat > self.lama_pertemuan.paling_lama:
            raise ValueError("lama_pertemuan.paling_singkat tidak boleh lebih besar dari paling_lama")
        return self

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zona_waktu)


class PokokBahasan(Strict):
    id: Slug
    nomor: int = Field(ge=1, examples=[5])
    judul: Text = Field(examples=["Ekologi anak"])
    teks_tor: Text | None = Field(default=None, examples=["Tahap pertolongan pekerja sosial (tools asesmen)"])
    ringkasan: Text = Field(examples=["Anak dipahami bersama lingkungannya."])
    tafsiran_situs: list[Literal["ringkasan"]] = Field(default_factory=list, examples=[TAFSIRAN_EXAMPLE])

    _check_tafsiran = field_validator("tafsiran_situs")(marked_fields_have_values)

    @property
    def rumusan_tor(self) -> str:
        """The topic as the TOR words it."""
        return self.teks_tor or self.judul


def _parse_attendance(value: Any) -> Any:
    """`kehadiran` is either a count (8) or the list of member ids present ([ani, budi-s])."""
    if value is None or isinstance(value, Kehadiran):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise PydanticCustomError("kda_attendance", "jumlah yang hadir tidak boleh negatif")
        return Kehadiran(jumlah=value)
    if isinstance(value, list) and value and all(isinstance(v, str) and SLUG.fullmatch(v) for v in value):
        duplicates = sorted({v for v in value if value.count(v) > 1})
        if duplicates:
            raise PydanticCustomError("kda_attendance", "id {ids} ditulis lebih dari sekali",
                                      {"ids": ", ".join(duplicates)})
        return Kehadiran(anggota=tuple(value))
    raise PydanticCustomError(
        "kda_attendance",
        "harus berupa jumlah anggota yang hadir (bilangan bulat, misalnya 8) atau daftar id anggota "
        "yang hadir (huruf kecil, angka dan tanda minus, misalnya [ani, budi-s])")


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Kehadiran(Strict):
    """Who came to a meeting: the member ids when names were recorded, else only a count."""

    jumlah: int | None = None
    anggota: tuple[str, ...] = ()

    @property
    def banyak(self) -> int:
        return self.jumlah if self.jumlah is not None else len(self.anggota)


class HasilTes(Strict):
    """One test (pre or post) of a meeting: the average score and how many took it."""

    rata_rata: float = Field(examples=["72.5 (pakai titik, bukan koma)"])
    peserta: int = Field(ge=1, examples=[8])

    @model_validator(mode="before")
    @classmethod
    def _decimal_comma(cls, value: Any) -> Any:
        # `{rata_rata: 62,5, peserta: 8}` reads as the keys "rata_rata", 5 and "peserta": say why.
        if isinstance(value, dict) and any(not isinstance(key, str) for key in value):
            raise PydanticCustomError(
                "kda_decimal_comma", "tulis angka desimal dengan titik, bukan koma (di dalam { } koma memisahkan kolom)")
        return value


class Pertemuan(Strict):
    nomor: int = Field(ge=0, examples=[3])
    tanggal: Tanggal | None = Field(default=None, examples=["2014-01-16"])
    mulai: Jam | None = Field(default=None, examples=['"13.00"'])
    selesai: Jam | None = Field(default=None, examples=['"16.30"'])
    tempat: Text | None = Field(default=None, examples=["FKPS"])
    tempat_lain: list[Text] = Field(default_factory=list, examples=["[LKSA Bayi Sehat Muhammadiyah Bandung]"])
    tema: Text | None = Field(default=None, examples=["Perlindungan anak dan permasalahan anak"])
    pokok_bahasan: list[Slug] = Field(default_factory=list, examples=["[sistem-perlindungan-anak]"])
    materi: list[Slug] = Field(default_factory=list, examples=["[masalah-anak]"])
    terlaksana: bool = Field(default=False, examples=["true"])
    batal: bool = Field(default=False, examples=["true"])  # after terlaksana: its check reads it
    catatan_sumber: Text | None = None
    # The learning journal: all optional; rules across files live in kda.model.journal_rules.
    kehadiran: Annotated[Kehadiran | None, BeforeValidator(_parse_attendance)] = None  # its message has examples
    fasilitator: list[Text] = Field(default_factory=list, examples=["[ani, Dr. Siti Aminah]"])
    narasumber: list[Text] = Field(default_factory=list, examples=["[budi-s, Dinas Sosial Kota Bandung]"])
    pre_test: HasilTes | None = Field(default=None, examples=["{rata_rata: 62.5, peserta: 8}"])
    post_test: HasilTes | None = Field(default=None, examples=["{rata_rata: 78, peserta: 8}"])
    mulai_nyata: Jam | None = Field(default=None, examples=['"13.10"'])
    selesai_nyata: Jam | None = Field(default=None, examples=['"16.05"'])
    dijadwalkan_ulang_dari: Tanggal | None = Field(default=None, examples=["2014-02-13"])
    keterangan_kuorum: Text | None = Field(default=None, examples=["Narasumber dari luar sudah datang."])
    tafsiran_situs: list[Literal["pokok_bahasan"]] = Field(default_factory=list, examples=["[pokok_bahasan]"])

    _check_tafsiran = field_validator("tafsiran_situs")(marked_fields_have_values)

    @field_validator("mulai")
    def _needs_date(cls, value, info):
        if value and not info.data.get("tanggal"):
            raise PydanticCustomError("kda_time_without_date", "jam diisi tetapi tanggal kosong; isi tanggal atau hapus jamnya")
        return value

    @field_validator("selesai", "selesai_nyata")
    def _after_start(cls, value, info):
        """An end time (planned or actual) must come after its own start time."""
        start_field = "mulai" if info.field_name == "selesai" else "mulai_nyata"
        start = info.data.get(start_field)
        if value and start and value <= start:
            raise PydanticCustomError(
                "kda_order", "jam {end_field} ({selesai}) harus sesudah jam {start_field} ({mulai})",
                {"end_field": info.field_name, "start_field": start_field,
                 "selesai": jam_text(value), "mulai": jam_text(start)},
            )
        return value

    @field_validator("batal")
    def _not_both(cls, value, info):
        if value and info.data.get("terlaksana"):
            raise PydanticCustomError("kda_status", "batal dan terlaksana tidak boleh sama-sama true")
        return value

    @property
    def label(self) -> str:
        return "Pendahuluan" if self.nomor == 0 else f"Pertemuan {self.nomor}"

    @property
    def anchor(self) -> str:
        """The stable anchor of this meeting on the schedule page."""
        return f"pertemuan-{self.nomor}"

    @property
    def durasi_menit(self) -> int | None:
        if not (self.mulai and self.selesai):
            return None
        return (self.selesai.hour * 60 + self.selesai.minute) - (self.mulai.hour * 60 + self.mulai.minute)

    @property
    def durasi_nyata_menit(self) -> int | None:
        """How long the session actually lasted, when its real start and end were recorded."""
        if not (self.mulai_nyata and self.selesai_nyata):
            return None
        return ((self.selesai_nyata.hour * 60 + self.selesai_nyata.minute)
                - (self.mulai_nyata.hour * 60 + self.mulai_nyata.minute))


class Materi(Strict):
    id: Slug
    judul: Text = Field(examples=["Masalah Anak"])
    jenis: JenisMateri = Field(examples=["materi"])
    berkas: FileName | None = Field(default=None, examples=["masalah-anak.pdf"])
    ringkasan: Text = Field(examples=["Bahan pengantar tentang masalah-masalah anak."])
    tafsiran_situs: list[Literal["ringkasan"]] = Field(default_factory=list, examples=[TAFSIRAN_EXAMPLE])

    _check_tafsiran = field_validator("tafsiran_situs")(marked_fields_have_values)

    @property
    def berkas_path(self) -> str | None:
        """The file's path inside docs/, when uploaded."""
        return f"{MATERIALS_DIR}/{self.berkas}" if self.berkas else None


class Anggota(Strict):
    id: Slug
    nama: Text = Field(examples=["Budi S."])
    jenis: JenisAnggota = Field(examples=["anggota"])
    peran: Text | None = Field(default=None, examples=["notulis"])
    kluster: Literal["anak-terlantar-jalanan", "adk", "ampk", "abh", "anak-balita"] | None = Field(
        default=None, examples=["abh"])
    bio: Text | None = Field(default=None, examples=["Pekerja sosial pendamping anak."])

    @field_validator("kluster")
    def _members_only(cls, value, info):
        if value and info.data.get("jenis") == JenisAnggota.TIM:
            raise PydanticCustomError("kda_cluster", "kluster hanya untuk anggota, bukan tim")
        return value

    @property
    def kluster_nama(self) -> str | None:
        return KLUSTER.get(self.kluster) if self.kluster else None
