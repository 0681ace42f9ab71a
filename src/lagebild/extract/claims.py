"""Checkable numbers: ``claims.rules.v2``.

"Mindestens 23 Menschen seien verletzt worden" -> Claim(23, "people", qualifier
"at_least"); "etwa die Hälfte" -> 0.5 "ratio" (approx); "1,3 Millionen Dollar" ->
1300000 "USD"; "bis zu 1600 Kilometern" -> 1600 "km" (at_most); "Dutzende Raketen" ->
24 "missiles" (approx: a vague word gets a conventional reading and is always approx).
Compound units: "16 Kilometer pro Stunde" -> "km/h".  Anything else counted is named by
its noun ("Sechs tote Schafe" -> 6 "schafe": only people are "people").  A bare number
shares its neighbour's unit ("zwischen 80 und 150 Kilometern", "16 davon").

Not claims: dates, years, clock times and durations (those are time expressions —
any number inside a timex span is skipped, and so are four-digit years and numbers
before a month name or "Uhr"), ordinals ("17.", "sechstes"), and bare articles
("ein", "eine") that do not carry a multiplier or fraction.

The claimant is the speaker when the number stands inside a quote, otherwise the
actor named next to an attribution word in the sentence ("laut", "sagte", "zufolge").
Words live in ``lang/<code>/numbers.yaml``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lagebild import lang as lang_data
from lagebild.extract.base import Context
from lagebild.model import Claim, Evidence, Extraction, ParsedDoc, Sentence, Token, stable_id
from lagebild.nlp.tokenize import tokenize

__all__ = ["ClaimExtractor", "read_number"]

STAGE = "claims.rules.v2"
_TIME_UNITS = frozenset({"days", "hours", "weeks", "months", "years"})
_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "a", "an", "one"})
# "Kommissariat 77 der Münchner Polizei": a determiner after a number is no adjective.
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_DETERMINERS = frozenset({"der", "die", "das", "den", "dem", "des", "aller", "jeder", "dieser", "unser", "ihrer", "seiner"})


@dataclass(frozen=True)
class _Numbers:
    lang: str
    decimal_comma: bool
    words: dict[str, float]
    vague: dict[str, float]
    multipliers: dict[str, float]
    fractions: dict[str, float]
    percent: frozenset[str]
    approx: tuple[str, ...]
    at_least: tuple[str, ...]
    at_most: tuple[str, ...]
    units: tuple[tuple[str, tuple[str, ...]], ...]
    date_words: frozenset[str]
    attribution: tuple[str, ...]
    identifiers: tuple[str, ...] = ()
    per_words: frozenset[str] = frozenset()
    per_units: tuple[tuple[str, tuple[str, ...]], ...] = ()
    range_words: frozenset[str] = frozenset()
    partitive: frozenset[str] = frozenset()
    age_words: tuple[str, ...] = ()
    prefix_units: dict[str, str] = field(default_factory=dict)
    # English stacks modifiers between a number and what it counts ("25 Patriot air defence
    # systems", "121 Ukrainian drones"): up to this many words are skipped, none of them in
    # ``not_modifiers``.  German keeps its own one-adjective rule (default 0 = off).
    modifier_span: int = 0
    not_modifiers: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=None)
def _numbers(lang: str) -> _Numbers:
    d = lang_data.load(lang, "numbers") or lang_data.load("de", "numbers")
    if not d:
        raise FileNotFoundError(f"no numbers.yaml for language {lang!r} (expected lagebild/lang/{lang}/numbers.yaml)")
    low = lambda m: {str(k).lower(): float(v) for k, v in (m or {}).items()}  # noqa: E731
    return _Numbers(
        lang=lang, decimal_comma=bool(d.get("decimal_comma", lang == "de")), words=low(d.get("words")),
        vague=low(d.get("vague")), multipliers=low(d.get("multipliers")), fractions=low(d.get("fractions")),
        percent=frozenset(str(p).lower() for p in d.get("percent") or []),
        approx=tuple(str(p).lower() for p in d.get("approx") or []),
        at_least=tuple(str(p).lower() for p in d.get("at_least") or []),
        at_most=tuple(str(p).lower() for p in d.get("at_most") or []),
        units=tuple((u, tuple(str(s).lower() for s in subs)) for u, subs in (d.get("units") or {}).items()),
        date_words=frozenset(str(w).lower() for w in d.get("date_words") or []),
        attribution=tuple(str(a).lower() for a in d.get("attribution") or []),
        identifiers=tuple(str(a).lower() for a in d.get("identifiers") or []),
        per_words=frozenset(str(w).lower() for w in d.get("per_words") or []),
        per_units=tuple((u, tuple(str(s).lower() for s in subs)) for u, subs in (d.get("per_units") or {}).items()),
        range_words=frozenset(str(w).lower() for w in d.get("range_words") or []),
        partitive=frozenset(str(w).lower() for w in d.get("partitive") or []),
        age_words=tuple(str(w).lower() for w in d.get("age_words") or []),
        prefix_units={str(k).lower(): str(v) for k, v in (d.get("prefix_units") or {}).items()},
        modifier_span=int(d.get("modifier_span") or 0),
        not_modifiers=frozenset(str(w).lower() for w in d.get("not_modifiers") or []),
    )


def _parse_digits(word: str, decimal_comma: bool) -> float | None:
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", word):
        return None
    dec, thou = (",", ".") if decimal_comma else (".", ",")
    if re.fullmatch(r"\d{1,3}(?:" + re.escape(thou) + r"\d{3})+", word):
        return float(word.replace(thou, ""))
    if word.count(dec) == 1 and thou not in word:
        return float(word.replace(dec, "."))
    if re.fullmatch(r"\d+", word):
        return float(word)
    return None


def read_number(word: str, lang: str = "de") -> tuple[float, bool] | None:
    """(value, vague) for one lower-cased token: digits, a number word or a vague word."""
    nums = _numbers(lang)
    val = _parse_digits(word, nums.decimal_comma)
    if val is not None:
        return val, False
    if word in nums.words:
        return nums.words[word], False
    if word in nums.vague:
        return nums.vague[word], True
    return None


class ClaimExtractor:
    """Fills ``ex.claims`` with the numbers of each sentence."""

    name = STAGE

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang

    def __call__(self, parsed: ParsedDoc, ex: Extraction, ctx: Context) -> None:
        nums = _numbers(self.lang or parsed.doc.language or "de")
        timex_spans = [(t.start, t.end) for t in ex.timexes]
        for sent in parsed.sents:
            toks = sent.tokens or tokenize(sent.text, sent.start)
            for claim in self._sentence(parsed, sent, toks, nums, timex_spans, ex):
                ex.claims.append(claim)

    def pipe(self, items: list[tuple[ParsedDoc, Extraction]], ctx: Context) -> None:
        for parsed, ex in items:
            self(parsed, ex, ctx)

    def _sentence(self, parsed: ParsedDoc, sent: Sentence, toks: list[Token], nums: _Numbers,
                  timex_spans: list[tuple[int, int]], ex: Extraction) -> list[Claim]:
        words = [t.text.lower() for t in toks]
        out: list[Claim] = []
        spans: list[tuple[int, int]] = []       # token span of each claim in ``out``
        i = 0
        while i < len(toks):
            found = _number_at(i, words, toks, nums)
            if found is None:
                i += 1
                continue
            value, vague, unit, j_end, ratio = found
            start, end = toks[i].start, toks[j_end].end
            # "1,600 km (1,000 miles)": a bracketed conversion restates the claim just before it
            restated = i >= 2 and words[i - 1] == "(" and bool(spans) and spans[-1][1] == i - 2 \
                and unit not in ("count", "ratio", "percent") and j_end + 1 < len(words) and words[j_end + 1] == ")"
            skip = restated or any(s < end and e > start for s, e in timex_spans) or _is_date(i, j_end, words, toks, nums, value, unit) \
                or (i > 0 and any(w in words[i - 1] for w in nums.identifiers)) \
                or _is_age(i, j_end, words, nums) \
                or _is_name_number(i, unit, toks, nums)   # "Artikel 5", "der 23-Jährige", "Shenzhou 6"
            if not skip and unit not in _TIME_UNITS:
                qualifier = _qualifier(i, words, nums)
                approx = vague or qualifier == "approx"
                if vague and qualifier is None:
                    qualifier = "approx"
                ev = Evidence(parsed.doc.id, sent.start, sent.end, parsed.doc.text[sent.start:sent.end])
                about = _about(i, j_end, unit, words, toks, parsed.doc.text, nums)
                out.append(Claim(
                    id=stable_id(parsed.doc.id, start, end, prefix="cl:"), doc=parsed.doc.id, value=value, unit=unit,
                    evidence=ev, approx=approx, about=about, claimant=_claimant(start, sent, words, ex, nums),
                    text=parsed.doc.text[start:end], qualifier=qualifier, start=start, end=end, stage=STAGE,
                ))
                spans.append((i, j_end))
            i = j_end + 1
        _share_units(out, spans, words, nums)
        return out


def _number_at(i: int, words: list[str], toks: list[Token], nums: _Numbers) -> tuple[float, bool, str, int, bool] | None:
    """(value, vague, unit, last token index, is_ratio) for a number expression starting at ``i``."""
    w = words[i]
    # fractions: "die Hälfte", "ein Drittel", "zwei Drittel", "half"
    for span in (2, 1):
        phrase = " ".join(words[i:i + span])
        if phrase in nums.fractions:
            return nums.fractions[phrase], False, "ratio", i + span - 1, True
    if w in ("die", "the", "ein", "eine", "a") and i + 1 < len(words) and words[i + 1] in nums.fractions:
        return nums.fractions[words[i + 1]], False, "ratio", i + 1, True
    got = read_number(w, nums.lang)
    if got is None:
        return None
    value, vague = got
    if toks[i].text.endswith(".") and re.fullmatch(r"\d+\.", toks[i].text):
        return None  # ordinal "17."
    if i + 1 < len(toks) and toks[i + 1].start == toks[i].end and words[i + 1] in _ORDINAL_SUFFIXES:
        return None  # ordinal "19th" (the tokenizer splits the suffix off)
    j = i
    if j + 1 < len(words) and words[j + 1] in nums.multipliers:
        value *= nums.multipliers[words[j + 1]]
        j += 1
    elif w in _ARTICLES:
        if j + 1 < len(words) and words[j + 1] in nums.fractions:
            return nums.fractions[words[j + 1]], False, "ratio", j + 1, True
        return None          # a bare article is not a number
    if j + 1 < len(words) and words[j + 1] in nums.fractions and not re.fullmatch(r"\d.*", w):
        return value * nums.fractions[words[j + 1]], False, "ratio", j + 1, True
    if j + 1 < len(words) and words[j + 1] in nums.percent:
        return value, vague, "percent", j + 1, False
    if i > 0 and words[i - 1] in nums.prefix_units:       # "ein Erdbeben der Stärke 5,3"
        return value, vague, nums.prefix_units[words[i - 1]], j, False
    # currency sign before the number: "$1.3 million"
    if i > 0 and words[i - 1] in ("$", "€", "£"):
        return value, vague, {"$": "USD", "€": "EUR", "£": "GBP"}[words[i - 1]], j, False
    unit, k = _unit(j + 1, words, toks, nums)
    if unit is None:
        if vague or w in nums.words and not re.fullmatch(r"\d.*", w):
            return None      # "drei" or "Dutzende" with nothing counted is not checkable
        unit = "count"
        k = j
    return value, vague, unit, k, False


def _unit(k: int, words: list[str], toks: list[Token], nums: _Numbers) -> tuple[str | None, int]:
    unit, end = _plain_unit(k, words, toks, nums)
    if unit is None:
        return unit, end
    # "16 Kilometer pro Stunde" -> km/h, "3 Euro je Einwohner" -> EUR/capita
    if end + 2 < len(words) + 1 and end + 1 < len(words) and words[end + 1] in nums.per_words and end + 2 < len(words):
        per = _lookup(words[end + 2], nums.per_units)
        if per is not None:
            return f"{unit}/{per}", end + 2
    return unit, end


def _lookup(w: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    for unit, subs in table:
        if w in subs or any(w.endswith("-" + s) or (len(s) > 4 and w.endswith(s)) for s in subs):
            return unit
    return None


def _german_noun(tok: Token) -> bool:
    return bool(re.fullmatch(r"[A-ZÄÖÜ][\w-]+", tok.text))


def _plain_unit(k: int, words: list[str], toks: list[Token], nums: _Numbers) -> tuple[str | None, int]:
    # skip one adjective: "23 weitere Menschen", "1600 km" ; "Dutzende russische Drohnen"
    de = nums.lang == "de"
    for off in (0, 1):
        if k + off >= len(words):
            break
        w = words[k + off]
        nxt = k + off + 1
        unit = _lookup(w, nums.units)
        if unit is not None:
            if de and toks[k + off].text[:1].islower() and nxt < len(toks) and _german_noun(toks[nxt]):
                # "Sechs tote Schafe": "tote" is an adjective here; the noun is what is counted.
                return _lookup(words[nxt], nums.units) or words[nxt], nxt
            return unit, k + off
        if off == 0 and not toks[k].text[:1].islower():
            if _german_noun(toks[k]) and de:
                return words[k], k   # a German noun counted: "23 Wohnhäuser"
            break
        if off == 1 and de and re.fullmatch(r"[a-zäöüß]+(?:e|en|er|es|em)", toks[k].text) and _german_noun(toks[k + 1]) \
                and words[k] not in _ARTICLES and words[k] not in _DETERMINERS and words[k] not in nums.range_words:
            return words[k + 1], k + 1   # "19 mexikanischen Bundesstaaten"
    if not de and nums.modifier_span:
        return _unit_after_modifiers(k, words, nums)
    return None, k


def _unit_after_modifiers(k: int, words: list[str], nums: _Numbers) -> tuple[str | None, int]:
    """A unit word after up to ``modifier_span`` plain words: "two more Patriot systems"."""
    for off in range(nums.modifier_span + 1):
        if k + off >= len(words):
            break
        w = words[k + off]
        unit = _lookup(w, nums.units)
        if unit is not None:
            return unit, k + off
        if not re.fullmatch(r"[a-z][a-z-]*", w) or w in nums.not_modifiers or w in nums.range_words \
                or w in nums.partitive or w in nums.per_words or w in nums.words or w in nums.multipliers:
            break
    return None, k


def _is_name_number(i: int, unit: str, toks: list[Token], nums: _Numbers) -> bool:
    """"Channel 10", "Shenzhou 6", "Boeing 747": a bare number right after a capitalised
    word inside the sentence is part of a name (counted nouns follow their number)."""
    if unit != "count" or i < 2:
        return False
    prev = toks[i - 1].text
    return prev[:1].isupper() and prev.isalpha() and prev.lower() not in nums.prefix_units


def _is_age(i: int, j: int, words: list[str], nums: _Numbers) -> bool:
    """"der 23jährige", "eine 23jährige Studentin": an age, not a checkable count."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return any(words[i].lstrip("0123456789.,-").startswith(a) or nxt.lstrip("-").startswith(a) for a in nums.age_words)


