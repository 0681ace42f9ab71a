"""Who acts on whom: source and target actors of a trigger for ``events.rules.v2``.

Each actor mention of the sentence gets a *marker* — the preposition that governs it
("mit X", "auf X", "zwischen X und Y"), "gen" for a genitive attribute, or none (a
subject or object) — and the trigger's type says which markers make a target
(``target_preps`` in events.yaml).  See events.py for the whole recipe.
"""
from __future__ import annotations

from dataclasses import dataclass

from lagebild.extract.events_clauses import PUNCT
from lagebild.extract.events_lexicon import EventLexicon, TriggerRule
from lagebild.model import Mention, Sentence, Token

# Types where both sides act alike (kept in sync with events.RECIPROCAL_TYPES).
RECIPROCAL = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Verbs that judge an act named by a noun: their subject is not the noun's actor.
_JUDGING = frozenset({"ACCUSE", "SUPPORT", "PROTEST"})
# Types whose PLOVER definition needs a recipient: look harder for a target.
NEEDS_TARGET = frozenset({"ASSAULT", "AID", "SANCTION", "ACCUSE", "CONSULT", "COOPERATE", "THREATEN", "COERCE"})


@dataclass
class SentActor:
    """An actor mention inside one sentence, in token positions."""

    actor: str
    first: int
    last: int
    text: str
    kind: str | None
    marker: str | None = None       # preposition, "gen", or None
    adj: bool = False               # a country adjective only ("amerikanischen"): a source at most
    coord_of: int | None = None     # index of the mention it is coordinated with ("X und Y")
    capital: bool = False           # a seat of government ("Moskau"): stands for its state
    place_only: bool = False        # a place with no state behind it ("Europa"): never a party

    @property
    def can_act(self) -> bool:
        """Only states, people, organisations and capitals (metonymy) act; "Bayern" or
        "Charkiw" are where something happens (or what is hit), not who acts."""
        return not self.place_only and (self.kind != "location" or self.capital)


def kb_actor(kb: object, actor_id: str) -> object | None:
    get = getattr(kb, "get", None)
    if get is None:
        return None
    try:
        return get(actor_id)
    except (KeyError, LookupError):
        return None


def _as_party(kb: object, actor_id: str) -> tuple[str, str | None]:
    """(actor id as an event party, kind).  A place stands for its country."""
    rec = kb_actor(kb, actor_id)
    kind = getattr(rec, "kind", None)
    if kind is None:
        kind = "state" if actor_id.startswith("state:") else ("person" if actor_id.startswith("person:") else None)
    if kind == "location" and getattr(rec, "country", None):
        return f"state:{rec.country}", "location"  # type: ignore[union-attr]
    return actor_id, kind


def _is_capital(kb: object, text: str) -> bool:
    """Is ``text`` a seat of government ("Moskau", "Kiew"), i.e. a place standing for a state?"""
    lookup = getattr(kb, "lookup", None)
    if lookup is None:
        return False
    try:
        hits = lookup(text.split())
    except (TypeError, ValueError):
        return False
    return any(getattr(h, "how", "") == "capital" for h in hits)


def _tok_range(toks: list[Token], start: int, end: int) -> tuple[int, int] | None:
    idx = [i for i, t in enumerate(toks) if t.start < end and t.end > start]
    return (idx[0], idx[-1]) if idx else None


def sentence_actors(sent: Sentence, toks: list[Token], mentions: list[Mention], kb: object,
                     lex: EventLexicon) -> list[SentActor]:
    inside = sorted((m for m in mentions if m.actor and sent.start <= m.start < sent.end),
                    key=lambda m: (m.start, -(m.end - m.start)))
    actors: list[SentActor] = []
    last_end = -1
    for m in inside:
        if m.start < last_end:          # nested/overlapping mention: keep the longer outer one
            continue
        rng = _tok_range(toks, m.start, m.end)
        if rng is None:
            continue
        if _is_medium(kb, m, toks, rng[0], lex) or _is_modifier(m, toks, rng, lex):
            last_end = m.end
            continue                # "Die Nachrichtenagentur AP spekuliert": reporters are no party
        party, kind = _as_party(kb, m.actor or "")
        capital = m.type == "metonym" and "seat-of-government" in (m.how or "") or _is_capital(kb, m.text)
        if capital:
            kind = "location"       # "Kiew" attacked: Ukraine is the target, Kiew the place
        adj = (m.type or "").upper() == "ADJ" or (m.how or "").endswith(":adjective")
        place_only = kind == "location" and not party.startswith("state:")
        actors.append(SentActor(party, rng[0], rng[1], m.text, kind, adj=adj, capital=capital, place_only=place_only))
        last_end = m.end
    actors = _drop_modifiers(actors, toks, lex)

    words = [t.text.lower() for t in toks]
    for i, a in enumerate(actors):
        a.marker, coord = _marker(words, toks, a.first, actors, lex)
        if coord and i > 0:
            a.coord_of = i - 1
            a.marker = actors[i - 1].marker if actors[i - 1].marker != "between" else "between2"
    return actors


