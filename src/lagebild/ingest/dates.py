"""Publication dates written out in a dateline or byline ("17. Oktober 2025", "17.10.2025", "October 17, 2025").

Only for the *publication* date of the article: the caller decides where to look (header
lines, the start of the first paragraph), never the body's event dates.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from lagebild import lang as langdata
from lagebild.model import DateValue


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: DateValue


@functools.lru_cache(maxsize=None)
def _months(lang: str | None) -> dict[str, int]:
    langs = [lang] if lang in langdata.available() else langdata.available()
    months: dict[str, int] = {}
    for code in langs:
        months.update({str(k).lower(): int(v) for k, v in (langdata.load(code, "boilerplate").get("months") or {}).items()})
    return months


@functools.lru_cache(maxsize=None)
def date_pattern(lang: str | None) -> re.Pattern[str]:
    names = sorted(_months(lang), key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(n) for n in names) + ")" if names else "(?!)"
    return re.compile(
        r"(?<![\w.])(?:"
        r"(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})"                          # 2025-10-17
        r"|(?P<num_d>\d{1,2})\.\s?(?P<num_m>\d{1,2})\.\s?(?P<num_y>\d{4}|\d{2})(?![\d.]\d)"  # 17.10.2025
        rf"|(?P<dm_d>\d{{1,2}})\.?\s+(?P<dm_m>{month})\.?,?\s+(?P<dm_y>\d{{4}})"           # 17. Oktober 2025
        rf"|(?P<md_m>{month})\.?\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<md_y>\d{{4}})"  # October 17, 2025
        rf"|(?P<my_m>{month})\.?\s+(?P<my_y>\d{{4}})"                                      # Oktober 2025
        r")(?!\w)",
        re.IGNORECASE,
    )


def find_dates(text: str, lang: str | None = None, *, basis: str = "text") -> list[DateMatch]:
    """All valid calendar dates written in ``text`` (invalid ones like 31.02.2025 are skipped)."""
    months = _months(lang)
    found: list[DateMatch] = []
    for m in date_pattern(lang).finditer(text):
        g = m.groupdict()
        try:
            if g["iso_y"]:
                y, mo, d = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
            elif g["num_y"]:
                y, mo, d = int(g["num_y"]), int(g["num_m"]), int(g["num_d"])
                y = y + 2000 if y < 100 else y
            elif g["dm_y"]:
                y, mo, d = int(g["dm_y"]), months[g["dm_m"].lower()], int(g["dm_d"])
            elif g["md_y"]:
                y, mo, d = int(g["md_y"]), months[g["md_m"].lower()], int(g["md_d"])
            else:
                y, mo = int(g["my_y"]), months[g["my_m"].lower()]
                dt.date(y, mo, 1)
                found.append(DateMatch(m.start(), m.end(), DateValue(f"{y:04d}-{mo:02d}", "month", m.group(), basis)))
                continue
            dt.date(y, mo, d)
        except (KeyError, ValueError):
            continue
        found.append(DateMatch(m.start(), m.end(), DateValue(f"{y:04d}-{mo:02d}-{d:02d}", "day", m.group(), basis)))
    return found


def parse_metadata_date(value: object, *, basis: str) -> DateValue | None:
    """A date from HTML/JSON/feed metadata: ISO strings ("2025-10-17", "2025-10-17 08:00:00", "2025-10-17T08:00Z")."""
    if isinstance(value, (dt.date, dt.datetime)):
        return DateValue(value.strftime("%Y-%m-%d"), "day", value.isoformat(), basis)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if m:
        try:
            if m.group(3):
                dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                return DateValue(m.group(0), "day", text, basis)
            dt.date(int(m.group(1)), int(m.group(2)), 1)
            return DateValue(m.group(0), "month", text, basis)
        except ValueError:
            return None
    found = find_dates(text, None, basis=basis)
    return DateValue(found[0].value.value, found[0].value.precision, text, basis) if found else None


# "Berlin, 17.10.2025 – ...", "KIEW (dpa), 17. Oktober 2025: ..." at the very start of the first paragraph.
_DATELINE_HEAD = re.compile(r"^[A-ZÄÖÜ][\w.'’/ -]{1,40}?(?:\s*\([^)]{1,20}\))?,?\s*$")


def dateline_date(paragraph: str, lang: str | None) -> DateValue | None:
    for match in find_dates(paragraph[:120], lang, basis="dateline"):
        head, after = paragraph[: match.start], paragraph[match.end: match.end + 3]
        if _DATELINE_HEAD.match(head) and re.match(r"\s*[-–—:(|]", after):
            return match.value
        break
    return None
