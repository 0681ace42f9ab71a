"""English articles through the whole chain: actors, quotes, events, claims against a hand gold.

    .venv/bin/python benchmarks/english.py            # P/R/F1 per layer
    .venv/bin/python benchmarks/english.py --errors   # also every miss / extra
    .venv/bin/python benchmarks/english.py --json     # figures as JSON

Data: tests/data/english_articles.yaml (made-up wire-style articles, gold written before the
system saw them).  Each article goes through ingest (cleaning, language id, published date
from the text) as a .txt file in a temporary folder; where ingest finds no publication date
the gold ``published`` day is used (counted and printed), as the dev-gold scorers do with
``published_window``.  Then the NLP pipeline of the detected language and the default
extractor chain run once; the scores reuse the project's scorers:

* actors: document actor sets (``lagebild.extract.actors.document_actors``) mapped to gold
  keys by alias, micro P/R/F1 (as ``benchmarks/actors.py``);
* quotes: ``quotes_eval._pair`` (Dice >= 0.5 text match + speaker by alias) for direct +
  partial, indirect apart, and all together; scare quotes reported as speech are counted;
* events / claims: ``events_eval.score_events`` / ``score_claims`` (type + parties via
  the KB alias map, status and date accuracy over matched pairs).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from actors import gold_key  # noqa: E402  (benchmarks/ is not a package)

from lagebild.extract.actors import document_actors  # noqa: E402
from lagebild.extract.base import Context, default_extractors  # noqa: E402
from lagebild.extract.events_eval import ClaimScore, EventScore, actor_map, score_claims, score_events  # noqa: E402
from lagebild.extract.quotes import QuoteMatch  # noqa: E402
from lagebild.extract.quotes_eval import PRF, GoldReport, _pair, dice, words  # noqa: E402
from lagebild.kb import load_kb  # noqa: E402
from lagebild.model import DateValue, Extraction  # noqa: E402
from lagebild.nlp import get_pipeline  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "english_articles.yaml"


@dataclass
class EnglishReport:
    actors: PRF = field(default_factory=PRF)
    quotes: GoldReport = field(default_factory=GoldReport)
    events: EventScore = field(default_factory=EventScore)
    claims: ClaimScore = field(default_factory=ClaimScore)
    docs: int = 0
    lang_en: int = 0
    dated_by_ingest: int = 0
    actor_misses: list[str] = field(default_factory=list)
    evidence_not_found: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        q, ev, cl = self.quotes, self.events, self.claims
        return {
            "docs": self.docs, "detected_en": self.lang_en, "dated_by_ingest": self.dated_by_ingest,
            "actors": self.actors.row(),
            "quotes_direct_partial": q.quotes.row(), "quotes_indirect": q.indirect.row(),
            "quotes_all": q.all.row(), "quotes_text_only": q.text_only.row(),
            "quote_kind_agreement": round(q.kind_agree / q.kind_total, 4) if q.kind_total else None,
            "scare_quotes_as_speech": len(q.scare_as_speech),
            "events": {"p": round(ev.precision, 4), "r": round(ev.recall, 4), "f1": round(ev.f1, 4)},
            "event_status_accuracy": round(ev.status_accuracy, 4),
            "event_date_accuracy": round(ev.date_accuracy, 4),
            "claims": {"p": round(cl.precision, 4), "r": round(cl.recall, 4), "f1": round(cl.f1, 4)},
        }


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for d in data["docs"]:      # yaml reads 2025-10-16 as a date: the scorers want ISO strings
        d["published"] = str(d["published"])
        for e in d.get("events", []):
            if e.get("date") is not None:
                e["date"] = str(e["date"])
    return data


def _docs(articles: list[dict[str, Any]], folder: Path) -> list[tuple[dict[str, Any], Any]]:
    from lagebild.ingest import IngestError, iter_sources, load_document

    out = []
    for art in articles:
        p = folder / f"{art['id']}.txt"
        p.write_text(art["text"], encoding="utf-8")
        src = next(iter(iter_sources([p])))
        if isinstance(src, IngestError):
            raise RuntimeError(f"ingest refused {art['id']}: {src}")
        out.append((art, load_document(src)))
    return out


def evaluate_english(path: Path = DATA, only: str = "") -> EnglishReport:
    """Score every article (or those whose id starts with ``only``)."""
    data = _load(path)
    data["docs"] = [d for d in data["docs"] if d["id"].startswith(only)]
    aliases = data["actor_aliases"]
    kb = load_kb()
    ctx = Context(kb=kb)
    chain = default_extractors()
    amap = actor_map(aliases, kb)
    rep = EnglishReport()
    with tempfile.TemporaryDirectory(prefix="lagebild-en-") as tmp:
        docs = _docs(data["docs"], Path(tmp))
    for art, doc in docs:
        name = art["id"]
        rep.docs += 1
        rep.lang_en += doc.language == "en"
        if doc.published is not None:
            rep.dated_by_ingest += 1
        else:
            doc.published = DateValue(art["published"], "day", basis="gold published (benchmark)")
        parsed = get_pipeline(doc.language if doc.language in ("de", "en") else "en")(doc)
        ex = Extraction()
        for stage in chain:
            stage(parsed, ex, ctx)
        text = parsed.doc.text
        for g in [*art.get("events", []), *art.get("claims", [])]:
            if g["evidence"] not in text:
                rep.evidence_not_found.append(f"{name}: {g['evidence']!r}")
        # actors
        pred = {gold_key(a, kb, ex, aliases) for a in document_actors(ex, kb)}
        want = set(art["actors"])
        rep.actors.add(PRF(len(pred & want), len(pred - want), len(want - pred)))
        if pred != want:
            rep.actor_misses.append(f"{name}: missing={sorted(want - pred)} extra={sorted(pred - want)}")
        # quotes: the chain's Quote records, in the shape the dev-gold pairing expects
        found = [QuoteMatch(q, [(q.start, q.end)], form="indirect" if q.kind == "indirect" else "direct")
                 for q in ex.quotes]
        for term in art.get("not_quotes", []):
            tw = words(term)
            if any(words(q.quote.text) and dice(words(q.quote.text), tw) >= 0.8 for q in found):
                rep.quotes.scare_as_speech.append(f"{name}: {term}")
        direct_p = [q for q in found if q.quote.kind in ("direct", "partial", "reported")]
        indirect_p = [q for q in found if q not in direct_p]
        qg, ig = art.get("quotes", []), art.get("indirect", [])
        _pair(qg + ig, found, aliases, ctx, rep.quotes.all, rep.quotes, name, text_only=rep.quotes.text_only)
        _pair(qg, direct_p, aliases, ctx, rep.quotes.quotes, None, name)
        _pair(ig, indirect_p, aliases, ctx, rep.quotes.indirect, None, name)
        # persons the KB lacks are learned per document: their ids join the alias map as well
        doc_amap = {k: set(v) for k, v in amap.items()}
        for actor in ex.actors:
            if not actor.in_kb:
                key = gold_key(actor.id, kb, ex, aliases)
                if key in doc_amap:
                    doc_amap[key].add(actor.id)
        rep.events.add(score_events(text, ex.events, art.get("events", []), doc_amap, name))
        rep.claims.add(score_claims(text, ex.claims, art.get("claims", []), name))
    return rep


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", action="store_true", help="list misses and extras per layer")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--only", default="", help="only articles whose id starts with this (en-10 = the untuned one)")
    args = ap.parse_args(argv)
    t0 = dt.datetime.now()
    rep = evaluate_english(args.data, args.only)
    fig = rep.figures()
    if args.json:
        print(json.dumps(fig, indent=1))
        return 0
    print(f"{rep.docs} English articles ({rep.lang_en} detected as en, {rep.dated_by_ingest} dated by ingest), "
          f"{(dt.datetime.now() - t0).total_seconds():.1f}s")
    for layer in ("actors", "quotes_direct_partial", "quotes_indirect", "quotes_all", "quotes_text_only", "events", "claims"):
        r = fig[layer]
        print(f"  {layer:22} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}")
    print(f"  quote kind agreement {fig['quote_kind_agreement']}, scare quotes as speech {fig['scare_quotes_as_speech']}")
    print(f"  event status accuracy {fig['event_status_accuracy']:.3f}, date accuracy {fig['event_date_accuracy']:.3f}")
    if rep.evidence_not_found:
        print("  WARNING gold evidence not in the cleaned text:", *rep.evidence_not_found, sep="\n    ")
    if args.errors:
        print("\nactors:", *rep.actor_misses, sep="\n  ")
        print("\nquotes:", *rep.quotes.misses, *(f"SCARE AS SPEECH {s}" for s in rep.quotes.scare_as_speech), sep="\n  ")
        print("\nevents:", *rep.events.misses, sep="\n  ")
        print("\nclaims:", *rep.claims.misses, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
