"""Brier score of the shipped scenario on resolved ForecastBench questions it can express.

The scenario forecasts *where a negotiated outcome would lie* on each issue's 0-100
scale, not *whether and when* an event happens.  Only a few resolved questions map
onto an issue at all, and the mapping (issue, threshold) below is analyst
judgement, declared here before looking at the scores.  Questions about fighting,
elections, third countries or US troops are not expressible and are left out.
With four questions, all resolved NO, the score says little; it is printed next
to the crowd's score on the same questions so nobody mistakes it for skill.

    python benchmarks/forecast.py [--runs 2000] [--seed 0]
"""
from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from lagebild.paths import shared_dir
from lagebild.scenario import BUNDLED_SCENARIO, load_scenario, run_scenario
from lagebild.scenario.montecarlo import BINS, Distribution

# (source, id, issue, threshold, why): the event counts as "yes" when the outcome >= threshold
MAPPING = [
    ("polymarket", "0xc848576777751e56a4", "tomahawk", 50,
     "a strike needs delivery; delivery = upper half of the Tomahawk scale"),
    ("polymarket", "0x21bdabe2791e7a70a0", "territory", 75,
     "giving up the rest of Donbas = near the 'cedes all of Donbas' pole"),
    ("polymarket", "0x1d54eb5eac2cee8f59", "ceasefire", 50,
     "a ceasefire soon = upper half of the ceasefire-timing scale"),
    ("polymarket", "0xadb3dda930d411bdab", "ceasefire", 50,
     "agreeing to a US-backed ceasefire framework = upper half of the ceasefire-timing scale"),
]


def p_at_least(dist: Distribution, threshold: float) -> float:
    k = int(round(threshold / (100 / BINS)))
    return float(sum(dist.histogram[k:]) / max(1, sum(dist.histogram)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    root = shared_dir()
    path = root / "benchmarks/forecastbench-ukraine-russia/ukraine_russia_questions.jsonl" if root else None
    if path is None or not path.exists():
        print("forecastbench extract not found under ../shared (set LAGEBILD_SHARED)", file=sys.stderr)
        return 2
    questions = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        questions[(q["source"], q["id"][:20])] = q
    result = run_scenario(load_scenario(BUNDLED_SCENARIO), runs=args.runs, seed=args.seed)
    rows = []
    for source, qid, issue, thr, why in MAPPING:
        q = questions[(source, qid)]
        if q.get("final_resolved_to") is None or q.get("flags"):
            continue
        f = result.issue(issue)
        obs = q["observations"][0]
        rows.append((q["question"], float(q["final_resolved_to"]), p_at_least(f.outcome, thr),
                     p_at_least(f.input_only, thr), float(obs["freeze_value"]), obs["freeze_datetime"][:10], why))
    print(f"scenario {result.scenario} (as of 2025-10-17), {args.runs} runs, seed {args.seed}; {len(rows)} questions\n")
    for text, y, p, p_in, crowd, frozen, why in rows:
        print(f"- {text}\n    resolved {y:.0f}; engine {p:.3f} (inputs only {p_in:.3f}); crowd {crowd:.3f} at {frozen}; mapping: {why}")
    y = np.array([r[1] for r in rows])
    for name, k in (("engine (with model error)", 2), ("engine (inputs only)", 3), ("crowd at freeze", 4)):
        p = np.array([r[k] for r in rows])
        print(f"Brier {name:26s} {np.mean((p - y) ** 2):.4f}")
    print(f"Brier {'always 0.5':26s} 0.2500")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
