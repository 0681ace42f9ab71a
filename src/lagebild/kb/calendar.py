"""A calendar of known dated events, and dating an article by the events it refers to.

Issue 5: an undated article gets its publication date estimated from what its text
dates.  Besides explicit dates and weekday references (:mod:`lagebild.extract.timex`),
the strongest clue is often a *known event*: "Die beiden Präsidenten hatten am Donnerstag
ihr sechstes Telefonat ... geführt" can only be the Trump–Putin call of Thursday
2025-07-03, so the article was written within the week after it.

* :func:`load_calendar` reads ``kb/data/events.yaml`` plus user files (same rules as KB
  files: strict schema, later files override entries by id, clear errors).
* :class:`CalendarMatcher` finds sentences that refer to a calendar event — a type noun
  ("Telefonat", "Gipfel", "meeting") with *all* the event's participants named, or a
  name of the event ("Alaska-Gipfel") — checks weekday, ordinal ("sechstes") and tense
  (past only), and turns each unambiguous reference into a publication-date window.
* :func:`estimate_from_calendar` combines those windows with the other estimate signals
  into a :class:`~lagebild.model.DateValue` marked ``estimated: known event ...``.

The matcher resolves names itself (KB alias lookup on capitalised words), because it runs
inside the time stage, before the actor extractor.  It only accepts a match when exactly
one calendar event fits; otherwise the estimate falls back to the other signals.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from lagebild import lang as langdata
from lagebild.kb.loader import KBError, describe_errors, read_user_yaml
from lagebild.lang import safe_load
from lagebild.model import EVENT_TYPES, DateValue, Evidence

__all__ = ["STAGE", "CalendarError", "CalendarEvent", "Calendar", "EventReference", "CalendarEstimate",
           "CalendarMatcher", "load_calendar", "read_calendar_file", "estimate_from_calendar"]

STAGE = "calendar.match.v1"
CONSULT_MODES = ("phone", "visit", "multilateral")
_ACTOR_ID = re.compile(r"^(person|state|org|group|loc):[A-Za-z0-9-]+$")
_EVENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SCAN_DAYS = 62          # how far after an event a day-level deictic expression is tried
_COARSE_PROBES = (0, 30, 120, 300)   # anchors (days after the event) for month/year expressions
_UNLISTED = "?unlisted"  # a candidate standing for events of the same kind the calendar lacks


class CalendarError(KBError):
    """A calendar file is missing, not YAML, or breaks the schema (names file, entry, field)."""

    code = "KB002"


# ----------------------------------------------------------------------------- schema
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class EventIn(_Strict):
    id: str = Field(description="unique slug, by convention <date>-<what>")
    date: str = Field(description="ISO 'YYYY-MM-DD' where certain, else 'YYYY-MM'")
    type: str = Field(description="PLOVER event type (CONSULT, AGREE, ASSAULT, ...) or OTHER")
    mode: str | None = Field(None, description="CONSULT: phone, visit or multilateral")
    participants: list[str] = Field(default_factory=list, description="actor ids that must all be named")
    others: list[str] = Field(default_factory=list, description="further participants (make a match specific)")
    place: str | None = None
    names: dict[str, list[str]] = Field(default_factory=dict, description="language → phrases naming the event")
    keywords: dict[str, list[str]] = Field(default_factory=dict, description="language → phrases typical of it")
    series: str | None = Field(None, description="a numbered series the event belongs to")
    ordinal: int | None = Field(None, description="its number in the series (1 = first)")
    certainty: Literal["high", "medium"]
    note: str = Field(description="where the entry comes from")

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _EVENT_ID.match(v):
            raise ValueError(f"event ids are lower-case slugs like '2025-08-15-alaska-summit', got {v!r}")
        return v

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, v: object) -> str:
        v = str(v)  # YAML turns 2025-08-15 into a date object
        if not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", v):
            raise ValueError(f"date must be ISO 'YYYY-MM-DD' (or 'YYYY-MM' when the day is not certain), got {v!r}")
        try:
            dt.date.fromisoformat(v if len(v) == 10 else v + "-01")
        except ValueError:
            raise ValueError(f"{v!r} is not a calendar date") from None
        return v

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        if v not in EVENT_TYPES and v != "OTHER":
            raise ValueError(f"type must be a PLOVER type ({', '.join(EVENT_TYPES)}) or OTHER, got {v!r}")
        return v

    @field_validator("participants", "others")
    @classmethod
    def _actors(cls, v: list[str]) -> list[str]:
        bad = [a for a in v if not _ACTOR_ID.match(a)]
        if bad:
            raise ValueError(f"participants are KB actor ids like 'person:vladimir-putin' or 'state:RUS', got {bad}")
        return v

    @field_validator("names", "keywords")
    @classmethod
    def _langs(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        bad = [k for k in v if not re.fullmatch(r"[a-z]{2}", k)]
        if bad:
            raise ValueError(f"keys are two-letter language codes like 'de' or 'en', got {bad}")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> "EventIn":
        if self.type == "CONSULT" and self.mode not in CONSULT_MODES:
            raise ValueError(f"event {self.id!r}: a CONSULT needs mode {' | '.join(CONSULT_MODES)}, got {self.mode!r}")
        if self.ordinal is not None and (self.series is None or self.ordinal < 1):
            raise ValueError(f"event {self.id!r}: an ordinal needs a series and must be 1 or more")
        if not self.participants and not any(self.names.values()):
            raise ValueError(f"event {self.id!r}: give participants or names, otherwise no text can refer to it")
        return self


class CalendarFile(_Strict):
    events: list[EventIn] = Field(default_factory=list)


# ----------------------------------------------------------------------------- data
@dataclass(frozen=True)
class CalendarEvent:
    id: str
    date: str
    type: str
    mode: str | None
    participants: tuple[str, ...]
    others: tuple[str, ...]
    names: tuple[str, ...]
    keywords: tuple[str, ...]
    place: str | None = None
    series: str | None = None
    ordinal: int | None = None
    certainty: str = "high"
    note: str = ""

    @property
    def day(self) -> dt.date | None:
        """The day, or None for a month-precise entry."""
        return dt.date.fromisoformat(self.date) if len(self.date) == 10 else None

    @property
    def first_day(self) -> dt.date:
        return self.day or dt.date.fromisoformat(self.date + "-01")


class Calendar:
    """Known events sorted by date, with their series."""

    def __init__(self, events: Sequence[CalendarEvent]) -> None:
        self.events = sorted(events, key=lambda e: (e.first_day, e.id))
        self._by_id = {e.id: e for e in self.events}
        self._series: dict[str, list[CalendarEvent]] = defaultdict(list)
        for e in self.events:
            if e.series:
                self._series[e.series].append(e)

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[CalendarEvent]:
        return iter(self.events)

    def get(self, event_id: str) -> CalendarEvent | None:
        return self._by_id.get(event_id)

    def rank(self, event: CalendarEvent) -> int:
        """1-based position in its series by date (1 when it has none)."""
        return self._series[event.series].index(event) + 1 if event.series else 1

    def next_in_series(self, event: CalendarEvent) -> CalendarEvent | None:
        if not event.series:
            return None
        members = self._series[event.series]
        i = members.index(event)
        return members[i + 1] if i + 1 < len(members) else None


def _validate(data: Any, source: str) -> CalendarFile:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CalendarError(f"{source}: a calendar file must be a mapping with a list 'events'; "
                            f"got {type(data).__name__}")
    try:
        cal = CalendarFile.model_validate(data)
    except ValidationError as err:
        raise CalendarError(describe_errors(err, data, source,
                                            "allowed fields are listed in lagebild/kb/calendar.py, EventIn")) from None
    seen: set[str] = set()
    for i, ev in enumerate(cal.events):
        if ev.id in seen:
            raise CalendarError(f"{source}: events[{i}] ({ev.id}): id used twice in this file")
        seen.add(ev.id)
    return cal


def read_calendar_file(path: str | Path) -> CalendarFile:
    """Load and validate one user calendar file; raises :class:`CalendarError` with a clear message."""
    data = read_user_yaml(path, CalendarError, "calendar file not found (pass an existing YAML file)")
    return _validate(data, Path(path).name)


def _read_bundled() -> CalendarFile:
    with resources.files("lagebild.kb").joinpath("data", "events.yaml").open("r", encoding="utf-8") as fh:
        return _validate(safe_load(fh), "lagebild/kb/data/events.yaml")


def _to_event(e: EventIn) -> CalendarEvent:
    flat = lambda d: tuple(p for lang in sorted(d) for p in d[lang])  # noqa: E731
    return CalendarEvent(e.id, e.date, e.type, e.mode, tuple(e.participants), tuple(e.others),
                         flat(e.names), flat(e.keywords), e.place, e.series, e.ordinal, e.certainty, e.note)


def _build(files: Sequence[tuple[str, CalendarFile]], kb: Any) -> Calendar:
    by_id: dict[str, CalendarEvent] = {}
    for source, f in files:
        for i, e in enumerate(f.events):
            unknown = [a for a in (*e.participants, *e.others) if kb is not None and kb.get(a) is None]
            if unknown:
                raise CalendarError(f"{source}: events[{i}] ({e.id}): unknown actor id(s) {unknown}; "
                                    "add them to a knowledge-base file or fix the spelling")
            by_id[e.id] = _to_event(e)       # a later (user) file overrides the same id
    return Calendar(list(by_id.values()))


@functools.lru_cache(maxsize=1)
def _default_calendar() -> Calendar:
    from lagebild.kb.base import load_kb
    return _build([("lagebild/kb/data/events.yaml", _read_bundled())], load_kb())


def load_calendar(extra: Sequence[str | Path] = (), kb: Any = None) -> Calendar:
    """The bundled calendar plus the user's files (later entries override by id).

    Participants are checked against ``kb`` (default: the bundled knowledge base).  The
    default calendar is built once per process.  A bad file raises :class:`CalendarError`.
    """
    if not extra and kb is None:
        return _default_calendar()
    if kb is None:
        from lagebild.kb.base import load_kb
        kb = load_kb()
    files = [("lagebild/kb/data/events.yaml", _read_bundled())]
    files += [(Path(p).name, read_calendar_file(p)) for p in extra]
    return _build(files, kb)


# ----------------------------------------------------------------------------- matching
@dataclass
class EventReference:
    """A sentence that refers to one calendar event, and the publication window it implies."""

    event: str                 # calendar event id
    date: str                  # the event's date (ISO)
    evidence: Evidence
    cue: str                   # words that named it: "Telefonat", "Alaska-Gipfel"
    timex: str | None          # time expression tying it to the writing date: "Donnerstag"
    lo: dt.date                # published on or after
    hi: dt.date | None         # published on or before (None: open)
    how: str                   # "type noun + participants", "name", "... + group"
    stage: str = STAGE


@dataclass
class CalendarEstimate:
    lo: dt.date
    hi: dt.date | None
    refs: list[EventReference] = field(default_factory=list)

    def date_value(self) -> DateValue:
        """The window as a DateValue whose precision is no finer than the window."""
        lo, hi = self.lo, self.hi
        if hi is None:
            value, precision = f"{lo.year:04d}", "range"
            window = f"published on or after {lo.isoformat()} (no upper bound)"
        else:
            span = (hi - lo).days
            if span == 0:
                value, precision = lo.isoformat(), "day"
            elif span <= 6:      # the seven days starting at value (as for week-valued timexes)
                value, precision = lo.isoformat(), "week"
            elif (lo.year, lo.month) == (hi.year, hi.month):
                value, precision = f"{lo.year:04d}-{lo.month:02d}", "month"
            else:
                value, precision = f"{lo.year:04d}", "range"
            window = f"published {lo.isoformat()}..{hi.isoformat()}"
        main = min(self.refs, key=lambda r: (r.hi or dt.date.max, -r.lo.toordinal()))
        said = main.timex or main.cue
        basis = (f"estimated: known event '{main.event}' ({main.date}) referred to as {said!r} "
                 f"(chars {main.evidence.start}-{main.evidence.end}); {window}")
        others = sorted({r.event for r in self.refs} - {main.event})
        if others:
            basis += f"; consistent with {', '.join(others)}"
        return DateValue(value, precision, said, basis)  # type: ignore[arg-type]


@dataclass
class _Lexicon:
    cues: list[tuple[str, tuple[str, ...], re.Pattern[str]]]
    not_past: set[str]
    latest: list[str]
    ordinals: dict[str, int]
    endings: list[str]
    resumption: set[str]
    anaphors: re.Pattern[str]
    before_future: re.Pattern[str]
    negations: set[str]


def _phrases(words: Sequence[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if body else r"(?!x)x", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _lexicon(lang: str) -> _Lexicon:
    data: dict[str, Any] = langdata.load(lang, "calendar") or langdata.load("de", "calendar")
    time: dict[str, Any] = langdata.load(lang, "time") or {}
    cues = []
    for c in data.get("cues", []):
        rx = re.compile(r"(?<!\w)(?:" + "|".join(c["match"]) + r")(?!\w)", re.IGNORECASE)
        cues.append((c["type"], tuple(c.get("modes", ())), rx))
    return _Lexicon(
        cues=cues,
        not_past={w.lower() for w in [*data.get("not_past", []), *time.get("future_cues", [])]},
        latest=[w.lower() for w in data.get("latest", [])],
        ordinals={k.lower(): int(v) for k, v in data.get("ordinals", {}).items()},
        endings=list(data.get("ordinal_endings", [""])),
        resumption={w.lower() for w in data.get("resumption", [])},
        anaphors=_phrases(data.get("anaphors", [])),
        negations={w.lower() for w in data.get("negations", [])},
        before_future=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in data.get("before_future", []))
                                 + r")(?:\s+\w+)?\s*$" if data.get("before_future") else r"(?!x)x", re.IGNORECASE),
    )


_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
_SENT_BREAK = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+(?=[„\"“»«A-ZÄÖÜ0-9])|\n\s*")


_NO_BREAK_AFTER = re.compile(r"(?:^|\W)(?:\d+|[A-ZÄÖÜa-z]|St|Dr|Nr|Prof|Mr|Mrs|Ms|bzw|ca|vgl|z\.B|u\.a|Jan|Feb|Aug|Sept?|Okt|Oct|Nov|Dez|Dec)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans for text without a parse (good enough to scope a reference)."""
    spans, start = [], 0
    for m in _SENT_BREAK.finditer(text):
        if text[m.start() - 1:m.start()] == "." and _NO_BREAK_AFTER.search(text[max(0, m.start() - 6):m.start()]):
            continue      # "am 17. Oktober", "St. Petersburg": not a sentence end
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@dataclass
class _Ref:
    sent: tuple[int, int]
    type: str
    cue: str
    timex: str | None
    how: str
    cands: dict[str, tuple[dt.date, dt.date | None]]
    scores: dict[str, int]


