"""Speaker noun phrases for the quote extractor: chunking, the subject of a cue verb,
and resolution to an actor (through the actor layer when it is there).

Works on a flat token view of the document (:class:`Tok`) so that quotes running over
sentence boundaries need no special case.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

from lagebild.extract.quotes_lexicon import Lexicon
from lagebild.model import Extraction, Mention, ParsedDoc, Speaker

_INDEFINITE = frozenset({"ein", "eine", "einer", "eines", "einem", "einen", "a", "an"})
_QUOTE_CHARS = set("„“”\"»«‚‘’")


@dataclass
class Tok:
    i: int          # index in the flat token list
    start: int
    end: int
    text: str
    lower: str
    sent: int       # index of the sentence
    first: bool     # first token of its sentence
    pos: str = ""   # universal POS from the language pipeline, when it ran

    @property
    def is_word(self) -> bool:
        return any(ch.isalnum() for ch in self.text)

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_quote(self) -> bool:
        return self.text in _QUOTE_CHARS


@dataclass
class Span:
    """A speaker phrase: tokens [i, j) of the flat list."""

    i: int
    j: int


def flat_tokens(parsed: ParsedDoc) -> list[Tok]:
    toks: list[Tok] = []
    for s_i, sent in enumerate(parsed.sents):
        for k, t in enumerate(sent.tokens):
            toks.append(Tok(len(toks), t.start, t.end, t.text, t.text.lower(), s_i, k == 0, t.pos))
    return toks


def _adjective(tok: Tok, lex: Lexicon) -> bool:
    if lex.lang == "en":
        return False
    return (re.fullmatch(r"[^\W\d_][\w-]*|\d+-[^\W\d_][\w-]*", tok.text) is not None and not tok.cap
            and tok.lower not in lex.stop_words and tok.lower not in lex.determiners
            and tok.lower not in lex.prepositions and tok.lower not in lex.adverbs
            and tok.lower.endswith(("e", "en", "er", "es", "em")) and tok.lower not in lex.verbs
            and tok.lower not in lex.auxiliaries and tok.lower not in lex.subjunctive)


def _name_like(tok: Tok, lex: Lexicon) -> bool:
    if not tok.is_word or not tok.cap:
        return False
    if tok.lower in lex.determiners or tok.lower in lex.prepositions or tok.lower in lex.pronouns \
            or tok.lower in lex.stop_words:
        return False
    if tok.first and tok.lower.endswith(("lich", "weise", "ig")) and lex.lang == "de":
        return False            # "Unmissverständlich", "Möglicherweise" opening a sentence
    if tok.first and (tok.lower in lex.adverbs or tok.lower in lex.verbs or tok.lower in lex.complementizers
                      or tok.lower in lex.as_words):
        return False
    return True


def chunk_np(toks: list[Tok], i: int, lex: Lexicon, limit: int | None = None) -> Span | None:
    """The speaker noun phrase starting at token ``i`` ("der Militärverwaltungschef von Kiew,
    Tymur Tkatschenko", "Putins Sprecher Dmitri Peskow", "ein deutscher Diplomat", "er")."""
    n = min(len(toks), limit if limit is not None else len(toks))
    if i >= n:
        return None
    if toks[i].lower in lex.pronouns and toks[i].is_word:
        return Span(i, i + 1)
    j = i
    sent = toks[i].sent
    if toks[i].lower in ("dieser", "diese", "letzterer", "this") and i + 1 < n and toks[i + 1].lower in lex.verbs:
        return Span(i, i + 1)            # "Dieser bestätigte, dass ..."
    if toks[j].lower in lex.determiners:
        j += 1
    elif j + 1 < n and toks[j].cap and toks[j].lower.endswith("s") and toks[j + 1].cap and toks[j + 1].is_word \
            and lex.lang == "de" and toks[j].lower not in lex.adverbs and toks[j].lower not in lex.stop_words \
            and toks[j].lower not in lex.prepositions:
        j += 1                                  # Saxon genitive: "Putins Sprecher"
    while j < n and toks[j].sent == sent and _adjective(toks[j], lex):
        j += 1
    if lex.lang == "en" and j == i and toks[i].cap:
        if toks[i].lower.endswith(("'s", "’s")):
            j += 1                      # possessive: "Ukraine's foreign minister Andrii Sybiha"
        elif i + 1 < n and toks[i + 1].lower in ("'s", "’s"):
            j += 2
    if lex.lang == "en" and j > i:
        # English: "a senior Ukrainian official" -- after a determiner, any non-function words
        k = j
        while j < n and toks[j].sent == sent and j - k < 5 and toks[j].is_word \
                and (toks[j].text.isalpha() or _DOTTED.fullmatch(toks[j].text)) \
                and toks[j].lower not in lex.verbs and toks[j].lower not in lex.prepositions \
                and toks[j].lower not in lex.stop_words and toks[j].lower not in lex.auxiliaries \
                and toks[j].lower not in lex.complementizers:
            j += 1
        if j > k and j + 1 < n and toks[j].lower in ("for", "of") and toks[j].sent == sent:
            # "a spokesman for the Ukrainian foreign ministry", "the head of Naftogaz"
            m = j + 1 + (toks[j + 1].lower in lex.determiners)
            m0 = m
            while m < n and toks[m].sent == sent and m - m0 < 5 and toks[m].text.isalpha() \
                    and toks[m].lower not in lex.verbs and toks[m].lower not in lex.prepositions \
                    and toks[m].lower not in lex.stop_words and toks[m].lower not in lex.auxiliaries \
                    and toks[m].lower not in lex.complementizers and toks[m].lower not in lex.determiners:
                m += 1
            if m > m0:
                j = m
        return Span(i, _en_apposition(toks, j, n, sent, lex)) if j > k else None
    k = j
    # (English titles run longer before the name: "Belgian Prime Minister Bart De Wever")
    while j < n and toks[j].sent == sent and (j - k) < (7 if lex.lang == "en" else 5) \
            and (_name_like(toks[j], lex) or toks[j].text == "-"):
        if lex.lang == "en" and toks[j].lower in lex.verbs:
            break
        j += 1
    if lex.lang == "en" and j > k:
        j = _en_role_name(toks, j, n, sent, lex)
    if j == k:
        if k > i + 1 and toks[i].lower in lex.determiners and lex.lang == "de":
            return Span(i, k)           # a nominalised adjective: "der 81-jährige"
        return None
    # genitive or place complement: "des Kremls", "der Polizei", "von Kiew", "aus Brüssel", "in Berlin"
    genitive_adj = (lex.lang == "de" and j + 1 < n and toks[j].sent == sent and not toks[j].cap
                    and toks[j].lower.endswith("er") and toks[j].lower not in lex.stop_words
                    and toks[j].lower not in lex.verbs and toks[j + 1].cap)     # "ukrainischer Militärs"
    # a place ("aus Brüssel", "in Berlin") only qualifies a common noun ("ein Diplomat"), not a name
    place_ok = i < k
    if genitive_adj or (j + 1 < n and toks[j].sent == sent
                        and (toks[j].lower in ("des", "der", "von", "vom", "für", "of")
                             or (place_ok and toks[j].lower in ("aus", "in", "from", "at")))):
        m = j if genitive_adj else j + 1
        place = not genitive_adj and toks[j].lower in ("aus", "in", "from", "at")
        if not place:
            if toks[m].lower in lex.determiners:
                m += 1
            while m < n and _adjective(toks[m], lex):
                m += 1
        m0 = m
        while m < n and toks[m].sent == sent and _name_like(toks[m], lex) and m - m0 < 4 \
                and toks[m].lower not in lex.time_words:
            m += 1
        if m > m0:
            j = m
    j = _name_tail(toks, j, n, sent)
    # apposition: ", Tymur Tkatschenko," (one to four names between commas)
    if j + 1 < n and toks[j].text == "," and toks[j].sent == sent:
        m = j + 1
        while m < n and toks[m].sent == sent and _name_like(toks[m], lex) and m - j <= 4:
            m += 1
        closed = m >= n or toks[m].sent != sent or toks[m].text in {",", ".", "!", "?", ":", ";"}
        if m > j + 1 and closed:
            j = m
        else:       # ", Präsident des Bundesverfassungsgerichts," / ", der Direktor der Behörde,"
            j = _title_apposition(toks, j, n, sent, lex)
    return Span(i, j)


def _en_role_name(toks: list[Tok], j: int, n: int, sent: int, lex: Lexicon) -> int:
    """English "Kremlin spokesman Dmitry Peskov": after a capitalised word, up to three
    lower-case role words and then a name belong to the same phrase (the name is the
    speaker; the organisation only says whose spokesman)."""
    m = j
    while m < n and m - j < 3 and toks[m].sent == sent and toks[m].text.isalpha() and not toks[m].cap \
            and toks[m].lower not in lex.verbs and toks[m].lower not in lex.prepositions \
            and toks[m].lower not in lex.stop_words and toks[m].lower not in lex.auxiliaries \
            and toks[m].lower not in lex.complementizers and toks[m].lower not in lex.determiners \
            and toks[m].lower not in lex.adverbs:
        m += 1
    if m == j:
        return j
    e = m
    while e < n and e - m < 4 and toks[e].sent == sent and _name_like(toks[e], lex) and toks[e].lower not in lex.verbs:
        e += 1
    return e if e > m else j


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")     # "a senior U.S. official"


def _en_apposition(toks: list[Tok], j: int, n: int, sent: int, lex: Lexicon) -> int:
    """English role-then-name apposition: "Ukraine's defence minister, Denys Shmyhal," (one to
    four names between commas) belongs to the phrase, so the name is the speaker."""
    if not (j + 1 < n and toks[j].text == "," and toks[j].sent == sent):
        return j
    m = j + 1
    while m < n and toks[m].sent == sent and _name_like(toks[m], lex) and toks[m].lower not in lex.verbs and m - j <= 4:
        m += 1
    closed = m >= n or toks[m].sent != sent or toks[m].text in {",", ".", "!", "?", ":", ";"}
    return m if m > j + 1 and closed else j


def _title_apposition(toks: list[Tok], j: int, n: int, sent: int, lex: Lexicon) -> int:
    """", der Rettungskoordinator von X," / ", dem Direktor der Wetterbehörde" after a name:
    a noun phrase with no verb, closed by a comma or the sentence end."""
    if lex.lang != "de":
        return j
    m = j + 1
    while m < n and toks[m].sent == sent and toks[m].text not in {",", ".", "!", "?", ":", ";", "(", "„", "“"} and m - j <= 12:
        t = toks[m]
        if t.is_word and not t.cap and (t.lower in lex.verbs or t.lower in lex.auxiliaries
                                        or t.lower in lex.subjunctive or t.lower in lex.complementizers):
            return j
        # inside a noun phrase a lower-case word follows an article, a preposition or another
        # such word; right after a noun it is a verb (", Russland verdiene keine Nachsicht,")
        if t.text[:1].isalpha() and not t.cap and m > j + 1 and toks[m - 1].cap and toks[m - 1].is_word \
                and t.lower not in lex.determiners and t.lower not in lex.prepositions \
                and t.lower not in ("und", "oder", "sowie"):
            return j
        m += 1
    inner = toks[j + 1:m]
    if not inner or m - j > 12 or not (inner[0].lower in lex.determiners or inner[0].cap):
        return j
    last = inner[-1]
    if not (last.cap or last.text.isdigit()):
        return j            # a relative clause ends in a verb: ", der gestern sprach,"
    closed = m >= n or toks[m].sent != sent or toks[m].text in {",", ".", "!", "?", ":", ";"}
    return m if closed else j


def _name_tail(toks: list[Tok], j: int, n: int, sent: int) -> int:
    """Extend past a party in brackets ("Christian Wulff ( CDU )") or a quoted name
    ("die Zeitschrift „Billboard“")."""
    if j + 2 < n and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].cap:
        return j + 3
    if j + 2 < n and toks[j].is_quote and toks[j].sent == sent:
        for m in range(j + 2, min(n, j + 6)):
            if toks[m].is_quote:
                return m + 1 if all(t.cap or not t.is_word for t in toks[j + 1:m]) else j
    return j


