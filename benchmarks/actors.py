"""Actor-set benchmark: per-document precision/recall/F1 against the shared gold.

    .venv/bin/python benchmarks/actors.py            # scores + learned actors + findings
    .venv/bin/python benchmarks/actors.py --mentions # also list every mention
    .venv/bin/python benchmarks/actors.py --paragraphs  # made-up paragraphs, tests/data/actors_paragraphs.yaml

Gold actor keys are mapped to our actor ids by alias: a gold key matches an actor when
one of the key's aliases equals (case/diacritics folded) the actor's name or an alias.
Predicted actors that match no gold key count as false positives.  Which mentions make
an actor one of the document's actors is :func:`lagebild.extract.actors.document_actors`.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from lagebild.extract.actors import ActorExtractor, document_actors
from lagebild.extract.base import Context
from lagebild.kb import KnowledgeBase, load_kb, norm, skeleton
from lagebild.model import DateValue, Document, Extraction, content_hash
from lagebild.nlp import get_pipeline
from lagebild.paths import CORPUS_DIR, shared_dir


def gold_key(actor_id: str, kb: KnowledgeBase, ex: Extraction, aliases: dict[str, list[str]]) -> str:
    actor = next((a for a in ex.actors if a.id == actor_id), None) or kb.get(actor_id)
    names = {norm(actor_id.split(":", 1)[-1])}
    if actor is not None:
        names |= {norm(actor.name), *(norm(a) for a in actor.aliases)}
    for key, alist in aliases.items():
        if names & {norm(a) for a in alist}:
            return key
    return actor_id          # unmapped: a false positive unless the gold lists it


def load_docs(corpus: Path) -> list[Document]:
    """Documents through ingest (cleaning, language, published date); plain text if ingest fails."""
    try:
        from lagebild.ingest import IngestError, iter_sources, load_document
    except Exception as err:  # noqa: BLE001 - a broken ingest must not stop the actor benchmark
        print(f"(ingest unavailable: {err.__class__.__name__}; reading plain text without dates)")
        docs = []
        for p in sorted(corpus.glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            docs.append(Document(content_hash(text), str(p), text, "de"))
        return docs
    docs = []
    for src in iter_sources([corpus]):
        if isinstance(src, IngestError):
            print(src)
            continue
        docs.append(load_document(src))
    return docs


def prf(pred: set[str], gold: set[str]) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


PARAGRAPHS = Path(__file__).resolve().parent.parent / "tests" / "data" / "actors_paragraphs.yaml"


def learned_match(actor_id: str, ex: Extraction, wanted: set[str]) -> str:
    """A learned person counts as the expected id whose name has the same transliteration key
    (so the score does not depend on how an id is spelled: tymur-tkatschenko ~ timur-tkachenko)."""
    actor = next((a for a in ex.actors if a.id == actor_id and not a.in_kb), None)
    if actor is None:
        return actor_id

    def key(name: str) -> str:      # "Schäuble" and the slug "schaeuble" give one key
        return skeleton(name.replace("-", " ")).replace("ae", "a").replace("oe", "o").replace("ue", "u")

    for w in wanted:
        if w.startswith("person:") and key(w.split(":", 1)[-1]) in (key(actor.name), key(actor_id.split(":", 1)[-1])):
            return w
    return actor_id


def score_paragraphs(path: Path = PARAGRAPHS, verbose: bool = True, only: str = "") -> tuple[float, float, float]:
    """Micro P/R/F1 of document actor sets over the made-up paragraphs."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kb = load_kb()
    ctx = Context(kb=kb)
    extractor = ActorExtractor()
    tp = fp = fn = 0
    paras = [p for p in data["paragraphs"] if p["id"].startswith(only)]
    for para in paras:
        lang = para.get("lang", "de")
        doc = Document(para["id"], para["id"], para["text"], lang,
                       published=DateValue(str(para["date"]), "day") if para.get("date") else None)
        parsed = get_pipeline(lang)(doc)
        ex = Extraction()
        extractor(parsed, ex, ctx)
        want = set(para["actors"] or [])
        pred = {learned_match(a, ex, want) for a in document_actors(ex, kb)}
        tp += len(pred & want)
        fp += len(pred - want)
        fn += len(want - pred)
        if verbose and pred != want:
            print(f"  {para['id']:32} missing={sorted(want - pred)} extra={sorted(pred - want)}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if verbose:
        print(f"paragraphs  P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} fp={fp} fn={fn}, "
              f"{len(paras)} paragraphs)")
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    ap.add_argument("--mentions", action="store_true", help="print every mention")
    ap.add_argument("--paragraphs", action="store_true", help="score tests/data/actors_paragraphs.yaml")
    ap.add_argument("--only", default="", help="with --paragraphs: only ids starting with this ('ho-' = held out)")
    args = ap.parse_args(argv)
    if args.paragraphs:
        score_paragraphs(only=args.only)
        return 0
    shared = shared_dir()
    gold = json.loads((shared / "gold" / "ukraine-2025-dev.json").read_text(encoding="utf-8")) if shared else None
    if gold is None:
        print("../shared not found: printing extraction only (no scores)")
    kb = load_kb()
    ctx = Context(kb=kb)
    extractor = ActorExtractor()
    from lagebild.extract.timex import TimexExtractor
    timex = TimexExtractor()  # as in the real chain: it runs first and may estimate the document date
    rows = []
    tp_all = fp_all = fn_all = 0
    t_total = 0.0
    for doc in load_docs(args.corpus):
        name = Path(doc.source).name
        parsed = get_pipeline(doc.language)(doc)
        ex = Extraction()
        timex(parsed, ex, ctx)
        t0 = time.perf_counter()
        extractor(parsed, ex, ctx)
        t_total += time.perf_counter() - t0
        acts = document_actors(ex, kb)
        date = doc.published.value if doc.published else "none"
        print(f"\n== {name}  (date {date}, {len(ex.mentions)} mentions, {len(acts)} actors)")
        if args.mentions:
            for m in ex.mentions:
                print(f"   {m.start:>5} {m.text!r:45} {m.actor or '-':32} {m.type:8} {m.how} {m.sector or ''}")
        for a in ex.actors:
            if not a.in_kb:
                roles = "; ".join(f"{r.title} of {r.of}" for r in a.roles)
                print(f"   learned {a.id} ({a.country}/{a.sector}): {roles}")
        for f in ex.findings:
            print(f"   finding {f.kind}: {f.message}")
        if gold and name in gold["docs"]:
            aliases = gold["actor_aliases"]
            pred = {gold_key(a, kb, ex, aliases) for a in acts}
            want = set(gold["docs"][name]["actors"])
            p, r, f = prf(pred, want)
            tp_all += len(pred & want)
            fp_all += len(pred - want)
            fn_all += len(want - pred)
            rows.append((name, p, r, f))
            print(f"   P={p:.3f} R={r:.3f} F1={f:.3f}  missing={sorted(want - pred)}  extra={sorted(pred - want)}")
        else:
            print(f"   actors: {sorted(acts)}")
    if rows:
        mp = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
        mr = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
        mf = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
        print(f"\nmicro  P={mp:.3f} R={mr:.3f} F1={mf:.3f}  over {len(rows)} gold documents")
        print(f"macro  P={sum(r[1] for r in rows) / len(rows):.3f} R={sum(r[2] for r in rows) / len(rows):.3f} "
              f"F1={sum(r[3] for r in rows) / len(rows):.3f}")
    print(f"extraction time: {t_total:.2f}s for the corpus (KB load excluded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
