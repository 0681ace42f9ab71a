"""Triggers and status cues of one sentence for ``events.rules.v2`` (see events.py).

A sentence is cut into clauses at commas, dashes and colons; status cues work inside
the trigger's clause, governing verbs ("weigert sich", "fordert") reach into the
infinitive or dass-clause after them.
"""
from __future__ import annotations

import re

from lagebild.extract.events_lexicon import EventLexicon, TriggerRule
from lagebild.model import Sentence, Token

PUNCT = re.compile(r"^\W+$")
STATUS_RANK = {"negated": 0, "hypothetical": 1, "demanded": 2, "planned": 3}
# The AID reading of a named weapon under a request or refusal (no trigger word of its own).
ITEM_AID = TriggerRule(type="AID", pattern=re.compile(r"(?!)"), mode="weapons", kind="noun", delivery=True)
# "treffen" read as "hit" when a weapon is in its clause.
HIT = TriggerRule(type="ASSAULT", pattern=re.compile(r"(?!)"), mode_from=True)


def clauses(words: list[str], lex: EventLexicon) -> list[int]:
    """Clause number per token.  A parenthesis ("Rainer Kuhlmann ( FDP ) warf ... vor")
    is a clause of its own, and the clause it interrupts goes on after it: the subject
    before it and the separable particle after it stay in one clause."""
    clause, top, out = 0, 0, []
    outer: list[int] = []
    for w in words:
        if w == "(":
            outer.append(clause)
            top += 1
            clause = top
        elif w == ")" and outer:
            out.append(clause)
            clause = outer.pop()
            continue
        elif w in lex.clause_breaks:
            top += 1
            clause = top
        out.append(clause)
    return out


def _clause_final(words: list[str], clause_of: list[int], clause: int) -> str | None:
    idx = [i for i, c in enumerate(clause_of) if c == clause and not PUNCT.match(words[i])]
    return words[idx[-1]] if idx else None


def find_triggers(toks: list[Token], words: list[str], clause_of: list[int], lex: EventLexicon) -> list[tuple[int, TriggerRule]]:
    hits: list[tuple[int, TriggerRule]] = []
    for i, t in enumerate(toks):
        if PUNCT.match(t.text):
            continue
        rule = lex.trigger_at(words[i], t.lemma.lower(), t.text[:1].isupper(), i == 0 or words[i - 1] in ("„", '"', "«"))
        if rule is None:
            continue
        if rule.particle and _clause_final(words, clause_of, clause_of[i]) != rule.particle:
            continue
        if rule.kind == "noun" and _in_institution_name(i, words, lex):
            continue
        if rule.not_after is not None and i > 0 and rule.not_after.fullmatch(words[i - 1]):
            continue
        if rule.not_before:
            k = i + 1      # "spricht bereits von ...": adverbs do not hide the preposition
            while k < len(words) and words[k] in lex.skip_adverbs:
                k += 1
            if k < len(words) and words[k] in rule.not_before:
                continue
        if rule.next_word and not (i + 1 < len(words) and words[i + 1] in rule.next_word):
            continue
        if rule.needs == "threat" and not any(w in " ".join(words) for w in lex.threat_words):
            continue
        if rule.needs == "delivery":
            same = [j for j, c in enumerate(clause_of) if c == clause_of[i] and j != i]
            if not any(lex.delivery.fullmatch(words[j]) or lex.item_of(words[j]) for j in same + [i]):
                continue
        if rule.type == "CONSULT" and words[i] in lex.hit_verbs:
            same = [words[j] for j, c in enumerate(clause_of) if c == clause_of[i]]
            if lex.assault_mode(same):     # "von Raketen getroffen": hit, not met
                rule = HIT
        hits.append((i, rule))
    # A stop of deliveries replaces the AID reading of the delivery word in its clause.
    stops = {clause_of[i] for i, r in hits if r.needs == "delivery"}
    hits = [(i, r) for i, r in hits if not (r.delivery and r.type == "AID" and clause_of[i] in stops)]
    # "Selenskyj bat Trump um Tomahawks": a weapon asked for (or refused) is a demanded
    # (or negated) delivery even without a delivery word.
    aid_clauses = {clause_of[i] for i, r in hits if r.type in ("AID", "SANCTION")}
    for k, r in list(hits):
        if r.governs not in ("demanded", "negated") or clause_of[k] in aid_clauses:
            continue
        item = next((j for j in range(k + 1, len(words)) if clause_of[j] == clause_of[k] and lex.item_of(words[j])), None)
        if item is not None:
            hits.append((item, ITEM_AID))
            aid_clauses.add(clause_of[k])
    return sorted(hits, key=lambda h: h[0])