def subject_of(toks: list[Tok], v: int, lex: Lexicon, clause_start: int) -> Span | None:
    """The speaker of the cue verb at ``v``: the first field of a V2 clause when that is a
    noun phrase, otherwise the noun phrase right after the finite verb."""
    if v <= clause_start:
        return _after_verb(toks, v, lex)
    if lex.lang == "en" and toks[clause_start].lower in lex.adverbs and clause_start + 2 < v \
            and toks[clause_start + 1].text == ",":
        clause_start += 2       # "Meanwhile, Russia's defence ministry claimed ..."
    if lex.lang == "en" and toks[clause_start].lower.endswith("ing") and toks[clause_start].is_word:
        # a fronted participle clause is no subject: "Speaking at a meeting in Brussels, Healey said"
        commas = [k for k in range(clause_start + 1, v) if toks[k].text == ","]
        if commas and commas[-1] + 1 < v:
            clause_start = commas[-1] + 1
    if v + 1 < len(toks) and toks[v + 1].sent == toks[v].sent and toks[v + 1].lower in lex.pronouns \
            and lex.lang == "de":
        return Span(v + 1, v + 2)       # "Der Politik schlug er vor", "Dies sagte er"
    k = clause_start
    while k < v - 1 and toks[k].lower in lex.adverbs and (toks[k + 1].lower in lex.determiners or toks[k + 1].cap):
        k += 1                          # "Auch das Außenministerium kritisierte"
    if k > clause_start:
        np = chunk_np(toks, k, lex, limit=v)
        if np is not None and np.j == v:
            return np
    first = toks[clause_start]
    if first.lower in lex.adverbs or first.lower in lex.prepositions or first.lower in lex.complementizers \
            or first.lower in lex.stop_words:
        # "Offiziell begründet Trump ...", "Am Montag sagte Selenskyj ..."
        return _after_verb(toks, _finite_verb(toks, clause_start, v, lex), lex) or _after_verb(toks, v, lex)
    np = chunk_np(toks, clause_start, lex, limit=v)
    if np is not None and (np.j == v or toks[np.j].lower in lex.auxiliaries or toks[np.j].lower in lex.verbs
                           or (toks[np.j].text == "," and np.j < v)):
        return np       # (a comma: a parenthetical follows the subject, "Viele Politiker, insbesondere ..., warfen")
    if np is not None and v - np.j <= 2 and all(
            t.is_word and not t.cap and t.lower not in lex.verbs and t.lower not in lex.prepositions
            for t in toks[np.j:v]):
        return np       # "Selenskyj hingegen warnte", "Trump selbst sagte"
    if lex.lang == "en" and np is not None:
        return np
    fin = _finite_verb(toks, clause_start, v, lex)
    after = _after_verb(toks, fin, lex)
    if after is None and np is not None and fin - clause_start <= 12 and all(
            t.text != "," and (t.cap or t.lower in lex.determiners or t.lower in lex.prepositions
                               or _adjective(t, lex) or not t.is_word)
            for t in toks[np.j:fin]):
        return Span(clause_start, fin)      # a long subject: "Die Hilfsorganisation Ärzte ohne Grenzen teilte mit"
    return after


