"""Find spans in quotation marks, in every German and English style.

Styles: „…“ „…” „…" (a German opener closed by a plain ``"``), »…«, «…», “…”, "…",
‚…‘ and English ‘…’.  A quote may run over several sentences but not over a
paragraph break: an opener with no closer before the next line break is ignored.
"""
from __future__ import annotations

from dataclasses import dataclass

# opener -> the marks that may close it
_PAIRS: dict[str, str] = {
    "„": "“”\"",
    "»": "«",
    "«": "»",
    "“": "”\"",
    '"': '"',
    "‚": "‘’",
    "‘": "’",
}
_MAX_LEN = 2000     # longer "quotes" are unbalanced marks, not speech


@dataclass(frozen=True)
class Marked:
    """A span in quotation marks: ``open``/``close`` are the offsets of the two marks."""

    open: int
    close: int

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in "\"‘" and nxt.isspace():
        return False       # a typographic opener may be followed by a space (pre-tokenised text)
    if ch in "\"‘":
        # a straight or English single quote opens only at a word start ("don’t" is no quote)
        return prev.isspace() or prev in "([{-–—/:"
    return True


def _can_close(text: str, j: int, closer: str) -> bool:
    nxt = text[j + 1] if j + 1 < len(text) else " "
    if closer in "\"’":
        # "Putin’s" or "5"" are no closers: a closing mark is not followed by a letter or digit
        return not nxt.isalnum()
    return True


def find_marked(text: str) -> list[Marked]:
    """All quoted spans in ``text`` (outermost only), in order."""
    out: list[Marked] = []
    i, n = 0, len(text)
    # closers -> (opener, stop, stopped at a line break) of the last failed search: (opener+1, stop)
    # holds no valid closer, so a later opener inside it need not scan that stretch again
    # (thousands of unclosed marks in one paragraph cost n * _MAX_LEN steps before)
    clear: dict[str, tuple[int, int, bool]] = {}
    while i < n:
        ch = text[i]
        closers = _PAIRS.get(ch)
        if closers is None or not _can_open(text, i):
            i += 1
            continue
        j = i + 1
        limit = min(n, i + _MAX_LEN)
        found = -1
        seen_from, seen_to, at_break = clear.get(closers, (n, -1, False))
        if seen_from < i < seen_to:
            if at_break:
                i += 1
                continue
            j = max(j, seen_to)
        while j < limit:
            c = text[j]
            if c == "\n":
                break
            if c in closers and j > i + 1 and _can_close(text, j, c):
                found = j
                break
            j += 1
        if found < 0:
            clear[closers] = (i, j, j < limit)
            i += 1
            continue
        out.append(Marked(i, found))
        i = found + 1
    return out
