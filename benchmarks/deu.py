"""Every scenario model on the 351 scored DEU I+II+III issues, against the real outcomes.

Prints MAE, hit rate (|error| <= 10) and, for each model against the compromise
model (capability = GDP row), the mean paired difference of absolute errors with a
bootstrap 95 % interval — by issue and by proposal (cluster bootstrap; issues of
one proposal are not independent).  Then one honest attempt to beat the baseline:
a small family of compromise variants whose parameters are chosen by 10-fold
cross-validation grouped by proposal (nested: each test fold is predicted by the
parameters chosen on the other folds only).

Finally it checks the model-error term the Monte Carlo adds to the compromise
forecast (quantiles of the DEU residuals): coverage of its 50 % and 90 % intervals
out of fold, and ``--write-residuals`` regenerates the shipped quantile file.

    python benchmarks/deu.py [--boot 2000] [--seed 0] [--write-residuals]
"""
from __future__ import annotations

import argparse
import itertools
import sys
import time

import numpy as np

from lagebild.paths import shared_dir
from lagebild.scenario.models import bdm, compromise, nash, weighted_median
from lagebild.scenario.montecarlo import RESIDUALS_FILE
from lagebild.scenario.validate import grouped_folds, hit_rate, load_deu, mae, paired_bootstrap


def _models():
    # name -> function(issue) -> forecast; capability = GDP row unless the name says "equal"
    return {
        "compromise (GDP capability) [baseline]": lambda i: compromise(i.x, i.s, i.gdp),
        "compromise (equal capability)": lambda i: compromise(i.x, i.s),
        "median actor position": lambda i: float(np.median(i.x)),
        "weighted median (c*s, GDP)": lambda i: weighted_median(i.x, i.s, i.gdp),
        "Nash bargaining, status quo = reference point": lambda i: nash(i.x, i.s, i.gdp, status_quo=i.reference),
        "Nash bargaining, worst-point disagreement": lambda i: nash(i.x, i.s, i.gdp),
        # BdM (Scholz et al. 2011 reconstruction, shipped BdmOptions; distances on the 0-100 issue
        # scale).  Option variants and a cross-validated choice among them: benchmarks/bdm.py --deu
        "BdM challenge model, 8 rounds, weighted mean": lambda i: bdm(i.x, i.s, i.gdp, rounds=8, q=1.0, lo=0, hi=100),
        "BdM challenge model, 8 rounds, median voter": lambda i: bdm(i.x, i.s, i.gdp, rounds=8, q=1.0, forecast="median", lo=0, hi=100),
        "BdM challenge model, 3 rounds, weighted mean": lambda i: bdm(i.x, i.s, i.gdp, rounds=3, q=1.0, lo=0, hi=100),
        "BdM challenge model, Q=0.5, 8 rounds, weighted mean": lambda i: bdm(i.x, i.s, i.gdp, rounds=8, q=0.5, lo=0, hi=100),
    }


# --- the attempt to beat the baseline: compromise variants, parameters chosen by CV -----------
GAMMAS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)        # salience exponent: w = c * s**gamma
M_COM = (0.5, 1.0, 2.0, 4.0)                   # extra weight of the Commission (agenda setter)
M_EP = (0.25, 0.5, 1.0, 2.0)                   # extra weight of the Parliament (applies under COD only)
STRETCH = (1.0, 1.1, 1.2, 1.35, 1.5)           # push forecasts away from 50 (outcomes pile up at the poles)
GRID = list(itertools.product(GAMMAS, M_COM, M_EP, STRETCH))


def _variant_matrix(issues) -> np.ndarray:
    """Forecast of every grid point for every issue: shape (issues, grid)."""
    out = np.empty((len(issues), len(GRID)))
    base_cols = list(itertools.product(GAMMAS, M_COM, M_EP))
    for n, i in enumerate(issues):
        acts = np.array(i.actors)
        com = acts == "com"
        ep = (acts == "ep") & (i.procedure == "COD")
        cache = {}
        for g, mc, me in base_cols:
            w = i.gdp * np.power(np.maximum(i.s, 1e-9), g)
            w = w * np.where(com, mc, 1.0) * np.where(ep, me, 1.0)
            cache[(g, mc, me)] = float((w * i.x).sum() / w.sum()) if w.sum() > 0 else float(i.x.mean())
        for k, (g, mc, me, st) in enumerate(GRID):
            out[n, k] = np.clip(50 + (cache[(g, mc, me)] - 50) * st, 0, 100)
    return out


