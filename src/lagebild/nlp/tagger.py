"""Lemmas, fine tags, universal POS and coarse morphology via HanTa (``nlp.tagger.hanta.v1``).

HanTa (Wartena 2019, LGPL) ships German (STTS) and English (CLAWS5) models inside its
wheel, so nothing is downloaded.  Its Viterbi pass is the slowest part of the pipeline;
two process-wide caches keep the rest cheap: the per-word morphological analysis of
unknown words (HanTa only precomputes it for words it saw in training) and the lemma
per (word, tag).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Tagger", "TagResult", "stts_to_upos", "STAGE"]

STAGE = "nlp.tagger.hanta.v1"

_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}
_QUOTES = {"„", "“", "”", "«", "»", "‚", "‘", "’", "‹", "›"}
_PUNCT = re.compile(r"^[^\w]+$")
_NUMBER = re.compile(r"^\d+(?:[.,:/]\d+)*$")
_PAREN = re.compile(r"^([A-Z]+)\(([A-Z]+)\)$")
_CACHE_MAX = 300_000
_LONG = 40             # longer tokens are tagged by their ending and keep their form as lemma

# STTS -> UPOS as in UD German GSD (e.g. TRUNC "Staats-" -> NOUN, PTKA "am (besten)" -> ADV).
_STTS_UPOS = {
    "ADJA": "ADJ", "ADJD": "ADJ", "ADV": "ADV", "APPR": "ADP", "APPRART": "ADP", "APPO": "ADP",
    "APZR": "ADP", "ART": "DET", "CARD": "NUM", "FM": "X", "ITJ": "INTJ", "KOUI": "SCONJ",
    "KOUS": "SCONJ", "KON": "CCONJ", "KOKOM": "CCONJ", "NN": "NOUN", "NE": "PROPN", "PDS": "PRON",
    "PDAT": "DET", "PIS": "PRON", "PIAT": "DET", "PIDAT": "DET", "PPER": "PRON", "PPOSS": "PRON",
    "PPOSAT": "DET", "PRELS": "PRON", "PRELAT": "DET", "PRF": "PRON", "PWS": "PRON", "PWAT": "DET",
    "PWAV": "ADV", "PROAV": "ADV", "PTKZU": "PART", "PTKNEG": "PART", "PTKVZ": "ADP", "PTKANT": "PART",
    "PTKA": "ADV", "TRUNC": "NOUN", "VVFIN": "VERB", "VVIMP": "VERB", "VVINF": "VERB", "VVIZU": "VERB",
    "VVPP": "VERB", "VAFIN": "AUX", "VAIMP": "AUX", "VAINF": "AUX", "VAPP": "AUX", "VMFIN": "AUX",
    "VMINF": "AUX", "VMPP": "AUX", "XY": "X", "$,": "PUNCT", "$.": "PUNCT", "$(": "PUNCT",
}
_STTS_MORPH = {
    "ART": "PronType=Art", "PPER": "PronType=Prs", "PRF": "PronType=Prs|Reflex=Yes",
    "PPOSAT": "Poss=Yes|PronType=Prs", "PPOSS": "Poss=Yes|PronType=Prs", "PDAT": "PronType=Dem",
    "PDS": "PronType=Dem", "PIAT": "PronType=Ind", "PIS": "PronType=Ind", "PRELS": "PronType=Rel",
    "PRELAT": "PronType=Rel", "PWS": "PronType=Int", "PWAT": "PronType=Int", "PWAV": "PronType=Int",
    "CARD": "NumType=Card", "PTKNEG": "Polarity=Neg", "VVFIN": "VerbForm=Fin", "VAFIN": "VerbForm=Fin",
    "VMFIN": "VerbForm=Fin", "VVIMP": "Mood=Imp|VerbForm=Fin", "VAIMP": "Mood=Imp|VerbForm=Fin",
    "VVINF": "VerbForm=Inf", "VAINF": "VerbForm=Inf", "VMINF": "VerbForm=Inf", "VVIZU": "VerbForm=Inf",
    "VVPP": "VerbForm=Part", "VAPP": "VerbForm=Part", "VMPP": "VerbForm=Part", "ADJA": "Degree=Pos",
    "ADJD": "Degree=Pos",
}
# CLAWS5 (HanTa's English tagset) -> (UPOS, morphology)
_CLAWS = {
    "AJ0": ("ADJ", "Degree=Pos"), "AJC": ("ADJ", "Degree=Cmp"), "AJS": ("ADJ", "Degree=Sup"),
    "AT0": ("DET", "PronType=Art"), "AV0": ("ADV", ""), "AVP": ("ADP", ""), "AVQ": ("ADV", "PronType=Int"),
    "CJC": ("CCONJ", ""), "CJS": ("SCONJ", ""), "CJT": ("SCONJ", ""), "CRD": ("NUM", "NumType=Card"),
    "DPS": ("PRON", "Poss=Yes|PronType=Prs"), "DT0": ("DET", ""), "DTQ": ("DET", "PronType=Int"),
    "EX0": ("PRON", ""), "ITJ": ("INTJ", ""), "NN0": ("NOUN", ""), "NN1": ("NOUN", "Number=Sing"),
    "NN2": ("NOUN", "Number=Plur"), "NP0": ("PROPN", ""), "ORD": ("ADJ", "NumType=Ord"),
    "PNI": ("PRON", "PronType=Ind"), "PNP": ("PRON", "PronType=Prs"), "PNQ": ("PRON", "PronType=Int"),
    "PNX": ("PRON", "Reflex=Yes"), "POS": ("PART", ""), "PRF": ("ADP", ""), "PRP": ("ADP", ""),
    "PUL": ("PUNCT", ""), "PUN": ("PUNCT", ""), "PUQ": ("PUNCT", ""), "PUR": ("PUNCT", ""),
    "TO0": ("PART", ""), "UNC": ("X", ""), "XX0": ("PART", "Polarity=Neg"), "ZZ0": ("X", ""),
    "VM0": ("AUX", "VerbForm=Fin"),
}
_CLAWS_VERB = {"B": "Tense=Pres|VerbForm=Fin", "D": "Tense=Past|VerbForm=Fin", "G": "VerbForm=Ger",
               "I": "VerbForm=Inf", "N": "Tense=Past|VerbForm=Part",
               "Z": "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"}


def _hanta_form(word: str, lang: str) -> str:
    """What HanTa sees for a token: its unknown-word analysis costs milliseconds, so German
    numbers become a known number and hyphenated compounds their head ("US-Präsident" is
    tagged like "Präsident"); quotes become the ASCII quote HanTa was trained with."""
    if word in _QUOTES:
        return '"'
    if lang != "de":
        return word if len(word) <= _LONG else word[:1] + word[-_LONG // 2:]
    if _NUMBER.match(word):
        return "100"
    if "-" in word.strip("-"):
        head = word[word.rfind("-") + 1:]
        if len(head) > 1 and head.isalpha():
            word = head
    if len(word) > _LONG:
        # HanTa's analysis grows steeply with word length (a 1,000-character token from
        # broken markup would take seconds); the ending decides the tag anyway
        word = word[:1] + word[-_LONG // 2:]
    return word


@functools.lru_cache(maxsize=1)
def _pronoun_lemmas() -> dict[str, str]:
    path = Path(__file__).resolve().parent / "data" / "de.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in (data.get("pronoun_lemmas") or {}).items()}


def stts_to_upos(tag: str) -> str:
    return _STTS_UPOS.get(tag, "X")


def _claws(tag: str) -> tuple[str, str]:
    if tag in _CLAWS:
        return _CLAWS[tag]
    if len(tag) == 3 and tag[0] == "V":
        upos = "AUX" if tag[1] == "B" else "VERB"
        return upos, _CLAWS_VERB.get(tag[2], "")
    return "X", ""


@dataclass
class TagResult:
    lemma: str
    tag: str       # STTS (de) or CLAWS5 (en)
    pos: str       # UPOS
    morph: str     # UD-style features derivable from the tag


class Tagger:
    """Tags sentences (lists of token strings); loads the HanTa model on first use."""

    def __init__(self, lang: str = "de") -> None:
        if lang not in _MODELS:
            raise ValueError(f"no tagger model for language {lang!r}; available: {sorted(_MODELS)}")
        self.lang = lang
        self._model: Any = None
        self._lemmas: dict[tuple[str, int], str] = {}

    @property
    def model(self) -> Any:
        if self._model is None:
            try:
                from HanTa import HanoverTagger as ht
            except ImportError as exc:  # pragma: no cover - HanTa is a core dependency
                raise RuntimeError("HanTa is missing: pip install HanTa") from exc
            model = ht.HanoverTagger(_MODELS[self.lang])
            # HanTa analyses every unknown word from scratch each time it occurs; memoise it.
            model.analyze_forward = functools.lru_cache(maxsize=_CACHE_MAX)(model.analyze_forward)
            self._model = model
        return self._model

    def tag(self, words: list[str]) -> list[TagResult]:
        if not words:
            return []
        model = self.model
        norm = [_hanta_form(w, self.lang) for w in words]
        tag_ids = model.tag_sent_viterbi(norm, True)
        out: list[TagResult] = []
        for i, (w, t) in enumerate(zip(norm, tag_ids)):
            raw = model.int2tag[t]
            if self.lang == "de":
                out.append(self._german(words[i], w, t, raw))
            else:
                out.append(self._english(words, i, w, t, raw, tag_ids))
        return out

    # -- German -----------------------------------------------------------------------
    def _german(self, orig: str, w: str, t: int, raw: str) -> TagResult:
        stts = _PAREN.sub(r"\1\2", raw)        # HanTa writes "VV(FIN)" for STTS "VVFIN"
        if stts in ("NNA", "NNI"):
            stts = "NN"
        if _PUNCT.match(orig):
            stts = stts if stts.startswith("$") else ("$." if orig in ".!?…" else "$(")
            return TagResult(orig, stts, "PUNCT", "")
        if _NUMBER.match(orig):
            return TagResult(orig, "CARD", "NUM", "NumType=Card")
        if stts == "CARD" and orig.endswith("."):
            stts = "ADV"        # "z.B.", "u.a.": HanTa reads unknown abbreviations as numbers
        morph = _STTS_MORPH.get(stts, "")
        if stts == "ADJA" and orig[:1].isdigit():
            morph = "NumType=Ord"
        return TagResult(self._lemma(orig, w, t, stts), stts, stts_to_upos(stts), morph)

    def _lemma(self, orig: str, w: str, t: int, tag: str) -> str:
        key = (orig, t)
        lemma = self._lemmas.get(key)
        if lemma is not None:
            return lemma
        if tag in ("PPER", "PRF") and orig.lower() in _pronoun_lemmas():
            lemma = _pronoun_lemmas()[orig.lower()]
        elif tag in ("FM", "XY", "CARD") or (orig.endswith(".") and len(orig) > 1) or len(orig) > _LONG:
            lemma = orig      # foreign words and abbreviations: HanTa lower-cases or truncates them
        elif tag == "NE":
            # names: accept HanTa only for dropping a genitive s ("Selenskyjs" -> "Selenskyj")
            lemma = orig
            if orig.endswith("s") and len(orig) > 3:
                base = self.model._analyze(orig, t, taglevel=1)[0]
                lemma = orig[:-1] if base.lower() == orig[:-1].lower() else orig
        elif "-" in orig.strip("-"):
            # compounds with a hyphen: lemmatise the head, keep the modifier as written
            head_at = orig.rstrip("-").rfind("-") + 1
            lemma = orig[:head_at] + self._head_lemma(orig[head_at:], t)
        else:
            lemma = self.model._analyze(w, t, taglevel=1)[0]
            if tag in ("NN", "NE") and lemma[:1].islower():
                lemma = lemma[:1].upper() + lemma[1:]
        if len(self._lemmas) >= _CACHE_MAX:
            self._lemmas.clear()
        self._lemmas[key] = lemma
        return lemma

    def _head_lemma(self, head: str, t: int) -> str:
        if not head:
            return head
        lemma = self.model._analyze(head, t, taglevel=1)[0]
        if head[:1].isupper():
            lemma = lemma[:1].upper() + lemma[1:]
        return lemma

    # -- English ----------------------------------------------------------------------
    def _english(self, words: list[str], i: int, w: str, t: int, raw: str, tag_ids: list[int]) -> TagResult:
        orig = words[i]
        if _PUNCT.match(orig):
            return TagResult(orig, raw if raw.startswith("PU") else "PUN", "PUNCT", "")
        upos, morph = _claws(raw)
        if raw.startswith(("VH", "VD")) and i + 1 < len(tag_ids):
            nxt = self.model.int2tag[tag_ids[i + 1]]
            if nxt.endswith("N") and nxt.startswith("V") or raw.startswith("VD") and nxt.startswith(("VVI", "XX")):
                upos = "AUX"      # "has said", "did not go"
        if raw in ("NP0", "CRD", "UNC") or len(orig) > _LONG:
            lemma = orig
        else:
            key = (w, t)
            lemma = self._lemmas.get(key)
            if lemma is None:
                lemma = self.model._analyze(w, t, taglevel=1)[0]
                if len(self._lemmas) >= _CACHE_MAX:
                    self._lemmas.clear()
                self._lemmas[key] = lemma
        return TagResult(lemma, raw, upos, morph)
