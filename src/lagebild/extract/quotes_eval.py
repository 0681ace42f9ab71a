"""Scoring of the quote extractor: the development gold and SpkAtt-2023 task 2.

Used by ``benchmarks/quotes.py`` (prints the figures) and ``tests/test_quotes_gate.py``
(pins floors).  Nothing here is shipped data: the gold lives in ``../shared``.

Dev gold (``gold/ukraine-2025-dev.json``)
    A predicted quote matches a gold quote when their word sets overlap (Dice >= 0.5);
    gold and predictions are paired one-to-one by linear sum assignment on Dice.  A pair
    counts as a hit when the speaker is right too: one of the gold key's aliases occurs
    in the speaker as written, in the name a pronoun was resolved to, or in the KB name
    of the speaker's actor.  P = hits / predictions, R = hits / gold.  ``kind`` does not
    change the hit; it is reported apart as kind agreement (direct and partial are
    distinguished; a hedged quote, kind "reported", agrees with direct/partial gold,
    since the gold has no hedge label).  A scare quote is reported as speech when some
    prediction's words are (almost) exactly the marked term: a hard check.

SpkAtt-2023 task 2, simplified (re-implemented from the data README, not copied)
    Per document, non-nested gold MESSAGE spans and predicted message spans are sets of
    (sentence, token) pairs; they are paired by linear sum assignment maximising token
    overlap (same form breaks ties).  Matched pairs add overlap to TP, the rest of each
    span to FP/FN; unmatched spans are all FP (predicted) or FN (gold).  SOURCE tokens
    count only inside a matched pair (otherwise FP/FN).  Joint = MESSAGE + SOURCE counts.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from lagebild.extract.base import Context, default_extractors
from lagebild.extract.quotes import QuoteExtractor, QuoteMatch
from lagebild.model import DateValue, Document, Extraction, ParsedDoc, Sentence, Token, content_hash

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class PRF:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def row(self) -> dict[str, float]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4)}


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


# ------------------------------------------------------------------ running the extractor

def make_context() -> Context:
    """A context with the bundled KB when the KB package is there (else none)."""
    try:
        from lagebild.kb import load_kb
    except ImportError:
        return Context()
    return Context(kb=load_kb())


def run_quotes(parsed: ParsedDoc, ctx: Context, extractor: QuoteExtractor | None = None) -> tuple[list[QuoteMatch], Extraction]:
    """Run the extractors that come before quotes in the default chain, then the quote finder."""
    ex = Extraction()
    for stage in default_extractors():
        if getattr(stage, "name", "").startswith("quotes"):
            break
        stage(parsed, ex, ctx)
    return (extractor or QuoteExtractor()).find(parsed, ex, ctx), ex


# ------------------------------------------------------------------ dev gold

@dataclass
class GoldReport:
    all: PRF = field(default_factory=PRF)
    quotes: PRF = field(default_factory=PRF)        # direct + partial
    indirect: PRF = field(default_factory=PRF)
    text_only: PRF = field(default_factory=PRF)      # match on text, speaker ignored
    kind_agree: int = 0
    kind_total: int = 0
    scare_as_speech: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "all": self.all.row(), "quotes": self.quotes.row(), "indirect": self.indirect.row(),
            "text_only": self.text_only.row(),
            "kind_agreement": round(self.kind_agree / self.kind_total, 4) if self.kind_total else None,
            "scare_quotes_as_speech": len(self.scare_as_speech),
        }


def _speaker_ok(qm: QuoteMatch, key: str, aliases: dict[str, list[str]], ctx: Context) -> bool:
    spk = qm.quote.speaker
    if spk is None:
        return False
    names = [spk.text, spk.antecedent or ""]
    if spk.actor:
        names.append(spk.actor.split(":", 1)[-1].replace("-", " "))
        actor = ctx.kb.get(spk.actor) if ctx.kb is not None and hasattr(ctx.kb, "get") else None
        if actor is not None:
            names += [actor.name, *actor.aliases]
    hay = " ".join(n.lower() for n in names if n)
    return any(re.search(rf"(?<!\w){re.escape(a.lower())}(?!\w)", hay) for a in aliases.get(key, [key]))


def _published(window: list[str] | None) -> DateValue | None:
    return DateValue(window[0], "day", basis="gold window") if window else None


def score_gold(gold: dict[str, Any], corpus_dir: Path, ctx: Context | None = None) -> GoldReport:
    from lagebild.nlp import get_pipeline

    ctx = ctx or make_context()
    aliases = gold.get("actor_aliases", {})
    rep = GoldReport()
    for name, g in gold["docs"].items():
        text = (corpus_dir / name).read_text(encoding="utf-8")
        doc = Document(id=content_hash(text), source=name, text=text, language="de",
                       published=_published(g.get("published_window")))
        found, _ = run_quotes(get_pipeline("de")(doc), ctx)
        for term in g.get("not_quotes", []):
            tw = words(term)
            if any(words(q.quote.text) and dice(words(q.quote.text), tw) >= 0.8 for q in found):
                rep.scare_as_speech.append(f"{name}: {term}")
        quotes_g = [q for q in g.get("quotes", [])]
        indirect_g = [q for q in g.get("indirect", [])]
        direct_p = [q for q in found if q.form == "direct" or q.quote.kind in ("direct", "partial")]
        indirect_p = [q for q in found if q not in direct_p]
        _pair(quotes_g + indirect_g, found, aliases, ctx, rep.all, rep, name, text_only=rep.text_only)
        _pair(quotes_g, direct_p, aliases, ctx, rep.quotes, None, name)
        _pair(indirect_g, indirect_p, aliases, ctx, rep.indirect, None, name)
    return rep


def _pair(gold: list[dict], pred: list[QuoteMatch], aliases: dict, ctx: Context, acc: PRF,
          rep: GoldReport | None, name: str, text_only: PRF | None = None) -> None:
    sim = np.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, q in enumerate(pred):
            sim[i, j] = dice(words(g["text"]), words(q.quote.text))
    rows, cols = linear_sum_assignment(-sim) if sim.size else ([], [])
    hits = text_hits = 0
    matched = set()
    for i, j in zip(rows, cols):
        if sim[i, j] < 0.5:
            continue
        text_hits += 1
        ok = _speaker_ok(pred[j], gold[i]["speaker"], aliases, ctx)
        hits += ok
        matched.add(i)
        if rep is not None:
            gk, pk = gold[i].get("kind"), pred[j].quote.kind
            rep.kind_total += 1
            rep.kind_agree += gk == pk or (pk == "reported" and gk in ("direct", "partial"))
            if not ok:
                spk = pred[j].quote.speaker
                rep.misses.append(f"{name}: wrong speaker {spk.text if spk else None!r} for {gold[i]['text'][:50]!r}")
    if rep is not None:
        for i, g in enumerate(gold):
            if i not in matched:
                rep.misses.append(f"{name}: missed {g['speaker']}: {g['text'][:60]!r}")
        used = {j for i, j in zip(rows, cols) if sim[i, j] >= 0.5}
        for j, q in enumerate(pred):
            if j not in used:
                spk = q.quote.speaker
                rep.misses.append(f"{name}: extra {q.quote.kind} ({spk.text if spk else None}): {q.quote.text[:60]!r}")
    acc.add(PRF(hits, len(pred) - hits, len(gold) - hits))
    if text_only is not None:
        text_only.add(PRF(text_hits, len(pred) - text_hits, len(gold) - text_hits))


# ------------------------------------------------------------------ SpkAtt-2023 task 2

_FORMS = {"Direct": "direct", "Indirect": "indirect", "FreeIndirect": "free", "IndirectFreeIndirect": "free",
          "Reported": "reported"}


def spkatt_document(path: Path) -> tuple[ParsedDoc, list[list[tuple[int, int]]]]:
    """A ParsedDoc from the pre-tokenised sentences (tokens joined by spaces) and, per
    sentence, each token's (start, end) in the text."""
    data = json.loads(path.read_text(encoding="utf-8"))
    parts: list[str] = []
    sents: list[Sentence] = []
    offsets: list[list[tuple[int, int]]] = []
    pos = 0
    for sent in data["Sentences"]:
        toks: list[Token] = []
        offs: list[tuple[int, int]] = []
        s0 = pos
        for tok in sent["Tokens"]:
            toks.append(Token(pos, pos + len(tok), tok))
            offs.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok) + 1
        text_so_far = " ".join(parts)
        sents.append(Sentence(s0, pos - 1, text_so_far[s0:pos - 1], toks))
        offsets.append(offs)
    text = " ".join(parts)
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\.json$", path.name)
    doc = Document(id=content_hash(text), source=path.name, text=text, language="de",
                   published=DateValue(m.group(1), "day", basis="file name") if m else None)
    return ParsedDoc(doc=doc, sents=sents), offsets


