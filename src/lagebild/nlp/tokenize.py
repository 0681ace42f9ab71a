"""Rule tokenizer and sentence splitter for German and English news text (``nlp.tokenize.v2``).

The text is tokenized once; sentence boundaries are then chosen between tokens, so
every sentence and every token keeps exact character offsets into the input
(``text[tok.start:tok.end] == tok.text``).  Language knowledge (abbreviations, month
names, typical sentence starters) lives in ``nlp/data/<lang>.yaml``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from lagebild.model import Sentence, Token

__all__ = ["tokenize", "split_sentences", "LangRules", "lang_rules"]

STAGE = "nlp.tokenize.v2"
_DATA = Path(__file__).resolve().parent / "data"

_L = r"A-Za-zÄÖÜäöüßÀ-ÖØ-öø-ÿĀ-žА-яЁёІіЇїЄєҐґ"          # letters incl. Latin-1/Ext-A, Cyrillic
_W = _L + r"0-9"
_TOKEN = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"“”„]+[^\s<>\"“”„.,;:!?)\]]"          # URLs
    rf"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                         # e-mail addresses (from the start
    # of a run only: retried inside a long run of letters the tokenizer had no letter class for, e.g. CJK, it was quadratic)
    rf"|(?:[{_L}]{{1,2}}\.){{2,}}(?=[\s,;:)“”\"'’«»]|$)"                 # z.B. u.a. U.S.  i.d.R.
    rf"|\d+(?:[.,:/]\d+)*(?:-[{_L}]+)*"                                   # 1.000  3,5  12.04.2016  15:47  18-jährig
    rf"|[{_W}]+(?:[-'’][{_W}]+|[*:_·]in(?:nen)?\b)*(?:-(?=[\s,/]))?"      # US-Präsident, Soldat*innen, Kurz-
    r"|\.{2,}|[!?]{2,}|--+|\S"                                            # ... ?! -- and single symbols
)
# A run-on "sentence" longer than this (a table, a list or a text without punctuation; the
# longest real one in the reference corpus has 62 tokens) is cut: every extractor works per
# sentence, several in quadratic time, and a 20,000-character sentence took minutes.
MAX_SENT_TOKENS = 200
_TERMINAL = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
_CLOSERS = {"“", "”", '"', "«", "»", "’", "'", ")", "]", "‘"}
_OPENERS = {"„", "“", '"', "«", "»", "‚", "‘", "(", "[", "–", "-", "•", "*", "—"}
_WORDISH = re.compile(rf"[{_W}]")
_CLITIC = re.compile(r"(\w+?)(?:n['’]t|['’](?:s|re|ll|ve|d|m))$", re.IGNORECASE)


@dataclass(frozen=True)
class LangRules:
    abbreviations: frozenset[str]
    may_end: frozenset[str]
    months: frozenset[str]
    starters: frozenset[str]
    ordinals: bool          # "17." is an ordinal (German) rather than a number + full stop
    clitics: bool           # split English clitics: "Zelensky's" -> "Zelensky" "'s"


@functools.lru_cache(maxsize=None)
def lang_rules(lang: str) -> LangRules:
    """Tokenizer knowledge for ``lang`` (unknown languages use the English rules)."""
    path = _DATA / f"{lang}.yaml"
    if not path.is_file():
        path = _DATA / "en.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return LangRules(
        abbreviations=frozenset(str(a) for a in data.get("abbreviations", [])),
        may_end=frozenset(str(a) for a in data.get("may_end_sentence", [])),
        months=frozenset(str(a) for a in data.get("months", [])),
        starters=frozenset(str(a) for a in data.get("sentence_starters", [])),
        ordinals=lang == "de",
        clitics=lang == "en",
    )


def tokenize(text: str, offset: int = 0, lang: str = "de") -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset``.

    A period stays attached to known abbreviations, single capital initials
    ("J. Trump") and German ordinals ("17. Oktober"); otherwise it is its own token.
    """
    rules = lang_rules(lang)
    spans = _spans(text, rules)
    return [Token(s + offset, e + offset, text[s:e]) for s, e in spans]


def _spans(text: str, rules: LangRules) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        if spans and s < spans[-1][1]:
            continue        # this "." was already glued to the previous token
        if e < n and text[e] == "." and _glue_period(text, s, e, rules):
            e += 1
        if rules.clitics:
            c = _CLITIC.match(text, s, e)
            if c and c.end(1) > s:
                spans.append((s, c.end(1)))
                s = c.end(1)
        spans.append((s, e))
    return spans


