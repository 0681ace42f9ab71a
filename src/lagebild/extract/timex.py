"""Time expressions (stage ``time.rules.v1``): find, normalise and anchor them.

German and English rules live as data in ``lang/<lang>/time.yaml``; this module wires
the pattern side (:mod:`timex_rules`) to the value side (:mod:`timex_resolve`) and adds
what a news pipeline needs around it:

* :class:`TimexTagger` — ``tag(text, anchor)`` → :class:`~lagebild.model.Timex` records
  with value, precision, kind and the *basis* of the value ("explicit", "weekday before
  anchor 2025-07-04", "relative to previous date 2025-10-17 (narrative anchor)", ...).
* :func:`estimate_publication_date` — a document without a date gets one estimated from
  what its text dates; the estimate is marked ``estimated: ...``.
* :class:`TimexExtractor` — the extractor-chain stage; anchors at ``doc.published`` or,
  when that is missing, at the estimate (and records the estimate on the document).
* :func:`date_for_span` — the date of an event from the time expressions in its sentence.

Why not dateparser/ctparse/duckling: they read the article "die" as a date and resolve
"am Donnerstag" forwards; news talks about the days before publication.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lagebild.extract.base import Context
from lagebild.extract.timex_resolve import Point, clause_text, fmt_point, parse_value, resolve
from lagebild.extract.timex_rules import rules_for
from lagebild.model import DateValue, Extraction, ParsedDoc, Timex

__all__ = ["TimexTagger", "TimexExtractor", "estimate_publication_date", "date_for_span", "STAGE"]

STAGE = "time.rules.v1"
_URL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?!\d)")


def _as_date(anchor: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(anchor, dt.datetime):
        return anchor.date()
    return anchor


class TimexTagger:
    """Rule-based temporal tagger for one language.

    ``mode="news"`` anchors deictic expressions ("heute", "am Donnerstag", "vor 5 Tagen")
    at the publication date and anaphoric ones ("am Tag zuvor") at the last date the text
    named; ``mode="narrative"`` anchors both at the last named date (history, Wikipedia).
    """

    name = STAGE

    def __init__(self, lang: str = "de", mode: str = "news") -> None:
        if mode not in ("news", "narrative"):
            raise ValueError(f"unknown anchoring mode {mode!r}: use 'news' or 'narrative'")
        self.lang = lang
        self.mode = mode
        self.rules = rules_for(lang)

    def tag(self, text: str, anchor: dt.date | None, doc_id: str = "",
            anchor_precision: str = "day") -> list[Timex]:
        """Time expressions in ``text``; offsets slice ``text`` exactly."""
        return resolve(self.rules, text, self.rules.find(text), _as_date(anchor),
                       mode=self.mode, anchor_precision=anchor_precision, doc_id=doc_id)


def _anchor_of(published: DateValue | None) -> tuple[dt.date | None, str]:
    """A DateValue (YYYY, YYYY-MM or YYYY-MM-DD) as an anchor date plus its precision."""
    if published is None:
        return None, "day"
    p = parse_value(published.value)
    if p is None or p.year <= 0:
        return None, "day"
    return dt.date(p.year, p.month or 1, p.day or 1), p.precision


def estimate_publication_date(text: str, lang: str, hints: dict[str, Any] | None = None, *,
                              kb: Any = None, use_calendar: bool = True,
                              sents: list[tuple[int, int]] | None = None) -> DateValue | None:
    """Estimate when an undated document was written, from what its text dates.

    Order of evidence: a date in the source URL; a retrieval date together with a relative
    publication hint ("vor 5 Tagen"); the latest explicit full date in the text that is
    not announced as future, moved forward to a weekday the text mentions after it; known
    events of the calendar the text refers to (:mod:`lagebild.kb.calendar`, e.g. "ihr
    sechstes Telefonat am Donnerstag"), combined with the latest explicit month or year;
    the latest explicit month, then year.  A relative hint alone cannot date a document.
    """
    hints = hints or {}
    url = str(hints.get("url") or hints.get("source") or "")
    m = _URL_DATE.search(url)
    if m:
        value = "-".join(g for g in m.groups() if g)
        return DateValue(value, "day" if m.group(3) else "month", url, f"estimated: date in the URL {url}")
    retrieved = hints.get("retrieved") or hints.get("fetched")
    relative = hints.get("relative_published")
    rules = rules_for(lang)
    if retrieved and relative:
        base = dt.date.fromisoformat(str(retrieved)[:10])
        for t in TimexTagger(lang).tag(str(relative), base):
            if t.value and parse_value(t.value):
                return DateValue(t.value, t.precision or "day", str(relative),
                                 f"estimated: '{relative}' counted back from retrieval date {base.isoformat()}")
    timexes = TimexTagger(lang).tag(text, None)
    explicit: list[tuple[Point, Timex]] = []
    for t in timexes:
        p = parse_value(t.value or "")
        if p is None or p.year <= 0 or not (t.basis or "").startswith("explicit"):
            continue
        words = re.findall(r"\w+", clause_text(text, t.start, t.end).lower())
        if any(w in rules.future_cues for w in words):
            continue  # an announced date ("soll am 15. Dezember ...") says nothing about writing time
        explicit.append((p, t))
    for precision in ("day", "month", "year"):
        dated = [(p, t) for p, t in explicit if p.precision == precision]
        if not dated:
            continue
        p, t = max(dated, key=lambda pt: (pt[0].year, pt[0].month or 0, pt[0].day or 0))
        basis = f"estimated: latest explicit {precision} in the text ({t.text!r})"
        if precision == "day" and p.date() is not None:
            day = _after_weekdays(text, rules, t, p.date())
            if day != p.date():
                basis += f"; a weekday mentioned after it moves it to {day.isoformat()}"
            return DateValue(day.isoformat(), "day", t.text, basis)
        coarse = DateValue(fmt_point(p), precision, t.text, basis)  # type: ignore[arg-type]
        break
    else:
        coarse = None
    if not use_calendar:
        return coarse
    from lagebild.kb.calendar import estimate_from_calendar  # local: the calendar uses this stage's rules
    return estimate_from_calendar(text, lang, coarse, kb=kb, sents=sents) or coarse


def _after_weekdays(text: str, rules: Any, latest: Timex, day: dt.date) -> dt.date:
    """Unqualified weekday names after the latest date point at days on or after it."""
    best = day
    for cand in rules.find(text[latest.end:]):
        if cand.type != "weekday" or "rel" in cand.groups:
            continue
        wd = rules.weekday_lookup[cand.groups["weekday"].lower()]
        best = max(best, day + dt.timedelta(days=(wd - day.weekday()) % 7))
    return best


class TimexExtractor:
    """Extractor-chain stage: append anchored Timex records to ``ex.timexes``."""

    name = STAGE

    def __init__(self, mode: str = "news") -> None:
        self.mode = mode

    def __call__(self, parsed: ParsedDoc, ex: Extraction, ctx: Context) -> None:
        doc = parsed.doc
        lang = doc.language if doc.language in ("de", "en") else "de"
        if doc.language not in ("de", "en"):
            try:
                rules_for(doc.language)
                lang = doc.language
            except ValueError:
                return  # no time rules for this language: nothing to add, nothing wrong
        if doc.published is None:
            sents = [(sent.start, sent.end) for sent in parsed.sents] or None
            estimate = estimate_publication_date(doc.text, lang, doc.hints, kb=ctx.kb if ctx else None, sents=sents)
            if estimate is not None:
                doc.published = estimate
        anchor, precision = _anchor_of(doc.published)
        mode = str(ctx.settings.get("timex_mode", self.mode)) if ctx and ctx.settings else self.mode
        tagger = TimexTagger(lang, mode)
        ex.timexes.extend(tagger.tag(doc.text, anchor, doc.id, anchor_precision=precision))


def _to_date_value(t: Timex) -> DateValue | None:
    value = t.value or ""
    week = re.match(r"^(\d{4})-W(\d{2})", value)
    if week:
        weekend = value.endswith("-WE")
        first = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 6 if weekend else 1)
        what = "weekend" if weekend else "week"
        return DateValue(first.isoformat(), "week", t.text, f"{t.basis}; {what} starting {first.isoformat()}")
    season = re.match(r"^(\d{4})-(SP|SU|FA|WI|H[12]|Q[1-4])$", value)
    if season:
        return DateValue(season.group(1), "range", t.text, f"{t.basis}; {value}")
    p = parse_value(value)
    if p is None or p.year <= 0:
        return None
    return DateValue(fmt_point(p), p.precision, t.text, t.basis)  # type: ignore[arg-type]


def date_for_span(timexes: list[Timex], start: int, end: int, at: int | None = None) -> DateValue | None:
    """Date of an event whose sentence spans ``[start, end)``.

    Takes the calendar-valued time expression inside the span nearest to ``at`` (e.g. the
    event trigger's offset); without ``at``, the most precise one, earliest first.
    Durations and vague references (PRESENT_REF) never date an event.
    """
    inside = [(t, dv) for t in timexes if start <= t.start and t.end <= end and t.kind in ("date", "time")
              for dv in [_to_date_value(t)] if dv is not None]
    if not inside:
        return None
    rank = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4}
    if at is not None:
        best = min(inside, key=lambda x: (min(abs(x[0].start - at), abs(x[0].end - at)), rank[x[1].precision]))
    else:
        best = min(inside, key=lambda x: (rank[x[1].precision], x[0].start))
    return best[1]
