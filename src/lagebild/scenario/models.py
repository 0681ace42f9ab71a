"""Bargaining models on one issue: positions x, salience s, capability c (arrays).

All four take the same inputs so that the Monte Carlo and the DEU benchmark can
run any of them.  Scales are arbitrary (0-100 in scenarios, 4-10 in the BdM
fixture); salience is on 0-100 and used as a fraction where the model needs one.

* ``compromise`` — the capability x salience weighted mean (van den Bos 1991;
  the strongest simple model on the DEU data).
* ``weighted_median`` — the position of the actor where half the c*s weight is
  reached (median-voter logic).
* ``nash`` — the asymmetric Nash bargaining solution: maximise
  sum_i w_i log(u_i(x) - d_i) with quadratic-loss utilities and disagreement
  at the status quo (or at each actor's worst point when there is none).
* ``bdm`` — the expected-utility "challenge" model of Bueno de Mesquita as
  reconstructed by Scholz, Calbert & Smith (2011); see :mod:`lagebild.scenario.bdm_model`.
"""
from __future__ import annotations

from typing import Callable, Literal

import numpy as np

__all__ = [
    "MODELS", "BdmResult", "BdmOptions", "compromise", "weighted_median", "nash", "bdm", "bdm_rounds",
]

Array = np.ndarray


def _arrays(x, s, c) -> tuple[Array, Array, Array]:
    x = np.asarray(x, dtype=float)
    s = np.asarray(s, dtype=float)
    c = np.ones_like(x) if c is None else np.asarray(c, dtype=float)
    if not (x.shape == s.shape == c.shape) or x.ndim != 1 or x.size == 0:
        raise ValueError(f"positions, saliences and capabilities must be equal-length 1-D arrays, "
                         f"got shapes {x.shape}, {s.shape}, {c.shape}")
    if np.any(s < 0) or np.any(c < 0):
        raise ValueError("salience and capability must not be negative")
    return x, s, c


def compromise(x, s, c=None) -> float:
    """Capability x salience weighted mean of the positions."""
    x, s, c = _arrays(x, s, c)
    w = c * s
    if w.sum() <= 0:                      # nobody cares: fall back to the plain mean
        return float(x.mean())
    return float((w * x).sum() / w.sum())


def weighted_median(x, s, c=None) -> float:
    """Weighted median with weights c*s (lower median on an exact tie of halves)."""
    x, s, c = _arrays(x, s, c)
    w = c * s
    if w.sum() <= 0:
        w = np.ones_like(x)
    order = np.argsort(x, kind="stable")
    cum = np.cumsum(w[order])
    k = int(np.searchsorted(cum, cum[-1] / 2.0 - 1e-12))
    return float(x[order][k])


def nash(x, s, c=None, status_quo: float | None = None, lo: float = 0.0, hi: float = 100.0,
         grid: int = 1001) -> float:
    """Asymmetric Nash bargaining solution on [lo, hi].

    Utilities are quadratic losses u_i(y) = -((y - x_i)/(hi - lo))^2, bargaining
    power w_i = c_i * s_i.  With a status quo q the disagreement utility is u_i(q)
    and only points every actor prefers to q qualify; if none does (q is Pareto
    efficient, i.e. lies between the positions), the status quo is the outcome.
    Without a status quo each actor's disagreement point is its worst point on the
    scale, so the solution always exists.
    """
    x, s, c = _arrays(x, s, c)
    w = c * s
    if w.sum() <= 0:
        w = np.ones_like(x)
    span = float(hi - lo) or 1.0
    ys = np.linspace(lo, hi, grid)
    util = -((ys[:, None] - x[None, :]) / span) ** 2                       # grid x actors
    if status_quo is not None:
        d = -((status_quo - x) / span) ** 2
    else:
        d = -(np.maximum(np.abs(x - lo), np.abs(x - hi)) / span) ** 2 - 1e-9
    gain = util - d[None, :]
    active = w > 0
    feasible = np.all(gain[:, active] > 0, axis=1)
    if not feasible.any():
        return float(status_quo if status_quo is not None else compromise(x, s, c))
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(feasible, (w[None, active] * np.log(np.where(gain[:, active] > 0, gain[:, active], 1.0))).sum(axis=1), -np.inf)
    return float(ys[int(np.argmax(score))])


# --------------------------------------------------------------------------- BdM
# The challenge model lives in its own module (it has many options); re-exported here so
# ``models.bdm`` / ``models.bdm_rounds`` keep working for montecarlo, the CLI and the benchmarks.
from .bdm_model import BdmOptions, BdmResult, bdm, bdm_rounds  # noqa: E402


ModelName = Literal["compromise", "weighted_median", "nash", "bdm"]

MODELS: dict[str, Callable[..., float]] = {
    "compromise": compromise,
    "weighted_median": weighted_median,
    "nash": nash,
    "bdm": bdm,
}
