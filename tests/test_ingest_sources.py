"""iter_sources: files, folders, JSON Lines, stdin; bad items are yielded as errors, never raised."""
from __future__ import annotations

import io
import json
from pathlib import Path

from lagebild.ingest import IngestError, Source, iter_sources, load_document

DATA = Path(__file__).parent / "data" / "ingest"
BODY = ("Der ukrainische Präsident Wolodymyr Selenskyj ist am Montag nach Berlin gereist. "
        "Dort sprach er mit Bundeskanzler Friedrich Merz über Luftabwehr und Sicherheitsgarantien. ")


def test_sources_jsonl_yields_one_source_per_line_and_errors_for_bad_lines() -> None:
    items = list(iter_sources([DATA / "articles.jsonl"]))
    assert [i.source.rsplit("#", 1)[1] for i in items] == ["L1", "L2", "L3", "L4", "L5"]
    assert [type(i).__name__ for i in items] == ["Source", "IngestError", "Source", "IngestError", "Source"]
    assert items[1].code == "bad_json" and items[3].code == "bad_json"
    good = items[0]
    assert isinstance(good, Source) and good.kind == "json" and good.meta["source_domain"] == "example-news.de"


def test_sources_jsonl_news_please_fields_become_metadata() -> None:
    items = [i for i in iter_sources([DATA / "articles.jsonl"]) if isinstance(i, Source)]
    doc = load_document(items[0])
    assert doc.title == "Selenskyj trifft Merz in Berlin"
    assert doc.text.startswith("Selenskyj trifft Merz in Berlin\n\nDer ukrainische Präsident")
    assert doc.author == "Anna Beispiel; Max Muster"
    assert doc.outlet == "example-news.de"
    assert doc.published is not None and doc.published.value == "2025-10-20"
    assert doc.published.precision == "day" and doc.published.basis == "json:date_publish"
    assert doc.language == "de" and doc.hints["url"].startswith("https://www.example-news.de/")
    english = load_document(items[1])
    assert english.language == "en" and english.outlet == "news.example.com" and english.published is None
    assert english.genre == "opinion" and "url:opinion" in english.genre_signals
    empty = items[2]
    try:
        load_document(empty)
    except IngestError as err:
        assert err.code == "no_text"
    else:
        raise AssertionError("a record without text must not load")


def test_sources_folder_recursive_sorted_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("b/2.txt", "a/1.html", "a/0.txt", "top.txt", ".hidden.txt", ".git/config", "a/.DS_Store",
                "README.md", "a/LICENSE"):
        (tmp_path / rel).write_text(BODY, encoding="utf-8")
    found = [Path(i.source).relative_to(tmp_path).as_posix() for i in iter_sources([tmp_path])]
    assert found == ["a/0.txt", "a/1.html", "b/2.txt", "top.txt"]
    kinds = {Path(i.source).name: i.kind for i in iter_sources([tmp_path])}
    assert kinds["1.html"] == "html" and kinds["0.txt"] == "text"


def test_sources_folder_with_many_files_some_bad(tmp_path: Path) -> None:
    bad = {7: b"", 42: b"%PDF-1.4 binary", 99: b"\x00\x01\x02" * 50, 150: b"   \n\n"}
    for n in range(200):
        data = bad.get(n, f"Meldung {n}\n\n{BODY * 2}".encode("utf-8"))
        (tmp_path / f"{n:03d}.txt").write_bytes(data)
    (tmp_path / "feed.jsonl").write_text('{"maintext": "' + BODY + '"}\n{oops\n', encoding="utf-8")
    docs, errors = [], []
    for item in iter_sources([tmp_path]):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        try:
            docs.append(load_document(item))
        except IngestError as err:
            errors.append(err)
    assert len(docs) == 197 and len(errors) == 5
    assert sorted(e.code for e in errors) == ["bad_json", "binary", "empty", "empty", "pdf"]
    assert len({d.id for d in docs}) == 197        # content-hash ids differ per text
    assert docs[0].title == "Meldung 0"


def test_sources_stdin_and_mixed_arguments(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(BODY, encoding="utf-8")
    items = list(iter_sources(["-", path, tmp_path / "missing.txt"], stdin=io.BytesIO(BODY.encode("cp1252"))))
    assert [i.source for i in items] == ["-", str(path), str(tmp_path / "missing.txt")]
    doc = load_document(items[0])
    assert doc.source == "-" and doc.encoding == "cp1252" and doc.text == BODY.strip()
    assert items[1].raw == BODY.encode("utf-8")      # read ahead, so callers can hash and skip early
    assert load_document(items[1]).id == doc.id     # same cleaned text, same id, whatever the bytes
    assert isinstance(items[2], IngestError) and items[2].code == "unreadable"


def test_sources_json_file_with_list_of_records(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"title": "A", "text": BODY}, {"title": "B", "text": BODY + " Ende."}, 3]),
                    encoding="utf-8")
    items = list(iter_sources([path]))
    assert [i.source for i in items] == [f"{path}#0", f"{path}#1", f"{path}#2"]
    assert isinstance(items[2], IngestError) and items[2].code == "bad_json"
    assert load_document(items[0]).title == "A"


def test_sources_document_ids_and_raw_hash() -> None:
    import hashlib

    from lagebild.model import content_hash

    path = DATA / "made_up_de.txt"
    doc = load_document(Source(str(path)))
    assert doc.id == content_hash(doc.text)
    assert doc.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.encoding == "utf-8"


def test_sources_corpus_folder_yields_the_five_articles(corpus_files: list[Path]) -> None:
    items = list(iter_sources([corpus_files[0].parent]))
    assert [i.source for i in items] == [str(p) for p in corpus_files]
    readme = corpus_files[0].parent / "README.md"
    if readme.exists():                                # named explicitly, it is read
        assert [i.source for i in iter_sources([readme])] == [str(readme)]


def test_sources_ingestor_pipe_yields_every_input_once(tmp_path: Path) -> None:
    from lagebild.ingest import Ingestor

    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    out = list(Ingestor(max_bytes=10_000).pipe(iter_sources([tmp_path, tmp_path / "gone.txt"])))
    assert [type(o).__name__ for o in out] == ["Document", "IngestError", "IngestError"]
    assert [getattr(o, "code", None) for o in out] == [None, "empty", "unreadable"]
