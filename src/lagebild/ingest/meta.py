"""Document metadata from text and page data: language, title line, genre, outlet.

Language policy (``ingest.lang.v1``), with py3langid over all 97 of its languages:

1. the detector is confident (p >= 0.5) about a language lagebild has data for -> that language;
2. it is confident about another language, or about "zxx" (no language: gibberish, code, lists
   of numbers) -> IngestError("unknown_language") naming what was found;
3. it is confident about nothing (short or mixed text): a supported language declared by the
   page or JSON metadata is used; otherwise, for a short text, the best supported language is
   used when it wins a supported-only vote with p >= 0.9 (hints["language_confidence"] = "low");
   otherwise IngestError("unknown_language").

Full German and English articles always land in case 1.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lagebild import lang as langdata
from lagebild.ingest.errors import IngestError

CONFIDENT = 0.5
SHORT_TEXT = 400
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30


@dataclass
class LanguageGuess:
    code: str
    p: float
    basis: str            # "detector", "metadata", "detector-restricted"


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, source: str, *, supported: list[str], declared: str | None = None) -> LanguageGuess:
    sample = _sample(text)
    if not re.search(r"[^\W\d_]{2}", sample):
        raise IngestError(source, "unknown_language", "the text has no words to identify a language from",
                          f"lagebild has language data for {', '.join(supported)}; check that the file is an article")
    ident = _identifier()
    ranked = sorted(ident.rank(sample), key=lambda lp: -lp[1])
    top, p = ranked[0][0], float(ranked[0][1])
    if p >= CONFIDENT:
        if top in supported:
            return LanguageGuess(top, p, "detector")
        what = "no natural language (gibberish, code or numbers)" if top == "zxx" else f"language '{top}'"
        raise IngestError(source, "unknown_language",
                          f"the text looks like {what} (p={p:.2f}); lagebild has language data for {', '.join(supported)}",
                          f"check the file; to analyse '{top}' add src/lagebild/lang/{top}/ data" if top != "zxx"
                          else "check that the file is an article")
    declared_code = (declared or "").split("-")[0].split("_")[0].lower()
    if declared_code in supported:
        return LanguageGuess(declared_code, p, "metadata")
    if len(sample) < SHORT_TEXT:
        probs = dict(ranked)
        scores = {code: float(probs.get(code, 0.0)) for code in supported}
        total = sum(scores.values())
        best = max(scores, key=scores.get) if total > 0 else None
        if best is not None and scores[best] / total >= 0.9 and scores[best] >= 0.01:
            return LanguageGuess(best, scores[best], "detector-restricted")
    raise IngestError(source, "unknown_language",
                      f"no language could be identified with confidence (best guess '{top}', p={p:.2f})",
                      f"lagebild has language data for {', '.join(supported)}; check that the file is an article "
                      "in one of them (very short texts cannot be identified)")


def _sample(text: str) -> str:
    # URLs, hashtags and numbers say nothing about the language and mislead the detector.
    # 3,000 characters identify a language reliably; more only costs time (langid dominates ingest).
    sample = re.sub(r"https?://\S+|#\w+|\d+", " ", text[:3_000])
    return " ".join(sample.split())


def supported_languages(languages: list[str] | None) -> list[str]:
    return list(languages) if languages else langdata.available()


# --- title ---------------------------------------------------------------------------------

def title_line(text: str) -> str | None:
    """The first line of the text when it reads like a headline, else None.

    A headline is short, is not the only line, and is one phrase: no inner sentence break,
    no sentence-final period (a question or exclamation is fine: "Warum weigert sich Trump ...?").
    """
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    if not first or not any(line.strip() for line in lines[1:]):
        return None
    if len(first) > TITLE_MAX_CHARS or len(first.split()) > TITLE_MAX_WORDS:
        return None
    if first.endswith((",", ";")):
        return None
    # A final period ends a sentence unless it closes an abbreviation, ordinal or roman
    # numeral ("Papst Benedikt XVI.", "Weltcupsieg Nr. 20.").
    last = re.search(r"(\S+)\.$", first)
    if last and not first.endswith("...") and not re.fullmatch(r"[A-ZÄÖÜ]{1,5}|\d+|\w{1,3}", last.group(1)):
        return None
    # A sentence break inside: "...erzielt. Der..." (not "St. Moritz", "20. Weltcupsieg", "John F. Kennedy";
    # "?" inside is fine: "Wurde Arafat vergiftet? Justiz ermittelt").
    if re.search(r"[a-zäöüß]{3,}\.[\"“”»]?\s+[A-ZÄÖÜ]", first):
        return None
    return first


# --- outlet --------------------------------------------------------------------------------

def host_of(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = urlsplit(url).hostname or ""
    host = host.lower()
    return host[4:] if host.startswith("www.") else host or None


# --- genre ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _genre_data(lang: str) -> dict[str, Any]:
    codes = [lang] if lang in langdata.available() else langdata.available()
    markers: dict[str, list[str]] = {}
    url_markers: dict[str, list[str]] = {}
    first_person: set[str] = set()
    for code in codes:
        conf = langdata.load(code, "boilerplate") or {}
        for genre, words in (conf.get("genre_markers") or {}).items():
            markers.setdefault(genre, []).extend(words or [])
        for genre, words in (conf.get("url_genre_markers") or {}).items():
            url_markers.setdefault(genre, []).extend(words or [])
        first_person.update(str(w).lower() for w in conf.get("first_person") or [])
    return {"markers": markers, "url": url_markers, "first_person": first_person}


_QUOTED = re.compile(r"[„“\"»«][^„“”\"»«]{0,400}[“”\"«»]")


def classify_genre(text: str, lang: str, *, title: str | None = None, url: str | None = None,
                   kicker: str | None = None, categories: list[str] | None = None,
                   removed_reasons: list[str] | None = None) -> tuple[str, list[str]]:
    """(genre, signals).  Explicit markers (kicker, URL, categories, title prefix) decide first;
    then blog-platform traces (hashtag runs, pingbacks); then first-person and question rates."""
    data = _genre_data(lang)
    signals: list[str] = []
    votes: dict[str, int] = {}

    def vote(genre: str, signal: str, weight: int) -> None:
        votes[genre] = votes.get(genre, 0) + weight
        signals.append(signal)

    labelled = [("kicker", kicker)] + [("category", c) for c in categories or []]
    if title and ":" in title:
        labelled.append(("title", title.split(":", 1)[0]))
    for where, label in labelled:
        for genre, words in data["markers"].items():
            if label and any(re.fullmatch(rf"{re.escape(w)}\s*:?", label.strip(), re.IGNORECASE) for w in words):
                vote(genre, f"{where}:{label.strip()}", 3)
    if url:
        path_parts = [p for p in re.split(r"[/._-]+", urlsplit(url).path.lower()) if p]
        for genre, words in data["url"].items():
            hit = next((w for w in words if w.lower() in path_parts), None)
            if hit:
                vote(genre, f"url:{hit}", 3)
    reasons = removed_reasons or []
    if "hashtags" in reasons:
        vote("blog", "hashtags", 2)
    if "pingback" in reasons:
        vote("blog", "pingbacks", 2)
    unquoted = _QUOTED.sub(" ", text)
    words = re.findall(r"[^\W\d_]+", unquoted)
    if len(words) >= 50:
        fp = sum(1 for w in words if w.lower() in data["first_person"]) / len(words) * 1000
        questions = len(re.findall(r"\?(?:\s|$)", unquoted))
        sentences = max(1, len(re.findall(r"[.!?](?:\s|$)", unquoted)))
        if fp >= 8:
            vote("opinion", f"first_person_rate:{fp:.1f}/1000", 1)
        if questions / sentences >= 0.08 and questions >= 2:
            vote("opinion", f"rhetorical_questions:{questions}", 1)
    if not votes:
        if len(words) < 80:
            return "unknown", signals + ["too_short_to_tell"]
        return "news", signals + ["no_opinion_markers"]
    if votes.get("news", 0) >= max(votes.values()):
        return "news", signals
    best = max(votes, key=lambda g: (votes[g], g != "news"))
    if votes[best] < 2:
        return "news", signals + ["weak_opinion_signals"]
    return best, signals
