"""Publication-date estimation, the extractor stage and event dating."""
from __future__ import annotations

import datetime as dt

from lagebild.extract.base import Context
from lagebild.extract.timex import TimexExtractor, TimexTagger, date_for_span, estimate_publication_date
from lagebild.model import DateValue, Document, Extraction, ParsedDoc, Sentence

TEXT = ("Am 17. Oktober 2025 traf Selenskyj Trump im Weißen Haus. Am Tag zuvor hatte Trump mit Putin "
        "telefoniert. Am Samstag sagte Selenskyj, er sei enttäuscht. Ein Gipfel soll am 20. Dezember 2025 folgen.")


def test_timex_estimate_uses_latest_explicit_date_and_later_weekday():
    est = estimate_publication_date(TEXT, "de")
    assert est is not None
    # 17 Oct 2025 is a Friday; "am Samstag" after it moves the estimate to the 18th.
    # The announced summit ("soll am 20. Dezember") is not evidence of the writing date.
    assert (est.value, est.precision) == ("2025-10-18", "day")
    assert est.basis.startswith("estimated")


def test_timex_estimate_relative_hint_alone_cannot_date():
    assert estimate_publication_date("Kein Datum hier.", "de", {"relative_published": "vor 5 Tagen"}) is None


def test_timex_estimate_relative_hint_with_retrieval_date():
    est = estimate_publication_date("Kein Datum hier.", "de",
                                    {"relative_published": "vor 5 Tagen", "retrieved": "2025-07-09"})
    assert est is not None and est.value == "2025-07-04" and est.basis.startswith("estimated")


def test_timex_estimate_from_url():
    est = estimate_publication_date("Text", "de", {"url": "https://example.org/2025/07/04/ukraine-telefonat"})
    assert est is not None and (est.value, est.precision) == ("2025-07-04", "day")


def test_timex_estimate_year_only():
    est = estimate_publication_date("Im Jahr 2022 begann der Krieg.", "de")
    assert est is not None and (est.value, est.precision) == ("2022", "year")


def _parsed(text: str, published: DateValue | None) -> ParsedDoc:
    doc = Document(id="doc1", source="test", text=text, language="de", published=published)
    sents, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        sents.append(Sentence(start, end, text[start:end]))
        start = end + 1
    return ParsedDoc(doc=doc, sents=sents)


def test_timex_extractor_anchors_at_published():
    parsed = _parsed("Das Telefonat am Donnerstag brachte nichts.", DateValue("2025-07-04", "day"))
    ex = Extraction()
    TimexExtractor()(parsed, ex, Context())
    assert [(t.text, t.value, t.doc) for t in ex.timexes] == [("Donnerstag", "2025-07-03", "doc1")]
    assert TimexExtractor.name == "time.rules.v1"


def test_timex_extractor_estimates_missing_published_and_feeds_it_back():
    parsed = _parsed(TEXT, None)
    ex = Extraction()
    TimexExtractor()(parsed, ex, Context())
    assert parsed.doc.published is not None
    assert parsed.doc.published.basis.startswith("estimated")
    samstag = next(t for t in ex.timexes if t.text == "Samstag")
    assert samstag.value == "2025-10-18"   # resolved against the estimate


def test_timex_date_for_span_picks_the_date_in_the_sentence():
    text = "Am Tag zuvor sprach Trump. Am 17. Oktober 2025 traf Selenskyj Trump, seit mehr als drei Jahren dauert der Krieg."
    timexes = TimexTagger("de").tag(text, dt.date(2025, 10, 18), doc_id="d")
    second = text.index("Am 17.")
    dv = date_for_span(timexes, second, len(text))
    assert dv is not None
    assert (dv.value, dv.precision, dv.text, dv.basis) == ("2025-10-17", "day", "17. Oktober 2025", "explicit")
    assert date_for_span(timexes, text.index("seit"), len(text)) is None   # a duration dates nothing


def test_timex_date_for_span_week_becomes_a_week_start():
    text = "Die USA haben in dieser Woche Lieferungen gestoppt."
    dv = date_for_span(TimexTagger("de").tag(text, dt.date(2025, 7, 4)), 0, len(text))
    assert dv is not None and (dv.value, dv.precision) == ("2025-06-30", "week")
