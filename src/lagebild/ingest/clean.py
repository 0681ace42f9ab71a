"""Strip scraped-page boilerplate from article text, keeping every body sentence.

The cleaner works line by line.  A rule fires only on a line of the right *shape*
(short, no sentence punctuation, in the header or tail of the article, repeated, ...)
that also carries a marker from ``lang/<code>/boilerplate.yaml``; it never fires on a
long body paragraph.  Everything taken out is kept as ``Removed(text, reason)``.

Reasons (stage ``ingest.clean.v1``): caption, duplicate_caption, photo_credit,
duplicate, byline, reading_time, relative_date, dateline, kicker, promo, hashtags,
comments_widget, share_widget, navigation, pingback.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lagebild import lang as langdata
from lagebild.ingest.dates import date_pattern
from lagebild.model import Removed

STAGE = "ingest.clean.v1"

# A line this long with sentence punctuation is body text; no short-line rule may touch it.
BODY_MIN_CHARS = 100
SHORT_LINE = 120          # promo / byline / widget lines are at most this long
CAPTION_MAX = 400         # a line ending in a credit is at most this long
CAPTION_KEEP_MAX = 250    # ... and only up to this length is the text before the credit a caption

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_BULLET = re.compile(r"^[-–—•·*|>]+\s*")
_SENT_END = re.compile(r"[.!?…][\"“”»«’')\]]*(?:\s|$)")
_PINGBACK = re.compile(r"^\[(?:…|\.\.\.)\].*\[(?:…|\.\.\.)\]$")
_HASHTAG_LINE = re.compile(r"^(?:#\w[\w-]*[\s,]*)+$")
_HASHTAG_TAIL = re.compile(r"(?P<tags>(?:#\w[\w-]*[\s,]*){1,})$")
_NAME = r"[A-ZÄÖÜÁÉÍÓÚŁŠŽČ][\w'’.-]+(?:\s+(?:(?:von|van|de|der|den|zu|da|di|del|le|la|al|bin|ibn)\s+)?[A-ZÄÖÜÁÉÍÓÚŁŠŽČ][\w'’.-]+){1,3}"
# Ways a header line packs several items: "Von A. Muster | 3 Min. Lesezeit", "Von A. Muster, 17.10.2025".
_SEGMENT_SPLITS = (re.compile(r"\s+[|·•]\s+"), re.compile(r"\s+[|·•–—-]\s+|,\s+(?!\d{1,2}[:.]\d{2}(?![\d.]))|\s+(?=(?:am|on)\s+\d)"))


_TIME_ONLY = re.compile(r"(?:um\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|[ap]\.?m\.?|h))?(?:\s*[A-Z]{2,4})?", re.IGNORECASE)


@dataclass
class Cleaned:
    text: str
    removed: list[Removed] = field(default_factory=list)
    hints: dict[str, Any] = field(default_factory=dict)
    author: str | None = None


@dataclass(frozen=True)
class Markers:
    """Compiled boilerplate markers for one language (or the union of all)."""

    promo: re.Pattern[str]
    reading_time: re.Pattern[str]
    relative_date: re.Pattern[str]
    byline: re.Pattern[str]
    byline_prefix: re.Pattern[str]
    credit: re.Pattern[str]
    credit_strong: re.Pattern[str]
    widgets: tuple[tuple[str, re.Pattern[str]], ...]
    kicker: re.Pattern[str]
    dateline: re.Pattern[str]


def _alternation(words: list[str], *, escape: bool = True) -> str:
    items = sorted({str(w) for w in words if str(w).strip()}, key=len, reverse=True)
    if not items:
        return "(?!)"
    return "(?:" + "|".join(re.escape(w) if escape else w for w in items) + ")"


@functools.lru_cache(maxsize=None)
def markers(lang: str | None) -> Markers:
    """Markers for ``lang``; an unknown language (or None) uses the union of all languages' data."""
    codes = [lang] if lang in langdata.available() else langdata.available()
    data: dict[str, list[Any]] = {}
    widgets: dict[str, list[str]] = {}
    genre: list[str] = []
    for code in codes:
        conf = langdata.load(code, "boilerplate") or {}
        for key in ("promo_words", "promo_starts", "reading_time", "relative_date", "byline_prefixes",
                    "credit_prefixes", "credit_agencies", "dateline_prefixes", "weekdays"):
            data.setdefault(key, []).extend(conf.get(key) or [])
        for reason, pats in (conf.get("widgets") or {}).items():
            widgets.setdefault(reason, []).extend(pats or [])
        for words in (conf.get("genre_markers") or {}).values():
            genre.extend(words or [])
    agency = _alternation(data["credit_agencies"])
    prefix = _alternation(data["credit_prefixes"])
    # A credit: "Foto: ...", "©...", "Name/dpa", "IMAGO/Name", "VXimages.com/imago", "Getty Images".
    credit = (
        rf"(?:©\s*)?(?:{prefix}\s*:\s*\S.{{0,80}}"
        rf"|(?:©\s*)?[\w.&'’-]+(?:\s[\w.&'’-]+){{0,3}}\s*[/|]\s*{agency}(?:\s*[/|].{{0,40}})?"
        rf"|{agency}\s*/\s*\S.{{0,60}}"
        rf"|©\s*\S.{{0,60}}"
        rf"|{agency}(?:\s+(?:Images|Photo|Foto|via Getty Images))?)"
    )
    strong = rf"(?:{prefix}\s*:\s*\S.{{0,80}}|©\s*\S.{{0,60}}|[\w.&'’-]+(?:\s[\w.&'’-]+){{0,3}}\s*/\s*{agency}|{agency}\s*/\s*\S.{{0,60}})"
    byline = (rf"(?:{_alternation(data['byline_prefixes'])}\s*:?\s+{_NAME}(?:\s*(?:,|und|and|&)\s*{_NAME})*(?:,\s*[A-ZÄÖÜ][\w-]+)?"
              rf"|{_NAME}(?:\s*(?:,|und|and|&)\s*{_NAME})*)")
    date = date_pattern(lang).pattern
    dateline = (rf"(?:{_alternation(data['dateline_prefixes'])}\s*:?\s*)?"
                rf"(?:{_alternation(data['weekdays'])}\.?,?\s+)?"
                rf"(?:{date})(?:\s*[-–—|,]?\s*(?:um\s+|at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*(?:Uhr|[ap]\.?m\.?|h))?(?:\s*[A-Z]{{2,4}})?)?")
    return Markers(
        promo=re.compile(rf"(?<!\w){_alternation(data['promo_words'])}(?!\w)|^{_alternation(data['promo_starts'])}(?!\w)",
                         re.IGNORECASE),
        reading_time=re.compile(_alternation(data["reading_time"], escape=False), re.IGNORECASE),
        relative_date=re.compile(_alternation(data["relative_date"], escape=False), re.IGNORECASE),
        byline=re.compile(byline),
        byline_prefix=re.compile(rf"{_alternation(data['byline_prefixes'])}(?:\s*:\s*|\s+)"),
        credit=re.compile(credit),
        credit_strong=re.compile(strong),
        widgets=tuple((reason, re.compile(_alternation(pats, escape=False), re.IGNORECASE))
                      for reason, pats in widgets.items()),
        kicker=re.compile(rf"{_alternation(genre)}\s*:?", re.IGNORECASE),
        dateline=re.compile(dateline, re.IGNORECASE),
    )


