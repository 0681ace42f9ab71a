"""Bytes -> str: refuse what is not text, then pick the encoding (UTF-8 first, German-aware fallback)."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from lagebild.ingest.errors import IngestError

# File signatures of things people drop into an article folder by mistake.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "pdf", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "binary", "a PNG image"),
    (b"\xff\xd8\xff", "binary", "a JPEG image"),
    (b"GIF87a", "binary", "a GIF image"),
    (b"GIF89a", "binary", "a GIF image"),
    (b"RIFF", "binary", "a RIFF file (WebP image, WAV or AVI)"),
    (b"PK\x03\x04", "binary", "a ZIP archive (or a .docx/.xlsx/.odt document)"),
    (b"\x1f\x8b", "binary", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "binary", "an old Microsoft Office document"),
    (b"{\\rtf", "binary", "an RTF document"),
    (b"\x7fELF", "binary", "an executable"),
    (b"SQLite format 3", "binary", "an SQLite database"),
    (b"WARC/", "binary", "a WARC archive (not supported yet)"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/CR/form feed: real text has almost none.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
# Characters a German or English article plausibly contains outside ASCII.  Used to choose
# between single-byte decodings, which all "succeed" on any input.
_PLAUSIBLE = set("äöüÄÖÜßéèêàâáçñóòôíìúùëïÉÈÀ„“”‚‘’–—…€«»›‹°§²³½×·•")
# UTF-8 read as cp1252: "Ã¤" for ä, "ÃŸ" for ß, "â€ž" for „ ...
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
                       "|â€[\u0080-\u00bf\u0153\u017e\u2018-\u201e\u2020-\u2122]|Â[\u00a0-\u00bf]")


def read_limited(path: Path, source: str, max_bytes: int) -> bytes:
    """Read a file, refusing from its size alone when it is bigger than ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(source, "too_large", f"file is {size:,} bytes, more than the limit of {max_bytes:,}")
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)   # a file may grow between stat and read
    except IngestError:
        raise
    except IsADirectoryError:
        raise IngestError(source, "unreadable", "is a folder, not a file") from None
    except OSError as err:
        raise IngestError(source, "unreadable", f"cannot read: {err.strerror or err}") from None
    if len(raw) > max_bytes:
        raise IngestError(source, "too_large", f"file is more than the limit of {max_bytes:,} bytes")
    return raw


def check_not_binary(raw: bytes, source: str) -> None:
    """Raise IngestError for PDFs, images, archives and other non-text bytes."""
    head = raw[:8192]
    stripped = head.lstrip()
    for magic, code, what in _MAGIC:
        if head.startswith(magic) or (code == "pdf" and stripped.startswith(magic)):
            raise IngestError(source, code, f"this is {what}, not text")
    if any(head.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig"):
        return  # UTF-16/32 text legitimately contains NUL bytes
    if b"\x00" in head and _sniff_utf16(head) is not None:
        return
    if b"\x00" in head:
        raise IngestError(source, "binary", "contains NUL bytes: this is a binary file, not text")
    if head:
        controls = sum(head.count(bytes([c])) for c in _CONTROL)
        if controls / len(head) > 0.05:
            raise IngestError(source, "binary",
                              f"{controls / len(head):.0%} of the first bytes are control characters: not text")


def decode(raw: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name).  Order: BOM, strict UTF-8, then the best single-byte guess."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(name), name
            except UnicodeDecodeError as err:
                raise IngestError(source, "decode", f"starts with a {name} byte-order mark but is not {name}: {err}")
    utf16 = _sniff_utf16(raw[:8192]) if b"\x00" in raw[:8192] else None
    if utf16 is not None:
        try:
            return raw.decode(utf16), utf16
        except UnicodeDecodeError as err:
            raise IngestError(source, "decode", f"looks like {utf16} without a byte-order mark but is not: {err}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_single_byte(raw, source)
    fixed = _fix_mojibake(text)
    if fixed is not None:
        return fixed, "utf-8+mojibake-fixed"
    return text, "utf-8"


def _sniff_utf16(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark: Latin text has a NUL in every other byte."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 8:
        return None
    if odd.count(0) / max(1, len(odd)) > 0.7 and even.count(0) / max(1, len(even)) < 0.1:
        return "utf-16-le"
    if even.count(0) / max(1, len(even)) > 0.7 and odd.count(0) / max(1, len(odd)) < 0.1:
        return "utf-16-be"
    return None


def _decode_single_byte(raw: bytes, source: str) -> tuple[str, str]:
    candidates: dict[str, str] = {}
    for name in ("cp1252", "latin-1"):
        try:
            candidates[name] = raw.decode(name)
        except UnicodeDecodeError:   # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined
            pass
    guess = _charset_normalizer_guess(raw)
    if guess is not None:
        name, text = guess
        if _mostly_non_latin(text):
            return text, name   # Cyrillic, Greek, ...: the statistical detector knows better
        candidates.setdefault(name, text)
    if not candidates:
        raise IngestError(source, "decode", "the bytes are neither UTF-8 nor a known single-byte encoding")
    # Highest plausibility wins; ties keep the order above (cp1252 first: it is what Windows
    # writes, and it equals latin-1 on every byte a latin-1 German text can contain).
    best = max(candidates, key=lambda n: _plausibility(candidates[n]))
    return candidates[best], best


def _charset_normalizer_guess(raw: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    match = from_bytes(raw[:200_000]).best()
    if match is None:
        return None
    name = codecs.lookup(match.encoding).name
    try:
        return name, raw.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _plausibility(text: str) -> int:
    score = 0
    for ch in text:
        if ord(ch) < 128:
            continue
        if ch in _PLAUSIBLE:
            score += 1
        elif "\x80" <= ch <= "\x9f":
            score -= 5   # C1 control characters: the bytes were meant as cp1252 punctuation
        else:
            score -= 1
    return score


def _mostly_non_latin(text: str) -> bool:
    letters = [ch for ch in text[:20_000] if ch.isalpha()]
    if not letters:
        return False
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    return non_latin / len(letters) > 0.3


def _fix_mojibake(text: str) -> str | None:
    """Repair UTF-8 that was decoded as cp1252 and saved again ("PrÃ¤sident" -> "Präsident")."""
    hits = len(_MOJIBAKE.findall(text))
    if hits < 3:
        return None
    for name in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(name).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(_MOJIBAKE.findall(fixed)) < hits:
            return fixed
    return None


def looks_like_html(text: str) -> bool:
    """Detect HTML by content: a document/markup start, or several common block tags."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and ("<html" in head or "<body" in head):
        return True
    if head.startswith("<") and re.search(r"<(?:html|head|body|article|div|p|meta|title)[\s>]", head):
        return True
    return len(re.findall(r"</?(?:p|div|span|article|section|h[1-6]|br|a|li)[\s>/]", head)) >= 5


def looks_like_feed(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2:].lstrip()
    return head.startswith(("<rss", "<feed", "<rdf:rdf"))
