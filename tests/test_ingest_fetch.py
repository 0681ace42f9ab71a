"""fetch_urls with an injected httpx client (MockTransport): pages, RSS feeds, HTTP errors."""
from __future__ import annotations

from pathlib import Path

import httpx

from lagebild.ingest import IngestError, Source, fetch_urls, load_document

DATA = Path(__file__).parent / "data" / "ingest"
ARTICLE = (DATA / "article_de.html").read_bytes()
FEED = (DATA / "feed.xml").read_bytes()


def _client(calls: list[str]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        path = request.url.path
        if path == "/politik/telefonat-100.html":
            return httpx.Response(200, content=ARTICLE, headers={"content-type": "text/html; charset=utf-8"})
        if path == "/rss/politik.xml":
            return httpx.Response(200, content=FEED, headers={"content-type": "application/rss+xml"})
        if path == "/old":
            return httpx.Response(301, headers={"location": "https://www.beispiel-zeitung.de/politik/telefonat-100.html"})
        if path == "/down":
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(404, content=b"not found")

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_fetch_html_page_becomes_document() -> None:
    calls: list[str] = []
    url = "https://www.beispiel-zeitung.de/politik/telefonat-100.html"
    [src] = list(fetch_urls([url], _client(calls)))
    assert isinstance(src, Source) and src.kind == "html" and src.source == url and calls == [url]
    doc = load_document(src)
    assert doc.outlet == "Beispiel-Zeitung" and doc.hints["url"] == url
    assert doc.published.value == "2025-07-04"
    assert doc.text.startswith("Analyse: Was Trumps Telefonat mit Putin bedeutet\n")


def test_fetch_rss_feed_yields_entry_pages_and_errors() -> None:
    calls: list[str] = []
    items = list(fetch_urls(["https://www.beispiel-zeitung.de/rss/politik.xml"], _client(calls)))
    assert len(items) == 2
    page, missing = items
    assert isinstance(page, Source) and page.meta["feed"].endswith("/rss/politik.xml")
    assert page.meta["title"] == "Analyse: Was Trumps Telefonat mit Putin bedeutet"
    assert page.meta["published"] == "2025-07-04"
    assert isinstance(missing, IngestError) and missing.code == "http" and "404" in missing.message
    assert load_document(page).language == "de"


def test_fetch_redirect_network_error_and_blank_urls() -> None:
    calls: list[str] = []
    items = list(fetch_urls(["https://www.beispiel-zeitung.de/old", "  ", "https://www.beispiel-zeitung.de/down"],
                            _client(calls)))
    assert isinstance(items[0], Source) and items[0].meta["url"].endswith("/telefonat-100.html")
    assert isinstance(items[1], IngestError) and items[1].code == "fetch" and "ConnectError" in items[1].message
    assert len(items) == 2


def test_fetch_nothing_without_urls() -> None:
    calls: list[str] = []
    assert list(fetch_urls([], _client(calls))) == [] and calls == []
