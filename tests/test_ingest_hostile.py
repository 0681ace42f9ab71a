"""Encodings and hostile input: every bad source becomes an IngestError with the right code."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from lagebild.ingest import IngestError, Source, iter_sources, load_document
from lagebild.ingest.decode import decode

GERMAN = ("Präsident Selenskyj äußerte sich am Montag in Kiew über die Größe der Aufgabe. "
          "Die Bürger müssen ihre Häuser schützen, während Übergriffe der russischen Armee weitergehen. "
          "Öffentliche Gebäude wurden beschädigt, sagte der Bürgermeister.\n")
GERMAN_CP1252 = GERMAN + "Er sprach von einem „Wendepunkt“ – und von 1,3 Millionen € Schaden…\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Source:
    path = tmp_path / name
    path.write_bytes(data)
    return Source(str(path))


def _load_error(src: Source, **kwargs) -> IngestError:
    with pytest.raises(IngestError) as info:
        load_document(src, **kwargs)
    err = info.value
    assert err.message and err.hint and err.source == src.source
    assert err.code in str(err)
    return err


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_hostile_encodings_decode_latin1_text_identically(tmp_path: Path, encoding: str) -> None:
    doc = load_document(_write(tmp_path, f"a-{encoding}.txt", GERMAN.encode(encoding)))
    assert doc.text == GERMAN.strip()
    assert doc.encoding in ({"latin-1": "cp1252"}.get(encoding, encoding), encoding)
    assert doc.language == "de"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_hostile_encodings_keep_cp1252_quotes_and_euro(tmp_path: Path, encoding: str) -> None:
    doc = load_document(_write(tmp_path, f"q-{encoding}.txt", GERMAN_CP1252.encode(encoding)))
    assert "„Wendepunkt“ – und von 1,3 Millionen € Schaden…" in doc.text
    assert doc.encoding == encoding


def test_hostile_encodings_utf16_and_mojibake() -> None:
    text, enc = decode(GERMAN.encode("utf-16"), "x")
    assert (text, enc) == (GERMAN, "utf-16")
    for name in ("utf-16-le", "utf-16-be"):          # no byte-order mark
        assert decode(GERMAN.encode(name), "x") == (GERMAN, name)
        assert load_document(Source("mem", GERMAN.encode(name), {})).encoding == name
    broken = GERMAN_CP1252.encode("utf-8").decode("cp1252").encode("utf-8")   # "PrÃ¤sident"
    text, enc = decode(broken, "x")
    assert text == GERMAN_CP1252 and enc == "utf-8+mojibake-fixed"


def test_hostile_empty_and_whitespace_files(tmp_path: Path) -> None:
    assert _load_error(_write(tmp_path, "empty.txt", b"")).code == "empty"
    assert _load_error(_write(tmp_path, "blank.txt", b" \n\t\r\n  \n")).code == "empty"


def test_hostile_binary_pdf_and_image(tmp_path: Path) -> None:
    assert _load_error(_write(tmp_path, "x.bin", bytes(range(256)) * 40)).code == "binary"
    assert _load_error(_write(tmp_path, "ctl.txt", b"\x01\x02\x03\x04abc" * 100)).code == "binary"
    pdf = _load_error(_write(tmp_path, "paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"))
    assert pdf.code == "pdf" and "pdftotext" in pdf.hint
    png = _load_error(_write(tmp_path, "photo.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64))
    assert png.code == "binary" and "PNG" in png.message


def test_hostile_broken_html(tmp_path: Path) -> None:
    # Unclosed tags around a real article: the text is still found.
    paragraph = "<p>" + GERMAN.strip() + " " + GERMAN.strip()
    page = ("<html><head><title>Selenskyj in Kiew</title><body><div><p>Menü<div>" + paragraph * 2
            + "<p><b>kaputt <i>geschachtelt</b></i><div class='x' <span>").encode("utf-8")
    doc = load_document(_write(tmp_path, "broken.html", page))
    assert "Präsident Selenskyj äußerte sich am Montag in Kiew" in doc.text
    assert doc.hints["source_kind"] == "html"
    # Markup without any article text.
    for junk in (b"<html><head><script>var a = 1;</script></head><body><div></div></body></html>",
                 b"<html><body><p>Unclosed <div><b", b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav>"):
        assert _load_error(_write(tmp_path, "junk.html", junk)).code == "no_text"


def test_hostile_html_detected_by_content_not_extension(tmp_path: Path) -> None:
    page = f"<!DOCTYPE html><html><body><article><p>{GERMAN.strip()}</p><p>{GERMAN.strip()}</p></article></body></html>"
    doc = load_document(_write(tmp_path, "saved-page.txt", page.encode("utf-8")))
    assert "<p>" not in doc.text and doc.hints["source_kind"] == "html"


def test_hostile_large_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:       # a sparse-ish 50 MB file, written quickly
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"a")
    start = time.perf_counter()
    [src] = list(iter_sources([path]))          # too big to read ahead: raw stays None
    assert src.raw is None
    err = _load_error(src)
    assert err.code == "too_large" and "52,428,800" in err.message
    assert time.perf_counter() - start < 1.0
    # The limit is a parameter; in-memory sources obey it too.
    assert _load_error(Source("mem", GERMAN.encode() * 10, {}), max_bytes=100).code == "too_large"


@pytest.mark.parametrize("text", [
    "asdkj qwpoe zxmnc vbqw ertyu plokij hnbgt zuiop lkjhg mnbvc " * 5,
    "Ceci est un article en français sur la guerre en Ukraine. Le président a parlé lundi à Kiev. " * 3,
    "Это статья на русском языке о войне на Украине. Президент выступил в понедельник. " * 3,
    "1234 5678 !!! ??? 42 --- 7 *** 99",
])
def test_hostile_unknown_language(tmp_path: Path, text: str) -> None:
    err = _load_error(_write(tmp_path, "foreign.txt", text.encode("utf-8")))
    assert err.code == "unknown_language"
    assert "de, en" in err.message + err.hint


def test_hostile_other_language_allowed_when_asked(tmp_path: Path) -> None:
    text = "Ceci est un article en français sur la guerre en Ukraine. Le président a parlé lundi à Kiev. " * 3
    doc = load_document(_write(tmp_path, "fr.txt", text.encode("utf-8")), languages=["de", "en", "fr"])
    assert doc.language == "fr"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_hostile_unreadable_file(tmp_path: Path) -> None:
    src = _write(tmp_path, "secret.txt", GERMAN.encode())
    os.chmod(src.source, 0)
    try:
        assert _load_error(src).code == "unreadable"
    finally:
        os.chmod(src.source, 0o644)


def test_hostile_missing_path_and_folder_as_file(tmp_path: Path) -> None:
    assert _load_error(Source(str(tmp_path / "gone.txt"))).code == "unreadable"
    assert _load_error(Source(str(tmp_path))).code == "unreadable"
    items = list(iter_sources([tmp_path / "nope.txt", tmp_path / "nope-dir" / "x.html"]))
    assert [i.code for i in items] == ["unreadable", "unreadable"]
    assert all(isinstance(i, IngestError) for i in items)


def test_hostile_permission_error_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root, so simulate the PermissionError the OS would raise."""
    src = _write(tmp_path, "locked.txt", GERMAN.encode())
    (tmp_path / "locked.jsonl").write_text('{"title": "x"}\n', encoding="utf-8")
    real_open = Path.open

    def locked_open(self: Path, *args, **kwargs):
        if self.name in ("locked.txt", "locked.jsonl"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked_open)
    err = _load_error(src)
    assert err.code == "unreadable" and "Permission denied" in err.message
    items = list(iter_sources([tmp_path / "locked.jsonl", tmp_path / "locked.txt"]))
    assert [(type(i).__name__, i.code) for i in items] == [("IngestError", "unreadable")] * 2


