"""The Python API: ``analyze`` a pile of articles into a store, ``open`` it as a picture."""
from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from lagebild.config import Settings, load_settings
from lagebild.model import (
    Actor, Claim, Document, Event, Extraction, Failure, Finding, Mention, Quote, Stance, Timex,
)
from lagebild.store import Store, open_store

__all__ = ["analyze", "open", "Picture", "RunSummary"]


@dataclass
class RunSummary:
    db: str
    added: list[str] = field(default_factory=list)          # document ids written in this run
    unchanged: int = 0                                      # inputs already stored (re-run)
    duplicates: int = 0                                     # exact duplicates of a stored document
    near_duplicates: int = 0
    failed: list[Failure] = field(default_factory=list)

    def line(self) -> str:
        return (f"{len(self.added)} new document(s), {self.unchanged} unchanged, {self.duplicates} exact duplicate(s) "
                f"skipped, {self.near_duplicates} near duplicate(s) linked, {len(self.failed)} failure(s)")


@dataclass
class _Done:
    doc: Document
    ex: Extraction
    stages: list[str]
    signature: bytes | None
    failures: list[Failure] = field(default_factory=list)   # extractor stages that failed on this document


# -- per-document work (runs in worker processes) ------------------------------------------------
_STATE: dict[str, Any] = {}


def _init_worker(settings: dict[str, Any]) -> None:
    _STATE.clear()
    _STATE["settings"] = Settings(**settings)


def _context() -> Any:
    from lagebild.extract import Context
    if "ctx" not in _STATE:
        settings: Settings = _STATE.get("settings") or Settings()
        kb = None
        try:
            from lagebild.kb import load_kb
        except ImportError:  # the KB package is optional for ingest-only runs
            load_kb = None  # type: ignore[assignment]
        if load_kb is not None:
            kb = load_kb(settings.kb_files)
        _STATE["ctx"] = Context(kb=kb, settings=settings.model_dump())
    return _STATE["ctx"]


def _extractors() -> list[Any]:
    if "extractors" not in _STATE:
        from lagebild.extract.base import default_extractors, load_chain
        settings: Settings = _STATE.get("settings") or Settings()
        _STATE["extractors"] = load_chain(settings.extractors) if settings.extractors is not None else default_extractors()
    return _STATE["extractors"]


def process_source(src: Any) -> _Done | Failure:
    """Ingest, parse and extract one source; any error becomes a Failure (never raised)."""
    from lagebild.ingest import IngestError, NearDuplicateIndex, load_document
    from lagebild.nlp import get_pipeline
    settings: Settings = _STATE.get("settings") or Settings()
    stage = "ingest"
    try:
        doc = load_document(src, max_bytes=settings.max_bytes)
        if "index" not in _STATE:  # building an LSH index solves for its band parameters: do it once per process
            _STATE["index"] = NearDuplicateIndex(settings.near_duplicate_threshold, settings.minhash_perm)
        signature = _STATE["index"].signature(doc.text)
        if not settings.parse:
            return _Done(doc, Extraction(), [], signature)
        stage = "nlp"
        pipeline = get_pipeline(doc.language if doc.language in ("de", "en") else "de")
        parsed = pipeline(doc)
        ex = Extraction()
        stages = [pipeline.name]
        failures: list[Failure] = []
        for extractor in _extractors():
            stage = getattr(extractor, "name", type(extractor).__name__)
            failure = _run_extractor(extractor, parsed, ex, src.source, stage)
            if failure is None:
                stages.append(stage)
            else:
                failures.append(failure)
        return _Done(parsed.doc, ex, stages, signature, failures)
    except IngestError as err:
        return Failure(source=err.source or src.source, stage="ingest", code=err.code, message=_msg(err))
    except MemoryError:
        return Failure(source=src.source, stage=stage, code="memory", message="ran out of memory on this input")
    except Exception as err:  # noqa: BLE001 — one bad article must never stop a run; it is recorded
        return Failure(source=src.source, stage=stage, code="internal", message=f"{type(err).__name__}: {err}")


def _run_extractor(extractor: Any, parsed: Any, ex: Extraction, source: str, stage: str) -> Failure | None:
    """Run one extractor; if it fails, drop what it added and report it.

    One broken extractor must not cost the document and the other layers' records: the
    document is stored without this stage's records and the failure is listed.
    """
    before = {name: len(getattr(ex, name)) for name in _RECORD_LISTS}
    try:
        extractor(parsed, ex, _context())
        return None
    except MemoryError:
        raise
    except Exception as err:  # noqa: BLE001 — recorded as a failure of this stage on this document
        for name, n in before.items():
            del getattr(ex, name)[n:]
        return Failure(source=source, stage=stage, code="extractor",
                       message=f"{type(err).__name__}: {err}; stored without this stage's records")


_RECORD_LISTS = ("actors", "mentions", "quotes", "events", "claims", "stances", "timexes", "findings")


def _msg(err: Any) -> str:
    hint = getattr(err, "hint", "")
    return f"{err.message}" + (f" (hint: {hint})" if hint else "")


