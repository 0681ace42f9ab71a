"""Monte Carlo reproducibility, sensitivity, rendering, CLI and a DEU smoke test."""
from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from lagebild.scenario import BUNDLED_SCENARIO, load_scenario, parse_scenario, render_html, run_scenario
from lagebild.scenario.cli import scenario as scenario_cli
from lagebild.scenario.models import compromise

J = [{"judgement": "test"}]


def _two_actor(uncertain_pos: bool) -> dict:
    pos_x = {"value": 20, "low": 0, "high": 40, "sources": J} if uncertain_pos else {"value": 20, "sources": J}
    return {
        "id": "two", "title": "Two <actors> & co",
        "issues": [{"id": "a", "name": "Issue <A>", "low": "none", "high": "all"}],
        "actors": [
            {"id": "X", "name": "X", "capability": {"value": 50, "sources": J},
             "stakes": {"a": {"position": pos_x, "salience": {"value": 50, "sources": J}}}},
            {"id": "Y", "name": "Y", "capability": {"value": 50, "sources": J},
             "stakes": {"a": {"position": {"value": 80, "sources": J}, "salience": {"value": 50, "sources": J}}}},
        ],
    }


@pytest.fixture(scope="module")
def bundled():
    return load_scenario(BUNDLED_SCENARIO)


def test_montecarlo_same_seed_same_result(bundled):
    a = run_scenario(bundled, runs=60, seed=3)
    b = run_scenario(bundled, runs=60, seed=3)
    c = run_scenario(bundled, runs=60, seed=4)
    assert a.to_dict() == b.to_dict()
    assert a.to_dict() != c.to_dict()


def test_montecarlo_fixed_inputs_give_a_point_mass():
    res = run_scenario(parse_scenario(_two_actor(False)), runs=20, seed=0, model_error=False)
    f = res.issue("a")
    assert f.outcome.sd == 0.0
    assert f.outcome.mean == pytest.approx(compromise([20, 80], [50, 50], [50, 50]))
    assert f.sensitivity == []


def test_montecarlo_sensitivity_finds_the_uncertain_input():
    res = run_scenario(parse_scenario(_two_actor(True)), runs=300, seed=1, model_error=False)
    f = res.issue("a")
    assert f.sensitivity[0].input == "X.a.position"
    assert f.sensitivity[0].rho == pytest.approx(1.0, abs=1e-9)     # the compromise is monotone in x
    assert 30 < f.outcome.mean < 70 and f.outcome.q05 < f.outcome.q95
    assert sum(f.outcome.histogram) == 300


def test_montecarlo_model_error_widens_the_interval():
    res = run_scenario(parse_scenario(_two_actor(False)), runs=400, seed=0)
    f = res.issue("a")
    assert f.input_only.sd == 0.0
    # DEU residuals: 90 % of real outcomes lay within about -57..+43 of the compromise forecast
    assert f.outcome.q95 - f.outcome.q05 > 50
    assert 0 <= f.outcome.q05 and f.outcome.q95 <= 100


def test_montecarlo_reports_every_model_and_actor_moves(bundled):
    res = run_scenario(bundled, runs=40, seed=0)
    for f in res.issues:
        assert set(f.by_model) == {"compromise", "weighted_median", "nash", "bdm"}
        assert {m.actor for m in f.moves} == {"USA", "RUS", "UKR", "GBR", "FRA", "DEU", "POL", "EU"}
        assert all(0 <= m.p_moves <= 1 for m in f.moves)
        assert 0 <= f.outcome.q05 <= f.outcome.q50 <= f.outcome.q95 <= 100
    json.dumps(res.to_dict())           # the result is JSON-serialisable as is


def test_montecarlo_rejects_unknown_model(bundled):
    with pytest.raises(ValueError, match="unknown model"):
        run_scenario(bundled, runs=10, model="oracle")


def test_render_html_is_escaped_and_self_contained():
    res = run_scenario(parse_scenario(_two_actor(True)), runs=50, seed=0)
    html = render_html(res)
    assert "<svg" in html and "Issue &lt;A&gt;" in html and "Two &lt;actors&gt; &amp; co" in html
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "Issue <A>" not in html


def test_cli_scenario_run_prints_forecasts_and_json(tmp_path):
    runner = CliRunner()
    out = runner.invoke(scenario_cli, ["run", str(BUNDLED_SCENARIO), "--runs", "30", "--seed", "1"])
    assert out.exit_code == 0, out.output
    assert "Tomahawk delivery to Ukraine" in out.output and "forecast median" in out.output
    html = tmp_path / "s.html"
    out = runner.invoke(scenario_cli, ["run", str(BUNDLED_SCENARIO), "--runs", "30", "--json", "--html", str(html)])
    assert out.exit_code == 0
    data = json.loads(out.output)
    assert data["runs"] == 30 and len(data["issues"]) == 5
    assert html.read_text(encoding="utf-8").startswith('<div class="lagebild-scenario"')


def test_cli_scenario_run_bad_file_gives_one_line_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: t\nissues: []\nactors: []\n", encoding="utf-8")
    out = CliRunner().invoke(scenario_cli, ["run", str(bad)])
    assert out.exit_code == 2
    assert "error:" in out.output and "issues" in out.output


def test_validate_deu_smoke(shared):
    """Loads the DEU data and checks the compromise baseline on it (the full run is benchmarks/deu.py)."""
    from lagebild.scenario.validate import hit_rate, load_deu, mae, paired_bootstrap

    issues = load_deu(shared / "benchmarks/deu3/deu3.csv")
    assert len(issues) == 351
    y = np.array([i.outcome for i in issues])
    pred = np.array([compromise(i.x, i.s, i.gdp) for i in issues])
    assert mae(pred, y) == pytest.approx(23.21, abs=0.01)       # README: 23.21
    assert 0.3 < hit_rate(pred, y) < 0.36
    d, lo, hi = paired_bootstrap(pred - y, pred - y, n_boot=50)
    assert d == lo == hi == 0.0
