"""Where lagebild finds its bundled data and (for tests/benchmarks) the shared gold."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CORPUS_DIR = PACKAGE_DIR / "corpus" / "ukraine-2025"


def shared_dir() -> Path | None:
    """``../shared`` next to the repository (or ``$LAGEBILD_SHARED``); None when absent."""
    env = os.environ.get("LAGEBILD_SHARED")
    candidates = [Path(env)] if env else []
    candidates.append(PACKAGE_DIR.parents[2] / "shared")   # <repo>/../shared
    candidates.append(Path.cwd().parent / "shared")
    for cand in candidates:
        if cand.is_dir():
            return cand
    return None
