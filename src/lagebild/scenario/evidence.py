"""Resolve a scenario's quoted sources to Evidence (document, offsets, sentence).

Scenario files cite ``doc`` (a corpus file name) and ``quote`` (an exact substring)
so that they stay readable and survive re-cleaning.  Here each quote is found in
the document text and widened to its sentence(s), which gives the standard
:class:`lagebild.model.Evidence` record.  The ``doc`` of that record is the file
name; callers holding ingested Documents can map it to the content-hash id.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lagebild.model import Evidence
from lagebild.paths import PACKAGE_DIR

from .schema import Scenario, ScenarioError

__all__ = ["CitedNumber", "resolve_quote", "resolve_sources", "sentence_bounds"]

# a sentence ends at . ! ? … (optionally followed by closing quotes) before whitespace, or at a line break
_SENT_END = re.compile(r"[.!?…][“”\"«»)]*(?=\s)|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence(s) around text[start:end]."""
    s = 0
    for m in _SENT_END.finditer(text, 0, start):
        s = m.end()
    e = len(text)
    m = _SENT_END.search(text, max(end - 1, start))
    if m:
        e = m.end() if m.group() != "\n" else m.start()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def resolve_quote(text: str, doc: str, quote: str) -> Evidence:
    """Evidence for the first occurrence of ``quote`` in ``text``; ScenarioError if absent."""
    k = text.find(quote)
    if k < 0:
        raise ScenarioError(f"quote not found in {doc}: {quote[:80]!r}")
    s, e = sentence_bounds(text, k, k + len(quote))
    return Evidence(doc, s, e, text[s:e])


@dataclass
class CitedNumber:
    path: str                  # e.g. "RUS.territory.position"
    value: float
    evidence: list[Evidence]
    judgements: list[str]


def resolve_sources(scenario: Scenario, corpus_dir: str | Path | None = None) -> list[CitedNumber]:
    """Every number of the scenario with its resolved evidence; raises on a quote that is not in its doc."""
    root = Path(corpus_dir) if corpus_dir is not None else PACKAGE_DIR / "corpus" / (scenario.corpus or "")
    texts: dict[str, str] = {}
    out: list[CitedNumber] = []
    problems: list[str] = []
    for path, q in scenario.quantities():
        evs, judg = [], []
        for src in q.sources:
            if src.judgement:
                judg.append(src.judgement)
            if src.doc is None:
                continue
            if src.doc not in texts:
                f = root / src.doc
                if not f.is_file():
                    problems.append(f"{path}: document {src.doc!r} not found in {root}")
                    texts[src.doc] = ""
                    continue
                texts[src.doc] = f.read_text(encoding="utf-8")
            try:
                evs.append(resolve_quote(texts[src.doc], src.doc, src.quote))
            except ScenarioError as err:
                problems.append(f"{path}: {err}")
        out.append(CitedNumber(path, q.value, evs, judg))
    if problems:
        raise ScenarioError(f"{len(problems)} source(s) of scenario {scenario.id!r} do not resolve:\n  - "
                            + "\n  - ".join(problems))
    return out
