"""Known-answer tests for the four bargaining models and the BdM fixture."""
from __future__ import annotations

import csv

import numpy as np
import pytest

from lagebild.scenario.bdm_model import CAPITULATION, COMPROMISE, CONFLICT, BdmOptions, _moves, median_voter
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


def test_models_bdm_trace_has_every_round_after_an_early_fixed_point():
    # the model stops computing once nobody moves, but still reports every round
    res = bdm_rounds([10, 10, 80], [90, 90, 10], [5, 5, 1], rounds=6)
    assert len(res.means) == len(res.medians) == len(res.positions) == 7 and len(res.risks) == 6
    assert res.positions[-1] == pytest.approx(res.positions[-2])


def test_models_bdm_third_party_votes_leave_two_actors_at_even_odds():
    from lagebild.scenario.bdm_model import _prob
    x, w = np.array([0.0, 1.0]), np.array([3.0, 1.0])
    assert _prob(x, w, None, third=True)[0, 1] == pytest.approx(0.5)
    assert _prob(x, w, None)[0, 1] == pytest.approx(0.75)     # own votes: 3 for, 1 against


def test_models_bdm_median_voter_with_linear_votes_is_the_weighted_median():
    # pairwise votes with |x_k - x| utilities pick the c*s weighted median, ties included
    rng = np.random.default_rng(0)
    for _ in range(200):
        n = int(rng.integers(2, 12))
        x = rng.integers(0, 11, n).astype(float)
        s = rng.integers(1, 100, n).astype(float)
        c = rng.random(n)
        assert median_voter(x, c * s) == weighted_median(x, s, c)


def test_models_bdm_offer_classification_follows_the_signs():
    x = np.array([0.0, 1.0])
    # from row 0's view: A = EU_0->1, B = EU_1->0
    def moves(a, b):
        A = np.array([[0.0, a], [b, 0.0]])
        B = A.T
        return _moves(x, A, B)
    pj, tj, vj, pi, ti, vi = moves(0.6, 0.2)            # conflict, 0 wins: 1 moves to 0
    assert vj[0, 1] and tj[0, 1] == CONFLICT and pj[0, 1] == 0.0 and not vi[0, 1]
    pj, tj, vj, pi, ti, vi = moves(0.6, -0.2)           # gain > loss: 1 capitulates
    assert vj[0, 1] and tj[0, 1] == CAPITULATION and pj[0, 1] == 0.0
    pj, tj, vj, pi, ti, vi = moves(0.2, -0.8)           # gain < loss: 1 moves a quarter of the way
    assert vj[0, 1] and tj[0, 1] == COMPROMISE and pj[0, 1] == pytest.approx(0.75)
    pj, tj, vj, pi, ti, vi = moves(-0.3, 0.5)           # 1 is the stronger: 0 capitulates to 1
    assert vi[0, 1] and ti[0, 1] == CAPITULATION and pi[0, 1] == 1.0 and not vj[0, 1]
    pj, tj, vj, pi, ti, vi = moves(-0.1, -0.4)          # nobody gains: status quo
    assert not vj.any() and not vi.any()
    pj, *_ = _moves(x, np.array([[0.0, 0.2], [-0.8, 0.0]]), np.array([[0.0, -0.8], [0.2, 0.0]]), share=True)
    assert pj[0, 1] == pytest.approx(1 - 0.2 / 1.0)     # share: gain / (gain + loss) of the way


def test_models_bdm_risk_exponents_stay_in_the_published_range():
    x, s, c = [0, 20, 50, 90, 100], [80, 40, 60, 90, 30], [1, 2, 1, 3, 1]
    for risk in ("challenges", "threats"):
        res = bdm_rounds(x, s, c, rounds=3, options=BdmOptions(risk=risk))
        for r in res.risks:
            assert np.all((r >= 0.5 - 1e-12) & (r <= 2.0 + 1e-12))
    res = bdm_rounds(x, s, c, rounds=2, options=BdmOptions(risk="none"))
    assert all(np.all(r == 1.0) for r in res.risks)


def test_models_bdm_perception_is_irrelevant_without_risk():
    x, s, c = [0, 30, 60, 100], [70, 50, 90, 40], [2, 1, 1, 3]
    a = bdm_rounds(x, s, c, rounds=4, options=BdmOptions(risk="none", perception="own"))
    b = bdm_rounds(x, s, c, rounds=4, options=BdmOptions(risk="none", perception="perceiver"))
    assert a.means == pytest.approx(b.means)


def test_models_bdm_options_reject_unknown_readings():
    with pytest.raises(ValueError, match="accept must be one of"):
        BdmOptions(accept="best")
    with pytest.raises(ValueError, match="probability"):
        BdmOptions(q=1.5)


def test_models_bdm_forecast_switch_and_scale():
    x, s, c = [0, 40, 100], [60, 50, 80], [1, 1, 1]
    res = bdm_rounds(x, s, c, rounds=3)
    assert bdm(x, s, c, rounds=3) == pytest.approx(res.means[-1])
    assert bdm(x, s, c, rounds=3, forecast="median") == pytest.approx(res.medians[-1])
    # positions come back on the input scale, whatever scale the distances use
    res100 = bdm_rounds(x, s, c, rounds=3, lo=0.0, hi=100.0)
    assert all(0.0 <= v <= 100.0 for p in res100.positions for v in p)


def test_models_bdm_emission_fixture_matches_published_rounds(shared):
    """Scholz et al. (2011) Table 2, EC emission standards (Q = 1), default options.

    Published per-round values: 8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6.  The c*s weighted
    mean of this reconstruction: 8.48, 9.54, 9.77, 9.85, 9.96, 9.99, 10.0, 10.0, i.e.
    rounds 1-5 within 0.36 (tolerance here 0.4).  Rounds 6-8 are NOT reproduced (off by
    2.59, 1.20, 0.40): the published swing back to 7.4 needs actors to leave the
    near-consensus at 10, and no reading of the open details we tried does that while
    keeping rounds 1-5 (``python benchmarks/bdm.py --variants``: 4,050 option sets; the
    best whole-series fit, mean error 0.48, is still 1.0 off on rounds 6-8).  The median
    voter series (7, then 10 in every round) fits worse (mean error 0.77).
    """
    rows = list(csv.DictReader((shared / "benchmarks/bdm1994-emissions/actors.csv").open(encoding="utf-8")))
    x = [float(r["position"]) for r in rows]
    s = [float(r["salience"]) for r in rows]
    c = [float(r["capability"]) for r in rows]
    published = np.array([8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6])
    res = bdm_rounds(x, s, c, rounds=8, q=1.0)
    ours = np.array(res.means[1:])
    assert res.means[0] == pytest.approx(compromise(x, s, c))
    assert np.all(np.abs(ours[:5] - published[:5]) <= 0.4), ours
    assert np.mean(np.abs(ours - published)) <= 0.65      # measured 0.61 over all eight rounds
    # the weighted median voter at the start is Belgium/Ireland/Greece's 7
    assert res.medians[0] == 7.0
    assert bdm(x, s, c, rounds=8) == pytest.approx(res.means[-1])
    # the readings that drop the risk-driven push to 10 settle near the median instead
    flat = bdm_rounds(x, s, c, rounds=8, options=BdmOptions(risk="none"))
    assert flat.means[-1] == pytest.approx(7.0, abs=0.05)
