"""The group's data: load `data/*.yml`, validate it, and return typed objects.

Pure Python, no MkDocs: the hooks call `load_site_data`, the tests call it directly.
Every problem in every file is collected, then reported at once (`DataError`), each
message in Indonesian naming the file, line, entry, field, expectation and finding.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from kda.model.datafile import DataFile, DataFileError, load_data_file
from kda.model.journal_rules import check_journal
from kda.model.kinds import JenisAnggota, JenisMateri, Status
from kda.model.messages import collect_errors, found_text, located
from kda.paths import MATERIALS_DIR
from kda.problems import Problems

DATA_FILES = {
    "kelompok": "kelompok.yml",
    "pokok_bahasan": "pokok_bahasan.yml",
    "pertemuan": "pertemuan.yml",
    "materi": "materi.yml",
    "anggota": "anggota.yml",
}
# The five PKSA clusters named in the TOR's background, by id.
KLUSTER = {
    "anak-terlantar-jalanan": "Anak terlantar dan anak jalanan",
    "adk": "Anak dengan kecacatan (ADK)",
    "ampk": "Anak yang memerlukan perlindungan khusus (AMPK)",
    "abh": "Anak yang berhadapan dengan hukum (ABH)",
    "anak-balita": "Anak balita",
}


class DataError(Problems):
    """The data is invalid. `problems` is the list of Indonesian messages, one per problem."""

    heading = "Data di folder data/ tidak sah ({count} masalah). Perbaiki lalu bangun ulang situs:"


# --- field types -----------------------------------------------------------------------

def _parse_date(value: Any) -> Any:
    if isinstance(value, dt.date) or value is None:
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise PydanticCustomError("kda_date", "harus berupa tanggal berformat TTTT-BB-HH")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError("kda_date", "bukan tanggal yang ada di kalender (periksa bulan dan hari)")


def _parse_time(value: Any) -> Any:
    if isinstance(value, dt.time) or value is None:
        return value
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})", str(value).strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise PydanticCustomError("kda_time", "harus berupa jam berformat JJ.MM (pakai tanda kutip)")
    return dt.time(int(match[1]), int(match[2]))


def jam_text(value: dt.time) -> str:
    return value.strftime("%H.%M")


Tanggal = Annotated[dt.date, BeforeValidator(_parse_date)]
Jam = Annotated[dt.time, BeforeValidator(_parse_time)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", examples=["ekologi-anak"])]
_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _plain(value: str) -> str:
    # Data are facts: the site shows them as text (kda.views.render.teks), the theme writes some
    # of them unescaped (authors' names, page titles): no tag and no character reference.
    if _MARKUP.search(value):
        raise PydanticCustomError(
            "kda_plain", "harus teks biasa: tanpa tag HTML (tanda < yang diikuti huruf) dan tanpa kode &...; "
            "seperti &amp;lt; (tulis \"kurang dari\" atau \"dan\" bila perlu)")
    return value


Text = Annotated[str, Field(min_length=1), AfterValidator(_plain)]


def _matching(pattern: str, expected: str):
    def check(value: str) -> str:
        if not re.fullmatch(pattern, value):
            raise PydanticCustomError("kda_format", expected)
        return value
    return AfterValidator(check)


# A material's file: its name goes into a Markdown link and a URL as it is.
FileName = Annotated[str, _matching(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.[A-Za-z0-9]+",
                                    "tulis nama berkas saja, tanpa folder dan tanpa spasi: huruf, angka, tanda minus (-), "
                                    "garis bawah (_) dan titik, diakhiri jenisnya (ganti nama berkasnya bila perlu)")]
ZoneAbbreviation = Annotated[str, _matching(r"[A-Z]{2,5}", "harus singkatan zona waktu dengan 2-5 huruf besar")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# `tafsiran_situs`: the fields of an entry that the site wrote or inferred, not the source (the
# pages mark them "tafsiran situs"). The organiser removes a name once the group confirms the text.
TAFSIRAN_EXAMPLE = "[ringkasan]"


def marked_fields_have_values(value: list[str], info) -> list[str]:
    empty = [name for name in value if not info.data.get(name)]
    if empty:
        raise PydanticCustomError(
            "kda_tafsiran", "{fields} ditandai sebagai tafsiran situs tetapi kosong; isi kolomnya atau hapus tandanya",
            {"fields": ", ".join(empty)})
    return list(dict.fromkeys(value))


# --- the records -----------------------------------------------------------------------

class LamaPertemuan(_Strict):
    paling_singkat: int = Field(ge=1, le=24, examples=[2])
    paling_lama: int = Field(ge=1, le=24, examples=[3])


class SkalaTes(_Strict):
    """The scale on which pre- and post-test averages are written."""

    terendah: float = Field(examples=[0])
    tertinggi: float = Field(examples=[100])

    @model_validator(mode="after")
    def _check(self) -> SkalaTes:
        if self.terendah >= self.tertinggi:
            raise ValueError("skala_tes.terendah harus lebih kecil dari skala_tes.tertinggi")
        return self


class Kelompok(_Strict):
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


class PokokBahasan(_Strict):
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


class Kehadiran(_Strict):
    """Who came to a meeting: the member ids when names were recorded, else only a count."""

    jumlah: int | None = None
    anggota: tuple[str, ...] = ()

    @property
    def banyak(self) -> int:
        return self.jumlah if self.jumlah is not None else len(self.anggota)


class HasilTes(_Strict):
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


class Pertemuan(_Strict):
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


class Materi(_Strict):
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


class Anggota(_Strict):
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


# --- the whole data set ------------------------------------------------------------------


@dataclass(frozen=True)
class SiteData:
    """All validated facts, with the relations between them."""

    kelompok: Kelompok
    pokok_bahasan: tuple[PokokBahasan, ...]
    pertemuan: tuple[Pertemuan, ...]
    materi: tuple[Materi, ...]
    anggota: tuple[Anggota, ...]
    peringatan: tuple[str, ...] = ()  # warnings (not errors) about the data, logged by the build

    # Lookups by id through dicts made once (templates and pages look entries up per
    # page and per row; a scan of the whole tuple each time grew with the square of the site).
    @cached_property
    def _index(self) -> dict[str, dict]:
        by_topic: dict[str, list[Pertemuan]] = {}
        by_material: dict[str, list[Pertemuan]] = {}
        for meeting in self.pertemuan:  # in the meetings' order, each meeting once per id
            for topic_id in dict.fromkeys(meeting.pokok_bahasan):
                by_topic.setdefault(topic_id, []).append(meeting)
            for material_id in dict.fromkeys(meeting.materi):
                by_material.setdefault(material_id, []).append(meeting)
        return {"anggota": {p.id: p for p in self.anggota}, "pokok_bahasan": {t.id: t for t in self.pokok_bahasan},
                "materi": {m.id: m for m in self.materi}, "pertemuan": {m.nomor: m for m in self.pertemuan},
                "topic_meetings": by_topic, "material_meetings": by_material,
                "members": [p for p in self.anggota if p.jenis == JenisAnggota.ANGGOTA]}

    def person(self, person_id: str) -> Anggota:
        return self._index["anggota"][person_id]

    def members(self) -> list[Anggota]:
        """The group's members (people), not the team author."""
        return list(self._index["members"])

    def topic(self, topic_id: str) -> PokokBahasan:
        return self._index["pokok_bahasan"][topic_id]

    def material(self, material_id: str) -> Materi:
        return self._index["materi"][material_id]

    def meeting(self, nomor: int) -> Pertemuan:
        return self._index["pertemuan"][nomor]

    def meetings_for_topic(self, topic_id: str) -> list[Pertemuan]:
        return list(self._index["topic_meetings"].get(topic_id, ()))

    def meetings_for_material(self, material_id: str) -> list[Pertemuan]:
        return list(self._index["material_meetings"].get(material_id, ()))

    def topic_inferred(self, topic_id: str) -> bool:
        """Whether a meeting's assignment to this topic was inferred by the site (tafsiran_situs)."""
        return any("pokok_bahasan" in m.tafsiran_situs for m in self.meetings_for_topic(topic_id))

    def materials_for_topic(self, topic_id: str) -> list[Materi]:
        ids = dict.fromkeys(mid for m in self.meetings_for_topic(topic_id) for mid in m.materi)
        return [self.material(mid) for mid in ids]


