"""Pattern side of the time tagger: compile a language's ``time.yaml`` and find candidates.

The language file holds the vocabulary (month names, number words, units, ...) and a list
of regular expressions with placeholders.  This module fills the placeholders, runs every
pattern over the text and keeps the longest non-overlapping matches.  It knows nothing
about dates: resolving a match to a value is :mod:`lagebild.extract.timex_resolve`'s job.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from lagebild import lang as langdata

__all__ = ["Candidate", "Rules", "rules_for"]

_WORD_END = r"(?![\w])"


@dataclass
class Candidate:
    """One matched expression: extent in the text plus the named groups of its pattern."""

    start: int
    end: int
    text: str
    rule: str
    type: str
    groups: dict[str, str]
    order: int


def _alternation(words: list[str], fold_first: bool = False) -> str:
    """A regex alternation of ``words``, longest first, whole words only.

    ``fold_first`` also accepts the word with its first letter in the other case, so a
    closed-class word ("zwei", "heute") still matches at the start of a sentence.
    """
    variants: set[str] = set()
    for word in words:
        variants.add(word)
        if fold_first and word:
            variants.add(word[0].upper() + word[1:])
            variants.add(word[0].lower() + word[1:])
    alts = sorted(variants, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alts)
    return rf"(?<!\w)(?:{body}){_WORD_END}" if alts else r"(?!x)x"


class Rules:
    """Compiled vocabulary and patterns of one language."""

    def __init__(self, lang: str) -> None:
        data: dict[str, Any] = langdata.load(lang, "time")
        if not data or "patterns" not in data:
            raise ValueError(
                f"no time patterns for language {lang!r}: add src/lagebild/lang/{lang}/time.yaml "
                "with 'patterns' (see lang/de/time.yaml for the format)"
            )
        self.lang = lang
        self.months: dict[str, int] = dict(data.get("months", {}))
        self.weekdays: dict[str, int] = dict(data.get("weekdays", {}))
        self.numbers: dict[str, float] = {k.lower(): v for k, v in data.get("numbers", {}).items()}
        self.vague_numbers: list[str] = list(data.get("vague_numbers", []))
        self.units: dict[str, str] = dict(data.get("units", {}))
        self.seasons: dict[str, str] = dict(data.get("seasons", {}))
        self.parts: dict[str, str] = dict(data.get("parts_of_day", {}))
        self.holidays: dict[str, str] = dict(data.get("holidays", {}))
        self.mods: dict[str, str] = dict(data.get("mods", {}))
        self.relations: dict[str, tuple[int, str]] = {
            k.lower(): (int(v[0]), str(v[1])) for k, v in data.get("relations", {}).items()
        }
        self.deictic_days: dict[str, int] = {k.lower(): v for k, v in data.get("deictic_days", {}).items()}
        self.refs: dict[str, str] = {k.lower(): v for k, v in data.get("refs", {}).items()}
        self.decade_words: dict[str, int] = {k.lower(): v for k, v in data.get("decade_words", {}).items()}
        self.year_cues: set[str] = set(data.get("year_cues", []))
        self.future_cues: set[str] = {w.lower() for w in data.get("future_cues", [])}
        self.never_dates: set[str] = set(data.get("never_dates", []))
        # a word after a bare number that makes it a count, not a year
        self.year_blocker = re.compile(data.get("year_blocker", r"(?!x)x"))
        self.month_lookup = {k.lower(): v for k, v in self.months.items()}
        self.weekday_lookup = {k.lower(): v for k, v in self.weekdays.items()}
        self.unit_lookup = {k.lower(): v for k, v in self.units.items()}
        self.unit_lookup.update({k.lower(): v for k, v in data.get("rel_units", {}).items()})
        self.compounds: dict[str, tuple[int, str, str]] = {
            k.lower(): (int(v[0]), str(v[1]), str(v[2])) for k, v in data.get("compounds", {}).items()
        }
        self.season_lookup = {k.lower(): v for k, v in self.seasons.items()}
        self.part_lookup = {k.lower(): v for k, v in self.parts.items()}
        self.holiday_lookup = {k.lower(): v for k, v in self.holidays.items()}
        self.mod_lookup = {k.lower(): v for k, v in self.mods.items()}
        fill = {
            "{MONTH}": _alternation(list(self.months)),
            "{WEEKDAY}": r"(?:" + _alternation(list(self.weekdays), fold_first=True)[:-len(_WORD_END)] + ")",
            "{NUMWORD}": _alternation(list(data.get("numbers", {})), fold_first=True),
            # (?<!\d): start only at the first digit of a run; without it a 20,000-digit run
            # costs quadratic time (every position scans to the end and fails)
            "{NUM}": r"(?:(?<!\d)\d+(?:[.,]\d+)?" + "|" + _alternation(list(data.get("numbers", {})), fold_first=True) + ")",
            "{UNIT}": _alternation(list(self.units), fold_first=True),
            "{SEASON}": _alternation(list(self.seasons), fold_first=True),
            "{PART}": _alternation(list(self.parts), fold_first=True),
            "{HOLIDAY}": _alternation(list(self.holidays), fold_first=True),
            "{REF}": _alternation(list(data.get("refs", {})), fold_first=True),
            "{DECWORD}": _alternation(list(data.get("decade_words", {})), fold_first=True),
            "{VAGUE}": _alternation(self.vague_numbers, fold_first=True),
            "{DAY}": r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])",
            "{YEAR}": r"(?:1[0-9]{3}|20[0-9]{2})",
        }
        self.patterns: list[tuple[str, str, re.Pattern[str]]] = []
        for spec in data["patterns"]:
            src = spec["re"]
            for key, val in fill.items():
                src = src.replace(key, val)
            try:
                self.patterns.append((spec["name"], spec["type"], re.compile(src)))
            except re.error as err:
                raise ValueError(f"bad time pattern {spec['name']!r} in lang/{lang}/time.yaml: {err}") from err

    # -- matching ----------------------------------------------------------------
    def find(self, text: str) -> list[Candidate]:
        """All candidates, longest non-overlapping first, returned in text order."""
        found: list[Candidate] = []
        for order, (name, typ, rx) in enumerate(self.patterns):
            for m in rx.finditer(text):
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                if "t" in groups:
                    start, end = m.span("t")
                else:
                    start, end = m.span()
                # leading/trailing blanks never belong to the extent
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end <= start:
                    continue
                cand = Candidate(start, end, text[start:end], name, typ, groups, order)
                if self._plausible(cand, text):
                    found.append(cand)
        found.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
        taken: list[Candidate] = []
        occupied: list[tuple[int, int]] = []
        for cand in found:
            if any(cand.start < e and s < cand.end for s, e in occupied):
                continue
            taken.append(cand)
            occupied.append((cand.start, cand.end))
        taken.sort(key=lambda c: c.start)
        return taken

    def _plausible(self, cand: Candidate, text: str) -> bool:
        """Filters no single regex can express (counts that look like years, lone words)."""
        if cand.text in self.never_dates:
            return False
        if cand.rule == "year" and not any(k in cand.groups for k in ("mod", "ad")) and cand.text[:1].isdigit():
            after = text[cand.end:cand.end + 30]
            nxt = re.match(r"[ \t]*([^\s]+)", after)  # same line only: a heading year ends its line
            # "1600 km", "2025 Euro": measures are counts whatever precedes them
            if nxt and re.match(r"(?:km|m|kg|t|%|€|\$|Mio|Mrd|Prozent|Euro|Dollar)\b", nxt.group(1)):
                return False
            line_start = text.rfind("\n", 0, cand.start) + 1
            if not text[line_start:cand.start].strip(" \t*•-–"):
                return True   # a year opening a line or list item ("* 1920 Chili-Anhwei-Krieg")
            before = text[max(0, cand.start - 20):cand.start].split()
            prev = before[-1] if before else ""
            if prev and (prev in self.year_cues or prev[-1] in "(–-/," or prev.lower() in self.month_lookup):
                return True
            if cand.start > 0 and text[cand.start - 1] in "(–-/":
                return True
            # "1500 Soldaten" / "1500 soldiers": a noun after the number makes it a count
            if nxt and self.year_blocker.match(nxt.group(1)) and nxt.group(1).lower().strip(".,;:") not in self.month_lookup:
                return False
        return True


@functools.lru_cache(maxsize=None)
def rules_for(lang: str) -> Rules:
    """Compiled rules per language, built once per process (not at import)."""
    return Rules(lang)
