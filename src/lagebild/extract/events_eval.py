"""Scoring events and claims against gold (``../shared/gold/*.json``).

Used by ``benchmarks/events.py`` (prints the figures) and ``tests/test_events_gate.py``
(pins floors).  Held-out gold files with the same layout are scored the same way.

Matching rules (documented in the benchmark output too):

* Gold actor keys are the gold file's own; a key maps to every KB actor whose name or
  alias (lower-cased) is in the key's ``actor_aliases`` list.
* A predicted event **matches** a gold event when (a) the gold evidence substring lies
  in, or overlaps, one of the predicted event's evidence sentences (``evidence`` or
  ``mentions``), (b) the types are equal, (c) some predicted source maps to the gold
  source and some predicted target to the gold target — for reciprocal types (CONSULT,
  COOPERATE, AGREE) either way round.  Each prediction matches at most one gold event.
* P = matches / predicted events in the scored documents; R = matches / gold events.
* Status accuracy and date accuracy are computed over matched pairs; a date is right
  when it is a day within ``date_tolerance_days`` (default 0) of the gold date.
* A claim matches when its sentence overlaps the gold evidence, the values are equal
  (relative difference < 1e-6) and the units are equal.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lagebild.extract.events import RECIPROCAL_TYPES
from lagebild.model import Claim, DateValue, Event, Evidence

__all__ = ["EventScore", "ClaimScore", "actor_map", "score_events", "score_claims"]


class PRF:
    """Precision/recall/F1 from ``matched``, ``predicted`` and ``gold`` counts (shared by the scores)."""

    matched: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EventScore(PRF):
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    status_right: int = 0
    dated_gold: int = 0          # matched pairs where the gold gives a date
    date_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.matched if self.matched else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.dated_gold if self.dated_gold else 0.0

    def add(self, other: EventScore) -> None:
        for name in ("gold", "predicted", "matched", "status_right", "dated_gold", "date_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)


@dataclass
class ClaimScore(PRF):
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: ClaimScore) -> None:
        for name in ("gold", "predicted", "matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)


def actor_map(gold_aliases: dict[str, list[str]], kb: Any) -> dict[str, set[str]]:
    """Gold actor key -> KB actor ids whose name/aliases meet the key's alias list."""
    out: dict[str, set[str]] = {k: set() for k in gold_aliases}
    actors = getattr(kb, "actors", {}) or {}
    wanted = {k: {a.lower() for a in v} for k, v in gold_aliases.items()}
    for actor in actors.values():
        names = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
        for key, aliases in wanted.items():
            if names & aliases:
                out[key].add(actor.id)
    return out


