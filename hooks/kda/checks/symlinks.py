"""No symbolic link under docs/, data/ or the build's caches: what is published comes from the repository.

MkDocs reads a symlink's target as if it were the file (and walks a linked folder): a link
`docs/materi/lingkungan.pdf -> /proc/self/environ` publishes the build's environment,
`-> /etc/passwd` or `-> ../../.git/config` a file of the build machine or of the repository that
no check reads, and a link in `data/` or `docs/.templates/` puts a file's content into a page or an
error message. Git stores a symlink as a path, so a pull request can add one. Every symlink is
refused, wherever it points (inside the project or not, existing or not), before anything is read.

Pure Python (no MkDocs): the build calls it from `on_config`, scripts/periksa.py without a build.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

FOLDERS = ("docs", "data")  # what writers and organisers edit; the build adds its cache folder


def symlink_problems(root: Path, folders: Iterable[str] = FOLDERS) -> list[str]:
    """One Indonesian message per symlink under each folder of `root` (the folders themselves may be links)."""
    problems = []
    for folder in folders:
        base = root / folder
        if not base.is_dir():
            continue
        for directory, subfolders, files in os.walk(base):  # does not descend into linked folders
            for name in sorted(subfolders + files):
                path = Path(directory) / name
                if path.is_symlink():
                    problems.append(_message(path, root))
    return sorted(problems)


def _message(path: Path, root: Path) -> str:
    label = Path(os.path.relpath(path, root)).as_posix()
    target = os.readlink(path)
    kind = "folder" if path.is_dir() else "berkas"
    return (f"{label}: ini tautan simbolik (symlink) ke \"{target}\", bukan {kind} biasa. Situs hanya menerbitkan "
            "berkas yang benar-benar ada di repositori: tautan bisa menerbitkan berkas mana pun dari komputer yang "
            f"membangun situs. Hapus tautannya, lalu simpan salinan {kind} yang dimaksud di tempat itu.")