def _in_institution_name(i: int, words: list[str], lex: EventLexicon) -> bool:
    """"Bundesamt für ... Katastrophenhilfe", "Ministry for Cooperation": part of a name."""
    for k in range(max(0, i - 5), i):
        if words[k] in ("für", "for", "of") and k > 0 and words[k - 1].endswith(lex.name_heads) and lex.name_heads:
            return not any(w in (",", ";", ":", ".") for w in words[k:i])
    return False


def status_of(i: int, rule: TriggerRule, words: list[str], toks: list[Token], clause_of: list[int],
            hits: list[tuple[int, TriggerRule]], lex: EventLexicon, question: str | None) -> str:
    cues: list[str] = []
    clause = [j for j, c in enumerate(clause_of) if c == clause_of[i]]
    noun = rule.kind == "noun"
    for j in clause:
        w = words[j]
        if j == i:
            continue
        if w in lex.negation and not (j + 1 < len(words) and words[j + 1] in lex.negation_exceptions):
            # A noun event is negated only by a determiner right before it ("keine Lieferungen").
            if not noun or 0 < i - j <= 3:
                cues.append("negated")
        if w in lex.hypothetical:
            cues.append("hypothetical")
        if w in lex.future_aux and not noun and not lex.participle.fullmatch(words[i]):
            cues.append("planned")
        if lex.case_nouns and j > 0 and toks[j].text[:1].isupper() and w in lex.planned:
            pass                        # "am Morgen" (a noun) is not "morgen" (tomorrow)
        elif w in lex.planned and j > 0 and words[j - 1] in lex.negation:
            cues.append("negated")      # "Ein Treffen ist nicht geplant"
        elif w in lex.planned:
            if not _perfect_infinitive(words, clause, lex):
                cues.append("planned")
    # Governing verbs before the trigger reach into its infinitive or dass-clause.
    governed = _governed_by(i, words, clause_of, hits, lex)
    if governed:
        cues.append(governed)
    for j in clause:   # German verb-final clauses: "... Waffenlieferungen verweigern"
        if j <= i:
            continue
        trig = next((r for k, r in hits if k == j), None)
        if trig is not None:
            if trig.governs:
                cues.append(trig.governs)
        else:
            cues.extend(st for st, cue_words in lex.governing.items() if words[j] in cue_words)
    if i > 0 and words[i - 1] in ("zu", "to") and clause_of[i] > 0:
        # "..., um Trump zu treffen": a purpose clause shares the plan or condition of its main clause.
        main = [j for j, c in enumerate(clause_of) if c == clause_of[i] - 1]
        cues.extend("planned" for j in main if words[j] in lex.planned)
        cues.extend("hypothetical" for j in main if words[j] in lex.hypothetical)
    opener = next((w for w in words if not PUNCT.match(w)), "")
    if opener in lex.conditional_openers:
        cues.append("hypothetical")
    if question == "yesno":
        cues.append("hypothetical")
    if not cues:
        return "occurred"
    return min(cues, key=lambda s: STATUS_RANK[s])


def _perfect_infinitive(words: list[str], clause: list[int], lex: EventLexicon) -> bool:
    """"soll ... getroffen haben" reports a past event, not a plan."""
    tail = [words[j] for j in clause if not PUNCT.match(words[j])][-2:]
    return len(tail) == 2 and tail[-1] in lex.perfect_infinitive and bool(lex.participle.fullmatch(tail[0]))


def _governed_by(i: int, words: list[str], clause_of: list[int], hits: list[tuple[int, TriggerRule]],
                 lex: EventLexicon) -> str | None:
    own = clause_of[i]
    infinitive = (i > 0 and words[i - 1] == "zu") or "zu" in [words[j] for j, c in enumerate(clause_of) if c == own]
    first_of_clause = next((words[j] for j, c in enumerate(clause_of) if c == own and not PUNCT.match(words[j])), "")
    reach = infinitive or first_of_clause in ("dass", "that", "um", "to")
    for j in range(i - 1, -1, -1):
        if clause_of[j] != own and not reach:
            break
        if clause_of[j] < own - 2:
            break
        for status, cue_words in lex.governing.items():
            if words[j] in cue_words:
                # The governing word must not be this trigger's own (REJECT "weigert" itself occurred).
                return status
        trig = next((r for k, r in hits if k == j and r.governs), None)
        if trig is not None:
            return trig.governs
    return None


def question_kind(sent: Sentence, words: list[str], lex: EventLexicon) -> str | None:
    if not sent.text.rstrip().endswith("?"):
        return None
    return "wh" if words and words[0] in lex.wh_words else "yesno"
