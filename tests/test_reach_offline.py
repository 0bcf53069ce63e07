"""A copy of the project, built twice with `mkdocs build --strict` and every network connection
refused: the preview cards are drawn offline, cached, and redrawn only when what they show
changes; a large photo is resized; the calendar's UIDs stay the same across builds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from PIL import Image

from kda.outputs.pdf import PDF_DIR, PDF_PAGES

from conftest import BUILD_DATE, copy_project

pytestmark = pytest.mark.build

# Loaded by Python at start-up (PYTHONPATH): every attempt to open a connection or resolve a
# name is logged and refused, so a build that needs the network fails here.
NO_NETWORK = '''
import os, socket
_log = os.environ["KDA_NETWORK_LOG"]
def _refuse(*args, **kwargs):
    with open(_log, "a") as log:
        log.write(repr(args[:2]) + "\\n")
    raise OSError("network disabled by the test")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def offline_build(project: Path, tmp: Path, pdf: bool = True) -> tuple[subprocess.CompletedProcess, list[str]]:
    guard = tmp / "no-network"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    log = tmp / "network.log"
    log.write_text("", encoding="utf-8")
    env = dict(os.environ, KDA_TODAY=BUILD_DATE, NO_MKDOCS_2_WARNING="1", KDA_NETWORK_LOG=str(log),
               PYTHONPATH=os.pathsep.join([str(guard), os.environ.get("PYTHONPATH", "")]))
    if not pdf:
        env["KDA_TANPA_PDF"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(project / "site")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    return result, log.read_text(encoding="utf-8").splitlines()


def add_photo(project: Path) -> None:
    photo = Image.effect_noise((3000, 2000), 60).convert("RGB")  # a phone-sized test image
    photo.save(project / "docs" / "pertemuan" / "foto-uji.jpg", quality=95)
    note = project / "docs" / "pertemuan" / "02-perlindungan-anak.md"
    note.write_text(note.read_text(encoding="utf-8") + "\n![Foto uji](foto-uji.jpg)\n", encoding="utf-8")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Two offline builds of a copy, the PDFs printed in the first: the second after meeting 2's theme changed."""
    tmp = tmp_path_factory.mktemp("offline")
    project = copy_project(tmp / "project")
    add_photo(project)
    first, first_log = offline_build(project, tmp)
    assert first.returncode == 0, first.stderr
    cache = project / ".cache" / "pratinjau"
    before = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")}
    first_ics = (project / "site" / "jadwal.ics").read_bytes()
    printed = {name: (project / "site" / PDF_DIR / name).read_bytes()[:5] for name in PDF_PAGES.values()}

    data = project / "data" / "pertemuan.yml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "tema: Perlindungan anak dan permasalahan anak", "tema: Perlindungan anak (tema diubah)"), encoding="utf-8")
    second, second_log = offline_build(project, tmp, pdf=False)  # the first printed the PDFs offline
    assert second.returncode == 0, second.stderr
    after = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")}
    return {"project": project, "site": project / "site", "before": before, "after": after, "first_ics": first_ics,
                "logs": first_log + second_log, "stderr": first.stderr + second.stderr, "printed": printed}


def test_build_needs_no_network(builds):
    assert builds["logs"] == []
    assert set(builds["printed"].values()) == {b"%PDF-"}  # the PDFs were printed, offline too
    assert "Traceback" not in builds["stderr"]


def test_cards_are_redrawn_only_when_their_page_changes(builds):
    before, after = builds["before"], builds["after"]
    assert len(before) >= 16
    new = set(after) - set(before)
    assert len(new) == 1  # only meeting 2's note shows its theme
    assert all(after[name] == mtime for name, mtime in before.items())  # the others were not redrawn
    note = BeautifulSoup((builds["site"] / "pertemuan/02-perlindungan-anak/index.html").read_text(encoding="utf-8"), "lxml")
    image = note.find("meta", property="og:image")["content"]
    assert image.split(".")[-2] + ".png" in new


def test_calendar_uids_are_stable_across_builds(builds):
    def uids(raw: bytes) -> list[str]:
        return [str(e["uid"]) for e in Calendar.from_ical(raw).walk("VEVENT")]

    second = (builds["site"] / "jadwal.ics").read_bytes()
    assert uids(builds["first_ics"]) == uids(second)
    assert len(uids(second)) == 2  # the example group's two dated meetings (tests/fixture/)



def test_content_photos_are_resized_and_compressed(builds):
    source = builds["project"] / "docs" / "pertemuan" / "foto-uji.jpg"
    built = builds["site"] / "pertemuan" / "foto-uji.jpg"
    with Image.open(built) as image:
        assert image.width == 1280
        assert image.height == round(2000 * 1280 / 3000)
    assert built.stat().st_size < source.stat().st_size / 3
    assert (source.stat().st_size, Image.open(source).size) == (source.stat().st_size, (3000, 2000))  # docs/ untouched
