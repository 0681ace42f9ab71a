"""Monte Carlo over a scenario's uncertain inputs: outcome distributions, movers, sensitivity.

Stage name ``scenario.montecarlo.v1``.  Each run draws every uncertain number once
(an actor's general capability once per run, shared by all issues), runs all four
models on every issue, and records the outcomes and the BdM end positions.  The
headline model (default: compromise, the best one on the DEU outcome data) gives
the distribution shown first; the others are reported beside it so that model
disagreement stays visible.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from .models import bdm_rounds, compromise, nash, weighted_median
from .schema import Quantity, Scenario

__all__ = [
    "STAGE", "MODEL_NAMES", "Distribution", "Sensitivity", "ActorMove", "IssueForecast",
    "ScenarioResult", "run_scenario", "sample_quantity",
]

STAGE = "scenario.montecarlo.v1"
MODEL_NAMES = ("compromise", "weighted_median", "nash", "bdm")
MOVE_THRESHOLD = 5.0          # a BdM end position this far from the start counts as "moved"
BINS = 20
RESIDUALS_FILE = Path(__file__).resolve().parent / "data" / "deu-residuals.yaml"


@lru_cache(maxsize=1)
def _residual_quantiles() -> np.ndarray:
    """Quantiles of (real outcome - compromise forecast) on 351 EU decisions (benchmarks/deu.py)."""
    data = yaml.safe_load(RESIDUALS_FILE.read_text(encoding="utf-8"))
    q = np.asarray(data["quantiles"], dtype=float)
    if q.ndim != 1 or q.size < 3 or np.any(np.diff(q) < 0):
        raise ValueError(f"{RESIDUALS_FILE}: 'quantiles' must be an ascending list of numbers")
    return q


@dataclass
class Distribution:
    mean: float
    sd: float
    q05: float
    q25: float
    q50: float
    q75: float
    q95: float
    histogram: list[int]               # counts in BINS equal bins over 0..100
    p_above_50: float                  # share of runs with outcome > 50 (toward the 'high' pole)

    @classmethod
    def of(cls, draws: np.ndarray) -> "Distribution":
        q = np.percentile(draws, [5, 25, 50, 75, 95])
        hist, _ = np.histogram(np.clip(draws, 0, 100), bins=BINS, range=(0, 100))
        return cls(float(draws.mean()), float(draws.std(ddof=1)) if draws.size > 1 else 0.0,
                   *(float(v) for v in q), [int(h) for h in hist], float(np.mean(draws > 50)))


@dataclass
class Sensitivity:
    input: str                          # path of the input, e.g. "RUS.territory.position"
    rho: float                          # Spearman rank correlation of input draws with the outcome


@dataclass
class ActorMove:
    actor: str
    before: float                       # best-estimate position
    after: float                        # mean BdM end position over the runs
    p_moves: float                      # share of runs where the actor moved >= MOVE_THRESHOLD


@dataclass
class IssueForecast:
    issue: str
    name: str
    low: str
    high: str
    point: dict[str, float]             # each model on the best-estimate inputs
    outcome: Distribution               # headline model over the runs (+ model error, if enabled)
    input_only: Distribution            # headline model over the runs, input uncertainty only
    by_model: dict[str, Distribution]   # every model over the runs, input uncertainty only
    moves: list[ActorMove]
    sensitivity: list[Sensitivity]      # largest |rho| first, inputs that vary only


@dataclass
class ScenarioResult:
    scenario: str
    title: str
    model: str
    runs: int
    seed: int
    issues: list[IssueForecast]
    stage: str = STAGE
    notes: list[str] = field(default_factory=list)

    def issue(self, issue_id: str) -> IssueForecast:
        for f in self.issues:
            if f.issue == issue_id:
                return f
        raise KeyError(issue_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def sample_quantity(q: Quantity, rng: np.random.Generator, n: int) -> np.ndarray:
    kind = q.kind
    if kind == "fixed":
        return np.full(n, q.value)
    lo = q.low if q.low is not None else 0.0
    hi = q.high if q.high is not None else 100.0
    if kind == "uniform":
        return rng.uniform(lo, hi, n)
    if kind == "triangular":
        return rng.triangular(lo, q.value, hi, n)
    return np.clip(rng.normal(q.value, q.sd, n), lo, hi)


def _rank(a: np.ndarray) -> np.ndarray:
    r = np.empty(a.size)
    r[np.argsort(a, kind="stable")] = np.arange(a.size)
    return r


def _spearman(a: np.ndarray, b: np.ndarray) -> float | None:
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return None
    ra, rb = _rank(a), _rank(b)
    return float(np.corrcoef(ra, rb)[0, 1])


def _models_on(x, s, c, sq) -> tuple[dict[str, float], np.ndarray]:
    res = bdm_rounds(x, s, c, rounds=8, q=1.0, lo=0.0, hi=100.0)
    return {
        "compromise": compromise(x, s, c),
        "weighted_median": weighted_median(x, s, c),
        "nash": nash(x, s, c, status_quo=sq),
        "bdm": res.forecast,
    }, res.positions[-1]


def run_scenario(scenario: Scenario, runs: int = 1000, seed: int = 0, model: str = "compromise",
                 model_error: bool = True, top_sensitivity: int = 8) -> ScenarioResult:
    """Monte Carlo forecast of every issue; the same seed gives the same result.

    With ``model_error`` (compromise model only) each run also adds a residual drawn
    from the compromise model's real errors on the DEU decisions, so the interval
    reflects how wrong the model has been, not only how unsure the inputs are.
    """
    if model not in MODEL_NAMES:
        raise ValueError(f"unknown model {model!r}; choose one of {', '.join(MODEL_NAMES)}")
    if runs < 2:
        raise ValueError("runs must be at least 2")
    rng = np.random.default_rng(seed)
    # draw everything up front, in the fixed order of scenario.quantities(), so a seed is reproducible
    draws = {path: sample_quantity(q, rng, runs) for path, q in scenario.quantities()}
    use_error = model_error and model == "compromise"
    if use_error:
        qs = _residual_quantiles()
        levels = np.linspace(0.0, 1.0, qs.size)
        errors = {issue.id: np.interp(rng.uniform(0, 1, runs), levels, qs) for issue in scenario.issues}
    forecasts = []
    for issue in scenario.issues:
        actors = [a for a in scenario.actors if issue.id in a.stakes]
        paths_x = [f"{a.id}.{issue.id}.position" for a in actors]
        paths_s = [f"{a.id}.{issue.id}.salience" for a in actors]
        paths_c = [f"{a.id}.{issue.id}.capability" if a.stakes[issue.id].capability is not None
                   else f"{a.id}.capability" for a in actors]
        X = np.stack([draws[p] for p in paths_x], axis=1)
        S = np.stack([draws[p] for p in paths_s], axis=1)
        C = np.stack([draws[p] for p in paths_c], axis=1)
        SQ = draws.get(f"{issue.id}.status_quo")
        best = {p: q.value for p, q in scenario.quantities()}
        point, _ = _models_on(np.array([best[p] for p in paths_x]), np.array([best[p] for p in paths_s]),
                              np.array([best[p] for p in paths_c]),
                              issue.status_quo.value if issue.status_quo else None)
        out = {m: np.empty(runs) for m in MODEL_NAMES}
        ends = np.empty((runs, len(actors)))
        for r in range(runs):
            vals, end = _models_on(X[r], S[r], C[r], None if SQ is None else float(SQ[r]))
            for m in MODEL_NAMES:
                out[m][r] = vals[m]
            ends[r] = end
        start = np.array([best[p] for p in paths_x])
        moves = [ActorMove(a.id, float(start[k]), float(ends[:, k].mean()),
                           float(np.mean(np.abs(ends[:, k] - X[:, k]) >= MOVE_THRESHOLD)))
                 for k, a in enumerate(actors)]
        sens = []
        inputs = sorted(set(paths_x + paths_s + paths_c + ([f"{issue.id}.status_quo"] if SQ is not None else [])))
        for p in inputs:
            rho = _spearman(draws[p], out[model])
            if rho is not None:
                sens.append(Sensitivity(p, rho))
        sens.sort(key=lambda z: -abs(z.rho))
        forecasts.append(IssueForecast(
            issue=issue.id, name=issue.name, low=issue.low, high=issue.high, point=point,
            outcome=Distribution.of(np.clip(out[model] + errors[issue.id], 0, 100) if use_error else out[model]),
            input_only=Distribution.of(out[model]), by_model={m: Distribution.of(out[m]) for m in MODEL_NAMES},
            moves=moves, sensitivity=sens[:top_sensitivity],
        ))
    notes = [
        "Outcomes are positions on each issue's 0-100 scale, not probabilities of events.",
        ("The headline interval adds the compromise model's real error on 351 EU decisions (DEU I-III) "
         "to the input uncertainty." if use_error else
         "The interval shows input uncertainty only; the model's own error is not included."),
        "On 351 real EU decisions (DEU I-III) the compromise model had the lowest error of the four "
        "(benchmarks/deu.py); the others are shown for comparison.",
    ]
    return ScenarioResult(scenario.id, scenario.title, model, runs, seed, forecasts, notes=notes)