def _share_units(claims: list[Claim], spans: list[tuple[int, int]], words: list[str], nums: _Numbers) -> None:
    """A bare number shares the unit of its neighbour: "zwischen 80 und 150 Kilometern pro
    Stunde" (both km/h), "von 114 auf 99 Euro"; "200 Zivilisten getötet und 400 verletzt",
    "38 Personen ..., 16 davon" (people)."""
    for n, c in enumerate(claims):
        if c.unit != "count":
            continue
        i, j = spans[n]
        if n + 1 < len(claims) and spans[n + 1][0] == j + 2 and words[j + 1] in nums.range_words \
                and claims[n + 1].unit not in ("count", "ratio"):
            c.unit = claims[n + 1].unit
            continue
        if n == 0 or claims[n - 1].unit in ("count", "ratio", "percent"):
            continue
        prev_end = spans[n - 1][1]
        davon = j + 1 < len(words) and words[j + 1] in nums.partitive
        listed = i > 0 and words[i - 1] in nums.range_words | {","} and i - prev_end <= 6
        # "killing at least four people and injuring at least 23, ...": a clause-final bare
        # number after a coordinator a few words on still counts the same thing
        nxt = words[j + 1] if j + 1 < len(words) else "."
        listed = listed or (i - prev_end <= 5 and nxt in {",", ".", ";", ")"}
                            and any(w in nums.range_words for w in words[prev_end + 1:i]))
        if davon or listed:
            c.unit = claims[n - 1].unit


