"""German news anchoring of time expressions (time.rules.v1)."""
from __future__ import annotations

import datetime as dt

import pytest

from lagebild.extract.timex import TimexTagger
from lagebild.model import Timex

FRIDAY = dt.date(2025, 7, 4)   # a Friday


@pytest.fixture(scope="module")
def de() -> TimexTagger:
    return TimexTagger("de")


def _one(timexes: list[Timex], text: str) -> Timex:
    hits = [t for t in timexes if t.text == text]
    assert len(hits) == 1, f"expected one timex {text!r}, got {[t.text for t in timexes]}"
    return hits[0]


def test_timex_weekday_resolves_backwards_from_publication(de):
    text = "Das Telefonat zwischen Trump und Putin am Donnerstag brachte keine Fortschritte."
    t = _one(de.tag(text, FRIDAY), "Donnerstag")
    assert t.value == "2025-07-03"
    assert t.precision == "day"
    assert t.basis.startswith("weekday before anchor 2025-07-04")
    # a naive forward resolution (ctparse/duckling style: the next Thursday) would be wrong
    naive_forward = FRIDAY + dt.timedelta(days=(3 - FRIDAY.weekday()) % 7 or 7)
    assert naive_forward == dt.date(2025, 7, 10)
    assert t.value != naive_forward.isoformat()


def test_timex_weekday_on_publication_day_is_that_day(de):
    t = _one(de.tag("Am Freitag sagte Selenskyj, ...", FRIDAY), "Freitag")
    assert t.value == "2025-07-04"


def test_timex_weekday_with_future_cue_or_kommenden_points_forward(de):
    timexes = de.tag("Die Außenminister wollen sich am Montag treffen. Am kommenden Donnerstag folgt ein Gipfel.", FRIDAY)
    assert _one(timexes, "Montag").value == "2025-07-07"
    assert _one(timexes, "kommenden Donnerstag").value == "2025-07-10"


def test_timex_explicit_date(de):
    t = _one(de.tag("Am 17. Oktober 2025 trafen sich die Delegationen.", FRIDAY), "17. Oktober 2025")
    assert (t.value, t.precision, t.kind, t.basis) == ("2025-10-17", "day", "date", "explicit")


def test_timex_month_in_the_past_of_the_anchor_year(de):
    t = _one(de.tag("Seit seinem Amtsantritt im Januar telefonierten beide sechsmal.", FRIDAY), "Januar")
    assert (t.value, t.precision) == ("2025-01", "month")


def test_timex_month_after_anchor_falls_back_to_previous_year(de):
    t = _one(de.tag("Im Dezember hatte Kiew neue Hilfe beantragt.", dt.date(2025, 3, 10)), "Dezember")
    assert t.value == "2024-12"


def test_timex_in_dieser_woche_is_the_anchor_week(de):
    t = _one(de.tag("Die USA haben in dieser Woche Lieferungen gestoppt.", FRIDAY), "dieser Woche")
    assert (t.value, t.precision) == ("2025-W27", "week")


def test_timex_vor_5_tagen(de):
    t = _one(de.tag("Der Bericht erschien vor 5 Tagen.", FRIDAY), "vor 5 Tagen")
    assert (t.value, t.precision) == ("2025-06-29", "day")


def test_timex_seit_januar_is_a_start_date(de):
    t = _one(de.tag("Seit Januar verhandeln beide Seiten.", FRIDAY), "Januar")
    assert t.value == "2025-01"
    assert t.basis.startswith("since:")


def test_timex_am_tag_zuvor_counts_from_the_last_named_date(de):
    text = "Am 17. Oktober 2025 traf Selenskyj Trump. Am Tag zuvor hatte Trump mit Putin telefoniert."
    t = _one(de.tag(text, FRIDAY), "Am Tag zuvor")
    assert t.value == "2025-10-16"
    assert "2025-10-17 (narrative anchor)" in t.basis