def _cells(spans: list[str]) -> set[tuple[int, int]]:
    out = set()
    for sp in spans:
        s, t = sp.split(":")
        out.add((int(s), int(t)))
    return out


def _to_cells(spans: list[tuple[int, int]], offsets: list[list[tuple[int, int]]]) -> set[tuple[int, int]]:
    out = set()
    for s_i, offs in enumerate(offsets):
        for t_i, (a, b) in enumerate(offs):
            if any(a < e and s < b for s, e in spans):
                out.add((s_i, t_i))
    return out


@dataclass
class SpkAttReport:
    message: PRF = field(default_factory=PRF)
    source: PRF = field(default_factory=PRF)
    joint: PRF = field(default_factory=PRF)
    form_gold: dict[str, PRF] = field(default_factory=dict)   # recall side, by gold form
    form_pred: dict[str, PRF] = field(default_factory=dict)   # precision side, by predicted form
    docs: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"docs": self.docs, "seconds": round(self.seconds, 1), "joint": self.joint.row(),
                "message": self.message.row(), "source": self.source.row(),
                "by_form": self.by_form()}

    def by_form(self) -> dict[str, dict[str, float | int]]:
        """Message-token P (over predictions of that form) and R (over gold of that form)."""
        out: dict[str, dict[str, float | int]] = {}
        for form in sorted(set(self.form_gold) | set(self.form_pred)):
            g, p = self.form_gold.get(form, PRF()), self.form_pred.get(form, PRF())
            out[form] = {"p": round(p.p, 4), "r": round(g.r, 4), "gold_tokens": int(g.tp + g.fn)}
        return out