def _finite_verb(toks: list[Tok], start: int, v: int, lex: Lexicon) -> int:
    """First auxiliary or cue verb of the clause (the V2 position), or ``v``."""
    for k in range(start, v):
        if not toks[k].cap and (toks[k].lower in lex.auxiliaries or toks[k].lower in lex.verbs):
            return k
    return v


def _after_verb(toks: list[Tok], v: int, lex: Lexicon) -> Span | None:
    j = v + 1
    # skip short adverbials between verb and subject ("sagte heute", "sagte am Montag")
    for _ in range(3):
        if j >= len(toks) or toks[j].sent != toks[v].sent:
            return None
        np = chunk_np(toks, j, lex)
        if np is not None and toks[j].lower not in lex.prepositions:
            return np
        if toks[j].lower in lex.adverbs or toks[j].lower in ("sich", "himself", "herself"):
            j += 1      # ("äußerte sich der Minister")
        elif toks[j].lower in ("am", "im", "on", "in") and j + 1 < len(toks):
            j += 2
        else:
            return None
    return None


# ---------------------------------------------------------------- resolution to actors

def _actors_module() -> Any:
    try:
        return importlib.import_module("lagebild.extract.actors")
    except ModuleNotFoundError as err:
        if err.name == "lagebild.extract.actors":
            return None
        raise


