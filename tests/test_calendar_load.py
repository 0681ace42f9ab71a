"""The event calendar: bundled data, user files and their validation errors."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lagebild.kb import load_calendar
from lagebild.kb.calendar import CalendarError, CalendarMatcher, read_calendar_file
from lagebild.model import EVENT_TYPES

GOOD_EVENT = """\
events:
- id: 2030-01-15-merz-putin-test-call
  date: 2030-01-15
  type: CONSULT
  mode: phone
  participants: [person:friedrich-merz, person:vladimir-putin]
  keywords: {de: [Probelauf]}
  certainty: medium
  note: made-up entry for a test
"""


def _write(tmp_path: Path, text: str, name: str = "my-events.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_calendar_bundled_entries_are_valid_and_sourced():
    cal = load_calendar()
    assert len(cal) >= 50
    for ev in cal:
        assert ev.type in EVENT_TYPES or ev.type == "OTHER"
        assert ev.note and ev.certainty in ("high", "medium")
        assert ev.participants or ev.names
    # the 2025 Trump–Putin calls: numbered in date order, no number twice
    calls = [ev for ev in cal if ev.series == "trump-putin-calls-2025" and ev.ordinal]
    assert [ev.ordinal for ev in calls] == list(range(1, len(calls) + 1))
    assert all(ev.day is not None for ev in calls)


def test_calendar_series_next_and_rank():
    cal = load_calendar()
    third = next(ev for ev in cal if ev.series == "trump-putin-calls-2025" and ev.ordinal == 3)
    nxt = cal.next_in_series(third)
    assert nxt is not None and nxt.ordinal == 4 and nxt.first_day > third.first_day
    assert cal.rank(third) == 3


def test_calendar_user_file_adds_events_and_is_matched(tmp_path):
    path = _write(tmp_path, GOOD_EVENT)
    cal = load_calendar([path])
    assert len(cal) == len(load_calendar()) + 1
    ev = cal.get("2030-01-15-merz-putin-test-call")
    assert ev is not None and ev.day == dt.date(2030, 1, 15)
    refs = CalendarMatcher("de", cal).references("Das Telefonat zwischen Merz und Putin am Dienstag war ein Probelauf.")
    assert [(r.event, r.lo, r.hi) for r in refs] == [
        ("2030-01-15-merz-putin-test-call", dt.date(2030, 1, 15), dt.date(2030, 1, 21))]


def test_calendar_user_file_overrides_by_id(tmp_path):
    path = _write(tmp_path, GOOD_EVENT.replace("certainty: medium", "certainty: high"))
    first = load_calendar([path]).get("2030-01-15-merz-putin-test-call")
    assert first is not None and first.certainty == "high"


@pytest.mark.parametrize("change, message", [
    (("note: made-up entry for a test", "note: x\n  colour: red"), "events[0] (2030-01-15-merz-putin-test-call).colour: unknown field"),
    (("date: 2030-01-15", "date: 15.01.2030"), "date must be ISO"),
    (("date: 2030-01-15", "date: 2030-02-30"), "not a calendar date"),
    (("mode: phone", "mode: carrier pigeon"), "a CONSULT needs mode"),
    (("type: CONSULT", "type: MEETING"), "type must be a PLOVER type"),
    (("person:friedrich-merz", "Friedrich Merz"), "participants are KB actor ids"),
    (("  certainty: medium\n", ""), "certainty: required field is missing"),
    (("  participants: [person:friedrich-merz, person:vladimir-putin]\n", "  participants: []\n  ordinal: 2\n"),
     "an ordinal needs a series"),
])
def test_calendar_bad_user_file_names_entry_and_field(tmp_path, change, message):
    path = _write(tmp_path, GOOD_EVENT.replace(*change))
    with pytest.raises(CalendarError) as err:
        load_calendar([path])
    assert "my-events.yaml: " in str(err.value)
    assert message in str(err.value)


def test_calendar_unknown_actor_is_an_error(tmp_path):
    path = _write(tmp_path, GOOD_EVENT.replace("person:friedrich-merz", "person:nobody-known"))
    with pytest.raises(CalendarError, match=r"unknown actor id\(s\) \['person:nobody-known'\]"):
        load_calendar([path])


def test_calendar_file_errors_missing_not_yaml_not_mapping(tmp_path):
    with pytest.raises(CalendarError, match="calendar file not found"):
        read_calendar_file(tmp_path / "nope.yaml")
    with pytest.raises(CalendarError, match="not valid YAML"):
        read_calendar_file(_write(tmp_path, "events: [\n  - {id: x", "broken.yaml"))
    with pytest.raises(CalendarError, match="must be a mapping with a list 'events'"):
        read_calendar_file(_write(tmp_path, "- just a list\n", "list.yaml"))
    twice = GOOD_EVENT + GOOD_EVENT.split("events:\n", 1)[1]
    with pytest.raises(CalendarError, match="id used twice"):
        read_calendar_file(_write(tmp_path, twice, "twice.yaml"))
