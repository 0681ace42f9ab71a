"""Quotes and speaker attribution (``quotes.rules.v1``).

Finds who said what: direct quotes in every German and English quotation style,
partial quotes inside a sentence, quotes over several sentences, and indirect speech
(Konjunktiv I after a speech verb, "so X", "laut X", "X zufolge", "wie X mitteilte",
English "said that").  Quotation marks around a term, a name or a title, and headline
questions, are not speech: a quoted span becomes a quote only when a speech cue ties it
to a speaker, or when it is a whole sentence that continues a quote.

Language knowledge (speech verbs, channels, hedges, anonymous-source nouns, words that
introduce a term) is data in ``lang/<lang>/speech.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from lagebild.extract.quotes_indirect import FINAL as _FINAL
from lagebild.extract.quotes_indirect import IndirectRules
from lagebild.extract.quotes_lexicon import Lexicon, VerbForm, load_lexicon
from lagebild.extract.quotes_marks import Marked, find_marked
from lagebild.extract.quotes_speaker import (
    Span, chunk_np, flat_tokens, has_name, make_speaker, subject_of,
)
from lagebild.model import DateValue, Extraction, ParsedDoc, Quote, Speaker, stable_id

__all__ = ["QuoteExtractor", "QuoteMatch", "QuoteSettings", "NAME"]

NAME = "quotes.rules.v1"
# verbs that name or title something: "Das Motto lautet: „…“" is no statement
_NAMING_VERBS = frozenset({"lautet", "lauten", "lautete", "lauteten", "heißt", "hieß", "trägt", "trug", "is", "was", "reads"})


@dataclass
class QuoteSettings:
    """Settings of :class:`QuoteExtractor` (each with a help string in ``help_text``)."""

    media_sources: bool = False     # keep attributions to media ("wie Reuters berichtet")
    unattributed: bool = False      # keep whole-sentence quotes whose speaker was not found
    free_indirect: bool = True      # carry indirect speech over following Konjunktiv-I sentences
    min_partial_words: int = 3      # a shorter phrase in marks inside a sentence is a term, not a quote
    thoughts: bool = False          # also report beliefs, hopes and fears ("X glaubt, dass ...")
    speech_acts: bool = False       # also report speech acts without content ("X forderte Neuwahlen") as kind "reported"

    help_text = {
        "media_sources": "Keep attributions to media and reports (news lagebild treats as sources, not speakers).",
        "unattributed": "Keep whole-sentence quotes for which no speaker was found (speaker = None).",
        "free_indirect": "Continue indirect speech over following sentences in Konjunktiv I.",
        "thoughts": "Also report what an actor believes, hopes or fears (verbs of thinking), as indirect speech.",
        "speech_acts": "Also report sentences that only name a speech act (\"X forderte Neuwahlen\"), whole sentence, kind reported.",
        "min_partial_words": "Minimum words for a phrase in quotation marks inside a sentence to count as a partial quote.",
    }


@dataclass
class QuoteMatch:
    """A quote plus the spans a span-level benchmark needs (SpkAtt style)."""

    quote: Quote
    message: list[tuple[int, int]]          # char spans: a direct quote with its marks, an indirect clause
    source: tuple[int, int] | None = None   # speaker phrase as cited ("Angaben der Polizei")
    form: str = "direct"                    # direct | indirect | reported
    rule: str = ""                          # which rule made it (a short reason)


@dataclass
class _State:
    prev_indirect: tuple[int, Speaker, tuple[int, int] | None] | None = None   # (sent, speaker, source)
    quote_sents: dict[int, Speaker | None] = field(default_factory=dict)


_ANY_QUOTE = "'\"‘’‚“”„«»‹›"


def _quoted_count(text: str, phrase: str) -> int:
    """How often ``phrase`` stands between quote characters of any kind in ``text`` (also
    ASCII single quotes, which are not read as quotation marks elsewhere because of apostrophes):
    a slogan quoted again and again ('peace through strength', „America First“) is a label."""
    words = phrase.split()
    if not words:
        return 0
    body = r"\s+".join(re.escape(w) for w in words)
    pattern = f"[{re.escape(_ANY_QUOTE)}]\\s*{body}\\s*[{re.escape(_ANY_QUOTE)}]"
    return len(re.findall(pattern, text, flags=re.IGNORECASE))


class QuoteExtractor:
    """``QuoteExtractor()(parsed, ex, ctx)`` appends :class:`~lagebild.model.Quote` records to ``ex.quotes``."""

    name = NAME
    requires = ("sents", "mentions?", "timexes?")
    assigns = ("quotes",)

    def __init__(self, settings: QuoteSettings | None = None, **overrides: Any) -> None:
        known = {f.name for f in fields(QuoteSettings)}
        unknown = set(overrides) - known
        if unknown:
            raise ValueError(f"unknown quote setting(s) {sorted(unknown)}; known: {sorted(known)}")
        self.settings = replace(settings or QuoteSettings(), **overrides)

    def __call__(self, parsed: ParsedDoc, ex: Extraction, ctx: Any) -> None:
        ex.quotes.extend(m.quote for m in self.find(parsed, ex, ctx))

    def pipe(self, items: Any, ctx: Any) -> Any:
        for parsed, ex in items:
            self(parsed, ex, ctx)
            yield parsed, ex

    # ------------------------------------------------------------------ main pass
    def find(self, parsed: ParsedDoc, ex: Extraction, ctx: Any) -> list[QuoteMatch]:
        lex = load_lexicon(parsed.doc.language or "de")
        run = _Run(parsed, ex, ctx, lex, self.settings)
        return run.go()


class _Run(IndirectRules):
    """One document's pass: holds the token view and the state while scanning sentences."""

    def __init__(self, parsed: ParsedDoc, ex: Extraction, ctx: Any, lex: Lexicon, st: QuoteSettings) -> None:
        self.parsed, self.ex, self.ctx, self.lex, self.st = parsed, ex, ctx, lex, st
        self.text = parsed.doc.text
        self.toks = flat_tokens(parsed)
        self.sent_first: list[int] = []
        self.sent_end: list[int] = []
        k = 0
        for sent in parsed.sents:
            self.sent_first.append(k)
            k += len(sent.tokens)
            self.sent_end.append(k)
        self.by_start = {t.start: t.i for t in self.toks}
        self.marks = [m for m in find_marked(self.text) if m.open in self.by_start and m.close in self.by_start]
        self.in_mark = [-1] * len(self.toks)
        for n, m in enumerate(self.marks):
            for i in range(self.by_start[m.open], self.by_start[m.close] + 1):
                self.in_mark[i] = n
        self.verbs = dict(lex.verbs)
        if st.thoughts:
            for form, readings in lex.thoughts.items():
                self.verbs[form] = (*self.verbs.get(form, ()), *readings)
        self.state = _State()
        self.cands: list[tuple[int, int, Speaker]] = []     # (offset, sentence, speaker) for pronouns
        self.out: list[QuoteMatch] = []

    def go(self) -> list[QuoteMatch]:
        marks_by_sent: dict[int, list[Marked]] = {}
        for m in self.marks:
            marks_by_sent.setdefault(self.toks[self.by_start[m.open]].sent, []).append(m)
        for s in range(len(self.parsed.sents)):
            self._subject_candidate(s)
            direct = [q for q in (self._direct(m) for m in marks_by_sent.get(s, [])) if q is not None]
            self._indirect(s, direct)
            for q in direct:
                self.out.append(q)
        return _dedupe(self.out)

    # ------------------------------------------------------------------ helpers
    def _words(self, i: int, j: int) -> int:
        return sum(1 for t in self.toks[i:j] if t.is_word)

    def _verb_form(self, k: int, hi: int) -> VerbForm | None:
        """The speech verb reading of token ``k`` whose particles occur before ``hi``."""
        tok = self.toks[k]
        readings = self.verbs.get(tok.lower)
        if not readings or self.in_mark[k] >= 0:
            return None
        if tok.cap and not (self.lex.lang == "en" and tok.first):
            return None
        if k > 0 and self.toks[k - 1].lower in self.lex.determiners and self.lex.lang == "de":
            return None     # an adjective: "seiner erklärten Kriegsziele"
        rest = {t.lower for t in self.toks[k + 1:hi] if self.in_mark[t.i] < 0}
        if k > 0:
            rest.add(self.toks[k - 1].lower)       # verb-final: "wie die Polizei bekannt gab"
        plain = None
        for vf in readings:
            if vf.particles and all(p in rest for p in vf.particles):
                return vf
            if not vf.particles and plain is None:
                plain = vf
        return plain

    def _cue_at(self, k: int, hi: int) -> bool:
        return self._verb_form(k, hi) is not None

    def _find_cue(self, lo: int, hi: int) -> int | None:
        for k in range(lo, hi):
            if self._cue_at(k, hi) and not (k > lo and self.toks[k - 1].lower in self.lex.trailer_words
                                            and k + 1 < hi and self.toks[k + 1].lower == "es"):
                return k        # (", so heißt es," is a hedge inside the clause, not its cue)
        return None

    def _cue_text(self, v: int, hi: int) -> str:
        vf = self._verb_form(v, hi)
        return " ".join([self.toks[v].text, *vf.particles]) if vf and vf.particles else self.toks[v].text

    def _clause_start(self, s: int, v: int) -> int:
        k = self.sent_first[s]
        for i in range(self.sent_first[s], v):
            if self.toks[i].text in {":", ";", "–", "—"} or (self.in_mark[i] >= 0 and self.toks[i].start == self.marks[self.in_mark[i]].close):
                k = i + 1
        while k < v and (self.toks[k].text in {",", "–", "-", "—"} or self.toks[k].lower in ("und", "doch", "aber", "and", "but")):
            k += 1
        return k

    def _hedged(self, i: int, j: int) -> bool:
        words = [t.lower for t in self.toks[i:j] if self.in_mark[t.i] < 0]
        for h in self.lex.hedges:
            n = len(h)
            if any(tuple(words[k:k + n]) == h for k in range(len(words) - n + 1)):
                return True
        return False

    def _channel(self, s: int, skip: tuple[int, int] | None) -> str | None:
        sent = self.parsed.sents[s]
        txt = sent.text
        if skip:
            a, b = max(skip[0], sent.start) - sent.start, min(skip[1], sent.end) - sent.start
            if 0 <= a < b:
                txt = txt[:a] + " " * (b - a) + txt[b:]
        for pat, name in self.lex.channels:
            if pat.search(txt):
                return name
        return None

    def _date(self, s: int) -> DateValue | None:
        sent = self.parsed.sents[s]
        for tx in self.ex.timexes:
            if sent.start <= tx.start < sent.end and tx.value and tx.precision == "day":
                return DateValue(tx.value, tx.precision, tx.text, basis="sentence")
        return self.parsed.doc.published

    def _is_media(self, span: Span) -> bool:
        words = [t.lower for t in self.toks[span.i:span.j]]
        return any(w in self.lex.media_nouns or w.endswith(("berichten", "medien")) for w in words)

    def _subject_candidate(self, s: int) -> None:
        """Remember the named subject that opens a sentence: a later "er"/"sie" may refer to it."""
        k, hi = self.sent_first[s], self.sent_end[s]
        while k < hi and (self.toks[k].lower in self.lex.adverbs or self.toks[k].lower in ("und", "doch", "aber", "and", "but")):
            k += 1
        np = chunk_np(self.toks, k, self.lex, limit=hi) if k < hi else None
        if np is None or self.in_mark[k] >= 0 or self._is_media(np) or self.toks[k].lower in self.lex.pronouns:
            return
        if np.j < hi and (self.toks[np.j].is_word and self.toks[np.j].cap):
            return
        spk = make_speaker(self.toks, np, self.parsed, self.ex, self.ctx, self.lex)
        if spk.actor is not None or has_name(self.toks, np, self.lex):     # ("Die USA griffen ein.")
            self.cands.append((spk.start or 0, s, spk))

    def _speaker(self, span: Span | None, s: int) -> Speaker | None:
        if span is None:
            return None
        spk = make_speaker(self.toks, span, self.parsed, self.ex, self.ctx, self.lex)
        if spk.text.lower() in self.lex.pronouns:
            ante = self._antecedent(s, spk.start or 0, self.lex.pronouns.get(spk.text.lower(), ""))
            if ante is not None:
                spk.actor = ante.actor
                spk.antecedent = ante.antecedent or ante.text
        elif (spk.actor is not None or has_name(self.toks, span, self.lex)) and not self._is_media(span):
            self.cands.append((spk.start or 0, s, spk))
        return spk

    def _antecedent(self, s: int, pos: int, gender: str = "") -> Speaker | None:
        """A pronoun speaker is the nearest named speaker or sentence subject before it (at most
        four sentences back), else the last person the actor layer found before it.  A
        gendered singular pronoun ("er", "he", "she") skips states and organisations."""
        near = [c for c in self.cands if c[0] < pos and s - c[1] <= 4
                and not (gender and self._not_person(c[2]))]
        if near:
            return max(near, key=lambda c: c[0])[2]
        best = None
        for m in self.ex.mentions:
            if m.end <= pos and (m.type or "").upper().startswith("PER") and (best is None or m.end > best.end):
                best = m
        if best is not None:
            return Speaker(best.text, best.actor, start=best.start, end=best.end)
        return None

    @staticmethod
    def _not_person(spk: Speaker) -> bool:
        """A speaker resolved to something other than a person ("Russland" is no "er")."""
        return spk.actor is not None and not spk.actor.startswith("person:")

    def _make(self, s_first: int, s_last: int, start: int, end: int, spk: Speaker | None, cue: str | None,
              kind: str, hedged: bool, message: list[tuple[int, int]], source: tuple[int, int] | None,
              form: str, rule: str, channel_skip: tuple[int, int] | None) -> QuoteMatch:
        doc = self.parsed.doc
        ev = self.parsed.evidence(start, end)
        channel = self._channel(s_first, channel_skip) or (self._channel(s_last, channel_skip) if s_last != s_first else None)
        q = Quote(
            id=stable_id(doc.id, start, end, prefix="q:"), doc=doc.id, speaker=spk,
            text=self.text[start:end], kind="reported" if hedged else kind,  # type: ignore[arg-type]
            start=start, end=end, evidence=ev, cue=cue, channel=channel, date=self._date(s_first),
            hedged=hedged, stage=NAME,
        )
        return QuoteMatch(q, message, source, form, rule)

    # ------------------------------------------------------------------ direct and partial quotes
    def _is_term(self, m: Marked, qo: int, qc: int, partial: bool) -> bool:
        text, lex = self.text, self.lex
        nwords = self._words(qo + 1, qc)
        if m.close + 1 < len(text) and (text[m.close + 1].isalnum() or text[m.close + 1] == "-"):
            return True                                  # „America-First“-Außenpolitik
        if m.open > 0 and (text[m.open - 1].isalnum() or text[m.open - 1] == "-"):
            return True
        prev = [t.lower for t in self.toks[max(self.sent_first[self.toks[qo].sent], qo - 3):qo]]
        if (prev and prev[-1] in lex.term_introducers) or (
                len(prev) > 1 and prev[-1] in lex.determiners and prev[-2] in lex.term_introducers):
            return True                                  # vom Typ „Kinschal“, der Begriff der „Koordination“
        if partial:
            content = [t for t in self.toks[qo + 1:qc] if t.is_word]
            long_words = [t for t in content if len(t.text) > 3]
            if nwords <= 5 and long_words and all(t.cap for t in long_words):
                return True                              # „Koalition der Willigen“, „America First“, „Deal“
            if nwords < self.st.min_partial_words and not self._clause_cue(qo, qc):
                return True                              # „Koordination“ with no speech verb beside it
            if nwords <= 4 and not any(t.pos in ("VERB", "AUX") for t in self.toks[qo + 1:qc]) \
                    and _quoted_count(text, text[m.open + 1:m.close]) > 1:
                return True                              # the same short verbless phrase quoted again: a label
        return False

    def _clause_cue(self, qo: int, qc: int) -> bool:
        """A speech verb in the same clause as the marks ("warnte vor einem „populistischen Wahlkampf“")."""
        s = self.toks[qo].sent
        a, b = self.sent_first[s], self.sent_end[self.toks[qc].sent]
        lo = next((k + 1 for k in range(qo - 1, a - 1, -1) if self.toks[k].text in {",", ":", ";"}), a)
        hi = next((k for k in range(qc + 1, b) if self.toks[k].text in {",", ":", ";", "."}), b)
        return self._find_cue(lo, hi) is not None

    def _direct(self, m: Marked) -> QuoteMatch | None:
        toks, lex = self.toks, self.lex
        qo, qc = self.by_start[m.open], self.by_start[m.close]
        if self._words(qo + 1, qc) == 0:
            return None
        s_o, s_c = toks[qo].sent, toks[qc].sent
        s_lo, s_hi = self.sent_first[s_o], self.sent_end[s_c]
        content_first = next((t for t in toks[qo + 1:qc] if t.is_word), None)
        prev = toks[qo - 1] if qo > s_lo else None
        starts_sentence = prev is None or prev.text in {":", "–", "—", "("} or (
            prev.text == "," and content_first is not None and content_first.cap)
        partial = not (starts_sentence and content_first is not None and (content_first.cap or content_first.text[0].isdigit()))
        if self._is_term(m, qo, qc, partial):
            return None
        last_inner = toks[qc - 1].text
        spk_span: Span | None = None
        cue: str | None = None
        hedged = False
        rule = ""
        attr_lo, attr_hi = s_lo, qo
        # 1. trailing cue: „…“, sagte X / „…“, so X / "…," X said
        k = qc + 1
        if k < s_hi and (toks[k].text == "," or last_inner in {",", "!", "?"} or self._cue_at(k, s_hi)):
            if toks[k].text == ",":
                k += 1
            hi = self._trailer_end(k, s_hi)
            found = self._trailer(k, hi)
            if found is not None:
                spk_span, cue, rule = found
                attr_lo, attr_hi = k, hi
        # 2. leading cue: X sagte: „…“ / Militärchef: „…“ / ... damit, „…“
        if spk_span is None and prev is not None and self.in_mark[prev.i] < 0:
            lo = self._clause_start(s_o, qo) if prev.text != ":" else self._clause_start(s_o, qo - 1)
            v = self._find_cue(lo, qo)
            if v is not None and (prev.text in {":", ","} or prev.i == v or partial):
                spk_span, cue, rule = subject_of(toks, v, lex, lo), self._cue_text(v, qo), "lead-cue"
                attr_lo, attr_hi = lo, qo
            elif prev.text == ":" and qo - 1 - lo <= 6:
                np = chunk_np(toks, lo, lex, limit=qo - 1)
                if np is not None and np.j == qo - 1:
                    spk_span, rule = np, "lead-colon"
                    attr_lo, attr_hi = lo, qo
            if spk_span is None and prev.text == ":" and not partial:
                spk_span = self._colon_subject(lo, qo - 1)      # "X zeigte sich zuversichtlich: „…“"
                rule, attr_lo, attr_hi = "colon-subject", lo, qo
        # 2b. the sentence before ends in a colon: "Die Firma weist die Kritik zurück:" / „…“
        if spk_span is None and prev is None and not partial and s_o > 0 and not self._para_break(s_o) \
                and toks[s_lo - 1].text == ":" and self.in_mark[s_lo - 1] < 0:
            c = s_lo - 1
            lo = self._clause_start(s_o - 1, c)
            v = self._find_cue(lo, c)
            spk_span = subject_of(toks, v, lex, lo) if v is not None else self._colon_subject(lo, c)
            cue = self._cue_text(v, c) if v is not None else None
            rule, attr_lo, attr_hi = "colon-before", lo, c
        # 3. a cue elsewhere in the sentence (partial quotes: „…“ inside "X bezeichnete ... als „…“")
        if spk_span is None and partial:
            v = self._find_cue(s_lo, s_hi)
            if v is not None:
                cs = self._clause_start(toks[v].sent, v)
                spk_span, cue, rule = subject_of(toks, v, lex, cs), self._cue_text(v, s_hi), "sentence-cue"
                attr_lo, attr_hi = s_lo, s_hi
        if spk_span is None and partial:
            return None                                  # a phrase in marks with no speaker: scare quote
        if spk_span is None and last_inner == "?":
            return None                                  # a question with no speaker: headline/title
        speaker = self._speaker(spk_span, s_o) if spk_span is not None else None
        if speaker is None:
            prev_spk = self.state.quote_sents.get(s_o - 1)
            if prev_spk is not None and not self._para_break(s_o):
                speaker, rule = prev_spk, "continuation"
            elif not self.st.unattributed:
                return None
            else:
                near = [c for c in self.cands if c[0] < m.open and s_o - c[1] <= 2]
                if near:
                    speaker, rule = max(near, key=lambda c: c[0])[2], "context"
        if spk_span is not None and self._is_media(spk_span) and not self.st.media_sources:
            return None
        hedged = self._hedged(attr_lo, attr_hi)
        self.state.quote_sents[s_c] = speaker
        start, end = m.start, m.end
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        source = (speaker.start, speaker.end) if speaker and speaker.start is not None else None
        return self._make(s_o, s_c, start, end, speaker, cue, "partial" if partial else "direct", hedged,
                          [(m.open, m.close + 1)], source, "direct", rule or "none", (m.open, m.close + 1))

    def _colon_subject(self, lo: int, c: int) -> Span | None:
        """The subject of a clause that announces a quote with a colon but no speech verb
        ("Die Bewohner sehen das gelassen:", "Dabei griff sie den Präsidenten an:"); never for
        a clause that names or titles something ("Das Motto lautet:")."""
        toks, lex = self.toks, self.lex
        words = [t for t in toks[lo:c] if t.is_word]
        if len(words) < 2 or any(t.lower in _NAMING_VERBS for t in words):
            return None
        # the finite verb: the first lower-case word after the first field
        v = next((k for k in range(lo + 1, c) if toks[k].text.isalpha() and not toks[k].cap
                  and toks[k].lower not in lex.determiners and toks[k].lower not in lex.prepositions
                  and toks[k].lower not in lex.stop_words and toks[k].lower not in lex.adverbs
                  and (not toks[k].lower.endswith(("en", "er", "es", "em", "e")) or toks[k].lower.endswith(("te", "ten"))
                       or toks[k].lower in lex.auxiliaries or toks[k].lower in self.verbs)), None)
        if v is None:
            return None
        np = subject_of(toks, v, lex, lo)
        if np is None or toks[np.i].lower in lex.term_introducers or (np.j - np.i == 1 and not toks[np.i].is_word):
            return None
        from lagebild.extract.quotes_speaker import head_noun
        if head_noun(toks, np, lex) in lex.term_introducers:
            return None
        return np

    def _para_break(self, s: int) -> bool:
        a = self.parsed.sents[s - 1].end if s > 0 else 0
        return "\n\n" in self.text[a:self.parsed.sents[s].start]

    def _trailer_end(self, k: int, s_hi: int) -> int:
        for i in range(k, s_hi):
            if self.toks[i].text in _FINAL or (self.in_mark[i] >= 0):
                return i
            if self.toks[i].text == "," and i + 1 < s_hi and self.in_mark[i + 1] >= 0:
                return i
        return s_hi

    def _trailer(self, k: int, hi: int) -> tuple[Span | None, str | None, str] | None:
        toks, lex = self.toks, self.lex
        if k >= hi:
            return None
        t = toks[k]
        if t.lower in lex.trailer_words:
            np = chunk_np(toks, k + 1, lex, limit=hi)
            return (np, t.text, "so-trailer") if np is not None else None
        if self._cue_at(k, hi):
            np = subject_of(toks, k, lex, k)
            return (np, self._cue_text(k, hi), "trail-cue") if np is not None else None
        if t.lower in lex.auxiliaries and not t.cap:
            v = self._find_cue(k + 1, hi)
            np = chunk_np(toks, k + 1, lex, limit=hi)
            if v is not None and np is not None:
                return np, f"{t.text} {toks[v].text}", "trail-aux"
            return None
        np = chunk_np(toks, k, lex, limit=hi)                # English order: "…," he said
        if np is not None and np.j < hi and self._cue_at(np.j, hi):
            return np, self._cue_text(np.j, hi), "trail-np-cue"
        return None


def _dedupe(found: list[QuoteMatch]) -> list[QuoteMatch]:
    """The same words quoted twice (headline and body) are one statement: keep the
    better-attributed record (named actor > description > pronoun > none)."""
    def score(q: QuoteMatch) -> tuple[int, int, int]:
        spk = q.quote.speaker
        if spk is None:
            return (0, 0, 0)
        rank = 3 if spk.actor else 1 if spk.antecedent is not None or spk.anonymous else 2
        return (rank, sum(1 for w in spk.text.split() if w[:1].isupper()), 1 if q.quote.cue else 0)

    best: dict[str, QuoteMatch] = {}
    order: list[str] = []
    for q in found:
        key = re.sub(r"\W+", " ", q.quote.text.lower()).strip()
        if key not in best:
            best[key] = q
            order.append(key)
        elif score(q) >= score(best[key]):   # a tie goes to the later (body) one
            best[key] = q
    return sorted((best[k] for k in order), key=lambda q: q.quote.start)
