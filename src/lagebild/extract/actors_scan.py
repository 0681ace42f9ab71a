"""Sentence scanning for the actor extractor: names, roles, appositions, metonyms.

Works on the baseline rule tokens alone (capitalisation + knowledge base); uses the
language pipeline's entities (``ParsedDoc.ents``) when present to learn extra names.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lagebild.kb import KnowledgeBase, norm, slug
from lagebild.kb.text import name_key, name_slug
from lagebild.kb.base import HOW_RANK, AliasHit, role_active
from lagebild.kb.roles import RolePhrase, parse_role, role_holders, role_lexicon_max_len, role_stem, role_word
from lagebild.model import Actor, Role, Sentence
from lagebild.nlp.tokenize import tokenize

__all__ = ["Tok", "Found", "DocState", "sentence_tokens", "scan_sentence"]

_INITIAL = re.compile(r"^[A-Z]\.$")
_TITLES = frozenset({"dr.", "dr", "prof.", "prof", "mr.", "mrs.", "ms.", "sir", "dame"})
# Lower-case particles inside a name ("Dschawad al-Maliki", "Ursula von der Leyen",
# "Karl-Theodor zu Guttenberg").  Bare "von" is left out: "der Gouverneur X von Sumy".
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "de", "da", "di", "dos", "del", "della",
                        "zu", "ter", "ten", "le", "la", "von der", "van der", "van den", "de la"})


def is_name_token(t: str) -> bool:
    """A capitalised word that can be part of a personal name, in any script's Latin letters
    ("Koštunica", "Erdoğan", "Kasčiūnas", "Radosław", "McNamara", "O'Brien") or an initial ("W.")."""
    if _INITIAL.match(t):
        return True
    core = t.replace("'", "").replace("’", "")
    return (len(t) >= 2 and t[0].isupper() and t[1].islower() and core.isalpha()
            and not (t[0] in "'’" or t[-1] in "'’" and not t.endswith(("s'", "s’"))))
# Endings of German common nouns; a capitalised word with one is not a personal name.
_NOUN_END = re.compile(r"(ung|heit|keit|schaft|tät|ion|ismus|ment|nis|tum|ei|ik|ur|enz|anz|ität|ten|ern|ungen)$")


@dataclass
class Tok:
    start: int
    end: int
    text: str
    mod: bool = False        # first part of a hyphen compound ("US" in "US-Präsident")
    head: bool = False       # last part of a hyphen compound
    pos: str = ""            # universal POS tag from the language pipeline, when it ran


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
    surnames: dict[str, str] = field(default_factory=dict)     # norm(surname) or name_key → actor id
    # name_key → id of persons learned by this extractor in earlier documents: one person is
    # one id across documents and spellings (Tkatschenko/Tkachenko) while the id stays readable
    registry: dict[str, tuple[str, str]] = field(default_factory=dict)   # key → (id, name)
    ent_ends: dict[int, int] = field(default_factory=dict)     # PER entity start → end (chars)
    findings: list[tuple[str, str, int, int]] = field(default_factory=list)  # (actor, message, start, end)


_DOTTED_ABBR = re.compile(r"(?:[A-Z]\.){2,}")


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
                    out.append(Tok(pos, pos + len(part), part, mod=k < len(parts) - 1,
                                   head=k == len(parts) - 1 and k > 0, pos=t.pos))
                pos += len(part) + 1
        else:
            clean = text.rstrip("-")
            if _DOTTED_ABBR.fullmatch(clean):
                clean = clean[:-1]      # "U.S." / "U.K.": the KB indexes the alias without its final dot
            out.append(Tok(t.start, t.start + len(clean), clean, mod=text.endswith("-") and len(clean) > 0, pos=t.pos))
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
        self.name_ents: dict[tuple[int, int], bool] = {}   # PER entity (start, end) -> made of name words

    # ------------------------------------------------------------ names
    def names(self) -> None:
        n = len(self.toks)
        i = 0
        maxlen = self.kb.max_alias_len
        while i < n:
            match = None
            for L in range(min(maxlen + 3, n - i), 0, -1):
                span = self.toks[i:i + L]
                if L > 1 and span[-1].mod:
                    continue                      # never end inside a hyphen compound
                words = self._joined(i, i + L)
                if len(words) > maxlen:
                    continue
                hits = self.kb.lookup(words)
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
            if hit.how == "capital" and self._name_continues(i + L):
                i += L                 # "Paris Hilton", "Berlin Wall": a capital inside another name
                continue
            if L == 1 and hit.how in ("name", "alias", "capital") and self._after_given_name(i) \
                    and not hit.actor.startswith("person:"):
                i += 1                 # "Michael Jordan", "Denzel Washington": a surname, not a state
                continue
            if self._inside_person(i, i + L) and not hit.actor.startswith("person:"):
                i += 1                 # "Paris" in "Paris Hilton": part of a person's name
                continue
            self._add(self._classify(i, i + L, hit))
            i += L

    def _name_continues(self, j: int) -> bool:
        """Does a capitalised word the KB does not know follow directly (the capital is part of a name)?"""
        if j >= len(self.toks) or self.toks[j - 1].mod:
            return False
        w = self.words[j]
        if not (w[:1].isupper() and w.isalpha()) or self.toks[j].pos in ("VERB", "AUX", "ADP", "DET", "PRON"):
            return False
        return not self.kb.lookup([w]) and role_word(self.kb, [w], self.lang) is None

    def _joined(self, i: int, j: int) -> list[str]:
        """Words of tokens [i, j) with hyphen compounds put back together, as aliases are written
        ("Al-Kaida", "Kim Jong-un", "Frank-Walter Steinmeier", "US-Verteidigungsministerium")."""
        out: list[str] = []
        for k in range(i, j):
            if k > i and self.toks[k - 1].mod:
                out[-1] += "-" + self.words[k]
            else:
                out.append(self.words[k])
        return out

    def _inside_person(self, i: int, j: int) -> bool:
        """Is the span a proper part of a person entity from the language pipeline?  Only an
        entity made of name words counts ("Paris Hilton"; not "Selenskyj im Vatikan")."""
        a, b = self.toks[i].start, self.toks[j - 1].end
        named = self.name_ents
        for s, e in self.st.ent_ends.items():
            if s <= a and b <= e and (s < a or b < e):
                if (s, e) not in named:   # once per entity: per candidate span it was quadratic in a long one
                    inside = [k for k, t in enumerate(self.toks) if s <= t.start and t.end <= e]
                    named[s, e] = all(self.words[k][:1].isupper() for k in inside)
                if named[s, e]:
                    return True
        return False

    def _after_given_name(self, i: int) -> bool:
        """Is the word before ``i`` an unknown proper name (a given name), as the tagger says?

        English only: in German every noun is capitalised and the tagger calls many of them
        proper names ("Erwerbslosen Forum Deutschland"); there the person entities decide."""
        if self.lang != "en" or i == 0 or self.taken[i - 1] or self.toks[i - 1].pos != "PROPN" \
                or self.toks[i - 1].mod or i > 1 and self.words[i - 2][:1].isupper():
            return False
        w = self.words[i - 1]
        return is_name_token(w) and not self.kb.lookup([w]) and role_word(self.kb, [w], self.lang) is None

    def _case_ok(self, hit: AliasHit, span: list[Tok]) -> bool:
        first = span[0].text
        if hit.how == "adjective":
            # German adjectives are lower case; a capitalised one starts a sentence or a name
            return True
        if hit.how in ("prefix",):
            return span[-1].mod
        if len(span) >= 2 and hit.how in ("name", "alias") and span[-1].text[:1].isupper():
            return True                    # "das russische Verteidigungsministerium" (alias with an adjective)
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
        if len(key) > 3:                # another spelling of a learned surname (Tkachenko)
            nk = name_key(t)
            if nk in self.st.surnames:
                return self.st.surnames[nk]
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
        if prev in place_heads or prev2 in place_heads and (prev in self.dets or prev in ("von", "of")):
            return True                    # "Bewohner Kiews", "der Bürgermeister von Mexiko-Stadt"
        objv = {norm(x) for x in self.data.get("target_participles") or ()}
        if i > 0 and self.words[i - 1] not in ".:;–\"„“" and self._is_city(i, j):
            tail = [norm(w) for w in self.words[j:j + 3]]
            if any(w in objv for w in tail[:next((k for k, w in enumerate(tail) if w in (",", ";")), 3)]):
                return True                # "haben Kabul eingenommen", "Russia attacked … / has Kyiv shelled"
        visit = {norm(x) for x in self.data.get("visit_words") or ()}
        if (prev in visit or prev2 in visit and self.words[i - 1].islower()) and self._is_city(i, j):
            return True                    # "besuchte Tripolis", "visited Kyiv": the place visited
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
                words = self.words
                if self.toks[i].head and L == 1 and self.toks[i - 1].mod:
                    # "Vize-Präsident", "Ex-Kanzler": the written compound may be a role of its own
                    joined = self.words[i - 1] + self.words[i].lower()
                    rw = role_word(self.kb, [joined], self.lang)
                    if rw is not None and rw.titles:
                        words = self.words[:i] + [joined] + self.words[i + 1:]
                ph = parse_role(self.kb, words, i, L, self.lang, prefix_of, left)
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
        return bool(self._person_at(k) or len(self._name_after(ph)) >= 2)

    # words that may stand in an owner phrase between a role and a comma apposition
    # ("Der Kommandeur der US-Truppen im Irak, George Casey, …")
    _OWNER_GLUE = frozenset({"der", "des", "die", "dem", "den", "im", "in", "von", "vom", "am", "an", "aus",
                             "für", "und", "of", "the", "in", "for", "and"})

    def _name_after(self, ph: RolePhrase) -> list[int]:
        """Tokens of an unknown person's name that the role phrase introduces (empty if none)."""
        k = ph.end
        comma = k < len(self.words) and self.words[k] == ","
        if comma:
            k += 1
        name_idx = self._name_tokens(k)
        if len(name_idx) >= 2 or name_idx and self._ent_person(name_idx[0]):
            return name_idx
        if not comma:
            # an owner the KB lacks between role and name: "Vorstandschef der Deutschen Bank Josef
            # Ackermann" — only when the language pipeline marks where the person's name starts
            for skip in (1, 2, 3):
                kk = k + skip
                if kk < len(self.toks) and self.toks[kk].start in self.st.ent_ends \
                        and all(self.words[x][:1].isupper() and role_word(self.kb, [self.words[x]], self.lang) is None
                                for x in range(k, kk)):
                    return self._name_tokens(kk)
            # a longer owner phrase, then the name between commas
            for c in range(k, min(k + 7, len(self.words))):
                w = self.words[c]
                if w == ",":
                    idx = self._name_tokens(c + 1)
                    after = idx[-1] + 1 if idx else c + 1
                    if len(idx) >= 2 and (after >= len(self.words) or self.words[after] in (",", ".", ";")):
                        return idx
                    break
                if not (w[:1].isupper() or norm(w) in self._OWNER_GLUE) or self.taken[c] and \
                        not any(f.i <= c < f.j and f.type in ("GPE", "ORG", "LOC") for f in self.found):
                    break
        return name_idx

    def _person_at(self, k: int) -> Found | None:
        for f in self.found:
            if f.i == k and f.type == "PER":
                return f
        return None

    def _name_tokens(self, k: int) -> list[int]:
        """Token indices of a personal name starting at ``k`` (empty if none).

        A person entity from the language pipeline fixes the extent when one starts here;
        otherwise capitalised name words, with particles inside ("al-", "von der", "zu").
        """
        while k < len(self.toks) and norm(self.words[k]) in _TITLES:
            k += 1                         # "Dr. Albrecht Schröter": the title is no part of the name
        ents = self.st.ent_ends
        if ents and k + 1 < len(self.toks) and self.toks[k + 1].start in ents and self.words[k][:1].isupper() \
                and role_word(self.kb, [self.words[k]], self.lang) is None \
                and not any(s <= self.toks[k].start < e for s, e in ents.items()):
            k += 1                         # a title the entity leaves out: "Richter Klaus Tolksdorf"
        if k < len(self.toks) and self.toks[k].start in ents:
            end = self.st.ent_ends[self.toks[k].start]
            out = []
            while k < len(self.toks) and self.toks[k].end <= end and len(out) < 6:
                if self.taken[k] and not (out and self._other_bearer(out, k)) \
                        or role_word(self.kb, [self.words[k]], self.lang) is not None:
                    break
                out.append(k)
                k += 1
            # the entity may stop short of the surname ("Jan Peter" | "Balkenende")
            while out and k < len(self.toks) and len(out) < 6 and (not self.taken[k] or self._other_bearer(out, k)) \
                    and is_name_token(self.words[k]) \
                    and (self.toks[k].pos in ("PROPN", "X") or self._name_final(k)) \
                    and not _NOUN_END.search(norm(self.words[k])) \
                    and role_word(self.kb, [self.words[k]], self.lang) is None \
                    and (self.taken[k] or not self.kb.lookup([self.words[k]])):
                out.append(k)
                k += 1
            if len(out) >= 2 and self._name_part(out[-1], out[:-1]):
                return out
        out = []
        stop = {norm(w) for w in ("Der", "Die", "Das", "Am", "Im", "In", "Und", "Mit", "The")}
        while k < len(self.toks) and len([x for x in out if is_name_token(self.words[x])]) < 4:
            t = self.words[k]
            width = self._particle(k) if out else 0
            if width:
                out.extend(range(k, k + width))
                k += width
                continue
            if out and self.taken[k] and self._other_bearer(out, k):
                out.append(k)              # "José Luis Guterres" is not António Guterres
                k += 1
                continue
            if self.taken[k] or not self._name_part(k, out) or norm(t) in stop or norm(t) in self.dets:
                break
            if _NOUN_END.search(norm(t)) and len(out) >= 1:
                break
            if self.toks[k].pos == "NOUN" and self.toks[k].start not in self.st.ent_ends and not out:
                break                      # a common noun ("Bank" in "der Deutschen Bank Josef …")
            if role_word(self.kb, [t], self.lang) is not None:
                break
            out.append(k)
            k += 1
        while out and not self._name_part(out[-1], out[:-1]):
            out.pop()                      # never end on a particle
        return out

    def _name_part(self, k: int, before: list[int]) -> bool:
        """A name word, or the lower-case second part of a hyphenated given name ("Ing-wen", "Jong-un")."""
        if is_name_token(self.words[k]):
            return True
        return bool(self.toks[k].head and before and before[-1] == k - 1 and self.toks[k - 1].mod
                    and self.words[k].isalpha() and self.words[k].islower() and len(self.words[k]) <= 4)

    def _name_final(self, k: int) -> bool:
        """A capitalised word tagged as a noun ends a name when no capitalised word follows
        ("Jan Peter Balkenende hat …": the tagger calls "Balkenende" a noun)."""
        nxt = self.words[k + 1] if k + 1 < len(self.words) else ""
        return not nxt[:1].isupper()

    def _other_bearer(self, first: list[int], k: int) -> bool:
        """May the surname-only person mention at ``k`` join the name being read?  Yes for a
        surname of a person learned here (the full name has the same key, hence the same id) and
        for a KB person whose first name is not the one written ("José Luis Guterres" is not
        António Guterres)."""
        f = next((f for f in self.found if f.i == k and f.j == k + 1 and f.type == "PER"), None)
        if f is not None and f.actor in self.st.learned:
            return True                    # a learned surname inside the full name: same key, same id
        actor = self.kb.get(f.actor) if f is not None and f.actor else None
        if actor is None or actor.kind != "person":
            return False
        given = norm(self.words[first[0]])
        if _INITIAL.match(self.words[first[0]]):
            return False
        names = [actor.name, *actor.aliases]
        return all(norm(n.split()[0]) != given for n in names if len(n.split()) > 1)

    def _particle(self, k: int) -> int:
        """Width of a name particle at ``k`` that is followed by a name word (0 if none)."""
        for width in (2, 1):
            if k + width < len(self.toks) and " ".join(self.words[k:k + width]) in _PARTICLES \
                    and not any(self.taken[k:k + width + 1]) and is_name_token(self.words[k + width]):
                return width
        return 0

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
        name_idx = self._name_after(ph)
        if len(name_idx) >= 2 or (len(name_idx) == 1 and self._ent_person(name_idx[0])):
            actor_id = self._learn(ph, name_idx)
            self._mark(ph.start, ph.end)
            self._release(name_idx[0], name_idx[-1] + 1)
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

    def _release(self, i: int, j: int) -> None:
        """Drop surname-only person mentions that a longer learned name covers."""
        drop = [f for f in self.found if f.type == "PER" and i <= f.i and f.j <= j]
        self.found = [f for f in self.found if f not in drop]
        for f in drop:
            for k in range(f.i, f.j):
                self.taken[k] = False

    def _mark(self, i: int, j: int) -> None:
        for k in range(i, j):
            self.taken[k] = True

    def _ent_person(self, k: int) -> bool:
        return False  # filled by the extractor when entities are present (see ents_per)

    def _name_text(self, idx: list[int]) -> str:
        """The name as written in the text (hyphens kept: "Frank-Walter", "al-Maliki")."""
        return self._span_text(idx[0], idx[-1] + 1)

    def _span_text(self, i: int, j: int) -> str:
        sent = getattr(self, "sent", None)
        a, b = self.toks[i], self.toks[j - 1]
        if sent is not None:
            return " ".join(sent.text[a.start - sent.start:b.end - sent.start].split())
        return " ".join(self.words[i:j])

    def _learn(self, ph: RolePhrase, idx: list[int]) -> str:
        name = self._name_text(idx)
        if name.endswith("s") and len(idx) >= 2 and norm(name[:-1]) in {norm(a.name) for a in self.st.learned.values()}:
            name = name[:-1]
        # The id is a readable slug of the name as written (person:wolfgang-schaeuble); spellings
        # of one person (Tymur Tkatschenko / Tymur Tkachenko) meet through the matching key, so
        # the first id seen by this extractor is reused.
        key = name_key(name)
        written = name
        if key in self.st.registry:
            aid, name = self.st.registry[key]
        else:
            aid = self.st.surnames.get(key) or f"person:{name_slug(name)}"
        if aid in self.kb.actors:
            return aid
        title = ph.word.titles[0] if ph.word.titles else _nominative(ph.surface)
        owner = ph.of[0] if ph.of else None
        country = _country(self.kb, owner)
        if owner is None and ph.of_text:
            # a place the KB lacks is learned as well (no country: the text does not say)
            owner = f"loc:{slug(ph.of_text)}"
            if owner not in self.st.learned and self.kb.get(owner) is None:
                self.st.learned[owner] = Actor(owner, ph.of_text, "location", in_kb=False)
        role = Role(title, owner, labels=[self._span_text(ph.start, ph.end)])
        actor = self.st.learned.get(aid)
        if actor is None:
            sector = "MIL" if re.search(r"milit|general|kommand|armee|command|army", norm(title)) \
                and not re.search(r"verwalt|administr", norm(title)) else "GOV"
            actor = Actor(aid, name, "person", country=country, sector=sector, in_kb=False, roles=[role])
            self.st.learned[aid] = actor
        elif not any(r.title == title and (r.of == owner or owner is None) for r in actor.roles):
            actor.roles.append(role)
        if written != actor.name and written not in actor.aliases:
            actor.aliases.append(written)
        self.st.surnames[key] = aid
        self.st.registry.setdefault(key, (aid, actor.name))
        surname = self.words[idx[-1]]
        self.st.surnames[norm(surname)] = aid
        self.st.surnames.setdefault(name_key(surname), aid)
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
            while k >= 0 and len(idx) < 3 and not self.taken[k] and is_name_token(self.words[k]) \
                    and norm(self.words[k]) not in self.dets and role_word(self.kb, [self.words[k]], self.lang) is None:
                idx.insert(0, k)
                k -= 1
            if len(idx) < 2 or (k >= 0 and self.words[k][:1].isupper() and self.words[k].isalpha()):
                continue
            if any(_NOUN_END.search(norm(self.words[x])) for x in idx[1:]):
                continue
            for r in range(c + 1, min(c + 6, len(self.words))):
                ph = parse_role(self.kb, self.words, r, 1, self.lang)
                # "X Y, die Bürgermeisterin von …" and the article-less "X Y, Sprecher des …"
                if ph is not None and (ph.start <= c + 2 and norm(self.words[c + 1]) in self.dets | {"ehemalig"}
                                       or r == c + 1 and self.words[r][:1].isupper() and self._role_closed(ph)):
                    actor_id = self._learn(ph, idx)
                    self._add(Found(idx[0], idx[-1] + 1, actor_id, "PER", "apposition"))
                    self._mark(ph.start, ph.end)
                    break
                if ph is not None:
                    break


    def _role_closed(self, ph: RolePhrase) -> bool:
        """Does an article-less role phrase stand on its own ("Sprecher des Forums", "Sprecher,")
        rather than begin another name ("General Dynamics")?"""
        nxt = norm(self.words[ph.end]) if ph.end < len(self.words) else ""
        of_words = {norm(x) for x in self.data.get("of_words") or ()}
        return ph.end > ph.word_i + 1 or nxt in of_words or nxt in (",", ".", ";", "")


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
