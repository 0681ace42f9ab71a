"""End to end: folder of articles -> store -> export/report, re-runs, resume, hostile input."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lagebild
from lagebild.cli import main
from lagebild.paths import CORPUS_DIR
from lagebild.present import export, render_report


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("db") / "corpus.db"
    summary = lagebild.analyze([CORPUS_DIR], db, progress=False)
    assert len(summary.added) == 5 and not summary.failed
    return db


def test_pipeline_e2e_corpus_documents_stored_with_metadata(corpus_db):
    picture = lagebild.open(corpus_db)
    assert len(picture.documents) == 5
    for doc in picture.documents:
        assert doc.language == "de"
        assert doc.text.strip() and doc.id
    titles = {d.title for d in picture.documents}
    assert "Warum weigert sich Trump, Raketen zu liefern?" in titles


def test_pipeline_e2e_rerun_changes_nothing(corpus_db):
    before = lagebild.open(corpus_db)
    summary = lagebild.analyze([CORPUS_DIR], corpus_db, progress=False)
    assert summary.added == [] and summary.unchanged == 5
    after = lagebild.open(corpus_db)
    assert after == before


def test_pipeline_e2e_export_json_matches_schema(corpus_db, shared, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schema" / "picture.schema.json").read_text(encoding="utf-8"))
    (path,) = export(lagebild.open(corpus_db), "json", tmp_path / "p.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert len(data["documents"]) == 5
    for key in ("actors", "mentions", "quotes", "events", "claims", "stances"):
        assert isinstance(data[key], list)
    # every record with evidence points at real text
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for kind in ("quotes", "events", "claims", "stances"):
        for rec in data[kind]:
            ev = rec["evidence"]
            assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["text"], (kind, rec)


def test_pipeline_e2e_export_jsonl_and_csv(corpus_db, tmp_path):
    files = export(lagebild.open(corpus_db), "jsonl", tmp_path / "jl")
    docs = [json.loads(line) for line in (tmp_path / "jl" / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 5 and {f.name for f in files} >= {"quotes.jsonl", "events.jsonl", "claims.jsonl"}
    export(lagebild.open(corpus_db), "csv", tmp_path / "csv")
    import csv
    with (tmp_path / "csv" / "documents.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 5


def test_pipeline_e2e_report_escapes_article_text(tmp_path):
    art = tmp_path / "evil.txt"
    art.write_text("<script>alert('x')</script> Angriff auf Kiew\n\n"
                   "Der Präsident sagte am Montag in Berlin, die Lage sei <b>ernst</b> und \"<img src=x onerror=alert(1)>\". "
                   "Die Regierung in Kiew bestätigte den Angriff auf die Hauptstadt am Abend.\n", encoding="utf-8")
    db = tmp_path / "e.db"
    summary = lagebild.analyze([art], db, progress=False)
    assert len(summary.added) == 1, summary.failed
    html = render_report(lagebild.open(db))
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>ernst</b>" not in html
    assert "&lt;script&gt;" in html or "&lt;script&gt;alert" in html


def test_pipeline_e2e_bad_inputs_recorded_run_completes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = sorted(CORPUS_DIR.glob("*.txt"))
    for i, src in enumerate(good):
        shutil.copy(src, folder / f"good{i}.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "doc.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" * 20)
    (folder / "zz_dup.txt").write_bytes(good[0].read_bytes())
    db = tmp_path / "b.db"
    summary = lagebild.analyze([folder], db, progress=False)
    assert len(summary.added) == 5
    failures = {Path(f.source).name: f for f in lagebild.open(db).failures}
    assert failures["empty.txt"].code == "empty"
    assert failures["binary.bin"].code == "binary"
    assert failures["doc.pdf"].code == "pdf"
    assert failures["zz_dup.txt"].code == "duplicate"
    assert all(f.message for f in failures.values())


def test_pipeline_e2e_interrupted_run_resumes_without_duplicates(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in sorted(CORPUS_DIR.glob("*.txt"))]
    n = 40
    for i in range(n):
        # distinct documents: a numbered heading + two corpus texts
        (folder / f"a{i:03d}.txt").write_text(f"Meldung Nummer {i}\n\n{base[i % 5]}\n\n{base[(i + 2) % 5]}\nLaufende Nummer {i}.",
                                              encoding="utf-8")
    db = tmp_path / "r.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "lagebild.cli", "analyze", str(folder), "--db", str(db)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    import sqlite3
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                done = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.DatabaseError:
                continue
            if done >= 3:
                break
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = lagebild.open(db)
    assert len(partial.documents) < n or proc.returncode == 0
    summary = lagebild.analyze([folder], db, progress=False)
    final = lagebild.open(db)
    assert len(final.documents) == len({d.id for d in final.documents}) == n
    assert summary.unchanged + len(summary.added) + summary.near_duplicates * 0 == n
    # each stored document is complete: its text is the cleaned text of its source
    for doc in final.documents:
        assert doc.text and doc.source


def test_pipeline_e2e_cli_errors_are_one_line_with_exit_code(tmp_path, capsys):
    code = main(["report", "--db", str(tmp_path / "missing.db"), "-o", str(tmp_path / "r.html")])
    err = capsys.readouterr().err
    assert code == 3 and "no database" in err and "hint:" in err
    assert main(["analyze"]) == 2


def test_pipeline_e2e_cli_demo_writes_outputs(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "out" / "report.html").is_file() and (tmp_path / "out" / "picture.json").is_file()
    assert "report.html" in out and "picture.json" in out


def test_pipeline_e2e_near_duplicate_is_linked(tmp_path):
    text = (CORPUS_DIR / "004_de6ae82c5d939e50.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    edited = text.replace("Ein Krieg ohne Ende?", "Ein Krieg ohne absehbares Ende?").replace("Fazit", "Unser Fazit")
    (tmp_path / "b.txt").write_text(edited, encoding="utf-8")
    db = tmp_path / "n.db"
    summary = lagebild.analyze([tmp_path / "a.txt", tmp_path / "b.txt"], db, progress=False)
    assert summary.near_duplicates == 1
    docs = {Path(d.source).name: d for d in lagebild.open(db).documents}
    assert docs["b.txt"].duplicate_of == docs["a.txt"].id and docs["a.txt"].duplicate_of is None


def test_pipeline_e2e_stdin_article(tmp_path):
    import io
    raw = (CORPUS_DIR / "000_c1f6069cc646c095.txt").read_bytes()
    db = tmp_path / "s.db"
    summary = lagebild.analyze(["-"], db, stdin=io.BytesIO(raw), progress=False)
    assert len(summary.added) == 1
    (doc,) = lagebild.open(db).documents
    assert doc.source == "-" and doc.title.startswith("Trump will vor Treffen")


def test_pipeline_e2e_thousand_files_some_bad(tmp_path):
    from lagebild.config import Settings
    folder = tmp_path / "k"
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in sorted(CORPUS_DIR.glob("*.txt"))]
    bad = 0
    for i in range(1000):
        path = folder / f"{i:04d}.txt"
        if i % 97 == 0:
            path.write_bytes(b"")
            bad += 1
        elif i % 89 == 0:
            path.write_bytes(b"\x00\x01\x02binary\xff" * 50)
            bad += 1
        else:
            path.write_text(f"Meldung {i}\n\nNummer {i} im Archiv. {base[i % 5]}", encoding="cp1252" if i % 2 else "utf-8",
                            errors="replace")
    db = tmp_path / "k.db"
    settings = Settings(db=str(db), parse=False, progress=False)
    summary = lagebild.analyze([folder], db, settings=settings, progress=False)
    stored = len(summary.added)
    assert len(summary.failed) == bad
    assert stored + summary.duplicates == 1000 - bad
    picture = lagebild.open(db)
    assert len(picture.documents) == stored
    assert {f.code for f in picture.failures} == {"empty", "binary"}
    assert all("ä" in d.text or "ü" in d.text or "ö" in d.text for d in picture.documents)


def test_pipeline_e2e_user_kb_file_used_and_bad_one_refused(tmp_path, capsys):
    art = CORPUS_DIR / "003_bc10e690797693d1.txt"
    good = tmp_path / "my-actors.yaml"
    good.write_text("persons:\n  - id: person:andrij-sybiha\n    name: Andrij Sybiha\n    country: UKR\n"
                    "    sector: GOV\n    aliases: [Sybiha]\n    roles:\n"
                    "      - {title: foreign minister, of: \"state:UKR\", start: \"2024-09-05\"}\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    assert main(["analyze", str(art), "--db", str(db), "--kb", str(good)]) == 0
    actor = lagebild.open(db).actor("person:andrij-sybiha")
    assert actor is not None and actor.in_kb is True
    bad = tmp_path / "bad.yaml"
    bad.write_text("persons:\n  - id: person:jane-doe\n    name: Jane Doe\n    country: XX\n", encoding="utf-8")
    capsys.readouterr()
    code = main(["analyze", str(art), "--db", str(tmp_path / "kb2.db"), "--kb", str(bad)])
    err = capsys.readouterr().err
    assert code == 4 and "bad.yaml" in err and "country" in err and "hint:" in err
    assert not (tmp_path / "kb2.db").exists() or lagebild.open(tmp_path / "kb2.db").failures == []


class _Broken:
    name = "broken.test.v1"

    def __call__(self, parsed, ex, ctx):
        from lagebild.model import Claim
        ex.claims.append(Claim("c:half", parsed.doc.id, 1.0, "x", parsed.evidence(0, 1)))
        raise RuntimeError("boom")


def test_pipeline_e2e_failing_extractor_keeps_document_and_other_records(tmp_path, monkeypatch):
    from lagebild.config import Settings
    settings = Settings(db=str(tmp_path / "f.db"), progress=False,
                        extractors=["lagebild.extract.timex:TimexExtractor", "lagebild.extract.actors:ActorExtractor",
                                    "tests.test_pipeline_e2e:_Broken", "lagebild.extract.quotes:QuoteExtractor"])
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1]))
    summary = lagebild.analyze([CORPUS_DIR / "003_bc10e690797693d1.txt"], tmp_path / "f.db", settings=settings, progress=False)
    assert len(summary.added) == 1
    picture = lagebild.open(tmp_path / "f.db")
    assert picture.quotes and picture.mentions           # the layers around the broken one still ran
    assert picture.claims == []                          # the broken stage's half output was dropped
    (fail,) = picture.failures
    assert fail.stage == "broken.test.v1" and fail.code == "extractor" and "boom" in fail.message