def _is_medium(kb: object, m: Mention, toks: list[Token], first: int, lex: EventLexicon) -> bool:
    """A news outlet: KB sector JRN, or named right after "Nachrichtenagentur", "Zeitung" ..."""
    if getattr(kb_actor(kb, m.actor or ""), "sector", None) == "JRN":
        return True
    head = m.text.split()[0].lower() if m.text.split() else ""
    before = [t.text.lower() for t in toks[max(0, first - 2):first]]
    if before and before[-1] in ("„", '"', "«", "»", "“"):
        before = before[:-1]              # "die Zeitung „Haaretz“"
    return head in lex.media_nouns or bool(before) and before[-1] in lex.media_nouns


def _is_modifier(m: Mention, toks: list[Token], rng: tuple[int, int], lex: EventLexicon) -> bool:
    """Not a party: "( SPD )" after a name (an affiliation), or the first part of a compound
    whose head is a thing ("Ukraine-Friedensmarsch", "OPEC-Mitglied Venezuela",
    "Hamas-Terror-Infrastruktur"); "Hamas-Kämpfer" or "Nato-Staaten" still act."""
    if rng[0] > 0 and toks[rng[0] - 1].text == "(":
        return True
    tok = toks[rng[1]]
    if m.end < tok.end and tok.text[m.end - tok.start:m.end - tok.start + 1] == "-":
        head = tok.text.rsplit("-", 1)[-1].lower()
        return not any(head.endswith(h) for h in lex.actor_heads)
    return False


def _drop_modifiers(actors: list[SentActor], toks: list[Token], lex: EventLexicon) -> list[SentActor]:
    """"Russlands Staatschef Wladimir Putin": the country is a modifier of the person."""
    keep = []
    for i, a in enumerate(actors):
        nxt = actors[i + 1] if i + 1 < len(actors) else None
        if nxt is not None and 0 <= nxt.first - a.last - 1 <= 3 and nxt.kind == "person" and a.kind != "person":
            gap = toks[a.last + 1:nxt.first]
            if all(t.text[:1].isupper() or t.text == "-" for t in gap):
                continue
        keep.append(a)
    return keep


def _marker(words: list[str], toks: list[Token], first: int, actors: list[SentActor],
            lex: EventLexicon) -> tuple[str | None, bool]:
    """The preposition governing the mention starting at ``first`` (walk back over the NP)."""
    j = first - 1
    steps = 0
    while j >= 0 and steps < 6:
        w = words[j]
        if w in lex.coordinators:
            # only the nearest actor before j counts: a farther one's gap contains the nearer one's
            # (checking each actor's gap made a long "X und Y und Z ..." list cubic)
            before = [a.last for a in actors if a.last < j]
            prev_actor_ends = bool(before) and _only_filler(toks, max(before) + 1, j, lex)
            return None, prev_actor_ends
        if w in lex.between:
            return "between", False
        if w in lex.genitive_preps:
            if j > 0 and any(" ".join(words[j - 1:j + n]) in lex.np_titles for n in (2, 3)):
                j -= 2      # a title with "of" is no genitive: "Secretary of State Marco Rubio"
                steps += 1
                continue
            return "gen", False
        if w in lex.subordinators and j == first - 1 and not lex.case_nouns:
            act = next((a for a in actors if a.first == first), None)
            if act is not None and act.last + 1 < len(words) and words[act.last + 1] in lex.finite_aux:
                return None, False      # "before Zelenskiy was due to meet": a conjunction, not a preposition
        if w in lex.source_preps or any(w in s for s in lex.target_preps.values()) or w in lex.other_preps:
            if w in ("in", "aus") and j > 0 and words[j - 1] in lex.institutions and j == first - 1:
                return None, False      # "die Regierung in Ankara" is Turkey acting, not a place
            return w, False
        if j == first - 1 and lex.case_nouns and j > 0 and toks[j].text[:1].isupper() and toks[first].text.endswith("s") \
                and toks[first].text[:1].isupper() and not any(a.last == j for a in actors) \
                and not lex.np_stop.fullmatch(w) and w not in lex.np_titles:
            return "gen", False       # "die Kritik Venezuelas", "Angriffe Russlands"
        if w in lex.genitive_articles and j > 0 and toks[j - 1].text[:1].isupper() and lex.case_nouns \
                and not PUNCT.match(toks[j - 1].text) and j - 1 > 0:
            return "gen", False
        if PUNCT.match(w) and w != "-" or any(a.last == j for a in actors):
            return None, False
        if not lex.np_filler.fullmatch(toks[j].text) or lex.np_stop.fullmatch(w):
            return None, False
        j -= 1
        steps += 1
    return None, False


