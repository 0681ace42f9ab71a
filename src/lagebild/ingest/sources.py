"""Enumerate sources: files, folders, JSON Lines and stdin.  Nothing here decodes text."""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

from lagebild.ingest.errors import IngestError

SourceKind = Literal["text", "html", "json"]

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
# Documentation that lives next to articles (a corpus README, a LICENSE) is not an article.
# Skipped only while walking a folder; a file named explicitly is always read.
READ_AHEAD_MAX = 20_000_000     # = load_document's default max_bytes
FOLDER_SKIP_STEMS = {"readme", "license", "licence", "copying", "changelog", "notice"}


@dataclass
class Source:
    """One article to load.

    ``raw`` holds the bytes (so a caller can hash them and skip unchanged inputs early), except
    for files bigger than ``READ_AHEAD_MAX``: those stay None and
    :func:`lagebild.ingest.load_document` refuses or reads them itself, from their size first.
    ``kind`` is a guess from the file name; the loader checks the content again (an HTML page
    saved as .txt is still HTML).
    """

    source: str                       # path, "path#L3" for a JSON Lines line, URL, or "-"
    raw: bytes | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    kind: SourceKind = "text"


def kind_for(path: Path) -> SourceKind:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".json":
        return "json"
    return "text"


def iter_sources(paths: Iterable[str | Path], *, stdin: BinaryIO | None = None) -> Iterator[Source | IngestError]:
    """Yield a Source per article (or an IngestError per unreadable one), in a stable order.

    Folders are walked recursively in sorted order, skipping hidden files and folders and
    documentation files (README, LICENSE, ...).  A
    ``.jsonl``/``.ndjson`` file yields one Source per line, a ``.json`` file one per object (or
    per item of a top-level list).  ``"-"`` reads all of ``stdin`` (default: ``sys.stdin.buffer``).
    """
    for item in paths:
        if str(item) == "-":
            yield _from_stdin(stdin)
            continue
        path = Path(item)
        try:
            if path.is_dir():
                yield from _walk(path)
                continue
            if not path.exists():
                yield IngestError(str(path), "unreadable", "no such file or folder")
                continue
        except OSError as err:  # e.g. a parent folder we may not list
            yield IngestError(str(path), "unreadable", f"cannot access: {err.strerror or err}")
            continue
        yield from _from_file(path)


def _from_stdin(stdin: BinaryIO | None) -> Source | IngestError:
    import sys

    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        raw = stream.read()
    except OSError as err:
        return IngestError("-", "unreadable", f"cannot read stdin: {err}")
    return Source("-", raw, {}, "text")


def _walk(root: Path) -> Iterator[Source | IngestError]:
    def on_error(err: OSError) -> None:
        errors.append(IngestError(str(err.filename or root), "unreadable",
                                  f"cannot list folder: {err.strerror or err}"))

    errors: list[IngestError] = []
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / name for name in filenames
                     if not name.startswith(".") and name.split(".")[0].lower() not in FOLDER_SKIP_STEMS)
    yield from errors
    for path in sorted(found):
        yield from _from_file(path)


def _from_file(path: Path) -> Iterator[Source | IngestError]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _from_jsonl(path)
    elif path.suffix.lower() == ".json":
        yield from _from_json(path)
    else:
        try:
            raw = path.read_bytes() if path.stat().st_size <= READ_AHEAD_MAX else None
        except IsADirectoryError:
            yield IngestError(str(path), "unreadable", "is a folder, not a file")
            return
        except OSError as err:
            yield IngestError(str(path), "unreadable", f"cannot read: {err.strerror or err}")
            return
        yield Source(str(path), raw, {}, kind_for(path))


def _from_jsonl(path: Path) -> Iterator[Source | IngestError]:
    try:
        fh = path.open("rb")
    except OSError as err:
        yield IngestError(str(path), "unreadable", f"cannot open: {err.strerror or err}")
        return
    with fh:
        for lineno, line in enumerate(fh, start=1):   # streamed: a JSONL dump can be gigabytes
            if not line.strip():
                continue
            name = f"{path}#L{lineno}"
            try:
                obj = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                yield IngestError(name, "bad_json", f"line {lineno} is not valid JSON ({err})")
                continue
            if not isinstance(obj, dict):
                yield IngestError(name, "bad_json", f"line {lineno} is a JSON {type(obj).__name__}, not an object")
                continue
            yield Source(name, line.rstrip(b"\r\n"), obj, "json")


def _from_json(path: Path) -> Iterator[Source | IngestError]:
    try:
        raw = path.read_bytes()
    except OSError as err:
        yield IngestError(str(path), "unreadable", f"cannot open: {err.strerror or err}")
        return
    try:
        obj = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        yield IngestError(str(path), "bad_json", f"not valid JSON ({err})")
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items):
        name = str(path) if len(items) == 1 else f"{path}#{i}"
        if isinstance(item, dict):
            yield Source(name, json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8"), item, "json")
        else:
            yield IngestError(name, "bad_json", f"item {i} is a JSON {type(item).__name__}, not an object")
