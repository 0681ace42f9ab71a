"""Scenario layer: issues, positions, salience, capability -> bargaining models and Monte Carlo forecasts.

    from lagebild.scenario import load_scenario, run_scenario
    result = run_scenario(load_scenario(BUNDLED_SCENARIO), runs=1000, seed=0)
"""
from __future__ import annotations

from pathlib import Path

from .evidence import CitedNumber, resolve_quote, resolve_sources
from .models import MODELS, BdmOptions, BdmResult, bdm, bdm_rounds, compromise, nash, weighted_median
from .montecarlo import (
    MODEL_NAMES, STAGE, ActorMove, Distribution, IssueForecast, ScenarioResult, Sensitivity, run_scenario,
)
from .render import render_html
from .schema import Issue, Quantity, Scenario, ScenarioActor, ScenarioError, Source, Stake, load_scenario, parse_scenario

BUNDLED_SCENARIO = Path(__file__).resolve().parent / "data" / "ukraine-2025.yaml"

__all__ = [
    "BUNDLED_SCENARIO", "STAGE", "MODELS", "MODEL_NAMES",
    "Scenario", "ScenarioActor", "Issue", "Stake", "Quantity", "Source", "ScenarioError",
    "load_scenario", "parse_scenario", "run_scenario", "render_html", "resolve_sources", "resolve_quote",
    "ScenarioResult", "IssueForecast", "Distribution", "ActorMove", "Sensitivity", "CitedNumber",
    "compromise", "weighted_median", "nash", "bdm", "bdm_rounds", "BdmResult", "BdmOptions",
]
