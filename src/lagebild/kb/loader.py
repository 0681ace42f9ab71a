"""Reading and validating knowledge-base YAML files (bundled and user-supplied)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from lagebild.lang import safe_load
from pydantic import ValidationError

from lagebild.kb.schema import KBFile

__all__ = ["KBError", "BUNDLED_FILES", "read_kb_file", "read_bundled", "read_lang"]

BUNDLED_FILES = ("states.yaml", "organisations.yaml", "places.yaml", "persons.yaml")


class KBError(ValueError):
    """A knowledge-base file is missing, not YAML, or breaks the schema.

    The message names the file, the entry (by its index and id/name) and the field, and
    says what a valid value looks like, e.g.::

        my-actors.yaml: persons[0] (person:jane-doe) → roles[0].start: dates must be ISO
        'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', got 'last year'
    """

    code = "KB001"


def _entry_label(data: Any, loc: tuple[Any, ...]) -> str:
    """``persons[3] (person:x)`` for an error location, from the raw data."""
    parts: list[str] = []
    node = data
    for i, key in enumerate(loc):
        if isinstance(key, int):
            parts[-1] = f"{parts[-1]}[{key}]" if parts else f"[{key}]"
            node = node[key] if isinstance(node, list) and key < len(node) else None
            if i == 1 and isinstance(node, dict):
                ident = node.get("id") or node.get("iso3") or node.get("name")
                if ident:
                    parts[-1] += f" ({ident})"
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts)


def _validate(data: Any, source: str) -> KBFile:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise KBError(f"{source}: a knowledge-base file must be a mapping with sections "
                      f"'states', 'organisations', 'places', 'persons'; got {type(data).__name__}")
    try:
        return KBFile.model_validate(data)
    except ValidationError as err:
        raise KBError(describe_errors(err, data, source,
                                      "check the spelling; allowed fields are listed in lagebild/kb/schema.py")) from None


def describe_errors(err: ValidationError, data: Any, source: str, fields_hint: str) -> str:
    """One line per validation error, naming the file, the entry (index and id/name) and the field."""
    lines = []
    for e in err.errors():
        where = _entry_label(data, tuple(e["loc"]))
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            msg = f"unknown field ({fields_hint})"
        elif e["type"] == "missing":
            msg = "required field is missing"
        lines.append(f"{source}: {where}: {msg}")
    return "\n".join(lines)


def read_user_yaml(path: str | Path, error: type[KBError], missing: str) -> Any:
    """Parse a user's YAML data file; every way it can be unreadable becomes ``error`` with a clear message."""
    p = Path(path)
    if not p.is_file():
        raise error(f"{p}: {missing}")
    try:
        return safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise error(f"{p}: not valid YAML: {err}") from None
    except UnicodeDecodeError:
        raise error(f"{p}: not UTF-8 text; save the file as UTF-8") from None
    except ValueError as err:   # YAML reads 2030-02-30 as a date and fails inside the loader
        raise error(f"{p}: not a calendar date ({err}); write dates as existing 'YYYY-MM-DD'") from None


def read_kb_file(path: str | Path) -> KBFile:
    """Load and validate one user knowledge-base file; raises :class:`KBError` with a clear message."""
    data = read_user_yaml(path, KBError, "knowledge-base file not found (pass an existing YAML file to --kb)")
    return _validate(data, Path(path).name)


def read_bundled(names: Iterable[str] = BUNDLED_FILES) -> list[KBFile]:
    out = []
    root = resources.files("lagebild.kb").joinpath("data")
    for name in names:
        with root.joinpath(name).open("r", encoding="utf-8") as fh:
            out.append(_validate(safe_load(fh), f"lagebild/kb/data/{name}"))
    return out


def read_lang(lang: str) -> dict[str, Any]:
    """Resolver word lists for ``lang`` (falls back to German for unknown languages)."""
    root = resources.files("lagebild.kb").joinpath("data")
    path = root.joinpath(f"lang_{lang}.yaml")
    if not path.is_file():
        path = root.joinpath("lang_de.yaml")
    with path.open("r", encoding="utf-8") as fh:
        return safe_load(fh) or {}


def user_files(extra: Sequence[str | Path]) -> list[KBFile]:
    return [read_kb_file(p) for p in extra]