def test_hostile_feed_file_and_html_named_file_with_plain_text(tmp_path: Path) -> None:
    feed = (Path(__file__).parent / "data" / "ingest" / "feed.xml").read_bytes()
    assert _load_error(_write(tmp_path, "feed.xml", feed)).code == "unsupported"
    doc = load_document(Source(_write(tmp_path, "plain.html", GERMAN.encode()).source, kind="html"))
    assert doc.text == GERMAN.strip() and doc.hints["source_kind"] == "text"


def test_hostile_mutated_inputs_never_crash(corpus_files: list[Path]) -> None:
    """Seeded mutations (truncation, byte noise, random bytes, stray markup): a Document or an IngestError."""
    import random

    rng = random.Random(7)
    bases = [p.read_bytes() for p in corpus_files] + [(Path(__file__).parent / "data" / "ingest" / "article_de.html").read_bytes()]
    outcomes = {"doc": 0, "error": 0}
    for i in range(120):
        base = rng.choice(bases)
        op = i % 4
        if op == 0:
            data = base[: rng.randrange(len(base))]
        elif op == 1:
            noisy = bytearray(base)
            for _ in range(rng.randrange(1, 40)):
                noisy[rng.randrange(len(noisy))] = rng.randrange(256)
            data = bytes(noisy)
        elif op == 2:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))
        else:
            data = b"<" + base[rng.randrange(len(base)):]
        try:
            doc = load_document(Source(f"mut{i}", data, {}, rng.choice(["text", "html"])))
        except IngestError as err:
            assert err.code in {"binary", "no_text", "unknown_language", "empty", "pdf", "decode"}
            outcomes["error"] += 1
        else:
            assert doc.text.strip() and doc.text == doc.text.strip()
            outcomes["doc"] += 1
    assert outcomes["doc"] > 30 and outcomes["error"] > 30


def test_hostile_errors_pickle_and_carry_hints() -> None:
    import pickle

    from lagebild.ingest.errors import HINTS

    for code in HINTS:
        err = IngestError("a.txt", code, "message")
        assert err.hint == HINTS[code]
        back = pickle.loads(pickle.dumps(err))         # workers send errors to the main process
        assert (back.source, back.code, back.message, back.hint) == ("a.txt", code, "message", HINTS[code])
        assert str(back) == f"a.txt: message [{code}] -- {HINTS[code]}"