def _is_date(i: int, j: int, words: list[str], toks: list[Token], nums: _Numbers, value: float, unit: str) -> bool:
    w = words[i]
    if re.fullmatch(r"(1[89]|20)\d\d", w) and unit == "count":
        return True                                   # a year
    nxt = words[j + 1] if j + 1 < len(words) else ""
    prev = words[i - 1] if i > 0 else ""
    return nxt in nums.date_words or prev in nums.date_words or nxt in (":", "uhr")


def _qualifier(i: int, words: list[str], nums: _Numbers) -> str | None:
    before1 = words[i - 1] if i >= 1 else ""
    before2 = " ".join(words[i - 2:i]) if i >= 2 else ""
    if before1 in ("die", "the") and i >= 2:      # "etwa die Hälfte"
        before1 = words[i - 2]
        before2 = " ".join(words[i - 3:i - 1]) if i >= 3 else ""
    for name, cues in (("at_least", nums.at_least), ("at_most", nums.at_most), ("approx", nums.approx)):
        if before1 in cues or before2 in cues:
            return name
    return None


_MEASURES = frozenset({"km", "m", "m2", "cm", "mm", "km2", "miles", "USD", "EUR", "GBP", "RUB", "percent", "percentage_points", "km/h", "mph",
                       "l", "kg", "t", "SEK", "CHF", "JPY", "CNY", "UAH", "PLN"})
