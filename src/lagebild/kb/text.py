"""Name normalisation for alias matching: case, diacritics, transliteration, inflection.

Two keys are used.  ``norm`` folds case and diacritics only ("Erdoğan" → "erdogan").
``skeleton`` additionally folds the usual German/English transliteration differences of
Cyrillic names (Selenskyj/Zelensky/Zelenskyy, Lawrow/Lavrov, Tkatschenko/Tkachenko), so
that a spelling the knowledge base does not list still finds its actor.  The skeleton is
only used for capitalised name tokens, never for common words.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["norm", "skeleton", "slug", "name_slug", "name_key", "alias_tokens", "inflected_variants",
           "strip_genitive"]

_APOS = str.maketrans({"’": "'", "`": "'", "´": "'", "ʼ": "'"})


@lru_cache(maxsize=200_000)  # called ~10^6 times per 60 articles on the same few thousand tokens
def norm(text: str) -> str:
    """Case- and diacritic-folded form: ``"Weißes Haus"`` → ``"weisses haus"``."""
    text = unicodedata.normalize("NFKD", text.translate(_APOS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


# Order matters: longer German clusters before their parts.
_SKELETON_RULES = (
    ("tsch", "ch"), ("sch", "sh"), ("zh", "sh"), ("kh", "ch"), ("ts", "z"),
    ("w", "v"), ("z", "s"), ("j", "i"), ("y", "i"), ("ck", "k"), ("ph", "f"),
)


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """Transliteration-insensitive key: Selenskyj, Zelensky, Zelenskyy → ``selenski``."""
    s = norm(text)
    for old, new in _SKELETON_RULES:
        s = s.replace(old, new)
    s = re.sub(r"(.)\1+", r"\1", s)          # Zelenskyy/Gerassimow: doubled letters
    return s


_NODECOMP = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})


def slug(text: str) -> str:
    """Id slug from a name: ``"Tymur Tkatschenko"`` → ``"tymur-tkatschenko"`` (diacritics dropped:
    ä → a; for person ids use :func:`name_slug`, which writes ä → ae)."""
    s = norm(text.translate(_NODECOMP)).replace("ß", "ss")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


# German transcription of umlauts, and letters that Unicode does not decompose (ł, ø, đ, ı).
_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
                        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i",
                        "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"})


def name_slug(name: str) -> str:
    """Readable id slug of a name *as written*: ``"Wolfgang Schäuble"`` → ``"wolfgang-schaeuble"``,
    ``"Vojislav Koštunica"`` → ``"vojislav-kostunica"``, ``"Radosław Sikorski"`` → ``"radoslaw-sikorski"``.

    Ids are shown to users, so they keep the spelling of the text (German umlauts as ae/oe/ue,
    other diacritics dropped); matching spellings of one person is :func:`name_key`'s job.
    """
    return slug(name.translate(_ASCII))


def name_key(name: str) -> str:
    """Matching key of a person's name: transliteration-folded (:func:`skeleton`) and with the
    German umlaut transcriptions folded too, so "Tkatschenko"/"Tkachenko", "Selenskyj"/"Zelensky"
    and "Schäuble"/"Schaeuble" share one key.  Never used as an id."""
    words = [skeleton(w.translate(_ASCII)) for w in re.split(r"[\s-]+", name.strip()) if w]
    return " ".join(w.replace("ae", "a").replace("oe", "o").replace("ue", "u") for w in words)


_TOKEN = re.compile(r"[^\s]+")


def alias_tokens(alias: str) -> tuple[str, ...]:
    """Normalised whitespace tokens of an alias (hyphenated words stay one token)."""
    return tuple(norm(t) for t in _TOKEN.findall(alias.strip(" .,;:")))


_ADJ_END = re.compile(r"^(.*[a-zäöüß])(e|er|es|en|em)$")


def inflected_variants(alias: str) -> set[str]:
    """German case forms of a multi-word name: "Weißes Haus" → "Weißen Haus", "Weißen Hauses" …

    Attributive adjectives (lower-case-able words ending in -e/-er/-es/-en/-em before the
    last word) get every strong/weak ending; the last word gets the genitive -s/-es.
    """
    words = alias.split()
    out = {alias}
    if len(words) < 2:
        return out
    head = words[-1]
    heads = {head, head + "s", head + "es"} if not head.endswith("s") else {head, head + "es"}
    if head.endswith("e"):
        heads.add(head + "n")             # "Vereinte Nationen" stays, "Union" fine
    forms: list[list[str]] = [[w] for w in words[:-1]]
    for i, w in enumerate(words[:-1]):
        m = _ADJ_END.match(w)
        if m and len(m.group(1)) > 3:
            forms[i] = [m.group(1) + end for end in ("e", "er", "es", "en", "em")]
    combos: list[list[str]] = [[]]
    for opts in forms:
        combos = [c + [o] for c in combos for o in opts]
        if len(combos) > 64:             # long names: keep the written form only
            return out | {" ".join(words[:-1] + [h]) for h in heads}
    for c in combos:
        for h in heads:
            out.add(" ".join(c + [h]))
    return out


def strip_genitive(token: str) -> str | None:
    """``"Selenskyjs"`` → ``"Selenskyj"``, ``"Putin's"`` → ``"Putin"``; None if no genitive ending."""
    t = token.translate(_APOS)
    if t.endswith("'s") and len(t) > 3:
        return t[:-2]
    if t.endswith("'") and len(t) > 3:
        return t[:-1]
    if t.endswith("s") and len(t) > 3 and t[-2] not in "sxz'":
        return t[:-1]
    return None