@dataclass(frozen=True)
class Agenda:
    """The data seen from one day: statuses, the next meeting, the curriculum's progress."""

    data: SiteData
    today: dt.date

    def status(self, meeting: Pertemuan) -> Status:
        if meeting.batal:
            return Status.BATAL
        if meeting.terlaksana:
            return Status.SELESAI
        if meeting.tanggal is None:
            return Status.BELUM
        return Status.SELESAI if meeting.tanggal < self.today else Status.TERJADWAL

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


# --- loading -------------------------------------------------------------------------------

def load_site_data(data_dir: Path, docs_dir: Path, label_root: Path | None = None) -> SiteData:
    """Read and validate every data file; raise DataError listing every problem found."""
    label_root = label_root or data_dir.parent
    files, problems = _read_files(data_dir, label_root)
    if problems:
        raise DataError(problems)

    kelompok, group_problems = _validate_group(files["kelompok"])
    topics, topic_problems = _validate_list(files["pokok_bahasan"], PokokBahasan, "pokok bahasan")
    meetings, meeting_problems = _validate_list(files["pertemuan"], Pertemuan, "pertemuan")
    materials, material_problems = _validate_list(files["materi"], Materi, "materi")
    people, people_problems = _validate_list(files["anggota"], Anggota, "anggota")
    problems = group_problems + topic_problems + meeting_problems + material_problems + people_problems

    problems += _check_unique(files["pokok_bahasan"], "id", "pokok bahasan")
    problems += _check_sequence(files["pokok_bahasan"], "pokok bahasan", first=(1,))
    problems += _check_unique(files["pertemuan"], "nomor", "pertemuan")
    problems += _check_sequence(files["pertemuan"], "pertemuan", first=(0, 1))
    problems += _check_unique(files["materi"], "id", "materi")
    problems += _check_references(files["pertemuan"], meetings, "pokok_bahasan", files["pokok_bahasan"])
    problems += _check_references(files["pertemuan"], meetings, "materi", files["materi"])
    problems += _check_unique(files["anggota"], "id", "anggota")
    problems += _check_member_count(files["anggota"], people, kelompok)
    problems += _check_material_files(files["materi"], materials, docs_dir, label_root)
    journal_problems, warnings = check_journal(files["pertemuan"], meetings, files["kelompok"], kelompok, people)
    problems += journal_problems
    if problems:
        raise DataError(problems)
    return SiteData(kelompok, tuple(topics), tuple(meetings), tuple(materials), tuple(people), tuple(warnings))


