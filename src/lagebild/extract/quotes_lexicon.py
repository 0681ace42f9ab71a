"""Speech-reporting lexicon for the quote extractor, read from ``lang/<lang>/speech.yaml``.

The YAML lists infinitives; German weak verbs get their finite forms derived here
(``sagen`` -> sagt, sagte, sagten, gesagt ...), so the data file stays short and a new
language only needs data.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lagebild import lang as langdata

_INSEPARABLE = ("be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "über", "unter", "hinter")


@dataclass(frozen=True)
class VerbForm:
    lemma: str
    particles: tuple[str, ...] = ()     # words that must follow in the clause ("teilte ... mit")


@dataclass(frozen=True)
class Lexicon:
    lang: str
    verbs: dict[str, tuple[VerbForm, ...]] = field(default_factory=dict)  # lower-case form -> verbs it may be
    thoughts: dict[str, tuple[VerbForm, ...]] = field(default_factory=dict)  # believe/hope/fear verbs
    infinitive_verbs: frozenset[str] = frozenset()
    clause_only_verbs: frozenset[str] = frozenset()     # no bare speech act ("äußerte sich")
    source_nouns: tuple[str, ...] = ()
    source_nouns_prep: frozenset[str] = frozenset()
    speech_nouns: tuple[str, ...] = ()      # nouns naming a statement ("Forderung", "Vorwurf")
    source_prefixes: tuple[tuple[str, ...], ...] = ()
    source_postfixes: frozenset[str] = frozenset()
    trailer_words: frozenset[str] = frozenset()
    as_words: frozenset[str] = frozenset()
    anaphoric_sources: frozenset[str] = frozenset()
    hedges: tuple[tuple[str, ...], ...] = ()
    anonymous_nouns: frozenset[str] = frozenset()
    spokesperson_nouns: tuple[str, ...] = ()    # an unnamed one speaks for the organisation named with it
    channels: tuple[tuple[re.Pattern[str], str], ...] = ()
    term_introducers: frozenset[str] = frozenset()
    pronouns: dict[str, str] = field(default_factory=dict)
    determiners: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    subjunctive: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()     # "vom Dienstag" is a date, not part of the speaker


def _weak_forms(verb: str) -> dict[str, VerbForm]:
    """Finite forms and participle of a German weak verb; ``mit|teilen`` is separable."""
    particle, _, base = verb.rpartition("|")
    lemma = particle + base
    stem = base[:-1] if base.endswith(("ern", "eln")) else base[:-2]
    # "antworten" -> antwortet; "bezeichnen" -> bezeichnet (epenthetic e)
    e = "e" if re.search(r"(?:[td]|ch[mn]|[^aeiouäöülrh][mn])$", stem) else ""
    # (no 1st-person "sage": rare in reports and it collides with determiners like "meine")
    # (present plural: "sagen", and for -ern/-eln verbs the infinitive itself: "bemängeln", "äußern")
    finite = [stem + e + "t", stem + e + "te", stem + e + "ten", base if base.endswith(("ern", "eln")) else stem + "en"]
    no_ge = base.startswith(_INSEPARABLE) or stem.endswith("ier")
    participle = stem + e + "t" if no_ge else "ge" + stem + e + "t"
    forms: dict[str, VerbForm] = {}
    if particle:
        for f in finite:
            forms[f] = VerbForm(lemma, (particle,))
            forms[particle + f] = VerbForm(lemma)       # verb-final: "wie X mitteilte"
        forms[particle + participle] = VerbForm(lemma)
        forms[particle + "zu" + base] = VerbForm(lemma)
    else:
        for f in finite:
            forms[f] = VerbForm(lemma)
        forms[participle] = VerbForm(lemma)
    return forms


def _strong_forms(lemma: str, listed: list[str]) -> dict[str, VerbForm]:
    forms: dict[str, VerbForm] = {}
    for item in listed:
        parts = [p for p in re.split(r"[|\s]+", item.lower()) if p]
        forms.setdefault(parts[0], VerbForm(lemma, tuple(parts[1:])))
    return forms


def _words(data: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or [])


def _phrases(data: dict, key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(p).lower().split()) for p in data.get(key) or [])


@functools.lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """The speech lexicon for ``lang``; an unknown language gets the German one (corpus default)."""
    data = langdata.load(lang, "speech") or langdata.load("de", "speech")
    if not isinstance(data, dict):
        raise ValueError(f"lang/{lang}/speech.yaml must be a mapping, got {type(data).__name__}")
    verbs: dict[str, tuple[VerbForm, ...]] = {}

    def add(form: str, vf: VerbForm) -> None:
        # "machte" is "machte ... klar" and "machte ... deutlich": keep every reading
        if vf not in verbs.get(form, ()):
            verbs[form] = (*verbs.get(form, ()), vf)

    for verb in data.get("weak_verbs") or []:
        for form, vf in _weak_forms(str(verb).lower()).items():
            add(form, vf)
    for lemma, listed in (data.get("strong_verbs") or {}).items():
        for item in listed:
            for form, vf in _strong_forms(str(lemma).lower(), [item]).items():
                add(form, vf)
    thoughts: dict[str, tuple[VerbForm, ...]] = {}
    for lemma, listed in (data.get("thought_verbs") or {}).items():
        for item in listed:
            for form, vf in _strong_forms(str(lemma).lower(), [item]).items():
                thoughts[form] = (*thoughts.get(form, ()), vf)
    channels = tuple((re.compile(c["pattern"], re.I), str(c["name"])) for c in data.get("channels") or [])
    return Lexicon(
        lang=lang,
        verbs=verbs,
        thoughts=thoughts,
        infinitive_verbs=_words(data, "infinitive_verbs"),
        clause_only_verbs=_words(data, "clause_only_verbs"),
        source_nouns=tuple(str(w).lower() for w in data.get("source_nouns") or []),
        source_nouns_prep=_words(data, "source_nouns_prep"),
        speech_nouns=tuple(str(w).lower() for w in data.get("speech_nouns") or []),
        source_prefixes=_phrases(data, "source_prefixes"),
        source_postfixes=_words(data, "source_postfixes"),
        trailer_words=_words(data, "trailer_words"),
        as_words=_words(data, "as_words"),
        anaphoric_sources=_words(data, "anaphoric_sources"),
        hedges=_phrases(data, "hedges"),
        anonymous_nouns=_words(data, "anonymous_nouns"),
        spokesperson_nouns=tuple(str(w).lower() for w in data.get("spokesperson_nouns") or []),
        channels=channels,
        term_introducers=_words(data, "term_introducers"),
        pronouns={str(k).lower(): str(v or "") for k, v in (data.get("pronouns") or {}).items()},
        determiners=_words(data, "determiners"),
        prepositions=_words(data, "prepositions"),
        adverbs=_words(data, "adverbs"),
        subjunctive=_words(data, "subjunctive"),
        complementizers=_words(data, "complementizers"),
        auxiliaries=_words(data, "auxiliaries"),
        stop_words=_words(data, "stop_words"),
        media_nouns=_words(data, "media_nouns"),
        time_words=_words(data, "time_words"),
    )
