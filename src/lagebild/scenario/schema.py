"""Scenario files: issues, actors and their stakes, validated strictly.

A scenario is data (YAML or JSON).  Every number carries its source: a quote from
a corpus document (``doc`` + ``quote``) or an explicit ``judgement`` note, so a
reader can see which inputs are read from text and which are the analyst's.
Each number may be a point value or uncertain (``low``/``high`` range, a
triangular or normal distribution); the Monte Carlo samples the uncertain ones.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

__all__ = [
    "ScenarioError", "Source", "Quantity", "Issue", "Stake", "ScenarioActor", "Scenario",
    "load_scenario", "parse_scenario",
]


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message says where and how to fix it."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """Where a number comes from: a sentence of a document, or analyst judgement."""

    doc: str | None = Field(None, description="corpus file name (or document id) the quote is from")
    quote: str | None = Field(None, description="exact substring of that document's text")
    judgement: str | None = Field(None, description="why the analyst chose the number, when no sentence states it")

    @model_validator(mode="after")
    def _one_kind(self) -> "Source":
        has_quote = self.doc is not None or self.quote is not None
        if has_quote and (self.doc is None or self.quote is None):
            raise ValueError("a quoted source needs both 'doc' and 'quote'")
        if not has_quote and not self.judgement:
            raise ValueError("a source needs 'doc' + 'quote', or 'judgement' (a reason)")
        if self.quote is not None and not self.quote.strip():
            raise ValueError("'quote' must not be empty")
        return self


Dist = Literal["fixed", "uniform", "triangular", "normal"]


class Quantity(_Strict):
    """A number on 0..100 with its uncertainty and its sources.

    ``value`` is the best estimate.  With ``low``/``high`` the default distribution
    is triangular (mode = value); ``dist: uniform`` ignores the mode; ``dist: normal``
    needs ``sd`` and is clipped to [low, high] (default [0, 100]).
    """

    value: float = Field(..., ge=0, le=100)
    low: float | None = Field(None, ge=0, le=100)
    high: float | None = Field(None, ge=0, le=100)
    sd: float | None = Field(None, gt=0)
    dist: Dist | None = None
    sources: list[Source] = Field(..., min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> "Quantity":
        if (self.low is None) != (self.high is None):
            raise ValueError("give both 'low' and 'high', or neither")
        if self.low is not None and not (self.low <= self.value <= self.high):
            raise ValueError(f"value {self.value} must lie within [low, high] = [{self.low}, {self.high}]")
        dist = self.kind
        if dist == "normal" and self.sd is None:
            raise ValueError("dist 'normal' needs 'sd'")
        if dist in ("uniform", "triangular") and self.low is None:
            raise ValueError(f"dist '{dist}' needs 'low' and 'high'")
        if dist == "fixed" and (self.low is not None or self.sd is not None):
            raise ValueError("dist 'fixed' takes no 'low'/'high'/'sd'")
        return self

    @property
    def kind(self) -> Dist:
        if self.dist is not None:
            return self.dist
        if self.sd is not None:
            return "normal"
        if self.low is not None:
            return "triangular" if self.low < self.high else "fixed"
        return "fixed"

    @property
    def uncertain(self) -> bool:
        return self.kind != "fixed"


class Issue(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    name: str
    low: str = Field(..., description="meaning of position 0")
    high: str = Field(..., description="meaning of position 100")
    status_quo: Quantity | None = Field(None, description="where the issue stands without agreement (Nash disagreement point)")
    description: str = ""


class Stake(_Strict):
    """One actor on one issue."""

    position: Quantity
    salience: Quantity
    capability: Quantity | None = Field(None, description="overrides the actor's capability on this issue")


class ScenarioActor(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_:-]*$")]
    name: str
    capability: Quantity
    stakes: dict[str, Stake] = Field(..., min_length=1, description="issue id -> stake")


class Scenario(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    title: str
    as_of: str | None = None
    corpus: str | None = Field(None, description="corpus directory name under lagebild/corpus the quotes come from")
    notes: str = ""
    issues: list[Issue] = Field(..., min_length=1)
    actors: list[ScenarioActor] = Field(..., min_length=2)

    @model_validator(mode="after")
    def _references(self) -> "Scenario":
        issue_ids = [i.id for i in self.issues]
        dup = {i for i in issue_ids if issue_ids.count(i) > 1}
        if dup:
            raise ValueError(f"duplicate issue ids: {sorted(dup)}")
        actor_ids = [a.id for a in self.actors]
        dup = {a for a in actor_ids if actor_ids.count(a) > 1}
        if dup:
            raise ValueError(f"duplicate actor ids: {sorted(dup)}")
        known = set(issue_ids)
        for actor in self.actors:
            unknown = set(actor.stakes) - known
            if unknown:
                raise ValueError(f"actor {actor.id!r} has stakes on unknown issues {sorted(unknown)}; "
                                 f"known issues: {sorted(known)}")
        for issue in self.issues:
            n = sum(1 for a in self.actors if issue.id in a.stakes)
            if n < 2:
                raise ValueError(f"issue {issue.id!r} needs stakes from at least 2 actors, has {n}")
        return self

    def issue(self, issue_id: str) -> Issue:
        for issue in self.issues:
            if issue.id == issue_id:
                return issue
        raise KeyError(issue_id)

    def quantities(self) -> list[tuple[str, Quantity]]:
        """Every number of the scenario with a stable path name, e.g. ``RUS.tomahawk.position``."""
        out: list[tuple[str, Quantity]] = []
        for issue in self.issues:
            if issue.status_quo is not None:
                out.append((f"{issue.id}.status_quo", issue.status_quo))
        for actor in self.actors:
            out.append((f"{actor.id}.capability", actor.capability))
            for issue_id, stake in actor.stakes.items():
                out.append((f"{actor.id}.{issue_id}.position", stake.position))
                out.append((f"{actor.id}.{issue_id}.salience", stake.salience))
                if stake.capability is not None:
                    out.append((f"{actor.id}.{issue_id}.capability", stake.capability))
        return out


def _format_errors(err: ValidationError, where: str) -> str:
    lines = [f"{where}: {err.error_count()} problem(s) in the scenario:"]
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "(top level)"
        msg = e["msg"].removeprefix("Value error, ")
        lines.append(f"  - at {loc}: {msg}")
    return "\n".join(lines)


def parse_scenario(data: object, where: str = "<scenario>") -> Scenario:
    """Validate already-parsed YAML/JSON data; raise ScenarioError with every problem listed."""
    if not isinstance(data, dict):
        raise ScenarioError(f"{where}: a scenario must be a mapping at the top level, got {type(data).__name__}")
    try:
        return Scenario.model_validate(data)
    except ValidationError as err:
        raise ScenarioError(_format_errors(err, where)) from None


def load_scenario(path: str | Path) -> Scenario:
    """Read and validate a scenario file (.yaml/.yml/.json)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ScenarioError(f"{path}: cannot read the scenario file ({err.strerror})") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError) as err:
        raise ScenarioError(f"{path}: not valid {'JSON' if path.suffix.lower() == '.json' else 'YAML'}: {err}") from None
    return parse_scenario(data, str(path))
