"""Turn pydantic validation errors into Indonesian messages a non-programmer can act on.

Each message names the file, the line, the entry, the field, what was expected (with an
example) and what was found, e.g.
``data/pertemuan.yml, baris 12: pertemuan 3, tanggal: harus berupa tanggal berformat
TTTT-BB-HH, misalnya 2014-01-16; tertulis "16/1".``
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from kda.model.datafile import DataFile

# What each pydantic error type means, in Indonesian. `{example}` is the field's example.
_EXPECTED = {
    "missing": "wajib diisi, tetapi tidak ada",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "float_type": "harus berupa angka",
    "float_parsing": "harus berupa angka",
    "string_type": "harus berupa teks",
    "bool_type": "harus true atau false",
    "bool_parsing": "harus true atau false",
    "list_type": "harus berupa daftar, misalnya [a, b] atau baris-baris berawalan '- '",
    "dict_type": "harus berupa kumpulan kolom (nama: nilai)",
    "model_type": "harus berupa kumpulan kolom (nama: nilai)",
    "model_attributes_type": "harus berupa kumpulan kolom (nama: nilai)",
    "string_pattern_mismatch": "hanya boleh berisi huruf kecil, angka dan tanda minus",
    "string_too_short": "tidak boleh kosong",
    "greater_than_equal": "harus paling kecil {ge}",
    "greater_than": "harus lebih besar dari {gt}",
    "less_than_equal": "harus paling besar {le}",
    "literal_error": "harus salah satu dari: {expected}",
    "enum": "harus salah satu dari: {expected}",
}


def found_text(value: Any) -> str:
    """How a found value is quoted in a message."""
    if value is None:
        return "kosong"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (dict, list)):
        return "sekumpulan nilai"
    return f'"{value}"'


def describe_error(error: dict, model: type[BaseModel] | None) -> str:
    """One pydantic error as Indonesian text: expectation, example, what was found."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    field = _field_name(error["loc"])
    if kind == "extra_forbidden":
        allowed = sorted(model.model_fields) if model else []
        guess = difflib.get_close_matches(field, allowed, n=1)
        hint = f" Mungkin maksudnya '{guess[0]}'?" if guess else ""
        return f"kolom tidak dikenal.{hint} Kolom yang boleh: {', '.join(allowed)}."
    if kind == "value_error" and "error" in ctx:
        text = str(ctx["error"])
    elif kind in _EXPECTED:
        text = _EXPECTED[kind].format(**{k: _ctx_text(v) for k, v in ctx.items()})
    elif "kda" in kind:
        text = error["msg"]
    else:
        text = f"nilai tidak sah ({error['msg']})"
    example = _example(model, field)
    if example is not None and kind != "extra_forbidden":
        text += f", misalnya {example}"
    if kind != "missing" and error["loc"]:
        text += f"; tertulis {found_text(error.get('input'))}"
    return text


def collect_errors(
    file: DataFile,
    items: list[Any],
    model: type[BaseModel],
    entry_name: Callable[[int, Any], str],
    indexed: bool = True,
) -> tuple[list[BaseModel | None], list[str]]:
    """Validate each item; return the objects (None where invalid) and the messages.

    `indexed` is False when `items` is the file's one top-level mapping rather than its list.
    """
    objects: list[BaseModel | None] = []
    problems: list[str] = []
    for index, raw in enumerate(items):
        try:
            objects.append(model.model_validate(raw))
        except ValidationError as exc:
            objects.append(None)
            for error in exc.errors():
                path = ((index,) if indexed else ()) + tuple(error["loc"])
                problems.append(
                    located(file, path, f"{entry_name(index, raw)}, {_field_name(error['loc'])}: "
                            f"{describe_error(error, _model_at(model, error['loc'])).rstrip('.')}.")
                )
    return objects, problems


def located(file: DataFile, path: tuple, text: str) -> str:
    """Prefix `text` with the file and the line of `path`."""
    line = file.line_of(path)
    where = f", baris {line}" if line else ""
    return f"{file.label}{where}: {text}"


def _field_name(loc: tuple) -> str:
    parts = [str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in loc]
    return ".".join(parts).replace(".[", "[") or "(entri)"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The (sub)model that owns the last field of `loc`, for its list of fields."""
    current = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        annotation = getattr(info, "annotation", None)
        for candidate in (annotation, *typing.get_args(annotation)):  # Optional[Model] too
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
                break
    return current


def _example(model: type[BaseModel] | None, field: str) -> str | None:
    if model is None:
        return None
    info = model.model_fields.get(field.split(".")[-1].split("[")[0])
    if info is None or not info.examples:
        return None
    return str(info.examples[0])


def _ctx_text(value: Any) -> str:
    return str(value).replace("'", "").replace(" or ", ", ")
