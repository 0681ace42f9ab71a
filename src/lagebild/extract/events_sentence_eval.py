"""Scoring the event extractor on single hand-coded sentences (``tests/data/events_sentences_*.yaml``).

Each sentence runs through the default chain (actors -> time -> quotes -> events ->
claims) as a one-sentence document, so actor detection counts as it would on unseen
news.  A predicted event **matches** an expected one when the types are equal and
some predicted source and target match an expected source and target (either way
round for reciprocal types).  An expected party matches a predicted actor id when it
*is* that id, or when an actor mention of the sentence whose text contains the string
resolves to that id (or, for a place, to its country).  ``optional`` expected events
are neither required nor counted against precision.  Status accuracy is over matches.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lagebild.extract.events import RECIPROCAL_TYPES
from lagebild.extract.events_eval import PRF
from lagebild.model import Event, Mention

__all__ = ["ExpectedEvent", "SentenceCase", "SentenceScore", "load_sentence_cases", "score_sentence_cases"]


@dataclass
class ExpectedEvent:
    type: str
    source: list[str]
    target: list[str]
    status: str = "occurred"
    optional: bool = False


@dataclass
class SentenceCase:
    text: str
    events: list[ExpectedEvent]
    lang: str = "de"


@dataclass
class SentenceScore(PRF):
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    status_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def gold(self) -> int:  # type: ignore[override]
        return self.expected

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.matched if self.matched else 0.0


def load_sentence_cases(path: str | Path) -> list[SentenceCase]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "sentences" not in data:
        raise ValueError(f"{path}: expected a mapping with 'lang' and 'sentences'")
    lang = data.get("lang", "de")
    out = []
    for k, s in enumerate(data["sentences"]):
        if "text" not in s or "events" not in s:
            raise ValueError(f"{path}: sentence #{k} needs 'text' and 'events' (use [] for none)")
        evs = [ExpectedEvent(e["type"], list(e["source"]), list(e["target"]), e.get("status", "occurred"),
                             bool(e.get("optional"))) for e in s["events"]]
        out.append(SentenceCase(s["text"], evs, lang))
    return out


def _ids_for(names: list[str], mentions: list[Mention], kb: Any) -> set[str]:
    ids: set[str] = set()
    for name in names:
        if ":" in name:
            ids.add(name)
            continue
        for m in mentions:
            if m.actor and name.lower() in m.text.lower():
                ids.add(m.actor)
                rec = kb.get(m.actor) if kb is not None and hasattr(kb, "get") else None
                if rec is not None and getattr(rec, "country", None):
                    ids.add(f"state:{rec.country}")
    return ids


def _match(ev: Event, exp: ExpectedEvent, mentions: list[Mention], kb: Any) -> bool:
    if ev.type != exp.type:
        return False
    src, tgt = _ids_for(exp.source, mentions, kb), _ids_for(exp.target, mentions, kb)
    hit = bool(src & set(ev.source)) and bool(tgt & set(ev.target))
    if not hit and ev.type in RECIPROCAL_TYPES:
        hit = bool(src & set(ev.target)) and bool(tgt & set(ev.source))
    return hit


def score_sentence_cases(cases: list[SentenceCase], extractors: list[Any] | None = None, kb: Any = None) -> SentenceScore:
    from lagebild.extract.base import Context, default_extractors
    from lagebild.extract.events_eval import load_kb_or_none
    from lagebild.model import Document, Extraction, content_hash
    from lagebild.nlp import get_pipeline

    kb = kb if kb is not None else load_kb_or_none()
    ctx = Context(kb=kb)
    chain = extractors if extractors is not None else default_extractors()
    score = SentenceScore()
    for case in cases:
        doc = Document(content_hash(case.text), "sentence-eval", case.text, case.lang)
        parsed = get_pipeline(case.lang)(doc)
        ex = Extraction()
        for extractor in chain:
            extractor(parsed, ex, ctx)
        used: set[int] = set()
        score.expected += sum(1 for e in case.events if not e.optional)
        for exp in case.events:
            k = next((k for k, ev in enumerate(ex.events) if k not in used and _match(ev, exp, ex.mentions, kb)), None)
            if k is None:
                if not exp.optional:
                    score.errors.append(f"MISSED {exp.type} {exp.source}->{exp.target} «{case.text}»")
                continue
            used.add(k)
            if exp.optional:
                continue
            score.matched += 1
            score.predicted += 1
            if ex.events[k].status == exp.status:
                score.status_right += 1
            else:
                score.errors.append(f"STATUS {exp.type} {ex.events[k].status} != {exp.status} «{case.text}»")
        for k, ev in enumerate(ex.events):
            if k not in used:
                score.predicted += 1
                score.errors.append(f"EXTRA {ev.type} {ev.source}->{ev.target} {ev.status} «{case.text}»")
    return score
