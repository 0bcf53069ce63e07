"""The season of routine edits (tests/season.py) follows the README and leaves every check green.

CI runs the whole suite on a season copy (.ci/run); these tests keep the season itself honest:
each edit quotes a row of the README's table, the rows a writer or organiser performs all have
an edit, and the edited copy passes the writers' checker and the strict build.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import season

from conftest import ROOT, build_site

# Rows of "Where each kind of change goes" that are a maintainer's work, not a writer's or the
# organiser's routine (they change the machinery; the suite itself tests those on the example group).
MAINTAINERS_ROWS = (
    "change the allowed article categories", "change how the schedule, topic index or headers look",
    "allow one reviewed public contact", "change the link-preview cards", "change what search must find",
    "change how search looks or ranks", "change the site's addresses", "move or rename a published page",
    "change how the site is checked or published", "turn reader responses on", "a style or script that one",
    "change how pages print",
)


def readme_rows() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Where each kind of change goes", 1)[1].split("\n## ", 1)[0]
    return [line for line in table.splitlines() if line.startswith("| ") and not line.startswith(("| I want", "| ---"))]


def quoted_rows() -> dict[str, str]:
    return {row.strip(): edit.__name__ for edit in season.EDITS
            for row in (edit.__doc__ or "").splitlines() if row.strip().startswith("| ")}


def test_each_edit_quotes_a_row_of_the_readme_word_for_word():
    rows = readme_rows()
    for row, edit in quoted_rows().items():
        assert row in rows, f"{edit}: its row is no longer in the README's table; quote the row as it is now:\n{row}"


def test_every_writers_and_organisers_row_has_an_edit():
    quoted = quoted_rows()
    missing = [row for row in readme_rows() if row not in quoted and not row.removeprefix("| ").startswith(MAINTAINERS_ROWS)]
    assert not missing, "rows with no edit in tests/season.py (add one, or list it in MAINTAINERS_ROWS):\n" + "\n".join(missing)


@pytest.fixture(scope="module")
def season_copy(tmp_path_factory):
    if season.MEMBER in (ROOT / "data" / "anggota.yml").read_text(encoding="utf-8"):
        pytest.skip("this checkout is a season copy already (the season lane): its own checks are the suite itself")
    return season.apply(season.copy_checkout(tmp_path_factory.mktemp("musim")))


def test_the_writers_checker_finds_nothing_after_the_season(season_copy):
    result = subprocess.run([sys.executable, "scripts/periksa.py", "--semua"], cwd=season_copy,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.build
def test_the_season_builds_strictly_and_shows_every_edit(season_copy, monkeypatch):
    monkeypatch.setenv("KDA_TANPA_PDF", "1")
    site = build_site(season_copy, season_copy / "site")
    schedule = (site / "jadwal" / "index.html").read_text(encoding="utf-8")
    assert "Tahap perkembangan anak" in schedule and "FKPS" in schedule
    note = (site / "pertemuan" / "03-tahap-perkembangan-anak" / "index.html").read_text(encoding="utf-8")
    assert "Rina Contoh" in note and "papan-tulis" in note
    assert (site / "materi" / f"{season.MATERIAL}.pdf").is_file()
    assert (site / "materi" / f"{season.UPLOADED}.pdf").is_file()
    articles = (site / "artikel" / "index.html").read_text(encoding="utf-8")
    assert "Kunjungan rumah yang pertama" in articles
    assert re.search(r"Rina Contoh", (site / "anggota" / "index.html").read_text(encoding="utf-8"))


# The modules the selection's check looks at, one of each kind (collecting them all took 9 s).
SELECTION_MODULES = tuple(f"tests/{name}.py" for name in (
    "test_site", "test_privacy", "test_dates", "test_model", "test_safety_caches", "test_script_messages",
    "test_reading_order", "browser/test_reading", "browser/test_phone_width", "browser/test_phone_reading"))


def collected(*modules: str, **environment) -> tuple[set[str], set[str], str]:
    """The tests pytest collects in `modules` (without their parameters), its cases (with them), and its summary line."""
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *modules],
                            cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, **environment})
    cases = {line for line in result.stdout.splitlines() if "::" in line}
    return {case.split("[")[0] for case in cases}, cases, result.stdout.splitlines()[-1]


def test_the_season_lane_keeps_the_tests_that_see_the_real_content():
    season_lane, cases, summary = collected(*SELECTION_MODULES, KDA_MUSIM="1")
    kept, everything, left_out = map(int, re.fullmatch(r"(\d+)/(\d+) tests collected \((\d+) deselected\) in .*", summary).groups())
    assert 0 < kept < everything and kept + left_out == everything
    assert "tests/test_site.py::test_schedule_has_every_meeting_in_the_order_a_reader_looks_for_them" in season_lane  # the real site
    assert "tests/test_privacy.py::test_the_sites_own_pages_have_no_finding" in season_lane  # parametrized over docs/
    assert "tests/test_dates.py::test_each_meeting_has_the_status_of_that_day" in season_lane  # a copy of the real project
    assert "tests/test_model.py::test_valid_data_loads_with_times_parsed_in_both_notations" not in season_lane  # inline data
    assert not any(t.startswith("tests/test_safety_caches.py::") for t in season_lane)  # the example group only
    assert "tests/test_script_messages.py::test_the_help_is_indonesian" in season_lane  # through a helper run in ROOT
    # a module that reads the real data for some tests: its tests of the full-season example do not
    assert "tests/test_reading_order.py::test_home_says_hari_ini_on_the_meeting_day" not in season_lane
    assert "tests/browser/test_reading.py::test_screenshots_of_each_page_type" not in season_lane  # files nobody looks at
    # a case whose parameter names the real site's fixture (fetched with getfixturevalue), not its example case
    assert "tests/browser/test_phone_width.py::test_every_page_fits_a_phone[site]" in cases
    assert "tests/browser/test_phone_width.py::test_every_page_fits_a_phone[example_site]" not in cases
    reading = {c for c in cases if c.startswith("tests/browser/test_phone_reading.py::test_no_rendered_text_under_12_px[")}
    assert reading and all("[nyata-" in c for c in reading)  # the full-season copy is the example group's


REAL_MODULE = '''"""A test module of the selection's own test."""
from conftest import ROOT, load

DATA = load(ROOT / "data")
MEETINGS = [m for m in DATA]
EXAMPLE = load("tests/fixture/data")


def helper():
    return MEETINGS[0]


def unrelated():
    return EXAMPLE
'''


def test_the_selection_follows_a_name_through_constants_and_helpers(tmp_path):
    from conftest import real_names

    (tmp_path / "nyata.py").write_text(REAL_MODULE, encoding="utf-8")
    (tmp_path / "pemakai.py").write_text("from .nyata import helper, unrelated\n\nUSED = helper()\nOTHER = unrelated()\n",
                                         encoding="utf-8")
    (tmp_path / "seluruh.py").write_text("from .nyata import MEETINGS\n\nfor meeting in MEETINGS:\n    pass\n",
                                         encoding="utf-8")
    real = real_names(tmp_path / "nyata.py")
    assert real.names == {"DATA", "MEETINGS", "helper"} and not real.whole
    assert real_names(tmp_path / "pemakai.py").names == {"helper", "USED"}
    assert real_names(tmp_path / "seluruh.py").whole  # a statement of its own reads the real data: every test
