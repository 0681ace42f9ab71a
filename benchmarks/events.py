"""Events and claims against the development gold (or a held-out gold file).

Usage:  python benchmarks/events.py [--gold PATH] [--corpus DIR] [--errors] [--speed]
        python benchmarks/events.py --sentences tests/data/events_sentences_de.yaml [--errors]

Runs the default extractor chain (actors -> time -> quotes -> events -> claims) on each
gold document and prints event P/R/F1 on type + source + target, status accuracy, date
accuracy (where the gold gives a date) and claim P/R/F1.  Matching rules: see
``lagebild.extract.events_eval``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lagebild.extract.events_eval import evaluate
from lagebild.paths import shared_dir


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, help="gold JSON (default ../shared/gold/ukraine-2025-dev.json)")
    ap.add_argument("--corpus", type=Path, help="folder with the gold documents (default ../shared/corpus/ukraine-2025)")
    ap.add_argument("--errors", action="store_true", help="list misses, extras, wrong status/dates")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--speed", action="store_true", help="also time events/claims alone on the bundled corpus (10 rounds)")
    ap.add_argument("--sentences", type=Path, action="append",
                    help="score hand-coded sentences (tests/data/events_sentences_*.yaml) instead of the gold")
    args = ap.parse_args(argv)
    if args.sentences:
        return sentences(args.sentences, args.errors, args.json)
    shared = shared_dir()
    if args.gold is None or args.corpus is None:
        if shared is None:
            print("../shared not found: pass --gold and --corpus", file=sys.stderr)
            return 2
    gold_path = args.gold or shared / "gold" / "ukraine-2025-dev.json"  # type: ignore[operator]
    corpus = args.corpus or shared / "corpus" / "ukraine-2025"  # type: ignore[operator]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    run = evaluate(gold, corpus)
    secs = time.perf_counter() - t0
    ev, cl = run.events, run.claims
    diag = evaluate(gold, corpus, anchor_from_gold=True).events
    figures = {
        "docs": run.docs, "chain": run.chain,
        "events": {"gold": ev.gold, "predicted": ev.predicted, "matched": ev.matched, "precision": round(ev.precision, 3),
                   "recall": round(ev.recall, 3), "f1": round(ev.f1, 3), "status_accuracy": round(ev.status_accuracy, 3),
                   "dated_gold_matched": ev.dated_gold, "date_accuracy": round(ev.date_accuracy, 3),
                   "date_accuracy_gold_anchor": round(diag.date_accuracy, 3)},
        "claims": {"gold": cl.gold, "predicted": cl.predicted, "matched": cl.matched, "precision": round(cl.precision, 3),
                   "recall": round(cl.recall, 3), "f1": round(cl.f1, 3)},
        "seconds": round(secs, 2),
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(f"gold: {gold_path}  docs: {run.docs}  chain: {' -> '.join(run.chain)}  ({secs:.1f} s)")
        print(f"events  P {ev.precision:.3f}  R {ev.recall:.3f}  F1 {ev.f1:.3f}   "
              f"({ev.matched} matched / {ev.predicted} predicted / {ev.gold} gold)")
        print(f"        status accuracy {ev.status_accuracy:.3f} ({ev.status_right}/{ev.matched})   "
              f"date accuracy {ev.date_accuracy:.3f} ({ev.date_right}/{ev.dated_gold} matched events with a gold date)")
        print(f"        diagnostic: date accuracy {diag.date_accuracy:.3f} ({diag.date_right}/{diag.dated_gold}) when the "
              "publication date is the middle of the gold published_window")
        print(f"claims  P {cl.precision:.3f}  R {cl.recall:.3f}  F1 {cl.f1:.3f}   "
              f"({cl.matched} matched / {cl.predicted} predicted / {cl.gold} gold)")
        if not any(n.startswith("events.rules") for n in run.chain) or not any(n.startswith("actors") for n in run.chain):
            print("note: the actor extractor is missing from the chain; events need actor mentions", file=sys.stderr)
    if args.errors:
        for line in ev.misses + cl.misses:
            print("  " + line)
    if args.speed:
        speed()
    return 0


def sentences(paths: list[Path], errors: bool, as_json: bool) -> int:
    """P/R/F1 and status accuracy on hand-coded single sentences (see events_sentence_eval)."""
    from lagebild.extract.events_sentence_eval import load_sentence_cases, score_sentence_cases

    for path in paths:
        cases = load_sentence_cases(path)
        sc = score_sentence_cases(cases)
        figures = {"file": str(path), "sentences": len(cases), "expected": sc.expected, "predicted": sc.predicted,
                   "matched": sc.matched, "precision": round(sc.precision, 3), "recall": round(sc.recall, 3),
                   "f1": round(sc.f1, 3), "status_accuracy": round(sc.status_accuracy, 3)}
        if as_json:
            print(json.dumps(figures))
        else:
            print(f"{path}: {len(cases)} sentences  P {sc.precision:.3f}  R {sc.recall:.3f}  F1 {sc.f1:.3f}  "
                  f"status {sc.status_accuracy:.3f}  ({sc.matched} matched / {sc.predicted} predicted / "
                  f"{sc.expected} expected)")
        if errors:
            for line in sc.errors:
                print("  " + line)
    return 0


def speed(rounds: int = 10) -> None:
    """Throughput of the events and claims stages alone (upstream stages run once, untimed)."""
    from lagebild.extract.base import Context, default_extractors
    from lagebild.extract.events_eval import load_kb_or_none
    from lagebild.ingest import iter_sources, load_document
    from lagebild.model import Extraction
    from lagebild.nlp import get_pipeline
    from lagebild.paths import CORPUS_DIR

    chain = default_extractors()
    ctx = Context(kb=load_kb_or_none())
    mine = [e for e in chain if e.name.startswith(("events.", "claims."))]
    docs = []
    for src in iter_sources([str(CORPUS_DIR)]):
        doc = load_document(src)  # type: ignore[arg-type]
        parsed = get_pipeline(doc.language)(doc)
        ex = Extraction()
        for extractor in chain:
            if extractor not in mine:
                extractor(parsed, ex, ctx)
        docs.append((parsed, ex))
    chars = sum(len(p.doc.text) for p, _ in docs)
    for extractor in mine:
        t0 = time.perf_counter()
        for _ in range(rounds):
            for parsed, ex in docs:
                ex.events.clear()
                ex.claims.clear()
                extractor(parsed, ex, ctx)
        secs = time.perf_counter() - t0
        print(f"{extractor.name}: {rounds * chars / secs / 1000:.0f} k chars/s, "
              f"{secs / (rounds * len(docs)) * 1000:.1f} ms per document ({len(docs)} documents, one process)")


if __name__ == "__main__":
    sys.exit(main())
