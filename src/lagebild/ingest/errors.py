"""The one error type of the ingest stage: a code a program can branch on, a message and a fix hint."""
from __future__ import annotations

# Known codes, each with the hint shown when the raiser gives none.  The CLI turns
# an IngestError into one line: "<source>: <message> [<code>] -- <hint>".
HINTS: dict[str, str] = {
    "empty": "check the export or download that produced it; there is no article to read",
    "binary": "lagebild reads text, HTML and JSON Lines; convert the file to text first",
    "pdf": "convert the PDF to text first (e.g. `pdftotext file.pdf file.txt`) and ingest the .txt",
    "too_large": "split the file, or raise the limit with max_bytes=... if it really is one article",
    "unknown_language": "lagebild has language data for the languages in lagebild/lang/; "
                        "add lang/<code>/ data or check that the file is an article",
    "decode": "save the file as UTF-8 and try again",
    "unreadable": "check that the path exists and that you may read it",
    "no_text": "the page has no article text (index page, paywall, script-only page?); "
               "save the article itself or paste its text into a .txt file",
    "bad_json": "each line of a .jsonl file must be one JSON object (news-please style: title, maintext, ...)",
    "fetch": "check the URL and your network connection; lagebild only goes online for URLs you give it",
    "unsupported": "give feed URLs to `fetch_urls` (or `lagebild ingest --url`), or save the article pages themselves",
    "http": "the server refused the request; check the URL in a browser",
}


class IngestError(Exception):
    """A source could not be turned into a Document.

    Raised by :func:`load_document`; yielded (not raised) by the iterators so that one
    bad file never stops a run of thousands.
    """

    def __init__(self, source: str, code: str, message: str, hint: str | None = None) -> None:
        self.source = source
        self.code = code
        self.message = message
        self.hint = hint if hint is not None else HINTS.get(code, "")
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.source}: {self.message} [{self.code}]"
        return f"{text} -- {self.hint}" if self.hint else text

    def __repr__(self) -> str:
        return f"IngestError(source={self.source!r}, code={self.code!r}, message={self.message!r})"

    def __reduce__(self):  # picklable for multiprocessing / Ray workers
        return (IngestError, (self.source, self.code, self.message, self.hint))
