"""Known-answer tests for the four bargaining models and the BdM fixture."""
from __future__ import annotations

import csv

import numpy as np
import pytest

from lagebild.scenario.models import bdm, bdm_rounds, compromise, nash, weighted_median


def test_models_compromise_is_capability_salience_weighted_mean():
    # weights c*s = 1*50, 2*50, 1*100 -> (0*50 + 60*100 + 100*100) / 250 = 64
    assert compromise([0, 60, 100], [50, 50, 100], [1, 2, 1]) == pytest.approx(64.0)


def test_models_compromise_without_capability_is_salience_weighted():
    assert compromise([0, 100], [25, 75]) == pytest.approx(75.0)


def test_models_weighted_median_picks_position_where_half_weight_is_reached():
    # weights 1, 1, 3: cumulative 1, 2, 5; half = 2.5 -> third actor
    assert weighted_median([0, 40, 90], [10, 10, 30]) == 90.0
    assert weighted_median([10, 20, 30], [1, 1, 1]) == 20.0


def test_models_nash_symmetric_actors_split_the_difference():
    assert nash([20, 80], [50, 50], [1, 1]) == pytest.approx(50.0, abs=0.1)


def test_models_nash_status_quo_between_positions_is_kept():
    # q = 50 lies between the actors: no point makes both better off, so the status quo stands
    assert nash([20, 80], [50, 50], status_quo=50.0) == pytest.approx(50.0)


def test_models_nash_stronger_actor_pulls_the_solution():
    weak_strong = nash([0, 100], [50, 50], [1, 3])
    assert 50 < weak_strong < 100


def test_models_nash_status_quo_at_a_pole_favours_the_far_side():
    # q = 0: actor at 100 gains from any move, actor at 40 gains only up to 80
    v = nash([40, 100], [50, 50], status_quo=0.0)
    assert 40 < v < 80


def test_models_reject_mismatched_inputs():
    with pytest.raises(ValueError, match="equal-length"):
        compromise([1, 2], [1])
    with pytest.raises(ValueError, match="negative"):
        weighted_median([1, 2], [1, -1])


def test_models_bdm_consensus_is_a_fixed_point():
    res = bdm_rounds([30, 30, 30], [50, 60, 70], [1, 1, 1], rounds=3)
    assert res.means == pytest.approx([30.0] * 4)


def test_models_bdm_emission_fixture_matches_published_rounds(shared):
    """Scholz et al. (2011) Table 2, EC emission standards (Q = 1).

    Published per-round values: 8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6.  This
    reconstruction gives 8.48, 9.54, 9.77, 9.85, 9.96, 9.99, 10.0, 10.0: rounds 1-5
    within 0.4 (tolerance used here: 0.5); the published swing back to 7.4 in
    round 6 is not reproduced (rounds 6-8 are off by up to 2.6), which the
    fixture's README warns is sensitive to details the 1994 text leaves open.
    """
    rows = list(csv.DictReader((shared / "benchmarks/bdm1994-emissions/actors.csv").open(encoding="utf-8")))
    x = [float(r["position"]) for r in rows]
    s = [float(r["salience"]) for r in rows]
    c = [float(r["capability"]) for r in rows]
    published = np.array([8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6])
    res = bdm_rounds(x, s, c, rounds=8, q=1.0)
    ours = np.array(res.means[1:])
    assert res.means[0] == pytest.approx(compromise(x, s, c))
    assert np.all(np.abs(ours[:5] - published[:5]) <= 0.5), ours
    assert np.mean(np.abs(ours - published)) <= 0.7      # measured 0.61 over all eight rounds
    # the weighted median voter at the start is Belgium/Ireland/Greece's 7
    assert res.medians[0] == 7.0
    assert bdm(x, s, c, rounds=8) == pytest.approx(res.means[-1])
