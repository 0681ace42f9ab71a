"""Proper-name recognition with a linear-chain CRF (``nlp.ner.crf.v1``).

The model is trained by ``scripts/train_ner.py`` (GermEval 2014 test + SmartData, see
``nlp/models/README.md``) and shipped in ``nlp/models/ner-de.crfsuite``.  The feature
function below is shared by training and tagging, so both always see the same features.
English has no trained model: :class:`RuleNER` marks runs of proper nouns instead.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lagebild.model import Entity, Sentence

__all__ = ["CrfNER", "RuleNER", "sent_features", "bio_to_spans", "consistent_labels", "MODEL_DIR", "LABELS"]

MODEL_DIR = Path(__file__).resolve().parent / "models"
LABELS = ("PER", "LOC", "ORG", "OTH")

_UPPER = re.compile(r"[A-ZÄÖÜÀ-ÖØ-Þ]")


def _shape(w: str) -> str:
    """Collapsed word shape: "US-Präsident" -> "X-Xx", "F-16" -> "X-d", "Kiew" -> "Xx"."""
    out = []
    prev = ""
    for c in w:
        if c.isupper():
            k = "X"
        elif c.islower():
            k = "x"
        elif c.isdigit():
            k = "d"
        else:
            k = c
        if k != prev:
            out.append(k)
            prev = k
    return "".join(out)


# Typographic variants are one feature: training data mixes "…" and „…“, news uses „…“.
_PUNCT_NORM = {q: '"' for q in "„“”«»‚‘’‹›'"} | {"–": "-", "—": "-", "…": "..."}


def _word_feats(w: str) -> list[str]:
    lw = _PUNCT_NORM.get(w, w).lower()
    feats = [
        "w=" + lw, "s2=" + lw[-2:], "s3=" + lw[-3:], "s4=" + lw[-4:], "p3=" + lw[:3],
        "sh=" + _shape(_PUNCT_NORM.get(w, w)),
    ]
    if "-" in w.strip("-"):
        parts = lw.split("-")
        feats.append("hd=" + parts[-1])
        feats.append("hm=" + parts[0])
    if len(w) == 1:
        feats.append("len1")
    return feats


def sent_features(words: list[str], tags: list[str] | None = None,
                  lemmas: list[str] | None = None) -> list[list[str]]:
    """CRF features for one sentence (``tags``/``lemmas`` from the tagger, optional)."""
    n = len(words)
    base = [_word_feats(w) for w in words]
    if lemmas is not None:
        for i, (w, lem) in enumerate(zip(words, lemmas)):
            if lem and lem != w:
                base[i].append("l=" + lem.lower())   # "Washingtons" -> "washington"
    lowers = [_PUNCT_NORM.get(w, w).lower() for w in words]
    shapes = [b[5] for b in base]
    tg = tags if tags is not None else ["-"] * n
    out: list[list[str]] = []
    for i in range(n):
        f = ["b", "t=" + tg[i]]
        f.extend(base[i])
        if i == 0:
            f.append("BOS")
            f.append("BOS|" + shapes[i])
        else:
            f.append("-1w=" + lowers[i - 1])
            f.append("-1" + shapes[i - 1])
            f.append("-1t=" + tg[i - 1])
            f.append("-1t|t=" + tg[i - 1] + "|" + tg[i])
            if i > 1:
                f.append("-2w=" + lowers[i - 2])
                f.append("-2t=" + tg[i - 2])
        if i == n - 1:
            f.append("EOS")
        else:
            f.append("+1w=" + lowers[i + 1])
            f.append("+1" + shapes[i + 1])
            f.append("+1t=" + tg[i + 1])
            f.append("t|+1t=" + tg[i] + "|" + tg[i + 1])
            if i < n - 2:
                f.append("+2w=" + lowers[i + 2])
                f.append("+2t=" + tg[i + 2])
        out.append(f)
    return out


def bio_to_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first, last+1, type) token spans from BIO labels; a stray I- opens a new span."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, lab in enumerate(list(labels) + ["O"]):
        if lab.startswith("I-") and kind == lab[2:]:
            continue
        if kind:
            spans.append((start, i, kind))
            kind = ""
        if lab.startswith(("B-", "I-")):
            start, kind = i, lab[2:]
    return spans


class CrfNER:
    """Tags sentences with the shipped CRF; the model file is opened on first use."""

    stage = "nlp.ner.crf.v1"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or MODEL_DIR / "ner-de.crfsuite"
        self._tagger: Any = None

    @property
    def tagger(self) -> Any:
        if self._tagger is None:
            if not self.path.is_file():
                raise FileNotFoundError(
                    f"NER model {self.path} is missing; rebuild it with `python scripts/train_ner.py`")
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
            self._tagger = tagger
        return self._tagger

    def labels(self, words: list[str], tags: list[str] | None = None,
               lemmas: list[str] | None = None) -> list[str]:
        if not words:
            return []
        return list(self.tagger.tag(sent_features(words, tags, lemmas)))

    def labels_conf(self, words: list[str], tags: list[str] | None = None,
                    lemmas: list[str] | None = None) -> tuple[list[str], list[float]]:
        """Labels and the CRF's marginal probability of each chosen label."""
        if not words:
            return [], []
        tagger = self.tagger
        labels = list(tagger.tag(sent_features(words, tags, lemmas)))
        return labels, [tagger.marginal(lab, i) for i, lab in enumerate(labels)]

    def __call__(self, sent: Sentence) -> list[Entity]:
        """One sentence on its own (``doc`` also makes labels consistent across sentences)."""
        toks = sent.tokens
        labels = self.labels([t.text for t in toks], [t.tag for t in toks], [t.lemma for t in toks])
        for tok, lab in zip(sent.tokens, labels):
            tok.ent = lab
        return _entities(sent, labels)

    def doc(self, sents: list[Sentence]) -> list[Entity]:
        """All sentences of one document, with one label per name (``consistent_labels``)."""
        labels, confs, keys = [], [], []
        for sent in sents:
            toks = sent.tokens
            lab, conf = self.labels_conf([t.text for t in toks], [t.tag for t in toks], [t.lemma for t in toks])
            labels.append(lab)
            confs.append(conf)
            keys.append([(t.lemma or t.text).lower() for t in toks])
        labels = consistent_labels(labels, keys, confs)
        ents: list[Entity] = []
        for sent, lab in zip(sents, labels):
            for tok, one in zip(sent.tokens, lab):
                tok.ent = one
            ents.extend(_entities(sent, lab))
        return ents


