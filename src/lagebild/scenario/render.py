"""A self-contained HTML fragment for a scenario result: inline SVG, no scripts, all text escaped."""
from __future__ import annotations

from html import escape

from .montecarlo import BINS, IssueForecast, ScenarioResult

__all__ = ["render_html"]

W, PAD = 520, 40                       # plot width and left/right padding (px)
MODEL_COLOURS = {"compromise": "#1b6ca8", "weighted_median": "#7a7a7a", "nash": "#2e8b57", "bdm": "#b8621b"}


def _x(v: float) -> float:
    return PAD + (W - 2 * PAD) * max(0.0, min(100.0, v)) / 100.0


def _axis(y: float, low: str, high: str) -> str:
    ticks = "".join(
        f'<line x1="{_x(t):.1f}" y1="{y}" x2="{_x(t):.1f}" y2="{y + 4}" stroke="#555"/>'
        f'<text x="{_x(t):.1f}" y="{y + 15}" font-size="10" text-anchor="middle">{t}</text>'
        for t in range(0, 101, 25))
    return (f'<line x1="{PAD}" y1="{y}" x2="{W - PAD}" y2="{y}" stroke="#555"/>{ticks}'
            f'<text x="{PAD}" y="{y + 28}" font-size="10">0 = {escape(low)}</text>'
            f'<text x="{W - PAD}" y="{y + 40}" font-size="10" text-anchor="end">100 = {escape(high)}</text>')


def _histogram_svg(f: IssueForecast) -> str:
    h, top = 120, 10
    counts = f.outcome.histogram
    peak = max(counts) or 1
    bw = (W - 2 * PAD) / BINS
    bars = "".join(
        f'<rect x="{PAD + k * bw:.1f}" y="{top + h - h * c / peak:.1f}" width="{bw - 1:.1f}" '
        f'height="{h * c / peak:.1f}" fill="#9ecae1"><title>{k * 100 // BINS}-{(k + 1) * 100 // BINS}: {c} runs</title></rect>'
        for k, c in enumerate(counts))
    marks = "".join(
        f'<line x1="{_x(v):.1f}" y1="{top}" x2="{_x(v):.1f}" y2="{top + h}" stroke="{MODEL_COLOURS.get(m, "#000")}" '
        f'stroke-width="2" stroke-dasharray="4 2"><title>{escape(m)}: {v:.1f}</title></line>'
        for m, v in f.point.items())
    band = (f'<rect x="{_x(f.outcome.q05):.1f}" y="{top + h + 2}" width="{_x(f.outcome.q95) - _x(f.outcome.q05):.1f}" '
            f'height="4" fill="#1b6ca8" opacity="0.5"><title>90 % interval {f.outcome.q05:.1f}-{f.outcome.q95:.1f}</title></rect>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{top + h + 50}" role="img" '
            f'aria-label="{escape(f.name)}: outcome distribution">{bars}{marks}{band}{_axis(top + h + 8, f.low, f.high)}</svg>')


def _moves_svg(f: IssueForecast) -> str:
    row, top = 18, 6
    h = top + row * len(f.moves)
    items = []
    for k, mv in enumerate(f.moves):
        y = top + k * row + 9
        items.append(
            f'<text x="{PAD - 4}" y="{y + 4}" font-size="10" text-anchor="end">{escape(mv.actor)}</text>'
            f'<line x1="{PAD}" y1="{y}" x2="{W - PAD}" y2="{y}" stroke="#eee"/>'
            f'<line x1="{_x(mv.before):.1f}" y1="{y}" x2="{_x(mv.after):.1f}" y2="{y}" stroke="#b8621b" stroke-width="2"/>'
            f'<circle cx="{_x(mv.before):.1f}" cy="{y}" r="4" fill="#fff" stroke="#333"><title>{escape(mv.actor)} before: {mv.before:.0f}</title></circle>'
            f'<circle cx="{_x(mv.after):.1f}" cy="{y}" r="4" fill="#b8621b"><title>{escape(mv.actor)} after (BdM, mean): '
            f'{mv.after:.0f}; moves in {mv.p_moves:.0%} of runs</title></circle>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{h + 44}" role="img" '
            f'aria-label="{escape(f.name)}: actor positions before and after">{"".join(items)}'
            f'{_axis(h + 2, f.low, f.high)}</svg>')


def _issue_html(f: IssueForecast, model: str) -> str:
    d = f.outcome
    models = "".join(
        f'<tr><td><span style="color:{MODEL_COLOURS.get(m, "#000")}">&#9632;</span> {escape(m)}</td>'
        f'<td>{f.point[m]:.1f}</td><td>{dist.mean:.1f}</td><td>{dist.q05:.1f}&ndash;{dist.q95:.1f}</td></tr>'
        for m, dist in f.by_model.items())
    sens = "".join(f"<li>{escape(s.input)}: &rho; = {s.rho:+.2f}</li>" for s in f.sensitivity[:5])
    return (
        f'<section class="scenario-issue" id="scenario-{escape(f.issue)}">'
        f"<h4>{escape(f.name)}</h4>"
        f"<p>Forecast ({escape(model)} model): median {d.q50:.1f}, 50 % interval {d.q25:.1f}&ndash;{d.q75:.1f}, "
        f"90 % interval {d.q05:.1f}&ndash;{d.q95:.1f}; P(outcome &gt; 50) = {d.p_above_50:.2f}. "
        f"From input uncertainty alone: 90 % interval {f.input_only.q05:.1f}&ndash;{f.input_only.q95:.1f}.</p>"
        f"{_histogram_svg(f)}"
        f'<table class="scenario-models"><tr><th>model</th><th>best estimate</th><th>MC mean</th><th>90 %</th></tr>{models}</table>'
        f"<p>Actor positions before (open) and after the BdM bargaining rounds (filled, mean over runs):</p>"
        f"{_moves_svg(f)}"
        f"<p>Most influential inputs (Spearman rank correlation with the outcome):</p><ul>{sens or '<li>no uncertain inputs</li>'}</ul>"
        f"</section>")


def render_html(result: ScenarioResult) -> str:
    """HTML fragment (no <html>/<head>, no scripts) for embedding in the report."""
    notes = "".join(f"<li>{escape(n)}</li>" for n in result.notes)
    body = "".join(_issue_html(f, result.model) for f in result.issues)
    return (
        f'<div class="lagebild-scenario" data-stage="{escape(result.stage)}">'
        f"<h3>Scenario: {escape(result.title)}</h3>"
        f"<p>{result.runs} Monte Carlo runs, seed {result.seed}; headline model: {escape(result.model)}.</p>"
        f"<ul>{notes}</ul>{body}</div>")