def _only_filler(toks: list[Token], a: int, b: int, lex: EventLexicon) -> bool:
    return all(lex.np_filler.fullmatch(t.text) for t in toks[a:b])


def parties(i: int, rule: TriggerRule, type_: str, words: list[str], toks: list[Token], clause_of: list[int],
             actors: list[SentActor], hits: list[tuple[int, TriggerRule]], lex: EventLexicon,
             excluded: list[SentActor] | None = None) -> tuple[list[str], list[str], SentActor | None, list[SentActor]]:
    """(sources, targets, place, actors used) for the trigger at token ``i``.

    ``excluded`` switches on the last-resort target search (any actor of this or an
    earlier clause that no other trigger of the sentence has claimed).
    """
    clause = clause_of[i]
    next_trigger = min([k for k, _ in hits if k > i] + [len(words)])
    noun = rule.kind == "noun"
    # A bare country adjective can only name the source of the event word or weapon it
    # stands before ("amerikanischen Tomahawk-Raketen"), never a target.
    adjectives = [a for a in actors if a.adj]
    actors = [a for a in actors if not a.adj and not a.place_only]
    # "russischer Angriffe" as one mention (adjective + head): the head is this trigger.
    around = next((a for a in actors if a.first <= i <= a.last and a.first < i), None)
    # The trigger's reach: a noun trigger owns the phrases up to the next trigger, a verb its clause.
    def in_reach(a: SentActor) -> bool:
        if noun:
            return i < a.first < next_trigger and clause_of[a.first] == clause
        if clause_of[a.first] != clause:
            return False
        # "vor Treffen mit X mit Y sprechen": X belongs to the noun "Treffen", not to the verb.
        owner = max((k for k, r in hits if k < a.first and clause_of[k] == clause), default=None)
        return owner is None or owner == i or a.marker is None or next(r for k, r in hits if k == owner).kind != "noun"

    sources: list[SentActor] = []
    targets: list[SentActor] = []
    place: SentActor | None = None
    # "zwischen X und Y"
    # Only for two-sided types: "Truppen in der Grenzregion zwischen Israel und Libanon" is a place.
    betw = [a for a in actors if a.marker == "between" and in_reach(a)] if type_ in RECIPROCAL else []
    if betw and betw[0].can_act:
        first = betw[0]
        sources.append(first)
        targets.extend(a for a in actors if a.marker == "between2" and a.first > first.first and a.can_act)
    passive = _is_passive(i, words, clause_of, lex)
    tprep = lex.target_preps.get(type_, frozenset())
    # "Sanktionen gegen russische Ölkonzerne": a country adjective inside a target phrase.
    targets.extend(a for a in adjectives if a.marker in tprep and in_reach(a))
    for a in actors:
        if a in sources or a in targets or not in_reach(a):
            continue
        if a.marker in lex.source_preps and passive or a.marker in lex.delivery_source_preps and type_ in ("AID", "SANCTION") \
                or noun and a.marker in lex.source_preps and a.marker not in ("von", "from") and a.can_act:
            # ... and the agent of a noun: "Beschuss des Gazastreifens durch die israelische Armee"
            sources.append(a)
        elif a.marker in tprep:
            if a.kind == "location" and type_ not in ("ASSAULT",):
                place = place or a
                if type_ == "CONSULT":
                    targets.append(a)
                continue
            targets.append(a)
            if a.kind == "location":
                place = place or a
        elif a.marker in ("in", "nach", "to", "at") and a.kind == "location":
            place = place or a
            if type_ == "CONSULT" and rule.mode == "visit":
                targets.append(a)
    if not targets and not noun and not passive and not lex.case_nouns:
        # English SVO: an actor right after the verb is its object ("accused Moscow of ..."),
        # before any country adjective further on ("... access to Ukrainian prisoners")
        obj = [a for a in actors if a.marker is None and a.can_act and a not in sources
               and clause_of[a.first] == clause and i < a.first <= i + 2]
        targets.extend(obj[:1])
    if not targets:
        targets.extend(_demonym_target(words, toks, actors, tprep, in_reach, lex))
    if noun and targets:
        # A noun takes the one phrase right after it (and what is coordinated with it).
        head = min(targets, key=lambda a: a.first)
        targets = [a for a in targets if a is head or (a.coord_of is not None and actors[a.coord_of] is head)]
    # genitive right after a noun trigger: "Angriffe Russlands" (the actor) ...
    gen = [a for a in actors if noun and a.first in (i + 1, i + 2) and a.marker in (None, "gen")]
    if gen and _objective_genitive(gen[0], type_, words[i], lex):
        # ... or "Beschuss des Gazastreifens" (what is hit), "Treffen der NATO-Außenminister" (who meets).
        if not targets and gen[0] not in sources:
            targets.append(gen[0])
            if gen[0].kind == "location":
                place = place or gen[0]
        gen = []
    gen = [a for a in gen if a.can_act and a not in targets]
    unmarked = [a for a in actors if a.marker is None and a not in sources and a not in targets]
    if not sources:
        # A country adjective names the source of the noun or weapon it stands before
        # ("russische Angriffe", "amerikanischen Tomahawks"); for a verb only as a last resort.
        adj = _adjective_source(i, noun, words, clause_of, adjectives, lex)
        dem = _demonym_source(i, noun, words, clause_of, lex)
        by_adjective = adj or (SentActor(dem, i, i, words[i], "state") if dem else None)
        if around is not None:
            sources.append(around)
        elif gen:
            sources.append(gen[0])
        elif noun and by_adjective is not None:
            sources.append(by_adjective)
        else:
            # "Die Nato verurteilte den Angriff": whoever judges an act did not commit it.
            judged = noun and any(r.type in _JUDGING and r.kind == "verb" and clause_of[k] == clause and k < i
                                  for k, r in hits)
            subject = None if judged else _subject(i, noun, passive, words, toks, clause_of, actors,
                                                   [a for a in unmarked if a.can_act and a not in targets], lex,
                                                   needs_support=noun and type_ == "ASSAULT")
            institution = _institution_subject(i, words, clause_of, adjectives, lex)
            if subject is not None:
                sources.append(subject)
            elif institution is not None:
                sources.append(institution)
            elif by_adjective is not None:
                sources.append(by_adjective)
    for s in list(sources):  # coordinated subjects: "Trump und Macron trafen ..."
        sources.extend(a for a in actors if a.coord_of is not None and actors[a.coord_of] is s and a not in sources
                       and a.marker != "between2")
    if passive and not targets:
        subj = [a for a in unmarked if clause_of[a.first] == clause and a not in sources]
        targets.extend(subj[:1])
    if not targets and not noun and type_ in NEEDS_TARGET:
        # "sanktionierte zwölf russische Oligarchen": a country adjective in the object.
        objs = [a for a in adjectives if a.first > i and clause_of[a.first] == clause and a.actor not in _ids(sources)
                and not any(0 < b.first - a.last <= 3 for b in actors)]
        targets.extend(objs[:1])
    if not targets and not noun and not passive and type_ in _JUDGING | {"REJECT"}:
        # "lehnte den Vorschlag des Finanzministers Scholz ab", "rejected a proposal by Scholz":
        # who is rejected or criticised is the author of the thing named.
        author = [a for a in actors if a.marker in ("gen", "von", "by", "of") and a.first > i and a.can_act
                  and clause_of[a.first] == clause and a not in sources and a.actor not in _ids(sources)]
        if not author and sources:
            author = [a for a in actors if a.marker in ("gen", "von", "by", "of") and a.first > sources[0].last
                      and a.can_act and clause_of[a.first] == clause and a not in sources]
        targets.extend(author[:1])
    if not targets and not noun:
        visit = rule.mode == "visit"     # "Selenskyj besuchte Washington": the place is the host
        after = [a for a in unmarked if a not in sources and clause_of[a.first] == clause
                 and (a.can_act or type_ == "ASSAULT" or visit)]
        after = [a for a in after if a.first > i] or [a for a in after if sources and a.first > sources[0].last]
        targets.extend(after[:1])
        if visit and after and after[0].kind == "location":
            place = place or after[0]
    mutual = type_ in RECIPROCAL or any(w in " ".join(words) for w in lex.reciprocal_words)
    if not targets and len(sources) >= 2 and mutual:
        sources, targets = sources[:1], sources[1:]   # "Selenskyj und Trump trafen sich": one side each
    if not targets and type_ in NEEDS_TARGET and excluded is not None:
        # Last resort: an actor of this or an earlier clause that is no place or time phrase.
        rest = [a for a in actors if a not in sources and a.actor not in {s.actor for s in sources}
                and a.marker not in ("between", "between2") and a.marker not in lex.other_preps
                and clause_of[a.first] <= clause and not any(a is x for x in excluded)
                and a.can_act]
        if rest:
            targets.append(min(rest, key=lambda a: abs(a.first - i)))
    src = _ids(sources)
    tgt = [t for t in _ids(targets) if t not in src]
    if place is None and type_ == "ASSAULT":
        place = next((a for a in targets if a.kind == "location"), None)
    return src, tgt, place, sources + targets


