"""PLOVER events between actors: ``events.rules.v2``.

One pass per sentence:

1. **Triggers** — tokens that match a PLOVER type in ``lang/<code>/events.yaml``
   (verbs and, in German, capitalised nouns; separable verbs need their particle at
   the clause end: "warf Moskau ... vor").  A stop word for deliveries ("gestoppt")
   next to a delivery word turns AID into SANCTION ``discontinue``.
2. **Actors** — the actor mentions that the actor extractor put in ``ex.mentions``,
   plus internal stand-ins for "ich"/"wir" inside a direct quote (the speaker, or a
   government speaker's state) and a sentence-initial "Er" (``resolve_description``).
   Each mention gets a *marker*: the preposition that governs it ("mit X", "auf X",
   "zwischen X und Y"), genitive ("Verbündete der Ukraine") or none (subject/object).
   Source = unmarked actor before the trigger (clause first, then the sentence
   subject), the agent of a passive ("von X"), or a country adjective right before the
   trigger or item ("russische Angriffe", "amerikanischen Tomahawk").  Target = an
   actor behind a preposition that the type takes (``target_preps``), the next
   unmarked actor, or, for an ASSAULT on "die Hauptstadt", the place named in the
   previous sentence.  Places stand for their country ("Moskau" -> Russia; "Kiew"
   attacked -> Ukraine, with the place as ``location``).
3. **Status** — cues in the trigger's clause (negation, "könnte", "ob", "will",
   "geplant") and governing verbs before it ("weigert sich, ... zu liefern" ->
   negated; "fordert ... Lieferung" -> demanded).  A noun trigger is negated only by
   "kein" right before it: "Das Telefonat brachte keine Fortschritte" still occurred.
   Yes/no questions are hypothetical; a wh-question headline ("Warum weigert sich
   Trump, ... zu liefern?") presupposes its event and is read like a statement.
   A requested delivery turns round: "X fordert von Y Patriots" -> AID Y->X, demanded.
4. **Date** — the time expression of the sentence nearest to the trigger (not one
   after "seit"/"bis").  An event without one gets no date (we do *not* inherit the
   publication date: that would invent precision), except when the sentence or the one
   before it ties it to another, dated event ("Nur Stunden nach dem Gespräch ...");
   then it takes that event's date with ``basis="near <event id>"``.
5. **Within-document merge** — mentions of the same event (type, actors, status,
   compatible date, item and place, and one of them a noun re-mention or both the same
   date) become one Event; the other sentences go to ``Event.mentions``.  A reciprocal
   event between states folds into the same-document one between their leaders.

v2 (precision on general news the rules were not written for; words in the YAML):
reporters (KB sector JRN, or named after "Nachrichtenagentur", "Zeitung") are never
parties; places act only as states through a capital ("Moskau"), otherwise they are
places or what is hit ("Europa", "Bayern" are no parties); a parenthesis ("( FDP )")
neither splits the clause nor is a party; the first part of a compound is a party only
with an actor head ("Hamas-Kämpfer", not "Ukraine-Friedensmarsch"); an attack noun takes
its clause subject as attacker only with a verb that carries it out ("begann mit dem
Beschuss"); "Beschuss des Gazastreifens durch X": the genitive is hit, "durch X" acts;
"griff Scholz scharf an" between politicians without force words is ACCUSE; "von Raketen
getroffen" is ASSAULT; "lehnte den Vorschlag des Ministers X ab" rejects X.  Measured on
hand-coded sentences: ``python benchmarks/events.py --sentences tests/data/events_sentences_de.yaml``.

Extensions of PLOVER (documented here and in the YAML): AID/SANCTION carry the
weapon ``item`` (Patriot, Tomahawk) and ``quantity``; ASSAULT mode ``missile``.
An event needs a source actor (PLOVER requires an actor) and, by default, a target:
an event is a relation between actors (``require_target=False`` keeps one-sided ones).

Measured (``python benchmarks/events.py``) and compared with a sentence classifier
(``benchmarks/events_classifier.py``: the rules win clearly, so none is combined).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from lagebild.extract.base import Context
from lagebild.extract.events_clauses import clauses, find_triggers, question_kind, status_of
from lagebild.extract.events_lexicon import EventLexicon, TriggerRule, get_lexicon
from lagebild.extract.events_parties import (
    NEEDS_TARGET,
    RECIPROCAL,
    SentActor,
    item_and_quantity,
    kb_actor,
    parties,
    sentence_actors,
)
from lagebild.model import DateValue, Event, Evidence, Extraction, Mention, ParsedDoc, Sentence, Timex, Token, stable_id
from lagebild.nlp.tokenize import tokenize

__all__ = ["EventExtractor", "RECIPROCAL_TYPES"]

STAGE = "events.rules.v2"
# Types where both sides act alike; the evaluation accepts them in either order.
RECIPROCAL_TYPES = RECIPROCAL



@dataclass
class _Found:
    """One trigger in one sentence, before merging."""

    sent_idx: int
    tok: int
    rule: TriggerRule
    type: str
    mode: str | None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    status: str = "occurred"
    item: str | None = None
    quantity: float | None = None
    location: str | None = None
    date: DateValue | None = None
    reported_by: str | None = None


class EventExtractor:
    """Fills ``ex.events``; needs ``ex.mentions`` (actors) and, for dates, ``ex.timexes``."""

    name = STAGE

    def __init__(self, lang: str | None = None, require_target: bool = True) -> None:
        self.lang = lang
        # An event is a relation between actors: one-sided acts without a named addressee
        # ("Putin lehnt jeden Vermittlungsversuch ab") are left to the stance stage.
        self.require_target = require_target

    def __call__(self, parsed: ParsedDoc, ex: Extraction, ctx: Context) -> None:
        lex = get_lexicon(self.lang or parsed.doc.language or "de")
        kb = ctx.kb if ctx is not None else None
        found: list[_Found] = []
        mentions = ex.mentions + _speaker_mentions(parsed, ex, kb, lex) + _pronoun_mentions(parsed, ex, ctx, lex)
        prev_places: list[SentActor] = []
        sent_actors: list[list[SentActor]] = []
        # each sentence gets only its own mentions (by bisection): filtering the whole list per
        # sentence was quadratic in the length of the document (8,000 short lines: 7 s)
        by_start = sorted(mentions, key=lambda m: m.start)
        starts = [m.start for m in by_start]
        for si, sent in enumerate(parsed.sents):
            toks = sent.tokens or tokenize(sent.text, sent.start)
            own = by_start[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]
            actors = sentence_actors(sent, toks, own, kb, lex)
            sent_actors.append(actors)
            if si > 0 and _new_paragraph(parsed, si):
                prev_places = []
            found.extend(f for f in _sentence_events(parsed, si, toks, actors, prev_places, ex.timexes, lex, kb)
                         if f.target or not self.require_target)
            prev_places = [a for a in actors if a.kind in ("location", "state")] or prev_places
        events = _fold_state_level(_merge(parsed, found, parsed.sents), kb)
        _carry_near_dates(parsed, events, lex)
        for ev, _ in events:
            _add_seat_states(ev, kb)
        ex.events.extend(ev for ev, _ in events)

    def pipe(self, items: list[tuple[ParsedDoc, Extraction]], ctx: Context) -> None:
        for parsed, ex in items:
            self(parsed, ex, ctx)


def _speaker_mentions(parsed: ParsedDoc, ex: Extraction, kb: object, lex: EventLexicon) -> list[Mention]:
    """„Wir werden die Ukraine weiter beliefern“, sagte Merz: "wir" is Germany, "ich" is Merz.

    Internal stand-ins for first-person pronouns inside direct quotes with a known speaker;
    they are not added to ``ex.mentions`` (that list belongs to the actor stage).
    """
    out: list[Mention] = []
    for q in ex.quotes:
        if q.kind not in ("direct", "partial") or q.speaker is None or not q.speaker.actor:
            continue
        person = kb_actor(kb, q.speaker.actor)
        country = getattr(person, "country", None)
        group = f"state:{country}" if country and getattr(person, "sector", None) == "GOV" else q.speaker.actor
        for tok in tokenize(parsed.doc.text[q.start:q.end], q.start):
            word = tok.text.lower()
            if word in lex.first_singular or word in lex.first_plural:
                actor = q.speaker.actor if word in lex.first_singular else group
                out.append(Mention(parsed.doc.id, tok.start, tok.end, tok.text, actor, "pronoun", "events:quote-speaker"))
    return out


def _pronoun_mentions(parsed: ParsedDoc, ex: Extraction, ctx: Context, lex: EventLexicon) -> list[Mention]:
    """A sentence-initial subject pronoun the actor stage left open ("Er warf Moskau vor"),
    resolved with its ``resolve_description`` (the most recent person of that gender).
    Only sentence-initial ones: mid-sentence "er" resolved by recency added wrong parties
    on the development gold.  Internal, like the quote stand-ins."""
    try:
        from lagebild.extract.actors import resolve_description
    except ImportError:          # the actor stage is optional; then pronouns stay open
        return []
    taken = [(m.start, m.end) for m in ex.mentions]
    out: list[Mention] = []
    for sent in parsed.sents:
        toks = sent.tokens or tokenize(sent.text, sent.start)
        for tok in toks[:1]:
            if tok.text.lower() not in lex.pronouns or any(s <= tok.start < e for s, e in taken):
                continue
            actor = resolve_description(tok.text, parsed, tok.start, ex, ctx)
            if actor:
                out.append(Mention(parsed.doc.id, tok.start, tok.end, tok.text, actor, "pronoun", "events:resolve_description"))
    return out


def _new_paragraph(parsed: ParsedDoc, si: int) -> bool:
    return "\n" in parsed.doc.text[parsed.sents[si - 1].end:parsed.sents[si].start]


def _sentence_events(parsed: ParsedDoc, si: int, toks: list[Token], actors: list[SentActor], prev_places: list[SentActor],
                     timexes: list[Timex], lex: EventLexicon, kb: object) -> list[_Found]:
    sent = parsed.sents[si]
    words = [t.text.lower() for t in toks]
    clause_of = clauses(words, lex)
    hits = find_triggers(toks, words, clause_of, lex)
    if not hits:
        return []
    question = question_kind(sent, words, lex)
    reporter = _reported_by(sent.text, lex)
    if reporter is not None:   # "Nach Angaben des Kremls ...": the reporter is no party
        actors = [a for a in actors if not (reporter[1] <= toks[a.first].start - sent.start < reporter[2])]
    roles = {i: parties(i, rule, rule.type, words, toks, clause_of, actors, hits, lex) for i, rule in hits}
    claimed = [a for r in roles.values() for a in r[3]]
    out: list[_Found] = []
    for i, rule in hits:
        type_ = rule.type
        src, tgt, place, used = roles[i]
        if not tgt and type_ in NEEDS_TARGET:
            others = [a for a in claimed if not any(a is u for u in used)]
            src, tgt, place, used = parties(i, rule, type_, words, toks, clause_of, actors, hits, lex, excluded=others)
        if type_ == "ASSAULT" and not tgt and prev_places and _has_target_phrase(i, words, clause_of, lex):
            # "... auf die Hauptstadt abgefeuert": the place named just before is the target.
            cand = [a for a in reversed(prev_places) if a.actor not in src]
            if cand:
                tgt = [cand[0].actor]
                place = place or (cand[0] if cand[0].kind == "location" else None)
        if type_ == "ASSAULT" and rule.kind == "verb" and tgt and not lex.has_force(words) \
                and all(a.kind in ("person", "organisation") for a in used if a.actor in tgt):
            # "Merz griff Scholz scharf an": between politicians, with no force named, an attack is criticism.
            type_ = "ACCUSE"
        status = status_of(i, rule, words, toks, clause_of, hits, lex, question)
        if type_ in ("AID", "SANCTION") and status == "demanded":
            src, tgt = _requested_from(i, hits, roles, src, tgt)
        if not src:
            continue  # PLOVER needs an actor; a bare "das Telefonat" is a re-mention
        if type_ in RECIPROCAL_TYPES and len(set(src) | set(tgt)) < 2:
            continue  # a meeting or cooperation needs two parties
        clause_words = [words[j] for j, c in enumerate(clause_of) if c == clause_of[i]
                        and not (reporter and reporter[1] <= toks[j].start - sent.start < reporter[2])]
        mode = rule.mode if type_ == rule.type else "disapprove"
        if type_ == "ASSAULT":
            mode = lex.assault_mode([words[i]] + clause_words) or mode
        if mode is None:
            mode = lex.mode_from_words(type_, clause_words)
        item, qty = (None, None)
        if type_ in ("AID", "SANCTION"):
            item, qty = item_and_quantity(i, words, clause_of, lex)
        f = _Found(si, i, rule, type_, mode, src, tgt, status, item, qty,
                   _location(place, kb), _date_near(toks[i].start, sent, timexes), reporter[0] if reporter else None)
        if f.date and parsed.doc.published and f.status == "occurred" and f.date.value > parsed.doc.published.value \
                and f.date.precision == "day":
            f.status = "planned"   # a dated event after publication has not happened yet
        out.append(f)
    return _dedupe_sentence(out)


def _has_target_phrase(i: int, words: list[str], clause_of: list[int], lex: EventLexicon) -> bool:
    """"... auf die Hauptstadt abgefeuert": the clause names a target, only not by name.
    Without one ("die Abwehr feindlicher Angriffe") the place named before is no target."""
    preps = lex.target_preps.get("ASSAULT", frozenset())
    return any(words[j] in preps for j, c in enumerate(clause_of) if c == clause_of[i] and j != i)


def _requested_from(i: int, hits: list[tuple[int, TriggerRule]], roles: dict[int, tuple], src: list[str],
                    tgt: list[str]) -> tuple[list[str], list[str]]:
    """"Selenskyj fordert von den USA die Lieferung von Patriots": the requested party
    gives (source), the one who asks receives (target) unless a recipient is named."""
    req = next((k for k, r in reversed(hits) if k < i and r.type == "REQUEST"), None)
    if req is None:
        return src, tgt
    asker, asked = roles[req][0], roles[req][1]
    new_src = asked or [s for s in src if s not in asker]
    new_tgt = [t for t in tgt if t not in asker] or asker
    return new_src, [t for t in new_tgt if t not in new_src]


def _dedupe_sentence(found: list[_Found]) -> list[_Found]:
    """Two triggers of one type for the same parties in one sentence are one event."""
    seen: dict[tuple, _Found] = {}
    for f in found:
        key = (f.type, tuple(f.source), tuple(f.target))
        if key not in seen:
            seen[key] = f
    return list(seen.values())


def _location(place: SentActor | None, kb: object) -> str | None:
    if place is None:
        return None
    return place.text


def _date_near(pos: int, sent: Sentence, timexes: list[Timex]) -> DateValue | None:
    """The calendar date nearest to the trigger; "seit Januar"/"bis Mai" bound a span, not the event."""
    usable = []
    for t in timexes:
        if not (sent.start <= t.start < sent.end) or not t.value or "X" in t.value:
            continue
        before = sent.text[max(0, t.start - sent.start - 7):t.start - sent.start].lower().split()
        if before and before[-1] in ("seit", "bis", "since", "until", "ab"):
            continue
        usable.append(t)
    if not usable:
        return None
    try:
        from lagebild.extract.timex import date_for_span
    except ImportError:  # time stage not installed: take the value as written
        t = min(usable, key=lambda t: abs(t.start - pos))
        return DateValue(t.value or "", t.precision or "day", t.text, t.basis)  # type: ignore[arg-type]
    return date_for_span(usable, sent.start, sent.end, at=pos)


def _reported_by(text: str, lex: EventLexicon) -> tuple[str, int, int] | None:
    """(who reports it, start, end of the attribution phrase in the sentence) or None."""
    for rx in lex.reported_by:
        m = rx.search(text)
        if m:
            who = m.group("who").strip()
            also = m.groupdict().get("also")
            return (f"{who} ({also.strip()})" if also else who), m.start(), m.end()
    return None


def _merge(parsed: ParsedDoc, found: list[_Found], sents: list[Sentence]) -> list[tuple[Event, list[int]]]:
    """One Event per real event: later mentions of the same event become ``Event.mentions``.

    Same type, parties and status, compatible date, item and place — and at least one of
    the two mentions is a noun ("das Telefonat", "die Angriffe": nouns re-mention) or both
    carry the same date.  Two undated verb clauses ("griff Kiew an" ... "griff Charkiw an")
    stay two events.
    """
    out: list[tuple[Event, list[int]]] = []
    nominal: dict[int, bool] = {}          # id(event) -> has a noun mention
    for f in found:
        sent = sents[f.sent_idx]
        ev_evidence = Evidence(parsed.doc.id, sent.start, sent.end, parsed.doc.text[sent.start:sent.end])
        parties = (tuple(sorted(set(f.source) | set(f.target))),) if f.type in RECIPROCAL_TYPES \
            else (tuple(f.source), tuple(f.target))
        match = None
        for ev, idxs in out:
            ev_parties = (tuple(sorted(set(ev.source) | set(ev.target))),) if ev.type in RECIPROCAL_TYPES \
                else (tuple(ev.source), tuple(ev.target))
            same_date = ev.date is not None and f.date is not None and ev.date.value == f.date.value
            if ev.type == f.type and ev_parties == parties and ev.status == f.status \
                    and _compatible(ev.date, f.date) and (ev.item is None or f.item is None or ev.item == f.item) \
                    and (ev.location is None or f.location is None or ev.location == f.location) \
                    and (f.rule.kind == "noun" or nominal[id(ev)] or same_date):
                match = (ev, idxs)
                break
        if match is not None:
            ev, idxs = match
            if f.sent_idx not in idxs:
                ev.mentions.append(ev_evidence)
                idxs.append(f.sent_idx)
            ev.date = ev.date or f.date
            ev.item = ev.item or f.item
            ev.quantity = ev.quantity if ev.quantity is not None else f.quantity
            ev.location = ev.location or f.location
            ev.reported_by = ev.reported_by or f.reported_by
            ev.mode = ev.mode or f.mode
            nominal[id(ev)] = nominal[id(ev)] or f.rule.kind == "noun"
            continue
        start = parsed.sents[f.sent_idx].start
        ev = Event(
            id=stable_id(parsed.doc.id, f.type, start, f.tok, prefix="ev:"), doc=parsed.doc.id, type=f.type,
            source=f.source, target=f.target, status=f.status,  # type: ignore[arg-type]
            evidence=ev_evidence, mode=f.mode, date=f.date, location=f.location, reported_by=f.reported_by,
            item=f.item, quantity=f.quantity, stage=STAGE,
        )
        out.append((ev, [f.sent_idx]))
        nominal[id(ev)] = f.rule.kind == "noun"
    return out


def _fold_state_level(events: list[tuple[Event, list[int]]], kb: object) -> list[tuple[Event, list[int]]]:
    """"Die Unterredung zwischen Moskau und Washington" is the Trump–Putin call of the same
    document: a reciprocal event between states folds into one between their leaders."""
    out: list[tuple[Event, list[int]]] = []
    for ev, idxs in events:
        parties = set(ev.source) | set(ev.target)
        host = None
        if ev.type in RECIPROCAL_TYPES and parties and all(p.startswith("state:") for p in parties):
            for other, oidx in events:
                if other is ev or other.type != ev.type or other.status != ev.status or not _compatible(other.date, ev.date):
                    continue
                countries = {f"state:{getattr(kb_actor(kb, p), 'country', None)}" for p in set(other.source) | set(other.target)}
                if countries == parties and not all(p.startswith("state:") for p in set(other.source) | set(other.target)):
                    host = (other, oidx)
                    break
        if host is None:
            out.append((ev, idxs))
            continue
        other, oidx = host
        other.mentions.extend([ev.evidence, *ev.mentions])
        oidx.extend(i for i in idxs if i not in oidx)
        other.date = other.date or ev.date
    return out


def _add_seat_states(ev: Event, kb: object) -> None:
    """A seat of power acting ("the Kremlin rejected", "das Weiße Haus kündigte an") acts for
    its state: the state joins the party list after the seat (added after merging, so the
    merge and fold rules see the parties as found)."""
    info = getattr(kb, "info", None) or {}
    for side, other in ((ev.source, ev.target), (ev.target, ev.source)):
        for p in list(side):
            state = getattr(info.get(p), "metonym_for", None)
            if state and state.startswith("state:") and state not in side and state not in other:
                side.append(state)


def _compatible(a: DateValue | None, b: DateValue | None) -> bool:
    return a is None or b is None or a.value[:len(b.value)] == b.value[:len(a.value)]


def _carry_near_dates(parsed: ParsedDoc, events: list[tuple[Event, list[int]]], lex: EventLexicon) -> None:
    """An undated event in or right after a sentence like "Nur Stunden nach dem Gespräch
    zwischen X und Y" takes the date of that (dated) event."""
    by_sent: dict[int, list[Event]] = {}
    for ev, idxs in events:
        for si in idxs:
            by_sent.setdefault(si, []).append(ev)
    for ev, idxs in events:
        if ev.date is not None or ev.status != "occurred":
            continue
        for si in idxs:
            for sj in (si, si - 1):
                if sj < 0 or (sj != si and _new_paragraph(parsed, si)):
                    continue
                text = parsed.sents[sj].text.lower()
                if not any(c in text for c in lex.proximity):
                    continue
                anchor = next((o for o in by_sent.get(sj, []) if o is not ev and o.date is not None
                               and o.date.precision == "day"), None)
                if anchor is not None and anchor.date is not None:
                    ev.date = DateValue(anchor.date.value, "day", anchor.date.text, f"near {anchor.id}")
                    break
            if ev.date is not None:
                break
