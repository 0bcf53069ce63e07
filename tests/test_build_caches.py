"""What keeps a warm build cheap: journal charts read from the disk cache without
drawing, one time-zone definition reused by every calendar, identical output either way."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from kda.model.data import Agenda, load_site_data
from kda.model.journal import Journal
from kda.outputs import calendar as calendar_output
from kda.outputs import charts

from conftest import BUILD_DATE, ROOT


@pytest.fixture(scope="module")
def journal() -> Journal:
    data = load_site_data(ROOT / "data", ROOT / "docs", label_root=ROOT)
    return Journal(Agenda(data, dt.date.fromisoformat(BUILD_DATE)))


def test_charts_come_from_the_cache_without_drawing(journal, tmp_path, monkeypatch):
    drawn = charts.build_charts(journal, tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 3

    def no_drawing(spec):
        raise AssertionError("drawn again although cached")

    monkeypatch.setattr(charts, "render", no_drawing)
    assert charts.build_charts(journal, tmp_path) == drawn


def test_changed_data_is_drawn_again(journal, tmp_path):
    charts.build_charts(journal, tmp_path)
    spec = charts.AttendanceSpec((("1", 8),), 7, 11)
    assert charts.spec_key(spec) != charts.spec_key(charts.AttendanceSpec((("1", 9),), 7, 11))
    charts.cached_render(spec, tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 4


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
