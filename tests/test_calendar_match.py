"""Matching sentences to calendar events and the publication window they imply."""
from __future__ import annotations

import datetime as dt

import pytest

from lagebild.extract.base import Context
from lagebild.extract.timex import TimexExtractor, estimate_publication_date
from lagebild.kb.calendar import CalendarMatcher, split_sentences
from lagebild.model import Document, Extraction, ParsedDoc, Sentence

D = dt.date
TUESDAY = "Das Telefonat zwischen Trump und Putin am Dienstag brachte eine Pause bei Angriffen auf die Energieinfrastruktur."


def _refs(text: str, lang: str = "de") -> list[tuple[str, D, D | None]]:
    return [(r.event, r.lo, r.hi) for r in CalendarMatcher(lang).references(text)]


@pytest.mark.parametrize("lang, text, expected", [
    # the Tuesday call about energy infrastructure: published on that Tuesday or within six days
    ("de", TUESDAY, ("2025-03-18-trump-putin-call", D(2025, 3, 18), D(2025, 3, 24))),
    # an event name alone is enough; the weekday still has to fit
    ("de", "Seit dem Alaska-Gipfel am Freitag ist wenig passiert.",
     ("2025-08-15-alaska-summit", D(2025, 8, 15), D(2025, 8, 21))),
    # ordinal + weekday in English: the third call (a Monday)
    ("en", "Trump and Putin spoke by phone on Monday, their third call since January.",
     ("2025-05-19-trump-putin-call", D(2025, 5, 19), D(2025, 5, 25))),
    # "vergangenen Donnerstag" is strictly before the writing date: 1 to 7 days after
    ("de", "Putin und Trump hatten am vergangenen Donnerstag ihr achtes Telefonat geführt.",
     ("2025-10-16-trump-putin-call", D(2025, 10, 17), D(2025, 10, 23))),
    # "gestern" pins the day
    ("de", "Gestern sprachen Witkoff und Putin bei einem Treffen in St. Petersburg.",
     ("2025-04-11-witkoff-putin-st-petersburg", D(2025, 4, 12), D(2025, 4, 12))),
])
def test_calendar_match_finds_exactly_one_event(lang, text, expected):
    assert _refs(text, lang) == [expected]


def test_calendar_match_anaphor_and_ordinal_settle_an_ambiguous_weekday():
    # Thursday alone fits two calls (3 July and 16 October 2025); "ihr sechstes" fits one,
    # and "die beiden Präsidenten" takes its participants from the sentence before.
    text = ("Das jüngste Telefonat zwischen Trump und Putin am Donnerstag brachte nichts. "
            "Die beiden Präsidenten hatten am Donnerstag ihr sechstes Telefonat geführt.")
    refs = CalendarMatcher("de").references(text, doc_id="d1")
    assert {r.event for r in refs} == {"2025-07-03-trump-putin-call"}
    assert len(refs) == 2 and any("same-day group" in r.how for r in refs)
    second = refs[-1]
    assert second.evidence.doc == "d1" and text[second.evidence.start:second.evidence.end] == second.evidence.text


def test_calendar_match_latest_bounds_by_the_next_event_of_the_series():
    refs = CalendarMatcher("de").references("Das jüngste, dritte Telefonat zwischen Trump und Putin brachte nichts.")
    # published after the third call and no later than the fourth (2025-06-04)
    assert [(r.event, r.lo, r.hi) for r in refs] == [("2025-05-19-trump-putin-call", D(2025, 5, 19), D(2025, 6, 4))]


