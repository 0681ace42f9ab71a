"""Rule-based tokenizer and sentence splitter for German and English news text."""
from __future__ import annotations

import re

from lagebild.model import Sentence, Token

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*(?:\.(?=\s*[A-ZÄÖÜa-zäöü]))?"      # numbers, ordinals "17."
    r"|[A-Za-zÄÖÜäöüßÀ-ÿ0-9]+(?:[-'’][A-Za-zÄÖÜäöüßÀ-ÿ0-9]+)*-?"  # words, hyphenated (US-Präsident)
    r"|[^\sA-Za-zÄÖÜäöüßÀ-ÿ0-9]"
)
# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "de": {"z.B", "bzw", "ca", "Dr", "Prof", "St", "Nr", "Mio", "Mrd", "Min", "Jh", "u.a", "v.a", "d.h",
           "etc", "vgl", "Abs", "Art", "Mr", "Mrs", "Jan", "Feb", "Aug", "Sept", "Okt", "Nov", "Dez", "bspw", "usw"},
    "en": {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "e.g",
           "i.e", "etc", "vs", "U.S", "Gen", "Sen", "Rep"},
}
_SENT_END = re.compile(r"[.!?…]+[“”\"«»'’)]*(?=\s+)|\n+")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


def split_sentences(text: str, lang: str = "de") -> list[Sentence]:
    """Split on sentence-final punctuation and line breaks; keep exact offsets."""
    abbrev = _ABBREV.get(lang, _ABBREV["de"])
    sents: list[Sentence] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        piece = text[start:end]
        if m.group().startswith(".") and "\n" not in m.group():
            word = re.search(r"(\S+)\.$", text[start:m.start() + 1])
            prev = word.group(1) if word else ""
            if prev in abbrev or re.fullmatch(r"\d{1,2}", prev) or re.fullmatch(r"[A-ZÄÖÜ]", prev):
                continue  # "17. Oktober", "z.B.", "D. Trump"
        _add(sents, text, start, end)
        start = end
        del piece
    _add(sents, text, start, len(text))
    return sents


def _add(sents: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sents.append(Sentence(start, end, text[start:end], tokenize(text[start:end], start)))