class CalendarMatcher:
    """Find unambiguous references to calendar events in a text (stage ``calendar.match.v1``)."""

    name = STAGE

    def __init__(self, lang: str = "de", calendar: Calendar | None = None, kb: Any = None) -> None:
        from lagebild.extract.timex_rules import rules_for   # local: extract imports kb
        from lagebild.kb.base import load_kb
        self.lang = lang if langdata.load(lang, "calendar") else "de"
        self.calendar = calendar if calendar is not None else load_calendar()
        self.kb = kb if kb is not None else load_kb()
        self.lex = _lexicon(self.lang)
        try:
            self.rules = rules_for(lang)
        except ValueError:
            self.rules = rules_for("de")
        self._names = [(e, _phrases(e.names)) for e in self.calendar if e.names]
        self._keywords = {e.id: _phrases(e.keywords) for e in self.calendar if e.keywords}
        self._actor_cache: dict[str, set[str]] = {}

    # -- public ----------------------------------------------------------------------
    def references(self, text: str, sents: Sequence[tuple[int, int]] | None = None,
                   doc_id: str = "") -> list[EventReference]:
        """References that fit exactly one calendar event, with their publication windows."""
        refs = self._candidates(text, sents or split_sentences(text))
        out: list[EventReference] = []
        chosen: dict[int, str] = {}
        # Sentences naming the same kind of event with the same weekday ("am Donnerstag")
        # talk about one event: what each leaves open, the others may settle.
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(refs):
            if r.timex and r.cands:
                groups[(r.type, r.timex.lower())].append(i)
        for members in groups.values():
            common = set.intersection(*(set(refs[i].cands) for i in members))
            if len(common) == 1 and len(members) > 1:
                for i in members:
                    chosen[i] = next(iter(common))
        for i, r in enumerate(refs):
            best = chosen.get(i) or self._unique(r)
            if best is None or best == _UNLISTED:
                continue
            lo, hi = r.cands[best]
            ev = self.calendar.get(best)
            assert ev is not None
            s, e = r.sent
            how = r.how + (" + same-day group" if i in chosen and len(r.cands) > 1 else "")
            out.append(EventReference(best, ev.date, Evidence(doc_id, s, e, text[s:e]), r.cue, r.timex, lo, hi, how))
        return out

    def estimate(self, text: str, sents: Sequence[tuple[int, int]] | None = None, doc_id: str = "",
                 lower: dt.date | None = None) -> CalendarEstimate | None:
        """The publication window all unambiguous references agree on (None: none, or they conflict)."""
        refs = self.references(text, sents, doc_id)
        if not refs:
            return None
        lo = max([r.lo for r in refs] + ([lower] if lower else []))
        his = [r.hi for r in refs if r.hi is not None]
        hi = min(his) if his else None
        if hi is not None and lo > hi:
            return None       # the clues contradict each other: trust none of them
        return CalendarEstimate(lo, hi, refs)

    # -- candidates ------------------------------------------------------------------
    @staticmethod
    def _unique(r: _Ref) -> str | None:
        if len(r.cands) == 1:
            return next(iter(r.cands))
        if len(r.cands) > 1:
            ranked = sorted(r.cands, key=lambda k: -r.scores.get(k, 0))
            if r.scores.get(ranked[0], 0) > r.scores.get(ranked[1], 0):
                return ranked[0]     # one event fits strictly better (more participants/keywords named)
        return None

    def _candidates(self, text: str, sents: Sequence[tuple[int, int]]) -> list[_Ref]:
        refs: list[_Ref] = []
        previous: set[str] = set()
        for s, e in sents:
            sent = text[s:e]
            cues = self._cues(sent)
            names = [(m, ev) for ev, rx in self._names for m in rx.finditer(sent)]
            if not cues and not names:
                continue
            actors = self._actors(sent)
            inherited = previous if previous and self.lex.anaphors.search(sent) else set()
            actors |= inherited           # "die beiden Präsidenten": those of the last reference
            tcands = self.rules.find(sent)
            timexes = self._timexes(sent, tcands)
            for m, ev in names:
                self._add(refs, (s, e), sent, m.start(), m.end(), ev.type, [ev], actors, tcands, timexes, "name")
            # "spoke by phone on Monday, their third call": an ordinal on one cue of a type
            # describes the sentence's event of that type
            ords: dict[str, set[int]] = defaultdict(set)
            for start, end, typ, _ in cues:
                n = self._ordinal(sent, start, end)
                if n is not None:
                    ords[typ].add(n)
            for start, end, typ, modes in cues:
                if any(m.start() <= start < m.end() for m, _ in names):
                    continue          # the cue is part of a name already read ("Alaska-Gipfel")
                # participants count where the clause of the cue (or of its time expression)
                # names them: "ein solches Gespräch ..., vor einem Treffen mit Selenskyj stärkt
                # Putins ..." names Putin and Selenskyj, but not as partners of one event
                timex = self._nearest(timexes, start, end)
                near = self._clause_actors(sent, start, end, timex) | inherited
                fits = [ev for ev in self.calendar if ev.type == typ and ev.participants
                        and (typ != "CONSULT" or not modes or ev.mode in modes)
                        and set(ev.participants) <= near]
                only = ords[typ].pop() if len(ords[typ]) == 1 else None
                if only is not None:
                    ords[typ].add(only)
                self._add(refs, (s, e), sent, start, end, typ, fits, actors, tcands, timexes,
                          "type noun + participants", only)
            persons = {a for a in actors if a.startswith("person:")}
            if cues and len(persons) >= 2:
                previous = persons
        return refs

    def _add(self, refs: list[_Ref], span: tuple[int, int], sent: str, start: int, end: int, typ: str,
             events: list[CalendarEvent], actors: set[str], tcands: list[Any], timexes: list[tuple[int, int, str]],
             how: str, ordinal: int | None = None) -> None:
        timex = self._nearest(timexes, start, end)
        if self._not_past(sent, start, end, timex):
            return
        ordinal = self._ordinal(sent, start, end) or ordinal
        latest = self._latest(sent, start)
        cands: dict[str, tuple[dt.date, dt.date | None]] = {}
        scores: dict[str, int] = {}
        for ev in events:
            if ordinal is not None and not self._ordinal_fits(ev, ordinal):
                continue
            window = self._window(ev, sent, tcands, timex)
            if window is None:
                continue
            lo, hi = window
            nxt = self.calendar.next_in_series(ev) if latest else None
            if nxt is not None:
                hi = min(hi, nxt.first_day) if hi else nxt.first_day   # "das jüngste": before the next one
                if hi < lo:
                    continue
            cands[ev.id] = (lo, hi)
            kw = self._keywords.get(ev.id)
            scores[ev.id] = len(set(ev.others) & actors) + (len(kw.findall(sent)) if kw else 0)
        if cands and how.startswith("type noun") and not (
                ordinal is not None and any(ev.ordinal == ordinal for ev in events)):
            # The calendar is not complete: another call between the same two people on
            # some Tuesday may be missing (or later than the calendar).  A weekday alone
            # cannot rule that out; an ordinal of a known series or a keyword can.
            cands[_UNLISTED], scores[_UNLISTED] = (dt.date.min, None), 0
        refs.append(_Ref(span, typ, sent[start:end], timex[2] if timex else None, how, cands, scores))

    # -- reading one sentence ----------------------------------------------------------
    def _cues(self, sent: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        found = [(m.start(), m.end(), typ, modes) for typ, modes, rx in self.lex.cues for m in rx.finditer(sent)]
        found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out: list[tuple[int, int, str, tuple[str, ...]]] = []
        for c in found:
            if not out or c[0] >= out[-1][1]:
                out.append(c)
        return out

    def _actors(self, sent: str) -> set[str]:
        """KB actors named in the sentence (names, aliases and seats of government only)."""
        if sent not in self._actor_cache:
            if len(self._actor_cache) > 256:
                self._actor_cache.clear()
            self._actor_cache[sent] = self._find_actors(sent)
        return set(self._actor_cache[sent])

    def _find_actors(self, sent: str) -> set[str]:
        from lagebild.kb.base import HOW_RANK
        words = [m.group() for m in _WORD.finditer(sent)]
        found: set[str] = set()
        i, longest = 0, min(self.kb.max_alias_len, 5)
        while i < len(words):
            step = 1
            if words[i][:1].isupper():
                for n in range(min(longest, len(words) - i), 0, -1):
                    hits = [h for h in self.kb.lookup(words[i:i + n]) if h.how in ("name", "alias", "capital")]
                    if hits:
                        best = min(hits, key=lambda h: HOW_RANK.get(h.how, 9))
                        info = self.kb.info.get(best.actor)
                        metonym = info.metonym_for if info and best.how == "capital" else None
                        found.add(metonym or best.actor)
                        step = n
                        break
            i += step
        return found

    def _clause_actors(self, sent: str, start: int, end: int, timex: tuple[int, int, str] | None) -> set[str]:
        from lagebild.extract.timex_resolve import clause_text
        spans = [(start, end)] + ([timex[:2]] if timex else [])
        return set().union(*(self._actors(clause_text(sent, s, e)) for s, e in spans))

    def _timexes(self, sent: str, tcands: list[Any]) -> list[tuple[int, int, str]]:
        return [(c.start, c.end, c.text) for c in tcands if c.type not in ("duration", "vague_duration", "set")]

    @staticmethod
    def _nearest(timexes: list[tuple[int, int, str]], start: int, end: int) -> tuple[int, int, str] | None:
        def dist(t: tuple[int, int, str]) -> int:
            return max(t[0] - end, start - t[1], 0)
        near = [t for t in timexes if dist(t) <= 100]
        return min(near, key=dist) if near else None

    def _not_past(self, sent: str, start: int, end: int, timex: tuple[int, int, str] | None) -> bool:
        from lagebild.extract.timex_resolve import clause_text
        spans = [(start, end)] + ([timex[:2]] if timex else [])
        words = {w.lower() for s, e in spans for w in re.findall(r"\w+", clause_text(sent, s, e))}
        clause = clause_text(sent, start, end)
        head = clause[:max(0, clause.find(sent[start:end]))]
        if {w.lower() for w in re.findall(r"\w+", head)} & self.lex.negations:
            return True       # "hat nicht mit Putin telefoniert", "kein Telefonat": no such event
        if self.lex.before_future.search(sent[max(0, start - 25):start]):
            return True       # "vor einem Treffen", "ahead of a meeting": one still to come
        return bool(words & self.lex.not_past)

    def _ordinal(self, sent: str, start: int, end: int) -> int | None:
        before = [w.lower() for w in re.findall(r"[\w.]+", sent[max(0, start - 40):start])][-3:]
        after = [w.lower() for w in re.findall(r"\w+", sent[end:end + 60])][:4]
        times = re.search(r"(?:zum|for\s+the)\s+(\S+)\s+(?:Mal|time)\b", sent, re.IGNORECASE)
        words = before + ([times.group(1).lower()] if times else [])
        for w in reversed(words):
            n = self._ordinal_word(w)
            if n is not None:
                if n == 1 and set(after) & self.lex.resumption:
                    return None     # "erstes Telefonat seit 2022": first in a while, not of a series
                return n
        return None

    def _ordinal_word(self, w: str) -> int | None:
        m = re.fullmatch(r"(\d{1,2})(?:\.|st|nd|rd|th)", w)
        if m:
            return int(m.group(1))
        for stem, n in self.lex.ordinals.items():
            if any(w == stem + end for end in self.lex.endings):
                return n
        return None

    def _ordinal_fits(self, ev: CalendarEvent, ordinal: int) -> bool:
        if ev.ordinal is not None:
            return ev.ordinal == ordinal
        # without a known number the event is at least its position in the series
        return ordinal >= self.calendar.rank(ev)

    def _latest(self, sent: str, start: int) -> bool:
        before = " ".join(re.findall(r"\w+", sent[max(0, start - 40):start].lower())[-3:])
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", before) for w in self.lex.latest)

    # -- the window a reference implies ------------------------------------------------
    def _window(self, ev: CalendarEvent, sent: str, tcands: list[Any],
                timex: tuple[int, int, str] | None) -> tuple[dt.date, dt.date | None] | None:
        """Publication dates for which the sentence's time expression names the event's day.

        No expression: any day on or after the event (a past reference).  An expression
        that does not depend on the writing date ("am 3. Juli 2025") must contain the
        event's day.  A deictic one ("am Donnerstag", "gestern") is tried against writing
        dates after the event: those that resolve it to the event's day form the window.
        """
        day = ev.day
        if timex is None:
            return ev.first_day, None
        if day is None:
            return None            # a month-precise entry cannot be checked against a day reference
        idx = next(i for i, c in enumerate(tcands) if c.start == timex[0])
        first = self._value_at(sent, tcands, idx, day)
        if first == self._value_at(sent, tcands, idx, day + dt.timedelta(days=200)):
            return (day, None) if _contains(first, day) else None
        if first is not None and len(first.split("T")[0]) in (4, 7):   # month/year: no day bound
            ok = any(_contains(self._value_at(sent, tcands, idx, day + dt.timedelta(days=k)), day)
                     for k in _COARSE_PROBES)
            return (day, None) if ok else None
        days: list[dt.date] = []
        for k in range(_SCAN_DAYS + 1):
            anchor = day + dt.timedelta(days=k)
            if _contains(self._value_at(sent, tcands, idx, anchor), day):
                days.append(anchor)
            elif days:
                break         # the writing dates that name the day form one run
        return (days[0], days[-1]) if days else None

    def _value_at(self, sent: str, tcands: list[Any], idx: int, anchor: dt.date) -> str | None:
        from lagebild.extract.timex_resolve import resolve
        return resolve(self.rules, sent, tcands[:idx + 1], anchor, mode="news")[idx].value


def _contains(value: str | None, day: dt.date) -> bool:
    """Whether a timex value (day, ISO week, month, year) covers ``day``."""
    if not value:
        return False
    v = value.split("T")[0]
    week = re.match(r"^(\d{4})-W(\d{2})", v)
    if week:
        return day.isocalendar()[:2] == (int(week.group(1)), int(week.group(2)))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return v == day.isoformat()
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return v == day.isoformat()[:7]
    if re.fullmatch(r"\d{4}", v):
        return int(v) == day.year
    return False


def _bounds(dv: DateValue | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a (possibly partial) DateValue can mean."""
    if dv is None:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", dv.value)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = dt.date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            first = dt.date(y, int(m.group(2)), 1)
            return first, (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None           # "31. Februar": no such day, so no bound from it


@functools.lru_cache(maxsize=8)
def _matcher(lang: str, kb: Any) -> CalendarMatcher:
    """One matcher per language and KB: compiling the name patterns costs more than matching."""
    return CalendarMatcher(lang, None, kb)


def estimate_from_calendar(text: str, lang: str, fallback: DateValue | None = None, *, kb: Any = None,
                           calendar: Calendar | None = None, sents: Sequence[tuple[int, int]] | None = None,
                           doc_id: str = "") -> DateValue | None:
    """A publication-date estimate from known events, combined with ``fallback``.

    ``fallback`` is the estimate from coarser signals (latest explicit month or year in
    the text); the text mentions that period, so the article is no older than its start.
    Returns the calendar estimate when it is bounded or proves the fallback too early,
    otherwise None (keep the fallback).
    """
    bounds = _bounds(fallback)
    matcher = _matcher(lang, kb) if calendar is None else CalendarMatcher(lang, calendar, kb)
    est = matcher.estimate(text, sents, doc_id, lower=bounds[0] if bounds else None)
    if est is None:
        return None
    if est.hi is None and bounds is not None and est.lo <= bounds[1]:
        return None           # an open "on or after" adds nothing to a fallback it does not contradict
    return est.date_value()
