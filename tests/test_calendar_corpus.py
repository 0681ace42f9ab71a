"""The calendar on the reference corpus: undated articles get an honest window."""
from __future__ import annotations

import datetime as dt

from lagebild.extract.base import Context
from lagebild.extract.timex import TimexExtractor, estimate_publication_date
from lagebild.kb.calendar import CalendarMatcher, split_sentences
from lagebild.model import Document, Extraction, ParsedDoc, Sentence
from lagebild.paths import CORPUS_DIR


def _parsed(name: str) -> ParsedDoc:
    text = (CORPUS_DIR / name).read_text(encoding="utf-8")
    doc = Document(id=name, source=name, text=text, language="de")
    return ParsedDoc(doc=doc, sents=[Sentence(s, e, text[s:e]) for s, e in split_sentences(text)])


def _gold_window(gold: dict, name: str) -> tuple[dt.date, dt.date] | None:
    window = gold["docs"].get(name, {}).get("published_window")
    return (dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1])) if window else None


def test_calendar_corpus_telefonat_article_window_contains_gold_and_dates_donnerstag(gold):
    name = "003_bc10e690797693d1.txt"
    parsed = _parsed(name)
    est = CalendarMatcher("de").estimate(parsed.doc.text, [(s.start, s.end) for s in parsed.sents], name)
    gold_lo, gold_hi = _gold_window(gold, name)
    assert est is not None and est.hi is not None
    assert est.lo <= gold_lo and gold_hi <= est.hi
    assert (est.hi - est.lo).days <= 6          # honest: a week, not a day
    ex = Extraction()
    TimexExtractor()(parsed, ex, Context())
    published = parsed.doc.published
    assert published is not None and published.precision == "week"
    assert published.basis.startswith("estimated: known event")
    donnerstag = [t for t in ex.timexes if t.text.endswith("Donnerstag")]
    assert len(donnerstag) == 2
    call_day = {ref.date for ref in est.refs if ref.timex == "Donnerstag"}
    assert len(call_day) == 1 and gold_lo.isoformat() <= min(call_day) <= gold_hi.isoformat()
    # the estimate feeds back: "am Donnerstag" now names the day of the known call
    assert {t.value for t in donnerstag} == call_day
    for ref in est.refs:   # every reference carries its sentence as evidence
        assert parsed.doc.text[ref.evidence.start:ref.evidence.end] == ref.evidence.text


def test_calendar_corpus_no_estimate_outside_its_plausible_range(gold, corpus_files):
    assert corpus_files
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        before = estimate_publication_date(text, "de", use_calendar=False)
        after = estimate_publication_date(text, "de")
        if before is not None and before.precision == "day":
            assert after == before, path.name          # explicit dates keep their estimate
            continue
        est = CalendarMatcher("de").estimate(text)
        window = _gold_window(gold, path.name)
        if est is None:
            assert after == before, path.name
            continue
        if window is not None:
            assert est.lo <= window[0] and (est.hi is None or window[1] <= est.hi), path.name
        if before is not None:   # never earlier than what the text itself dates
            assert (est.hi or dt.date.max).isoformat() >= before.value, path.name