def _subject(i: int, noun: bool, passive: bool, words: list[str], toks: list[Token], clause_of: list[int],
             actors: list[SentActor], unmarked: list[SentActor], lex: EventLexicon,
             needs_support: bool = False) -> SentActor | None:
    clause = clause_of[i]
    if needs_support and not _supported(i, words, clause_of, lex):
        # "US-Experten schlossen einen Terroranschlag aus": the clause subject only acts
        # when its verb carries out the act ("begann mit dem Beschuss") or it is "sein Angriff".
        return None
    before = [a for a in unmarked if a.last < i and not passive
              and (clause_of[a.first] == clause or not _relative_clause(a.first, words, clause_of, lex))]
    infinitive = (i > 0 and words[i - 1] == "zu" or i + 1 < len(words) and words[i + 1] == "zu"
                  or i > 1 and words[i - 2] == "to")   # "zu liefern", "angegriffen zu haben"
    # An infinitive clause ("der Ukraine Raketen zu liefern") has no subject of its own.
    same_clause = [] if infinitive else [a for a in before if clause_of[a.first] == clause]
    if same_clause:
        # The clause subject comes first (V2: "Macron sicherte Kiew Unterstützung zu").
        return same_clause[0]
    antecedent = _relative_antecedent(i, words, toks, clause_of, actors, lex)
    if antecedent is not None:
        # "Trump, der ... ein Telefongespräch mit Putin geführt hatte": the relative's subject.
        return antecedent
    if noun:
        return None
    if before and _inherits_subject(i, words, clause_of, lex):
        # "Trump weigert sich, Raketen zu liefern": the infinitive's subject is the main one.
        return before[0]
    after = [a for a in unmarked if a.first > i and clause_of[a.first] == clause]
    if after and not passive and lex.case_nouns:
        # V2 with something else first: "Am Montag griff Russland ... an".  (English is SVO:
        # the actor after the verb is its object, "Russian drones struck Kyiv".)
        return after[0]
    return None


