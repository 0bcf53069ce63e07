"""What a download is: its type and size as a reader reads them, "PDF, 1,2 MB".

Computed once per build from the files themselves (never written by hand), with Babel's
Indonesian unit formats (decimal comma, "kB", "MB").
"""

from __future__ import annotations

from pathlib import Path

from babel.units import format_unit

LOCALE = "id"
# File types whose reader-facing name differs from their upper-cased suffix.
TYPE_NAMES = {"jpg": "JPEG", "jpeg": "JPEG", "htm": "HTML", "pptx": "PowerPoint", "ppt": "PowerPoint",
              "docx": "Word", "doc": "Word", "xlsx": "Excel", "xls": "Excel"}
_UNITS = ((1000**3, "digital-gigabyte"), (1000**2, "digital-megabyte"), (1000, "digital-kilobyte"))


def type_name(path: Path | str) -> str:
    suffix = Path(path).suffix.lstrip(".").lower()
    return TYPE_NAMES.get(suffix, suffix.upper() or "berkas")


def size_text(size: int) -> str:
    """1234567 -> '1,2 MB'; 240000 -> '240 kB'; 900 -> '900 byte' (SI units, as file managers show)."""
    for factor, unit in _UNITS:
        if size >= factor - factor // 2000:  # 999 999 bytes reads '1 MB', not '1.000 kB'
            value = size / factor
            pattern = "#,##0.#" if value < 10 else "#,##0"
            return format_unit(value, unit, length="short", locale=LOCALE, format=pattern)
    return format_unit(size, "byte", length="short", locale=LOCALE)


def label(path: Path) -> str:
    """'PDF, 1,2 MB' for a file that exists (the caller has checked)."""
    return f"{type_name(path)}, {size_text(path.stat().st_size)}"


def labels(files: dict[str, Path]) -> dict[str, str]:
    """{site path: label} for every download of the build."""
    return {site_path: label(path) for site_path, path in files.items()}
