"""The value types of the data's fields: dates, clock times, ids, plain text, file names, and the
strict base of every record (`kda.model.schema`), with the Indonesian expectation each one states
when a value does not fit.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError


def parse_date(value: Any) -> Any:
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


Tanggal = Annotated[dt.date, BeforeValidator(parse_date)]
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


class Strict(BaseModel):
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