def _supported(i: int, words: list[str], clause_of: list[int], lex: EventLexicon) -> bool:
    if any(words[k] in ("sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
                        "his", "her", "its", "their") for k in range(max(0, i - 3), i)):
        return True
    own = [w for j, w in enumerate(words) if clause_of[j] == clause_of[i] and j != i]
    return any(w.startswith(v) for w in own for v in lex.support_verbs)


def _objective_genitive(a: SentActor, type_: str, word: str, lex: EventLexicon) -> bool:
    """Is the genitive after a noun trigger its object rather than its actor?"""
    if type_ in RECIPROCAL and a.kind == "organisation":
        return True                 # "bei einem Treffen der NATO-Außenminister"
    if type_ != "ASSAULT":
        return False
    return a.kind == "location" and not a.capital or any(w in word for w in lex.objective_genitive)


def _institution_subject(i: int, words: list[str], clause_of: list[int], adjectives: list[SentActor],
                         lex: EventLexicon) -> SentActor | None:
    """"Die türkische Polizei hat ... festgenommen": a country adjective heading an institution."""
    for a in adjectives:
        nxt = a.last + 1
        if a.last < i and clause_of[a.first] == clause_of[i] and nxt < len(words) and words[nxt] in lex.institutions:
            return a
    return None


def _relative_antecedent(i: int, words: list[str], toks: list[Token], clause_of: list[int], actors: list[SentActor],
                         lex: EventLexicon) -> SentActor | None:
    clause = clause_of[i]
    start = next((j for j, c in enumerate(clause_of) if c == clause), None)
    if start is None or clause == 0 or start + 1 >= len(words) or words[start + 1] not in lex.relative_pronouns:
        return None
    if start + 2 < len(words) and toks[start + 2].text[:1].isupper() and lex.case_nouns:
        return None   # ", die Angriffe": an article before a noun, not a relative pronoun
    # clause_of increments on the break token itself, so the break is at ``start``.
    return next((a for a in actors if a.last == start - 1 and a.marker is None), None)