def _span_of(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def _overlaps(ev: Iterable[Evidence], span: tuple[int, int] | None, needle: str) -> bool:
    for e in ev:
        if needle in e.text:
            return True
        if span is not None and e.start < span[1] and span[0] < e.end:
            return True
    return False


def _parties_ok(event: Event, gold: dict[str, Any], amap: dict[str, set[str]]) -> bool:
    gs, gt = amap.get(gold["source"], {gold["source"]}), amap.get(gold["target"], {gold["target"]})
    src, tgt = set(event.source), set(event.target)
    straight = bool(src & gs) and bool(tgt & gt)
    if straight or event.type not in RECIPROCAL_TYPES:
        return straight
    both = src | tgt
    return bool(both & gs) and bool(both & gt)


def _date_ok(event: Event, gold: dict[str, Any]) -> bool:
    if event.date is None or event.date.precision != "day":
        return False
    try:
        got = dt.date.fromisoformat(event.date.value)
        want = dt.date.fromisoformat(gold["date"])
    except ValueError:
        return False
    return abs((got - want).days) <= int(gold.get("date_tolerance_days", 0))


def score_events(text: str, events: list[Event], gold_events: list[dict[str, Any]],
                 amap: dict[str, set[str]], doc_name: str = "") -> EventScore:
    score = EventScore(gold=len(gold_events), predicted=len(events))
    used: set[int] = set()
    for g in gold_events:
        span = _span_of(text, g["evidence"])
        hit = None
        for k, ev in enumerate(events):
            if k in used or ev.type != g["type"]:
                continue
            if _overlaps([ev.evidence, *ev.mentions], span, g["evidence"]) and _parties_ok(ev, g, amap):
                hit = k
                break
        if hit is None:
            score.misses.append(f"{doc_name}: MISSED {g['type']} {g['source']}->{g['target']} «{g['evidence']}»")
            continue
        used.add(hit)
        ev = events[hit]
        score.matched += 1
        if ev.status == g["status"]:
            score.status_right += 1
        else:
            score.misses.append(f"{doc_name}: STATUS {g['type']} gold={g['status']} got={ev.status}")
        if g.get("date"):
            score.dated_gold += 1
            if _date_ok(ev, g):
                score.date_right += 1
            else:
                got = ev.date.value if ev.date else None
                score.misses.append(f"{doc_name}: DATE {g['type']} gold={g['date']} got={got}")
    for k, ev in enumerate(events):
        if k not in used:
            score.misses.append(f"{doc_name}: EXTRA {ev.type} {ev.source}->{ev.target} {ev.status} «{ev.evidence.text[:70]}»")
    return score


def score_claims(text: str, claims: list[Claim], gold_claims: list[dict[str, Any]], doc_name: str = "") -> ClaimScore:
    score = ClaimScore(gold=len(gold_claims), predicted=len(claims))
    used: set[int] = set()
    for g in gold_claims:
        span = _span_of(text, g["evidence"])
        hit = None
        for k, c in enumerate(claims):
            if k in used or c.unit != g["unit"]:
                continue
            close = abs(c.value - float(g["value"])) <= 1e-6 * max(1.0, abs(float(g["value"])))
            if close and _overlaps([c.evidence], span, g["evidence"]):
                hit = k
                break
        if hit is None:
            score.misses.append(f"{doc_name}: MISSED claim {g['value']} {g['unit']} «{g['evidence']}»")
            continue
        used.add(hit)
        score.matched += 1
    for k, c in enumerate(claims):
        if k not in used:
            score.misses.append(f"{doc_name}: EXTRA claim {c.value} {c.unit} «{c.text}»")
    return score


@dataclass
class GoldRun:
    events: EventScore
    claims: ClaimScore
    docs: int
    chain: list[str]


def load_kb_or_none() -> Any:
    try:
        from lagebild.kb import load_kb  # type: ignore[attr-defined]
    except ImportError:
        try:
            from lagebild.kb.base import load_kb
        except ImportError:
            return None
    return load_kb()


def evaluate(gold: dict[str, Any], corpus_dir: Any, extractors: list[Any] | None = None,
             anchor_from_gold: bool = False) -> GoldRun:
    """Run ingest -> nlp -> extractor chain on each gold document and score it.

    ``anchor_from_gold`` (a diagnostic, not the score): the publication date is set to the
    middle of the gold's ``published_window``, so the event dating is measured apart from
    the publication-date estimate.
    """
    from pathlib import Path

    from lagebild.extract.base import Context, default_extractors
    from lagebild.ingest import iter_sources, load_document
    from lagebild.model import Extraction
    from lagebild.nlp import get_pipeline

    kb = load_kb_or_none()
    ctx = Context(kb=kb)
    chain = extractors if extractors is not None else default_extractors()
    amap = actor_map(gold.get("actor_aliases", {}), kb)
    ev_total, cl_total = EventScore(), ClaimScore()
    n = 0
    for name, g in gold["docs"].items():
        path = Path(corpus_dir) / name
        if not path.is_file():
            raise FileNotFoundError(f"gold document {name} not found in {corpus_dir} (pass --corpus DIR)")
        src = next(s for s in iter_sources([str(path)]) if not isinstance(s, Exception))
        doc = load_document(src)  # type: ignore[arg-type]
        if anchor_from_gold and g.get("published_window"):
            lo, hi = (dt.date.fromisoformat(d) for d in g["published_window"])
            mid = lo + (hi - lo) / 2
            doc.published = DateValue(mid.isoformat(), "day", None, "gold published_window midpoint (diagnostic)")
        parsed = get_pipeline(doc.language if doc.language in ("de", "en") else "de")(doc)
        ex = Extraction()
        for extractor in chain:
            extractor(parsed, ex, ctx)
        ev_total.add(score_events(parsed.doc.text, ex.events, g.get("events", []), amap, name))
        cl_total.add(score_claims(parsed.doc.text, ex.claims, g.get("claims", []), name))
        n += 1
    return GoldRun(ev_total, cl_total, n, [getattr(e, "name", type(e).__name__) for e in chain])
