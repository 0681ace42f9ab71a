"""Source -> Document: read, refuse non-text, decode, extract HTML, clean, add metadata.

Title policy: the cleaned text starts with the title line whenever the article has a title,
and ``Document.title`` holds the same string, so offsets into headlines work like offsets into
the body (quotes and events in headlines keep their evidence).

* plain text: the first line is the title when it reads like a headline (short, one phrase, no
  sentence-final period; see :func:`lagebild.ingest.meta.title_line`); it stays where it is;
* HTML / JSON: the metadata title.  When the body already has it among its first lines below
  short kicker labels, the kickers are removed (reason "kicker"); otherwise the title is put in
  front of the body as its own paragraph.

Publication date: page/JSON/feed metadata first, then a date-only header line or a byline date
("Von A. Muster | 17.10.2025"), then a dateline opening the first paragraph ("Berlin, 17.10.2025 –").
Never a date from the body's sentences; relative dates ("vor 5 Tagen") only go to ``hints``.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lagebild.ingest import meta as md
from lagebild.ingest.clean import STAGE as CLEAN_STAGE
from lagebild.ingest.clean import clean, is_body, normalize
from lagebild.ingest.dates import dateline_date, find_dates, parse_metadata_date
from lagebild.ingest.decode import check_not_binary, decode, looks_like_feed, looks_like_html, read_limited
from lagebild.ingest.errors import IngestError
from lagebild.ingest.html import extract_html
from lagebild.ingest.sources import Source
from lagebild.model import DateValue, Document, Removed, content_hash

STAGE = "ingest.v1"
DEFAULT_MAX_BYTES = 20_000_000


class Ingestor:
    """The ingest stage as a small object: settings once, then ``ingestor(src)`` or ``ingestor.pipe(items)``.

    ``pipe`` takes what :func:`iter_sources` / :func:`fetch_urls` yield and passes errors through,
    so a caller sees every input exactly once, as a Document or as an IngestError.
    """

    name = STAGE

    def __init__(self, *, max_bytes: int = DEFAULT_MAX_BYTES, languages: list[str] | None = None) -> None:
        self.max_bytes = max_bytes
        self.languages = languages

    def __call__(self, src: Source) -> Document:
        return load_document(src, max_bytes=self.max_bytes, languages=self.languages)

    def pipe(self, items: Iterable[Source | IngestError]) -> Iterator[Document | IngestError]:
        for item in items:
            if isinstance(item, IngestError):
                yield item
                continue
            try:
                yield self(item)
            except IngestError as err:
                yield err


def load_document(src: Source, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  languages: list[str] | None = None) -> Document:
    """Turn one Source into a cleaned Document, or raise IngestError with a code and a hint.

    ``languages`` limits the accepted languages (default: every language with data in
    ``lagebild/lang``).  Never touches the network.
    """
    raw = _raw_bytes(src, max_bytes)
    if src.kind == "json" and src.meta:
        fields = _json_fields(src)
        encoding = "utf-8"   # json.loads decoded the line (UTF-8, or UTF-16/32 by BOM)
    else:
        check_not_binary(raw, src.source)
        text, encoding = decode(raw, src.source)
        if not text.strip():
            raise IngestError(src.source, "empty", "the file is empty" if not raw else "the file holds only whitespace")
        if looks_like_feed(text):
            raise IngestError(src.source, "unsupported", "this is an RSS/Atom feed, not an article")
        is_html = looks_like_html(text) or (src.kind == "html" and "<" in text[:4096])
        fields = _page_fields(text, src) if is_html else _text_fields(text, src)
    doc = _build(src, fields, languages)
    doc.encoding = encoding
    doc.raw_sha256 = hashlib.sha256(raw).hexdigest()
    return doc


def _raw_bytes(src: Source, max_bytes: int) -> bytes:
    if src.raw is not None:
        if len(src.raw) > max_bytes:
            raise IngestError(src.source, "too_large", f"input is {len(src.raw):,} bytes, more than the limit of {max_bytes:,}")
        return src.raw
    if "://" in src.source:
        raise IngestError(src.source, "unreadable", "a URL source without content; fetch it with fetch_urls()")
    return read_limited(Path(src.source), src.source, max_bytes)


# --- per kind: the raw fields before cleaning ----------------------------------------------

def _text_fields(text: str, src: Source) -> dict[str, Any]:
    return {"text": text, "url": src.meta.get("url") or (src.source if "://" in src.source else None),
            "title_from_text": True, "kind": "text"}


def _page_fields(html: str, src: Source) -> dict[str, Any]:
    url = src.meta.get("url") or (src.source if "://" in src.source else None)
    page = extract_html(html, src.source, url=url)
    return {
        "text": page.text, "title": page.title or src.meta.get("title"), "author": page.author or src.meta.get("author"),
        "date": page.date, "date_basis": "html:meta",
        "feed_date": src.meta.get("published"), "outlet": page.sitename, "url": url or page.hostname,
        "description": page.description, "declared_language": page.language, "categories": page.categories + page.tags,
        "kind": "html",
    }


def _json_fields(src: Source) -> dict[str, Any]:
    """news-please style records: title, maintext (or text), date_publish, url, source_domain, authors, language."""
    obj = src.meta
    body = obj.get("maintext") or obj.get("text") or obj.get("content") or ""
    if not isinstance(body, str) or not body.strip():
        raise IngestError(src.source, "no_text", "the JSON record has no 'maintext' or 'text'",
                          "each record needs the article text in 'maintext' (news-please) or 'text'")
    fields: dict[str, Any] = {"kind": "json"}
    if looks_like_html(body):
        page = extract_html(body, src.source, url=obj.get("url"))
        body = page.text
    authors = obj.get("authors") or obj.get("author")
    if isinstance(authors, list):
        authors = "; ".join(str(a) for a in authors if str(a).strip()) or None
    title = obj.get("title")
    fields.update({
        "text": normalize(body), "title": title if isinstance(title, str) and title.strip() else None,
        "author": authors if isinstance(authors, str) else None,
        "date": obj.get("date_publish") or obj.get("published") or obj.get("date"), "date_basis": "json:date_publish",
        "outlet": obj.get("source_domain") or obj.get("outlet"), "url": obj.get("url"),
        "description": obj.get("description"), "declared_language": obj.get("language"),
        "categories": [c for c in obj.get("categories") or [] if isinstance(c, str)],
    })
    return fields


# --- common ---------------------------------------------------------------------------------

def _build(src: Source, fields: dict[str, Any], languages: list[str] | None) -> Document:
    supported = md.supported_languages(languages)
    guess = md.detect_language(fields["text"], src.source, supported=supported,
                               declared=fields.get("declared_language"))
    cleaned = clean(fields["text"], guess.code)
    body = cleaned.text
    if not body.strip():
        raise IngestError(src.source, "no_text", "nothing is left after removing boilerplate",
                          "the input holds only captions, bylines, promos or widgets")
    title = fields.get("title")
    if title:
        title = " ".join(title.split())
        body = _title_first(body, title, cleaned)
    elif fields.get("title_from_text"):
        title = md.title_line(body)
    hints: dict[str, Any] = dict(cleaned.hints)
    hints["stage"] = f"{STAGE}+{CLEAN_STAGE}"
    hints["source_kind"] = fields["kind"]
    hints["language_p"] = round(guess.p, 3)
    hints["language_basis"] = guess.basis
    if guess.basis != "detector":
        hints["language_confidence"] = "low"
    url = fields.get("url")
    if url:
        hints["url"] = url
    if fields.get("description"):
        hints["description"] = fields["description"]
    outlet = fields.get("outlet") or md.host_of(url) or (url if url and "://" not in url else None)
    genre, signals = md.classify_genre(
        body, guess.code, title=title, url=url, kicker=cleaned.hints.get("kicker"),
        categories=fields.get("categories"), removed_reasons=[r.reason for r in cleaned.removed])
    return Document(
        id=content_hash(body),
        source=src.source,
        text=body,
        language=guess.code,
        title=title,
        outlet=outlet,
        author=fields.get("author") or cleaned.author,
        published=_published(fields, body, title, guess.code, hints),
        genre=genre,  # type: ignore[arg-type]
        genre_signals=signals,
        removed=cleaned.removed,
        hints=hints,
    )


def _title_first(body: str, title: str, cleaned: Any) -> str:
    """Make the title the first line: move it up past short kicker lines above it, or put it in front."""
    lines = body.split("\n")
    for i, line in enumerate(lines[:8]):
        if " ".join(line.split()) != title:
            continue
        above = [x.strip() for x in lines[:i] if x.strip()]
        # Above the headline only a kicker/topic label may stand ("Krieg in der Ukraine").
        if all(len(x) <= 80 and not re.search(r"[.!?]\s|[.!?]$", x) for x in above):
            for x in above:
                cleaned.removed.append(Removed(x, "kicker"))
                cleaned.hints.setdefault("kicker", x)
            return "\n".join(lines[i:])
        break
    return f"{title}\n\n{body}"


def _published(fields: dict[str, Any], body: str, title: str | None, lang: str,
               hints: dict[str, Any]) -> DateValue | None:
    """Metadata first, then a dateline/byline date; never a date from the body's sentences."""
    for value, basis in ((fields.get("date"), fields.get("date_basis", "metadata")),
                         (fields.get("feed_date"), "feed")):
        found = parse_metadata_date(value, basis=basis)
        if found is not None:
            return found
    if hints.get("dateline"):
        dates = find_dates(hints["dateline"], lang, basis="dateline")
        if dates:
            return dates[0].value
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0].strip() == title:
        paragraphs = paragraphs[1:]
    first_para = next((p for p in paragraphs if is_body(p)), None)
    return dateline_date(first_para, lang) if first_para else None