def _inherits_subject(i: int, words: list[str], clause_of: list[int], lex: EventLexicon) -> bool:
    """An infinitive clause ("zu liefern") has no subject of its own, nor does the rest of a
    main clause after an apposition ("Die USA, der ... Verbündete, haben ... gestoppt")."""
    own = [words[j] for j, c in enumerate(clause_of) if c == clause_of[i] and not PUNCT.match(words[j])]
    if (i > 0 and words[i - 1] == "zu") or "zu" in own or "to" in own or clause_of[i] == 0:
        return True
    return bool(own) and own[0] in lex.finite_aux


def _relative_clause(j: int, words: list[str], clause_of: list[int], lex: EventLexicon) -> bool:
    first = next((words[k] for k, c in enumerate(clause_of) if c == clause_of[j] and not PUNCT.match(words[k])), "")
    return first in lex.subordinators and clause_of[j] > 0


def _ids(actors: list[SentActor]) -> list[str]:
    out: list[str] = []
    for a in actors:
        if a.actor not in out:
            out.append(a.actor)
    return out


def _is_passive(i: int, words: list[str], clause_of: list[int], lex: EventLexicon) -> bool:
    if not lex.participle.fullmatch(words[i]):
        return False
    return any(words[j] in lex.passive_aux for j, c in enumerate(clause_of) if c == clause_of[i] and j != i)


def _demonym_target(words: list[str], toks: list[Token], actors: list[SentActor], tprep: frozenset[str],
                    in_reach: object, lex: EventLexicon) -> list[SentActor]:
    """"gegen russische Ölkonzerne": a country adjective heading a target phrase (not one
    that modifies a named actor, as in "mit dem ukrainischen Präsidenten Selenskyj")."""
    for j in range(len(words)):
        actor = lex.demonym_actor(words[j])
        if not actor or any(0 < a.first - j <= 3 for a in actors):
            continue
        probe = SentActor(actor, j, j, toks[j].text, "state")
        if in_reach(probe) and _marker(words, toks, j, actors, lex)[0] in tprep:  # type: ignore[operator]
            probe.marker = "adj"
            return [probe]
    return []


def _item_positions(i: int, words: list[str], clause_of: list[int], lex: EventLexicon) -> list[int]:
    return [j for j, c in enumerate(clause_of)
            if c == clause_of[i] and lex.is_item(words[j])]


def _adjective_source(i: int, noun: bool, words: list[str], clause_of: list[int], adjectives: list[SentActor],
                      lex: EventLexicon) -> SentActor | None:
    spots = [i] * noun + _item_positions(i, words, clause_of, lex)
    for k in spots:
        for a in adjectives:
            if 1 <= k - a.last <= 2:
                return a
    return None


def _demonym_source(i: int, noun: bool, words: list[str], clause_of: list[int], lex: EventLexicon) -> str | None:
    """A country adjective right before the (noun) trigger or before an item in its clause."""
    spots = [i] * noun + _item_positions(i, words, clause_of, lex)
    for k in spots:
        for d in (1, 2):
            if k - d >= 0:
                actor = lex.demonym_actor(words[k - d])
                if actor:
                    return actor
    return None


def item_and_quantity(i: int, words: list[str], clause_of: list[int], lex: EventLexicon) -> tuple[str | None, float | None]:
    clause = [j for j, c in enumerate(clause_of) if c == clause_of[i]]
    named = [(j, lex.item_of(words[j])) for j in clause if lex.item_of(words[j])]
    generic = [(j, lex.generic_item_of(words[j])) for j in clause if j != i and lex.generic_item_of(words[j])]
    pick = named or generic
    if not pick:
        return None, None
    j, name = min(pick, key=lambda p: abs(p[0] - i))
    return name, _quantity_before(j, words, lex)


def _quantity_before(j: int, words: list[str], lex: EventLexicon) -> float | None:
    from lagebild.extract.claims import read_number  # numbers live with the claims stage

    for d in (1, 2):
        if j - d >= 0:
            num = read_number(words[j - d], lex.lang)
            if num is not None:
                return num[0]
    return None
