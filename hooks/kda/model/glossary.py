"""The glossary (`data/istilah.yml`): the TOR's foreign and technical words in plain Indonesian.

Loaded and validated like the other data files (kda.model.data), in its own module because
nothing else in the model depends on it. Each entry keeps apart what the source says (the
expansion of an abbreviation, a quotation) and what the site wrote (`arti`, marked
`tafsiran_situs: [arti]`): an abbreviation the source never expands keeps no expansion.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from kda.model.data import DataError, _check_unique, _label
from kda.model.datafile import DataFileError, load_data_file
from kda.model.fields import TAFSIRAN_EXAMPLE, Slug, Strict, Text, marked_fields_have_values
from kda.model.messages import collect_errors

GLOSSARY_FILE = "istilah.yml"


class Istilah(Strict):
    id: Slug
    istilah: Text = Field(examples=["burn out"])
    kepanjangan: Text | None = Field(default=None, examples=["Program Kesejahteraan Sosial Anak"])
    dari_sumber: Text | None = Field(default=None, examples=['"...mengalami burn out atau berada pada tingkat stress yang tinggi."'])
    di_tor: Slug | None = Field(default=None, examples=["latar-belakang"])  # a section of tor.md (MkDocs checks the anchor)
    arti: Text | None = Field(default=None, examples=["Kelelahan fisik dan batin karena tekanan kerja."])
    kata_lain: list[Text] = Field(default_factory=list, examples=["[kelelahan, jenuh]"])
    tafsiran_situs: list[Literal["arti"]] = Field(default_factory=list, examples=[TAFSIRAN_EXAMPLE.replace("ringkasan", "arti")])

    _check_tafsiran = field_validator("tafsiran_situs")(marked_fields_have_values)

    @model_validator(mode="after")
    def _says_something(self) -> Istilah:
        if not (self.kepanjangan or self.dari_sumber or self.arti):
            raise ValueError("isi paling sedikit salah satu: kepanjangan, dari_sumber atau arti")
        return self

    @property
    def petunjuk(self) -> str:
        """The short hint on the term where the TOR uses it (a link's title; search indexes it too)."""
        words = [self.kepanjangan] if self.kepanjangan else []
        words += self.kata_lain
        return f"{self.istilah}: {', '.join(words)}" if words else self.istilah


def load_glossary(data_dir: Path, label_root: Path) -> tuple[Istilah, ...]:
    """Read and validate data/istilah.yml; raise DataError listing every problem found."""
    path = data_dir / GLOSSARY_FILE
    label = _label(path, label_root)
    try:
        file = load_data_file(path, label)
    except DataFileError as error:
        raise DataError(error.problems) from None
    if not isinstance(file.content, list):
        raise DataError([f"{label}: isi berkas harus berupa daftar entri berawalan '- '; lihat contoh di komentar awal berkas."])

    def entry_name(index: int, raw) -> str:
        return f"istilah {raw['id']}" if isinstance(raw, dict) and raw.get("id") else f"istilah ke-{index + 1}"

    entries, problems = collect_errors(file, file.content, Istilah, entry_name)
    problems += _check_unique(file, "id", "istilah")
    if problems:
        raise DataError(problems)
    return tuple(entries)
