"""Readers and scorers for the NLP evaluations (GermEval 2014 NER, UD CoNLL-U).

Used by ``scripts/train_ner.py`` and ``benchmarks/nlp.py``; the data itself stays in
``../shared/data`` and is never copied into the project.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lagebild.nlp.ner import bio_to_spans

__all__ = ["read_germeval", "read_conllu", "ner_scores", "UdSentence"]

_MAIN = {"PER", "LOC", "ORG", "OTH"}

NerSent = tuple[list[str], list[str]]          # words, BIO labels


def read_germeval(path: Path) -> list[NerSent]:
    """GermEval 2014 TSV, outer column; ``deriv``/``part`` labels become O."""
    sents: list[NerSent] = []
    words: list[str] = []
    labels: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                if words:
                    sents.append((words, labels))
                    words, labels = [], []
                continue
            words.append(parts[1])
            lab = parts[2]
            labels.append(lab if lab == "O" or lab[2:] in _MAIN else "O")
    if words:
        sents.append((words, labels))
    return sents


def ner_scores(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Entity-level exact-match P/R/F1 (CoNLL style, in %), overall and per type."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(bio_to_spans(g)), set(bio_to_spans(p))
        for s in gs & ps:
            tp[s[2]] = tp.get(s[2], 0) + 1
        for s in ps - gs:
            fp[s[2]] = fp.get(s[2], 0) + 1
        for s in gs - ps:
            fn[s[2]] = fn.get(s[2], 0) + 1

    def prf(t: int, f_p: int, f_n: int) -> dict[str, float]:
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        return {"p": round(100 * p, 2), "r": round(100 * r, 2),
                "f1": round(200 * p * r / (p + r), 2) if p + r else 0.0, "support": t + f_n}

    out = {"overall": prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))}
    for kind in sorted(set(tp) | set(fp) | set(fn)):
        out[kind] = prf(tp.get(kind, 0), fp.get(kind, 0), fn.get(kind, 0))
    return out


@dataclass
class UdSentence:
    words: list[str]                      # surface tokens (a contraction like "zum" is one)
    # (lemma, upos, xpos, feats); None for contractions ("zum"), whose parts are not scored
    gold: list[tuple[str, str, str, dict[str, str]] | None] = field(default_factory=list)


def read_conllu(path: Path) -> list[UdSentence]:
    sents: list[UdSentence] = []
    cur = UdSentence([])
    skip_to = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if cur.words:
                    sents.append(cur)
                cur, skip_to = UdSentence([]), 0
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0]:
                cur.words.append(cols[1])
                cur.gold.append(None)
                skip_to = int(cols[0].split("-")[1])
                continue
            if "." in cols[0] or int(cols[0]) <= skip_to:
                continue
            cur.words.append(cols[1])
            feats = dict(kv.split("=", 1) for kv in cols[5].split("|")) if cols[5] != "_" else {}
            cur.gold.append((cols[2], cols[3], cols[4], feats))
    if cur.words:
        sents.append(cur)
    return sents