def _pred_form(qm: QuoteMatch) -> str:
    return "free" if qm.rule == "free-indirect" else qm.form


def score_spkatt(split_dir: Path, ctx: Context | None = None, limit: int | None = None) -> SpkAttReport:
    ctx = ctx or make_context()
    rep = SpkAttReport()
    t0 = time.perf_counter()
    # SpkAtt annotates media citations, thoughts and bare speech acts too: switch those on
    extractor = QuoteExtractor(media_sources=True, thoughts=True, speech_acts=True, unattributed=True)
    for path in sorted(split_dir.glob("*.json"))[:limit]:
        data = json.loads(path.read_text(encoding="utf-8"))
        parsed, offsets = spkatt_document(path)
        found, _ = run_quotes(parsed, ctx, extractor)
        gold = [(_cells(a["Message"]), _cells(a["Source"]), _FORMS.get(a["Form"], "other"))
                for a in data["Annotations"] if not a.get("IsNested")]
        pred = [(_to_cells(q.message, offsets), _to_cells([q.source] if q.source else [], offsets), _pred_form(q))
                for q in found]
        _score_doc(gold, pred, rep)
        rep.docs += 1
    rep.joint.add(rep.message)
    rep.joint.add(rep.source)
    rep.seconds = time.perf_counter() - t0
    return rep


def _score_doc(gold: list[tuple[set, set, str]], pred: list[tuple[set, set, str]], rep: SpkAttReport) -> None:
    sim = np.zeros((len(gold), len(pred)))
    for i, (gm, _, gf) in enumerate(gold):
        for j, (pm, _, pf) in enumerate(pred):
            ov = len(gm & pm)
            sim[i, j] = ov + (0.01 if ov and gf == pf else 0.0)
    rows, cols = linear_sum_assignment(-sim) if sim.size else ([], [])
    pairs = {i: j for i, j in zip(rows, cols) if sim[i, j] >= 1}
    for i, (gm, gs, gf) in enumerate(gold):
        form = rep.form_gold.setdefault(gf, PRF())
        if i in pairs:
            pm, ps, _ = pred[pairs[i]]
            rep.message.add(PRF(len(gm & pm), len(pm - gm), len(gm - pm)))
            rep.source.add(PRF(len(gs & ps), len(ps - gs), len(gs - ps)))
            form.tp += len(gm & pm)
            form.fn += len(gm - pm)
        else:
            rep.message.fn += len(gm)
            rep.source.fn += len(gs)
            form.fn += len(gm)
    by_pred = {j: i for i, j in pairs.items()}
    for j, (pm, ps, pf) in enumerate(pred):
        form = rep.form_pred.setdefault(pf, PRF())
        if j in by_pred:
            gm = gold[by_pred[j]][0]
            form.tp += len(pm & gm)
            form.fp += len(pm - gm)
        else:
            rep.message.fp += len(pm)
            rep.source.fp += len(ps)
            form.fp += len(pm)
