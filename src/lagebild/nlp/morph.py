"""German case and number with two small CRFs (``nlp.morph.crf.v1``).

HanTa's tags give verb form, pronoun type and degree (see ``tagger.py``); case and number
of nouns, articles, adjectives and pronouns need context ("den Präsidenten" is
accusative singular or dative plural), so a CRF per feature predicts them from word
endings, the inflection the lemmatiser removed and the neighbouring words and tags.
Trained by ``scripts/train_morph.py`` on UD German GSD test + PUD (CC BY-SA), scored on
GSD dev.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from lagebild.model import Sentence

__all__ = ["MorphTagger", "morph_features", "merge_feats", "FEATS", "INFLECTED"]

MODEL_DIR = Path(__file__).resolve().parent / "models"
FEATS = ("Case", "Number")
# tags whose words inflect for case/number; other tokens get no prediction
INFLECTED = frozenset({
    "NN", "NE", "ART", "ADJA", "PDAT", "PDS", "PIAT", "PIS", "PPER", "PPOSAT", "PPOSS", "PRELS",
    "PRELAT", "PRF", "PWS", "PWAT", "APPRART", "VVFIN", "VAFIN", "VMFIN",
})


def _ending(word: str, lemma: str) -> str:
    """What inflection added to the lemma: "Präsidenten"/"Präsident" -> "en"."""
    w, lem = word.lower(), lemma.lower()
    k = 0
    while k < len(w) and k < len(lem) and w[k] == lem[k]:
        k += 1
    return w[k:] if k >= len(lem) - 1 else "~" + w[k:]


_CLOSED = frozenset({"ART", "APPR", "APPRART", "PDAT", "PIAT", "PPOSAT", "PRELS", "PPER", "PRF",
                     "VAFIN", "VMFIN", "VVFIN", "KOKOM"})
_OPEN = frozenset({"NN", "NE", "ADJA"})


def morph_features(words: list[str], tags: list[str], lemmas: list[str]) -> list[list[str]]:
    n = len(words)
    lw = [w.lower() for w in words]
    # what a neighbour contributes: closed-class words by form ("dem"), others by ending
    ctx = [(lw[j] if tags[j] in _CLOSED else lw[j][-2:]) for j in range(n)]
    out = []
    for i in range(n):
        w, t = lw[i], tags[i]
        e = _ending(words[i], lemmas[i])
        f = ["b", "t=" + t, "s1=" + w[-1:], "s2=" + w[-2:], "s3=" + w[-3:], "e=" + e, "t|e=" + t + "|" + e]
        if t not in _OPEN:
            f.append("w=" + w)                      # closed-class forms: "dem", "ihnen"
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}t={tags[j]}")
                f.append(f"{d}w={ctx[j]}" if tags[j] in _CLOSED else f"{d}s2={ctx[j]}")
            else:
                f.append(f"{d}=pad")
        out.append(f)
    return out


def merge_feats(*parts: str) -> str:
    """UD feature strings joined and sorted by name ("VerbForm=Fin" + "Number=Sing")."""
    feats = [p for part in parts if part for p in part.split("|")]
    return "|".join(sorted(set(feats), key=lambda s: s.split("=")[0].lower()))


class MorphTagger:
    """Adds Case and Number to tagged German sentences; models open on first use."""

    stage = "nlp.morph.crf.v1"

    def __init__(self, model_dir: Path | None = None) -> None:
        self.model_dir = model_dir or MODEL_DIR
        self._taggers: dict[str, Any] = {}

    def _tagger(self, feat: str) -> Any:
        if feat not in self._taggers:
            path = self.model_dir / f"morph-de-{feat.lower()}.crfsuite"
            if not path.is_file():
                raise FileNotFoundError(
                    f"morphology model {path} is missing; rebuild it with `python scripts/train_morph.py`")
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            self._taggers[feat] = tagger
        return self._taggers[feat]

    def predict(self, words: list[str], tags: list[str], lemmas: list[str]) -> list[str]:
        """UD features (``Case=Dat|Number=Plur``) per token; empty for uninflected words."""
        if not words:
            return []
        xseq = morph_features(words, tags, lemmas)
        cols = [self._tagger(feat).tag(xseq) for feat in FEATS]
        out = []
        for i, tag in enumerate(tags):
            if tag not in INFLECTED:
                out.append("")
                continue
            out.append("|".join(f"{feat}={col[i]}" for feat, col in zip(FEATS, cols) if col[i] != "_"))
        return out

    def __call__(self, sent: Sentence) -> None:
        toks = sent.tokens
        pred = self.predict([t.text for t in toks], [t.tag for t in toks], [t.lemma for t in toks])
        for tok, feats in zip(toks, pred):
            if feats:
                tok.morph = merge_feats(tok.morph, feats)
