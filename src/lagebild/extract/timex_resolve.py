"""Value side of the time tagger: turn matched candidates into normalised Timex records.

Two anchors drive resolution:

* the **document anchor** (publication date, or the estimate): deictic expressions
  ("heute", "am Donnerstag", "vor 5 Tagen", "in dieser Woche") count from it in news mode;
* the **narrative anchor**: the last calendar date the text itself mentioned (explicit or
  resolved).  Anaphoric expressions ("am Tag zuvor", "zwei Tage später", "am selben Tag")
  count from it, and fall back to the document anchor when the text has named no date yet.

``mode="narrative"`` (history, Wikipedia) anchors deictic expressions to the narrative
anchor as well and writes "heute"/"jetzt" as TIMEX2 ``PRESENT_REF``, because the writing
date of such text is not the time it talks about.  News is the default.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lagebild.extract.timex_rules import Candidate, Rules
from lagebild.model import Timex

__all__ = ["Point", "resolve", "fmt_point", "parse_value", "clause_text"]

_CONNECTOR = re.compile(r"\s*(?:/|–|-|bis(?:\s+(?:zum|zur|Ende|Anfang|Mitte))?|und|oder|,|auf\s+den|zum|to|and|or|until)\s*$")
_CLAUSE_BREAK = re.compile(r"[,;:!?\n]|\.\s+(?=[A-ZÄÖÜ„\"])")
_ORDINALS = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4,
             "first": 1, "second": 2, "third": 3, "fourth": 4}
_PRECISION_RANK = {"year": 0, "month": 1, "week": 1, "day": 2}


@dataclass(frozen=True)
class Point:
    """A calendar point of year, month or day precision; BC years are negative."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def date(self) -> dt.date | None:
        if self.day and self.month and 0 < self.year:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    @staticmethod
    def of(day: dt.date) -> "Point":
        return Point(day.year, day.month, day.day)


def fmt_year(year: int) -> str:
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def fmt_point(p: Point) -> str:
    y = fmt_year(p.year)
    if p.month is None:
        return y
    if p.day is None:
        return f"{y}-{p.month:02d}"
    return f"{y}-{p.month:02d}-{p.day:02d}"


def parse_value(value: str) -> Point | None:
    """ISO value (YYYY, YYYY-MM, YYYY-MM-DD, optionally BC-prefixed) back to a Point."""
    m = re.match(r"^(BC)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$", value or "")
    if not m:
        return None
    year = int(m.group(2)) * (-1 if m.group(1) else 1)
    return Point(year, int(m.group(3)) if m.group(3) else None, int(m.group(4)) if m.group(4) else None)


def _truncate(p: Point, precision: str) -> Point:
    if precision == "year":
        return Point(p.year)
    if precision in ("month", "week"):
        return Point(p.year, p.month)
    return p


def _add_months(p: Point, months: int) -> Point:
    idx = p.year * 12 + (p.month or 1) - 1 + months
    year, month = divmod(idx, 12)
    if p.day:
        d = dt.date(year, month + 1, 1)
        last = ((d.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)).day
        return Point(year, month + 1, min(p.day, last))
    return Point(year, month + 1, None)


def _shift(p: Point, amount: float, unit: str) -> tuple[Point | None, str]:
    """``p`` moved by ``amount`` units; the result's precision follows the unit."""
    if unit == "Y" and amount != int(amount) and p.month is not None:
        amount, unit = amount * 12, "M"   # "ein halbes Jahr später": six months
    if unit in ("Y", "DE", "CE"):
        years = int(round(amount * {"Y": 1, "DE": 10, "CE": 100}[unit]))
        return Point(p.year + years), "year"
    if unit == "M":
        if p.month is None:
            return Point(p.year), "year"
        return _truncate(_add_months(p, int(round(amount))), "month"), "month"
    days = {"D": 1, "W": 7, "NI": 1, "H": 1 / 24, "MIN": 1 / 1440, "S": 0}.get(unit, 1) * amount
    base = p.date()
    if base is None:
        return (p, p.precision) if unit in ("H", "MIN", "S") else (None, "day")
    if unit in ("H", "MIN", "S"):
        days = days if abs(days) >= 1 else 0
    return Point.of(base + dt.timedelta(days=int(round(days)))), "day"