def test_timex_am_tag_zuvor_without_earlier_date_uses_publication(de):
    t = _one(de.tag("Am Tag zuvor hatte Trump telefoniert.", FRIDAY), "Am Tag zuvor")
    assert t.value == "2025-07-03"
    assert "publication date" in t.basis


def test_timex_stunden_nach_dem_gespraech_takes_the_day_of_the_talk(de):
    text = ("Das Telefonat am Donnerstag brachte nichts. Beide hatten seit Januar sechsmal gesprochen. "
            "Nur Stunden nach dem Gespräch griff Russland Kiew an.")
    t = _one(de.tag(text, FRIDAY), "Nur Stunden nach dem Gespräch")
    assert t.value == "2025-07-03"


def test_timex_seit_mehr_als_drei_jahren_is_a_duration(de):
    t = _one(de.tag("Der Krieg dauert seit mehr als drei Jahren.", FRIDAY), "mehr als drei Jahren")
    assert (t.value, t.kind, t.precision) == ("P3Y", "duration", None)
    assert "since" in t.basis and "mehr als" in t.basis


def test_timex_vor_mehr_als_drei_jahren_is_a_past_year(de):
    t = _one(de.tag("seit Kriegsbeginn vor mehr als drei Jahren", FRIDAY), "vor mehr als drei Jahren")
    assert t.value == "2022"


def test_timex_article_die_is_never_a_date(de):
    text = "Die Ukraine und die USA sprechen über die Lieferung. Der Kreml, die Nato und die EU schweigen."
    timexes = de.tag(text, FRIDAY)
    assert timexes == []


def test_timex_counts_are_not_years(de):
    text = "An der Landung waren 1370 Landungsboote und 5000 Flugzeuge beteiligt; 1944 endete die Besatzung."
    assert [t.text for t in de.tag(text, FRIDAY)] == ["1944"]


def test_timex_heute_and_gestern_news_mode(de):
    timexes = de.tag("Heute berät die Nato, gestern tagte die EU.", FRIDAY)
    assert _one(timexes, "Heute").value == "2025-07-04"
    assert _one(timexes, "gestern").value == "2025-07-03"


def test_timex_nacht_zum_freitag_is_thursday_night(de):
    t = _one(de.tag("In der Nacht zum Freitag griff Russland an.", FRIDAY), "Nacht zum Freitag")
    assert t.value == "2025-07-03TNI"


def test_timex_coarse_anchor_keeps_coarse_values(de):
    timexes = de.tag("Vor 5 Tagen und am Donnerstag", dt.date(2025, 7, 1), anchor_precision="month")
    assert _one(timexes, "Vor 5 Tagen").value == "2025-07"
    assert _one(timexes, "Donnerstag").value is None   # no day-precise anchor: no guessed day


def test_timex_offsets_slice_the_text(de, corpus_files):
    texts = [p.read_text(encoding="utf-8") for p in corpus_files]
    texts.append("Am 1.9.39 um 4 Uhr 45, Mai/Juni 1940, 264–260 v. Chr., Winter 1777/78, heute.")
    seen = 0
    for text in texts:
        for t in de.tag(text, FRIDAY, doc_id="d"):
            assert text[t.start:t.end] == t.text
            assert t.text == t.text.strip()
            seen += 1
    assert seen > 10


def test_timex_narrative_mode_anchors_to_previous_date():
    tagger = TimexTagger("de", mode="narrative")
    text = "Am 1. September 1939 griff Deutschland Polen an. Zwei Tage später erklärten Frankreich und England den Krieg. Heute gilt das als Beginn."
    timexes = tagger.tag(text, dt.date(2011, 2, 16))
    assert _one(timexes, "Zwei Tage später").value == "1939-09-03"
    assert _one(timexes, "Heute").value == "PRESENT_REF"


def test_timex_unknown_mode_is_a_clear_error():
    with pytest.raises(ValueError, match="anchoring mode"):
        TimexTagger("de", mode="future")


def test_timex_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="time.yaml"):
        TimexTagger("xx")
