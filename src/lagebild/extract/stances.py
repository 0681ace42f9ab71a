"""Stances: what each actor demands, supports and rejects, per issue (``stances.rules.v1``).

Runs after actors, quotes, events and claims and reads their output.  For each sentence:

1. find issue terms (``lang/<de|en>/stances.yaml``: ``issues``); a term in scare quotes
   (a quoted stretch of at most four words, "als „Sicherheitsgarantie“ verkauft") names
   the word, not a position, and is skipped;
2. in the term's clause, find the nearest stance cue: support ("fordert", "setzt auf"),
   oppose ("lehnt ... ab", "rote Linie"), insist ("nicht verhandelbar" = support for the
   term it is said of) or conditional ("nur wenn"; a term inside the condition itself is
   hypothetical and skipped); attributive participles ("der geforderte Waffenstillstand")
   are no cue, since the demand is not the clause subject's;
3. polarity = cue × term pole (``pol: -1`` terms name the opposite pole, "Nato-Verzicht")
   × negation (a negator between cue and term, or just before the term, flips it);
4. the holder, never invented: an event (REQUEST/SUPPORT/AGREE/REJECT/THREATEN) in the
   sentence gives its source; a term inside a quote gives the quote's speaker (no speaker,
   no stance: the mentions inside reported speech are not the holder); otherwise the
   nearest actor mention before the cue in the clause that is not the object of a
   preposition ("Lieferung an Kiew") nor part of the term ("NATO membership"), plus holders
   joined to it by "und"/"and"; in a verb-first clause the name right after the verb
   ("setzen Deutschland und Frankreich auf ..."); a singular pronoun ("Seine Forderung")
   only when exactly one person is named in the two sentences before (how="pronoun").

Position semantics per issue (``support`` = in favour of):

==============  ==============================================================
tomahawk        delivery of Tomahawk / other long-range missiles to Ukraine
guarantees      security guarantees for Ukraine backed by European troops
territory       Ukraine cedes territory and the loss is recognised
nato            Ukraine joins NATO
ceasefire       an immediate ceasefire / prompt end of the fighting
sanctions       (more) sanctions on Russia
military_aid    (more) military aid / weapons deliveries to Ukraine
negotiations    negotiations / talks / mediation to settle the war
==============  ==============================================================

Questions and sentences opening with a hypothetical ("Sollte Trump ...", "If ...") give
no stance.  Stances read from second-hand reports (hedged quotes, "soll", "laut") carry
``+reported`` in ``how``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lagebild.extract.base import Context
from lagebild.lang import load
from lagebild.model import Extraction, Mention, ParsedDoc, Quote, Sentence, Stance

__all__ = ["StanceExtractor", "StanceLexicon", "stance_matrix", "ISSUES"]

ISSUES = ("tomahawk", "guarantees", "territory", "nato", "ceasefire", "sanctions", "military_aid", "negotiations")

# Event types whose source holds a stance.  Only the holder is taken from the event: the
# polarity comes from the cue next to the issue term, which also sees the term's pole.
_EVENT_POLARITY = {"REQUEST": 1, "SUPPORT": 1, "AGREE": 1, "REJECT": -1, "THREATEN": -1}
# Adjective mentions ("russischen") are holders only right before a noun cue ("der russischen Forderung").
_ADJ_TYPES = {"ADJ"}


@dataclass
class _Term:
    issue: str
    pattern: re.Pattern[str]
    pol: int
    context: re.Pattern[str] | None


@dataclass
class _Cue:
    kind: str          # support | oppose | insist | conditional
    start: int
    end: int
    text: str


class StanceLexicon:
    """The compiled ``stances.yaml`` of one language."""

    def __init__(self, lang: str) -> None:
        data = load(lang, "stances")
        if not data:
            raise ValueError(f"no stance lexicon for language {lang!r}: add src/lagebild/lang/{lang}/stances.yaml")
        start = r"(?<!\w)" if data.get("word_start") else ""
        self.terms: list[_Term] = []
        self.means: dict[str, str] = {}
        for issue, spec in data["issues"].items():
            self.means[issue] = spec.get("means", "")
            for term in spec["terms"]:
                ctx = term.get("context")
                self.terms.append(_Term(issue, re.compile(f"{start}(?:{term['re']})", re.I), int(term.get("pol", 1)),
                                        re.compile(ctx, re.I) if ctx else None))
        self.cues = {kind: re.compile("|".join(f"{start}(?:{p})" for p in pats), re.I)
                     for kind, pats in data["cues"].items()}
        self.negators = _words(data.get("negators", []))
        self.reported = re.compile("|".join(f"(?:{p})" for p in data.get("reported", [])) or r"(?!x)x", re.I)
        self.hypothetical = {w.lower() for w in data.get("hypothetical", [])}
        breaks = data.get("clause_breaks", [])
        self.clause_breaks = re.compile("|".join(re.escape(b) for b in breaks), re.I) if breaks else None
        self.target_preps = {w.lower() for w in data.get("target_preps", [])}
        self.holder_preps = {w.lower() for w in data.get("holder_preps", [])}
        self.conjunctions = [w.lower() for w in data.get("conjunctions", [])]
        self.subordinators = {w.lower() for w in data.get("subordinators", [])}
        self.not_negations = _phrases(data["not_negations"]) if data.get("not_negations") else None
        self.contrast = [w.lower() for w in data.get("contrast", [])]
        self.pronouns = {w.lower() for w in data.get("pronouns", [])}


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)


def _phrases(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


class StanceExtractor:
    name = "stances.rules.v1"

    def __init__(self, max_scare_words: int = 4) -> None:
        self.max_scare_words = max_scare_words   # a quoted stretch this short around a term is a scare quote
        self._lex: dict[str, StanceLexicon] = {}

    def lexicon(self, lang: str) -> StanceLexicon:
        if lang not in self._lex:
            self._lex[lang] = StanceLexicon(lang if lang in ("de", "en") else "de")
        return self._lex[lang]

    def __call__(self, parsed: ParsedDoc, ex: Extraction, ctx: Context | None = None) -> None:
        lex = self.lexicon(parsed.doc.language)
        seen = {(s.actor, s.issue, s.evidence.start) for s in ex.stances}
        for i, sent in enumerate(parsed.sents):
            window = " ".join(s.text for s in parsed.sents[max(0, i - 2): i + 1])
            for stance in self._sentence(parsed, ex, lex, sent, window, parsed.sents[max(0, i - 2): i]):
                key = (stance.actor, stance.issue, stance.evidence.start)
                if key not in seen:
                    seen.add(key)
                    ex.stances.append(stance)

    # -- one sentence ------------------------------------------------------------------------------
    def _sentence(self, parsed: ParsedDoc, ex: Extraction, lex: StanceLexicon, sent: Sentence,
                  window: str, prev: list[Sentence]) -> list[Stance]:
        text = sent.text
        first = re.match(r"\W*(\w+)", text)
        if text.rstrip(" \"“”»").endswith("?") or (first and first.group(1).lower() in lex.hypothetical):
            return []
        hits = self._terms(lex, text, window)
        if not hits:
            return []
        clause_of = _clauses(lex, sent)
        cues = [_Cue(kind, m.start(), m.end(), m.group(0)) for kind, pat in lex.cues.items() for m in pat.finditer(text)]
        cues = [c for c in cues if not _attributive_participle(sent, c)]
        out: list[Stance] = []
        evidence = parsed.evidence(sent.start, sent.end)
        date = _date(ex, sent) or parsed.doc.published
        events = [e for e in ex.events if e.type in _EVENT_POLARITY and e.evidence.start <= sent.start < e.evidence.end]
        reported = bool(lex.reported.search(text))
        for issue, (t_start, t_end, pol) in hits.items():
            if "?" in text[t_end:]:
                continue   # a question inside the sentence ("Die Frage „Warum weigert sich X ...?“") asserts nothing
            cid = clause_of(t_start)
            in_clause = [c for c in cues if clause_of(c.start) == cid and not (t_start <= c.start and c.end <= t_end)]
            if not in_clause:
                continue
            # a conditional cue wins over the plain support/oppose cue of its clause ("fordert ... nur wenn")
            cond = [c for c in in_clause if c.kind == "conditional"]
            if cond and t_start >= cond[0].end:
                continue   # the term is inside the condition ("... nur, wenn Russland verhandelt"): hypothetical
            cue = cond[0] if cond else min(in_clause, key=lambda c: _gap(c.start, c.end, t_start, t_end))
            position = self._position(lex, text, cue, t_start, t_end, pol, in_clause)
            for actor, how in self._holders(ex, lex, sent, prev, events, t_start, t_end, cue, clause_of, cid):
                if reported and not how.endswith("+reported"):
                    how += "+reported"
                out.append(Stance(actor=actor, issue=issue, position=position, evidence=evidence, date=date,
                                  how=how, cue=cue.text, stage=self.name))
        return out

    def _terms(self, lex: StanceLexicon, text: str, window: str) -> dict[str, tuple[int, int, int]]:
        """First usable term per issue: (start, end, pole) within the sentence."""
        found: dict[str, tuple[int, int, int]] = {}
        for term in lex.terms:
            if term.issue in found:
                continue
            for m in term.pattern.finditer(text):
                if term.context is not None and not term.context.search(window):
                    break
                if self._scare_quoted(text, m.start(), m.end()):
                    continue
                found[term.issue] = (m.start(), m.end(), term.pol)
                break
        return found

    def _scare_quoted(self, text: str, start: int, end: int) -> bool:
        """Is [start, end) inside a short quoted stretch ("als „Sicherheitsgarantie“ verkauft")?"""
        left = max((text.rfind(ch, 0, start) for ch in "„“\"«»‚"), default=-1)
        if left < 0:
            return False
        right_candidates = [p for p in (text.find(ch, end) for ch in "“”\"«»‘") if p >= 0]
        if not right_candidates:
            return False
        right = min(right_candidates)
        # the opening mark must not be closed before the term
        if any(ch in text[left + 1:start] for ch in "“”\"»‘"):
            return False
        return len(text[left + 1:right].split()) <= self.max_scare_words

    def _position(self, lex: StanceLexicon, text: str, cue: _Cue, t_start: int, t_end: int, pol: int,
                  cues: list[_Cue]) -> str:
        if cue.kind == "conditional":
            return "conditional"
        sign = -1 if cue.kind == "oppose" else 1
        lo, hi = min(cue.end, t_start), max(cue.start, t_end)
        before = max(0, t_start - 25)
        blocked = [(c.start, c.end) for c in cues]   # "nicht" inside "nicht verhandelbar" is part of the cue
        if lex.not_negations is not None:   # "nicht nur" is no negation
            blocked += [(m.start(), m.end()) for m in lex.not_negations.finditer(text)]
        negs = [m for m in lex.negators.finditer(text)
                if ((lo <= m.start() < hi) or (before <= m.start() < t_start))
                and not any(a <= m.start() < b for a, b in blocked)
                # "nicht X, sondern <term>": the negation belongs to X
                and not (m.start() < t_start and any(c in text[m.start():t_start].lower() for c in lex.contrast))]
        if len(negs) % 2:
            sign = -sign
        sign *= pol
        return "support" if sign > 0 else "oppose"

    # -- who holds it ------------------------------------------------------------------------------
    def _holders(self, ex: Extraction, lex: StanceLexicon, sent: Sentence, prev: list[Sentence], events: list[Any], t_start: int,
                 t_end: int, cue: _Cue, clause_of: Any, cid: int) -> list[tuple[str, str]]:
        abs_term = sent.start + t_start
        quote = _quote_at(ex.quotes, abs_term)
        if quote is not None:
            kind = "reported" if quote.hedged or quote.kind == "reported" else quote.kind
            if quote.speaker is not None and quote.speaker.actor:
                return [(quote.speaker.actor, f"quote:{quote.kind}" + ("+reported" if kind == "reported" else ""))]
            if kind != "reported":
                return []     # an unnamed speaker's words: the mentions inside them are not its holder
            # "X soll laut Insidern ... abgelehnt haben": the anonymous source reports X's stance
        quoted = [(q.start, q.end) for q in ex.quotes if q.start < sent.end and sent.start < q.end and q is not quote]
        in_clause = [m for m in ex.mentions
                     if m.actor and sent.start <= m.start < sent.end and clause_of(m.start - sent.start) == cid
                     and not any(a <= m.start < b for a, b in quoted) and not m.actor.startswith("loc:")]
        abs_cue = sent.start + cue.start
        abs_t_end = sent.start + t_end
        cands = [m for m in in_clause if self._holder_ok(lex, sent, m, abs_cue, clause_of, cid)
                 and not (m.start < abs_t_end and abs_term < m.end)]   # "NATO membership": part of the issue
        # an event coded in this clause names its source: trust it over the word-order guess
        # (only where that source could be a holder here: not the issue itself, not a recipient)
        for event in events:
            srcs = [a for a in event.source if any(m.actor == a for m in cands)]
            if srcs:
                return [(a, f"event:{event.type}") for a in srcs]
        before = [m for m in cands if m.end <= abs_cue]
        if before:
            head = before[-1]
        else:
            # verb-first clause: "setzen Deutschland und Frankreich auf ...", "lehnt Putin ... ab"
            toks = [t for t in sent.tokens if t.start >= abs_cue]
            limit = toks[min(2, len(toks) - 1)].end if toks else abs_cue
            after = [m for m in cands if abs_cue < m.start <= max(limit, sent.start + cue.end)
                     and (m.type or "") not in _ADJ_TYPES]
            if not after:
                return self._pronoun(ex, lex, sent, prev, abs_cue, clause_of, cid)
            head = after[0]
        chosen = _conjoined(lex, sent, cands, head)
        out: list[tuple[str, str]] = []
        for m in chosen:
            if m.actor and (m.actor, "subject") not in out:
                out.append((m.actor, "subject"))
        return out

    def _pronoun(self, ex: Extraction, lex: StanceLexicon, sent: Sentence, prev: list[Sentence], abs_cue: int,
                 clause_of: Any, cid: int) -> list[tuple[str, str]]:
        """"Seine Forderung nach ...", "Er lehnt ... ab": the one person named in the two sentences
        before.  Two or more candidates is ambiguous: no stance rather than a guess."""
        toks = [t for t in sent.tokens if clause_of(t.start - sent.start) == cid]
        near = [t for t in toks if t.end <= abs_cue] + [t for t in toks if t.start >= abs_cue][:3]
        if not any(t.text.lower() in lex.pronouns for t in near):
            return []
        if not prev:
            return []
        lo, hi = prev[0].start, prev[-1].end
        people = {m.actor for m in ex.mentions if m.actor and m.actor.startswith("person:") and lo <= m.start < hi}
        people |= {q.speaker.actor for q in ex.quotes if q.speaker and q.speaker.actor
                   and q.speaker.actor.startswith("person:") and lo <= q.start < hi}
        return [(people.pop(), "pronoun")] if len(people) == 1 else []

    def _holder_ok(self, lex: StanceLexicon, sent: Sentence, m: Mention, abs_cue: int, clause_of: Any, cid: int) -> bool:
        """Not the object of a preposition ("Lieferung an Kiew", "mit Trump"); adjectives only before a cue noun."""
        if (m.type or "") in _ADJ_TYPES:
            return 0 <= abs_cue - m.end <= 2      # "der russischen Forderung"
        if sent.text[m.end - sent.start:m.end - sent.start + 2][:1] == "-":
            return False                          # a compound modifier ("US-Lieferung", "NATO-Artikel") holds nothing
        toks = [t for t in sent.tokens if t.end <= m.start and clause_of(t.start - sent.start) == cid]
        skipped = 0
        for k in range(len(toks) - 1, -1, -1):
            tok = toks[k]
            word = tok.text.lower()
            if word in lex.target_preps:
                # "Für den Kreml ist ... inakzeptabel": a clause-initial "für" introduces the holder
                return word in lex.holder_preps and all(t.pos == "PUNCT" for t in toks[:k])
            if tok.pos in ("DET", "ADJ", "NUM", "PROPN") and skipped < 3:
                skipped += 1
                continue
            return True
        return True


def _attributive_participle(sent: Sentence, cue: _Cue) -> bool:
    """"der in der Resolution geforderte Waffenstillstand": the demand is not the clause subject's."""
    tok = next((t for t in sent.tokens if t.start - sent.start <= cue.start < t.end - sent.start), None)
    if tok is None or tok.tag != "ADJA" or not re.search(r"te[nrsm]?$", tok.text):
        return False
    word = tok.text.lower()    # a past participle: "ge" inside ("abgelehnte") or an inseparable prefix ("verlangte")
    return "ge" in word[:-3] or word.startswith(("ver", "be", "er", "ent", "unter"))