def _week_value(day: dt.date, suffix: str = "") -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}{suffix}"


def clause_text(text: str, start: int, end: int) -> str:
    """The clause around ``[start, end)``: cut at commas, semicolons, colons and sentence ends."""
    left = text[max(0, start - 200):start]
    cut = [m.end() for m in _CLAUSE_BREAK.finditer(left)]
    right = text[end:end + 200]
    m = _CLAUSE_BREAK.search(right)
    return (left[cut[-1]:] if cut else left) + text[start:end] + (right[:m.start()] if m else right)


class _Resolver:
    def __init__(self, rules: Rules, text: str, mode: str, anchor: dt.date | None,
                 anchor_precision: str, doc_id: str) -> None:
        self.rules = rules
        self.text = text
        self.mode = mode
        self.dct = anchor
        self.dct_precision = anchor_precision if anchor is not None else "day"
        self.doc_id = doc_id
        self.last: Point | None = None
        self.last_day: Point | None = None   # last day-precise date: hours/days count from it
        self.last_text = ""

    # -- helpers -------------------------------------------------------------------
    def num(self, raw: str | None) -> float | None:
        if raw is None:
            return 1.0
        raw = raw.strip()
        if re.fullmatch(r"\d+(?:[.,]\d+)?", raw):
            return float(raw.replace(",", "."))
        return self.rules.numbers.get(raw.lower())

    def future_cue(self, cand: Candidate) -> str | None:
        words = re.findall(r"\w+", clause_text(self.text, cand.start, cand.end).lower())
        return next((w for w in words if w in self.rules.future_cues), None)

    def remember(self, p: Point, text: str, cand: Candidate | None = None) -> None:
        """Update the narrative anchor, keeping a finer earlier date that the new one contains.

        A bare year inside a sentence about a more precise date ("seit 1939 okkupierten",
        "bis 1881") is an aside, not a change of narrative time, unless it heads a section,
        carries Anfang/Ende, or is introduced as "im Jahr ...".
        """
        last = self.last
        if (cand is not None and last is not None and p.precision == "year" and last.precision != "year"
                and p.year != last.year and "mod" not in cand.groups and not self.is_heading(cand)
                and not self.introduces_year(cand)):
            return
        if last is not None and _PRECISION_RANK[p.precision] < _PRECISION_RANK[last.precision]:
            if p.year == last.year and (p.month is None or p.month == last.month):
                return
        self.last, self.last_text = p, text
        if p.precision == "day":
            self.last_day = p

    def introduces_year(self, cand: Candidate) -> bool:
        before = self.text[max(0, cand.start - 25):cand.start]
        return bool(re.search(r"(?:^|[.!?]\s+|\n)\s*$|\b(?:[Ii]m|[Ii]n)\s+(?:(?:den\s+)?Jahre[n]?\s+)?$", before)) \
            or cand.text.startswith(("Jahr", "das Jahr"))

    def is_heading(self, cand: Candidate) -> bool:
        line_start = self.text.rfind("\n", 0, cand.start) + 1
        line_end = self.text.find("\n", cand.end)
        line = self.text[line_start:line_end if line_end >= 0 else len(self.text)].strip()
        return len(line) < 100 and not line.endswith((".", "!", "?", ":", ";", ","))

    def dct_point(self) -> Point | None:
        return _truncate(Point.of(self.dct), self.dct_precision) if self.dct else None

    def deictic_anchor(self) -> tuple[Point | None, str]:
        if self.mode == "news" and self.dct is not None:
            return self.dct_point(), f"publication date {fmt_point(self.dct_point())}"
        return self.anaphoric_anchor()

    def anaphoric_anchor(self, unit: str = "") -> tuple[Point | None, str]:
        if unit in ("D", "W", "H", "MIN", "S", "NI") and self.last is not None and self.last.precision != "day" \
                and self.last_day is not None and self.last_day.year == self.last.year:
            # "Stunden nach dem Gespräch" after an aside "im Januar": count from the last day named
            return self.last_day, f"previous day-precise date {fmt_point(self.last_day)} (narrative anchor)"
        if self.last is not None:
            return self.last, f"previous date {fmt_point(self.last)} (narrative anchor)"
        if self.dct is not None:
            return self.dct_point(), f"publication date {fmt_point(self.dct_point())} (no earlier date in text)"
        return None, "no anchor"

    def partner_year(self, idx: int, cands: list[Candidate]) -> int | None:
        """Year of a range partner: "Mai/Juni 1940", "27. und 28. September 1939"."""
        j = idx + 1
        while j < len(cands) and _CONNECTOR.match(self.text[cands[j - 1].end:cands[j].start]):
            g = cands[j].groups
            if "year" in g:
                return int(g["year"])
            if "bcyear" in g and "bc" in g:
                return -int(g["bcyear"])
            if cands[j].rule not in ("day_in_enumeration", "month_in_range", "month_after_cue", "mod_month"):
                return None
            j += 1
        return None

    # -- per type ------------------------------------------------------------------
    def resolve(self, idx: int, cands: list[Candidate]) -> Timex:
        cand = cands[idx]
        handler = getattr(self, f"_r_{cand.type}", None)
        if handler is None:
            raise ValueError(f"time pattern {cand.rule!r} has unknown type {cand.type!r}")
        value, precision, kind, basis = handler(cand, idx, cands)
        prev = self.text[max(0, cand.start - 12):cand.start].split()
        if prev and prev[-1].lower() in ("seit", "since"):
            basis = f"since: {basis} (start of a period still running)"
        return Timex(self.doc_id, cand.start, cand.end, cand.text, value, precision, kind, basis)

    def _year_for(self, cand: Candidate, idx: int, cands: list[Candidate], month: int,
                  day: int | None) -> tuple[int | None, str]:
        g = cand.groups
        if "year" in g:
            return int(g["year"]), "explicit"
        if "bcyear" in g and "bc" in g:
            return -int(g["bcyear"]), "explicit (BC)"
        if "year2" in g:
            if "yprev" in g:
                return int(g["yprev"] + g["year2"]), "explicit (two-digit year after a full one)"
            ref = self.last.year if self.last else (self.dct.year if self.dct else 2000)
            cands_y = [ref // 100 * 100 + int(g["year2"]) + k for k in (-100, 0, 100)]
            return min(cands_y, key=lambda y: abs(y - ref)), f"two-digit year, century of {ref}"
        partner = self.partner_year(idx, cands)
        if partner is not None:
            return partner, f"year {fmt_year(partner)} from the range partner"
        if "rel" in g:
            off, _ = self.rules.relations.get(g["rel"].lower(), (0, "anaphoric"))
            base, why = self.anaphoric_anchor()
            if base is None:
                return None, "no anchor"
            return base.year + off, f"year {off:+d} relative to {why}"
        if self.mode == "news" and self.dct is not None and self.dct_precision == "year":
            return self.dct.year, f"year of publication year {self.dct.year}"
        if self.mode == "news" and self.dct is not None:
            d = self.dct
            if day is not None:
                options = []
                for y in (d.year - 1, d.year, d.year + 1):
                    try:
                        options.append((abs((dt.date(y, month, day) - d).days), y))
                    except ValueError:
                        continue
                if not options:
                    return None, "invalid day"
                y = min(options)[1]
                return y, f"year of the closest such day to publication date {d.isoformat()}"
            if (d.year, month) <= (d.year, d.month):
                return d.year, f"month on or before publication date {d.isoformat()}"
            cue = self.future_cue(cand)
            if cue:
                return d.year, f"month after publication date {d.isoformat()} (future cue '{cue}')"
            return d.year - 1, f"month would be after publication date {d.isoformat()}: previous year"
        if self.last is not None:
            return self.last.year, f"year of previous date {fmt_point(self.last)} (narrative anchor)"
        if self.mode == "narrative":  # no date yet: the narrative's first explicit year
            for later in cands[idx + 1:]:
                if "year" in later.groups:
                    y = int(later.groups["year"])
                    return y, f"year {y} of the next explicit date (no earlier date in text)"
        if self.dct is not None:
            return self.dct.year, f"year of publication date {self.dct.isoformat()}"
        return None, "no anchor"

    def _r_date(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g, r = cand.groups, self.rules
        part = r.part_lookup.get(g["part"].lower()) if "part" in g else None
        month = None
        if "month" in g:
            month = r.month_lookup.get(g["month"].lower())
        elif "monthnum" in g:
            month = int(g["monthnum"])
        day = int(g["day"]) if "day" in g else None
        if "holiday" in g:
            mm, dd = r.holiday_lookup[g["holiday"].lower()].split("-")
            month, day = int(mm), int(dd)
        sub = None
        if "season" in g:
            sub = r.season_lookup[g["season"].lower()]
        elif "half" in g:
            sub = "H1" if g["half"].lower().startswith(("erst", "first")) else "H2"
        elif "halfn" in g:
            sub = f"H{g['halfn']}"
        elif "quarter" in g:
            sub = f"Q{_ORDINALS.get(g['quarter'].lower(), 1)}"
        if month is None and day is None and sub is None:  # a year (maybe with Anfang/Mitte/Ende)
            if "year" in g or "bcyear" in g or "year2" in g:
                year, basis = self._year_for(cand, idx, cands, 1, None)
            else:  # "Jahresende", "Ende des Jahres": the year in focus
                base, why = self.anaphoric_anchor() if self.mode == "narrative" or self.last else self.deictic_anchor()
                year, basis = (base.year, f"year of {why}") if base else (None, "no anchor")
            if year is None:
                return None, "year", "date", basis
            p = Point(year)
            self.remember(p, cand.text, cand)
            return fmt_year(year), "year", "date", self._mod(g, basis)
        if sub is not None:
            year, basis = self._year_for(cand, idx, cands, 12, None)
            if year is None:
                return None, "range", "date", basis
            self.remember(Point(year), cand.text)
            return f"{fmt_year(year)}-{sub}", "range", "date", self._mod(g, basis)
        year, basis = self._year_for(cand, idx, cands, month or 1, day)
        if year is None:
            y = "XXXX"
            value = f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")
            return value, "day" if day else "month", "date", basis
        p = Point(year, month, day)
        if day is not None and year > 0 and p.date() is None:
            return None, "day", "date", f"invalid calendar date {year}-{month}-{day}"
        self.remember(p, cand.text)
        value = fmt_point(p)
        if part:
            return f"{value}T{part}", "day", "time", self._mod(g, basis)
        return value, p.precision, "date", self._mod(g, basis)

    def _mod(self, g: dict[str, str], basis: str) -> str:
        if "mod" in g:
            mod = self.rules.mod_lookup.get(g["mod"].lower(), g["mod"])
            return f"{basis}; mod {mod}"
        return basis

    def _r_century(self, cand: Candidate, idx: int, cands: list[Candidate]):
        c = int(cand.groups["century"])
        value = f"BC{c - 1:02d}" if "bc" in cand.groups else f"{c - 1:02d}"
        return value, "range", "date", self._mod(cand.groups, "explicit century")

    def _r_decade(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g = cand.groups
        if "decade" in g:
            return g["decade"][:3], "range", "date", "explicit decade"
        tens = self.rules.decade_words[g["decword"].lower()]
        base, why = self.anaphoric_anchor()
        if base is None:
            return None, "range", "date", "decade word without an anchor century"
        century = base.year // 100   # "die zwanziger Jahre" in a text about 1940: the 1920s
        return f"{century:02d}{tens}", "range", "date", f"decade word in the century of {why}"

    def _r_weekday(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g = cand.groups
        wd = self.rules.weekday_lookup[g["weekday"].lower()]
        part = self.rules.part_lookup.get(g["part"].lower()) if "part" in g else None
        rel = g.get("rel", "").lower()
        direction = self.rules.relations.get(rel, (0, ""))[0] if rel else 0
        if self.mode == "news" and self.dct is not None and self.dct_precision == "day":
            base, why = self.dct, "publication date"
        else:
            anchor, why = self.anaphoric_anchor()
            base = anchor.date() if anchor else None
            if base is not None and self.mode == "narrative" and direction == 0:
                direction = 1  # narratives move forward: the next such day after the last date
        if base is None:
            return None, "day", "date", f"weekday without a day-precise anchor ({why})"
        cue = self.future_cue(cand) if direction == 0 and self.mode == "news" else None
        if direction > 0 or cue:
            delta = (wd - base.weekday()) % 7
            if direction > 0 and delta == 0:
                delta = 7
            day = base + dt.timedelta(days=delta)
            basis = f"weekday after {why} {base.isoformat()}" + (f" (future cue '{cue}')" if cue else "")
        elif direction < 0:
            delta = (base.weekday() - wd) % 7 or 7
            day = base - dt.timedelta(days=delta)
            basis = f"weekday strictly before {why} {base.isoformat()}"
        else:
            day = base - dt.timedelta(days=(base.weekday() - wd) % 7)
            basis = f"weekday before anchor {base.isoformat()} (most recent on or before {why})"
        if "nightbefore" in g:  # "in der Nacht zum Freitag" is Thursday night
            day -= dt.timedelta(days=1)
            part, basis = "NI", basis + "; the night before it"
        self.remember(Point.of(day), cand.text)
        if part:
            return f"{day.isoformat()}T{part}", "day", "time", basis
        return day.isoformat(), "day", "date", basis

    def _r_deictic(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g = cand.groups
        word = g["deictic"].lower()
        if self.mode == "narrative" and word == "heute" and "part" not in g:
            return "PRESENT_REF", None, "relative", "'heute' in a narrative refers to the writing time"
        base, why = self.deictic_anchor()
        if base is None or base.date() is None:
            return (fmt_point(base) if base else None), (base.precision if base else None), "date", \
                f"deictic day, anchor not day-precise ({why})"
        off = self.rules.deictic_days.get(word, 0)
        day = base.date() + dt.timedelta(days=off)
        part_word = g.get("part") or g.get("partc")
        part = self.rules.part_lookup.get(part_word.lower()) if part_word else None
        if part_word and part is None and part_word.lower() in ("früh",):
            part = "MO"
        basis = f"{off:+d} days from {why}"
        if part:
            return f"{day.isoformat()}T{part}", "day", "time", basis
        return day.isoformat(), "day", "date", basis

    def _r_unit_rel(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g, r = cand.groups, self.rules
        part = r.part_lookup.get(g["part"].lower()) if "part" in g else None
        if "compound" in g:
            direction, unit, anchoring = r.compounds[g["compound"].lower()]
        else:
            word = re.sub(r"\s+", " ", g.get("rel") or g.get("arel") or "").lower()
            direction, anchoring = r.relations.get(word, (0, "anaphoric"))
            if "arel" in g:  # "the next day" counts from the story's date, "next week" from today
                anchoring = "anaphoric"
            if "here" in g:   # "Anfang der Woche", "am Wochenende": the reader's week
                anchoring = "deictic"
            unit = r.unit_lookup.get(g["unit"].lower(), "D") if "unit" in g else "D"
        if anchoring == "deictic":
            base, why = self.deictic_anchor()
        else:
            base, why = self.anaphoric_anchor(unit)
        if base is None:
            return None, None, "relative", f"relative expression without anchor ({why})"
        basis = f"{direction:+d} {unit} relative to {why}"
        if unit == "NI":  # "vergangene Nacht": the night of the day before
            unit, part = "D", "NI"
            direction = direction if direction else 0
        if unit == "WE" and "here" in g and base.date() is not None:
            # "am Wochenende": the last weekend on or before the anchor, the next one with a future cue
            d, cue = base.date(), self.future_cue(cand)
            sat = d + dt.timedelta(days=(5 - d.weekday()) % 7) if cue else d - dt.timedelta(days=(d.weekday() - 5) % 7)
            return _week_value(sat, "-WE"), "week", "date", f"weekend {'after' if cue else 'on or before'} {why}"
        if unit in ("W", "WE"):
            d = base.date()
            if d is None:
                return fmt_point(_truncate(base, "month")), base.precision, "date", basis
            d = d + dt.timedelta(weeks=direction)
            return _week_value(d, "-WE" if unit == "WE" else ""), "week", "date", basis
        p, precision = _shift(_truncate(base, {"Y": "year", "M": "month"}.get(unit, "day")), direction, unit)
        if p is None:
            return fmt_point(base), base.precision, "date", basis + " (anchor not day-precise)"
        if (anchoring == "anaphoric" or self.mode == "narrative") and direction >= 0:
            self.remember(p, cand.text)  # "im Vorjahr" looks back; the narrative stays where it is
        value = fmt_point(p)
        if part and p.precision == "day":
            return f"{value}T{part}", "day", "time", basis
        return value, p.precision, "date", basis

    def _r_ago(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g = cand.groups
        n = self.num(g.get("num"))
        unit = self.rules.unit_lookup.get(g["unit"].lower(), "D")
        base, why = self.deictic_anchor()
        if base is None or n is None:
            return None, None, "relative", f"'ago' without anchor ({why})"
        p, precision = _shift(base, -n, unit)
        if p is None:
            return fmt_point(base), base.precision, "date", f"-{n:g} {unit} from {why} (anchor not day-precise)"
        return fmt_point(p), p.precision, "date", f"-{n:g} {unit} from {why}" + (f"; {g['approx']}" if "approx" in g else "")

    def _r_offset(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g = cand.groups
        n = self.num(g.get("num"))
        unit = self.rules.unit_lookup.get(g["unit"].lower(), "D")
        direction = self.rules.relations.get(g.get("rel", "nach").lower(), (1, ""))[0]
        base, why = self.anaphoric_anchor(unit)
        if base is None or n is None:
            return None, None, "relative", f"offset without anchor ({why})"
        p, precision = _shift(base, direction * n, unit)
        basis = f"{direction * n:+g} {unit} relative to {why}"
        if p is None:
            return fmt_point(base), base.precision, "date", basis + " (anchor not day-precise)"
        if p.precision == "day":
            self.remember(p, cand.text)
        return fmt_point(p), p.precision, "date", basis

    def _r_event_offset(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g = cand.groups
        unit = self.rules.unit_lookup.get(g["unit"].lower(), "D")
        n = self.num(g["num"]) if "num" in g else None
        if self.mode == "narrative":  # TIMEX2 writes "zwei Tage nach der Wahl" as a duration
            return _duration_value(n, unit), None, "duration", "duration relative to a named event"
        direction = self.rules.relations.get(g["rel"].lower(), (1, ""))[0]
        base, why = self.anaphoric_anchor(unit)
        if base is None:
            return None, None, "relative", "relative to an event, no anchor"
        if n is None and unit not in ("H", "MIN"):
            return _duration_value(None, unit), None, "duration", f"vague offset from an event ({why})"
        p, _ = _shift(base, direction * (n or 0), unit)
        p = p or base
        return fmt_point(p), p.precision, "date", f"{'after' if direction > 0 else 'before'} a named event: relative to {why}"

    def _r_duration(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g = cand.groups
        if "unitadj" in g:
            unit = {"tägig": "D", "wöchig": "W", "monatig": "M", "jährig": "Y"}[g["unitadj"].lower()]
        else:
            unit = self.rules.unit_lookup.get(g["unit"].lower(), "D")
        n = 0.5 if "half" in g else self.num(g.get("num"))
        if n is None:
            return None, None, "duration", "unreadable count"
        approx = " ".join(g.get("approx", "").split())
        basis = "duration" + (f"; {approx}" if approx else "")
        return _duration_value(n, unit), None, "duration", basis

    def _r_vague_duration(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g = cand.groups
        word = g.get("unitword") or g.get("unit", "")
        key = word.lower()
        unit = next((u for w, u in (("jahrzehnt", "DE"), ("jahr", "Y"), ("monat", "M"), ("woche", "W"),
                                     ("stunde", "H"), ("tag", "D"), ("decade", "DE"), ("year", "Y"),
                                     ("month", "M"), ("week", "W"), ("hour", "H"), ("day", "D")) if w in key), "D")
        return _duration_value(None, unit), None, "duration", "duration of unspecified length"

    def _r_vague_offset(self, cand: Candidate, idx: int, cands: list[Candidate]):
        later = not re.search(r"(zuvor|vorher|davor|earlier|before)\s*$", cand.text)
        return ("FUTURE_REF" if later else "PAST_REF"), None, "relative", "vague offset from the previous date"

    def _r_time(self, cand: Candidate, idx: int, cands: list[Candidate]):
        g = cand.groups
        if "midnight" in g:
            hh, mm = 24, 0
        else:
            hh = int(g["hour"])
            mm = int(g.get("minute") or g.get("minute2") or 0)
            if g.get("ampm", "").lower().startswith("p") and hh < 12:
                hh += 12
        base, why = self.anaphoric_anchor("H")
        day = base.date() if base else None
        prefix = day.isoformat() if day else "XXXX-XX-XX"
        return f"{prefix}T{hh:02d}:{mm:02d}", "day", "time", f"clock time on {why}"

    def _r_ref(self, cand: Candidate, idx: int, cands: list[Candidate]):
        token = self.rules.refs.get(re.sub(r"\s+", " ", cand.groups.get("ref", cand.text)).lower(), "PRESENT_REF")
        if self.mode == "news" and token == "PRESENT_REF" and self.dct is not None and \
                cand.groups.get("ref", "").lower() in ("heute", "today"):
            return self.dct.isoformat(), "day", "date", "publication date"
        return token, None, "relative", "underspecified reference"


def _duration_value(n: float | None, unit: str) -> str:
    if unit == "WE":
        unit = "W"
    time_unit = unit in ("H", "MIN", "S")
    letter = {"MIN": "M"}.get(unit, unit)
    if n is None:
        return f"PTX{letter}" if time_unit else f"PX{letter}"
    if n != int(n):
        if unit == "Y" and (n * 12) == int(n * 12):
            years, months = divmod(int(n * 12), 12)
            return f"P{years}Y{months}M" if years else f"P{months}M"
        if unit == "CE" and n * 10 == int(n * 10):
            return f"P{int(n * 10)}DE"
        if unit == "D":
            return f"PT{int(n * 24)}H"
        return f"P{n:g}{letter}"
    return f"PT{int(n)}{letter}" if time_unit else f"P{int(n)}{letter}"


def resolve(rules: Rules, text: str, cands: list[Candidate], anchor: dt.date | None, *,
            mode: str = "news", anchor_precision: str = "day", doc_id: str = "") -> list[Timex]:
    """Resolve candidates in text order (narrative anchors depend on what came before)."""
    if mode not in ("news", "narrative"):
        raise ValueError(f"unknown anchoring mode {mode!r}: use 'news' or 'narrative'")
    res = _Resolver(rules, text, mode, anchor, anchor_precision, doc_id)
    return [res.resolve(i, cands) for i in range(len(cands))]