_BREAKS = (",", ";", ":", ".", "–", "—", "(", "“", "„")


def _about(i: int, j: int, unit: str, words: list[str], toks: list[Token], text: str, nums: _Numbers) -> str | None:
    """What the number is about.  For a count ("23 Menschen seien verletzt worden") the
    words after it up to the clause end (at most eight); for a measure in German ("eine
    Entfernung von bis zu 1600 Kilometern", "Ihr Preis liegt bei 1,3 Millionen Dollar") the
    noun before it in the clause, then the words after."""
    if (unit in _MEASURES or "/" in unit) and nums.lang == "de":
        k = i - 1
        while k > 0 and toks[k].text not in _BREAKS:
            if toks[k].text[:1].isupper() and re.fullmatch(r"[A-ZÄÖÜ][\w-]+", toks[k].text):
                after = _about(i, j, "count", words, toks, text, nums)
                return toks[k].text + (f" … {after}" if after else "")
            k -= 1
    k = j + 1
    stop = k
    while stop < len(toks) and stop - k < 8 and toks[stop].text not in _BREAKS:
        stop += 1
    if stop <= k:
        return None
    return text[toks[k].start:toks[stop - 1].end]


def _claimant(start: int, sent: Sentence, words: list[str], ex: Extraction, nums: _Numbers) -> str | None:
    for q in ex.quotes:
        if q.start <= start < q.end and q.speaker is not None:
            return q.speaker.actor or q.speaker.text
    lowered = sent.text.lower()
    if not any(re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", lowered) for a in nums.attribution):
        return None
    inside = [m for m in ex.mentions if m.actor and sent.start <= m.start < sent.end and not (m.start <= start < m.end)]
    if not inside:
        return None
    return min(inside, key=lambda m: abs(m.start - start)).actor
