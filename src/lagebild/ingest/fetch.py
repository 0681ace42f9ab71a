"""Fetch pages and RSS/Atom feeds the user named.  The HTTP client is injected (tests pass
``httpx.Client(transport=httpx.MockTransport(...))``); nothing here runs unless called."""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from lagebild.ingest.errors import IngestError
from lagebild.ingest.sources import Source

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
MAX_FETCH_BYTES = 20_000_000


def fetch_urls(urls: Iterable[str], client: Any, *, max_entries: int = 200) -> Iterator[Source | IngestError]:
    """Yield one Source per page; a feed URL yields one Source per entry (the entry's page).

    Errors (network, HTTP status, broken feed) are yielded as IngestError, never raised.
    """
    for url in urls:
        url = url.strip()
        if not url:
            continue
        got = _get(client, url)
        if isinstance(got, IngestError):
            yield got
            continue
        body, content_type, final_url = got
        if _is_feed(body, content_type):
            yield from _feed_entries(client, url, body, max_entries)
        else:
            yield Source(url, body, {"url": final_url, "content_type": content_type}, "html")


def _get(client: Any, url: str) -> tuple[bytes, str, str] | IngestError:
    import httpx

    try:
        resp = client.get(url, follow_redirects=True)
    except httpx.HTTPError as err:
        return IngestError(url, "fetch", f"could not fetch: {type(err).__name__}: {err}")
    if resp.status_code >= 400:
        return IngestError(url, "http", f"the server answered HTTP {resp.status_code}")
    body = resp.content
    if len(body) > MAX_FETCH_BYTES:
        return IngestError(url, "too_large", f"the page is {len(body):,} bytes")
    return body, resp.headers.get("content-type", "").split(";")[0].strip().lower(), str(resp.url)


def _is_feed(body: bytes, content_type: str) -> bool:
    if content_type in FEED_TYPES:
        return True
    head = body[:1024].lstrip().lower()
    if content_type in ("text/xml", "application/xml") or head.startswith(b"<?xml"):
        return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head or b"<rss" in body[:4096].lower()
    return head.startswith((b"<rss", b"<feed"))


def _feed_entries(client: Any, feed_url: str, body: bytes, max_entries: int) -> Iterator[Source | IngestError]:
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        yield IngestError(feed_url, "fetch", f"the feed could not be parsed: {parsed.get('bozo_exception')}",
                          "check that the URL is an RSS or Atom feed")
        return
    feed_title = parsed.feed.get("title")
    for entry in parsed.entries[:max_entries]:
        link = entry.get("link")
        if not link:
            yield IngestError(feed_url, "fetch", f"feed entry {entry.get('title')!r} has no link")
            continue
        meta: dict[str, Any] = {"url": link, "feed": feed_url, "feed_title": feed_title}
        if entry.get("title"):
            meta["title"] = entry["title"]
        if entry.get("author"):
            meta["author"] = entry["author"]
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            meta["published"] = time.strftime("%Y-%m-%d", stamp)
        got = _get(client, link)
        if isinstance(got, IngestError):
            yield got
            continue
        page, content_type, final_url = got
        meta["url"] = final_url
        meta["content_type"] = content_type
        yield Source(link, page, meta, "html")
