"""Exports per ../shared/schema/picture.schema.json: ``json`` (one file), ``jsonl`` and ``csv`` (a file per record type)."""
from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path
from typing import Any

from lagebild.api import Picture
from lagebild.errors import UsageError
from lagebild.model import SCHEMA_VERSION

RECORD_TYPES = ("documents", "actors", "mentions", "quotes", "events", "claims", "stances", "failures")
FORMATS = ("json", "jsonl", "csv")


def _plain(record: Any) -> dict[str, Any]:
    return dataclasses.asdict(record)


def picture_dict(picture: Picture) -> dict[str, Any]:
    """The picture as the schema's JSON object (extra fields are allowed by the schema)."""
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for name in RECORD_TYPES:
        out[name] = [_plain(r) for r in getattr(picture, name)]
    for doc in out["documents"]:
        doc["removed"] = [{"text": r["text"], "reason": r["reason"]} for r in doc["removed"]]
    out["timexes"] = [_plain(t) for t in picture.timexes]
    out["findings"] = [_plain(f) for f in picture.findings]
    return out


def export(picture: Picture, fmt: str, out: str | Path) -> list[Path]:
    """Write the picture; returns the files written.  ``out`` is a file for json, a folder otherwise."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}", f"choose one of {', '.join(FORMATS)}")
    data = picture_dict(picture)
    out = Path(out)
    if fmt == "json":
        out.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(out, json.dumps(data, ensure_ascii=False, indent=1))
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in (*RECORD_TYPES, "timexes", "findings"):
        rows = data[name]
        path = out / f"{name}.{fmt}"
        if fmt == "jsonl":
            _atomic_write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        else:
            _write_csv(path, rows)
        written.append(path)
    return written


def _flat(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns or ["empty"])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(v) for k, v in row.items()})
    tmp.replace(path)


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
