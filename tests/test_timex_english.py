"""English time expressions, anchored like German news."""
from __future__ import annotations

import datetime as dt

import pytest

from lagebild.extract.timex import TimexTagger

FRIDAY = dt.date(2025, 7, 4)


@pytest.fixture(scope="module")
def en() -> TimexTagger:
    return TimexTagger("en")


def _value(tagger: TimexTagger, text: str, expr: str, anchor: dt.date = FRIDAY) -> str | None:
    hits = [t for t in tagger.tag(text, anchor) if t.text == expr]
    assert len(hits) == 1, f"expected one timex {expr!r}, got {[t.text for t in tagger.tag(text, anchor)]}"
    return hits[0].value


def test_timex_en_on_thursday_resolves_backwards(en):
    assert _value(en, "Trump and Putin spoke on Thursday.", "Thursday") == "2025-07-03"


def test_timex_en_explicit_date(en):
    assert _value(en, "The summit on October 17, 2025 ended early.", "October 17, 2025") == "2025-10-17"
    assert _value(en, "It began on 24 February 2022.", "24 February 2022") == "2022-02-24"


def test_timex_en_last_week_and_ago(en):
    assert _value(en, "Last week, Kyiv asked for more air defence.", "Last week") == "2025-W26"
    assert _value(en, "The report came out 5 days ago.", "5 days ago") == "2025-06-29"


def test_timex_en_day_before_counts_from_the_named_date(en):
    text = "Zelensky met Trump on October 17, 2025. The day before, Trump had called Putin."
    assert _value(en, text, "The day before") == "2025-10-16"


def test_timex_en_may_the_verb_is_not_a_month(en):
    assert [t.text for t in en.tag("Russia may attack, and the talks may fail.", FRIDAY)] == []


def test_timex_en_duration(en):
    hits = [t for t in en.tag("The war has lasted for more than three years.", FRIDAY)]
    assert [(t.text, t.value, t.kind) for t in hits] == [("more than three years", "P3Y", "duration")]


def test_timex_en_offsets_slice_the_text(en):
    text = ("On Thursday, July 3, the talks failed. Two days later, at 4:45 p.m., drones hit Kyiv; "
            "since January 2025 and for the past several weeks, the 1990s, mid-October, yesterday.")
    timexes = en.tag(text, FRIDAY)
    assert len(timexes) >= 6
    for t in timexes:
        assert text[t.start:t.end] == t.text
