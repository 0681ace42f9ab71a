"""WikiWarsDE benchmark for the time tagger (time.rules.v1).

Usage:  python benchmarks/timex.py [--errors N] [--split dev|test|all]

Data: ../shared/benchmarks/wikiwarsde (22 German Wikipedia war narratives, TIMEX2 gold).
The gold text is rebuilt from keyinline/*.key.xml by removing the inline tags (checked to
equal the raw in/*.sgm TEXT); the DATETIME header is not part of TEXT and not scored.
The tagger runs in ``narrative`` mode with the document creation time as anchor.

Scoring (our own, in the spirit of the ACE TERN scorer):
* a predicted and a gold expression *match leniently* when their extents overlap, and
  *strictly* when start and end are identical; each gold expression is matched at most
  once (strict matches are taken first, then the largest overlap);
* extraction P/R/F1 count matches over predictions / gold;
* value accuracy = matched pairs with identical VAL / matched pairs (lenient);
* strict+value F1: a true positive needs the exact extent and the identical VAL string
  (TIMEX2 MOD is not compared); P = TP/predictions, R = TP/gold.  HeidelTime: 0.787.
Split: odd-numbered documents are the development half (rules were tuned looking at
them), even-numbered documents the reporting half.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from lagebild.extract.timex import TimexTagger
from lagebild.paths import shared_dir

_TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: dt.date
    gold: list[tuple[int, int, str]]   # start, end, val


def load_wikiwarsde(root: Path) -> list[GoldDoc]:
    docs = []
    for key in sorted((root / "keyinline").glob("*.key.xml")):
        raw = key.read_text(encoding="utf-8")
        dct = dt.date.fromisoformat(re.search(r"<DATETIME>.*?(\d{4}-\d{2}-\d{2})", raw, re.S).group(1))
        body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
        text_parts: list[str] = []
        pos = 0
        length = 0
        stack: list[tuple[int, str]] = []
        gold = []
        for m in _TAG.finditer(body):
            chunk = body[pos:m.start()]
            text_parts.append(chunk)
            length += len(chunk)
            pos = m.end()
            if m.group(0).startswith("</"):
                start, val = stack.pop()
                gold.append((start, length, val))
            else:
                attrs = dict(_ATTR.findall(m.group(1)))
                stack.append((length, attrs.get("val", "")))
        text_parts.append(body[pos:])
        text = "".join(text_parts)
        sgm = root / "in" / key.name.replace(".key.xml", ".sgm")
        if sgm.exists():
            raw_in = sgm.read_text(encoding="utf-8")
            plain = raw_in[raw_in.index("<TEXT>") + len("<TEXT>"):raw_in.index("</TEXT>")]
            if plain != text:
                print(f"warning: {key.name}: inline text differs from {sgm.name}", file=sys.stderr)
        docs.append(GoldDoc(key.name.split(".")[0], text, dct, sorted(gold)))
    return docs


def match(pred: list[tuple[int, int, str]], gold: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index): exact extents first, then largest overlap."""
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    exact = {(s, e): i for i, (s, e, _) in enumerate(gold)}
    for i, (s, e, _) in enumerate(pred):
        j = exact.get((s, e))
        if j is not None and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    overlaps = []
    for i, (s, e, _) in enumerate(pred):
        if i in used_p:
            continue
        for j, (gs, ge, _) in enumerate(gold):
            if j not in used_g and s < ge and gs < e:
                overlaps.append((min(e, ge) - max(s, gs), i, j))
    for _, i, j in sorted(overlaps, reverse=True):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(docs: list[GoldDoc], tagger: TimexTagger, errors: list | None = None) -> dict[str, float]:
    n_pred = n_gold = lenient = strict = val_ok = strict_val = lenient_val = 0
    for doc in docs:
        timexes = tagger.tag(doc.text, doc.dct, doc.name)
        pred = [(t.start, t.end, t.value or "") for t in timexes]
        n_pred += len(pred)
        n_gold += len(doc.gold)
        pairs = match(pred, doc.gold)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, j in pairs:
            lenient += 1
            exact = pred[i][:2] == doc.gold[j][:2]
            same = pred[i][2] == doc.gold[j][2]
            strict += exact
            val_ok += same
            lenient_val += same
            strict_val += exact and same
            if errors is not None and not (exact and same):
                errors.append((doc.name, "extent" if not exact else "value", doc.text[pred[i][0]:pred[i][1]],
                               pred[i][2], doc.text[doc.gold[j][0]:doc.gold[j][1]], doc.gold[j][2],
                               timexes[i].basis))
        if errors is not None:
            for i, (s, e, v) in enumerate(pred):
                if i not in matched_p:
                    errors.append((doc.name, "spurious", doc.text[s:e], v, doc.text[max(0, s - 30):e + 30].replace("\n", " "), "", ""))
            for j, (s, e, v) in enumerate(doc.gold):
                if j not in matched_g:
                    errors.append((doc.name, "missed", doc.text[s:e], v, doc.text[max(0, s - 30):e + 30].replace("\n", " "), "", ""))
    out = {"docs": len(docs), "gold": n_gold, "pred": n_pred}
    for label, tp in (("lenient", lenient), ("strict", strict), ("lenient+val", lenient_val), ("strict+val", strict_val)):
        p, r, f = prf(tp, n_pred, n_gold)
        out[f"{label} P"], out[f"{label} R"], out[f"{label} F1"] = p, r, f
    out["value accuracy"] = val_ok / lenient if lenient else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of the chosen split")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev", help="split for --errors")
    args = ap.parse_args(argv)
    shared = shared_dir()
    root = shared / "benchmarks" / "wikiwarsde" / "WikiWarsDE_20110412" if shared else None
    if root is None or not root.is_dir():
        print("WikiWarsDE not found under ../shared/benchmarks/wikiwarsde: skipped")
        return 0
    docs = load_wikiwarsde(root)
    splits = {
        "dev (odd docs)": [d for d in docs if int(d.name[:2]) % 2 == 1],
        "test (even docs)": [d for d in docs if int(d.name[:2]) % 2 == 0],
        "all": docs,
    }
    tagger = TimexTagger("de", mode="narrative")
    t0 = time.perf_counter()
    print("WikiWarsDE, time.rules.v1, narrative mode; HeidelTime strict+val F1 = 0.787 (goal >= 0.80)")
    print(f"{'split':18} {'gold':>5} {'pred':>5}  {'len P':>6} {'len R':>6} {'len F1':>6}  "
          f"{'str P':>6} {'str R':>6} {'str F1':>6}  {'val acc':>7}  {'len+val F1':>10} {'strict+val F1':>13}")
    for label, part in splits.items():
        r = evaluate(part, tagger)
        print(f"{label:18} {r['gold']:5d} {r['pred']:5d}  {r['lenient P']:6.3f} {r['lenient R']:6.3f} "
              f"{r['lenient F1']:6.3f}  {r['strict P']:6.3f} {r['strict R']:6.3f} {r['strict F1']:6.3f}  "
              f"{r['value accuracy']:7.3f}  {r['lenient+val F1']:10.3f} {r['strict+val F1']:13.3f}")
    chars = sum(len(d.text) for d in docs)
    print(f"time: {time.perf_counter() - t0:.2f} s for 3 passes over {chars} characters")
    if args.errors:
        errors: list = []
        key = {"dev": "dev (odd docs)", "test": "test (even docs)", "all": "all"}[args.split]
        evaluate(splits[key], tagger, errors)
        for e in errors[:args.errors]:
            print(" | ".join(str(x) for x in e))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
