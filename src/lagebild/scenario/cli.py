"""``lagebild scenario ...`` commands (a click group the main CLI attaches)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .evidence import resolve_sources
from .montecarlo import MODEL_NAMES, run_scenario
from .render import render_html
from .schema import ScenarioError, load_scenario

__all__ = ["scenario"]


@click.group(name="scenario")
def scenario() -> None:
    """Bargaining models and Monte Carlo forecasts from a scenario file.

    Example: lagebild scenario run src/lagebild/scenario/data/ukraine-2025.yaml --runs 1000 --seed 0
    """


@scenario.command("run")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--runs", default=1000, show_default=True, type=click.IntRange(2, 1_000_000), help="Monte Carlo runs.")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed (same seed, same result).")
@click.option("--model", default="compromise", show_default=True, type=click.Choice(MODEL_NAMES),
              help="Headline model for the outcome distribution.")
@click.option("--model-error/--no-model-error", default=True, show_default=True,
              help="Add the compromise model's real error on the DEU decisions to the interval.")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the HTML fragment (inline SVG plots) to this file.")
@click.option("--check-sources/--no-check-sources", default=True, show_default=True,
              help="Check that every quoted source occurs in its corpus document.")
def run_cmd(file: Path, runs: int, seed: int, model: str, model_error: bool, as_json: bool, html_out: Path | None,
            check_sources: bool) -> None:
    """Run every model and the Monte Carlo on FILE (YAML or JSON).

    Example: lagebild scenario run ukraine-2025.yaml --runs 2000 --seed 7 --json
    """
    try:
        sc = load_scenario(file)
        if check_sources and sc.corpus:
            resolve_sources(sc)
        result = run_scenario(sc, runs=runs, seed=seed, model=model, model_error=model_error)
    except ScenarioError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    if html_out is not None:
        html_out.write_text(render_html(result), encoding="utf-8")
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{result.title}  ({result.runs} runs, seed {result.seed}, headline model {result.model})")
    for f in result.issues:
        d = f.outcome
        pts = ", ".join(f"{m} {v:.0f}" for m, v in f.point.items())
        click.echo(f"\n{f.name}  [0 = {f.low} | 100 = {f.high}]")
        click.echo(f"  forecast median {d.q50:.1f}  90% {d.q05:.1f}-{d.q95:.1f}  P(>50) {d.p_above_50:.2f}"
                   f"  (inputs only: 90% {f.input_only.q05:.1f}-{f.input_only.q95:.1f})")
        click.echo(f"  best-estimate inputs: {pts}")
        movers = sorted(f.moves, key=lambda m: -m.p_moves)[:3]
        click.echo("  moves most (BdM): " + ", ".join(f"{m.actor} {m.before:.0f}->{m.after:.0f} ({m.p_moves:.0%})" for m in movers))
        if f.sensitivity:
            click.echo("  sensitive to: " + ", ".join(f"{s.input} ({s.rho:+.2f})" for s in f.sensitivity[:3]))