def _clauses(lex: StanceLexicon, sent: Sentence) -> Any:
    """``clause_of(offset) -> id``: cue, term and holder must share a clause id.

    A pair of dashes encloses a parenthetical: the text on both sides of it is one clause
    ("die Vorstellung, dass Truppen – ob unter ... – stationiert werden, ist inakzeptabel").
    """
    text = sent.text
    breaks: list[tuple[int, str]] = []
    if lex.clause_breaks is not None:
        for m in lex.clause_breaks.finditer(text):
            breaks.append((m.start(), "dash" if m.group(0).strip() in ("–", "—") else "cut"))
    first = re.match(r"\W*(\w+)", text)
    if first and first.group(1).lower() in lex.subordinators:
        # "Während X fordern, setzen Y ...": the first comma followed by a verb closes the subclause
        toks = sent.tokens
        for k, tok in enumerate(toks[:-1]):
            if tok.text == "," and toks[k + 1].pos in ("VERB", "AUX"):
                breaks.append((tok.start - sent.start, "cut"))
                break
    breaks.sort()
    segments: list[tuple[int, int, int]] = []
    pos, cid, next_id, stack, dashes = 0, 0, 1, [], sum(1 for _, k in breaks if k == "dash")
    seen_dashes = 0
    for at, kind in breaks:
        segments.append((pos, at, cid))
        pos = at
        if kind == "dash" and seen_dashes < dashes - dashes % 2:
            seen_dashes += 1
            if stack:
                cid = stack.pop()
                continue
            stack.append(cid)
        cid, next_id = next_id, next_id + 1
    segments.append((pos, len(text) + 1, cid))

    def clause_of(offset: int) -> int:
        for lo, hi, c in segments:
            if lo <= offset < hi:
                return c
        return -1
    return clause_of


