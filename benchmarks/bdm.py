"""The BdM challenge model on its known-answer fixture (EC emission standards, Scholz et al. 2011).

Prints this reconstruction's per-round weighted-mean and median-voter positions next to
the published per-round values, and the actor positions after each round.

    python benchmarks/bdm.py [--rounds 8]
"""
from __future__ import annotations

import argparse
import csv
import sys

import numpy as np

from lagebild.paths import shared_dir
from lagebild.scenario.models import bdm_rounds

PUBLISHED = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6]   # Scholz et al. 2011, Table 2 (via the fixture README)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=8)
    args = ap.parse_args(argv)
    root = shared_dir()
    f = root / "benchmarks/bdm1994-emissions/actors.csv" if root else None
    if f is None or not f.exists():
        print("fixture not found under ../shared/benchmarks/bdm1994-emissions", file=sys.stderr)
        return 2
    rows = list(csv.DictReader(f.open(encoding="utf-8")))
    names = [r["actor"] for r in rows]
    res = bdm_rounds([float(r["position"]) for r in rows], [float(r["salience"]) for r in rows],
                     [float(r["capability"]) for r in rows], rounds=args.rounds, q=1.0)
    print(f"{'round':>5s} {'mean':>6s} {'median':>7s} {'published':>9s} {'diff':>6s}   positions ({', '.join(n[:3] for n in names)})")
    for k, (m, md, pos) in enumerate(zip(res.means, res.medians, res.positions)):
        pub = PUBLISHED[k - 1] if 1 <= k <= len(PUBLISHED) else None
        diff = f"{m - pub:+6.2f}" if pub is not None else "      "
        print(f"{k:5d} {m:6.2f} {md:7.2f} {pub if pub is not None else '':>9} {diff}   {np.round(pos, 2).tolist()}")
    n = min(len(PUBLISHED), len(res.means) - 1)
    err = np.abs(np.array(res.means[1:n + 1]) - np.array(PUBLISHED[:n]))
    print(f"mean |diff| over rounds 1-{n}: {err.mean():.2f}; max: {err.max():.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