@pytest.mark.parametrize("lang, text", [
    ("de", "Das Telefonat zwischen Trump und Putin am Freitag brachte nichts."),          # no call on a Friday
    # one listed Tuesday call, but a weekday alone cannot exclude calls the calendar lacks
    ("de", "Das Telefonat zwischen Trump und Putin am Dienstag brachte eine Waffenruhe."),
    ("de", "Olaf Scholz hat nicht mit Wladimir Putin telefoniert."),                      # negated
    ("de", "Trump und Putin hatten am Sonntag ihr neuntes Telefonat."),                   # beyond the known count
    ("de", "Das Telefonat mit Putin am Dienstag brachte eine Waffenruhe."),              # Trump not named
    ("de", "Trump will am Dienstag ein Telefonat mit Putin führen."),                     # future
    ("de", "Ein Telefonat zwischen Trump und Putin am Dienstag wäre ein Erfolg."),        # hypothetical
    ("de", "Das Telefonat zwischen Trump und Putin am Donnerstag brachte nichts."),      # two Thursday calls
    ("de", "Für Russland wäre ein solches Gespräch ein Erfolg: Ein Draht vor einem Treffen mit Selenskyj stärkt Putin."),
    ("en", "Trump will hold a phone call with Putin on Tuesday."),                          # future
    ("en", "The call between Trump and Putin on Thursday brought no progress."),            # ambiguous
    ("de", "Die Telefonate zwischen Trump und Putin brachten nichts."),                    # plural: many calls
])
def test_calendar_match_rejects_wrong_weekday_missing_participant_future_and_ambiguous(lang, text):
    assert _refs(text, lang) == []


def test_calendar_match_first_since_is_not_a_series_ordinal():
    # "erstes Telefonat seit ..." is a first in a while, so it must not pick the series' first call
    assert _refs("Trump und Putin hatten ihr erstes Telefonat seit Wochen am Montag.") == []


def test_calendar_estimate_week_window_and_basis():
    est = estimate_publication_date(TUESDAY, "de")
    assert est is not None and (est.value, est.precision) == ("2025-03-18", "week")
    assert est.basis.startswith("estimated: known event '2025-03-18-trump-putin-call' (2025-03-18) referred to as 'Dienstag'")
    assert "published 2025-03-18..2025-03-24" in est.basis


def test_calendar_estimate_conflicting_references_give_up():
    text = TUESDAY + " Der Alaska-Gipfel am Freitag brachte nichts."
    assert CalendarMatcher("de").estimate(text) is None
    assert estimate_publication_date(text, "de") is None


def test_calendar_estimate_explicit_day_keeps_the_existing_estimate():
    text = "Am 17. Oktober 2025 traf Selenskyj Trump. Das Telefonat zwischen Trump und Putin am Dienstag brachte nichts."
    est = estimate_publication_date(text, "de")
    assert est is not None and est.basis.startswith("estimated: latest explicit day")


def test_calendar_estimate_open_window_beats_an_older_explicit_year_only():
    text = "Im Jahr 2022 begann der Krieg. Seit dem Alaska-Gipfel ist wenig passiert."
    est = estimate_publication_date(text, "de")
    assert est is not None and (est.value, est.precision) == ("2025", "range")
    assert "on or after 2025-08-15" in est.basis
    # without the calendar the same text is dated by its latest year
    old = estimate_publication_date(text, "de", use_calendar=False)
    assert old is not None and old.value == "2022"
    # an open window inside the fallback's period adds nothing
    same = estimate_publication_date("Im August 2025 tagten viele. Seit dem Alaska-Gipfel ist wenig passiert.", "de")
    assert same is not None and same.basis.startswith("estimated: latest explicit month")


def test_calendar_estimate_feeds_relative_dates_in_the_extractor():
    text = TUESDAY + " Gestern reagierte Kiew."
    doc = Document(id="d", source="test", text=text, language="de")
    parsed = ParsedDoc(doc=doc, sents=[Sentence(s, e, text[s:e]) for s, e in split_sentences(text)])
    ex = Extraction()
    TimexExtractor()(parsed, ex, Context())
    assert doc.published is not None and doc.published.basis.startswith("estimated: known event")
    assert next(t for t in ex.timexes if t.text == "Dienstag").value == "2025-03-18"
