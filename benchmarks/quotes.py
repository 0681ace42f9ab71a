"""Quote extraction benchmark: dev gold (ukraine-2025) and SpkAtt-2023 task 2 (WikiNews, dev).

    python benchmarks/quotes.py              # both, human-readable
    python benchmarks/quotes.py --json       # machine-readable
    python benchmarks/quotes.py --misses     # list gold misses / extra quotes
    python benchmarks/quotes.py --split train --limit 100   # develop rules on SpkAtt train

SpkAtt-2023 is CC BY-NC-SA 4.0: evaluated here, never trained on or shipped.
"""
from __future__ import annotations

import argparse
import json
import sys

from lagebild.extract.quotes_eval import make_context, score_gold, score_spkatt
from lagebild.paths import CORPUS_DIR, shared_dir


def _fmt(row: dict) -> str:
    return f"P={row['p']:.3f} R={row['r']:.3f} F1={row['f1']:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--misses", action="store_true", help="list gold misses and extra quotes")
    ap.add_argument("--split", default="dev", choices=["dev", "train"], help="SpkAtt split (default dev)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N SpkAtt documents")
    ap.add_argument("--no-spkatt", action="store_true", help="skip SpkAtt-2023")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("../shared not found (set LAGEBILD_SHARED); nothing to score", file=sys.stderr)
        return 2
    ctx = make_context()
    gold = json.loads((shared / "gold" / "ukraine-2025-dev.json").read_text(encoding="utf-8"))
    g = score_gold(gold, CORPUS_DIR, ctx)
    out: dict = {"gold": g.as_dict()}
    spk = None
    if not args.no_spkatt:
        split = shared / "benchmarks" / "spkatt-2023-task2-news" / args.split
        spk = score_spkatt(split, ctx, args.limit)
        out["spkatt_" + args.split] = spk.as_dict()
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    d = g.as_dict()
    print("dev gold (quotes + indirect, speaker must match)")
    for k in ("all", "quotes", "indirect", "text_only"):
        print(f"  {k:10s} {_fmt(d[k])}")
    print(f"  kind agreement {d['kind_agreement']}   scare quotes reported as speech: {d['scare_quotes_as_speech']}")
    if args.misses:
        for m in g.misses + g.scare_as_speech:
            print("   -", m)
    if spk is not None:
        s = spk.as_dict()
        print(f"SpkAtt-2023 task 2 ({args.split}, {s['docs']} docs, {s['seconds']} s, simplified: non-nested MESSAGE+SOURCE)")
        for k in ("joint", "message", "source"):
            print(f"  {k:8s} {_fmt(s[k])}")
        for form, row in s["by_form"].items():
            print(f"  form {form:9s} P={row['p']:.3f} R={row['r']:.3f} (gold tokens {row['gold_tokens']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