def _read_files(data_dir: Path, label_root: Path) -> tuple[dict[str, DataFile], list[str]]:
    files, problems = {}, []
    for key, name in DATA_FILES.items():
        path = data_dir / name
        label = _label(path, label_root)
        try:
            files[key] = load_data_file(path, label)
        except DataFileError as error:
            problems.extend(error.problems)
            continue
        expected = dict if key == "kelompok" else list
        if not isinstance(files[key].content, expected):
            shape = "kumpulan kolom (nama: nilai)" if expected is dict else "daftar entri berawalan '- '"
            problems.append(f"{label}: isi berkas harus berupa {shape}; lihat contoh di komentar awal berkas.")
    return files, problems


def _label(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _validate_group(file: DataFile) -> tuple[Kelompok | None, list[str]]:
    objects, problems = collect_errors(file, [file.content], Kelompok, lambda i, raw: "kelompok", indexed=False)
    return objects[0], problems


def _validate_list(file: DataFile, model, noun: str):
    def entry_name(index: int, raw: Any) -> str:
        key = "nomor" if model is Pertemuan else "id"  # how an entry is named in messages
        if isinstance(raw, dict) and raw.get(key) not in (None, ""):
            return f"{noun} {raw[key]}"
        return f"{noun} ke-{index + 1}"

    objects, problems = collect_errors(file, file.content, model, entry_name)
    return [o for o in objects if o is not None], problems


def _raw_values(file: DataFile, key: str) -> list[tuple[int, Any]]:
    """(index, value) of `key` in each raw entry, valid or not, so one bad entry hides no other problem."""
    return [(i, raw.get(key)) for i, raw in enumerate(file.content or [])
            if isinstance(raw, dict) and isinstance(raw.get(key), (int, str)) and not isinstance(raw.get(key), bool)]


def _check_unique(file: DataFile, key: str, noun: str) -> list[str]:
    problems, seen = [], {}
    for index, value in _raw_values(file, key):
        if value in seen:
            problems.append(located(
                file, (index, key),
                f"{noun} {value}, {key}: {key} {found_text(value)} sudah dipakai entri lain "
                f"(baris {file.line_of((seen[value], key))}); setiap {noun} harus punya {key} sendiri. "
                "Ganti salah satunya.",
            ))
        else:
            seen[value] = index
    return problems


def _check_sequence(file: DataFile, noun: str, first: tuple[int, ...]) -> list[str]:
    where = {value: index for index, value in reversed(_raw_values(file, "nomor")) if isinstance(value, int)}
    numbers = sorted(where)
    if not numbers:
        return [f"{file.label}: belum ada {noun} bernomor; tambahkan paling sedikit satu entri."]
    problems = []
    if numbers[0] not in first:
        allowed = " atau ".join(str(n) for n in first)
        problems.append(f"{file.label}: nomor {noun} harus dimulai dari {allowed}; tertulis mulai dari {numbers[0]}.")
    for previous, current in zip(numbers, numbers[1:]):
        if current != previous + 1:
            problems.append(located(
                file, (where[current], "nomor"),
                f"{noun} {current}, nomor: nomor harus berurutan tanpa lompatan; sesudah {previous} "
                f"seharusnya {previous + 1}. Tambahkan {noun} {previous + 1} atau perbaiki nomornya.",
            ))
    return problems


def _check_references(file: DataFile, meetings: list[Pertemuan], field: str, target_file: DataFile) -> list[str]:
    known = [str(value) for _, value in _raw_values(target_file, "id")]
    problems = []
    for meeting in meetings:
        for position, ref in enumerate(getattr(meeting, field)):
            if ref not in known:
                problems.append(located(
                    file, (_index_of(file, "nomor", meeting.nomor), field, position),
                    f"pertemuan {meeting.nomor}, {field}: id {found_text(ref)} tidak dikenal. "
                    f"Id yang terdaftar di {target_file.label}: {', '.join(known)}.",
                ))
    return problems


def _check_member_count(file: DataFile, people: list[Anggota], kelompok: Kelompok | None) -> list[str]:
    members = [p for p in people if p.jenis == JenisAnggota.ANGGOTA]
    if kelompok and len(members) > kelompok.jumlah_anggota:
        return [f"{file.label}: ada {len(members)} entri berjenis anggota, padahal data/kelompok.yml mencatat "
                f"jumlah_anggota {kelompok.jumlah_anggota}. Hapus entri yang bukan anggota, atau perbarui jumlah_anggota."]
    return []


def _check_material_files(file: DataFile, materials: list[Materi], docs_dir: Path, label_root: Path) -> list[str]:
    problems = []
    folder = docs_dir / MATERIALS_DIR
    for material in materials:
        if not material.berkas:
            continue
        path = (folder / material.berkas)
        where = (_index_of(file, "id", material.id), "berkas")
        if "/" in material.berkas or "\\" in material.berkas or material.berkas.startswith("."):
            problems.append(located(file, where, (
                f"materi {material.id}, berkas: tulis nama berkas saja, tanpa folder, "
                f"misalnya {material.id}.pdf; tertulis {found_text(material.berkas)}.")))
        elif not path.is_file():
            problems.append(located(file, where, (
                f"materi {material.id}, berkas: berkas {found_text(material.berkas)} tidak ditemukan di "
                f"{_label(folder, label_root)}/. Unggah berkasnya ke folder itu, atau kosongkan kolom berkas "
                f"bila berkas belum ada.")))
    return problems


def _index_of(file: DataFile, key: str, value: Any, nth: int = 0) -> int | None:
    """The list index of the nth entry whose `key` equals `value` in the raw file."""
    hits = [i for i, raw in enumerate(file.content or []) if isinstance(raw, dict) and raw.get(key) == value]
    return hits[nth] if len(hits) > nth else None
