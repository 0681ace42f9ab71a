"""Sentence scanning for the actor extractor: names, roles, appositions, metonyms.

Works on the baseline rule tokens alone (capitalisation + knowledge base); uses the
language pipeline's entities (``ParsedDoc.ents``) when present to learn extra names.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lagebild.kb import KnowledgeBase, norm, skeleton, slug
from lagebild.kb.base import HOW_RANK, AliasHit, role_active
from lagebild.kb.roles import RolePhrase, parse_role, role_holders, role_lexicon_max_len, role_stem, role_word
from lagebild.model import Actor, Role, Sentence
from lagebild.nlp.tokenize import tokenize

__all__ = ["Tok", "Found", "DocState", "sentence_tokens", "scan_sentence"]

_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜÀ-Þ][a-zäöüßà-ÿ'’]+(?:-[A-ZÄÖÜÀ-Þ][a-zäöüßà-ÿ'’]+)?$|^[A-Z]\.$")
# Endings of German common nouns; a capitalised word with one is not a personal name.
_NOUN_END = re.compile(r"(ung|heit|keit|schaft|tät|ion|ismus|ment|nis|tum|ei|ik|ur|enz|anz|ität|ten|ern|ungen)$")


@dataclass
class Tok:
    start: int
    end: int
    text: str
    mod: bool = False        # first part of a hyphen compound ("US" in "US-Präsident")
    head: bool = False       # last part of a hyphen compound


@dataclass
class Found:
    """One actor reference in a sentence (token span [i, j))."""

    i: int
    j: int
    actor: str | None
    type: str
    how: str
    sector: str | None = None
    place: str | None = None     # for a capital read as its government: the place id


@dataclass
class DocState:
    """What the extractor learned so far in this document."""

    day: dt.date | None
    lang: str
    learned: dict[str, Actor] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)     # norm(surname) → actor id
    findings: list[tuple[str, str, int, int]] = field(default_factory=list)  # (actor, message, start, end)


def sentence_tokens(sent: Sentence) -> list[Tok]:
    """Tokens with hyphen compounds split into parts ("US-Präsident" → "US", "Präsident")."""
    raw = sent.tokens or tokenize(sent.text, sent.start)
    out: list[Tok] = []
    for t in raw:
        text = t.text
        if "-" in text.strip("-") and not text.startswith("-"):
            pos = t.start
            parts = text.rstrip("-").split("-")
            for k, part in enumerate(parts):
                if part:
                    out.append(Tok(pos, pos + len(part), part, mod=k < len(parts) - 1, head=k == len(parts) - 1 and k > 0))
                pos += len(part) + 1
        else:
            clean = text.rstrip("-")
            out.append(Tok(t.start, t.start + len(clean), clean, mod=text.endswith("-") and len(clean) > 0))
    return [t for t in out if t.text]


def _best(hits: list[AliasHit]) -> AliasHit:
    return min(hits, key=lambda h: HOW_RANK.get(h.how, 9))


class _Scanner:
    def __init__(self, kb: KnowledgeBase, toks: list[Tok], st: DocState, sent_text_start: int) -> None:
        self.kb, self.toks, self.st = kb, toks, st
        self.lang = st.lang
        self.data = kb.lang(st.lang)
        self.words = [t.text for t in toks]
        self.taken = [False] * len(toks)
        self.found: list[Found] = []
        self.dets = {norm(x) for x in self.data.get("determiners") or ()}

    # ------------------------------------------------------------ names
    def names(self) -> None:
        n = len(self.toks)
        i = 0
        maxlen = self.kb.max_alias_len
        while i < n:
            match = None
            for L in range(min(maxlen, n - i), 0, -1):
                span = self.toks[i:i + L]
                if any(t.mod for t in span[:-1]) or any(t.head for t in span[1:]):
                    continue                      # never across a hyphen compound boundary
                hits = self.kb.lookup(self.words[i:i + L])
                hits = [h for h in hits if self._case_ok(h, span)]
                if hits:
                    match = (L, _best(hits))
                    break
            if match is None:
                surname = self._surname(i)
                if surname:
                    self._add(Found(i, i + 1, surname, "PER", "surname-coref"))
                i += 1
                continue
            L, hit = match
            self._add(self._classify(i, i + L, hit))
            i += L

    def _case_ok(self, hit: AliasHit, span: list[Tok]) -> bool:
        first = span[0].text
        if hit.how == "adjective":
            # German adjectives are lower case; a capitalised one starts a sentence or a name
            return True
        if hit.how in ("prefix",):
            return span[-1].mod
        return first[:1].isupper() or first[:1].isdigit()

    def _surname(self, i: int) -> str | None:
        t = self.words[i]
        if not t[:1].isupper():
            return None
        key = norm(t)
        if key in self.st.surnames:
            return self.st.surnames[key]
        if key.endswith("s") and key[:-1] in self.st.surnames:
            return self.st.surnames[key[:-1]]
        return None

    def _classify(self, i: int, j: int, hit: AliasHit) -> Found:
        actor = self.kb.get(hit.actor)
        info = self.kb.info.get(hit.actor)
        kind = actor.kind if actor else "other"
        if hit.how == "adjective":
            return self._adjective(i, j, hit.actor)
        if hit.how == "demonym":
            return Found(i, j, hit.actor, "demonym", "demonym")
        if kind == "person":
            return Found(i, j, hit.actor, "PER", "alias")
        if kind == "location":
            if info and info.metonym_for and not self._place_reading(i, j):
                target = info.metonym_for
                sector = "GOV" if target.startswith("state:") else None
                return Found(i, j, target, "metonym", "metonym:seat-of-government", sector, place=hit.actor)
            return Found(i, j, hit.actor, "LOC", "place")
        if kind == "state":
            return Found(i, j, hit.actor, "GPE", hit.how)
        if kind == "group":
            return Found(i, j, hit.actor, "GRP", hit.how)
        # organisations; seats of power read as places when used as one ("im Weißen Haus")
        if info and info.metonym_for and self._place_reading(i, j):
            return Found(i, j, hit.actor, "LOC", "place", actor.sector if actor else None)
        typ = "metonym" if info and info.metonym_for else "ORG"
        return Found(i, j, hit.actor, typ, hit.how, actor.sector if actor else None)

    def _adjective(self, i: int, j: int, actor: str) -> Found:
        heads = self.data.get("agent_heads") or {}
        nxt = self.words[j] if j < len(self.words) else ""
        for sector, words in heads.items():
            if any(role_stem(nxt) == role_stem(w) for w in words):
                return Found(i, j + 1, actor, "GPE", "adjective+head", sector)
        return Found(i, j, actor, "ADJ", "adjective")

    def _place_reading(self, i: int, j: int) -> bool:
        """Is the capital/building used as a place ("in Kiew", "Bewohner Kiews", attacked)?"""
        preps = {norm(x) for x in self.data.get("place_prepositions") or ()}
        prev = norm(self.words[i - 1]) if i > 0 else ""
        prev2 = norm(self.words[i - 2]) if i > 1 else ""
        if prev in preps or (prev in self.dets and prev2 in preps):
            return True
        place_heads = {norm(x) for x in self.data.get("place_heads") or ()}
        if prev in place_heads or prev2 in place_heads and prev in self.dets:
            return True
        if prev in ("und", "and", "oder", "or", ",") and i > 1:
            # coordination takes the reading of its first member ("zwischen Moskau und Washington")
            before = [f for f in self.found if f.j == i - 1]
            if before:
                return before[0].type == "LOC"
        attack = {norm(x) for x in self.data.get("attack_words") or ()}
        after: list[str] = []
        for w in self.words[j:j + 8]:
            if w in (",", ";", ":"):
                break
            after.append(w)
        before = self.words[max(0, i - 2):i]
        if self._is_city(i, j) and (any(norm(w) in attack for w in before)
                                    or (i == 0 or self.words[i - 1] in ".:–-\"„“") and self._passive(after, attack)):
            # the capital is the target place: "attacked Kyiv", "beschoss Kiew",
            # "Kiew wurde in der Nacht angegriffen"; "Moskau griff … an" keeps the actor reading
            return True
        return False

    @staticmethod
    def _passive(after: list[str], attack: set[str]) -> bool:
        aux = {"wurde", "wurden", "ist", "war", "was", "were", "is", "geriet", "stand", "came"}
        return any(norm(w) in aux for w in after[:2]) and any(norm(w) in attack for w in after)

    def _is_city(self, i: int, j: int) -> bool:
        hits = self.kb.lookup(self.words[i:j])
        return any(h.how == "capital" for h in hits)

    def _add(self, f: Found) -> None:
        if any(self.taken[f.i:f.j]):
            return
        for k in range(f.i, f.j):
            self.taken[k] = True
        self.found.append(f)

    # ------------------------------------------------------------ roles
    def roles(self) -> None:
        n = len(self.toks)
        maxlen = role_lexicon_max_len(self.kb, self.lang)
        i = 0
        while i < n:
            done = False
            for L in range(min(maxlen, n - i), 0, -1):
                if any(self.taken[i:i + L]) or not self.words[i][:1].isalpha():
                    continue
                if self.lang == "de" and not self.words[i][:1].isupper():
                    continue
                prefix_of, left = None, None
                if self.toks[i].head and i > 0:
                    pre = [f for f in self.found if f.j == i and f.type in ("GPE", "ORG", "metonym")]
                    prefix_of = pre[0].actor if pre else None
                    left = i - 2
                    while left >= 0 and self.toks[left].mod:
                        left -= 1
                ph = parse_role(self.kb, self.words, i, L, self.lang, prefix_of, left)
                if ph is None:
                    continue
                if not ph.word.titles and not self._followed_by_name(ph):
                    continue                       # unknown compound role: only with a name
                self._role(ph)
                i = max(ph.end, i + L)
                done = True
                break
            if not done:
                i += 1

    def _followed_by_name(self, ph: RolePhrase) -> bool:
        k = ph.end + (1 if ph.end < len(self.words) and self.words[ph.end] == "," else 0)
        return bool(self._person_at(k) or len(self._name_tokens(k)) >= 2)

    def _person_at(self, k: int) -> Found | None:
        for f in self.found:
            if f.i == k and f.type == "PER":
                return f
        return None

    def _name_tokens(self, k: int) -> list[int]:
        out: list[int] = []
        stop = {norm(w) for w in ("Der", "Die", "Das", "Am", "Im", "In", "Und", "Mit", "The")}
        while k < len(self.toks) and len(out) < 3:
            t = self.words[k]
            if self.taken[k] or not _NAME_TOKEN.match(t) or norm(t) in stop or norm(t) in self.dets:
                break
            if _NOUN_END.search(norm(t)) and len(out) >= 1:
                break
            if role_word(self.kb, [t], self.lang) is not None:
                break
            out.append(k)
            k += 1
        return out

    def _role(self, ph: RolePhrase) -> None:
        # drop adjective/prefix mentions the role phrase absorbed ("russische" in "der russische Präsident")
        self.found = [f for f in self.found if not (f.type in ("ADJ", "GPE") and f.how in ("adjective", "prefix")
                                                    and ph.start <= f.i and f.j <= ph.end)]
        for f in self.found:
            # "der Militärverwaltungschef von Kiew": the capital names the place, not the government
            if f.place and ph.start <= f.i and f.j <= ph.end:
                f.actor, f.type, f.how, f.sector = f.place, "LOC", "place:role-owner", None
        self.taken = [False] * len(self.toks)
        for f in self.found:
            self._mark(f.i, f.j)
        # the role mention starts after any owner mention kept inside the phrase ("Russlands Staatschef")
        inner = [f.j for f in self.found if ph.start <= f.i and f.j <= ph.word_i]
        role_start = max([ph.start, *inner])
        k = ph.end
        comma = k < len(self.words) and self.words[k] == ","
        if comma:
            k += 1
        person = self._person_at(k)
        if person is not None:
            person.how = "title+name"
            self._check_role(person.actor or "", ph, k)
            self._mark(ph.start, ph.end)
            return
        name_idx = self._name_tokens(k)
        if len(name_idx) >= 2 or (len(name_idx) == 1 and self._ent_person(name_idx[0])):
            actor_id = self._learn(ph, name_idx)
            self._mark(ph.start, ph.end)
            self._add(Found(name_idx[0], name_idx[-1] + 1, actor_id, "PER", "apposition"))
            return
        end = max(ph.end, role_start + 1)
        if ph.former or ph.then:
            self._add(Found(role_start, end, None, "role", "role:former"))
            return
        holders = role_holders(self.kb, ph, self.st.day)
        if len(holders) == 1:
            self._add(Found(role_start, end, holders[0], "role", "role@date"))
            return
        learned = self._learned_with_role(ph)
        self._add(Found(role_start, end, learned, "role", "role:learned" if learned else "role:unresolved"))

    def _mark(self, i: int, j: int) -> None:
        for k in range(i, j):
            self.taken[k] = True

    def _ent_person(self, k: int) -> bool:
        return False  # filled by the extractor when entities are present (see ents_per)

    def _learn(self, ph: RolePhrase, idx: list[int]) -> str:
        name = " ".join(self.words[k] for k in idx)
        if name.endswith("s") and len(idx) >= 2 and norm(name[:-1]) in {norm(a.name) for a in self.st.learned.values()}:
            name = name[:-1]
        # id from the transliteration skeleton: "Tymur Tkatschenko" and "Tymur Tkachenko" are
        # one learned actor (person:timur-tkachenko) across documents and languages
        aid = f"person:{slug(skeleton(name))}"
        title = ph.word.titles[0] if ph.word.titles else _nominative(ph.surface)
        owner = ph.of[0] if ph.of else None
        country = _country(self.kb, owner)
        if owner is None and ph.of_text:
            # a place the KB lacks is learned as well (no country: the text does not say)
            owner = f"loc:{slug(ph.of_text)}"
            if owner not in self.st.learned and self.kb.get(owner) is None:
                self.st.learned[owner] = Actor(owner, ph.of_text, "location", in_kb=False)
        role = Role(title, owner, labels=[" ".join(self.words[ph.start:ph.end])])
        actor = self.st.learned.get(aid)
        if actor is None:
            sector = "MIL" if re.search(r"milit|general|kommand|armee|command|army", norm(title)) \
                and not re.search(r"verwalt|administr", norm(title)) else "GOV"
            actor = Actor(aid, name, "person", country=country, sector=sector, in_kb=False, roles=[role])
            self.st.learned[aid] = actor
        elif not any(r.title == title and r.of == owner for r in actor.roles):
            actor.roles.append(role)
        self.st.surnames[norm(self.words[idx[-1]])] = aid
        return aid

    def _learned_with_role(self, ph: RolePhrase) -> str | None:
        stems = {role_stem(t) for t in ph.word.titles} | {role_stem(_nominative(ph.surface))}
        owners = set(ph.of)
        for actor in reversed(list(self.st.learned.values())):
            for r in actor.roles:
                if role_stem(r.title) in stems and (not owners or r.of in owners):
                    return actor.id
        return None

    def _check_role(self, person: str, ph: RolePhrase, k: int) -> None:
        """A described role that contradicts the KB at the document's date is a finding."""
        day = self.st.day
        actor = self.kb.get(person)
        if day is None or actor is None or not ph.word.titles or ph.then:
            return
        owners = set(ph.of)
        for o in list(owners):
            info = self.kb.info.get(o)
            if info and info.metonym_for:
                owners.add(info.metonym_for)
        roles = [r for r in actor.roles if r.title in ph.word.titles and (not owners or r.of in owners)]
        if not roles:
            return
        active = [r for r in roles if role_active(r, day)]
        sent = getattr(self, "sent", None)
        phrase = (sent.text[self.toks[ph.start].start - sent.start:self.toks[ph.end - 1].end - sent.start]
                  if sent is not None else " ".join(self.words[ph.start:ph.end]))
        if ph.former and active:
            r = active[0]
            msg = (f"described as former {r.title} ('{phrase} {actor.name}'), but the knowledge base "
                   f"lists {actor.name} as {r.title} of {r.of} since {r.start} on {day.isoformat()}")
        elif not ph.former and not active:
            last = max(roles, key=lambda r: r.start or "")
            span = f"{last.start or '?'}–{last.end or 'open'}"
            msg = (f"described as {last.title} ('{phrase} {actor.name}'), but the knowledge base lists "
                   f"that role for {actor.name} only {span}, not on {day.isoformat()}")
        else:
            return
        self.st.findings.append((person, msg, self.toks[ph.start].start, self.toks[min(k, len(self.toks) - 1)].end))

    # ------------------------------------------------------------ appositions after a name
    def appositions(self) -> None:
        """"Andrij Sybiha, der ukrainische Außenminister, …": a role after a name and comma."""
        for f in list(self.found):
            if f.type != "PER" or f.j + 2 >= len(self.words) or self.words[f.j] != ",":
                continue
            k = f.j + 1
            for L in (1, 2, 3, 4):
                r = k + L
                if r > len(self.words):
                    break
                ph = parse_role(self.kb, self.words, r - 1, 1, self.lang)
                if ph is not None and ph.start <= k:
                    if f.actor and self.kb.get(f.actor):
                        self._check_role(f.actor, ph, f.i)
                    elif f.actor in self.st.learned:
                        actor = self.st.learned[f.actor]
                        title = ph.word.titles[0] if ph.word.titles else _nominative(ph.surface)
                        if not any(rr.title == title for rr in actor.roles):
                            actor.roles.append(Role(title, ph.of[0] if ph.of else None,
                                                    labels=[" ".join(self.words[k:ph.end])]))
                    break


    def _unknown_name_appositions(self) -> None:
        """Learn "Olena Kowalenko, die Bürgermeisterin von Charkiw," (name unknown to the KB)."""
        for c, w in enumerate(self.words):
            if w != "," or c < 2:
                continue
            # name tokens directly before the comma
            idx: list[int] = []
            k = c - 1
            while k >= 0 and len(idx) < 3 and not self.taken[k] and _NAME_TOKEN.match(self.words[k]) \
                    and norm(self.words[k]) not in self.dets and role_word(self.kb, [self.words[k]], self.lang) is None:
                idx.insert(0, k)
                k -= 1
            if len(idx) < 2 or (k >= 0 and self.words[k][:1].isupper() and self.words[k].isalpha()):
                continue
            if any(_NOUN_END.search(norm(self.words[x])) for x in idx[1:]):
                continue
            for r in range(c + 2, min(c + 6, len(self.words))):
                ph = parse_role(self.kb, self.words, r, 1, self.lang)
                if ph is not None and ph.start <= c + 2 and norm(self.words[c + 1]) in self.dets | {"ehemalig"}:
                    actor_id = self._learn(ph, idx)
                    self._add(Found(idx[0], idx[-1] + 1, actor_id, "PER", "apposition"))
                    self._mark(ph.start, ph.end)
                    break
                if ph is not None:
                    break


