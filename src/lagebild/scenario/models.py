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
  reconstructed by Scholz, Calbert & Smith (2011).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Literal

import numpy as np

__all__ = [
    "MODELS", "BdmResult", "compromise", "weighted_median", "nash", "bdm", "bdm_rounds",
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
@dataclass
class BdmResult:
    """Per-round trace of the expected-utility model."""

    medians: list[float]                       # median-voter position before round 1, after each round
    means: list[float]                         # c*s weighted mean of the positions at the same points
    positions: list[Array] = field(default_factory=list)   # actor positions at the same points
    risks: list[Array] = field(default_factory=list)       # risk exponent r_i used in each round

    @property
    def forecast(self) -> float:
        """Weighted mean position after the last round.

        The per-round values Scholz et al. publish for the emissions case (8.4, 9.9, ...)
        are not actor positions, so they cannot be a median over actors; this
        reconstruction matches them with the c*s weighted mean of the positions.
        """
        return self.means[-1]


def _votes_matrix(x: Array, w: Array, span: float) -> Array:
    """V[i, j] = sum_k w_k (|x_k - x_j| - |x_k - x_i|)/span: net support for i over j."""
    d = np.abs(x[None, :] - x[:, None]) / span      # d[k, i] = |x_k - x_i|
    # V[i, j] = sum_k w_k (d[k, j] - d[k, i])
    return (w[:, None] * d).sum(axis=0)[None, :] - (w[:, None] * d).sum(axis=0)[:, None]


def _median_voter(x: Array, w: Array, span: float) -> float:
    """The actor position that wins the most pairwise votes (Scholz et al. eq. 1)."""
    V = _votes_matrix(x, w, span)
    return float(x[int(np.argmax(V.sum(axis=1)))])


def _prob_success(x: Array, w: Array, span: float) -> Array:
    """P[i, j]: share of (absolute) votes that side with i in a contest i vs j."""
    d = np.abs(x[None, :] - x[:, None]) / span      # d[k, i]
    # vote of k in contest (i, j): w_k (d[k, j] - d[k, i])
    v = w[:, None, None] * (d[:, None, :] - d[:, :, None])      # [k, i, j]
    pos = np.where(v > 0, v, 0.0).sum(axis=0)
    tot = np.abs(v).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(tot > 0, pos / np.where(tot > 0, tot, 1.0), 0.5)
    return p


def _expected_utility(x: Array, s: Array, w: Array, r: Array, mu: float, span: float, q: float) -> Array:
    """EU[i, j]: i's expected utility of challenging j (Scholz et al. eqs. 2-8)."""
    P = _prob_success(x, w, span)
    dij = np.abs(x[:, None] - x[None, :]) / span             # |x_i - x_j| / span
    dmu = (np.abs(x - mu) / span)[:, None]                   # |x_i - mu| / span
    rr = r[:, None]
    u_s = 2 - 4 * (0.5 - 0.5 * dij) ** rr
    u_f = 2 - 4 * (0.5 + 0.5 * dij) ** rr
    u_b = 2 - 4 * np.clip(0.5 - 0.25 * (dmu + dij), 0, None) ** rr
    u_w = 2 - 4 * (0.5 + 0.25 * (dmu + dij)) ** rr
    u_sq = 2 - 4 * 0.5 ** rr
    # T = 1 when i expects the status quo to drift its way: j is farther from the median than i
    T = (np.abs(x - mu)[:, None] < np.abs(x - mu)[None, :]).astype(float)
    sj = s[None, :]
    return sj * (P * u_s + (1 - P) * u_f) + (1 - sj) * u_s - q * u_sq - (1 - q) * (T * u_b + (1 - T) * u_w)


def _risk(x: Array, s: Array, w: Array, mu: float, span: float, q: float) -> Array:
    """Risk exponent r_i from i's security level (sum of i's EU of challenging others, r = 1)."""
    eu = _expected_utility(x, s, w, np.ones_like(x), mu, span, q)
    np.fill_diagonal(eu, 0.0)
    total = eu.sum(axis=1)
    lo, hi = total.min(), total.max()
    if not np.isfinite(hi - lo) or hi - lo <= 1e-12:
        return np.ones_like(x)
    R = (2 * total - hi - lo) / (hi - lo)
    return (1 - R / 3) / (1 + R / 3)


def _accepted_offers(x: Array, eu: Array) -> Array:
    """New positions: each j takes, among the offers it receives, the one that moves it least."""
    eij, eji = eu, eu.T
    xi, xj = x[:, None], x[None, :]
    diff = xi != xj
    win = (eij > 0) & (((eji > 0) & (eij > eji)) | ((eji < 0) & (eij > -eji)))   # conflict won, or compel
    comp = (eij > 0) & (eji < 0) & (eij <= -eji)                                  # compromise
    with np.errstate(divide="ignore", invalid="ignore"):
        partial = xj + (xi - xj) * np.abs(eij / np.where(eji != 0, eji, 1.0))
    offer = np.where(win, xi, partial)
    valid = diff & (win | comp)
    move = np.where(valid, np.abs(offer - xj), np.inf)
    best = np.argmin(move, axis=0)                  # for each j, the proposer i with the least move
    cols = np.arange(x.size)
    has = np.isfinite(move[best, cols])
    return np.where(has, offer[best, cols], x)


def bdm_rounds(x, s, c=None, rounds: int = 8, q: float = 1.0, lo: float | None = None,
               hi: float | None = None, risk: bool = True) -> BdmResult:
    """Run the challenge model for ``rounds`` rounds; salience on 0-100.

    Each round: median voter mu; risk exponents; EU of every challenge i->j and
    j->i from i's view; i's offer to j is "move to x_i" (conflict won / compel) or
    a partial move x_j + (x_i - x_j)|EU_ij/EU_ji| (compromise); j takes the offer
    that moves it least.  Details the 1994 text leaves open follow Scholz et al.
    """
    x, s, c = _arrays(x, s, c)
    x = x.copy()
    sal = np.clip(s / 100.0, 0.0, 1.0)
    w = c * sal
    lo_ = float(np.min(x)) if lo is None else lo
    hi_ = float(np.max(x)) if hi is None else hi
    span = (hi_ - lo_) or 1.0
    n = x.size
    def mean(pos: Array) -> float:
        return float((w * pos).sum() / w.sum()) if w.sum() > 0 else float(pos.mean())

    result = BdmResult(medians=[_median_voter(x, w, span)], means=[mean(x)], positions=[x.copy()])
    for _ in range(rounds):
        mu = _median_voter(x, w, span)
        r = _risk(x, sal, w, mu, span, q) if risk else np.ones(n)
        eu = _expected_utility(x, sal, w, r, mu, span, q)
        new = _accepted_offers(x, eu)
        x = new
        result.risks.append(r)
        result.positions.append(x.copy())
        result.medians.append(_median_voter(x, w, span))
        result.means.append(mean(x))
    return result


def bdm(x, s, c=None, rounds: int = 8, q: float = 1.0, forecast: Literal["mean", "median"] = "mean") -> float:
    """Forecast of the challenge model after ``rounds`` rounds (weighted mean or median voter)."""
    res = bdm_rounds(x, s, c, rounds=rounds, q=q)
    return res.forecast if forecast == "mean" else res.medians[-1]


ModelName = Literal["compromise", "weighted_median", "nash", "bdm"]

MODELS: dict[str, Callable[..., float]] = {
    "compromise": compromise,
    "weighted_median": weighted_median,
    "nash": nash,
    "bdm": bdm,
}