def is_pronoun(text: str, lex: Lexicon) -> bool:
    return text.lower() in lex.pronouns


def _head_part(toks: list[Tok], span: Span) -> tuple[list[Tok], list[Tok]]:
    """Split a phrase into its head part and what follows a complement or apposition."""
    part = list(toks[span.i:span.j])
    for k, t in enumerate(part):
        if t.text == "," or (k > 0 and t.lower in ("des", "der", "von", "aus", "in", "für", "of", "from", "at", "for")):
            return part[:k], part[k:]
    return part, []


def head_noun(toks: list[Tok], span: Span, lex: Lexicon) -> str:
    """The head noun of the phrase, last part of a compound ("US-Offizier" -> "offizier")."""
    head_part, _ = _head_part(toks, span)
    words = [t.lower for t in head_part if t.is_word and (t.cap or lex.lang == "en")]
    return words[-1].split("-")[-1] if words else ""


def has_name(toks: list[Tok], span: Span, lex: Lexicon) -> bool:
    """Whether the phrase names someone: a name in an apposition, or a capitalised word
    next to the head noun ("Sprecher Dmitri Peskow"); a place after "aus" is no name."""
    head_part, rest = _head_part(toks, span)
    caps = [t for t in head_part if t.cap and t.is_word and t.lower not in lex.determiners]
    appos = rest[:1] and rest[0].text == ","
    if len(caps) >= 2 or bool(appos and any(t.cap for t in rest[1:])):
        return True
    # a bare capitalised word with no article is a name ("Trump", "Selenskyj"), unless it
    # is an unnamed-source noun ("Insider", "Diplomaten")
    bare = bool(head_part) and head_part[0].lower not in lex.determiners and len(caps) == 1
    return bare and not is_anonymous_noun(head_noun(toks, span, lex), lex)


