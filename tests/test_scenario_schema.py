"""Scenario validation: clear errors, and the shipped scenario's evidence resolves."""
from __future__ import annotations

import copy

import pytest
import yaml

from lagebild.paths import CORPUS_DIR
from lagebild.scenario import BUNDLED_SCENARIO, ScenarioError, load_scenario, parse_scenario, resolve_quote, resolve_sources

J = [{"judgement": "test"}]


def _minimal() -> dict:
    stake = lambda p: {"position": {"value": p, "sources": J}, "salience": {"value": 50, "sources": J}}  # noqa: E731
    return {
        "id": "mini", "title": "Mini",
        "issues": [{"id": "a", "name": "A", "low": "none", "high": "all"}],
        "actors": [
            {"id": "X", "name": "X", "capability": {"value": 50, "sources": J}, "stakes": {"a": stake(10)}},
            {"id": "Y", "name": "Y", "capability": {"value": 50, "low": 40, "high": 60, "sources": J}, "stakes": {"a": stake(90)}},
        ],
    }


def test_schema_minimal_scenario_loads():
    sc = parse_scenario(_minimal())
    assert [p for p, _ in sc.quantities()][:2] == ["X.capability", "X.a.position"]
    assert sc.actors[1].capability.kind == "triangular"


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["actors"][0]["stakes"]["a"]["position"].update(value=120), "less than or equal to 100"),
    (lambda d: d["actors"][0]["stakes"]["a"]["position"].update(sources=[]), "at least 1 item"),
    (lambda d: d["actors"][0]["stakes"]["a"]["position"].update(sources=[{"doc": "x.txt"}]), "both 'doc' and 'quote'"),
    (lambda d: d["actors"][0]["stakes"]["a"]["position"].update(sources=[{}]), "or 'judgement'"),
    (lambda d: d["actors"][0]["stakes"]["a"]["position"].update(low=20, high=30), "must lie within"),
    (lambda d: d["actors"][0]["stakes"]["a"]["position"].update(dist="normal"), "needs 'sd'"),
    (lambda d: d["actors"][0]["stakes"].update(b=d["actors"][0]["stakes"]["a"]), "unknown issues ['b']"),
    (lambda d: d["actors"][0].update(colour="red"), "Extra inputs are not permitted"),
    (lambda d: d["actors"][1].update(id="X"), "duplicate actor ids"),
    (lambda d: d["actors"][1]["stakes"].clear(), "at least 1 item"),
    (lambda d: d["actors"][0]["stakes"]["a"]["salience"].update(value="high"), "valid number"),
])
def test_schema_invalid_scenario_names_the_problem(mutate, message):
    data = copy.deepcopy(_minimal())
    mutate(data)
    with pytest.raises(ScenarioError) as err:
        parse_scenario(data, "mini.yaml")
    assert message in str(err.value)
    assert str(err.value).startswith("mini.yaml:")


def test_schema_load_reports_bad_yaml(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="not valid YAML"):
        load_scenario(bad)
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenario(tmp_path / "missing.yaml")


def test_schema_json_scenario_loads(tmp_path):
    import json
    f = tmp_path / "mini.json"
    f.write_text(json.dumps(_minimal()), encoding="utf-8")
    assert load_scenario(f).id == "mini"


def test_schema_bundled_scenario_covers_the_issue_brief():
    sc = load_scenario(BUNDLED_SCENARIO)
    assert {a.id for a in sc.actors} == {"USA", "RUS", "UKR", "GBR", "FRA", "DEU", "POL", "EU"}
    assert {i.id for i in sc.issues} == {"tomahawk", "guarantees", "territory", "nato", "ceasefire"}
    for actor in sc.actors:
        assert set(actor.stakes) == {i.id for i in sc.issues}, actor.id


def test_schema_every_cited_quote_occurs_in_its_corpus_file():
    sc = load_scenario(BUNDLED_SCENARIO)
    cited = resolve_sources(sc)
    assert len(cited) == len(sc.quantities())
    for c in cited:
        assert c.evidence or c.judgements, f"{c.path} has neither a quote nor a judgement"
        for ev in c.evidence:
            text = (CORPUS_DIR / ev.doc).read_text(encoding="utf-8")
            assert text[ev.start:ev.end] == ev.text
            assert ev.text.strip()
    assert sum(bool(c.evidence) for c in cited) >= len(cited) // 2   # most numbers are read from text


def test_schema_quote_resolves_to_its_whole_sentence():
    text = "Erster Satz. Trump sagte: „Wir brauchen Frieden.“ Dritter Satz."
    ev = resolve_quote(text, "d.txt", "Wir brauchen")
    assert ev.text == "Trump sagte: „Wir brauchen Frieden.“"
    with pytest.raises(ScenarioError, match="quote not found in d.txt"):
        resolve_quote(text, "d.txt", "nicht da")


def test_schema_unresolvable_quote_is_an_error(tmp_path):
    data = yaml.safe_load(BUNDLED_SCENARIO.read_text(encoding="utf-8"))
    data["actors"][0]["capability"]["sources"] = [{"doc": "004_de6ae82c5d939e50.txt", "quote": "erfundenes Zitat"}]
    with pytest.raises(ScenarioError, match="do not resolve"):
        resolve_sources(parse_scenario(data))