def consistent_labels(labels: list[list[str]], keys: list[list[str]],
                      confs: list[list[float]]) -> list[list[str]]:
    """One type per name within a document (``nlp.ner.consistency.v1``).

    News repeats names: "in Kiew" is clearly a place, "Kiew setzt darauf" reads like a
    person to a sentence-level CRF, "Washingtons Haltung" like a person's genitive.  Each
    span votes for its type with the CRF's confidence, keyed by its lemmas ("Washingtons"
    and "Washington" are one name); spans of a name are relabelled to the winning type.
    Spans are never added or removed.
    """
    votes: dict[str, dict[str, float]] = {}
    spans = [bio_to_spans(lab) for lab in labels]
    for sent_spans, key, conf in zip(spans, keys, confs):
        for a, b, kind in sent_spans:
            name = " ".join(key[a:b])
            votes.setdefault(name, {})
            votes[name][kind] = votes[name].get(kind, 0.0) + sum(conf[a:b]) / (b - a)
    out = []
    for lab, sent_spans, key in zip(labels, spans, keys):
        new = list(lab)
        for a, b, kind in sent_spans:
            ballot = votes[" ".join(key[a:b])]
            best = max(ballot, key=lambda k: (ballot[k], k == kind))
            if best != kind:
                new[a] = "B-" + best
                for k in range(a + 1, b):
                    new[k] = "I-" + best
        out.append(new)
    return out


class RuleNER:
    """Fallback for languages without a trained model (English): capitalised runs are names.

    A token is part of a name when the tagger calls it a proper noun, or when it is a
    capitalised noun/adjective inside the sentence ("White House").  Title words split a
    run and label what follows ("U.S. President Donald Trump" -> "U.S." + PER "Donald
    Trump"); otherwise the label comes from a cue word inside the run ("Defense Ministry"
    -> ORG) or right before it ("in Kyiv" -> LOC), else OTH.  Cue lists, month and weekday
    names come from ``nlp/data/<lang>.yaml`` (``ner_cues``).
    """

    stage = "nlp.ner.rules.v1"

    def __init__(self, cues: dict[str, Any] | None = None) -> None:
        cues = cues or {}
        self.before: dict[str, str] = {}
        self.inside: dict[str, str] = {}
        for label, words in (cues.get("before") or {}).items():
            self.before.update({str(w).lower(): label for w in words})
        for label, words in (cues.get("inside") or {}).items():
            self.inside.update({str(w).lower(): label for w in words})
        self.not_names = {str(w).lower() for w in cues.get("not_names") or []}

    def _is_name(self, toks: list[Any], i: int) -> bool:
        tok = toks[i]
        if not _UPPER.match(tok.text[:1]) or tok.text.lower().rstrip(".") in self.not_names:
            return False
        if tok.pos == "PROPN":
            return True
        # a capitalised noun or adjective inside an English sentence is part of a name
        return tok.pos in ("NOUN", "ADJ") and i > 0 and toks[i - 1].text not in _SENT_OPENERS

    def __call__(self, sent: Sentence) -> list[Entity]:
        toks = sent.tokens
        labels = ["O"] * len(toks)
        i = 0
        while i < len(toks):
            if not self._is_name(toks, i):
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and self._is_name(toks, j + 1):
                j += 1
            self._label_run(toks, i, j, labels)
            i = j + 1
        for tok, lab in zip(toks, labels):
            tok.ent = lab
        return _entities(sent, labels)

    def _label_run(self, toks: list[Any], i: int, j: int, labels: list[str]) -> None:
        hint = self.before.get(toks[i - 1].text.lower().rstrip(".")) if i else None
        start = None
        for k in range(i, j + 2):
            word = toks[k].text.lower().rstrip(".") if k <= j else ""
            is_title = k <= j and self.before.get(word) == "PER"
            if start is not None and (k > j or is_title):
                self._label_segment(toks, start, k - 1, hint, labels)
                start, hint = None, None
            if is_title:
                hint = "PER"
            elif k <= j and start is None:
                start = k

    def _label_segment(self, toks: list[Any], a: int, b: int, hint: str | None, labels: list[str]) -> None:
        if toks[b].pos == "ADJ":
            return          # "Ukrainian", "Russian": a nationality adjective is not a name
        kind = hint
        for k in range(a, b + 1):
            kind = kind or self.inside.get(toks[k].text.lower())
        kind = kind or "OTH"
        labels[a] = "B-" + kind
        for k in range(a + 1, b + 1):
            labels[k] = "I-" + kind


_SENT_OPENERS = {'"', "“", "‘", "'", "(", "[", ":", "„", "«", "»", "-", "–", "—"}


def _entities(sent: Sentence, labels: list[str]) -> list[Entity]:
    ents = []
    for a, b, kind in bio_to_spans(labels):
        start, end = sent.tokens[a].start, sent.tokens[b - 1].end
        off = start - sent.start
        ents.append(Entity(start, end, sent.text[off:off + end - start], kind))
    return ents