def is_anonymous_noun(head: str, lex: Lexicon) -> bool:
    """"diplomat", "sicherheitsexperte" (compound ending in an unnamed-source noun)."""
    return bool(head) and (head in lex.anonymous_nouns or any(
        head.endswith(n) for n in lex.anonymous_nouns if len(n) >= 5))


def mention_actor(ex: Extraction, start: int, end: int) -> Mention | None:
    """The best actor mention inside [start, end): a person first, and never a place that
    only locates the speaker ("der Militärverwaltungschef von Kiew")."""
    best: Mention | None = None
    best_rank = -1
    for m in ex.mentions:
        if m.actor is None or m.start < start or m.end > end:
            continue
        kind = (m.type or "").upper()
        rank = 3 if (kind.startswith("PER") or m.actor.startswith("person:")) else 1
        if kind.startswith("LOC") or m.actor.startswith(("loc:", "location:", "place:")):
            rank = 0
        rank = rank * 10000 + m.end          # later mention (the apposition) wins among equals
        if rank > best_rank:
            best, best_rank = m, rank
    if best is not None and best_rank < 10000:
        return None
    return best


def resolve_speaker(text: str, start: int, end: int, parsed: ParsedDoc, ex: Extraction, ctx: Any,
                    lang: str) -> str | None:
    """Actor id for a speaker phrase: an actor mention inside it, the actor layer's
    description resolver, or the KB by name; None when nothing fits."""
    m = mention_actor(ex, start, end)
    if m is not None:
        return m.actor
    actors = _actors_module()
    resolver = getattr(actors, "resolve_description", None) if actors else None
    if resolver is not None:
        try:
            actor = resolver(text, parsed, start, ex, ctx)
        except (KeyError, ValueError, LookupError):
            actor = None
        if actor:
            return str(actor)
    kb = getattr(ctx, "kb", None)
    if kb is not None and hasattr(kb, "resolve_name"):
        date = parsed.doc.published
        words = text.split(", ")[-1]
        for cand in (words, text):
            try:
                actor = kb.resolve_name(cand, date, lang)
            except (KeyError, ValueError, LookupError, TypeError):
                actor = None
            if actor:
                return actor if isinstance(actor, str) else str(getattr(actor, "id", actor))
    return None


def make_speaker(toks: list[Tok], span: Span, parsed: ParsedDoc, ex: Extraction, ctx: Any,
                 lex: Lexicon) -> Speaker:
    start, end = toks[span.i].start, toks[span.j - 1].end
    text = parsed.doc.text[start:end]
    # an unnamed source stays unnamed: "ein Diplomat aus Brüssel" is not the EU
    head = head_noun(toks, span, lex)
    unnamed = not has_name(toks, span, lex) and is_anonymous_noun(head, lex)
    actor = None if is_pronoun(text, lex) or unnamed else resolve_speaker(text, start, end, parsed, ex, ctx, lex.lang)
    if unnamed and head.endswith(lex.spokesperson_nouns) and lex.spokesperson_nouns:
        # "ein Sprecher des Auswärtigen Amts" speaks for the office: the person stays unnamed
        # (anonymous), the statement is the organisation's
        # (a definite "der Kremlsprecher" may be the office holder the actor layer knows)
        if toks[span.i].lower not in _INDEFINITE:
            actor = resolve_speaker(text, start, end, parsed, ex, ctx, lex.lang)
        if actor is None or not actor.startswith("person:"):
            m = mention_actor(ex, start, end)
            actor = m.actor if m is not None else actor
    # (a spokesperson stays anonymous even when the organisation is known)
    anonymous = unnamed and (actor is None or head.endswith(lex.spokesperson_nouns or ("\0",)))
    return Speaker(text=text, actor=actor, anonymous=anonymous, start=start, end=end)