def _conjoined(lex: StanceLexicon, sent: Sentence, cands: list[Mention], head: Mention) -> list[Mention]:
    """The head holder plus holders joined to it by a conjunction ("Starmer und ... Macron")."""
    text = sent.text
    chosen = [head]
    idx = cands.index(head)

    def joined(a: Mention, b: Mention) -> bool:
        words = text[a.end - sent.start:b.start - sent.start].lower().replace(",", " , ").split()
        return bool(words) and words[0] in lex.conjunctions and len(words) <= 5
    k = idx
    while k > 0 and joined(cands[k - 1], chosen[0]):
        chosen.insert(0, cands[k - 1])
        k -= 1
    k = idx
    while k + 1 < len(cands) and joined(chosen[-1], cands[k + 1]):
        chosen.append(cands[k + 1])
        k += 1
    return chosen


def _gap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, b0 - a1, a0 - b1)


def _quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    for q in quotes:
        if q.start <= offset < q.end:
            return q
    return None


def _date(ex: Extraction, sent: Sentence) -> Any:
    """A day/week/month date in the sentence; a bare year ("seit Beginn der Invasion 2022") dates
    the background, not the stance, so the caller falls back to the publication date."""
    from lagebild.extract.timex import date_for_span
    found = date_for_span(ex.timexes, sent.start, sent.end)
    return found if found is not None and found.precision in ("day", "week", "month") else None


def stance_matrix(stances: list[Stance]) -> dict[str, dict[str, dict[str, int]]]:
    """{issue: {actor: {"support": n, "oppose": n, "conditional": n}}}; numeric positions count
    as support above 50, oppose below 50, conditional at 50."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for s in stances:
        pos = s.position
        if not isinstance(pos, str):
            pos = "support" if pos > 50 else "oppose" if pos < 50 else "conditional"
        cell = out.setdefault(s.issue, {}).setdefault(s.actor, {"support": 0, "oppose": 0, "conditional": 0})
        if pos in cell:
            cell[pos] += 1
    return out
