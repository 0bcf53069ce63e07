"""Reader responses: which pages offer them, and what the response box needs to know.

Set in one place, `extra.tanggapan` in mkdocs.yml:
  giscus:  repo, repo_id, category, category_id of a GitHub Discussions category (giscus.app).
           All empty: no comment box anywhere.
  kontak:  whatsapp (international number, digits only) and/or email of the group, for readers
           without a GitHub account. Empty: no such link.
A page turns responses on or off with `tanggapan: true|false` in its front matter. Without it,
articles offer responses and every other page does not: meeting notes discuss the group's cases,
so a note offers responses only when its writer has checked it and written `tanggapan: true`.

Privacy: nothing of Giscus is in the page when it loads. The box is a button; the Giscus script
(a third-party request to giscus.app and GitHub) is added only after the reader presses it
(`docs/assets/tanggapan.js`). The contact links are plain links, followed only when clicked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from kda.problems import Problems

GISCUS_FIELDS = ("repo", "repo_id", "category", "category_id")
FRONT_MATTER_KEY = "tanggapan"
# src path prefixes whose pages offer responses unless switched off: the articles themselves, not the
# blog's lists (index, archive, categories, authors), which never show the box but would load its styles.
ON_BY_DEFAULT = ("artikel/posts/",)
CONFIG_LABEL = "mkdocs.yml, extra.tanggapan"


class ResponseConfigError(Problems):
    heading = "Pengaturan tanggapan pembaca tidak sah:"


@dataclass(frozen=True)
class ResponseSettings:
    giscus: dict[str, str] | None  # the four ids, or None when Giscus is off
    whatsapp: str  # digits, or ""
    email: str  # or ""

    @property
    def any(self) -> bool:
        return bool(self.giscus or self.whatsapp or self.email)


def read_settings(extra: dict) -> ResponseSettings:
    """Validate `extra.tanggapan`; raise ResponseConfigError listing every problem."""
    section = extra.get("tanggapan") or {}
    problems: list[str] = []
    if not isinstance(section, dict):
        raise ResponseConfigError([f"{CONFIG_LABEL}: harus berupa kumpulan kolom giscus: dan kontak:."])
    giscus_raw = section.get("giscus") or {}
    contact = section.get("kontak") or {}
    for key in sorted(set(section) - {"giscus", "kontak"}):
        problems.append(f"{CONFIG_LABEL}: kolom '{key}' tidak dikenal; yang boleh: giscus, kontak.")
    giscus = {k: str(giscus_raw.get(k) or "").strip() for k in GISCUS_FIELDS}
    for key in sorted(set(giscus_raw) - set(GISCUS_FIELDS)):
        problems.append(f"{CONFIG_LABEL}.giscus: kolom '{key}' tidak dikenal; yang boleh: {', '.join(GISCUS_FIELDS)}.")
    filled = [k for k, v in giscus.items() if v]
    if filled and len(filled) < len(GISCUS_FIELDS):
        missing = ", ".join(k for k in GISCUS_FIELDS if not giscus[k])
        problems.append(f"{CONFIG_LABEL}.giscus: isi keempat kolomnya (salin dari giscus.app) atau kosongkan semuanya; "
                        f"yang masih kosong: {missing}.")
    if giscus["repo"] and not re.fullmatch(r"[\w.-]+/[\w.-]+", giscus["repo"]):
        problems.append(f"{CONFIG_LABEL}.giscus.repo: harus berbentuk pemilik/nama-repo, misalnya "
                        f"kelompok-diskusi-bandung/situs; tertulis \"{giscus['repo']}\".")
    whatsapp = str(contact.get("whatsapp") or "").strip()
    email = str(contact.get("email") or "").strip()
    for key in sorted(set(contact) - {"whatsapp", "email"}):
        problems.append(f"{CONFIG_LABEL}.kontak: kolom '{key}' tidak dikenal; yang boleh: whatsapp, email.")
    if whatsapp and not re.fullmatch(r"[1-9]\d{7,14}", whatsapp):
        problems.append(f"{CONFIG_LABEL}.kontak.whatsapp: tulis nomor internasional dengan angka saja, tanpa +, "
                        f"spasi atau 0 di depan (kode negara Indonesia 62), misalnya 6281234567890; tertulis \"{whatsapp}\".")
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        problems.append(f"{CONFIG_LABEL}.kontak.email: alamat e-mail tidak sah; tertulis \"{email}\".")
    if problems:
        raise ResponseConfigError(problems)
    return ResponseSettings(giscus if filled else None, whatsapp, email)


def front_matter_problem(meta: dict, src_label: str) -> str | None:
    value = meta.get(FRONT_MATTER_KEY)
    if value is None or isinstance(value, bool):
        return None
    return (f"{src_label}: {FRONT_MATTER_KEY} di kepala halaman harus true (tanggapan pembaca dibuka) "
            f"atau false (ditutup); tertulis \"{value}\".")


def is_on(meta: dict, src_path: str) -> bool:
    value = meta.get(FRONT_MATTER_KEY)
    if isinstance(value, bool):
        return value
    return src_path.startswith(ON_BY_DEFAULT)


def view(settings: ResponseSettings, meta: dict, src_path: str, title: str, url: str) -> dict | None:
    """What `partials/comments.html` renders for one page, or None when the page offers no response."""
    if not settings.any or not is_on(meta, src_path):
        return None
    message = f"Tanggapan untuk \"{title}\" ({url}): "
    return {
        "giscus": settings.giscus,
        "whatsapp": f"https://wa.me/{settings.whatsapp}?text={quote(message)}" if settings.whatsapp else "",
        "email": (f"mailto:{settings.email}?subject={quote('Tanggapan: ' + title)}&body={quote(message)}"
                  if settings.email else ""),
    }