def normalize(text: str) -> str:
    """Conservative whitespace/Unicode normalisation; the result is what all offsets point into."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def is_body(line: str) -> bool:
    """A body paragraph: long and made of sentences (pingback excerpts are not body)."""
    s = line.strip()
    return len(s) >= BODY_MIN_CHARS and bool(_SENT_END.search(s)) and not _PINGBACK.match(s)


def clean_text(text: str, lang: str | None = None) -> tuple[str, list[Removed]]:
    """Cleaned text and what was removed.  See :func:`clean` for hints and the byline author."""
    result = clean(text, lang)
    return result.text, result.removed


def clean(text: str, lang: str | None = None) -> Cleaned:
    mk = markers(lang)
    lines = normalize(text).split("\n")
    body_idx = [i for i, line in enumerate(lines) if is_body(line)]
    first_body = body_idx[0] if body_idx else len(lines)
    last_body = body_idx[-1] if body_idx else -1
    out = Cleaned("")
    captions = _credited_captions(lines, mk)
    keep: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            keep.append("")
            continue
        where = "header" if i < first_body else "tail" if i > last_body else "body"
        kept = _clean_line(s, where, mk, captions, seen, out)
        if kept is not None:
            keep.append(kept)
            if len(kept) >= 20:
                seen.add(kept)
    out.text = _join(keep)
    return out


def _clean_line(s: str, where: str, mk: Markers, captions: set[str], seen: set[str],
                out: Cleaned) -> str | None:
    """Return the line to keep (possibly shortened), or None when the whole line is removed."""
    def drop(reason: str, piece: str = s) -> None:
        out.removed.append(Removed(piece, reason))

    if _PINGBACK.match(s):
        drop("pingback")
        return None
    if _HASHTAG_LINE.match(s):
        drop("hashtags")
        return None
    if s in captions:
        # Captions are printed twice by many scrapers: once plain, once with the credit glued on.
        drop("duplicate_caption")
        return None
    credit = _split_credit(s, mk)
    if credit is not None:
        caption, credit_text, caption_like = credit
        drop("photo_credit", credit_text)
        if caption and caption_like and _is_caption_sized(caption):
            drop("caption", caption)
            return None
        # A body sentence followed by a stray credit: only the credit goes.
        return caption or None
    if s in seen:
        drop("duplicate")
        return None
    if len(s) <= SHORT_LINE and where != "body" and _is_meta_line(s, where, mk, out):
        return None
    if len(s) <= SHORT_LINE and where == "body":
        widget = _is_widget(s, mk, {"share_widget", "navigation"})
        if widget:
            drop(widget)
            return None
    if _is_promo(s, mk):
        drop("promo")
        return None
    return _strip_hashtags(s, out)


def _is_caption_sized(text: str) -> bool:
    """Captions are one or two sentences; anything longer is body text that a credit was glued to."""
    return len(text) <= CAPTION_KEEP_MAX and len(_SENT_END.findall(text)) <= 2


def _credited_captions(lines: list[str], mk: Markers) -> set[str]:
    """The caption part of every line "caption.CREDIT": a bare copy of it elsewhere is a caption too."""
    found: set[str] = set()
    for line in lines:
        split = _split_credit(line.strip(), mk)
        if split and split[0] and split[2] and _is_caption_sized(split[0]):
            found.add(split[0])
    return found


_PAREN_CREDIT = re.compile(r"^(?P<cap>.*?)\s*\((?P<credit>[^()]{2,80})\)$")


def _split_credit(s: str, mk: Markers) -> tuple[str, str, bool] | None:
    """(text before, credit, is the text before a caption?) when the line ends in a photo credit.

    The text before is a caption when the credit is glued to it without a space (how scrapers
    concatenate <figcaption> and credit: "...Hauptstadt.VXimages.com/imago") or when it is a
    phrase rather than a sentence ("Soldaten an der Front (Foto: dpa)").  A credit-only line
    gives ("", credit, False).
    """
    if len(s) > CAPTION_MAX or s.endswith((".", "!", "?", "…", ":")):
        return None
    if len(s) <= SHORT_LINE and mk.credit_strong.fullmatch(s) and not _SENT_END.search(s[:-1]):
        return "", s, False
    m = _PAREN_CREDIT.match(s)
    if m and m.group("cap") and mk.credit_strong.fullmatch(m.group("credit")):
        cap = m.group("cap").strip()
        return cap, f"({m.group('credit')})", not _SENT_END.search(cap + " ")
    # Try each sentence end as the caption end, earliest first ("...Hauptstadt.VXimages.com/imago"
    # must split before "VXimages", not before "com").
    for m in re.finditer(r"[.!?…“”\"»)](?=\s?[^\s.!?…])", s):
        cap, rest = s[: m.end()], s[m.end():]
        glued = not rest.startswith(" ")
        rest = rest.strip()
        if len(rest) > 90 or len(cap.strip()) < 15:
            continue
        if (glued and mk.credit.fullmatch(rest)) or mk.credit_strong.fullmatch(rest):
            return cap.strip(), rest, glued
    return None


def _is_meta_line(s: str, where: str, mk: Markers, out: Cleaned) -> bool:
    """Header/tail lines: byline, reading time, relative date, dateline, kicker, widgets.

    A line may hold several of them separated by "|" or "·" ("Von A. Muster | 3 Min. Lesezeit").
    """
    found = _meta_segments(s, where, mk)
    if found is None:
        return False
    for kind, seg in found:
        out.removed.append(Removed(seg, kind))
        bare = _BULLET.sub("", seg)
        if kind == "reading_time":
            out.hints.setdefault("reading_time", bare)
        elif kind == "relative_date":
            out.hints.setdefault("relative_published", bare)
        elif kind == "dateline":
            out.hints.setdefault("dateline", bare)
        elif kind == "kicker":
            out.hints.setdefault("kicker", bare.rstrip(":").strip())
        elif kind == "byline" and out.author is None:
            out.author = _byline_name(bare, mk)
    return True


def _meta_segments(s: str, where: str, mk: Markers) -> list[tuple[str, str]] | None:
    """Classify the whole line, else its parts; every part must be metadata or nothing is."""
    kind = _meta_kind(s, where, mk, in_meta_line=False)
    if kind is not None:
        return [(kind, s)]
    for split in _SEGMENT_SPLITS:
        parts = [p.strip() for p in split.split(s) if p.strip()]
        if len(parts) < 2:
            continue
        kinds = [_meta_kind(re.sub(r"^(?:am|on)\s+", "", p), where, mk, in_meta_line=True) for p in parts]
        # A bare name counts as a byline only next to other metadata ("Anna Muster | vor 3 Stunden"),
        # so a line of names ("Donald Trump, Wladimir Putin") is never taken for one.
        if all(kinds) and any(k != "byline" for k in kinds):
            return list(zip(kinds, parts))   # type: ignore[arg-type]
    return None


def _meta_kind(seg: str, where: str, mk: Markers, *, in_meta_line: bool) -> str | None:
    bare = _BULLET.sub("", seg).strip()
    has_bullet = bare != seg
    if mk.reading_time.fullmatch(bare):
        return "reading_time"
    if mk.relative_date.fullmatch(bare):
        return "relative_date"
    if mk.dateline.fullmatch(bare) or (in_meta_line and _TIME_ONLY.fullmatch(bare)):
        return "dateline"
    if where == "header" and mk.kicker.fullmatch(bare):
        return "kicker"
    reasons = {"share_widget", "navigation"} | ({"comments_widget"} if where == "tail" else set())
    widget = _is_widget(bare, mk, reasons)
    if widget:
        return widget
    m = mk.byline.fullmatch(bare)
    if m and len(bare.split()) <= 12:
        # A bare name needs a bullet ("- Thomas Tratnik") or a "|"-separated meta line;
        # a prefix ("Von ...", "By ...") is enough on its own.
        if has_bullet or in_meta_line or mk.byline_prefix.match(bare):
            return "byline"
    return None


def _is_widget(s: str, mk: Markers, reasons: set[str]) -> str | None:
    bare = _BULLET.sub("", s).strip().rstrip(":")
    for reason, pattern in mk.widgets:
        if reason in reasons and pattern.fullmatch(bare):
            return reason
    return None


def _byline_name(bare: str, mk: Markers) -> str:
    prefix = mk.byline_prefix.match(bare)
    return (bare[prefix.end():] if prefix else bare).strip()


def _is_promo(s: str, mk: Markers) -> bool:
    """A short non-sentence line that advertises something (podcast, newsletter, ad, "Lesen Sie auch")."""
    if len(s) > SHORT_LINE or len(s.split()) > 16:
        return False
    if s.endswith((".", "?", "…")) or _SENT_END.search(s[:-1]):
        return False   # a sentence, even a short one, is body
    return bool(mk.promo.search(s))


def _strip_hashtags(s: str, out: Cleaned) -> str:
    """Remove a trailing run of hashtags ("... Europas insgesamt. #Trump #Putin"), keep the sentence."""
    m = _HASHTAG_TAIL.search(s)
    if not m:
        return s
    tags = m.group("tags").strip()
    head = s[: m.start()].rstrip()
    after_sentence = bool(re.search(r"[.!?…“”\"»]$", head))
    if len(re.findall(r"#\w", tags)) >= 2 or after_sentence:
        out.removed.append(Removed(tags, "hashtags"))
        return head
    return s


def _join(lines: list[str]) -> str:
    """Join kept lines; runs of blank lines collapse to one blank line, none at the ends."""
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")
