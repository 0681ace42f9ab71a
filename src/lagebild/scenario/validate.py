"""Validation helpers: the DEU outcome data, error metrics and paired bootstrap.

The DEU I+II+III file (Thomson et al.; Arregui & Perarnaud) gives, per EU
legislative issue, actor positions and saliences on 0-100 and the real decision
outcome.  It lives in ``../shared/benchmarks/deu3`` and is never copied here.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

__all__ = [
    "DeuIssue", "load_deu", "mae", "hit_rate", "paired_bootstrap", "grouped_folds",
]


@dataclass(frozen=True)
class DeuIssue:
    issue: str                 # DEU issue id, e.g. "d00032i1"
    proposal: str              # proposal id (issues of one proposal are not independent)
    actors: tuple[str, ...]    # actor codes with a valid position and salience
    x: np.ndarray              # positions 0..100
    s: np.ndarray              # saliences 0..100
    gdp: np.ndarray            # GDP-based capability weights (Commission and EP = Germany)
    outcome: float
    reference: float | None    # reference point (status quo) when recorded
    procedure: str             # COD / CNS
    rule: str                  # QMV / Unan


def _num(v: str) -> float | None:
    v = v.strip().strip('"')
    if not v:
        return None
    try:
        f = float(v)
    except ValueError:
        return None
    return f if 0.0 <= f <= 100.0 else None     # 999 etc. are missing-data sentinels


def load_deu(path: str | Path, min_actors: int = 3) -> list[DeuIssue]:
    """Issues with a valid outcome and at least ``min_actors`` actors with position and salience."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    if len(rows) < 3:
        raise ValueError(f"{path}: expected a header, a GDP-weight row and data rows")
    header = [h.strip('"') for h in rows[0]]
    col = {h: k for k, h in enumerate(header)}
    codes = [h[1:] for h in header if h.startswith("p") and ("s" + h[1:]) in col and h not in ("prnr", "prname", "proc", "proccde")]
    gdp_row = rows[1]
    gdp = {a: (float(gdp_row[col["p" + a]].strip('"')) if gdp_row[col["p" + a]].strip('"') else 1.0) for a in codes}
    out: list[DeuIssue] = []
    for row in rows[2:]:
        if len(row) < len(header):
            continue
        outcome = _num(row[col["out"]])
        if outcome is None:
            continue
        acts, xs, ss = [], [], []
        for a in codes:
            p, s = _num(row[col["p" + a]]), _num(row[col["s" + a]])
            if p is not None and s is not None:
                acts.append(a)
                xs.append(p)
                ss.append(s)
        if len(acts) < min_actors:
            continue
        out.append(DeuIssue(
            issue=row[col["isnr"]].strip('"'), proposal=row[col["prnr"]].strip('"'),
            actors=tuple(acts), x=np.array(xs), s=np.array(ss),
            gdp=np.array([gdp[a] for a in acts]), outcome=outcome,
            reference=_num(row[col["rp"]]), procedure=row[col["proc"]].strip('"'),
            rule=row[col["counvte"]].strip('"'),
        ))
    return out


def mae(pred: Sequence[float], truth: Sequence[float]) -> float:
    return float(np.mean(np.abs(np.asarray(pred) - np.asarray(truth))))


def hit_rate(pred: Sequence[float], truth: Sequence[float], tol: float = 10.0) -> float:
    return float(np.mean(np.abs(np.asarray(pred) - np.asarray(truth)) <= tol))


def paired_bootstrap(err_a: Sequence[float], err_b: Sequence[float], groups: Sequence[str] | None = None,
                     n_boot: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """Mean of |err_a| - |err_b| and its 95 % percentile interval.

    Positive means model a has the larger error.  With ``groups`` whole groups
    (proposals) are resampled, since issues of one proposal share actors and
    bargaining and are not independent.
    """
    d = np.abs(np.asarray(err_a, float)) - np.abs(np.asarray(err_b, float))
    rng = np.random.default_rng(seed)
    if groups is None:
        idx = rng.integers(0, d.size, size=(n_boot, d.size))
        boots = d[idx].mean(axis=1)
    else:
        labels, inv = np.unique(np.asarray(groups), return_inverse=True)
        sums = np.bincount(inv, weights=d, minlength=labels.size)
        counts = np.bincount(inv, minlength=labels.size).astype(float)
        pick = rng.integers(0, labels.size, size=(n_boot, labels.size))
        boots = sums[pick].sum(axis=1) / counts[pick].sum(axis=1)
    lo, hi = np.percentile(boots, [2.5, 97.5])
    return float(d.mean()), float(lo), float(hi)


def grouped_folds(groups: Sequence[str], k: int = 10, seed: int = 0) -> list[np.ndarray]:
    """k folds of row indices such that all rows of one group share a fold."""
    labels = np.unique(np.asarray(groups))
    rng = np.random.default_rng(seed)
    rng.shuffle(labels)
    fold_of = {g: n % k for n, g in enumerate(labels)}
    assign = np.array([fold_of[g] for g in groups])
    return [np.flatnonzero(assign == f) for f in range(k)]


PredictFn = Callable[["DeuIssue"], float]
