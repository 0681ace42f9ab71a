"""Main text and metadata from an HTML page, with trafilatura (comments and navigation left out)."""
from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.ingest.errors import IngestError

MIN_WORDS = 10   # fewer words than this after extraction is a menu, a stub or an error page


@dataclass
class HtmlArticle:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    hostname: str | None = None
    description: str | None = None
    language: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def extract_html(html: str, source: str, url: str | None = None) -> HtmlArticle:
    """Raise IngestError("no_text") when the page holds no article text; never crash on broken markup."""
    import trafilatura   # imported here: ingest must stay cheap to import

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,   # tables are rarely prose; their cells would break sentences
            with_metadata=True,
            # Only dates stated in the page's markup: the body's event dates must not
            # become the publication date (another stage estimates that later).
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:   # trafilatura/lxml raise many types on hostile markup
        raise IngestError(source, "no_text", f"the HTML could not be parsed ({type(err).__name__}: {err})") from None
    if result is None:
        raise IngestError(source, "no_text", "the HTML page contains no article text")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise IngestError(source, "no_text", "the HTML page contains no article text")
    words = len(text.split())
    if words < MIN_WORDS:
        # trafilatura falls back to any text it finds ("Home", a menu entry): not an article.
        raise IngestError(source, "no_text", f"the HTML page holds only {words} words of text, not an article")
    return HtmlArticle(
        text=text,
        title=_clean(data.get("title")),
        author=_clean(data.get("author")),
        date=_clean(data.get("date")),
        sitename=_clean(data.get("sitename")),
        hostname=_clean(data.get("hostname")),
        description=_clean(data.get("description")),
        language=_clean(data.get("language")),
        categories=_as_list(data.get("categories")),
        tags=_as_list(data.get("tags")),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return []
