from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.paths import CORPUS_DIR, shared_dir


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is not present")
    return path


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(CORPUS_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def gold(shared: Path) -> dict:
    import json

    return json.loads((shared / "gold" / "ukraine-2025-dev.json").read_text(encoding="utf-8"))
