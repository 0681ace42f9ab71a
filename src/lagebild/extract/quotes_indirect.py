"""Indirect speech rules of the quote extractor (``quotes.rules.v1``).

"X sagte, (dass) ...", Konjunktiv I clauses, "laut X", "nach Angaben X", "X zufolge",
"wie X mitteilte", ", so X", "Demnach ...", "heißt es", English "said that", free
indirect speech that continues a statement, and (as an option) bare speech acts.

:class:`IndirectRules` is a mixin of the per-document pass in :mod:`lagebild.extract.quotes`;
it reads the host's token view (``toks``, ``sent_first``, ``sent_end``, ``in_mark``,
``by_start``, ``verbs``), settings ``st``, ``state``, ``out`` and helper methods.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lagebild.extract.quotes_speaker import Span, chunk_np, subject_of

if TYPE_CHECKING:
    from lagebild.extract.quotes import QuoteMatch

_KONJ2 = frozenset({"wäre", "wären", "hätte", "hätten", "würde", "würden", "könnten", "müssten"})
FINAL = {".", "!", "?", "…", ";"}
_FINAL = FINAL
_ZU_INF = re.compile(r"\wzu\w{3,}en$")           # "anzusprechen", "zurückzutreten"
# words that open a relative or adverbial clause, not the content of what was said
_EN_CLAUSE_AUX = frozenset({"would", "will", "was", "were", "is", "are", "had", "has", "have", "could", "can",
                            "should", "must", "might", "may"})
_NOT_COMPLEMENT = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches",
                             "wo", "als", "wenn", "weil", "da", "nachdem", "während", "obwohl", "bevor", "um",
                             "which", "who", "when", "while", "after", "before", "because", "as"})


class IndirectRules:
    """Indirect speech over one sentence at a time (mixin, see the module docstring)."""

    toks: Any
    lex: Any
    st: Any
    state: Any
    out: list

    # ------------------------------------------------------------------ indirect speech
    def _indirect(self, s: int, direct: list[QuoteMatch]) -> None:
        lo, hi = self.sent_first[s], self.sent_end[s]
        if hi - lo < 3:
            return
        outside = [i for i in range(lo, hi) if self.in_mark[i] < 0]
        if len(outside) < 0.5 * (hi - lo):
            self.state.prev_indirect = None
            return
        full = [q for q in direct if q.quote.kind != "partial"]
        if full:
            spk = full[-1].quote.speaker
            self.state.prev_indirect = (s, spk, full[-1].source) if spk is not None else None
            return
        found = self._indirect_rules(s, lo, hi)
        if found is None:
            found = self._continuation(s, lo, hi)
        if found is None and self.st.speech_acts and not direct:
            found = self._speech_act(s, lo, hi)
        if found is None:
            return          # (the last statement stays in view for free indirect speech after a gap)
        spk_span, speaker, cue, msg, source, rule = found
        if spk_span is not None and self._is_media(spk_span) and not self.st.media_sources:
            return
        if speaker is None and not self.st.unattributed:
            return
        parts = [self._trim(p) for p in (msg if isinstance(msg, list) else [msg])]
        parts = [p for p in parts if p[1] > p[0]]
        if not parts or sum(self._words(a, b) for a, b in parts) < 3:
            return
        spans = [(self.toks[a].start, self.toks[b - 1].end) for a, b in parts]
        # the record's text runs from the first part to the last ("Die Feuerwehr hat laut Polizei
        # bislang ..."): a reader sees the whole clause; the span benchmark gets the parts
        ms, me = spans[0][0], spans[-1][1]
        # a partial quote inside this clause is the same statement: keep the quote, widen its message
        for q in direct:
            if ms <= q.quote.start and q.quote.end <= me:
                q.message = spans
                q.form = "indirect"
                return
        hedged = self._hedged(lo, hi) or bool(speaker and speaker.anonymous and speaker.text.lower().startswith("insider"))
        if rule == "heisst-es" and spk_span is not None:
            hedged = False      # "In der Erklärung heißt es" cites a document; only a bare "es heißt" hedges
        form = "reported" if rule == "speech-act" else "indirect"
        if rule in ("speech-act", "free-indirect"):     # the whole sentence is the message (SpkAtt style)
            ms, me = self.toks[lo].start, self.toks[hi - 1].end
            spans = [(ms, me)]
        last = self.out[-1] if self.out else None
        if rule == "free-indirect" and last is not None and last.rule == "free-indirect" \
                and last.quote.speaker is speaker and self.toks[self.by_start[last.quote.start]].sent == s - self._span_sents(last):
            # one statement continued over several sentences: one record
            last.message.append((ms, me))
            last.quote.end = me
            last.quote.text = self.text[last.quote.start:me]
            last.quote.evidence = self.parsed.evidence(last.quote.start, me)
            self.state.prev_indirect = (s, speaker, source)
            return
        qm = self._make(s, s, ms, me, speaker, cue, form, hedged, spans, source, form, rule, None)
        self.out.append(qm)
        self.state.prev_indirect = (s, speaker, source)

    def _span_sents(self, qm: QuoteMatch) -> int:
        """How many sentences the record covers (for chaining free indirect speech)."""
        return len(qm.message)

    def _trim(self, msg: tuple[int, int]) -> tuple[int, int]:
        a, b = msg
        while a < b and self.toks[a].text in {",", ":", "–", "-", "—"}:
            a += 1
        while b > a and self.toks[b - 1].text in _FINAL | {",", ":", "–", "—"}:
            b -= 1
        return a, b

    def _indirect_rules(self, s: int, lo: int, hi: int) -> tuple | None:
        toks, lex = self.toks, self.lex
        words = [t.lower for t in toks[lo:hi]]
        # "Wie X mitteilte, ..." / "As X said, ..."
        k0 = lo + (1 if words[0] in ("und", "doch", "aber", "and", "but") else 0)
        if toks[k0].lower in lex.as_words:
            comma = next((i for i in range(k0 + 1, hi) if toks[i].text == ","), None)
            k1 = k0 + 1
            while k1 < hi and toks[k1].lower in lex.adverbs:
                k1 += 1                                   # "Wie schon die WHO sagte, ..."
            if comma is not None:
                v = self._find_cue(k1, comma + 1)
                np = chunk_np(toks, k1, lex, limit=comma)
                if v is not None and np is not None:
                    sp = self._speaker(np, s)
                    return np, sp, toks[v].text, (comma + 1, hi), (toks[np.i].start, toks[np.j - 1].end), "as-clause"
        # "laut X ...", "nach Angaben X ...", "according to X, ..."
        for i in range(lo, hi):
            if self.in_mark[i] >= 0:
                continue
            for pre in lex.source_prefixes:
                n = len(pre)
                if tuple(words[i - lo:i - lo + n]) == pre:
                    np = chunk_np(toks, i + n, lex, limit=hi)
                    if np is None:
                        continue
                    src_from = i + 1 if n > 1 else i + n          # SpkAtt: "Angaben der Polizei"
                    sp = self._speaker(np, s)
                    msg = self._cut(lo, hi, i, np.j)
                    return np, sp, " ".join(t.text for t in toks[i:i + n]), msg, \
                        (toks[src_from].start, toks[np.j - 1].end), "source-prefix"
            if words[i - lo] in lex.source_nouns_prep and lo < i - 1 and toks[i - 1].lower.endswith(lex.source_nouns) \
                    and toks[i - 2].lower in lex.determiners:
                # "seiner Ansicht nach", "ihrer Meinung nach"
                span = Span(i - 2, i)
                sp = self._speaker(span, s)
                return span, sp, toks[i].text, self._cut(lo, hi, i - 2, i + 1), \
                    (toks[i - 2].start, toks[i - 1].end), "source-postfix"
            if words[i - lo] in lex.source_postfixes and i > lo:
                for a in range(max(lo, i - 6), i):
                    np = chunk_np(toks, a, lex, limit=i)
                    if np is not None and np.j == i:
                        sp = self._speaker(np, s)
                        return np, sp, toks[i].text, self._cut(lo, hi, a, i + 1), \
                            (toks[np.i].start, toks[np.j - 1].end), "source-postfix"
        found = self._source_noun(s, lo, hi, words) or self._comma_trailer(s, lo, hi) or self._anaphoric(s, lo, hi)
        if found is not None:
            return found
        # "X sagte, (dass) ..." / "X warf Moskau vor, ... zu haben" / "X said (that) ..."
        v = self._find_cue(lo, hi)
        while v is not None:
            found = self._verb_clause(s, v, lo, hi)
            if found is not None:
                return found
            v = self._find_cue(v + 1, hi)
        return None

    def _source_noun(self, s: int, lo: int, hi: int, words: list[str]) -> tuple | None:
        """"nach Angaben der Polizei ...", "nach Polizeiangaben ...", "nach Auffassung Österreichs ..."."""
        toks, lex = self.toks, self.lex
        for i in range(lo, hi - 1):
            if words[i - lo] not in lex.source_nouns_prep or self.in_mark[i] >= 0:
                continue
            j = i + 1
            while j < hi and (toks[j].lower in lex.determiners or (not toks[j].cap and toks[j].lower.endswith(("en", "er", "e")))):
                j += 1
            if j >= hi or not toks[j].cap or not toks[j].lower.endswith(lex.source_nouns):
                continue
            nxt = toks[j + 1] if j + 1 < hi else None
            np = None
            if nxt is not None and nxt.lower in ("von", "aus"):          # "nach Angaben von X", "aus Khartum"
                np = chunk_np(toks, j + 2, lex, limit=hi)
            elif nxt is not None and (nxt.lower in lex.determiners or (nxt.cap and nxt.is_word)
                                      or (not nxt.cap and nxt.lower.endswith("er") and nxt.is_word)):
                np = chunk_np(toks, j + 1, lex, limit=hi)                 # "nach Ansicht politischer Beobachter"
            span = Span(np.i, np.j) if np is not None else Span(j, j + 1)
            end = np.j if np is not None else j + 1
            sp = self._speaker(span, s)
            return span, sp, " ".join(t.text for t in toks[i:j + 1]), self._cut(lo, hi, i, end), \
                (toks[j].start, toks[end - 1].end), "source-noun"
        return None

    def _anaphoric(self, s: int, lo: int, hi: int) -> tuple | None:
        """"Demnach ..." / "Danach ...": the source is the report just cited; the speaker is
        that report's speaker (when one was found in the last two sentences)."""
        toks = self.toks
        if toks[lo].lower not in self.lex.anaphoric_sources or hi - lo < 4:
            return None
        prev = self.state.prev_indirect
        speaker = prev[1] if prev is not None and s - prev[0] <= 2 else None
        if speaker is None and not self.st.unattributed:
            return None
        return None, speaker, toks[lo].text, (lo + 1, hi), (toks[lo].start, toks[lo].end), "anaphoric"

    def _comma_trailer(self, s: int, lo: int, hi: int) -> tuple | None:
        """"..., so der Experte." and "..., wie ein Sprecher mitteilte." closing (or inside) a sentence."""
        toks, lex = self.toks, self.lex
        for c in range(lo + 3, hi - 1):
            if toks[c].text != "," or self.in_mark[c] >= 0:
                continue
            w = toks[c + 1].lower
            if w in lex.trailer_words:
                np = chunk_np(toks, c + 2, lex, limit=hi)
                if np is None or (np.j < hi and toks[np.j].is_word and toks[np.j].lower in self.verbs):
                    continue
                after = self._trim((np.j, hi))
                # ", so X," inside a sentence: the message is on both sides of it
                msg = [(lo, c), after] if self._words(*after) >= 2 else (lo, c)
                sp = self._speaker(np, s)
                return np, sp, toks[c + 1].text, msg, (toks[np.i].start, toks[np.j - 1].end), "so-comma"
            if w in lex.as_words:
                end = hi       # verb-final, possibly after an apposition: ", wie Burt Rutan, Chef der Firma, erklärte"
                v = self._find_cue(c + 2, end)
                np = chunk_np(toks, c + 2, lex, limit=end)
                if v is not None and np is not None and np.j <= v:
                    sp = self._speaker(np, s)
                    return np, sp, toks[v].text, (lo, c), (toks[np.i].start, toks[np.j - 1].end), "as-trailer"
        return None

    def _cut(self, lo: int, hi: int, a: int, b: int) -> list[tuple[int, int]]:
        """Message = the sentence without the cue and source phrase [a, b) (both sides)."""
        if b < hi and self.toks[b].text == ",":
            b += 1
        return [p for p in ((lo, a), (b, hi)) if self._words(*p) > 0]

    def _verb_clause(self, s: int, v: int, lo: int, hi: int) -> tuple | None:
        toks, lex = self.toks, self.lex
        vf = self._verb_form(v, hi)
        if vf is None:
            return None
        if v - 1 > lo and toks[v - 1].text == ",":
            found = self._trailing_indirect(s, v, lo, hi)     # "..., sagte X, Y und Z am Montag."
            if found is not None:
                return found
        cs = self._clause_start(s, v)
        comma = next((i for i in range(v + 1, hi) if toks[i].text in {",", ":"} and self.in_mark[i] < 0), None)
        body: tuple[int, int] | None = None
        if comma is not None and comma + 1 < hi:
            c = comma + 1
            window = [t.lower for t in toks[c:min(hi, c + 8)]]
            clause = [t.lower for t in toks[c:hi]]
            zu_clause = "zu" in clause or any(_ZU_INF.search(w) for w in clause)
            gap = [t for t in toks[v + 1:comma] if t.is_word and t.lower not in vf.particles]
            # "sagte am Montag, er werde ..." : a comma right after the cue opens its complement
            near = len(gap) <= 2 and window[0] not in _NOT_COMPLEMENT
            if window[0] in lex.complementizers or any(w in lex.subjunctive for w in window) or zu_clause or near \
                    or self._konj1(c, hi, reportive=False):
                body = (c, hi)
        if body is None and lex.lang == "en":
            # "said (on Tuesday) that ...", "said the talks would resume"
            that = next((k for k in range(v + 1, min(hi, v + 6)) if toks[k].lower == "that"), None)
            if that is not None and all(t.text != "," for t in toks[v + 1:that]):
                body = (that + 1, hi)
            elif v + 1 < hi and toks[v + 1].text != ",":
                np_b = chunk_np(toks, v + 1, lex, limit=hi)
                if np_b is not None and np_b.j < hi and toks[np_b.j].lower in _EN_CLAUSE_AUX:
                    body = (v + 1, hi)
        if body is None:
            return self._trailing_indirect(s, v, lo, hi)
        if self._find_cue(body[0], min(body[1], body[0] + 3)) is not None:
            return None         # "bestätigten den Angriff, teilten jedoch mit, es sei ...": the later cue owns it
        if vf.lemma in ("heißen",):
            # "In der Mitteilung des WWF heißt es, ...": the source is the document named in the
            # first field; "Es heißt, ..." has none (a hedge)
            np = chunk_np(toks, cs + 1, lex, limit=v) if toks[cs].lower in lex.prepositions else None
            if np is None and not self.st.unattributed:
                return None
            sp = self._speaker(np, s) if np is not None else None
            src = (toks[np.i].start, toks[np.j - 1].end) if np is not None else None
            return np, sp, self._cue_text(v, hi), body, src, "heisst-es"
        np = subject_of(toks, v, lex, cs)
        if np is None:
            return None
        sp = self._speaker(np, s)
        return np, sp, self._cue_text(v, hi), body, (toks[np.i].start, toks[np.j - 1].end), "verb-clause"

    def _trailing_indirect(self, s: int, v: int, lo: int, hi: int) -> tuple | None:
        """"Trump habe ..., sagte X." / "..., so X." — the cue closes the sentence."""
        toks, lex = self.toks, self.lex
        if v - 1 <= lo or toks[v - 1].text != ",":
            return None
        np = subject_of(toks, v, lex, v)
        if np is None:
            return None
        rest = toks[np.j:self._trailer_end(np.j, hi)]
        if len(rest) > (3 if lex.lang == "en" else 12) or any(
                t.lower in self.verbs or t.lower in lex.complementizers for t in rest):
            return None
        clause = [t.lower for t in toks[lo:v - 1]]
        if lex.lang == "de" and not any(w in lex.subjunctive for w in clause):
            return None
        sp = self._speaker(np, s)
        return np, sp, self._cue_text(v, hi), (lo, v - 1), (toks[np.i].start, toks[np.j - 1].end), "trailing-cue"

    def _speech_act(self, s: int, lo: int, hi: int) -> tuple | None:
        """"Müntefering sprach von einem Riesenerfolg." — a speech act with no quoted content."""
        v = self._find_cue(lo, hi)
        vf = self._verb_form(v, hi) if v is not None else None
        if v is None or vf is None:
            return None
        if any(t.lower in ("wird", "wurde", "wurden", "werden", "war") for t in self.toks[lo:v]):
            return None         # passive: "Als Drahtzieher wird die ETA vermutet" names no speaker
        np = subject_of(self.toks, v, self.lex, self._clause_start(s, v))
        if np is None:
            return None
        sp = self._speaker(np, s)
        return np, sp, self._cue_text(v, hi), (lo, hi), (self.toks[np.i].start, self.toks[np.j - 1].end), "speech-act"

    def _konj1(self, lo: int, hi: int, reportive: bool = True) -> bool:
        """A Konjunktiv-I verb near the start: listed forms, or a verb-like word in -e after a
        noun or pronoun ("Die Präsentation erfolge, sobald ..."); with ``reportive`` also
        the reportive "soll" ("Er soll beigetragen haben")."""
        toks, lex = self.toks, self.lex
        for k in range(lo, min(hi, lo + 10)):
            w = toks[k].lower
            if (w in lex.subjunctive and w not in _KONJ2) or (reportive and w in ("soll", "sollen")):
                return True
            if (lex.lang == "de" and k > lo and not toks[k].cap and len(w) > 4 and w.endswith("e") and w.isalpha()
                    and not w.endswith(("te", "de")) and w not in self.verbs and w not in lex.auxiliaries
                    and (toks[k - 1].cap or toks[k - 1].lower in lex.pronouns)
                    and toks[k - 1].lower not in lex.determiners
                    and (k + 1 >= hi or not toks[k + 1].cap or toks[k + 1].lower in lex.determiners)):
                return True
        return False

    def _continuation(self, s: int, lo: int, hi: int) -> tuple | None:
        """A sentence in Konjunktiv with no cue of its own continues the last statement: right
        after it (Konjunktiv I or II) or up to two sentences later in the same paragraph
        (Konjunktiv I only).  With ``unattributed`` the nearest named subject stands in."""
        if not self.st.free_indirect or self._find_cue(lo, hi) is not None:
            return None         # (a sentence with its own speech verb is its own statement)
        konj1 = self._konj1(lo, hi)
        konj2 = any(t.lower in _KONJ2 for t in self.toks[lo:min(hi, lo + 10)])
        prev = self.state.prev_indirect
        near = prev is not None and 0 < s - prev[0] <= 3 and not any(self._para_break(k) for k in range(prev[0] + 1, s + 1))
        # after a gap, only Konjunktiv I proper (a bare "soll" is too often the writer's own
        # hedge); the span benchmark (unattributed) counts reportive "soll" as well
        strict = konj1 if self.st.unattributed else self._konj1(lo, hi, reportive=False)
        if near and prev is not None and ((prev[0] == s - 1 and (konj1 or konj2)) or strict):
            return None, prev[1], None, (lo, hi), prev[2], "free-indirect"
        if self.st.unattributed and self._konj1(lo, hi, reportive=False):
            cands = [c for c in self.cands if c[1] < s and s - c[1] <= 3]
            if cands:
                spk = max(cands, key=lambda c: c[0])[2]
                src = (spk.start, spk.end) if spk.start is not None else None
                return None, spk, None, (lo, hi), src, "free-indirect"
        return None