def _glue_period(text: str, s: int, e: int, rules: LangRules) -> bool:
    word = text[s:e]
    if word in rules.abbreviations:
        return True
    if len(word) == 1 and word.isupper():
        return _next_word(text, e + 1)[:1].isalpha()      # initial: "Donald J. Trump"
    if rules.ordinals and word.isdigit() and len(word) <= 3:
        nxt = _next_word(text, e + 1)
        if not nxt or text[e + 1:e + 2] not in (" ", "\u00a0"):
            return False
        if nxt in rules.months or nxt[0].islower() or nxt[0].isdigit():
            return True
        return nxt[0].isupper() and nxt not in rules.starters
    return False


def _next_word(text: str, i: int) -> str:
    m = re.compile(r"[ \t\u00a0]*([^\s]+)").match(text, i)
    if not m:
        return ""
    w = m.group(1)
    k = 0
    while k < len(w) and not w[k].isalnum():
        k += 1
    return w[k:]


def split_sentences(text: str, lang: str = "de") -> list[Sentence]:
    """Sentences of ``text`` (each with its tokens), exact offsets, no leading/trailing space."""
    rules = lang_rules(lang)
    spans = _spans(text, rules)
    wrapped = _hard_wrapped(text)
    sents: list[Sentence] = []
    first = 0
    for i in range(len(spans)):
        if i + 1 == len(spans) or i + 1 - first >= MAX_SENT_TOKENS or _boundary_after(text, spans, i, rules, wrapped):
            toks = [Token(s, e, text[s:e]) for s, e in spans[first:i + 1]]
            start, end = spans[first][0], spans[i][1]
            sents.append(Sentence(start, end, text[start:end], toks))
            first = i + 1
    return sents


def _hard_wrapped(text: str) -> bool:
    """True for text broken into lines of similar length inside paragraphs (e-mail, plain
    text archives): there a single line break is just a space.  Extracted web text has
    one paragraph per line, where a line without final punctuation is a heading."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 5 or max(len(ln) for ln in lines) > 120:
        return False
    long_lines = sum(1 for ln in lines if len(ln) >= 40)
    # wrapped lines go on mid-sentence: many start in lower case (verbs, articles, ...)
    goes_on = sum(1 for ln in lines[1:] if ln[0].islower())
    return long_lines >= 0.6 * len(lines) and goes_on >= 0.2 * (len(lines) - 1)


def _boundary_after(text: str, spans: list[tuple[int, int]], i: int, rules: LangRules,
                    wrapped: bool = False) -> bool:
    s, e = spans[i]
    ns, ne = spans[i + 1]
    gap = text[e:ns]
    tok = text[s:e]
    nxt = text[ns:ne]
    if "\n" in gap:
        if gap.count("\n") > 1:
            return True
        # a single line break ends a sentence (headings, paragraphs) unless the line
        # goes on in lower case without final punctuation, or the text is hard-wrapped
        if not wrapped:
            return not (nxt[:1].islower() and tok not in _TERMINAL and tok not in _CLOSERS)
        if nxt in ("-", "•", "*", "–"):
            return True                  # a list item
        gap = " "
    if tok in _CLOSERS:
        # a closing quote/bracket ends the sentence only right after terminal punctuation
        j = i
        while j >= 0 and i - j < 8 and text[spans[j][0]:spans[j][1]] in _CLOSERS:
            j -= 1            # at most 8 back: a run of thousands of marks made this quadratic
        if j < 0 or text[spans[j][0]:spans[j][1]] not in _TERMINAL:
            return False
        if spans[j + 1][0] != spans[j][1]:
            return False                     # "Er sagte. “Neu" – quote belongs to the next one
        return _starts_sentence(nxt, gap)
    if tok in _TERMINAL:
        if ns == e and nxt in _CLOSERS:
            return False                     # the closing quote comes with this sentence
        return _starts_sentence(nxt, gap)
    if tok.endswith(".") and len(tok) > 1:
        # an abbreviation ("usw.") or ordinal ("17.") with its period glued on: it ends the
        # sentence only for abbreviations that often close one, before a typical starter
        return bool(gap) and tok[:-1] in rules.may_end and nxt in rules.starters
    return False


def _starts_sentence(nxt: str, gap: str) -> bool:
    if not gap:
        return False                         # "3.5", "Kiew.Das" – no space, no boundary
    c = nxt[:1]
    if c.isupper() or c.isdigit() or nxt in _OPENERS:
        return True
    return not _WORDISH.match(c) and c not in {",", ";", ":", ")", "]"} and not c.islower()