# -- orchestration (main process owns the store) ---------------------------------------------------
def analyze(
    paths: Iterable[str | Path] = (),
    db: str | Path | Store = "lagebild.db",
    *,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
    urls: Iterable[str] = (),
    http_client: Any = None,
    progress: bool | None = None,
) -> RunSummary:
    """Read ``paths`` (files, folders, ``-``) and optional ``urls`` into the store ``db``.

    Re-running on the same input changes nothing; an interrupted run resumes where it
    stopped, because each document is written in one transaction and inputs already
    stored are skipped.
    """
    from lagebild.ingest import IngestError, NearDuplicateIndex, fetch_urls, iter_sources
    settings = settings or load_settings()
    paths = [str(p) for p in paths]
    store = db if isinstance(db, Store) else open_store(db)
    summary = RunSummary(db=store.path)
    if settings.parse:
        _check_kb(settings)
    index = NearDuplicateIndex(settings.near_duplicate_threshold, settings.minhash_perm)
    for doc_id, sig in store.minhashes():
        index.add(doc_id, sig)

    def pending() -> Iterator[Any]:
        sources: Iterable[Any] = iter_sources(paths, stdin=stdin or (sys.stdin.buffer if "-" in paths else None))
        if urls:
            if http_client is None:
                import httpx
                client = httpx.Client(timeout=30, follow_redirects=True, headers={"User-Agent": "lagebild/0.1"})
            else:
                client = http_client
            sources = _chain(sources, fetch_urls(list(urls), client))
        for src in sources:
            if isinstance(src, IngestError):
                fail = Failure(source=src.source, stage="ingest", code=src.code, message=_msg(src))
                store.add_failure(fail)
                summary.failed.append(fail)
                continue
            raw_sha = hashlib.sha256(src.raw).hexdigest() if src.raw is not None else None
            if raw_sha is not None and store.source_doc(src.source, raw_sha):
                summary.unchanged += 1
                continue
            yield src

    show = settings.progress if progress is None else progress
    results = _run(pending(), settings)
    bar = _progress(results, show)
    for result in bar:
        if isinstance(result, Failure):
            store.add_failure(result)
            summary.failed.append(result)
            continue
        doc = result.doc
        if store.has_document(doc.id):
            original = store.document(doc.id)
            if original is not None and original.source != doc.source:
                fail = Failure(source=doc.source, stage="dedup", code="duplicate",
                               message=f"exact duplicate of document {doc.id} ({original.source}); skipped")
                store.add_failure(fail)
                summary.duplicates += 1
            else:
                summary.unchanged += 1
            store.write_document(doc, result.ex, stages=result.stages, minhash=result.signature)  # records the source only
            continue
        if result.signature is not None:
            near = index.query(result.signature)
            if near is not None:
                doc.duplicate_of = near
                summary.near_duplicates += 1
            else:
                index.add(doc.id, result.signature)
        store.write_document(doc, result.ex, stages=result.stages, minhash=result.signature)
        for fail in result.failures:
            store.add_failure(fail)
            summary.failed.append(fail)
        summary.added.append(doc.id)
    from lagebild.link import link_store
    link_store(store)
    return summary


def _check_kb(settings: Settings) -> None:
    """A broken user KB file is the user's to fix before the run, not a failure of every document."""
    from lagebild.errors import ConfigError
    from lagebild.kb import KBError, load_kb
    try:
        load_kb(settings.kb_files)
    except KBError as err:
        raise ConfigError(str(err), "fix the file given to --kb (see the KB section of the README)") from err


def _chain(*iterables: Iterable[Any]) -> Iterator[Any]:
    for it in iterables:
        yield from it


def _run(sources: Iterator[Any], settings: Settings) -> Iterator[_Done | Failure]:
    if settings.workers <= 1:
        _init_worker(settings.model_dump())
        for src in sources:
            yield process_source(src)
        return
    # A sliding window of submitted documents keeps the workers busy while the main
    # process writes results, without holding a whole folder of raw bytes in memory.
    from collections import deque
    limit = settings.workers * settings.batch_size * 2
    with ProcessPoolExecutor(max_workers=settings.workers, initializer=_init_worker,
                             initargs=(settings.model_dump(),)) as pool:
        window: deque[Any] = deque()
        for src in sources:
            window.append(pool.submit(process_source, src))
            if len(window) >= limit:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _progress(results: Iterator[Any], show: bool) -> Iterator[Any]:
    if not show or not sys.stderr.isatty() or os.environ.get("CI"):
        return results
    from tqdm import tqdm
    return tqdm(results, unit="doc", desc="analyze", file=sys.stderr)


# -- reading a picture ---------------------------------------------------------------------------
@dataclass
class Picture:
    """Everything stored in one database, as typed records."""

    documents: list[Document]
    actors: list[Actor]
    mentions: list[Mention]
    quotes: list[Quote]
    events: list[Event]
    claims: list[Claim]
    stances: list[Stance]
    timexes: list[Timex]
    findings: list[Finding]
    failures: list[Failure]

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def open(db: str | Path | Store = "lagebild.db") -> Picture:  # noqa: A001 — mirrors the builtin on purpose: lagebild.open(db)
    store = db if isinstance(db, Store) else _open_existing(db)
    return Picture(
        documents=store.documents(), actors=store.actors(), mentions=store.mentions(), quotes=store.quotes(),
        events=store.events(), claims=store.claims(), stances=store.stances(), timexes=store.timexes(),
        findings=store.findings(), failures=store.failures(),
    )


def _open_existing(db: str | Path) -> Store:
    from lagebild.errors import StoreError
    text = str(db)
    path = text[len("sqlite:///"):] if text.startswith("sqlite:///") else text
    if path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no database at {path}", "run `lagebild analyze PATH --db " + path + "` first")
    return open_store(text)
