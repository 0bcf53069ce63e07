"""What keeps a warm build cheap: journal charts read from the disk cache without
drawing, one time-zone definition reused by every calendar, identical output either way."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from kda.model.agenda import Agenda
from kda.model.data import load_site_data
from kda.model.journal import Journal
from kda.outputs import calendar as calendar_output
from kda.outputs import charts

from fixture_jurnal import BUILD_DATE as JOURNAL_DATE
from fixture_jurnal import make_journal_project


@pytest.fixture(scope="module")
def journal(tmp_path_factory) -> Journal:
    """The example journal (charts are drawn only from recorded figures, and the real site has none yet)."""
    project = make_journal_project(tmp_path_factory.mktemp("jurnal-cache") / "project")
    data = load_site_data(project / "data", project / "docs", label_root=project)
    return Journal(Agenda(data, dt.date.fromisoformat(JOURNAL_DATE)))


def test_charts_come_from_the_cache_without_drawing(journal, tmp_path, monkeypatch):
    drawn = charts.build_charts(journal, tmp_path)
    assert drawn and len(list(tmp_path.glob("*.json"))) == len(drawn)

    def no_drawing(spec):
        raise AssertionError("drawn again although cached")

    monkeypatch.setattr(charts, "render", no_drawing)
    assert charts.build_charts(journal, tmp_path) == drawn


def test_changed_data_is_drawn_again(journal, tmp_path):
    charts.build_charts(journal, tmp_path)
    spec = charts.AttendanceSpec((("1", 8),), 7, 11)
    assert charts.spec_key(spec) != charts.spec_key(charts.AttendanceSpec((("1", 9),), 7, 11))
    before = len(list(tmp_path.glob("*.json")))
    charts.cached_render(spec, tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == before + 1


def _calendar(hour: int) -> Calendar:
    calendar, event = Calendar(), Event()
    event.add("dtstart", dt.datetime(2014, 1, 16, hour, tzinfo=ZoneInfo("Asia/Jakarta")))
    calendar.add_component(event)
    return calendar


def test_shared_time_zone_gives_what_icalendar_gives():
    theirs, ours, again = _calendar(13), _calendar(13), _calendar(9)
    theirs.add_missing_timezones()
    calendar_output._add_timezones(ours)
    calendar_output._add_timezones(again)
    assert ours.to_ical() == theirs.to_ical()
    assert b"BEGIN:VTIMEZONE" in again.to_ical() and again.get_missing_tzids() == set()


def test_a_build_leaves_the_themes_templates_compiled_for_the_next(example_site):
    """The theme's environment kept what it compiled (kda.views.compiled): the next build in this
    process (mkdocs serve, the tests' builds) does not compile Material's templates again."""
    from pathlib import Path

    import material

    from kda.views import compiled

    base = Path(material.__file__).parent / "templates" / "base.html"
    assert compiled.THEME.get_cache_key("base.html", str(base)) in compiled.THEME


@pytest.mark.build
def test_a_copy_started_with_warm_caches_publishes_what_a_cold_one_does(tmp_path):
    """kda.tooling.project.seed_caches: the caches a copy starts with change nothing it publishes."""
    import time

    from conftest import build_site, copy_project, environment

    with environment(KDA_TANPA_PDF="1"):  # the session's seed for this content exists from here on
        build_site(copy_project(tmp_path / "pertama"), tmp_path / "pertama" / "site")
    sites, started = [], {}
    for warm in (True, False):
        project = copy_project(tmp_path / f"salinan-{warm}", warm=warm)
        started[warm] = time.time() - 1  # file times are coarser than the clock on some systems
        with environment(KDA_TANPA_PDF="1"):
            sites.append(build_site(project, project / "site"))
    cached = [p for p in (tmp_path / "salinan-True" / ".cache").rglob("*.png") if p.stat().st_mtime < started[True]]
    assert cached, "the warm copy drew every card and chart again"
    files = [{p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
             for site in sites]
    assert files[0].keys() == files[1].keys()
    assert [name for name in files[0] if files[0][name] != files[1][name]] == []