def _nominative(surface: str) -> str:
    """Best-effort base form of a role noun: Militärverwaltungschefs → Militärverwaltungschef."""
    w = surface.split("-")[-1] if surface.count("-") == 1 and surface.split("-")[0].isupper() else surface
    if w.endswith("s") and not w.endswith("ss") and len(w) > 5:
        w = w[:-1]
    return w


def _country(kb: KnowledgeBase, owner: str | None) -> str | None:
    if owner is None:
        return None
    actor = kb.get(owner)
    return actor.country if actor else None


def scan_sentence(kb: KnowledgeBase, sent: Sentence, st: DocState, ent_persons: set[int] | None = None) -> tuple[list[Tok], list[Found]]:
    """All actor references of one sentence, in text order."""
    toks = sentence_tokens(sent)
    sc = _Scanner(kb, toks, st, sent.start)
    if ent_persons:
        sc._ent_person = lambda k: toks[k].start in ent_persons  # type: ignore[method-assign]
    sc.sent = sent
    sc.names()
    sc._unknown_name_appositions()
    sc.roles()
    sc.appositions()
    # full-name mentions of KB persons enable surname coreference for other spellings
    for f in sc.found:
        if f.type == "PER" and f.actor and f.j - f.i >= 2:
            st.surnames.setdefault(norm(sc.words[f.j - 1]), f.actor)
    return toks, sorted(sc.found, key=lambda f: f.i)
