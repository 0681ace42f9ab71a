"""Role descriptions: "der russische Präsident", "Putins Sprecher", "US-Präsident", "Kremlchef".

A role phrase is parsed into (role titles, the actor the role belongs to, former?) and
resolved through the roles the knowledge base lists as held on the document's date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lagebild.kb.base import HOW_RANK, KnowledgeBase, RoleWord, role_active
from lagebild.kb.text import norm

__all__ = ["RolePhrase", "role_stem", "role_word", "parse_role", "role_holders", "resolve_role_phrase"]

_PROPER = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+$")
# endings of German common nouns (a capitalised word with one is no place name)
_NOUN_END = re.compile(r"(ung|heit|keit|schaft|tät|ion|ismus|ment|nis|tum|ik|enz|anz)$")
_ENDINGS = ("innen", "in", "en", "em", "er", "es", "e", "n", "s")


def role_stem(word: str) -> str:
    """Strip up to two inflection endings: Präsidentin/Präsidenten → präsident, Ministers → minist."""
    w = norm(word)
    for _ in range(2):
        for end in _ENDINGS:
            if w.endswith(end) and len(w) - len(end) >= 4:
                w = w[: -len(end)]
                break
        else:
            break
    return w


@functools.lru_cache(maxsize=8)
def _lexicon(kb_id: int, lang: str, kb: KnowledgeBase) -> tuple[dict[str, tuple[RoleWord, str]], tuple[str, ...], int]:
    data = kb.lang(lang)
    lex: dict[str, tuple[RoleWord, str]] = {}     # stem key → (role, the written last word)
    max_len = 1
    for word, spec in (data.get("roles") or {}).items():
        rw = RoleWord(tuple(spec.get("titles") or ()), spec.get("of"), spec.get("default_of"))
        parts = word.split()
        max_len = max(max_len, len(parts))
        key = " ".join([norm(p) for p in parts[:-1]] + [role_stem(parts[-1])])
        lex[key] = (rw, norm(parts[-1]))
    heads = tuple(norm(h) for h in data.get("role_heads") or ())
    return lex, heads, max_len


def role_word(kb: KnowledgeBase, words: Sequence[str], lang: str = "de") -> RoleWord | None:
    """The role a word (or short word sequence, English "Foreign Minister") names, if any.

    An unknown German compound whose head is a role noun ("Militärverwaltungschef") gives a
    :class:`RoleWord` without titles: a role the knowledge base cannot resolve but that can
    be learned for a named person.
    """
    lex, heads, _ = _lexicon(id(kb), lang, kb)
    if not words:
        return None
    key = " ".join([norm(p) for p in words[:-1]] + [role_stem(words[-1])])
    if key in lex:
        rw, base = lex[key]
        w = norm(words[-1])
        # an inflected form keeps the whole word ("Botschafter-in", "Präsident-en"); a shorter
        # word with the same stem is another noun ("Botschaft" is no Botschafter) — except the
        # adjectival nouns that drop their -r ("Gesandter" → "Gesandte", "Gesandten")
        if w.startswith(base) or base.endswith("er") and w.startswith(base[:-1]) and len(w) >= len(base) - 1 \
                and base[:-1].endswith(("t", "d", "e")):
            return rw
    if len(words) == 1:
        w = norm(words[0])
        if not words[0][:1].isupper():
            return None
        for head in heads:
            for form in (head, head + "s", head + "in", head + "en", head + "n"):
                if w.endswith(form) and (len(w) > len(form) + 2 or w == form):
                    return RoleWord(())
    return None


def role_lexicon_max_len(kb: KnowledgeBase, lang: str) -> int:
    return _lexicon(id(kb), lang, kb)[2]


@dataclass
class RolePhrase:
    """A parsed role description over token positions [start, end)."""

    start: int
    end: int
    word: RoleWord
    surface: str
    of: list[str] = field(default_factory=list)   # candidate actors the role belongs to
    former: bool = False
    then: bool = False
    no_holder: bool = False
    word_i: int = 0                               # index of the role word itself
    of_text: str | None = None                    # an owner the KB does not know ("von Sumy")


def _starts(word: str, stems: Sequence[str]) -> bool:
    w = norm(word)
    return any(w.startswith(norm(s)) for s in stems)


def parse_role(kb: KnowledgeBase, toks: Sequence[str], i: int, n: int, lang: str = "de",
               prefix_of: str | None = None, left: int | None = None) -> RolePhrase | None:
    """Parse the role phrase whose role word spans ``toks[i:i+n]``.

    Looks left for former-markers, nationality adjectives ("russische"), a genitive owner
    ("Putins", "Russlands") and right for an "of" phrase ("von Kiew", "der Ukraine").
    ``prefix_of`` is the owner given by a compound prefix ("US" in "US-Präsident"); ``left``
    is where to start looking left (before the prefix).
    """
    rw = role_word(kb, toks[i:i + n], lang)
    if rw is None:
        return None
    data = kb.lang(lang)
    former, then, dets, nohold = (data.get(k) or [] for k in ("former", "then", "determiners", "no_holder"))
    ph = RolePhrase(i, i + n, rw, " ".join(toks[i:i + n]), word_i=i)
    if rw.of:
        ph.of.append(rw.of)
    if prefix_of:
        ph.of.append(prefix_of)
    j = i - 1 if left is None else left
    if left is not None:
        ph.start = left + 1
    while j >= 0 and i - j <= 6:
        t = toks[j]
        tn = norm(t)
        if _starts(t, former):
            ph.former = True
        elif _starts(t, then):
            ph.then = True
        elif tn in {norm(x) for x in nohold}:
            ph.no_holder = True
        elif tn in {norm(x) for x in dets} or (t[:1].islower() and tn[-1:] in "enrsm" and t.isalpha()
                                                 and _adj_hit(kb, t) is None and lang == "de"):
            pass                                   # der, die, amtierende …
        else:
            hit = _adj_hit(kb, t) or _owner_hit(kb, t)
            if hit is None:
                break
            ph.of.append(hit)
        ph.start = j
        j -= 1
    # a lower-case word at the left edge that is no determiner, marker or nationality is
    # not part of the phrase ("kommentierte der Militärverwaltungschef": a verb)
    detset = {norm(x) for x in dets}
    while ph.start < i:
        t = toks[ph.start]
        if t[:1].islower() and norm(t) not in detset and not _starts(t, former) and not _starts(t, then) \
                and _adj_hit(kb, t) is None and norm(t) not in {norm(x) for x in nohold}:
            ph.start += 1
            continue
        break
    k = i + n
    of_words = {norm(x) for x in data.get("of_words") or ()}
    place_of = {norm(x) for x in data.get("place_of_words") or ()}
    if k + 1 < len(toks) and norm(toks[k]) in of_words:
        for span in (3, 2, 1):
            if k + 1 + span <= len(toks):
                hits = kb.lookup(toks[k + 1:k + 1 + span])
                hits = [h for h in hits if h.how in ("name", "alias", "capital", "prefix")]
                if hits:
                    ph.of.append(min(hits, key=lambda h: HOW_RANK.get(h.how, 9)).actor)
                    ph.end = k + 1 + span
                    break
        else:
            # an unknown proper name as owner: "der Gouverneur von Sumy"
            name = toks[k + 1]
            if _PROPER.match(name) and not _NOUN_END.search(norm(name)) and role_word(kb, [name], lang) is None:
                ph.end = k + 2
                # "von Sumy" names a place; a genitive owner ("des Welternährungsprogramms",
                # "der Deutschen Bank") is an organisation the KB lacks: consumed, not a place
                if norm(toks[k]) in place_of or not place_of:
                    ph.of_text = name
    return ph


def _adj_hit(kb: KnowledgeBase, tok: str) -> str | None:
    hits = [h for h in kb.lookup([tok], fuzzy=False) if h.how == "adjective"]
    return hits[0].actor if hits else None


def _owner_hit(kb: KnowledgeBase, tok: str) -> str | None:
    """A genitive owner: "Putins", "Russlands", "Kiews", "Putin's"."""
    if not tok[:1].isupper() or not (tok.endswith("s") or tok.endswith("'") or tok.endswith("’")):
        return None
    hits = [h for h in kb.lookup([tok]) if h.how in ("name", "alias", "capital")]
    if not hits:
        return None
    return min(hits, key=lambda h: HOW_RANK.get(h.how, 9)).actor


def _owners(kb: KnowledgeBase, of: Sequence[str]) -> list[str]:
    """Owner candidates, with a capital place also standing for its state."""
    out: list[str] = []
    for o in of:
        out.append(o)
        info = kb.info.get(o)
        if info and info.metonym_for:
            out.append(info.metonym_for)
    return out


def role_holders(kb: KnowledgeBase, ph: RolePhrase, day: dt.date | None) -> list[str]:
    """Persons the KB lists in this role on ``day`` (empty when unknown or ambiguous)."""
    if ph.no_holder or not ph.word.titles:
        return []
    owners = _owners(kb, ph.of or ([ph.word.default_of] if ph.word.default_of else []))
    found: list[str] = []
    # A role word that names the owner itself ("Kremlsprecher") via KB role labels.
    for pid, role in kb.role_label_hits(ph.surface):
        if day is None and role.end is None or day is not None and role_active(role, day):
            found.append(pid)
    if not found:
        for title in ph.word.titles:
            for owner in owners:
                pid = kb.holder(title, owner, day)
                if pid:
                    found.append(pid)
            if found:
                break
    return list(dict.fromkeys(found))


def resolve_role_phrase(kb: KnowledgeBase, toks: Sequence[str], day: dt.date | None, lang: str = "de") -> str | None:
    """Resolve a whole role description ("der russische Präsident", "US-Präsident")."""
    toks = list(toks)
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        prefix_of = None
        if "-" in t.strip("-"):
            pre, _, head = t.rpartition("-")
            hits = [h for h in kb.lookup([pre], fuzzy=False) if h.how in ("prefix", "name", "alias")]
            if hits and role_word(kb, [head], lang):
                prefix_of = hits[0].actor
                toks = toks[:i] + [head] + toks[i + 1:]
        ph = parse_role(kb, toks, i, 1, lang, prefix_of)
        if ph is not None:
            if ph.former:
                return None
            holders = role_holders(kb, ph, day)
            return holders[0] if len(holders) == 1 else None
    return None
