"""One settings object with shipped defaults and strict, documented fields.

Users override any subset in a TOML or YAML file (``--config FILE``); unknown keys are
errors, so a typo never silently falls back to a default.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lagebild.errors import ConfigError

__all__ = ["Settings", "load_settings"]


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    db: str = Field("lagebild.db", description="Database: a SQLite file path, ':memory:', or sqlite:///path.")
    kb_files: list[str] = Field(default_factory=list, description="Extra actor knowledge-base YAML files merged over the bundled KB.")
    max_bytes: int = Field(20_000_000, ge=1, description="Inputs larger than this many bytes are skipped with code too_large.")
    near_duplicate_threshold: float = Field(0.8, gt=0, le=1, description="Jaccard similarity (MinHash estimate) from which a document is a near duplicate.")
    minhash_perm: int = Field(128, ge=16, description="Number of MinHash permutations for near-duplicate detection.")
    workers: int = Field(1, ge=1, description="Processes for ingest + language pipeline + extraction; the store is written by the main process.")
    batch_size: int = Field(16, ge=1, description="Documents handed to a worker at a time.")
    progress: bool = Field(True, description="Show a progress bar on runs over many files (stderr, only when it is a terminal).")
    parse: bool = Field(True, description="Run the language pipeline and extractors; false stores cleaned documents only (ingest-only runs, benchmarks).")
    extractors: list[str] | None = Field(None, description="Extractor chain as module:Class specs; None runs the default chain.")


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    data: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        try:
            raw = p.read_text(encoding="utf-8")
        except OSError as err:
            raise ConfigError(f"cannot read config file {p}: {err.strerror}", "check the path given to --config") from err
        try:
            data = tomllib.loads(raw) if p.suffix == ".toml" else (yaml.safe_load(raw) or {})
        except (tomllib.TOMLDecodeError, yaml.YAMLError) as err:
            raise ConfigError(f"config file {p} is not valid {p.suffix.lstrip('.') or 'YAML'}: {err}") from err
        if not isinstance(data, dict):
            raise ConfigError(f"config file {p} must hold a mapping of settings")
    data.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise ConfigError(f"setting '{loc}': {first['msg']}", "see `lagebild settings` for every setting and its meaning") from err