def cross_validated(issues, y, k=10, seed=0):
    P = _variant_matrix(issues)
    err = np.abs(P - y[:, None])
    groups = [i.proposal for i in issues]
    oof = np.empty(len(issues))
    chosen = []
    for test in grouped_folds(groups, k=k, seed=seed):
        train = np.setdiff1d(np.arange(len(issues)), test)
        best = int(np.argmin(err[train].mean(axis=0)))
        chosen.append(GRID[best])
        oof[test] = P[test, best]
    return oof, chosen


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--boot", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--write-residuals", action="store_true", help=f"rewrite {RESIDUALS_FILE.name}")
    args = ap.parse_args(argv)
    root = shared_dir()
    if root is None or not (root / "benchmarks/deu3/deu3.csv").exists():
        print("deu3.csv not found under ../shared/benchmarks/deu3 (set LAGEBILD_SHARED)", file=sys.stderr)
        return 2
    issues = load_deu(root / "benchmarks/deu3/deu3.csv")
    y = np.array([i.outcome for i in issues])
    groups = [i.proposal for i in issues]
    print(f"DEU I+II+III: {len(issues)} issues, {len(set(groups))} proposals; "
          f"{sum(i.reference is not None for i in issues)} with a reference point")
    preds = {}
    t0 = time.perf_counter()
    for name, fn in _models().items():
        t = time.perf_counter()
        preds[name] = np.array([fn(i) for i in issues])
        print(f"  ran {name:50s} {time.perf_counter() - t:5.1f} s", file=sys.stderr)
    t = time.perf_counter()
    oof, chosen = cross_validated(issues, y, seed=args.seed)
    preds["CV-tuned compromise variant (10-fold by proposal)"] = oof
    print(f"  ran CV variant search ({len(GRID)} configs) {time.perf_counter() - t:5.1f} s", file=sys.stderr)
    base = preds["compromise (GDP capability) [baseline]"]
    print()
    print(f"{'model':52s} {'MAE':>6s} {'hit':>6s}   {'d vs baseline':>13s} {'95% CI by issue':>17s} {'95% CI by proposal':>19s}")
    for name, p in preds.items():
        e, eb = p - y, base - y
        d, lo, hi = paired_bootstrap(e, eb, n_boot=args.boot, seed=args.seed)
        _, glo, ghi = paired_bootstrap(e, eb, groups=groups, n_boot=args.boot, seed=args.seed)
        print(f"{name:52s} {mae(p, y):6.2f} {hit_rate(p, y):6.3f}   {d:+13.2f} "
              f"  [{lo:+6.2f}, {hi:+6.2f}]   [{glo:+6.2f}, {ghi:+6.2f}]")
    print("\nd = mean(|err model| - |err baseline|); negative = model better. Intervals: percentile bootstrap, "
          f"{args.boot} resamples, seed {args.seed}.")
    print("CV choices per fold (salience exponent, Commission x, EP x under COD, stretch):")
    for c in chosen:
        print("   ", c)
    print("CV variant with 5 other fold seeds (fold assignment changes the chosen parameters):")
    for s in range(1, 6):
        o, ch = cross_validated(issues, y, seed=s)
        d, lo, hi = paired_bootstrap(o - y, base - y, groups=groups, n_boot=args.boot, seed=args.seed)
        common = max(set(ch), key=ch.count)
        print(f"    seed {s}: MAE {mae(o, y):.2f}, d {d:+.2f} [{lo:+.2f}, {hi:+.2f}] by proposal; most chosen {common}")
    # --- calibration of the model-error term (out of fold) ----------------------------------
    resid = y - base
    cover50 = cover90 = 0
    for test in grouped_folds(groups, k=10, seed=args.seed):
        train = np.setdiff1d(np.arange(len(issues)), test)
        q = np.percentile(resid[train], [5, 25, 75, 95])
        lo90, lo50, hi50, hi90 = (np.clip(base[test] + v, 0, 100) for v in q)
        cover90 += int(np.sum((y[test] >= lo90) & (y[test] <= hi90)))
        cover50 += int(np.sum((y[test] >= lo50) & (y[test] <= hi50)))
    print(f"model-error term, 10-fold by proposal: 50 % interval covers {cover50 / len(y):.3f}, "
          f"90 % interval covers {cover90 / len(y):.3f} of real outcomes")
    if args.write_residuals:
        qs = np.percentile(resid, np.arange(0, 101, 5))
        RESIDUALS_FILE.write_text(
            "# Quantiles (0, 5, ..., 100 %) of outcome - compromise forecast (capability = GDP row) on the\n"
            "# 351 scored DEU I+II+III issues; written by `python benchmarks/deu.py --write-residuals`.\n"
            "# Derived from Thomson et al. / Arregui & Perarnaud (2022), DEU III, doi:10.34810/data53 (CC BY 4.0).\n"
            f"n: {len(resid)}\nmae: {mae(base, y):.4f}\nquantiles: [{', '.join(f'{v:.3f}' for v in qs)}]\n",
            encoding="utf-8")
        print(f"wrote {RESIDUALS_FILE}")
    print(f"total {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
